"""Resolve "he"/"she" to a person named nearby: the subject of the closest sentence that names someone.

Names inside quotation marks are skipped: a person a speaker talks about is
rarely the speaker.
"""

from __future__ import annotations

import bisect
import re

from .. import rules
from .cues import SKIP_BEFORE_VERB, SPEECH_VERBS
from .gender import PRONOUN_GENDER, gender_of
from .names import (FIRST_NAMES, MONTH_ABBREVS, NOT_NAME, ORG_WORDS, TITLES, NameBook, _common_cased, _key, drop_opener,
    is_name_like, is_person, lower_words, name_runs, person_part, strip_name, tokens)
from ..lexicon import quote_words

# titles that only ever stand before a person's name
PERSON_TITLES = quote_words().person_titles
_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")
# the word before a dot that does not end a sentence: a title ("Sen."), an initial ("J."), a dotted
# abbreviation ("U.S.") or a state in a party label ("(R-Vt.)")
_ABBREV_DOT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St|Sec|Amb|Atty|Adm|Del)"
                         r"|\b[A-Z]|[A-Z]\.[A-Z]|\b[DRI]-[A-Z][a-z]*|\([A-Z][a-z]{1,4})\.$")


def sentence_starts(text: str) -> list[int]:
    """Where sentences start: after . ! ? (and closing marks) or a line break, but not after
    "Sen." / "J." / "U.S." / "(R-Vt.)", nor before a lower-case word ("(D-Vt.) said")."""
    starts = [0]
    for m in _SENT_END.finditer(text):
        e = m.end()
        if text[m.start()] == "." and "\n" not in m.group():
            if e < len(text) and text[e].islower():
                continue
            if _ABBREV_DOT.search(text, max(0, m.start() - 8), m.start() + 1):
                continue
        starts.append(e)
    return starts


LEAD_CHARS = 200  # an opening phrase ends at a comma this close to its sentence's start, or it is none
MAX_GROUPS = 64  # sentences with a fitting name a pronoun's antecedent is looked for in, at most


class PersonIndex:
    """Positions of person-name mentions outside quotes, grouped by sentence."""

    def __init__(self, text: str, book: NameBook, quoted: list[tuple[int, int]],
                 named_things: list[tuple[int, int]] = (), named_people: list[tuple[int, int]] | None = None) -> None:
        """`named_things`: spans the tagger labelled an organisation or place (none without entities); `named_people`:
        the spans it labelled a person (None without entities)."""
        self.sent_starts = sentence_starts(text)
        self.pos: list[int] = []
        self.ends: list[int] = []  # where each mention's run of capitalised words ends
        self.names: list[str] = []
        self.sex: list[str | None] = []  # "m", "f" or None when unknown
        self.speaks: list[bool] = []  # the mention is the subject of a speech verb ("Holm responded")
        q_starts = [s for s, _ in quoted]

        def inside(p: int) -> bool:
            i = bisect.bisect_right(q_starts, p) - 1
            return i >= 0 and quoted[i][0] <= p < quoted[i][1]

        found = []
        weak = []  # name runs read as no person that may still speak
        lower = lower_words(text)
        things = sorted(named_things)
        thing_starts = [s for s, _ in things]

        def a_thing(s: int, e: int) -> bool:  # the run ends inside a name the tagger read as no person's
            i = bisect.bisect_left(thing_starts, e) - 1  # ("The Dallas Cowboys": the run has "The", the name not)
            return i >= 0 and things[i][1] >= e

        people_spans = sorted(named_people or ())
        people_starts = [s for s, _ in people_spans]

        def tagged_person(s: int, e: int) -> bool:  # the tagger read the word at s..e as (part of) a person's name
            i = bisect.bisect_right(people_starts, s) - 1
            return i >= 0 and people_spans[i][1] >= e

        for m in name_runs(text):
            toks = drop_opener(text, m.start(), person_part(tokens(m.group())), lower)
            if not toks or (things and len(toks) > 1 and _key(toks[0]) not in FIRST_NAMES
                             and a_thing(m.start(), m.end()) and rules.enabled("tagged-things-are-nobody")):
                if toks and _speaks(text, m.end()) and is_name_like(" ".join(toks)):
                    weak.append((m.start(), m.end(), strip_name(" ".join(toks)), "body"))  # "the Harbour Board said"
                continue  # "the Dallas Cowboys" tagged an organisation is nobody; a first name still makes a person
            full = book.resolve(" ".join(toks), m.start())
            speaks = said = _speaks(text, m.end())  # `said` stays when a tagged thing's `speaks` goes
            run = tokens(m.group())
            titled = len(toks) == 1 and len(run) > 1  # "Mr. Okafor", "Sen. Brandt"
            # a person's title right before the name ("President Okafor") makes it a person, like a gendered one
            personal = titled and run[-2].lower().rstrip(".") in PERSON_TITLES and toks[0].lower() not in ORG_WORDS
            if speaks and things and len(toks) == 1 and not titled and a_thing(m.start(), m.end()) \
                    and rules.enabled("one-word-thing-is-nobody"):
                speaks = False  # "Arsenal said": tagged an organisation, it makes no person of a one-word name
            if is_person(full) or (len(toks) == 1 and (speaks or titled and (personal or gender_of(run)))):
                found.append((m.start(), m.end(), full, gender_of(tokens(m.group())) or gender_of(tokens(full))
                              or _role_sex(text, m.start()), speaks,
                              _modifies_a_name(text, m.end())))
            elif len(toks) == 1 and not (things and a_thing(m.start(), m.end())) and (
                    _maybe_someone(toks[0], lower) if named_people is None
                    else tagged_person(m.start(), m.end() - len(_POSSESSIVE_END.search(m.group()).group()))):
                weak.append((m.start(), m.end(), strip_name(toks[0]), gender_of(run)))  # "Obama", "Melania"
            elif said and is_name_like(" ".join(toks)):
                weak.append((m.start(), m.end(), strip_name(" ".join(toks)), "body"))  # "Arsenal said", "the NTSB said"
        # names the index does not count as people: one word the tagger reads as a person's, or that looks like a name
        # without the tagger ("Obama" never written in full nor followed by "said", "his wife, Melania,"), and a body
        # followed by a speech verb ("the Harbour Board said"): the speaker ranker's weak candidates
        # (ranker.candidates), (start, end, name, sex) in text order; a body's sex is "body"
        self.weak: list[tuple[int, int, str, str | None]] = [w for w in weak if not inside(w[0])]
        self.weak_pos = [w[0] for w in self.weak]
        self.aside: list[bool] = []  # the mention sits in a leading "While Okafor ..., " clause
        # the mention sits in a phrase that opens its sentence before a comma ("Growing up in Bergen, Holm ...", "In a
        # letter to Lind, Holm ...") or only describes the person named next: no subject for a "he"/"she" (resolve)
        self.lead: list[bool] = []
        self.main: list[bool] = []  # the mention opens the clause after its sentence's first comma (', Holm saw')
        for p, end, name, sex, speaks, modifier in sorted(found, key=lambda f: f[0]):
            if not inside(p):
                self.pos.append(p)
                self.ends.append(end)
                self.names.append(strip_name(name))
                self.sex.append(sex)
                self.speaks.append(speaks)
                self.aside.append(modifier or self._in_leading_clause(text, p))
                self.lead.append(self._in_leading_phrase(text, p))
                self.main.append(not modifier and self._opens_main_clause(text, p))
        # "he said" / "she argued" outside quotes: where a pronoun already speaks for someone
        self.talking_pronouns: list[tuple[int, str]] = [
            (m.start(), m.group(1).lower()) for m in _PRONOUN_TALKS.finditer(text)
            if m.group(2).lower() in SPEECH_VERBS and not inside(m.start())]
        self._talk_pos = [q for q, _ in self.talking_pronouns]
        # "A spokesman said ..." outside quotes: an unnamed speaker a later "he" may stand for
        self.nominals: list[tuple[int, str, str | None]] = [
            (m.start(), m.group(1), _ROLE_GENDER.get(m.group(2).lower())) for m in _NOMINAL_TALKS.finditer(text)
            if not inside(m.start())]
        self._nominal_pos = [q for q, _, _ in self.nominals]
        # one word the tagger reads as a person's opening a sentence ("Meanwhile Rivka, who ..."): a "he"/"she" may
        # stand for it too (rule "tagged-one-word-antecedent"); (position, name, sex) in text order, none without the
        # tagger's entities
        self.tagged_one: list[tuple[int, str, str | None]] = [
            (w[0], w[2], w[3]) for w in self.weak if w[3] != "body" and " " not in w[2]
            and self._may_be_antecedent(text, w[0], w[1])] \
            if named_people is not None and rules.enabled("tagged-one-word-antecedent") else []
        self._tagged_pos = [t[0] for t in self.tagged_one]
        # for each gender, the index of the last mention at or before i whose gender does not clash:
        # the walk back skips stretches of names a pronoun cannot mean in one step (linear on any text)
        self._last_fit: dict[str, list[int]] = {}
        for want, other in (("m", "f"), ("f", "m")):
            last, col = -1, []
            for i, sex in enumerate(self.sex):
                if sex != other:
                    last = i
                col.append(last)
            self._last_fit[want] = col

    def _sentence(self, p: int) -> int:
        return bisect.bisect_right(self.sent_starts, p) - 1

    def resolve(self, p: int, pronoun: str = "", max_back: int = 6) -> str | None:
        """The person a pronoun at p most likely refers to, or None.

        Walks back sentence by sentence to the nearest one naming a person and takes its first
        name (the subject, most often), skipping names whose known gender does not fit the pronoun.
        """
        k = bisect.bisect_left(self.pos, p)  # mentions before p are self.pos[:k]
        fallback = None
        s_here = self._sentence(p)
        want = PRONOUN_GENDER.get(pronoun.lower())
        nominal = self._nominal_before(p, want, s_here - max_back) if rules.enabled("pronoun-after-unnamed-speaker") \
            else None
        weak = self._tagged_before(p, want) if self.tagged_one else None
        j = k - 1
        groups = 0
        while j >= 0:
            if want:
                j = self._last_fit[want][j]
                if j < 0:
                    break
            groups += 1
            if groups > MAX_GROUPS:
                break
            s = self._sentence(self.pos[j])
            if nominal is not None and self._sentence(nominal[0]) > s:
                return nominal[1]  # 'A spokesman said ... But he added:': the unnamed speaker is nearer
            if weak is not None and not fallback and (self._sentence(weak[0]) > s or (
                    self._sentence(weak[0]) == s and weak[0] < self.pos[self.sent_first(s, j)])):
                return weak[1]  # 'Meanwhile Rivka, who won the award, spoke ... “...,” she said': the tagged name
            if s_here - s > max_back:
                return fallback or (nominal[1] if nominal else None)
            first = bisect.bisect_left(self.pos, self.sent_starts[s], 0, j + 1)  # the sentence's first mention
            if j - first > 64:
                first = j - 64  # a "sentence" of hundreds of names is no prose: its last ones will do
            fits = [i for i in range(first, j + 1) if not (want and self.sex[i] and self.sex[i] != want)]
            if len(fits) > 1 and self.lead[fits[0]] and rules.enabled("leading-phrase-not-antecedent"):
                # 'Growing up in Bergen, Holm saw ...': the subject after the opening phrase, not the place in it
                rest = [i for i in fits if self.main[i]]
                if rest:
                    fits = rest
            if fits:
                if not self._pronoun_talks(s, pronoun.lower(), min(p, self.pos[fits[0]])):
                    return self.names[fits[0]]
                # 'leaving the port would please friends of Ivo Brandt, he said': the names are
                # objects and the pronoun that speaks there is the same person as ours, further back
                fallback = fallback or self.names[fits[0]]
            j = first - 1  # nobody of that gender here: look further back
        return fallback or (weak[1] if weak else None) or (nominal[1] if nominal else None)

    def _may_be_antecedent(self, text: str, s: int, e: int) -> bool:
        """Can the tagged one-word name of the run at s..e be what a later "he"/"she" stands for? Only when the run
        opens its sentence ("Meanwhile Rivka, who ..."; not "The Rivka party"), and is no name of a thing or person
        named right after it ("Rivka frontman Ivo Holm", "Rivka's sister Ida").
        """
        start = self.sent_starts[self._sentence(s)]
        if text[start:s].strip(" \t\u00a0\"“”'‘") or text.startswith(("The ", "A ", "An "), s):
            return False
        m = _THEN_A_NAME.match(text, e)
        if m:
            for pos in (self.pos, self.weak_pos):
                k = bisect.bisect_left(pos, m.end() - 1)
                if k < len(pos) and pos[k] == m.end() - 1:
                    return False
        return True

    def sent_first(self, s: int, j: int) -> int:
        """The index of the first mention of sentence s, of those up to mention j (which sits in s)."""
        return bisect.bisect_left(self.pos, self.sent_starts[s], 0, j + 1)

    def _tagged_before(self, p: int, want: str | None) -> tuple[int, str] | None:
        """The first tagged one-word name of the last sentence before p (within 6 sentences) that holds one whose sex
        fits `want`: (position, name), or None."""
        i = bisect.bisect_left(self._tagged_pos, p) - 1
        s_here = self._sentence(p)
        found = None
        while i >= 0:
            pos, name, sex = self.tagged_one[i]
            s = self._sentence(pos)
            if s_here - s > 6 or (found is not None and s != self._sentence(found[0])):
                break
            if not (want and sex and sex != want):
                found = (pos, name)
            i -= 1
        return found

    def _nominal_before(self, p: int, want: str | None, floor_sentence: int) -> tuple[int, str] | None:
        """The last unnamed speaker ("A spokesman said") before p, not before sentence `floor_sentence`,
        whose gender fits the pronoun: (position, phrase), or None."""
        i = bisect.bisect_left(self._nominal_pos, p) - 1
        while i >= 0 and self._sentence(self.nominals[i][0]) >= floor_sentence:
            pos, phrase, sex = self.nominals[i]
            if not (want and sex and sex != want):
                return pos, phrase
            i -= 1
        return None

    def _in_leading_clause(self, text: str, p: int) -> bool:
        """Is position p inside a sentence-opening subordinate clause ("While Okafor had ..., Lind ...")?"""
        start = self.sent_starts[self._sentence(p)]
        # p may be the start of the run "While Okafor" itself
        return bool(_LEADING_CLAUSE.match(text, start, p + 12)) and "," not in text[start:p]

    def _first_comma(self, text: str, p: int) -> tuple[int, int]:
        """The start of the sentence holding p and its first comma within LEAD_CHARS of that start (-1: none): an
        opening phrase is short, and a bounded look keeps a text of one endless sentence linear."""
        k = self._sentence(p)
        start = self.sent_starts[k]
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(text)
        return start, text.find(",", start, min(end, start + LEAD_CHARS))

    def _in_leading_phrase(self, text: str, p: int) -> bool:
        """Is position p a name right after in/at/from ... inside a phrase that opens its sentence with a preposition, a
        subordinating word or a participle and ends at the sentence's first comma ("Growing up in Bergen, Holm ...",
        "At a rally in Bergen, Holm ...")?"""
        start, comma = self._first_comma(text, p)
        if comma <= p:
            return False
        m = _LEADING_PHRASE.match(text, start, p + 1)
        if not m or m.end() > p:
            return False
        before = text[max(start, p - 12) : p].split()
        return bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS

    def _opens_main_clause(self, text: str, p: int) -> bool:
        """Does the mention at p open the clause after its sentence's first comma (', Holm saw', ', party chair Ida
        Holm said'; not ', he offered his thoughts on Holm')? At most three lower-case words between, no pronoun."""
        _, comma = self._first_comma(text, p)
        if comma < 0 or comma >= p or p - comma > 60:
            return False
        words = text[comma + 1 : p].split()
        return len(words) <= 3 and all(w[:1].islower() and w not in _NOT_A_SUBJECT_START for w in words)

    def _pronoun_talks(self, s: int, pronoun: str, before: int) -> bool:
        """Does `pronoun` speak ("he said") in sentence s, before position `before` (its first name)?

        A name before the speaking pronoun ('Ban condemned what he called ...') is its antecedent.
        """
        if pronoun not in ("he", "she"):
            return False
        lo = bisect.bisect_left(self._talk_pos, self.sent_starts[s])
        end = self.sent_starts[s + 1] if s + 1 < len(self.sent_starts) else before
        for q, pron in self.talking_pronouns[lo:]:
            if q >= min(end, before):
                break
            if pron == pronoun:
                return True
        return False


def _maybe_someone(word: str, lower: frozenset[str]) -> bool:
    """Without the tagger's entities: could one capitalised word the index reads as nobody still be someone? No
    acronym, contraction ("I've"), title, organisation or other non-name word, and a word neither the article nor
    (mostly) unlabelled news writes in lower case: a surname never written in full ("Obama") or a first name alone
    ("his wife, Melania,")."""
    k = _key(word)
    if word.isupper() or _CONTRACTION.search(word) or len(k) < 2 or k in NOT_NAME or k in MONTH_ABBREVS or k in TITLES \
            or k in ORG_WORDS:
        return False
    return word.lower() not in lower and not _common_cased(word)


_CONTRACTION = re.compile(r"['’][a-z]")  # "I've", "We'll" (not "O'Neill")


_POSSESSIVE_END = re.compile(r"(?:['’]s?)?$")
_ROLE_THEN_NAME = re.compile(r"[ \t]+((?:[a-z][\w-]*[ \t]+){1,3})[A-Z]")
_ROLES = TITLES | {"singer", "strategist", "adviser", "advisor", "aide", "official", "executive", "founder", "owner",
                   "member", "leader", "chief", "boss", "star", "guitarist", "drummer", "player", "scientist"}


def _modifies_a_name(text: str, end: int) -> bool:
    """Does the name run ending at `end` only describe the person named next ("Manfred Mann singer
    Paul Jones", "UBS economist Maury Harris")? Then it is not a person a pronoun can mean."""
    m = _ROLE_THEN_NAME.match(text, end, end + 60)
    if not m:
        return False
    words = [w.lower() for w in m.group(1).split()]
    if any(w in SPEECH_VERBS or w.endswith("ed") for w in words):
        return False  # "Okafor praised party chairman Jon Bell": a verb, not a description
    return words[-1] in _ROLES

_LEADING_CLAUSE = re.compile(r"[\"“'‘\s]*(?:While|Although|Though|Whereas|Because|Since|If|Unless|When|After|Before|As"
                             r"|Unlike|Like|Despite|Following|Besides|Alongside|Amid)\b")
# a sentence opening with a preposition, a subordinating word or a participle ("In", "Despite", "Growing up in")
_LEADING_PHRASE = re.compile(r"[\"“'‘\s]*(?:In|At|On|From|For|With|Without|By|During|Under|Over|Through|Throughout|Across"
                             r"|Outside|Inside|Near|Beyond|Against|Among|Between|Unlike|Like|Despite|After|Before|Since"
                             r"|Following|Besides|Alongside|Amid|While|Although|Though|Whereas|Because|If|Unless|When"
                             r"|As|Once|Until|Upon|[A-Z][a-z]+ing|Asked|Born|Raised|Elected|Pressed)\b")
# a word right before a name that says the person's sex ("her husband, Ivo Berg", "party spokeswoman Ida Holm"); not
# "spokesman", "chairman", "actor": news writes them of women too ("campaign spokesman Ida Holm")
_ROLE_SEX = {w: "m" for w in "husband son father brother widower uncle boyfriend grandson nephew stepfather dad grandfather"
             .split()} | {
             w: "f" for w in "wife daughter mother sister widow aunt girlfriend granddaughter niece stepmother mom grandmother "
             "spokeswoman chairwoman congresswoman actress businesswoman".split()}
_ROLE_BEFORE = re.compile(r"\b([a-z]+),?[ \t]+$")


def _role_sex(text: str, s: int) -> str | None:
    """The sex a role word right before the name at s says ("her husband, Ivo Berg": "m"), or None (rule
    "role-word-gives-sex")."""
    m = _ROLE_BEFORE.search(text, max(0, s - 20), s)
    sex = _ROLE_SEX.get(m.group(1)) if m else None
    return sex if sex and rules.enabled("role-word-gives-sex") else None


_THEN_A_NAME = re.compile(r"(?:['’]s?)?(?:[ \t]+[a-z][\w-]*){1,4}[ \t]+[A-Z]")  # " frontman Ivo", "' sister Ida"
_NOT_A_SUBJECT_START = frozenset("he she they we i it his her their its".split())
_PLACE_PREPOSITIONS = frozenset("in at from near outside across throughout around".split())
# the description may name the body the speaker stands for: "A Harbour Board spokeswoman", "the Ofcom spokesman"
_NOMINAL_TALKS = re.compile(r"\b((?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w'’-]+\s+){0,3}?"
                            r"(spokesman|spokeswoman|spokesperson|official|aide|adviser|advisor|source|lawyer|attorney))"
                            r"\s+(?:also\s+|later\s+)?(?:said|says|told|added|wrote|explained|noted)\b")
_ROLE_GENDER = {"spokesman": "m", "spokeswoman": "f"}
_PRONOUN_TALKS = re.compile(r"\b([Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(\w+)")
_NEXT_WORDS = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s+(\w+)(?:\s+(\w+))?")  # "Holt (R-Vt.) said"


def _speaks(text: str, end: int) -> bool:
    """Is a single-word name followed by a speech verb ("Holt said", "Okafor later told")? Then it is a person.

    The verb may stand one word on only past a word that sits between a subject and its verb ("later", "was",
    an -ly adverb): "The TV host said" makes "TV" no speaker, nor "Recently she announced" "Recently"."""
    m = _NEXT_WORDS.match(text, end, end + 70)
    if not m:
        return False
    first, second = m.group(1).lower(), m.group(2)
    if first in SPEECH_VERBS:
        return True
    return bool(second) and second.lower() in SPEECH_VERBS and (
        first in SKIP_BEFORE_VERB or first in ("is", "was") or first.endswith("ly")
        or not rules.enabled("speech-verb-two-words-on"))


