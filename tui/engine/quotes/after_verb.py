"""The speaker written after its verb: "said Smith", "said MSNBC host Jo Doe", "according to the
report", "said the company's spokeswoman, Mia Lund", "a statement from the labour ministry"."""

from __future__ import annotations

from .. import rules
from .cues import CLAUSE_WORDS, DETERMINERS, SKIP_AFTER_VERB, SPEECH_VERBS
from .names import TITLES, first_name, is_person, not_name_word
from .words import (QUOTE_CHARS, Mention, Tok, abbrev, ends_sentence, is_cap, is_word, mention, name_left,
    name_right, possessive, pronoun)
from ..lexicon import quote_words


def subject_right(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The speaker written just after a verb ("said Smith", "said MSNBC host Jo Doe", "according to the report")."""
    while i < len(toks) and toks[i].low in SKIP_AFTER_VERB:
        i += 1
    if i >= len(toks):
        return None
    t = toks[i]
    pron = pronoun(t)
    if pron:
        return Mention(t.start, t.start + len(pron), text[t.start : t.start + len(pron)], "pronoun")
    if t.low in DETERMINERS:
        return _determined_right(text, toks, i)
    # the last name in a short noun phrase: "flood survivor Ana Pires", "radio host Jon Bell"
    best = None
    k = i
    while k < len(toks) and k - i < 8:
        tk = toks[k]
        if (tk.low in CLAUSE_WORDS and not (tk.low == "and" and best is None and k > i)) \
                or not (is_word(tk) or tk.text in "/-."):
            break  # "and" may join the words before a name: "according to media and PR strategist Glen Yearwood"
        if tk.text == "." and k > i and ends_sentence(toks, k) and rules.enabled("speaker-ends-at-sentence-end"):
            break  # "said Mayor Ann Tolley. Work on the bridge ...": the next sentence's opener is nobody
        span = name_right(toks, k) if is_cap(tk) else None
        if span:
            a, b = span = surname_after_role(toks, span)
            if _role(toks, span) and _and_after(toks, b) and rules.enabled("title-run-is-no-name"):
                pass  # "said former Vermont Gov. and Harbour Trust Chairman Ed Rendell": a title, on to the name
            elif not (a == b and toks[a].low in TITLES):
                best = (a, b)
            k = b + 1
            continue
        if best is not None:  # a lower-case word after a name ends the phrase, unless a name follows
            if tk.low == "of" and _person(toks, best) and rules.enabled("person-before-of-phrase"):
                break  # "said Jonas Lind of Tromsø": the person, not the place they are from
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if not (nxt is not None and is_cap(nxt) and tk.low not in CLAUSE_WORDS and k - i < 4):
                ahead = _role_words_to_name(toks, k, i) if not _person(toks, best) else None
                if ahead is None:
                    break
                k = ahead  # "said Nordland University marine biologist Ella Strand": on to the name
                continue
        k += 1
    if best is not None:
        if possessive(toks[best[1]]):  # "said Sri Lanka's foreign minister, Nirosha Perera"
            return _role_right(text, toks, best[0], best[1] + 1)
        return mention(text, toks, best[0], best[1], "name")
    return None


def surname_after_role(toks: list[Tok], span: tuple[int, int]) -> tuple[int, int]:
    """The name run at `span` with the capitalised word after a lone first name that the word lists call no name
    (a weekday, a month: "Friday", "May") when lower-case role words lead to it ("sevens coach Mia Friday"): the
    surname, not the day it was said. The span itself otherwise (rule "surname-that-is-a-common-word")."""
    a, b = span
    if a != b or b + 1 >= len(toks) or a == 0:
        return span
    nxt, before = toks[b + 1], toks[a - 1]
    if not (is_cap(nxt) and not_name_word(nxt.low) and nxt.text.isalpha() and is_word(before) and not is_cap(before)
            and before.low not in CLAUSE_WORDS and before.low not in SPEECH_VERBS and before.low not in SKIP_AFTER_VERB
            and first_name(toks[a].low)):
        return span
    return (a, b + 1) if rules.enabled("surname-that-is-a-common-word") else span


def _role(toks: list[Tok], span: tuple[int, int]) -> bool:
    """Does the capitalised run end in a title ("Vermont Gov", "Harbour Trust Chairman"): a role, not a name? Not
    after a first name ("Tom Judge", "Peter Major": a surname that is a title word)."""
    b = span[1]
    return b > span[0] and toks[b].low in TITLES and not first_name(toks[b - 1].low)


def _and_after(toks: list[Tok], b: int) -> bool:
    """Is token b followed by "and" (after the dot of an abbreviation: "Gov. and")?"""
    k = b + 1
    if k < len(toks) and toks[k].text == "." and abbrev(toks[b]):
        k += 1
    return k < len(toks) and toks[k].low == "and"


def _person(toks: list[Tok], span: tuple[int, int]) -> bool:
    """Is the capitalised run a person's full name ("Jonas Lind", not "Nordland University")?"""
    return is_person(" ".join(t.text for t in toks[span[0] : span[1] + 1] if t.text != "."))


def _role_words_to_name(toks: list[Tok], k: int, i: int) -> int | None:
    """Where a name starts after the lower-case role words from token k that follow an organisation
    ("Nordland University marine biologist Ella Strand"): at most three such words, within the phrase's
    eight words from token i; None when no person's name follows them."""
    if not rules.enabled("role-words-after-organisation"):
        return None
    n = k
    # (after a possessive, _role_right reads the role phrase: "said Quist's top harbour safety officer Ivo Lind")
    most = 7 if not possessive(toks[k - 1]) and rules.enabled("long-role-phrase-to-name") else 3
    while n < len(toks) and n - k < most and is_word(toks[n]) and not is_cap(toks[n]) and toks[n].low not in CLAUSE_WORDS \
            and toks[n].low != "of":
        n += 1
    if n == k or n >= len(toks) or n - i >= (10 if most > 3 else 8) or not is_cap(toks[n]):
        return None
    span = name_right(toks, n)
    if span and span != surname_after_role(toks, span):
        return n  # "coach Mia Friday": a first name and the surname after it
    return n if span and _person(toks, span) else None


_ROLE_LINKS = {"of", "for", "at"}  # "a spokeswoman for the club, Mia Lund"
_APPOSITION_END = {",", ".", ";", ":", "(", "who", "whose", "and"}


def _role_right(text: str, toks: list[Tok], start: int, k: int) -> Mention | None:
    """A role phrase from token `start`, its lower-case words beginning at k ("Acme's chief executive"),
    or the person named right after it in apposition ("..., Dana Holt")."""
    r = k - 1
    while r + 1 < len(toks) and r + 1 - k < 5 and is_word(toks[r + 1]) and not is_cap(toks[r + 1]) \
            and toks[r + 1].low not in CLAUSE_WORDS:
        r += 1
    if r < k:
        return None  # "said Acme's" and nothing after it: no speaker
    if r + 1 < len(toks) and is_cap(toks[r + 1]) and rules.enabled("name-after-possessive-role"):
        span = name_right(toks, r + 1)  # "said Quist's top harbour safety officer Ivo Lind": the named person
        if span and _person(toks, span):
            return mention(text, toks, span[0], span[1], "name")
    return _apposition_name(text, toks, r) or mention(text, toks, start, r, "nominal")


def _apposition_name(text: str, toks: list[Tok], r: int) -> Mention | None:
    """The name set off by a comma after a role phrase ending at token r: "the company's spokeswoman, Mia Lund".

    A short "for/of/at ..." phrase may sit between the role and the comma ("a spokesman for the club, ...").
    """
    c = r + 1
    if c < len(toks) and toks[c].low in _ROLE_LINKS:
        c += 1
        while c < len(toks) and c - r < 7 and toks[c].text != "," and (is_word(toks[c]) or toks[c].text == "."):
            if toks[c].low in CLAUSE_WORDS and toks[c].low not in _ROLE_LINKS:
                return None
            c += 1
    if c + 1 >= len(toks) or toks[c].text != ",":
        return None
    span = name_right(toks, c + 1)
    if not span or any(possessive(toks[x]) for x in range(span[0], span[1] + 1)):
        return None
    a, b = span
    if b - a < 1 and toks[a].low in TITLES:
        return None
    after = toks[b + 1] if b + 1 < len(toks) else None
    if after is not None and after.low not in _APPOSITION_END and after.text not in QUOTE_CHARS:
        return None  # "..., Reuters reported": a new clause, not an apposition
    return mention(text, toks, a, b, "name")


def _determined_right(text: str, toks: list[Tok], i: int) -> Mention | None:
    """A phrase after a verb that starts with a determiner: "the Rev. Jo Doe" (a name), "one Democratic
    source on the panel" (a description), "the campaign's spokesman, Jo Doe" (the name in apposition),
    "a statement from the labour ministry" (the source of the document)."""
    j = i + 1
    while j < len(toks) and j - i < 9 and (is_word(toks[j]) or toks[j].text == ".") and (
            toks[j].low not in CLAUSE_WORDS or _linked(toks, j)):
        if toks[j].text == "." and not abbrev(toks[j - 1]):
            break
        j += 1
    words = [k for k in range(i + 1, j) if toks[k].text != "."]
    if not words:
        return None
    last = words[-1]
    if toks[last].low in _DOCUMENTS and j + 1 < len(toks) and toks[j].low in ("from", "by", "of"):
        source = subject_right(text, toks, j + 1)
        if source is not None:
            return source
    run = name_left(toks, last)
    if run and run[0] > i:
        a, b = run
        if a == i + 1 or b - a >= 1:  # all capitalised after "the", or a full name closes the phrase
            return mention(text, toks, a, b, "name")
    return _apposition_name(text, toks, last) or mention(text, toks, i, _named_complement(toks, last), "nominal")


_COMPLEMENT_LINKS = frozenset(("to",))  # on train, "of"/"for"/"at" as well gave the same CV


def _named_complement(toks: list[Tok], last: int) -> int:
    """Where a description after a verb ends when "to" and a name follow it: "said a longtime adviser to Mara
    Quist" keeps "to Mara Quist" (a reader wants to know whose adviser); else at token `last`."""
    c = last + 1
    if c + 1 >= len(toks) or toks[c].low not in _COMPLEMENT_LINKS or not rules.enabled("description-with-named-complement"):
        return last
    n = c + 1
    if toks[n].low in ("the", "both") and n + 1 < len(toks):
        n += 1
    span = name_right(toks, n) if is_cap(toks[n]) else None
    return span[1] if span else last


_LINKED = quote_words().linked_adjectives


def _linked(toks: list[Tok], j: int) -> bool:
    """Is the preposition at token j part of a description ("a person close to the board", "an aide familiar
    with the plans")? Then the description goes on past it."""
    return j > 0 and toks[j - 1].low in _LINKED and toks[j].low in ("to", "with", "as", "on", "in") \
        and rules.enabled("description-with-linked-phrase")


# Documents that carry someone's words: "according to a statement from the ministry" quotes the ministry.
_DOCUMENTS = quote_words().documents
