"""Corrections to the tagger's name spans that need more than a window of five words.

All of them work on (start, end, label) spans and the article text, before linking:

* a name defined with its acronym, "Civic Alliance for the North (CAN)", is one organisation even
  when the tagger cut it at "for the";
* a role word glued to the front of a person ("Soprano Ana Kosmač", "Vice Admiral Rajiv Menon")
  is cut off, as the titles are in news annotation;
* a capitalised common word at a sentence start ("Samples are packed...", "Crucially, ...",
  “Tonight it decided...”) is not a name;
* a name built on a landform ("Indian Ocean", "Loch Carron", "Andaman Islands") is a location.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..types import FAC, GPE, LOC, ORG, PERSON
from .features import _read_list, gazetteers, stop_words

Span = tuple[int, int, str]

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,11})\s*\)")
_WORD_LEFT = re.compile(r"[^\W\d_][\w'’&.-]*$")
# Lower-case words that may sit inside a defined name: "Centre *for* Palaeobiology", "Treni *per* Tutti".
_NAME_LINKS = frozenset("of for the and on in at to de des du la le el y per di del della van von & '".split())
_FACILITIES = frozenset(
    "station airport bridge square stadium arena hall cathedral palace harbour harbor port tower castle "
    "terminal prison mosque temple synagogue monastery abbey".split()
)
_BODIES = frozenset("court parliament university college ministry council committee commission assembly "
                    "senate congress agency authority institute academy police".split())
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_INNER_ROLES = frozenset("president chairman chairwoman chief coach manager spokesman spokeswoman director "
                         "secretary minister leader captain".split())


def _role_inside(name: str) -> tuple[int, int] | None:
    """(start, end) of a role word inside an organisation span when a two-word name follows it, else None."""
    words = list(re.finditer(r"\S+", name))
    for i in range(1, len(words) - 2):
        rest = [w.group() for w in words[i + 1:]]
        if words[i].group().lower() in _INNER_ROLES and len(rest) == 2 \
                and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in rest):
            return words[i].span()
    return None


_TRAILING_ROLES = frozenset("spokesperson spokesman spokeswoman spokespeople official officials".split())
_PICTURES = frozenset("image images photo photos picture pictures video videos footage".split())
_TIME_WORDS = frozenset({"tonight", "noon", "midnight"})
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’([—–-…")


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Words naming a role or title that news text puts before a person's name."""
    hon = {w.rstrip(".") for w in gazetteers()["hon"]}
    return frozenset(hon | _read_list("roles.txt"))


@lru_cache(maxsize=1)
def _land_heads() -> tuple[frozenset[str], frozenset[str]]:
    words = _read_list("landforms.txt")
    first = frozenset(w[:-1] for w in words if w.endswith(":"))  # "loch:" -> a landform that comes first
    last = frozenset(w for w in words if not w.endswith(":"))
    return first, last


def repair_names(text: str, spans: list[Span]) -> list[Span]:
    """Apply every correction; the result is sorted and non-overlapping."""
    spans = defined_names(text, spans)
    spans = _extend_to_head(text, spans)
    spans = _add_owners(text, spans)
    low = _lower_words(text)
    out = []
    for s, e, lab in spans:
        if _sentence_initial(text, s) and _common_word(text, s, e, low):
            continue
        word = text[s:e]
        if len(word) >= 4 and word.isupper() and word.isalpha() and word.lower() in stop_words():
            continue  # "UNLESS of course": a shouted word, not an acronym
        if lab == ORG and " " in word and word.rsplit(None, 1)[-1].lower() in _TRAILING_ROLES:
            e = s + len(word.rsplit(None, 1)[0])  # "the State Department Spokesperson" -> the department
        if word.lower() in _ORDINALS:
            continue  # "Fifth" in a results table
        if lab == PERSON and " " in word and word.split()[0].lower() in gazetteers()["dem"] \
                and len(word.split()) >= 3:
            first = word.split()[0]
            out.append((s, s + len(first), "NORP"))  # "Mexican Ariel Cruz": a nationality, then the person
            s = e - len(word[len(first):].lstrip())
        elif lab == ORG and _role_inside(word):
            role_start, role_end = _role_inside(word)
            out.append((s, s + len(word[:role_start].rstrip()), ORG))  # "Boxing Association President Ramon Manzanares"
            s, lab = s + role_end + len(word[role_end:]) - len(word[role_end:].lstrip()), PERSON
        if lab == PERSON:
            s = _trim_roles(text, s, e, low)
        elif lab in (ORG, "MISC") and _titled_person(text, s, e):
            s, lab = _trim_roles(text, s, e, low), PERSON  # "Substitute Petar Ilic" read as an organisation
        elif lab in (ORG, "MISC") and _after_role(text, s, e):
            lab = PERSON  # "the critic Mila Hren"
        if lab in (GPE, LOC) and " " in text[s:e] and text[s:e].rsplit(None, 1)[-1].lower() in _BODIES:
            lab = ORG  # "the High Court", "the State University": a body, not a place
        ps, lab = _particle_name(text, s, e, lab)
        if not out or ps >= out[-1][1]:
            s = ps  # the first name before the particle is not already part of another name
        out.append((s, e, _landform_label(text, s, e, lab)))
    return _without_overlaps(out)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Sorted spans, a span that overlaps the one before it dropped (a safety net for the rules above)."""
    out: list[Span] = []
    for sp in sorted(spans):
        if sp[0] >= sp[1]:
            continue
        if out and sp[0] < out[-1][1]:
            continue
        out.append(sp)
    return out


# --- names defined with an acronym -----------------------------------------------------------------


def defined_names(text: str, spans: list[Span]) -> list[Span]:
    """Merge the pieces of a name followed by its acronym in parentheses into one span."""
    if "(" not in text:
        return spans
    spans = sorted(spans)
    starts = [sp[0] for sp in spans]
    found: list[Span] = []
    for m in _ACRONYM.finditer(text):
        acr = m.group(1).replace(".", "")
        if not acr[1:].replace("&", "").strip() or not any(c.isupper() for c in acr[1:]):
            continue  # "(Reuters)", "(Ohio)": a word, not an acronym
        words = _words_before(text, m.start())
        start = _match_acronym(text, acr, words)
        if start is None or (found and start < found[-1][1]):
            continue
        s, e = start, words[-1][1]
        lo = bisect.bisect_left(starts, s)
        if lo > 0 and spans[lo - 1][1] > s:
            continue  # a name reaching in from the left: leave the tagger's reading alone
        hi = bisect.bisect_left(starts, e, lo)
        inside = spans[lo:hi]
        if inside and inside[-1][1] > e:
            continue  # ... or reaching out to the right
        initials = len(acr) == sum(1 for w in text[s:e].split() if w[:1].isupper())
        found.append((s, e, _defined_label(text[s:e], inside, initials)))
    if not found:
        return spans
    # the found stretches replace every tagger span inside them
    out, k = [], 0
    for sp in spans:
        while k < len(found) and found[k][1] <= sp[0]:
            out.append(found[k])
            k += 1
        if not (k < len(found) and found[k][0] < sp[1] and sp[0] < found[k][1]):
            out.append(sp)
    out.extend(found[k:])
    return out


def _words_before(text: str, pos: int, limit: int = 12) -> list[tuple[int, int]]:
    """Spans of up to `limit` words running back from pos over one line, nearest last."""
    out = []
    i = pos
    while len(out) < limit:
        j = i
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        m = _WORD_LEFT.search(text, max(0, j - 40), j)
        if not m or m.end() != j:
            break
        out.append((m.start(), j))
        i = m.start()
    out.reverse()
    return out


def _match_acronym(text: str, acr: str, words: list[tuple[int, int]]) -> int | None:
    """Start offset of the shortest run of words, ending at the last one, that spells the acronym
    ("Cape Institute for Ocean Governance" for CIOG); None when no run does."""
    toks = [text[a:b] for a, b in words]
    target = acr.upper()
    for k in range(len(toks) - 1, -1, -1):
        run = toks[k:]
        if not run[0][:1].isupper():
            if run[0].lower() in _NAME_LINKS:
                continue
            return None  # a lower-case content word: the name cannot start further left
        if sum(1 for w in run if w[:1].isupper()) >= 2 and _spells(target, run):
            return words[k][0]
    return None


def _spells(target: str, run: list[str]) -> bool:
    """Can the words spell `target`, each capitalised word giving a non-empty prefix of itself
    (its hyphenated parts may add theirs) and each link word optionally its first letter?"""
    parts = []
    for w in run:
        if w[:1].isupper():
            pieces = [p for p in re.split(r"[-'’]", w) if p]
            parts.append((pieces[0].upper(), True))
            parts.extend((p.upper(), False) for p in pieces[1:])
        else:
            parts.append((w[:1].upper(), False))

    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(target)
        word, needed = parts[j]
        if not needed and go(i, j + 1):
            return True
        n = 1
        while n <= len(word) and i + n <= len(target) and word[:n] == target[i:i + n]:
            if go(i + n, j + 1):
                return True
            n += 1
        return False

    return go(0, 0)


def _defined_label(name: str, inside: list[Span], initials: bool) -> str:
    """An acronym-defined name is an organisation, unless it is all place words ("United Arab Emirates")
    or a person known by their initials ("John Fitzgerald Kennedy (JFK)")."""
    from .features import place_words

    if initials and inside and all(lab == PERSON for *_, lab in inside):
        return PERSON
    content = [w.lower() for w in name.split() if w[:1].isupper()]
    if content and all(w in place_words() for w in content) and inside \
            and all(lab in (GPE, LOC) for *_, lab in inside) and not set(content) & gazetteers()["orgw"]:
        last = content[-1]
        first_set, last_set = _land_heads()
        return LOC if last in last_set else GPE
    return ORG


# --- names running on to their head word -----------------------------------------------------------------

_CAP_WORD = re.compile(r"[ \t]([A-Z][a-z][\w'’-]*)")
# Head words of treaties, events and the like; with the organisation words they end a name.
_MISC_HEADS = frozenset("accord accords treaty agreement pact convention protocol act charter declaration "
                        "cup games championship championships olympics festival prize award awards war".split())


def _extend_to_head(text: str, spans: list[Span]) -> list[Span]:
    """"[Colombo] Maritime Rescue Accord": a name followed by untagged capitalised words ending in a
    head word ("Accord", "Institute") is one name through that head."""
    out = []
    starts = {s for s, _, _ in spans}
    org_words = gazetteers()["orgw"]
    spans = _join_headed(text, spans)
    for i, (s, e, lab) in enumerate(spans):
        nxt_start = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        pos, end, head = e, e, None
        for _ in range(4):
            m = _CAP_WORD.match(text, pos)
            if not m or m.start(1) >= nxt_start or m.start(1) in starts:
                break
            w = m.group(1).lower()
            if w in stop_words() or w in gazetteers()["time"]:
                break
            pos = m.end()
            if w in org_words or w in _MISC_HEADS or w in _INSTITUTIONS:
                end, head = pos, w
        after = text[end:end + 2]
        if head and not (after[:1] == " " and after[1:2].isupper()):
            out.append((s, end, "MISC" if head in _MISC_HEADS else ORG))
        elif lab in (ORG, GPE, LOC, PERSON) and " " in text[s:e] \
                and text[s:e].rsplit(None, 1)[-1].lower() in _MISC_HEADS:
            out.append((s, e, "MISC"))  # "... Rescue Accord", "... Cup": a treaty or an event, not a body
        else:
            out.append((s, e, lab))
    return out


# Institutions that head a name but are not on the tagger's organisation-word list.
_INSTITUTIONS = frozenset("library libraries museum gallery theatre theater opera orchestra archive archives "
                          "observatory consortium forum network partnership".split())


_FOREIGN_LINK = re.compile(r" (?:per|para|pour|für|voor|dla|pela|pelo) ")


def _join_headed(text: str, spans: list[Span]) -> list[Span]:
    """A place glued to a treaty or event name is part of it: "[Colombo] [Fisheries Accord]"; so is a
    lone adjective joined by "and" to an organisation: "[National] and [University Library]"."""
    from .evidence import place_names

    out: list[Span] = []
    for s, e, lab in spans:
        gap = text[out[-1][1]:s] if out else ""
        if out and _FOREIGN_LINK.fullmatch(gap) and ORG in (lab, out[-1][2]):
            out[-1] = (out[-1][0], e, ORG)  # "[Treni] per [Tutti]": one name in another language
            continue
        if out and gap in ("' ", "’ ") and out[-1][1] - out[-1][0] <= 3:
            joined = out[-1][2] if lab == PERSON else lab
            out[-1] = (out[-1][0], e, joined)  # "[Ta]' [Qali]": a particle with an apostrophe
            continue
        head = text[s:e].rsplit(None, 1)[-1].lower()
        if out and lab == "MISC" and out[-1][2] in (GPE, LOC) and text[out[-1][1]:s] == " " and head in _MISC_HEADS:
            out[-1] = (out[-1][0], e, "MISC")
        elif out and lab == ORG and (head in gazetteers()["orgw"] or head in _INSTITUTIONS) \
                and text[out[-1][1]:s] == " and " \
                and out[-1][2] in (GPE, LOC, "MISC") and " " not in text[out[-1][0]:out[-1][1]] \
                and text[out[-1][0]:out[-1][1]].lower() not in place_names():
            out[-1] = (out[-1][0], e, ORG)
        else:
            out.append((s, e, lab))
    return out


_OWNER_NAME = re.compile(r"(?<![\w'’])([A-Z][\w-]+)(?=['’]s )")


def _add_owners(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised word the tagger skipped whose chief executive or foreign minister is named is an
    organisation or a country: "Iberwind's chief executive, ..." at the very start of a text."""
    if "'s " not in text and "’s " not in text:
        return spans
    from .evidence import OWNED, place_names

    starts = [sp[0] for sp in spans]
    added = []
    for m in _OWNER_NAME.finditer(text):
        owned = OWNED.match(text, m.end())
        if not owned or m.group(1).lower() in stop_words():
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and spans[i][1] > m.start() or i + 1 < len(spans) and spans[i + 1][0] < m.end():
            continue  # already part of a name
        gpe = owned.group("gpe") or m.group(1).lower() in place_names()
        added.append((m.start(), m.end(), GPE if gpe else ORG))
    return sorted(spans + added) if added else spans


# --- sentence-initial common words -------------------------------------------------------------------


def _sentence_initial(text: str, s: int) -> bool:
    i = s
    while i > 0 and text[i - 1] in " \t\u00a0\"“‘'":
        i -= 1
    return i == 0 or text[i - 1] == "\n" or (text[i - 1] in _SENTENCE_OPENERS and i < s or text[i - 1] in ".!?")


_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _lower_words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text) if w[:1].islower()}


def _common_word(text: str, s: int, e: int, low: set[str]) -> bool:
    """Is a one-word span at a sentence start a capitalised common word rather than a name?"""
    word = text[s:e]
    if not word.isalpha() or word.isupper() or " " in word:
        return False
    lw = word.lower()
    if lw in gazetteers()["first"]:
        return False
    if lw in _PICTURES:
        return True  # "Images of the boy ...", "Photos released ..."
    if lw in gazetteers()["time"] or lw in _TIME_WORDS:
        return True  # “Tonight it decided ...”: the date and time rules take it
    if lw in low or _singular(lw) & low:
        return True  # "Samples are packed..." when the text also says "blood samples"
    if lw.endswith("ly") and text[e:e + 1] == ",":
        return True  # "Crucially, passengers ..."
    if text[e:e + 1] in ".!" and re.match(r"[.!][\"”’]? +[\"“]?[A-Z]", text[e:e + 5]) and _counts(text)[word] == 1:
        return True  # “This is a national project. Fine. But ...”: a one-word sentence said once
    if lw.endswith(("ines", "ers", "ors", "ions", "ments", "ists", "ives", "ates", "oes")) \
            and re.match(r" (?:and|or|are|were|have|had|can|could|will|would|may|also) ", text[e:e + 8]) \
            and _counts(text)[word] == 1:
        return True  # "Submarines and armed vessels are excluded": a plural noun opening the sentence
    return lw in stop_words()


_count_cache: list = [None, None]  # (text, Counter) of the last text: one count pass per article


def _counts(text: str):
    """How often each word occurs in `text` (computed once per text, only when a rule needs it)."""
    from collections import Counter

    cached_text, counts = _count_cache
    if cached_text is not text:
        counts = Counter(_WORDS.findall(text))
        _count_cache[:] = [text, counts]  # a race between threads only costs a recount
    return counts


def _singular(lw: str) -> set[str]:
    out = set()
    if lw.endswith("s") and len(lw) > 3:
        out.add(lw[:-1])
        if lw.endswith("es"):
            out.add(lw[:-2])
        if lw.endswith("ies"):
            out.add(lw[:-3] + "y")
    return out


# --- roles in front of a person ------------------------------------------------------------------------


def _trim_roles(text: str, s: int, e: int, low: set[str]) -> int:
    """Start of the person's name once leading role words are cut ("Substitute Kurt Azzopardi")."""
    roles = role_words()
    first = gazetteers()["first"]
    while True:
        m = re.match(r"\S+", text[s:e])
        rest = text[s + m.end():e].lstrip()
        if " " not in rest or not rest[:1].isupper():
            return s  # keep a full name of two words at least: "Dean Jones" may be a name, not a role
        w = m.group().lower().rstrip(".")
        if w in first or not (w in roles or (w in low and _sentence_initial(text, s))):
            return s
        s = e - len(rest)


def _titled_person(text: str, s: int, e: int) -> bool:
    """A role word then two or three plain capitalised words: a person the tagger took for an organisation."""
    words = text[s:e].split()
    if len(words) < 3 or words[0].lower().rstrip(".") not in role_words():
        return False
    rest = words[1:]
    while rest and rest[0].lower().rstrip(".") in role_words():
        rest = rest[1:]
    g = gazetteers()
    from .features import place_words

    return 2 <= len(rest) <= 3 and all(
        w[:1].isupper() and w.isalpha() and not w.isupper()
        and w.lower() not in g["orgw"] and w.lower() not in place_words() for w in rest)


_ROLE_BEFORE = re.compile(r"\b([a-z][a-z-]+) $")


def _after_role(text: str, s: int, e: int) -> bool:
    """Two plain capitalised words right after a lower-case role word: "the critic Mila Hren"."""
    m = _ROLE_BEFORE.search(text, max(0, s - 30), s)
    words = text[s:e].split()
    if not m or m.group(1) not in role_words() or len(words) != 2:
        return False
    from .evidence import place_names

    g = gazetteers()
    return " ".join(words).lower() not in place_names() and all(
        w[:1].isupper() and w.isalpha() and not w.isupper() and w.lower() not in g["orgw"] for w in words)


_PARTICLE_BEFORE = re.compile(r"([A-Z][\w'’-]+)\s+(van|von|de|der|den|del|della|di|da|du|le|la|bin|ibn|al|ten|ter)\s+$")


def _particle_name(text: str, s: int, e: int, lab: str) -> tuple[int, str]:
    """Extend a person's surname left over a particle and a first name ("Marieke van" + "Houten")."""
    if lab != PERSON:
        return s, lab
    m = _PARTICLE_BEFORE.search(text, max(0, s - 40), s)
    if m and not _sentence_initial(text, m.start(2)) and m.group(1).lower() not in stop_words():
        return m.start(1), lab
    return s, lab


# --- landforms -------------------------------------------------------------------------------------------


def _landform_label(text: str, s: int, e: int, lab: str) -> str:
    """LOC for a name headed by a landform ("Indian Ocean", "Western Isles", "Loch Carron")."""
    if lab not in (GPE, LOC, ORG, PERSON, "MISC"):
        return lab
    words = text[s:e].split()
    first_set, last_set = _land_heads()
    org_words = gazetteers()["orgw"]
    if any(w.lower() in org_words for w in words):
        return lab  # "Cape Institute", "Delta Air Lines"
    if words[-1].lower() in last_set and lab != PERSON and (len(words) > 1 or words[0][-1:] == "s"):
        return LOC  # "Indian Ocean", "the Highlands"; not for people: "Anthony Hill", "Mickey Rivers"
    if len(words) > 1 and words[0].lower() in first_set and words[0].lower() not in gazetteers()["first"] \
            and words[-1].lower() not in _MISC_HEADS:  # "Gulf War" is no gulf
        return LOC
    nxt = re.match(r"\s+([a-z]+)", text[e:e + 20])
    if lab == PERSON and nxt and nxt.group(1) in _FACILITIES:
        return FAC  # "near São Bento station": a building, not a person
    if lab in (PERSON, "MISC", ORG, GPE) and nxt and nxt.group(1) in last_set and nxt.group(1) not in ("sea",):
        return LOC if lab != GPE or len(words) > 1 else lab  # "the Bohinj valley", "the Uyuni salt flat"
    return lab
