"""The learned speaker ranker: for each quote, which of the people near it said it.

The rules (speakers.py, extract.py) find one attribution per quote; that is one cue among several. For
each quote the ranker gathers candidate speakers: the person the rules chose, the previous quote's
speaker, every person named within a window around the quote and every "he"/"she" there (resolved by
coref.py), and, as "weak" candidates with features of their own, the names there the person index reads as nobody's
(coref.PersonIndex.weak: one word the tagger reads as a person's, "Obama" never written in full; a body followed by a
speech verb, "the Harbour Board said"). Each candidate gets the hand-written cues as binary features (side and distance of its
nearest mention, whether that mention is the subject of a speech verb, whether the rules chose it and
how, whether it spoke the previous quote, how many of the article's quotes the rules give it, how often
the article names it, the shape of a person's full name, pronoun gender, the quote opening its paragraph, the word cluster of its last word,
whether the nearest quote before or after whose own tag names a speaker names this one, whether it spoke the last
attributed quote of a run of quotes with no word between them two or more quotes back,
whether a mention is the first person its sentence names, a "he"/"she" counted as well as names, whether one is a
possessive, "Okafor's lawyer" ...), and the highest-scoring
candidate wins, unless a "he"/"she" tag's winner is of the other sex by its title or first name and a candidate
not said to be is there (rule "pronoun-sex-guard"). The weights (a linear model: a log-linear ranker with an L2 penalty) are learned by bench/train_quotes.py
from PolNeAR's train set and shipped in assets/models/quote_speakers.json; the quote spans are untouched.

Switched off with the rule name "speaker-ranker" (tui.engine.rules), which gives the rules' speakers.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat

from .. import rules
from ..entities.clusters import cluster_path
from ..types import Quote
from .cues import SPEECH_VERBS
from .gender import PRONOUN_GENDER, gender_of
from .names import FIRST_NAMES, ORG_WORDS, is_person, months_named, tokens
from ..lexicon import quote_words

WEIGHTS_FILE = "quote_speakers.json"
MAX_DECIDED = 300  # quotes of one text the ranker decides, at most (articles have < 50; keeps a text of quotes fast)
BEFORE, AFTER = 600, 300  # the window (characters) around a quote where candidates are gathered
_PRONOUN = re.compile(r"\b([Hh]e|[Ss]he)\b")
_LISTENER = quote_words().listener_words

rules.guard(
    "speaker-ranker", "quotes.speaker",
    "a learned ranker picks the speaker among the people near a quote, with the rules' choice as one cue",
    changes=[("Mara Quist spoke to the council on Friday about the harbour.\n\n“The docks will close for a year. "
              "We have no money for repairs.”\n\nThe council will vote in May.",
              [("The docks will close for a year. We have no money for repairs.", "Mara Quist")])],
    keeps=["“We will rebuild the bridge before winter,” Maria Lopez said."])
rules.guard(
    "pronoun-sex-guard", "quotes.speaker",
    "a 'he'/'she' tag's speaker is not a person whose title or first name is of the other sex while one not so is near",
    changes=[("Ida Brandt chairs the ferry board. Mr. Tomas Ortiz sold the old pier in March.\n\nSince Ortiz's sale "
              "she has not rested. “We will buy the pier back before the winter,” she said.",
              [("We will buy the pier back before the winter,", "Ida Brandt")])],
    keeps=["Mr. Tomas Ortiz sold the old pier in March.\n\nSince the sale she has not rested. “We will buy the pier "
           "back before the winter,” she said."])
rules.guard(
    "speaker-not-named-in-own-quote", "quotes.speaker",
    "the ranker's pick is not a person the quote names by surname while one it does not name is near",
    changes=[("Ivo Lund chairs the ferry board. Mara Quist runs the harbour.\n\nLund wants a new quay by May. “Nobody "
              "asked the harbour. Lund decided alone, and the night crossings will pay for it.”",
              [("Nobody asked the harbour. Lund decided alone, and the night crossings will pay for it.", "Mara Quist")])],
    keeps=["Ivo Lund chairs the ferry board.\n\nLund wants a new quay by May. “Nobody asked the harbour. Lund decided "
           "alone, and the night crossings will pay for it.”"])
rules.guard(
    "he-or-she-is-no-body", "quotes.speaker",
    "a 'he'/'she' tag's speaker is no company, council or site (a name with an organisation word, an acronym) while "
    "a person who may be meant is near",
    changes=[("Ansel Marrow opened the Quillby fair on Saturday.\n\nThe ferry runs twice a day in summer. The quay was "
              "built in 1911 and has not been mended since. Fishermen say the night crossings frighten the seals.\n\n"
              "On Monday the mayor used Twitter to attack the ferry board. “Nobody in this town was asked about the "
              "night crossings,” he wrote.",
              [("Nobody in this town was asked about the night crossings,", "Ansel Marrow")])],
    keeps=["Bill Carver opened the Quillby fair on Saturday.\n\nThe ferry runs twice a day in summer. The quay was "
           "built in 1911 and has not been mended since.\n\nOn Monday the mayor wrote to the ferry board. “Nobody in "
           "this town was asked about the night crossings,” he said."])


@dataclass
class Candidate:
    """One possible speaker of a quote: the name shown, its nearest mention, its features."""

    name: str
    mention: tuple[int, int] | None = None  # the mention shown with the quote when this candidate wins
    dist: int = 1 << 30  # characters from the quote to the nearest mention, and its side
    side: str = ""
    sex: str | None = None  # "m"/"f" from a title or first name in one of its mentions
    feats: set[str] = field(default_factory=set)
    spoke: dict[str, int] = field(default_factory=dict)  # per side: distance of its nearest speaking mention
    # the speaker a lead ending in a colon names, (name, start, end), on every candidate of its quote: chosen in
    # `choose` (no feature: the weights learn without it)
    hint: tuple[str, int, int] | None = None


def active() -> bool:
    """Is the ranker on (and its weights shipped)?"""
    return rules.enabled("speaker-ranker") and bool(weights())


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The shipped weights (loaded on first use), or {} when the file is missing or unreadable."""
    from tui.assets import model_weights
    return model_weights(WEIGHTS_FILE)


def score(c: Candidate, w: dict[str, float]) -> float:
    """The candidate's score under weights w: the exactly rounded sum (math.fsum), so it does not depend on the order
    a set of features is read in, which changes from one process to the next with string hashing; with a plain sum
    two candidates whose weights add up alike could tie or not from run to run, and the speaker shown change."""
    return math.fsum(map(w.get, c.feats, repeat(0.0)))


def rerank(text: str, quotes: list[Quote], hows: list[str], res, bounds) -> list[Quote]:
    """The quotes with the speaker the ranker prefers (spans unchanged)."""
    w = weights()
    out = []
    wanted = decided(text, quotes, hows)
    over = [i for i, w in enumerate(wanted) if w][MAX_DECIDED:]
    for i in over:  # thousands of quotes are no article: past MAX_DECIDED the rules' choice stands
        wanted[i] = False
    for q, cands in zip(quotes, candidates(text, quotes, hows, res, bounds, wanted)):
        if not cands:
            out.append(q)
            continue
        best = choose(cands, w)
        if best.name == q.speaker:
            out.append(q)
        else:
            s, e = best.mention if best.mention else (None, None)
            out.append(Quote(q.start, q.end, q.text, best.name, s, e, q.score))
    return out


def choose(cands: list[Candidate], w: dict[str, float]) -> Candidate:
    """The highest-scoring candidate (the first, the rules' choice, wins ties); for a "he"/"she" tag, not one whose
    title or first name says the other sex while a candidate the text does not say so of is there (rule
    "pronoun-sex-guard"); and not one whose surname the quote itself names while someone it does not name is there
    (rule "speaker-not-named-in-own-quote"); and for a "he"/"she" tag not a body ("Twitter", "the Harbour Board", "NTSB")
    while a person not of the other sex is there (rule "he-or-she-is-no-body"). A quote led in by a clause ending in a colon takes the speaker that
    clause names, a candidate or not (rule "colon-lead-subject": 'The harbour trust reveals a few numbers: “...”')."""
    hint = cands[0].hint
    if hint is not None and rules.enabled("colon-lead-subject"):
        return next((c for c in cands if _key(c.name) == _key(hint[0])), None) or Candidate(hint[0], hint[1:])
    best = max(cands, key=lambda c: score(c, w))
    if "gender:clash" in best.feats and rules.enabled("pronoun-sex-guard"):
        fit = [c for c in cands if "gender:clash" not in c.feats]
        if fit:
            best = max(fit, key=lambda c: score(c, w))
    if _pronoun_tag(best) and _a_body(best.name) and rules.enabled("he-or-she-is-no-body"):
        other = [c for c in cands if not _a_body(c.name) and not c.feats & _CLASH]
        if other:
            best = max(other, key=lambda c: score(c, w))
    if "in-quote" in best.feats and rules.enabled("speaker-not-named-in-own-quote"):
        other = [c for c in cands if "in-quote" not in c.feats and "gender:clash" not in c.feats]
        if other:
            best = max(other, key=lambda c: score(c, w))
    return best


_CLASH = frozenset(("gender:clash", "w|gender:clash"))


def _pronoun_tag(c: Candidate) -> bool:
    """Is the candidate's quote tagged "he"/"she" (every candidate of such a quote has a gender feature)?"""
    return any(f.startswith(("gender:", "w|gender:")) for f in c.feats)


@lru_cache(maxsize=4096)
def _a_body(name: str) -> bool:
    """Does a candidate's name read as a body rather than a person: "the ..." ("the Harbour Board"), a word that makes a
    run an organisation or place ("Lisk Water Company", "Twitter"; not a first name opening it: "Bill Carver"), or
    one word of three or more capitals ("NTSB"; not "KA" of a mangled "Stefan KÃ")?"""
    if name.lower().startswith("the "):
        return True
    toks = tokens(name)
    for i, t in enumerate(toks):
        k = t.lower().strip(".")
        if i == 0 and k in FIRST_NAMES:
            continue
        if k in ORG_WORDS or (len(toks) == 1 and len(t) > 2 and t.isupper() and "." not in t):
            return True
    return False


def decided(text: str, quotes: list[Quote], hows: list[str]) -> list[bool]:
    """Which quotes the ranker decides: those whose attribution the rules do not settle (see trusted)."""
    return [not trusted(text, q, how) for q, how in zip(quotes, hows)]


def trusted(text: str, q: Quote, how: str) -> bool:
    """Is the rules' attribution left as it is? A name or a description in the quote's own tag
    ('“...,” a company spokesman said'), and a mention that names no person ("it", "they", "I"): the
    ranker only chooses for "he"/"she" and for quotes the rules attribute from further away or not at all."""
    if q.speaker_start is None:
        return False
    if q.speaker is None:
        return True  # 'they said': a group, not the last person named
    word = text[q.speaker_start : q.speaker_end].lower()
    if word in PRONOUN_GENDER and q.speaker[:1].islower() or q.speaker.lower().startswith(("a ", "an ", "the ")):
        return True  # coref found an unnamed speaker ("A spokesman said ... But he added:")
    return how in ("after", "before") and word not in PRONOUN_GENDER


# A distance in characters as a coarse bucket, _BUCKETS[bisect_left(_BUCKET_ENDS, d)]: "15" up to 15 characters,
# "40" up to 40, ..., "far" past 400 (looked up inline by `candidates`' `at`: ~2,000 calls on a quote-dense text).
_BUCKET_ENDS = (15, 40, 100, 200, 400)
_BUCKETS = ("15", "40", "100", "200", "400", "far")


def _count(n: int) -> str:
    return str(n) if n < 3 else "3+"


def _key(name: str) -> str:
    return name.lower()


def _at_features(kind: str, side: str, bucket: str, para: bool, sd: int, first: bool, flags: tuple) -> tuple[str, ...]:
    """The features one mention gives its candidate (`candidates`' `at`), in the order they are added."""
    f = [f"{kind}:{side}{bucket}", f"{kind}:{side}:{'para' if para else 'out'}", f"{kind}:{side}:s{sd}"]
    if first:
        f.append(f"{kind}:{side}:first:s{min(sd, 2)}")  # the first person its sentence names
    if flags[0]:
        f += (f"{kind}:{side}:speaks", f"{kind}:{side}:speaks:s{min(sd, 2)}")
    if flags[1]:
        f.append(f"{kind}:listener")
    if flags[2]:
        f.append(f"{kind}:{side}:opens")
    if flags[3]:
        f.append("poss")  # a possessive ("Okafor's lawyer"): mostly someone talked about, not the speaker
    return tuple(f)


# (kind, side, distance bucket, same paragraph, sentences between, first, the mention's flags) -> its features: a few
# hundred keys at most (tests/engine/test_speaker_ranker.py compares with building them each time)
_AT_FEATS: dict[tuple, tuple[str, ...]] = {}


def candidates(text: str, quotes: list[Quote], hows: list[str], res, bounds,
               wanted: list[bool] | None = None) -> list[list[Candidate]]:
    """For each quote, its candidate speakers with features; the rules' choice (if any) comes first.
    With `wanted`, only the quotes marked True get candidates (the others an empty list)."""
    people = res.people
    weak_pos = people.weak_pos
    months = months_named()
    pron_pos, pron_word = [], []
    q_starts = [q.start for q in quotes]
    for m in _PRONOUN.finditer(text):
        i = bisect.bisect_right(q_starts, m.start()) - 1
        if i >= 0 and quotes[i].start <= m.start() < quotes[i].end:
            continue
        pron_pos.append(m.start())
        pron_word.append(m.group(1).lower())
    said = Counter(q.speaker for q in quotes if q.speaker)
    # the nearest quote before and after each quote whose speaker its own tag names (ranker.trusted: "..., Lund said"),
    # by index (-1 / len: none): a quote between two of one person's named quotes is mostly theirs
    named_at = [q.speaker is not None and q.speaker_start is not None and trusted(text, q, how)
                for q, how in zip(quotes, hows)]
    last_named, next_named = [-1] * len(quotes), [len(quotes)] * len(quotes)
    for i in range(1, len(quotes)):
        last_named[i] = i - 1 if named_at[i - 1] else last_named[i - 1]
    for i in range(len(quotes) - 2, -1, -1):
        next_named[i] = i + 1 if named_at[i + 1] else next_named[i + 1]
    named = Counter(people.names)
    # a run: quotes with no word between them ("...the port needs money.\n\n“Nobody here ...”", a quote running over
    # paragraphs). For each quote the index of the nearest earlier one in its run whose rules' speaker is set, when
    # at least one quote without a speaker lies between (-1 otherwise): that speaker gets the feature "run"
    run_head, head = [-1] * len(quotes), -1
    for i in range(1, len(quotes)):
        if _WORD.search(text, quotes[i - 1].end, quotes[i].start) is not None:
            head = -1
        elif quotes[i - 1].speaker:
            head = i - 1  # the quote right after it: "prev" already says so
        elif head >= 0:
            run_head[i] = head
    pron_cache: dict[int, str | None] = {}
    looks: dict[int, tuple[bool, bool, bool, bool]] = {}  # per mention: speaks, listener, opens its sentence, possessive
    starts = people.sent_starts
    sent_of: dict[int, int] = {}

    def sent(p: int) -> int:  # the sentence index of position p (memoised: mentions recur across quotes)
        k = sent_of.get(p)
        if k is None:
            k = sent_of[p] = bisect.bisect_right(starts, p) - 1
        return k

    first_of: dict[int, bool] = {}
    lead_rule = rules.enabled("leading-phrase-not-antecedent")

    def first_person(s: int) -> bool:
        """Is the mention at s the first person its sentence names, counting "he"/"she" as well as names? In "He
        said Mr. Ortiz had called ..." the sentence is about "he", not Ortiz (memoised: mentions recur across quotes)."""
        f = first_of.get(s)
        if f is None:
            st = starts[sent(s)]
            kn = bisect.bisect_left(people.pos, s)
            kp = bisect.bisect_left(pron_pos, s)
            f = first_of[s] = (kn == 0 or people.pos[kn - 1] < st) and (kp == 0 or pron_pos[kp - 1] < st)
            if lead_rule and kn < len(people.pos) and people.pos[kn] == s:
                if people.lead[kn]:
                    f = first_of[s] = False  # 'Growing up in Bergen, Holm ...': Bergen is not what the sentence is about
                elif not f and people.main[kn] and (kp == 0 or pron_pos[kp - 1] < st):
                    b = kn - 1  # every person named before it sits in the opening phrase
                    while b >= 0 and people.pos[b] >= st and people.lead[b]:
                        b -= 1
                    f = first_of[s] = b < 0 or people.pos[b] < st
        return f

    out = []
    seen_before: Counter = Counter()
    for i, (q, how) in enumerate(zip(quotes, hows)):
        if wanted is not None and not wanted[i]:
            if q.speaker:
                seen_before[_key(q.speaker)] += 1
            out.append([])
            continue
        p_start, p_end = bounds(q.start)
        k = q.start - 1
        while k >= p_start and text[k] in " \t\u00a0\"“”'‘":
            k -= 1
        opens_para = k < p_start  # nothing but marks and spaces before the quote in its paragraph
        prev = quotes[i - 1].speaker if i else None
        cands: dict[str, Candidate] = {}
        q_start, q_end = q.start, q.end
        q_sent, q_last = sent(q_start), sent(max(q_start, q_end - 1))

        def get(name: str) -> Candidate:
            k = _key(name)
            if k not in cands:
                cands[k] = Candidate(name)
            return cands[k]

        def at(c: Candidate, s: int, e: int, kind: str, first: bool = False) -> None:
            k = sent_of.get(s)
            if k is None:
                k = sent(s)
            if s < q_start:
                side, d, sd = "b", q_start - e, q_sent - k
            else:
                side, d, sd = "a", s - q_end, q_last - k
            if d < 0:
                d = 0
            sd = min(abs(sd), 3)  # sentences between
            flags = looks.get(s)
            if flags is None:
                flags = looks[s] = (_speaks_near(text, s, e), _listener(text, s), _opens_sentence(text, s),
                                    _possessive(text, s, e))
            fkey = (kind, side, _BUCKETS[bisect.bisect_left(_BUCKET_ENDS, d)], p_start <= s < p_end, sd, bool(first),
                    flags)
            feats = _AT_FEATS.get(fkey)
            if feats is None:
                feats = _AT_FEATS[fkey] = _at_features(*fkey)
            c.feats.update(feats)
            if flags[0] and d < c.spoke.get(side, 1 << 30):
                c.spoke[side] = d
            if d < c.dist:
                c.dist, c.side = d, side
                if not c.mention or "rule" not in c.feats:
                    c.mention = (s, e)

        if q.speaker:
            c = get(q.speaker)
            c.feats |= {"rule", f"rule:{how}"}
            if q.speaker_start is not None:
                c.mention = (q.speaker_start, q.speaker_end)
                word = text[q.speaker_start : q.speaker_end].lower()
                c.feats.add("rule:pronoun" if word in PRONOUN_GENDER or word in ("they", "we", "i") else
                            "rule:nominal" if word[:1].islower() or word.startswith(("the ", "a ", "an ")) else "rule:name")
        lo, hi = max(0, q.start - BEFORE), min(len(text), q.end + AFTER)
        want = None
        if q.speaker_start is not None:
            want = PRONOUN_GENDER.get(text[q.speaker_start : q.speaker_end].lower())
        anchor = q.speaker_start if want else q.start  # antecedents of "he said" are looked for before "he"
        ante: list[str] = []  # candidate keys by recency before the anchor, gender clashes skipped
        near_names = _nearest(people.pos, q.start, q.end, lo, hi)
        for j in reversed(near_names):
            if people.pos[j] < anchor and not (want and people.sex[j] and people.sex[j] != want):
                k = _key(people.names[j])
                if k not in ante:
                    ante.append(k)
        for j in near_names:
            s = people.pos[j]
            name = people.names[j]
            e = people.ends[j]
            c = get(name)
            at(c, s, e, "name", first_person(s))
            if people.aside[j]:
                c.feats.add("name:aside")
            else:
                c.feats.add("name:main")
            c.sex = c.sex or people.sex[j]
        weak = set()  # candidates only named by runs the person index reads as nobody: ranked apart, feature "weak"
        for j in _nearest(weak_pos, q.start, q.end, lo, hi):
            s, e, name, sex = people.weak[j]
            if sex == "body" and want:
                continue  # "Arsenal said ...": no "he" or "she"
            if _key(name) not in cands:
                weak.add(_key(name))
            c = get(name)
            at(c, s, e, "weak", first_person(s))  # features of their own: "weak:b15", "weak:a:speaks" ...
            if sex != "body":
                c.sex = c.sex or sex
        for j in _nearest(pron_pos, q.start, q.end, lo, hi):
            s, word = pron_pos[j], pron_word[j]
            if s not in pron_cache:
                pron_cache[s] = people.resolve(s, word)
            name = pron_cache[s]
            if name:
                weak.discard(_key(name))
                at(get(name), s, s + len(word), "pron", first_person(s))
        if prev:
            weak.discard(_key(prev))
            c = get(prev)
            c.feats.add("prev")
            if how in ("none", "inherit"):
                c.feats.add("prev:" + how)
        if run_head[i] >= 0:
            name = quotes[run_head[i]].speaker
            weak.discard(_key(name))
            get(name).feats.add("run")  # spoke the run's last attributed quote, two or more quotes back
        for r, k in enumerate(ante[:3]):
            cands[k].feats.add(f"ante:{'pron' if want else 'quote'}{r}")  # nth fitting person back from the anchor
        weak_only = {id(cands[k]) for k in weak}
        cands = _merge(cands, weak_only, months)
        n = sum(id(c) not in weak_only for c in cands)
        for c in cands:
            if id(c) in weak_only:
                c.feats.add("weak")
        for side in ("b", "a"):
            near = sorted((c for c in cands if c.side == side and id(c) not in weak_only), key=lambda c: c.dist)
            for r, c in enumerate(near[:3]):
                c.feats.add(f"rank:{side}{r}")
            talk = sorted((c for c in cands if side in c.spoke and id(c) not in weak_only), key=lambda c: c.spoke[side])
            for r, c in enumerate(talk[:2]):
                c.feats.add(f"spoke:{side}{r}")  # the nearest person who speaks on that side
        prev_para = i and bounds(quotes[i - 1].start)[0] == p_start
        tagged = []  # (the named speaker's key, feature) of the nearest named quote on each side
        for j, side in ((last_named[i], "tlast"), (next_named[i], "tnext")):
            if 0 <= j < len(quotes):
                tagged.append((_key(quotes[j].speaker), side + (":samepara" if bounds(quotes[j].start)[0] == p_start else "")))
        inside = set(_WORDS.findall(q.text))
        for c in cands:
            cluster, shape, last, one_lower = _name_facts(c.name, months)
            c.feats.add("bias")
            c.feats.add(cluster)  # words used alike: people's surnames vs places, papers
            c.feats.add(shape)
            if last in inside:
                c.feats.add("in-quote")  # the quote names them: mostly someone talked about, not the speaker
            c.feats.add(f"said:{_count(said[c.name] - ('rule' in c.feats))}")
            c.feats.add(f"before:{_count(seen_before[_key(c.name)])}")
            c.feats.add(f"named:{_count(named[c.name])}")
            c.feats.add(f"how:{how}:{'rule' if 'rule' in c.feats else 'other'}")
            for who, feat in tagged:
                if who == _key(c.name):
                    c.feats.add(feat)  # the nearest quote before (after) whose own tag names this candidate
            if n == 1:
                c.feats.add("only")
            if opens_para:
                c.feats |= {f"open:{f}" for f in ("rule", "prev") if f in c.feats}
            if one_lower:
                c.feats.add("lower")
            if want:
                sex = c.sex or _name_gender(c.name)
                c.feats.add("gender:" + ("unknown" if sex is None else "fits" if sex == want else "clash"))
            if "prev" in c.feats:
                c.feats.add("prev:samepara" if prev_para else "prev:otherpara")
                c.feats.add(f"prev:how:{how}")
            if id(c) in weak_only:  # every feature its own ("w|cluster:21"): weak ones teach the people's nothing
                c.feats = {f if f.startswith("weak") else "w|" + f for f in c.feats}
        hint = res.colon_hints.get(q.start)
        if hint is not None:  # the speaker a lead ending in a colon gives (extract._Scan._colon_hint): see `choose`
            for c in cands:
                c.hint = hint
        if q.speaker:
            seen_before[_key(q.speaker)] += 1
        out.append(cands)
    return out


NEAR_BEFORE, NEAR_AFTER = 8, 4  # mentions looked at on each side of a quote, at most (bounded work per quote)


def _nearest(pos: list[int], start: int, end: int, lo: int, hi: int) -> list[int]:
    """Indexes into the sorted `pos` of the nearest mentions before `start` (down to lo) and after `end`
    (up to hi): at most NEAR_BEFORE and NEAR_AFTER of them, in text order."""
    k = bisect.bisect_left(pos, start)
    a = max(bisect.bisect_left(pos, lo, 0, k), k - NEAR_BEFORE)
    m = bisect.bisect_left(pos, end, k)
    b = min(bisect.bisect_left(pos, hi, m), m + NEAR_AFTER)
    return list(range(a, k)) + list(range(m, b))


def _merge(cands: dict[str, Candidate], weak: set[int] = frozenset(), months: bool = True) -> list[Candidate]:
    """Candidates as a list, the rules' choice first; a one-word name that is the surname of exactly one
    longer candidate ("Lopez", "Maria Lopez") is merged into it, else one that is the first name of exactly one
    person ("Luka" of "Dr. Luka Žagar", where the capitalised run stops at a letter outside A-Z). Nothing is merged
    into a candidate whose id is in `weak` (only named by runs read as nobody, "Lopez Foundation")."""
    items = list(cands.values())
    by_last: dict[str, list[Candidate]] = {}
    by_first: dict[str, list[Candidate]] = {}
    for c in items:
        words = c.name.split()
        if len(words) > 1 and id(c) not in weak:
            by_last.setdefault(words[-1].lower(), []).append(c)
            if _name_facts(c.name, months)[1] == "shape:person":  # is_person, remembered: not "Trump Tower" for "Trump"
                by_first.setdefault(words[0].lower(), []).append(c)
    out = []
    for c in items:
        words = c.name.split()
        key = words[-1].lower()
        longer = (by_last[key] if key in by_last else by_first.get(key, [])) if len(words) == 1 else []
        if len(longer) == 1:
            t = longer[0]
            t.feats |= c.feats
            t.sex = t.sex or c.sex
            for side, d in c.spoke.items():
                t.spoke[side] = min(d, t.spoke.get(side, d))
            if c.dist < t.dist:
                t.dist, t.side = c.dist, c.side
                if "rule" not in t.feats:
                    t.mention = c.mention
            continue
        out.append(c)
    out.sort(key=lambda c: "rule" not in c.feats)
    return out


_WORDS = re.compile(r"[A-Z][\w'’\-]+")
_WORD = re.compile(r"\w")
_NEXT = re.compile(r"[\s,]*(?:\([^()\n]{0,30}\)\s*)?(?:\w+ly\s+|also\s+|later\s+|then\s+|has\s+|had\s+)?([\w’']+)")


@lru_cache(maxsize=4096)
def _name_facts(name: str, months: bool = True) -> tuple[str, str, str, bool]:
    """What a candidate's features read of its name alone (remembered: names recur across quotes and articles): its
    cluster feature, its shape feature (a person's full name: 2-4 capitalised words, no organisation or place word;
    another multi-word name, "Harbour Safety Authority"; or one word), its last word, and whether it is one word
    in lower case. `months`: names.months_named() (is_person reads it; part of the key, so a switch is never stale)."""
    words = name.split()
    shape = "person" if is_person(name) else "other" if " " in name.strip() else "one"
    return "cluster:" + _cluster(name), "shape:" + shape, words[-1], len(words) == 1 and name[:1].islower()


@lru_cache(maxsize=4096)
def _name_gender(name: str) -> str | None:
    """`gender_of` the words of a candidate's name (remembered: names recur across quotes and articles)."""
    return gender_of(list(tokens(name)))


def _cluster(name: str) -> str:
    """The word cluster (the 128-cluster level, learned from unlabelled news by bench/build_clusters.py) of a name's
    last word: surnames share clusters, and so do towns, newspapers and sentence-opening words ("none": unknown)."""
    words = name.split()
    path = cluster_path(words[-1].strip("’'")) if words else None
    return path[1] if path else "none"


def _speaks_near(text: str, s: int, e: int) -> bool:
    """Is the mention the subject of a speech verb right after it, or right after one ('said Smith')?"""
    m = _NEXT.match(text, e, e + 60)
    if m and m.group(1).lower() in SPEECH_VERBS:
        return True
    before = text[max(0, s - 12) : s].split()
    return bool(before) and before[-1].lower().strip(",") in ("said", "says", "added", "according")


def _possessive(text: str, s: int, e: int) -> bool:
    """Is the mention a possessive ("Okafor's", "Andres'")?"""
    return text.endswith(("'s", "’s", "s'", "s’"), s, e) or text.startswith(("'s", "’s"), e)


def _opens_sentence(text: str, s: int) -> bool:
    """Does the mention open its sentence (or paragraph)?"""
    k = s - 1
    while k >= 0 and text[k] in " \t\u00a0\"“”'‘":
        k -= 1
    return k < 0 or text[k] in ".!?\n"


def _listener(text: str, s: int) -> bool:
    """Is the mention right after a word that makes it the listener or the topic ("told Smith", "to Smith")?"""
    before = text[max(0, s - 10) : s].split()
    return bool(before) and before[-1].lower() in _LISTENER
