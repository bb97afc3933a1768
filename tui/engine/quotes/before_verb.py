"""The speaker written before its verb.

`subject_left` reads back from the verb ("Smith said", "Jane Doe, a lawyer at the firm, said",
"A spokesman for Acme said", "a campaign spokesman said"); `sentence_subject` takes the subject that
opens the clause ("Pavel Lind, her opponent, complained ... and said").
"""

from __future__ import annotations

from .. import rules
from .cues import CLAUSE_WORDS, DETERMINERS, SKIP_BEFORE_VERB, SPEECH_VERBS
from .after_verb import surname_after_role
from .names import ORG_WORDS, TITLES, _common_cased, first_name, is_person, not_name_word, person_part
from .words import (QUOTE_CHARS, Mention, Tok, abbrev_dot, adverb, is_cap, is_verb, is_word, mention, name_left,
    name_right, pronoun)
from ..lexicon import lexicon, quote_words, verb_words

MAX_SUBJECT_TOKENS = 12  # nominal subjects longer than this are clauses, not speakers


def subject_left(text: str, toks: list[Tok], v: int, floor: int = 0) -> Mention | None:
    """The speaker written just before the verb at token v ("Smith said", "the senator told")."""
    j = v - 1
    while j >= floor and (toks[j].low in SKIP_BEFORE_VERB or adverb(toks[j])):
        j -= 1
    k = _phrase_in_verb_group(toks, j, floor)
    if k is not None:  # "Lind, who has in the past called ...": past the phrase to the subject
        j = k - 1
        while j >= floor and (toks[j].low in SKIP_BEFORE_VERB or adverb(toks[j])):
            j -= 1
    if j >= floor and toks[j].text == ")":  # "Rep. Jane Doe (D-Ohio) said"
        k = j
        while k >= floor and toks[k].text != "(" and j - k < 8:
            k -= 1
        if k >= floor and toks[k].text == "(":
            j = k - 1
    if j < floor:
        return None
    t = toks[j]
    if t.text == "," and (city := _region_before(toks, j, floor)) is not None:
        return _around_place(text, toks, city, j, floor)
    if t.text == ",":  # "Jane Doe, a lawyer at the firm, said": skip back over the apposition(s)
        k, inside, opened = j, None, None
        for _ in range(3):
            after = k  # the comma that closes the stretch read next
            k -= 1
            while k >= floor and (toks[k].text not in (",", ".", ":", ";") or abbrev_dot(toks, k)) \
                    and toks[k].text not in QUOTE_CHARS:
                k -= 1
                if j - k > 40:
                    return None
            if k < floor or toks[k].text != ",":
                break
            opened = k
            named = _named_role(toks, k, after, floor)
            if named is not None:  # "Vik's lawyer, Anna Berg, said": the person the role is
                return mention(text, toks, named[0], named[1], "name")
            if after == j and (own := _name_before_comma(toks, k, j, floor)) is not None \
                    and rules.enabled("full-name-before-comma-verb"):
                return mention(text, toks, own[0], own[1], "name")  # "In Dover, Ada Lund (R-Ohio), said"
            k2 = k - 1
            if k2 >= floor and toks[k2].text == ")":  # "Paul Ryan (R-Wis.), ..."
                while k2 >= floor and toks[k2].text != "(":
                    k2 -= 1
                k2 -= 1
            span = name_left(toks, k2)
            if span and span[0] >= floor:
                if (held := _holder_of(text, toks, span[0], span[1], floor, k, after)) is not None:
                    return held  # "Lord Holm of Bergen, who chaired the inquiry, said": not the place
                if span[0] - 1 >= floor and toks[span[0] - 1].low in _INSIDE_DESCRIPTION \
                        and rules.enabled("name-inside-apposition-skipped"):
                    inside = span  # "Morel, the trade minister of Belgium, ...": Belgium ends an apposition
                    continue
                return mention(text, toks, span[0], span[1], "name")
        # only names inside descriptions ("Officials at Acme Labs, a unit of Acme, said"): the earliest
        if inside:
            return mention(text, toks, inside[0], inside[1], "name")
        return _described_before_aside(text, toks, opened, floor) if opened is not None else None
    pron = pronoun(t)
    if pron:
        return Mention(t.start, t.start + len(pron), text[t.start : t.start + len(pron)], "pronoun")
    if t.low == "who":  # "Doe, who said"
        k = j - 1
        if k >= floor and toks[k].text == ",":
            span = name_left(toks, k - 1)
            if span and span[0] >= floor:
                return mention(text, toks, span[0], span[1], "name")
        return None
    if t.low in CLAUSE_WORDS:
        return None
    span = name_left(toks, j)
    if span is None and is_cap(t) and not_name_word(t.low) and (first := name_left(toks, j - 1)) is not None \
            and first[0] >= floor and surname_after_role(toks, first) == (first[0], j):
        span = (first[0], j)  # "Norway coach Tom March said": the surname, not the month
    elif span is not None:
        span = surname_after_role(toks, span)  # "Norway coach Tom Friday said" (a weekday was skipped as a time)
    if span and span[0] >= floor:
        i, j2 = span
        role = _role_before(toks, i, floor) if rules.enabled("role-for-a-name") else None
        if role is not None:  # "A spokesman for Acme said", "Officials in Ohio said": the people, not the place
            return mention(text, toks, role, j2, "nominal")
        if (held := _holder_of(text, toks, i, j2, floor)) is not None:
            return held  # "Lord Holm of Bergen said", "the Harbour Council of Bergen said": not the place
        if (member := _member_of_body(text, toks, i, floor)) is not None:
            return member  # "Oswin Tarrant of the Harbour Pilots' Guild said": the person, not the guild
        if i - 1 >= floor and (outer := _outer_body(text, toks, i - 1, j2, floor, person=False)) is not None:
            return outer  # "The Harbour Council of the Port said": the council, not the port (a person: member-of-body)
        if (a := _indefinite_before(toks, i, floor)) is not None:
            return mention(text, toks, a, j2, "nominal")  # "One senior Democrat said": a description, not a name
        return mention(text, toks, i, j2, "name")
    return _description_left(text, toks, j, floor)


def _name_before_comma(toks: list[Tok], k: int, j: int, floor: int) -> tuple[int, int] | None:
    """The person's full name (a title and a party parenthetical allowed: "Gov. Ada Lund (R-Ohio)") that fills the
    whole stretch between the commas at tokens k and j when the clause (from token `floor`) opens with an introductory
    phrase or has another comma before k, as token indexes, or None: a comma wrongly set between a subject and its verb after an opening phrase ("In
    Dover, Ada Lund, said"), not an apposition ("The Mayor of Bergen, Ida Holm, said")."""
    e = j - 1
    if e > k and toks[e].text == ")":
        while e > k and toks[e].text != "(":
            e -= 1
        e -= 1
    i = floor
    while i < k and not is_word(toks[i]):
        i += 1
    if i >= k or toks[i].low not in _INTRO and not any(t.text == "," for t in toks[i:k]):
        return None  # "The Mayor of Bergen, Ida Holm, said", "the club's lawyer, Anna Berg, said": an apposition
    span = name_left(toks, e) if e > k else None
    if span is None or span[0] != k + 1:
        return None
    words = [t.text for t in toks[span[0] : span[1] + 1] if is_cap(t) and t.text.lower().rstrip(".") not in TITLES]
    return span if len(words) >= 2 and is_person(" ".join(words)) else None


def _holder_of(text: str, toks: list[Tok], i: int, j: int, floor: int, comma: int | None = None,
               after: int = 0) -> Mention | None:
    """The holder of a title or office "of" the place named at tokens i..j: a person before "of" ("Lord Holm of
    Bergen", "Mayor Ida Holm of Bergen", "Ivo Lund of Bergen") is the speaker; an office or a body ("the Archbishop
    of Bergen", "the Harbour Council of Bergen") is the whole phrase. None when no capitalised run ends right before
    "of" (rule "holder-of-place"). With `comma` (the place ends before the comma at that token, an aside or
    apposition up to the comma at `after` follows), the phrase must open the clause ("..., head of the Bank of
    Norway, said" is about someone else), and a person named in the apposition holds the office ("the Bishop of
    Bergen, the Right Reverend Ivo Lund, said")."""
    if i - 2 < floor or toks[i - 1].low != "of" or not rules.enabled("holder-of-place"):
        return None
    h = name_left(toks, i - 2)
    if h is None or h[0] < floor:
        return None
    the = h[0] - 1 >= floor and toks[h[0] - 1].low == "the"
    a = h[0] - 1 if the else h[0]
    if comma is not None and not (a == floor or not is_word(toks[a - 1])):
        return None
    words = [t.text for t in toks[h[0] : h[1] + 1] if t.text != "."]
    last = toks[h[1]].low
    if last in TITLES or last in ORG_WORDS or _common_cased(toks[h[1]].text) or the:  # an office or a body
        if comma is not None and (person := _apposed_person(text, toks, comma, after)) is not None:
            return person
        if comma is None and the and (outer := _outer_body(text, toks, a, j, floor)) is not None:
            return outer  # "The Harbour Council of the Port of Tolverne said": the council, not the port
        return mention(text, toks, a, j, "nominal" if the else "name")
    if toks[h[0]].low in TITLES or is_person(" ".join(words)):
        return mention(text, toks, h[0], h[1], "name")
    return None


_POSSESSIVE = frozenset({"'", "’", "'s", "’s", "s"})


def _member_of_body(text: str, toks: list[Tok], i: int, floor: int) -> Mention | None:
    """The person before "of the" and a body whose name ends at the verb: "Oswin Tarrant of the Harbour Pilots'
    Guild said" is Oswin Tarrant (a full name: two to four words the name lists read as a person's, no title or
    organisation word last), not the guild. The name run at token i may have left out capitalised words of the
    body ("Harbour"). None otherwise (rule "member-of-body")."""
    if not rules.enabled("member-of-body"):
        return None
    k = i - 1
    while k >= floor and i - k <= 5 and (is_cap(toks[k]) or toks[k].low in _POSSESSIVE) and toks[k].low != "the":
        k -= 1  # back over the body's words the name run left out ("Harbour", "Pilots'")
    if k - 1 < floor or toks[k].low != "the" or toks[k - 1].low != "of":
        return None
    h = name_left(toks, k - 2)
    if h is None or h[0] < floor or h[1] != k - 2:
        return None
    words = [t.text for t in toks[h[0] : h[1] + 1] if t.text != "."]
    kept = person_part(words)
    if not 2 <= len(kept) <= 4 or toks[h[1]].low in TITLES or toks[h[1]].low in ORG_WORDS \
            or _common_cased(toks[h[1]].text) or not is_person(" ".join(kept)):
        return None  # "the Harbour Council of the Port said": a body of a body
    if h[0] - 1 >= floor and toks[h[0] - 1].low == "the":
        return None  # "the Tarrant Trust of the ..."
    first = next((x for x in range(h[0], h[1] + 1) if toks[x].text == kept[0]), h[0])
    return mention(text, toks, first, h[1], "name")


def _outer_body(text: str, toks: list[Tok], a: int, j: int, floor: int, person: bool = True) -> Mention | None:
    """The body or person whose "of" the phrase at tokens a..j ("the Port of Tolverne", a at its "the") follows:
    "The Harbour Council of the Port of Tolverne said" is the council (the whole phrase, as after its verb: 'said the
    Harbour Council of the Port of Tolverne'), "Oswin Tarrant of the Port of Tolverne said" is Oswin Tarrant. A body
    is a capitalised run right before "of" that ends in an organisation word or a title, or follows "the"; a person a
    full name the name lists read as one (not with `person` False). None otherwise (rule "body-of-a-body")."""
    if a - 2 < floor or toks[a].low != "the" or toks[a - 1].low != "of" or not rules.enabled("body-of-a-body"):
        return None
    h = name_left(toks, a - 2)
    if h is None or h[0] < floor or h[1] != a - 2:
        return None
    the = h[0] - 1 >= floor and toks[h[0] - 1].low == "the"
    last = toks[h[1]].low
    if last in TITLES or last in ORG_WORDS or the:
        s = h[0] - 1 if the else h[0]
        return mention(text, toks, s, j, "nominal" if the else "name")
    words = [t.text for t in toks[h[0] : h[1] + 1] if t.text != "."]
    kept = person_part(words)
    if person and 2 <= len(kept) <= 4 and not _common_cased(toks[h[1]].text) and is_person(" ".join(kept)):
        first = next((x for x in range(h[0], h[1] + 1) if toks[x].text == kept[0]), h[0])
        return mention(text, toks, first, h[1], "name")
    return None


def _apposed_person(text: str, toks: list[Tok], comma: int, after: int) -> Mention | None:
    """The person's name that fills the apposition between the commas at tokens `comma` and `after`, after an
    optional "the" and the titles before it ("the Right Reverend Ivo Lund"), else None."""
    k = comma + 1 + (comma + 1 < after and toks[comma + 1].low == "the")
    span = name_right(toks, k) if k < after else None
    if span is None or span[1] != after - 1:
        return None
    words = [t.text for t in toks[span[0] : span[1] + 1] if t.text != "."]
    kept = person_part(words)
    while len(kept) > 2 and not first_name(kept[0].lower()):
        kept = kept[1:]  # "Reverend Ivo Lund": a title the lists do not hold
    if not 2 <= len(kept) <= 4 or not is_person(" ".join(kept)):
        return None
    first = next((x for x in range(span[0], span[1] + 1) if toks[x].text == kept[0]), span[0])
    return mention(text, toks, first, span[1], "name")


_VERB_GROUP_PREPOSITIONS = frozenset({"in", "on", "at", "over", "during", "since", "for"})
_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "will", "would", "may", "might", "could",
                          "should", "can", "did", "does", "do"})


def _phrase_in_verb_group(toks: list[Tok], j: int, floor: int) -> int | None:
    """The preposition opening a short lower-case phrase that ends at token j and sits between an auxiliary and its
    verb ("has in the past called", "had on two occasions said"), else None: such a phrase is never the subject."""
    if not rules.enabled("phrase-inside-verb-group-skipped"):
        return None
    for k in range(j, max(floor, j - 4) - 1, -1):
        t = toks[k]
        if not is_word(t) or is_cap(t):
            return None
        if t.low in _VERB_GROUP_PREPOSITIONS:
            return k if k < j and k - 1 >= floor and toks[k - 1].low in _AUXILIARIES else None
    return None


def _named_role(toks: list[Tok], k: int, after: int, floor: int) -> tuple[int, int] | None:
    """The full name filling the stretch between the commas at k and `after` when a lower-case role word
    comes before the first comma ("the club's lawyer, Anna Berg, said"), else None."""
    if not rules.enabled("name-after-role-apposition") or k - 1 < floor:
        return None
    role = toks[k - 1]
    if not is_word(role) or is_cap(role) or role.low in CLAUSE_WORDS or is_verb(toks, k - 1):
        return None
    span = name_right(toks, k + 1)
    if not span or span[1] != after - 1:
        return None
    words = [t.text for t in toks[span[0] : span[1] + 1] if t.text != "."]
    return span if is_person(" ".join(words)) else None


def _described_before_aside(text: str, toks: list[Tok], comma: int, floor: int) -> Mention | None:
    """The description that opens the clause before an aside set off by commas: "a harbour official, speaking on
    condition of anonymity, said" -> "a harbour official"; None when something else comes first."""
    if not rules.enabled("description-before-aside") or comma - 1 < floor:
        return None
    m = _description_left(text, toks, comma - 1, floor)
    if m is None:
        return None
    first = next(x for x in range(floor, comma) if toks[x].start == m.start)
    return m if first == floor or not is_word(toks[first - 1]) else None


_LINKED = quote_words().linked_adjectives


def _linked_before(toks: list[Tok], p: int, floor: int) -> bool:
    """Is token p a preposition after an adjective that takes it ("close to", "familiar with")?"""
    return p - 1 >= floor and toks[p - 1].low in _LINKED and toks[p].low in ("to", "with", "as", "on", "in") \
        and rules.enabled("description-with-linked-phrase")



_ROLE_PREPOSITIONS = {"for", "from", "in", "at", "of", "with"}


def _role_before(toks: list[Tok], i: int, floor: int) -> int | None:
    """Where a description ending in "<noun> for/from/in/at/to <the name at i>" starts, or None.

    "a spokesman for Acme" -> the index of "a"; "Officials in Ohio" (opening the clause) -> "Officials".
    """
    linked = i - 2 >= floor and toks[i - 2].low in _LINKED and toks[i - 1].low in ("to", "with", "as", "on", "in") \
        and rules.enabled("description-with-linked-phrase")  # "a person close to Ivo Brandt"
    to_name = toks[i - 1].low == "to" and i - 2 >= floor and toks[i - 2].low not in _LINKED \
        and rules.enabled("description-with-named-complement")  # "an adviser to Ivo Brandt" ("close to": linked)
    if i - 2 < floor or toks[i - 1].low not in _ROLE_PREPOSITIONS and not linked and not to_name:
        return None
    k = i - 2
    if not is_word(toks[k]) or toks[k].low in CLAUSE_WORDS or (is_verb(toks, k) and not linked):
        return None
    if is_cap(toks[k]):  # "Officials in Ohio": a capitalised noun must open the clause
        return k if k == floor or not is_word(toks[k - 1]) else None
    while k - 1 >= floor and i - k < 6 and is_word(toks[k - 1]) and not is_cap(toks[k - 1]) \
            and toks[k - 1].low not in CLAUSE_WORDS and toks[k - 1].low not in DETERMINERS and not is_verb(toks, k - 1):
        k -= 1
    if k - 1 >= floor and toks[k - 1].low in DETERMINERS:
        return k - 1
    if k - 1 >= floor and is_cap(toks[k - 1]) and (k - 1 == floor or not is_word(toks[k - 2])):
        return k - 1  # "Senior officials at the firm": the clause opens with the description
    return None


# a name right after these words is the object inside an apposition, not the subject
_INSIDE_DESCRIPTION = {"of", "for", "at", "in", "from", "with", "to", "on", "by", "the", "a", "an", "and", "near"}


def _description_left(text: str, toks: list[Tok], j: int, floor: int) -> Mention | None:
    """A description ending at token j: "a campaign spokesman", "the head of the agency"."""
    k = j
    while k >= floor and is_word(toks[k]) and j - k < MAX_SUBJECT_TOKENS:
        low = toks[k].low
        if low in DETERMINERS:
            start = k
            # "the head of the agency": carry on over "of" to an earlier determiner; "a person close to the board"
            while start - 2 >= floor and (toks[start - 1].low == "of" or _linked_before(toks, start - 1, floor)):
                m = start - 2
                while m >= floor and is_word(toks[m]) and toks[m].low not in CLAUSE_WORDS and start - m < 5:
                    if toks[m].low in DETERMINERS:
                        break
                    m -= 1
                if m >= floor and toks[m].low in DETERMINERS:
                    start = m
                else:
                    break
            if start == j:
                return None  # a bare "a" or "the" is no speaker
            if (before := _before_participle_phrase(toks, start, floor)) is not None \
                    and (m := _description_left(text, toks, before, floor)) is not None:
                return m  # "another official speaking to the local radio said": the official, not the radio
            return mention(text, toks, start, _head_end(toks, start, j), "nominal")
        if is_cap(toks[k]) and toks[k].text.endswith(("'s", "’s")):  # "Holt's spokesman"
            return mention(text, toks, k, _head_end(toks, k, j), "nominal")
        if is_verb(toks, k) or (low in CLAUSE_WORDS and low not in ("and", "of")):
            return None
        k -= 1
    # no determiner, but the description opens its sentence: "Only 40 percent of the ferry users agreed"
    if j - k >= 3 and is_cap(toks[k + 1]) and (k < floor or not is_word(toks[k])) and toks[k + 1].low in _BARE_OPENERS:
        return mention(text, toks, k + 1, j, "nominal")
    return None


_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _indefinite_before(toks: list[Tok], i: int, floor: int) -> int | None:
    """The indefinite article ("a", "one", "another") opening a description whose head is the capitalised word at token
    i, after at most three lower-case modifiers ("one senior Democrat", "a Republican"), else None: a name takes no
    indefinite article, so the capital is a common noun's (a party's member, a people's)."""
    k = i - 1
    while k >= floor and i - k <= 3 and is_word(toks[k]) and not is_cap(toks[k]) and toks[k].low not in _INDEFINITE \
            and toks[k].low not in CLAUSE_WORDS and toks[k].low not in DETERMINERS and not _verbal(toks[k]):
        k -= 1
    if k < floor or toks[k].low not in _INDEFINITE:
        return None
    return k if rules.enabled("indefinite-description-no-name") else None


_PARTICIPLE_PREPOSITIONS = frozenset({"to", "with", "on", "in", "at", "for", "from", "by", "about"})


def _before_participle_phrase(toks: list[Tok], start: int, floor: int) -> int | None:
    """The last token before a participle phrase that the determiner at `start` continues ("official" of "an official
    speaking to the radio"), else None: such a phrase qualifies the noun before it, and its object is no subject."""
    p = start - 2
    if p - 1 < floor or toks[start - 1].low not in _PARTICIPLE_PREPOSITIONS:
        return None
    t = toks[p]
    if not (t.low.endswith("ing") and t.text[:1].islower() and is_word(toks[p - 1]) and not is_cap(toks[p - 1])
            and toks[p - 1].low not in CLAUSE_WORDS):
        return None
    return p - 1 if rules.enabled("participle-phrase-object-no-subject") else None


def _verbal(t: Tok) -> bool:
    """Is the token a lower-case word news uses as a verb or adverb ("refused", "put"), learned from unlabelled
    text (lexicon.verb_words)? Such a word ends a noun phrase: it cannot come after the phrase's head."""
    return t.text[:1].islower() and t.low in verb_words() and rules.enabled("description-ends-at-verb")


def _head_end(toks: list[Tok], start: int, j: int) -> int:
    """Where a description opened at token `start` ends when it runs on to token j: before the first verb after
    its first word ("The spokesman refused" -> "The spokesman"; "His office put out a statement" -> "His office")."""
    for m in range(start + 2, j + 1):
        if _verbal(toks[m]):
            return m - 1
    return j


# words that open a description without a determiner ("Only 52 percent of voters", "Most residents")
_BARE_OPENERS = quote_words().bare_openers


_INTRO = quote_words().intro_words


def sentence_subject(text: str, toks: list[Tok]) -> Mention | None:
    """The subject at the start of a clause: 'Pavel Lind, her opponent, complained ... and said ...'."""
    i = 0
    while i < len(toks) and not is_word(toks[i]):
        i += 1
    if i < len(toks) and toks[i].low in _INTRO:
        # skip an introductory phrase up to its comma ("During a May interview on local radio, Lind said"),
        # or its last comma when a date has its own ("On March 3, 2024, Okafor made ...")
        intro_end = i + 1
        for k in range(i, min(len(toks), i + 15)):
            if toks[k].text == ",":
                intro_end = k + 1
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                # stop where the clause proper starts; "On March 3, 2024," and "After a hastily
                # arranged, late-night vote," have more intro after their first comma
                if nxt is not None and (is_cap(nxt) or pronoun(nxt) or nxt.low in DETERMINERS) \
                        and region_after(toks, k) is None:  # "At a dinner in Aspen, Colo., the ...": on to its comma
                    break
        i = intro_end
    else:
        i = _dateline_end(text, toks, i)
        i = _common_intro_end(toks, i)
        i = _place_opener_end(toks, i)
    if i >= len(toks):
        return None
    pron = pronoun(toks[i])
    if pron:
        t = toks[i]
        return Mention(t.start, t.start + len(pron), text[t.start : t.start + len(pron)], "pronoun")
    if toks[i].low in SPEECH_VERBS and i + 1 < len(toks) and not is_cap(toks[i + 1]):
        return None  # "Calls men names, like ...": a verb without a subject, not a name
    span = name_right(toks, i)
    if span:
        a, b = span
        span = _name_after_modifiers(toks, b) or span
        a, b = span
        if toks[b].text.endswith(("'s", "’s")):  # "Lind's family has called ...": a description
            k = b + 1
            while k < len(toks) and k - b <= 4 and toks[k].text[:1].islower() and toks[k].low not in CLAUSE_WORDS \
                    and not is_verb(toks, k) and not (k > b + 1 and _verbal(toks[k])):
                k += 1
            if k - 1 > b:
                return mention(text, toks, a, k - 1, "nominal")
        return mention(text, toks, a, b, "name")
    if toks[i].low in DETERMINERS:  # "The film uses footage of ..."
        k = i + 1
        while k < len(toks) and k - i <= 5 and is_word(toks[k]) and toks[k].low not in CLAUSE_WORDS \
                and not is_verb(toks, k) and not (k - i >= 2 and (_acts_on(toks, k) or _verbal(toks[k]))):
            k += 1
        if k - 1 > i and k < len(toks) and (is_verb(toks, k) or _acts_on(toks, k)
                                            or _verbal(toks[k]) and toks[k].low not in CLAUSE_WORDS):
            end = k - 1
            while end > i + 1 and (toks[end].low in SKIP_BEFORE_VERB or adverb(toks[end])):
                end -= 1  # "The nominee also outlined": the adverb is not part of the subject
            return mention(text, toks, i, end, "nominal")
    return None


_REGION_ABBREV = quote_words().region_abbrev


def region_after(toks: list[Tok], k: int) -> int | None:
    """The comma closing a state, province or country written after a place and the comma at token k ("Aspen, Colo.,",
    "Trenton, N.J.,", "Austin, Texas,", "Lyon, France,"), else None: what follows that comma is the clause."""
    if not rules.enabled("place-after-comma-no-name") or k < 1 or not is_cap(toks[k - 1]) or toks[k].text != ",":
        return None
    n = len(toks)
    if k + 3 < n and toks[k + 1].low in _REGION_ABBREV and is_cap(toks[k + 1]) and toks[k + 2].text == "." \
            and toks[k + 3].text == ",":
        return k + 3
    span = name_right(toks, k + 1)
    if span is None or span[1] + 1 >= n or toks[span[1] + 1].text != "," or span[1] - span[0] > 2:
        return None
    return span[1] + 1 if " ".join(t.low for t in toks[span[0] : span[1] + 1]) in lexicon().place_names else None


def _region_before(toks: list[Tok], j: int, floor: int) -> int | None:
    """The place token before a state or country that the comma at token j closes ("Aspen" of "Aspen, Colo.,"),
    else None."""
    for k in range(j - 2, max(floor, j - 5) - 1, -1):
        if toks[k].text == "," and k - 1 >= floor:
            return k - 1 if region_after(toks, k) == j else None
    return None


def _around_place(text: str, toks: list[Tok], city: int, j: int, floor: int) -> Mention | None:
    """The speaker of a verb after a place and its state ("Aspen, Colo.,", the comma at j; the place at token city),
    never the place itself: the name before an apposition holding it ("Vera Lund, a nurse from Aspen, Colo., said",
    "Lund, during a visit to Salem, Ore., said"), else a description it ends that opens the clause ("A nurse from
    Aspen, Colo., said"), else None."""
    span = name_left(toks, city)
    if span is None or span[0] < floor:
        return None
    k = span[0] - 1
    while k >= floor and span[0] - k <= 15 and toks[k].text not in (",", ".", ":", ";") \
            and toks[k].text not in QUOTE_CHARS:
        k -= 1
    if k - 1 >= floor and toks[k].text == ",":
        name = name_left(toks, k - 1)
        if name and name[0] >= floor:
            return mention(text, toks, name[0], name[1], "name")
    role = _role_before(toks, span[0], floor)
    if role is not None and (role == floor or not is_word(toks[role - 1])):
        return mention(text, toks, role, j - 1, "nominal")
    return None


def _place_opener_end(toks: list[Tok], i: int) -> int:
    """Past a place with its state that opens the sentence ("Aspen, Colo., the retired harbour master ended ..."):
    the subject comes after it. i itself when the sentence opens otherwise."""
    span = name_right(toks, i)
    if span is None or span[1] + 1 >= len(toks):
        return i
    end = region_after(toks, span[1] + 1)
    if end is None or end + 1 >= len(toks):
        return i
    nxt = toks[end + 1]
    return end + 1 if is_cap(nxt) or pronoun(nxt) or nxt.low in DETERMINERS else i


_DASHES = frozenset("-–—")


def _dateline_end(text: str, toks: list[Tok], i: int) -> int:
    """Past a dateline that opens a paragraph: a place of one to three words in capitals, maybe with its state and a
    wire service, then a dash and a capitalised word ("PORTVILLE — Mayor Ida Brandt ...", "EASTON, N.H. (AP) — The
    ..."): the subject comes after it, never the place (rule "dateline-not-speaker"). i itself when the clause opens
    otherwise; a longer run in capitals is a heading ("POLLS FAVOR THE MAYOR — ...")."""
    if i >= len(toks) or not rules.enabled("dateline-not-speaker") or text[text.rfind("\n", 0, toks[i].start) + 1 :
                                                                          toks[i].start].strip():
        return i  # no word, the rule off, or not at the start of a paragraph

    def caps(k: int) -> bool:
        return k < len(toks) and toks[k].text.isupper() and toks[k].text.replace(".", "").isalpha()

    k, words = i, 0
    while caps(k) and words < 4:  # "ST. LOUIS", "NEW YORK"
        words += 1
        k += 1 + (k + 1 < len(toks) and toks[k + 1].text == ".")
    if not 1 <= words <= 3:
        return i
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].text[:1].isupper():  # its state: ", N.H."
        k += 2 + (k + 2 < len(toks) and toks[k + 2].text == ".")
    if k < len(toks) and toks[k].text == "(":  # a wire service: "(AP)", "(Reuters)"
        k = next((j + 1 for j in range(k + 1, min(len(toks), k + 5)) if toks[j].text == ")"), len(toks))
    if k >= len(toks) or toks[k].text not in _DASHES:
        return i
    while k < len(toks) and toks[k].text in _DASHES:  # "--" is two tokens
        k += 1
    # a sentence starts after a dateline; "NATO — the alliance of ... — said" is a name and its aside
    return k if k < len(toks) and toks[k].text[:1].isupper() else i


_TIME_AFTER = {"later", "earlier", "ago"}  # "Hours later," "Days earlier," "Weeks ago,"


def _common_intro_end(toks: list[Tok], i: int) -> int:
    """Where the clause proper starts after an introductory phrase opened by a capitalised common word that is a
    participle, an adverb in -ly or a time before "later"/"earlier"/"ago" ("Continuing to explain his view, Ola
    Brandt ...", "Shortly after the vote, Brandt's office ...", "Hours later, Brandt ..."): after the first comma, within 15 tokens, that a name, a pronoun or a determiner follows.
    i itself when the opening word is no common word (the word clusters' counts: unlabelled news writes it more
    often in lower case; a known first name never is), is neither, or there is no such comma."""
    if i >= len(toks) or not (is_cap(toks[i]) and _common_word(toks[i].text)
                               and rules.enabled("common-word-intro-skipped")):
        return i  # (no word left: an attribution with nothing before its verb)
    if not (toks[i].low.endswith(("ing", "ly")) or i + 1 < len(toks) and toks[i + 1].low in _TIME_AFTER):
        return i  # "Critics of the plan, the board among them, said": a subject, not an opening phrase
    for k in range(i + 1, min(len(toks) - 1, i + 15)):
        if toks[k].text in (".", ";", ":") or toks[k].text in QUOTE_CHARS:
            return i
        if toks[k].text == ",":
            nxt = toks[k + 1]
            if nxt.low in _MODIFIER_WORDS and k + 2 < len(toks) and is_cap(toks[k + 2]):
                return k + 2  # ", former harbour master Ola Brandt agreed": the name after the description word
            return k + 1 if is_cap(nxt) or pronoun(nxt) or nxt.low in DETERMINERS else i
    return i


def _acts_on(toks: list[Tok], k: int) -> bool:
    """A lower-case past-tense verb taking an object: "issued a statement", "granted Ms. Holt a delay"."""
    t = toks[k]
    if not (t.low.endswith("ed") and t.text[:1].islower() and k + 1 < len(toks)):
        return False
    nxt = toks[k + 1]
    return nxt.low in DETERMINERS or (is_cap(nxt) and not not_name_word(nxt.low))


def _name_after_modifiers(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The name that a capitalised modifier ending at token b leads to: "Liberal mayoral
    candidate Ana Pires's doctor", "Green nominee Mara Holt". None when lower-case
    words are not followed by a name within a few words (they are the verb and its object)."""
    k = b + 1
    while k < len(toks) and k - b <= 3 and toks[k].text[:1].islower() and toks[k].low not in CLAUSE_WORDS \
            and toks[k].low not in SKIP_BEFORE_VERB and not is_verb(toks, k) and not _acts_on(toks, k):
        k += 1
    if k == b + 1 or k >= len(toks) or not is_cap(toks[k]):
        return None
    if not all(toks[x].low in TITLES or toks[x].low in _MODIFIER_WORDS or _role_word(toks, x) for x in range(b + 1, k)):
        return None  # "Holt campaigned alongside Brandt": a verb, not a modifier
    return name_right(toks, k)


_NOT_ROLE = {"of", "in", "for", "near", "beside", "alongside", "from", "to", "by", "on", "about", "against", "over",
             "after", "before", "than", "like", "as", "into", "under", "without", "within", "between", "among"}


def _role_word(toks: list[Tok], x: int) -> bool:
    """A lower-case word of a description before a name ("Harbour board chairwoman Mara Quist"): no verb or adverb
    (the learned verb list, lexicon.verb_words) and no preposition; "of" only after a title ("Secretary of State")."""
    if not rules.enabled("role-words-before-name"):
        return False
    low = toks[x].low
    if low == "of":
        return toks[x - 1].low in TITLES
    return low not in _NOT_ROLE and not _verbal(toks[x]) and toks[x].text.replace("-", "").isalpha()


def _common_word(word: str) -> bool:
    """A capitalised word unlabelled news writes more often in lower case and that is no known first name."""
    return _common_cased(word)


# lower-case words that sit between a capitalised modifier and a name ("Liberal mayoral candidate")
_MODIFIER_WORDS = quote_words().modifier_words
