"""Names of bodies with a possessive or a preposition inside, which the tagger cuts in two.

* possessive-in-name: a plural common noun with its possessive ("Miners'", "People's") between a name or
  capitalised words and an organisation's head word is inside one name: "the Welsh Miners' Union", "the Peru
  People's Party". A possessive on a name ("Hong Kong's Democratic Party", "Lebed's Security Council") is not:
  the word must be one unlabelled news mostly writes in lower case, and a plural.
* plural-of-body: a plural common noun written with a capital inside a sentence, then "of" or "for" (and "the")
  and capitalised words, is a body's name ("Friends of the Harbour", "Neighbours for the River"); the tagger tags
  only the end or the start of it.
* preposition-in-name: a preposition written with a capital inside a sentence, between capitalised words
  ("Reporters Without Borders", "Engineers Against Floods"), is inside one name: English capitalises
  such words only in names and titles. A line written in title case (a headline) shows nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import entity_words, lexicon
from ..rules import enabled as on
from ..types import FAC, GPE, LOC, MISC, NORP, ORG, PERSON
from .clusters import lower_word, more_often_lower
from .name_starts import sentence_initial

if TYPE_CHECKING:
    from .repair import Span

_POSSESSIVE = re.compile(r"([A-Z][a-z]+)(?:['’]s|(?<=s)['’])(?=[ \t][A-Z])")  # where the word starts: see _possessives
_CAP_AFTER = re.compile(r"[ \t]([A-Z][a-z][\w-]*)")
_CAP_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)[ \t]$")
_NAMES = (ORG, GPE, LOC, NORP, MISC, PERSON)


def _plural_common(word: str) -> bool:
    """A plural that news also writes in lower case: "Miners", "Teachers", "People", "Fishermen"."""
    low = word.lower()
    if low in entity_words().irregular_plurals or low.endswith("men") and len(low) > 4:
        return more_often_lower(word) or low in entity_words().irregular_plurals
    if not low.endswith("s"):
        return False
    # it or its singular is a word news writes in lower case: "exiles", "bushes" -> "bush" (not clusters.common_plural's
    # "-es" stripped from any word: "Owens" -> "owe" made a surname a plural)
    return more_often_lower(word) or lower_word(low) or lower_word(low[:-1]) or low.endswith("es") and lower_word(low[:-2])


def _irregular_plural(word: str) -> bool:
    low = word.lower()
    return low in entity_words().irregular_plurals or low.endswith("men") and len(low) > 4


_HEADS: list = []


def _heads() -> frozenset[str]:
    """Organisation and institution words: the head words a body's name ends in (made once)."""
    if not _HEADS:
        _HEADS.append(lexicon().org_words | entity_words().institutions | entity_words().guild_heads)
    return _HEADS[0]


def _replace(spans: list[Span], s: int, e: int, label: str) -> list[Span] | None:
    """`spans` with every span inside [s, e) replaced by one (s, e, label); None when a span crosses an edge or
    none lies inside (a name the tagger did not see at all is left alone)."""
    inside = [sp for sp in spans if sp[0] < e and s < sp[1]]
    if not inside or any(sp[0] < s or sp[1] > e for sp in inside) or inside == [(s, e, label)]:
        return None
    kept = [sp for sp in spans if sp not in inside]
    return sorted(kept + [(s, e, label)])


def possessive_names(text: str, spans: list[Span]) -> list[Span]:
    """"[Welsh] [Miners' Union]", "[Peru People]'s [Party]": one organisation through its head word."""
    if "'" not in text and "’" not in text:
        return spans
    found = _possessives(text)
    if not found:
        return spans
    heads, misc_heads = _heads(), entity_words().misc_heads
    for m in found:
        word = m.group(1)
        if not _plural_common(word) or text[m.end(1) + 1:m.end()] == "s" and not _irregular_plural(word):
            continue  # "Owens's": a regular plural's possessive is a bare apostrophe ("Miners'")
        pos, end, head = m.end(), None, ""
        for _ in range(3):  # "... Miners' National Strike Fund": at most three words to the head
            w = _CAP_AFTER.match(text, pos)
            if not w or w.group(1).lower() in lexicon().stop_words:
                break
            pos = w.end()
            if w.group(1).lower() in heads or w.group(1).lower() in misc_heads:
                end, head = pos, w.group(1).lower()
                break
        if end is None:
            continue
        start = m.start(1)
        holder = [sp for sp in spans if sp[0] < start < sp[1] and sp[1] <= m.end(1)]  # "[Peru People]'s"
        if holder:
            start = holder[0][0]
        else:
            before = [sp for sp in spans if sp[1] == start - 1 and text[start - 1] in " \t"
                      and sp[2] in (NORP, GPE, LOC, MISC)]  # "[Welsh] Miners' Union"
            if before:
                start = before[0][0]
        if start == m.start(1) and sentence_initial(text, start) and not any(sp[0] == start for sp in spans):
            continue
        label = MISC if head in misc_heads else ORG
        new = _replace(spans, start, end, label)
        if new is not None and on("possessive-in-name"):
            spans = new
    return spans


_PREPOSITIONS: list = []  # the compiled pattern, made on first use from the word list


def _possessives(text: str) -> list[re.Match]:
    """Capitalised words with a possessive before a capitalised word, found from the apostrophes (~10x faster than
    scanning the whole text with the pattern: an 800-word article has a dozen apostrophes)."""
    out = []
    for quote in ("'", "’"):
        i = text.find(quote)
        while i >= 0:
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            m = _POSSESSIVE.match(text, j) if j < i and (j == 0 or not (text[j - 1].isalnum() or text[j - 1] in "'’-_")) else None
            if m and m.end() in (i + 1, i + 2):
                out.append(m)
            i = text.find(quote, i + 1)
    out.sort(key=lambda m: m.start())
    return out


def _prepositions(text: str) -> list[re.Match]:
    """Capitalised prepositions after a blank and before a capitalised word. (The pattern opens with the words, not
    the blank: the regular expression engine then skips to their capitals, ~2x faster than trying every blank.)"""
    if not _PREPOSITIONS:
        words = "|".join(sorted(w.capitalize() for w in entity_words().name_prepositions))
        _PREPOSITIONS.append(re.compile(r"(" + words + r")(?=[ \t][A-Z][a-z])"))
    return [m for m in _PREPOSITIONS[0].finditer(text) if m.start() > 0 and text[m.start() - 1] in " \t"]


def preposition_names(text: str, spans: list[Span]) -> list[Span]:
    """"[Reporters] Without [Borders]": capitalised words on both sides of a capitalised preposition are one name."""
    preps = entity_words().name_prepositions
    for m in _prepositions(text):
        if sentence_initial(text, m.start(1)):
            continue
        start = m.start(1)
        for _ in range(3):
            b = _CAP_BEFORE.search(text, max(0, start - 40), start)
            if not b or b.group(1).lower() in lexicon().stop_words and b.group(1).lower() not in preps:
                break
            start = b.start(1)
            if sentence_initial(text, start):
                break
        if start == m.start(1):
            continue
        end, pos = None, m.end(1)
        for _ in range(3):
            w = _CAP_AFTER.match(text, pos)
            if not w or w.group(1).lower() in lexicon().stop_words:
                break
            pos = end = w.end()
        if end is None or _title_case_line(text, start, end):
            continue
        inside = [sp for sp in spans if sp[0] < end and start < sp[1]]
        first = text[start:m.start(1)].split()[0]
        if any(sp[2] == ORG for sp in inside) or first.endswith("s") and _plural_common(first) \
                or text[m.end(1):end].split()[-1].lower() in _heads():
            label = ORG
        elif inside:
            label = MISC  # a title of a work ("Life Without Parole") or a name we cannot type
        else:
            continue
        if not inside:
            new = sorted(spans + [(start, end, label)])
        else:
            new = _replace(spans, start, end, label)
        if new is not None and on("preposition-in-name"):
            spans = new
    return spans


def _title_case_line(text: str, s: int, e: int) -> bool:
    """Is the line around [s, e), the name left out, written mostly in capitalised words (a headline)?"""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    b = len(text) if b < 0 else b
    words = [w for w in (text[a:s] + " " + text[e:b]).split() if w[:1].isalpha()]
    lower = sum(w[0].islower() for w in words)
    return lower * 2 < len(words) or lower < 2


_OF_FOR = re.compile(r" (?:of|for)[ \t](?:the[ \t])?(?=[A-Z][a-z])")  # a literal start: the engine skips to it
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)$")


def plural_bodies(text: str, spans: list[Span]) -> list[Span]:
    """"[Friends] of the [Harbour]": a capitalised plural common noun, "of"/"for" and a name are one organisation."""
    roles = lexicon().roles
    for m in _OF_FOR.finditer(text):
        if text[m.start() - 1:m.start()] not in ("s", "n", "e"):
            continue  # a plural ends so ("Friends", "Children", "People")
        b = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if not b or b.group(1).lower() in roles or not _plural_common(b.group(1)):
            continue
        start = b.start(1)
        holder = [sp for sp in spans if sp[0] <= start < sp[1]]
        if holder and holder[0][:2] != b.span(1):
            continue  # "[Kessel Court of Appeals] for the ...", "[Harbour Games] of ...": the tagger's name says more
        if not holder and sentence_initial(text, start):
            continue  # "Friends of ..." opening a sentence: its capital says nothing
        end, pos = None, m.end() - 1
        for _ in range(3):
            w = _CAP_AFTER.match(text, pos)
            if not w or w.group(1).lower() in lexicon().stop_words or end is None and w.group(1).lower() in roles:
                break
            pos = end = w.end()
        if end is None or _title_case_line(text, start, end):
            continue
        if holder and any(sp[0] == m.end() and sp[1] == end and sp[2] in (GPE, LOC) for sp in spans):
            continue  # "[Orlando Pirates] of [South Africa]": a team or a body of a place
        new = _replace(spans, start, end, ORG)
        if new is not None and on("plural-of-body"):
            spans = new
    return spans


# "Lloyd's", "Moody's", "McDonald's": a name whose own form ends in 's. The tagger tags the word before the 's and
# the decoder never keeps it (tagger._BAD_LAST: a possessive is no part of a name). A possessive stands before the
# noun it qualifies; where the 's form stands before a comma or full stop, a preposition or "said", it is no
# possessive, and when the article never writes the word without its 's, that is the name's own form
# (CoNLL train: 17 such mentions made right, none of the 792 possessives on names made wrong).
_NOT_OWNING = re.compile(r"[ \t]*(?:[,.;:!?)”—–\n]|$)|[ \t]+-[ \t]"
                         r"|[ \t]+(?:of|to|at|in|for|with|by|from|on|said|says|will|would|could|can|may|might|should|must)"
                         r"(?![\w'’-])")
_S = ("'s", "’s")
_WORD_CHARS = re.compile(r"[\w'’-]")
_MAX_OWN_S = 32  # names looked up in the whole text, at most (bounded work on a hostile text)


def _only_with_s(text: str, word: str) -> bool:
    """Does the text write `word` (a whole word) only with 's after it?"""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _WORD_CHARS.match(text, at - 1)) and not (end < len(text) and text[end].isalnum()):
            if text[end:end + 2] not in ("'s", "’s") or text[end + 2:end + 3].isalnum():
                return False
        at = text.find(word, end)
    return True


def own_s_names(text: str, spans: list[Span]) -> list[Span]:
    """"[Moody]'s said" -> "[Moody's] said": a name right before 's whose last word the article writes only with
    its 's, at least once where no possessive can stand, takes the 's (a 'person' becomes an organisation)."""
    owns = text.startswith
    ends = [(k, sp) for k, sp in enumerate(spans) if owns(_S, sp[1])
            and not text[sp[1] + 2:sp[1] + 3].isalnum() and text[sp[1] - 1:sp[1]].isalpha()]
    if not ends:
        return spans
    cued = {text[s:e].rsplit(None, 1)[-1] for _, (s, e, _) in ends if _NOT_OWNING.match(text, e + 2)}
    names = {w for w in sorted(cued)[:_MAX_OWN_S] if w[:1].isupper() and _only_with_s(text, w)}
    if not names or not on("own-s-name"):
        return spans
    out = list(spans)
    for k, (s, e, lab) in ends:
        if text[s:e].rsplit(None, 1)[-1] in names and (k + 1 >= len(spans) or spans[k + 1][0] >= e + 2):
            out[k] = (s, e + 2, ORG if lab == PERSON else lab)
    return out


_OWNER_WORD = re.compile(r"[A-Z][a-z]+$")
_SAINT_BEFORE = re.compile(r"(?<![\w'’.-])(?:St\.?|Saint)[ \t]$")
_SAINT_BUILDINGS = frozenset("abbey cathedral chapel church hall priory".split())  # the rest are bodies
_CAP_WORD = re.compile(r"[ \t]([A-Z][a-z]+|Café)(?![\w'’-])")


def owner_names(text: str, spans: list[Span]) -> list[Span]:
    """"Tregenna's Bakery", "St Aidan's Church Hall": a shop or a farm named after its owner, a church or a school
    named after a saint, is one name through its 's; the tagger cuts it into a person or a place and a place.

    An owner's word (capitalised, no listed place: "Varno's Dairy Board" is no shop) with 's, then one capitalised
    word that is a shop's or a farm's (entity_words.txt, owner_heads) and no capitalised word after it; or "St" and a
    name with 's, then one or two capitalised words, the last a church's or a school's (saint_heads). A body (school,
    college) is an organisation, a building a place."""
    if "'s " not in text and "’s " not in text:
        return spans
    ew = entity_words()
    places = lexicon().place_names
    for quote in ("'", "’"):
        i = text.find(quote + "s ")
        while i >= 0:
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            found = _owner_name(text, j, i, ew, places) if j < i and (j == 0 or not text[j - 1].isalnum()) else None
            if found is not None:
                new = _replace(spans, *found)
                if new is not None and on("owner-possessive-name"):
                    spans = new
            i = text.find(quote + "s ", i + 1)
    return spans


def _owner_name(text: str, j: int, i: int, ew, places) -> tuple[int, int, str] | None:
    """(start, end, label) of the owner's or the saint's name whose word with 's is text[j:i+2], or None."""
    if not _OWNER_WORD.match(text, j, i) or text[j:i].lower() in places:
        return None
    saint = _SAINT_BEFORE.search(text, max(0, j - 7), j)
    words = []
    pos = i + 2
    while len(words) < 3 and (m := _CAP_WORD.match(text, pos)):
        words.append(m.group(1).lower())
        pos = m.end()
    if saint:
        for n in (2, 1):
            if len(words) >= n and words[n - 1] in ew.saint_heads and len(words) == n:
                end = _end_of_words(text, i + 2, n)
                return saint.start(), end, LOC if words[n - 1] in _SAINT_BUILDINGS else ORG
        return None
    if len(words) == 1 and words[0] in ew.owner_heads and text[j:i].lower() not in lexicon().stop_words:
        return j, _end_of_words(text, i + 2, 1), ORG
    if len(words) == 1 and (words[0] in lexicon().street_words or words[0] in _OWNER_PLACE_HEADS) \
            and text[j:i].lower() not in lexicon().stop_words and on("owner-possessive-place"):
        return j, _end_of_words(text, i + 2, 1), FAC  # "Tanner's Row", "Parson's Green": a street or a corner of town
    return None


# the last words of a street or a corner of a town named after someone with 's ("Tanner's Row", "Parson's Green"),
# beside streets.txt's (NER train has no such name: the words come from our own texts' streets, session 38)
_OWNER_PLACE_HEADS = frozenset("row square green yard close walk wynd mews gardens".split())


def _end_of_words(text: str, pos: int, n: int) -> int:
    """The end of the n capitalised words from `pos`."""
    for _ in range(n):
        pos = _CAP_WORD.match(text, pos).end()
    return pos
