"""Corrections that read the article as a whole: its layout and the names it introduces once.

* a line of a site's section tags ("Canada Published North America Politics") is layout: only the
  known place names inside it stay;
* a name the text introduces as a vehicle ("the space shuttle Atlantis") is that vehicle in every
  mention, not a person or a place the next time;
* a capitalised word opening a sentence, said once, that the unlabelled news corpus writes mostly in
  lower case ("Collaboration and cooperation ...") is a common word, not a name.
"""

from __future__ import annotations

import re

from ..lexicon import entity_words, lexicon
from ..rules import enabled as on
from ..types import GPE, LOC, ORG, PERSON, PRODUCT
from .clusters import lower_form_known, more_often_lower
from .name_starts import word_counts

Span = tuple[int, int, str]
_LINE_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")


def _tag_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines made only of three or more capitalised words, one of them a section word."""
    out = []
    section = lexicon().section_words
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        words = line.split()
        if 3 <= len(words) <= 16 and all(_LINE_WORD.fullmatch(w) and w[:1].isupper() for w in words) \
                and any(w.lower() in section for w in words):
            out.append((pos, end))
        pos = end + 1
    return out


def _places_inside(text: str, s: int, e: int) -> list[Span]:
    """The known place names inside text[s:e], longest first from the left."""
    words = list(_LINE_WORD.finditer(text, s, e))
    names = lexicon().place_names
    out, i = [], 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i, -1):
            name = text[words[i].start():words[j - 1].end()].lower()
            if name in names and name not in _COMPASS:
                start = words[i - 1].start() if i and words[i - 1].group().lower() in _COMPASS else words[i].start()
                out.append((start, words[j - 1].end(), GPE))  # "North" + "America"
                i = j
                break
        else:
            i += 1
    return out


_COMPASS = entity_words().compass


def section_tag_lines(text: str, spans: list[Span]) -> list[Span]:
    """Spans on a section-tag line are replaced by the known places inside them."""
    if not on("section-tag-line"):
        return spans
    lines = _tag_lines(text[:2000])  # the tags line opens a copied article
    if not lines:
        return spans
    out = []
    for s, e, lab in spans:
        if any(a <= s and e <= b for a, b in lines):
            out += _places_inside(text, s, e)
        else:
            out.append((s, e, lab))
    return out


def vehicles_everywhere(text: str, spans: list[Span]) -> list[Span]:
    """Every mention of a name introduced as a vehicle ("the shuttle Atlantis", or in a list after a plural: "the
    shuttles Atlantis, Columbia and Discovery") is that vehicle."""
    if not on("vehicle-name"):
        return spans
    named = {text[s:e] for s, e, lab in spans if lab == PRODUCT} | _listed_vehicles(text)
    if not named:
        return spans
    return [(s, e, PRODUCT) if text[s:e] in named and lab in ("PERSON", GPE, LOC, "ORG", "MISC") else (s, e, lab)
            for s, e, lab in spans]


_NAME_IN_LIST = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
_LIST = re.compile(rf"[ \t]+({_NAME_IN_LIST}(?:,[ \t]+{_NAME_IN_LIST}){{0,8}},?[ \t]+and[ \t]+{_NAME_IN_LIST})")
_LIST_ITEM = re.compile(_NAME_IN_LIST)


def _listed_vehicles(text: str) -> set[str]:
    """The names listed with "and" right after a vehicle noun in the plural ("the shuttles Atlantis, Columbia and
    Discovery", "the ferries Aurora and Vega")."""
    out: set[str] = set()
    for p in _vehicle_plurals():
        i = text.find(p)
        while i >= 0:
            j = i + len(p)
            if (i == 0 or not text[i - 1].isalpha()) and (m := _LIST.match(text, j)):
                out.update(x.group() for x in _LIST_ITEM.finditer(m.group(1)))
            i = text.find(p, j)
    return out


_PLURALS: list = []


def _vehicle_plurals() -> frozenset[str]:
    """The vehicle nouns in the plural ("shuttles", "ferries"; "spacecraft" stays as it is)."""
    if not _PLURALS:
        out = set()
        for w in lexicon().vehicle_nouns - {"carrier"}:  # "the carriers Delta and United": airlines
            out.add(w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else
                    w if w.endswith("craft") else w + "es" if w.endswith(("s", "sh", "ch", "x")) else w + "s")
        _PLURALS.append(frozenset(out))
    return _PLURALS[0]


def common_in_corpus(text: str, s: int, e: int, label: str) -> bool:
    """A one-word name opening a sentence, written once, that unlabelled news mostly writes in lower case."""
    word = text[s:e]
    if label not in ("PERSON", "MISC", "LOC") or not word.isalpha() or word.isupper() \
            or not word[:1].isupper() or word.lower() in lexicon().first_names:
        return False
    if word_counts(text)[word] != 1:
        return False
    if label == "LOC":  # "Tourism has recovered": a 'place' only by the news' common word (not a listed place)
        return word.lower() not in lexicon().place_names and more_often_lower(word) and on("corpus-common-word")
    if more_often_lower(word):
        return on("corpus-common-word")
    if len(word) >= 8 and word.lower().endswith(_ABSTRACT_ENDINGS) and on("abstract-noun-opening"):
        return True  # "Disembarkation, the question of ...": a noun of an act or a state, said once
    return lower_form_known(word) and on("common-word-forms")


_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness")


# A run of words in capitals inside a sentence written in mixed case ("ran in the VARNO DAILY HERALD on Monday"):
# the writer set the run apart as one unit, a name written as its owner writes it. The tagger, which has seen such
# words mostly in headlines, tags a piece of it. Words of two letters or more without full stops ("U.S. HRW":
# an abbreviation then a code is two names), at most six on each side of the tagged piece; two short words are two
# acronyms ("US TV"). The run stands inside a sentence: a lower-case word or a comma before it, a lower-case word or
# punctuation after it (a heading run into its text, "HOW TO SPOT BEDBUGS The pests ...", or a slug, "WHEAT SALES -
# ...", is no name). Found from the tagged names in capitals (reading the whole text for runs of capitals costs
# ~5x more).
_CAPS_BEFORE = re.compile(r"(?<![\w'’.&-])[A-Z][A-Z&'’-]*[A-Z][ \t]+$")
_CAPS_AFTER = re.compile(r"[ \t]+[A-Z][A-Z&'’-]*[A-Z](?![\w'’.&-])")
_THE = re.compile(r"THE[ \t]+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]")
_IN_SENTENCE_BEFORE = re.compile(r"[a-z,][ \t]$")  # a lower-case word or a comma right before the run
_IN_SENTENCE_AFTER = re.compile(r"[ \t]*[,.;:)]|[ \t]+[a-z]")  # punctuation or a lower-case word right after it


def _capitals_run(text: str, s: int, e: int) -> tuple[int, int, int]:
    """The run of words in capitals around the name [s, e) (itself in capitals), at most six words more each side:
    where it starts, where the name in it starts ("THE" left out) and where it ends."""
    for _ in range(6):
        b = _CAPS_BEFORE.search(text, max(0, s - 40), s)
        if b is None:
            break
        s = b.start()
    for _ in range(6):
        a = _CAPS_AFTER.match(text, e)
        if a is None:
            break
        e = a.end()
    the = _THE.match(text, s)
    return s, the.end() if the is not None and the.end() < e else s, e  # "THE HARBOUR GAZETTE": the name without "THE"


def capitals_runs(text: str, spans: list[Span]) -> list[Span]:
    """"the VARNO [DAILY] HERALD" -> "the [VARNO DAILY HERALD]": a run of words in capitals inside a line of mixed
    case, part of which the tagger tagged and no name crosses, is one name."""
    out = None
    mixed: dict[int, bool] = {}  # line start -> has it three lower-case words or more
    taken = 0  # spans before this index are inside a run already made
    for k, (s0, e0, _) in enumerate(spans):
        if not text[s0 + 1:s0 + 2].isupper() or k < taken or not text[s0:e0].isupper():
            continue
        run, s, e = _capitals_run(text, s0, e0)
        if (s, e) == (s0, e0) or not _IN_SENTENCE_BEFORE.search(text, max(0, run - 2), run) \
                or not _IN_SENTENCE_AFTER.match(text, e):
            continue  # "HOW TO SPOT BEDBUGS The pests ...", "WHEAT SALES - ...": a heading or a slug run into the text
        words = text[s:e].split()
        if len(words) == 2 and all(len(w) <= 3 for w in words):
            continue  # "US TV", "UPN TV": two acronyms side by side, each its own word
        j = k
        while j < len(spans) and spans[j][0] < e:
            j += 1
        inside = spans[k:j]
        if inside[0][0] < s or inside[-1][1] > e or k > 0 and spans[k - 1][1] > s:
            continue  # a name crosses the run's edge
        a = text.rfind("\n", 0, s) + 1
        if a not in mixed:
            b = text.find("\n", a)
            mixed[a] = sum(1 for _ in zip(range(3), _LOWER_WORD.finditer(text, a, len(text) if b < 0 else b))) == 3
        if not mixed[a] or not on("capitals-run-in-sentence"):
            continue
        labels = [sp[2] for sp in inside]
        # a place and more words: a body named after it ("USA TODAY", "NORTH SEA RADIO")
        label = ORG if ORG in labels or all(lab in (GPE, LOC) for lab in labels) else \
            max(inside, key=lambda sp: sp[1] - sp[0])[2]
        if out is None:
            out = list(spans)
        out[k:j] = [(s, e, label)] + [None] * (j - k - 1)  # None: merged into the run, dropped below
        taken = j
    if out is None:
        return spans
    return [sp for sp in out if sp is not None]


# "JUNE TAKEDA: It's a pleasure." - a name of one to four capitalised words opening a line, then a colon and speech
_TURN = re.compile(r"^[ \t]*((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*)[ \t]*:[ \t]+\S", re.MULTILINE)


def speaker_turns(text: str, spans: list[Span]) -> list[Span]:
    """Speaker turns of a transcript: a name of two to four capitalised words that opens two lines or more as
    "NAME: ..." is a person there, when two such speakers take turns in the text or the name's last word names a
    person elsewhere in it ("JUNE TAKEDA:", whose "June" alone is a month; "PETER HALVORSEN:"). Words that news
    writes mostly in lower case, function words and roles make no speaker ("Question From Floor:"). A one-word
    name ("Tamsin:") is a speaker only beside a second speaker, or a role ("Interviewer:", "Q:"), taking turns
    (then a name of more words needs no mention elsewhere either), and never a listed place's word, a word of one
    or two letters ("England: 326 all out") or a word the tagger calls anything but a person in the text (an
    interviewing site or paper; rule one-word-speaker-turn)."""
    if ":" not in text or not on("speaker-turn"):
        return spans
    turns: dict[str, list[tuple[int, int]]] = {}
    for m in _TURN.finditer(text):
        turns.setdefault(m.group(1), []).append(m.span(1))
    speakers = {name: at for name, at in turns.items() if len(at) >= 2 and _speaker_like(name)}
    if not on("one-word-speaker-turn"):
        speakers = {name: at for name, at in speakers.items() if len(name.split()) > 1}
    if any(len(name.split()) == 1 for name in speakers):
        # a one-word speaker the tagger calls an organisation or a place anywhere ("Newsdesk:", an interviewer) is none
        named = {text[s:e] for s, e, lab in spans if lab != PERSON}
        speakers = {name: at for name, at in speakers.items() if len(name.split()) > 1 or name.strip() not in named}
    taking_turns = len(speakers) + sum(1 for name, at in turns.items() if len(at) >= 2 and _role_turn(name))
    if taking_turns < 2:
        # a one-word speaker needs a second speaker, or a role ("Interviewer:", "Q:"), taking turns: "Note:" twice
        # is no transcript
        speakers = {name: at for name, at in speakers.items() if len(name.split()) > 1}
    if not speakers:
        return spans
    if taking_turns < 2 or len(speakers) < 2 and not on("one-word-speaker-turn"):
        people = {text[s:e].split()[-1].casefold() for s, e, lab in spans if lab == PERSON}
        speakers = {name: at for name, at in speakers.items() if name.split()[-1].casefold() in people}
        if not speakers:
            return spans
    turn_spans = sorted(a for at in speakers.values() for a in at)
    once = [(s, e) for s, e, _ in transcript_turns(text) if (s, e) not in turn_spans]
    if once:
        # "SOLVEIG BRANDT:" once, then "SOLVEIG:": a person of the text or a first word of a speaker taking turns
        people = {" ".join(text[s:e].split()).casefold() for s, e, lab in spans if lab == PERSON}
        people |= {name.split()[0].casefold() for name in speakers}
        turn_spans = sorted(turn_spans + [(s, e) for s, e in once if " ".join(text[s:e].split()).casefold() in people
                                          or text[s:e].split()[0].casefold() in people])
    out, k = [], 0
    for s, e, lab in spans:
        while k < len(turn_spans) and turn_spans[k][1] <= s:
            out.append((*turn_spans[k], PERSON))
            k += 1
        if k < len(turn_spans) and turn_spans[k][0] < e:
            continue  # a name inside the turn's name ("TAKEDA" alone): the speaker's is the name
        out.append((s, e, lab))
    out.extend((s, e, PERSON) for s, e in turn_spans[k:])
    return out


# "INÊS CARVALHO: Hello and welcome." - a speaker's name opening a line, a colon, then speech
_ANY_TURN = re.compile(r"^[ \t]*((?:[^\W\d_][\w'’.-]*[ \t]+){0,3}[^\W\d_][\w'’.-]*)[ \t]*:(?=[ \t]+(.*)$)",
                       re.MULTILINE)


def transcript_turns(text: str) -> list[tuple[int, int, int]]:
    """(name start, name end, colon end) of a transcript's speaker labels in capitals ("INÊS:", "TOM ASHWORTH-REID:"):
    lines "NAME: speech" with a lower-case word in the speech (a heading "RESULTS: LEEDS 2 HULL 1" is none), when two
    names or more take turns, each opening two such lines or more (a list of terms "ISSUE: ...", "PRICE: ..." names
    each once); none when rule capital-speaker-turns is off. (Names in mixed case,
    "Inês:", are not taken: blanking them too cost 4 of our outside-news texts' names and mended none, session 38.)"""
    if ":" not in text or not on("capital-speaker-turns"):
        return []
    turns: list[tuple[int, int, int]] = []
    names: dict[str, int] = {}
    for m in _ANY_TURN.finditer(text):
        name = m.group(1)
        if name.isupper() and _LOWER_WORD.search(m.group(2)) and len(name) > 2 and name.split()[0] != "THE":
            turns.append((m.start(1), m.end(1), m.end()))
            key = " ".join(name.split())
            names[key] = names.get(key, 0) + 1
    return turns if sum(1 for n in names.values() if n >= 2) >= 2 else []


def mask_speaker_turns(text: str) -> str:
    """The text the tagger reads: a transcript's speaker labels in capitals (transcript_turns) blanked out, the same
    length, so offsets hold (speaker_turns names them afterwards). The tagger learned a word in capitals inside a
    mixed-case line as an acronym (an organisation), and its document features carried that to the name's other
    mentions ("Inês" in the speech); rule capital-speaker-turns."""
    turns = transcript_turns(text)
    if not turns:
        return text
    out, at = [], 0
    for s, _, e in turns:
        out += [text[at:s], " " * (e - s)]
        at = e
    out.append(text[at:])
    return "".join(out)


def _speaker_like(name: str) -> bool:
    """Could the run be a speaker's name: no role or function word in it, and a last word (the surname) that news does
    not mostly write in lower case ("Floor")? The first words may be any ("MAY OKAFOR", "JUNE TAKEDA")."""
    words = [w[:1] + w[1:].lower() for w in name.split()]
    low = lexicon()
    if any(w.lower() in low.roles or w.lower() in _TURN_FILLERS for w in words):
        return False
    if len(words) == 1 and (len(words[0]) < 3 or words[0].lower() in low.place_words):  # "Q:", "England: 326"
        return False
    last = words[-1]
    return last.lower() not in low.stop_words and not more_often_lower(last)


def _role_turn(name: str) -> bool:
    """Is the turn's opener a role that speaks in a transcript ("Interviewer:", "Host:", "Q:")?"""
    word = name.strip().lower()
    return word in _TURN_ROLES or word in lexicon().roles


_TURN_ROLES = frozenset("interviewer moderator q a question answer guest caller audience".split())
_TURN_FILLERS = frozenset("a an the of for from to in on at by with and or".split())


# A headline line written in title case ("Fans Love Amazing Goal Kessler Scored In Final"): every word is capitalised,
# so the tagger runs a person over the headline's own words. A word of the run that news mostly writes in lower case
# ("Love", "Amazing", "Goal") and that is no listed first name, no initial, and not right after a listed first name
# ("Jonas Green": a surname), is the headline's, not the person's; the person is the last run of the other words.
_NAME_WORD = re.compile(r"\S+")


_PROSE_AFTER = re.compile(r"[ \t]+[a-z]{4}")


def _prose_after(text: str, e: int) -> bool:
    """Does a lower-case word of four letters or more follow the name at e on its line (prose, not a headline, where
    such words are capitalised: quotes.names.in_headline counts only them)?"""
    return _PROSE_AFTER.match(text, e) is not None


def headline_people(text: str, spans: list[Span]) -> list[Span]:
    """Each person of two words or more in a headline line (quotes.names.in_headline, its letters not all capitals),
    cut to the last run of its words that are no headline words; one made only of headline words goes."""
    from ..quotes.names import in_headline

    first = lexicon().first_names
    heads: dict[int, bool] = {}
    out: list[Span] = []
    surnames: set[str] | None = None  # last words of the article's people named in full, when needed
    for s, e, lab in spans:
        if lab not in (PERSON, ORG, "MISC") or _prose_after(text, e):
            out.append((s, e, lab))  # (a lower-case word of four letters or more right after it: no headline)
            continue
        if lab in (ORG, "MISC") and text.count(" ", s, e) >= 2 and in_headline(text, s, heads) \
                and not text[s:e].isupper():
            if surnames is None:
                surnames = {text[a:b].split()[-1] for a, b, x in spans if x == PERSON and " " in text[a:b].strip()}
            words = list(_NAME_WORD.finditer(text, s, e))
            # the surname after a headline word ("Thing Okafor"), not opening the name nor after a given name ("Okafor
            # Brothers Haulage", "Tunde Okafor Foundation": a body named after the person)
            found = [m for k, m in enumerate(words) if m.group() in surnames and k > 0
                     and words[k - 1].group().lower() not in first and more_often_lower(words[k - 1].group())]
            if len(found) == 1 and on("headline-run-holds-surname"):
                out.append((found[0].start(), found[0].end(), PERSON))  # "Reveals Surprising Thing Okafor Did ..."
                continue
        if lab != PERSON or not any(c.isspace() for c in text[s:e]) or not in_headline(text, s, heads):
            out.append((s, e, lab))
            continue
        line = text.rfind("\n", 0, s) + 1
        end = text.find("\n", e)
        if text[line:len(text) if end < 0 else end].isupper():  # a line in capitals: case says nothing
            out.append((s, e, lab))
            continue
        pieces: list[list[int]] = []  # [start, end, headline words before it in the name]
        last_kept, common_seen, words = "", 0, 0
        for m in _NAME_WORD.finditer(text, s, e):
            w = m.group()
            words += 1
            bare = w.rstrip(".,")
            if not w.endswith(".") and bare.isalpha() and bare.lower() not in first and last_kept.lower() not in first \
                    and more_often_lower(bare):
                common_seen += 1
                last_kept = ""
            elif last_kept:
                pieces[-1][1] = m.end()
                last_kept = bare
            else:
                pieces.append([m.start(), m.end(), common_seen])
                last_kept = bare
        # two headline words or more glued before the name ("Reveals Stunning Thing" + a surname), or three or more
        # and no name: a two-word name whose surname news writes in lower case ("Tom Green"), as in a line of results
        # ("Tom Green (Wales) 2:10"), is left as it is
        if (pieces[-1][2] < 2 if pieces else words < 3) or not on("headline-words-cut-person"):
            out.append((s, e, lab))
        elif pieces:
            out.append((pieces[-1][0], pieces[-1][1], lab))
    return out


def common_word_org(text: str, s: int, e: int) -> bool:
    """A one-word organisation that news mostly writes in lower case ("Harbour", "Ferry"), every mention of it in the
    article opening a sentence or a line, followed by a lower-case word or alone on its line ("Harbour staff were
    sent home"): the capital is the sentence's, not a name's."""
    word = text[s:e]
    if not word.isalpha() or word.isupper() or not word[:1].isupper() or word.lower() in lexicon().first_names \
            or word.lower() in lexicon().known_orgs or not more_often_lower(word):
        return False
    from .name_starts import sentence_initial

    count = 0
    for m in re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", text):
        a, b = m.span()
        after = text[b:b + 2]
        if not sentence_initial(text, a) and _inside_a_name(text, a) and on("common-word-inside-a-name"):
            count += 1  # "the Holmvik Ferry Company": a word of another name (a place's, a family's) says nothing
            continue
        if not sentence_initial(text, a) or not (after[:1] in ("\n", "") or after[:1] == " " and after[1:].islower()):
            return False
        count += 1
    return count == word_counts(text)[word] and on("common-word-opens-org")


_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*) $")


def _inside_a_name(text: str, a: int) -> bool:
    """Does the word at `a` follow a capitalised word of the same name ("Holmvik" in "the Holmvik Ferry Company"), one
    that is not a sentence's opening article ("The Harbour Trust" keeps "Harbour" its own word)?"""
    m = _NAME_WORD_BEFORE.search(text, max(0, a - 40), a)
    return m is not None and m.group(1) not in ("The", "A", "An")
