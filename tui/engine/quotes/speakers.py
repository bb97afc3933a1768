"""Find who a quotation is attributed to, from the words around it.

Works on short windows of tokens (the clause before the opening mark, the
clause after the closing mark), so the cost per quote is bounded whatever the
article length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .cues import (
    DETERMINERS,
    NOT_CUE_AFTER,
    PRONOUNS,
    SKIP_AFTER_VERB,
    SKIP_BEFORE_VERB,
    SPEECH_VERBS,
    TITLE_ABBREV,
    TRANSITIVE,
    CLAUSE_WORDS,
    BASE_FORMS,
    BASE_LEAD,
    NOUN_LEAD,
    PROGRESSIVE,
)
from .names import NOT_NAME, TITLES

_TOKEN = re.compile(r"\w[\w'’\-.&]*\w|\w|[^\w\s]")
ARTICLES = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "these", "those"}  # "the report"
_DOTTED = re.compile(r"[A-Z](?:\.[A-Z])+|[DRI]-[A-Z][a-z]*")  # "U.S", "G.K", and "D-Mo" / "R-Ky" party labels
_QUOTE_CHARS = set("\"“”«»„")
MAX_SUBJECT_TOKENS = 12  # nominal subjects longer than this are clauses, not speakers


@dataclass(frozen=True)
class Mention:
    """A speaker mention found in the text: what kind it is and where."""

    start: int
    end: int
    text: str
    kind: str  # "name", "pronoun" or "nominal"


class Tok:
    """One token with its absolute offsets; `low` is precomputed because every rule reads it."""

    __slots__ = ("text", "start", "end", "low")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end, self.low = text, start, end, text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start})"


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of text[start:end] with absolute offsets. A trailing dot is split off unless it is an initial."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(".") and len(w) > 1:
            out.append(Tok(w[:-1], s, e - 1))
            out.append(Tok(".", e - 1, e))
        else:
            out.append(Tok(w, s, e))
    return out


class TokenIndex:
    """The whole text tokenized once; windows are cheap slices (keeps many-quote texts linear)."""

    def __init__(self, text: str) -> None:
        self.toks = tokenize(text, 0, len(text))
        self.starts = [t.start for t in self.toks]

    def window(self, start: int, end: int) -> list[Tok]:
        """Tokens lying wholly inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        while j > i and self.toks[j - 1].end > end:
            j -= 1
        return self.toks[i:j]


def ends_sentence(toks: list[Tok], i: int) -> bool:
    """Is token i a full stop / ? / ! that ends a sentence (not the dot of "Mr." or "J.")?"""
    t = toks[i].text
    if i + 1 < len(toks) and (toks[i + 1].text in ",;)" or toks[i + 1].text[:1].islower()):
        return False  # "R-Ky., said", "Sept. 11 ... etc. and"
    if t in ("?", "!"):
        return True
    if t != ".":
        return False
    if i == 0:
        return True
    prev = toks[i - 1]
    if prev.end != toks[i].start:
        return True
    return not _abbrev(prev)


def _is_cap(t: Tok) -> bool:
    return t.text[:1].isupper()


def _is_word(t: Tok) -> bool:
    return t.text[:1].isalnum()


def _is_verb(toks: list[Tok], i: int) -> bool:
    """Is token i a speech verb used as a verb (not "the report", "his claims", "mental state")?"""
    t = toks[i]
    low = t.low
    if low not in SPEECH_VERBS or _is_cap(t) and i > 0 and not ends_sentence(toks, i - 1):
        return False
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if nxt in NOT_CUE_AFTER:
        return False
    if low == "put" and nxt == "it":
        return True  # "as Smith put it", "as one aide put it"
    if low == "read" and i > 0 and nxt in ("", ".", ",", ";") and toks[i - 1].text[:1].islower() \
            and toks[i - 1].low not in BASE_LEAD and not _pronoun(toks[i - 1]):
        return True  # '“...,” the statement read.': past tense closing a tag
    prev = toks[i - 1] if i > 0 else None
    if prev is None:  # right after a closing mark: '” said Smith', '” recalled Smith'
        return low not in BASE_FORMS
    p = prev.low
    if _pronoun(prev):
        return True  # "he said", "He’s claiming"
    if p in ARTICLES or p.endswith(("'s", "’s")) and low not in ("said", "says"):
        return False
    if low in BASE_FORMS and low not in ("said",):
        return p in BASE_LEAD
    if low.endswith("s") and (low[:-1] in BASE_FORMS or low[:-2] in BASE_FORMS) and p in NOUN_LEAD:
        return False
    return True


# nouns that end like adverbs: "Scott's family has called", "the rally organisers said"
_LY_NOUNS = {"family", "ally", "rally", "assembly", "supply", "reply", "monopoly", "anomaly", "bully", "daily",
             "weekly", "monthly", "quarterly", "fly", "lily", "holly", "italy", "july"}


def _adverb(t: Tok) -> bool:
    """A lower-case -ly word that can sit between a subject and its verb ("Trump repeatedly said")."""
    return t.low.endswith("ly") and not _is_cap(t) and t.low not in _LY_NOUNS


def _according_to(toks: list[Tok], i: int) -> bool:
    return toks[i].low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to"


def _ends_role(toks: list[Tok], r: int, floor: int) -> bool:
    """Does a role phrase end at token r: a lower-case noun ("chief executive"), or an organisation
    after "of/at/for" ("partner at Lenox")?"""
    if not _is_word(toks[r]):
        return False
    if not _is_cap(toks[r]):
        return True
    run = _name_left(toks, r)
    return bool(run) and run[0] - 1 >= floor and toks[run[0] - 1].low in ("of", "at", "for")


def _abbrev_dot(toks: list[Tok], k: int) -> bool:
    """Is token k the dot of "Gov." / "J." (part of a name, not a sentence end)?"""
    return toks[k].text == "." and k > 0 and toks[k - 1].end == toks[k].start and _abbrev(toks[k - 1])


def _abbrev(t: Tok) -> bool:
    """A token whose following dot belongs to it: a title, an initial, "G.K"."""
    return t.low in TITLE_ABBREV or (len(t.text) == 1 and t.text.isupper()) or bool(_DOTTED.fullmatch(t.text))


def _shouting(toks: list[Tok], i: int, j: int) -> bool:
    """An all-capitals run of several words ("CONGRESS HAS INVESTIGATED HIM") is a heading, not a name."""
    words = [t.text for t in toks[i : j + 1] if _is_word(t)]
    return len(words) >= 2 and all(len(w) > 1 and w.isupper() for w in words)


def _name_left(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """The capitalised run that ends at token j (inclusive), as token indexes, or None."""
    if j < 0 or not _is_cap(toks[j]) or toks[j].low in NOT_NAME or _pronoun(toks[j]):
        return None
    i = j
    while i - 1 >= 0:
        p = toks[i - 1]
        if _is_cap(p) and p.low not in NOT_NAME:
            i -= 1
        elif p.text == "." and i - 2 >= 0 and _abbrev(toks[i - 2]):
            i -= 2 if _is_cap(toks[i - 2]) else 1
        elif p.low in ("de", "van", "von", "bin", "al", "da", "del") and i - 2 >= 0 and _is_cap(toks[i - 2]):
            i -= 1
        else:
            break
    return None if _shouting(toks, i, j) else (i, j)


def _name_right(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The capitalised run that starts at token i, as token indexes (inclusive), or None."""
    if i >= len(toks) or not _is_cap(toks[i]) or toks[i].low in NOT_NAME or _pronoun(toks[i]):
        return None
    j = i
    while j + 1 < len(toks):
        n = toks[j + 1]
        if n.text == "." and _abbrev(toks[j]):
            j += 1
        elif _is_cap(n) and (n.low not in NOT_NAME or len(n.text) == 1 and j + 2 < len(toks) and toks[j + 2].text == "."):
            j += 1
        else:
            break
    while j > i and toks[j].text == ".":
        j -= 1
    return None if _shouting(toks, i, j) else (i, j)


def _mention(text: str, toks: list[Tok], i: int, j: int, kind: str) -> Mention:
    s, e = toks[i].start, toks[j].end
    return Mention(s, e, text[s:e], kind)


def _pronoun(t: Tok) -> str | None:
    """'he', or 'he' of "He’s" / "she'd"; None for other tokens."""
    low = t.low.replace("’", "'")
    base = low.split("'")[0]
    return base if base in PRONOUNS else None


def subject_left(text: str, toks: list[Tok], v: int, floor: int = 0) -> Mention | None:
    """The speaker written just before the verb at token v ("Smith said", "the senator told")."""
    j = v - 1
    while j >= floor and (toks[j].low in SKIP_BEFORE_VERB or _adverb(toks[j])):
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
    if t.text == ",":  # "Jane Doe, a lawyer at the firm, said": skip back over the apposition(s)
        k, inside = j, None
        for _ in range(3):
            k -= 1
            while k >= floor and (toks[k].text not in (",", ".", ":", ";") or _abbrev_dot(toks, k)) \
                    and toks[k].text not in _QUOTE_CHARS:
                k -= 1
                if j - k > 40:
                    return None
            if k < floor or toks[k].text != ",":
                break
            inner = _name_left(toks, j - 1)
            if inner and inner[0] == k + 1 and not any(_possessive(toks[x]) for x in range(inner[0], j)) \
                    and k - 1 >= floor and _ends_role(toks, k - 1, floor):
                # "Acme's chief executive, Dana Holt, said" / "His partner at Lenox, Larry Cummings, called":
                # the name is the apposition itself
                return _mention(text, toks, inner[0], inner[1], "name")
            k2 = k - 1
            if k2 >= floor and toks[k2].text == ")":  # "Paul Ryan (R-Wis.), ..."
                while k2 >= floor and toks[k2].text != "(":
                    k2 -= 1
                k2 -= 1
            span = _name_left(toks, k2)
            if span and span[0] >= floor:
                if span[0] - 1 >= floor and toks[span[0] - 1].low in _INSIDE_DESCRIPTION:
                    inside = span  # "Ayrault, the foreign minister of France, ...": France ends an apposition
                    continue
                return _mention(text, toks, span[0], span[1], "name")
        # only names inside descriptions ("Officials at Acme Labs, a unit of Acme, said"): the earliest
        return _mention(text, toks, inside[0], inside[1], "name") if inside else None
    pron = _pronoun(t)
    if pron:
        return Mention(t.start, t.start + len(pron), text[t.start : t.start + len(pron)], "pronoun")
    if t.low == "who":  # "Doe, who said"
        k = j - 1
        if k >= floor and toks[k].text == ",":
            span = _name_left(toks, k - 1)
            if span and span[0] >= floor:
                return _mention(text, toks, span[0], span[1], "name")
        return None
    if t.low in CLAUSE_WORDS:
        return None
    span = _name_left(toks, j)
    if span and span[0] >= floor:
        i, j2 = span
        # "Mr. Morgan of the Sierra Club said": the person, not the club
        if i - 2 >= floor and toks[i - 1].low == "the" and toks[i - 2].low == "of":
            inner = _name_left(toks, i - 3)
            if inner and inner[0] >= floor:
                return _mention(text, toks, inner[0], inner[1], "name")
        if i - 1 >= floor and toks[i - 1].low == "the":  # "The New York Post reports"
            i -= 1
        role = _role_before(toks, i, floor)
        if role is not None:  # "A spokesman for Acme said", "Officials in Ohio said": the people, not the place
            return _mention(text, toks, role, j2, "nominal")
        return _mention(text, toks, i, j2, "name")
    return _description_left(text, toks, j, floor)


_ROLE_PREPOSITIONS = {"for", "from", "in", "at", "of", "with"}


def _role_before(toks: list[Tok], i: int, floor: int) -> int | None:
    """Where a description ending in "<noun> for/from/in/at <the name at i>" starts, or None.

    "a spokesman for Acme" -> the index of "a"; "Officials in Ohio" (opening the clause) -> "Officials".
    """
    if i - 2 < floor or toks[i - 1].low not in _ROLE_PREPOSITIONS:
        return None
    k = i - 2
    if not _is_word(toks[k]) or toks[k].low in CLAUSE_WORDS or _is_verb(toks, k):
        return None
    if _is_cap(toks[k]):  # "Officials in Ohio": a capitalised noun must open the clause
        return k if k == floor or not _is_word(toks[k - 1]) else None
    while k - 1 >= floor and i - k < 6 and _is_word(toks[k - 1]) and not _is_cap(toks[k - 1]) \
            and toks[k - 1].low not in CLAUSE_WORDS and toks[k - 1].low not in DETERMINERS and not _is_verb(toks, k - 1):
        k -= 1
    if k - 1 >= floor and toks[k - 1].low in DETERMINERS:
        return k - 1
    if k - 1 >= floor and _is_cap(toks[k - 1]) and (k - 1 == floor or not _is_word(toks[k - 2])):
        return k - 1  # "Senior officials at the firm": the clause opens with the description
    return None


# a name right after these words is the object inside an apposition, not the subject
_INSIDE_DESCRIPTION = {"of", "for", "at", "in", "from", "with", "to", "on", "by", "the", "a", "an", "and", "near"}


def _description_left(text: str, toks: list[Tok], j: int, floor: int) -> Mention | None:
    """A description ending at token j: "a campaign spokesman", "the head of the agency"."""
    k = j
    while k >= floor and _is_word(toks[k]) and j - k < MAX_SUBJECT_TOKENS:
        low = toks[k].low
        if low in DETERMINERS:
            start = k
            # "the head of the agency": carry on over "of" to an earlier determiner
            while start - 2 >= floor and toks[start - 1].low == "of":
                m = start - 2
                while m >= floor and _is_word(toks[m]) and toks[m].low not in CLAUSE_WORDS and start - m < 5:
                    if toks[m].low in DETERMINERS:
                        break
                    m -= 1
                if m >= floor and toks[m].low in DETERMINERS:
                    start = m
                else:
                    break
            if start == j:
                return None  # a bare "a" or "the" is no speaker
            return _mention(text, toks, start, j, "nominal")
        if _is_cap(toks[k]) and toks[k].text.endswith(("'s", "’s")):  # "Clinton's spokesman"
            return _mention(text, toks, k, j, "nominal")
        if _is_verb(toks, k) or (low in CLAUSE_WORDS and low not in ("and", "of")):
            return None
        k -= 1
    # no determiner, but the description opens its sentence: "Only 52 percent of registered voters agreed"
    if j - k >= 3 and _is_cap(toks[k + 1]) and (k < floor or not _is_word(toks[k])) and toks[k + 1].low in _BARE_OPENERS:
        return _mention(text, toks, k + 1, j, "nominal")
    return None


# words that open a description without a determiner ("Only 52 percent of voters", "Most residents")
_BARE_OPENERS = {"only", "most", "nearly", "almost", "about", "more", "fewer", "just", "half", "all", "many", "some"}


def subject_right(text: str, toks: list[Tok], i: int) -> Mention | None:
    """The speaker written just after a verb ("said Smith", "said MSNBC host Jo Doe", "according to the report")."""
    while i < len(toks) and toks[i].low in SKIP_AFTER_VERB:
        i += 1
    if i >= len(toks):
        return None
    t = toks[i]
    pron = _pronoun(t)
    if pron:
        return Mention(t.start, t.start + len(pron), text[t.start : t.start + len(pron)], "pronoun")
    if t.low in DETERMINERS:
        return _determined_right(text, toks, i)
    # the last name in a short noun phrase: "9/11 widow Terry Strada", "MSNBC host Chris Matthews"
    best = None
    k = i
    while k < len(toks) and k - i < 8:
        tk = toks[k]
        if (tk.low in CLAUSE_WORDS and not (tk.low == "and" and best is None and k > i)) \
                or not (_is_word(tk) or tk.text in "/-."):
            break  # "and" may join the words before a name: "according to media and PR strategist Glen Yearwood"
        span = _name_right(toks, k) if _is_cap(tk) else None
        if span:
            a, b = span
            if not (a == b and toks[a].low in TITLES):
                best = (a, b)
            k = b + 1
            continue
        if best is not None:  # a lower-case word after a name ends the phrase, unless a name follows
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if not (nxt is not None and _is_cap(nxt) and tk.low not in CLAUSE_WORDS and k - i < 4):
                break
        k += 1
    if best is not None:
        if _possessive(toks[best[1]]):  # "said Sri Lanka's foreign minister, Nirosha Perera"
            return _role_right(text, toks, best[0], best[1] + 1)
        return _mention(text, toks, best[0], best[1], "name")
    return None


def _possessive(t: Tok) -> bool:
    return t.low.endswith(("'s", "’s"))


_ROLE_LINKS = {"of", "for", "at"}  # "a spokeswoman for the club, Mia Lund"
_APPOSITION_END = {",", ".", ";", ":", "(", "who", "whose", "and"}


def _role_right(text: str, toks: list[Tok], start: int, k: int) -> Mention | None:
    """A role phrase from token `start`, its lower-case words beginning at k ("Acme's chief executive"),
    or the person named right after it in apposition ("..., Dana Holt")."""
    r = k - 1
    while r + 1 < len(toks) and r + 1 - k < 5 and _is_word(toks[r + 1]) and not _is_cap(toks[r + 1]) \
            and toks[r + 1].low not in CLAUSE_WORDS:
        r += 1
    if r < k:
        return None  # "said Acme's" and nothing after it: no speaker
    return _apposition_name(text, toks, r) or _mention(text, toks, start, r, "nominal")


def _apposition_name(text: str, toks: list[Tok], r: int) -> Mention | None:
    """The name set off by a comma after a role phrase ending at token r: "the company's spokeswoman, Mia Lund".

    A short "for/of/at ..." phrase may sit between the role and the comma ("a spokesman for the club, ...").
    """
    c = r + 1
    if c < len(toks) and toks[c].low in _ROLE_LINKS:
        c += 1
        while c < len(toks) and c - r < 7 and toks[c].text != "," and (_is_word(toks[c]) or toks[c].text == "."):
            if toks[c].low in CLAUSE_WORDS and toks[c].low not in _ROLE_LINKS:
                return None
            c += 1
    if c + 1 >= len(toks) or toks[c].text != ",":
        return None
    span = _name_right(toks, c + 1)
    if not span or any(_possessive(toks[x]) for x in range(span[0], span[1] + 1)):
        return None
    a, b = span
    if b - a < 1 and toks[a].low in TITLES:
        return None
    after = toks[b + 1] if b + 1 < len(toks) else None
    if after is not None and after.low not in _APPOSITION_END and after.text not in _QUOTE_CHARS:
        return None  # "..., Reuters reported": a new clause, not an apposition
    return _mention(text, toks, a, b, "name")


def _determined_right(text: str, toks: list[Tok], i: int) -> Mention | None:
    """A phrase after a verb that starts with a determiner: "the Rev. Jo Doe" (a name), "one Democratic
    source on the panel" (a description), "the campaign's spokesman, Jo Doe" (the name in apposition),
    "a statement from the labour ministry" (the source of the document)."""
    j = i + 1
    while j < len(toks) and j - i < 9 and (_is_word(toks[j]) or toks[j].text == ".") and toks[j].low not in CLAUSE_WORDS:
        if toks[j].text == "." and not _abbrev(toks[j - 1]):
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
    run = _name_left(toks, last)
    if run and run[0] > i:
        a, b = run
        if a == i + 1 or b - a >= 1:  # all capitalised after "the", or a full name closes the phrase
            return _mention(text, toks, a, b, "name")
    return _apposition_name(text, toks, last) or _mention(text, toks, i, last, "nominal")


# Documents that carry someone's words: "according to a statement from the ministry" quotes the ministry.
_DOCUMENTS = {"statement", "statements", "release", "letter", "report", "filing", "memo", "email", "post", "tweet",
              "spokesman", "spokeswoman", "spokesperson", "representative"}


def find_verbs(toks: list[Tok]) -> list[int]:
    """Indexes of speech verbs (and of "according" in "according to")."""
    return [i for i in range(len(toks)) if _according_to(toks, i) or _is_verb(toks, i)]


def speaker_after(text: str, toks: list[Tok], max_gap: int = 6) -> Mention | None:
    """Speaker in the clause right after a closing mark: ', she said' / ', said Smith' / '— Smith'.

    The subject must start within `max_gap` words of the mark; an apposition or a
    "(D-Ohio)" between it and the verb is allowed.
    """
    if not toks:
        return None
    if toks[0].text in ("—", "―", "–", "-") and len(toks) > 1:  # a dash attribution
        span = _name_right(toks, 1)
        if span:
            return _mention(text, toks, span[0], span[1], "name")
    first = 1 if toks[0].text in (",", "—", "–") else 0
    if first < len(toks) and toks[first].low == "as":
        return _as_put_it(text, toks, first + 1)
    if first + 1 < len(toks) and toks[first].low == "per" and (toks[first + 1].low in DETERMINERS or _is_cap(toks[first + 1])):
        return subject_right(text, toks, first + 1)  # '“...,” per the party's bylaws'

    if first < len(toks) and toks[first].low in _SUBORDINATORS:
        return None  # '“That makes me smart,” when Clinton blasted him': a new clause, not a tag
    depth, words, comma = 0, 0, False
    for i, t in enumerate(toks[:40]):
        if t.text == "(":
            depth += 1
            continue
        if t.text == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if t.text in _QUOTE_CHARS or (i > 1 and ends_sentence(toks, i - 1) and toks[i - 1].text != ")"):
            return None
        if _according_to(toks, i):
            return subject_right(text, toks, i + 2) if i - first <= 2 else None
        if _is_verb(toks, i):
            if i == first:
                return None if t.low in TRANSITIVE else subject_right(text, toks, i + 1)
            lead = _name_right(toks, first)
            if lead and lead[1] + 1 < i and toks[lead[1] + 1].text in (",", "("):
                # '” Scott Pruitt, the attorney general of Oklahoma, one of the states ..., said'
                return _mention(text, toks, lead[0], lead[1], "name")
            m = subject_left(text, toks, i, floor=first)
            if m is None or m.start > toks[min(first + max_gap, len(toks) - 1)].start:
                return None
            return m
        comma = comma or t.text == ","
        words += _is_word(t)
        if words > max_gap and not comma:
            return None  # a long run of words without apposition: not an attribution tag
    return None


def _as_put_it(text: str, toks: list[Tok], first: int) -> Mention | None:
    """The speaker of '“...,” as a Homeland Security memo put it' / '“...,” as Smith said.'

    The verb must close the clause (or take "it"): '“...,” as Smith said the plan would' is a new sentence.
    """
    for v in range(first + 1, min(len(toks), first + 10)):
        if toks[v].text in _QUOTE_CHARS or ends_sentence(toks, v):
            return None
        if _is_verb(toks, v):
            nxt = toks[v + 1] if v + 1 < len(toks) else None
            if nxt is None or nxt.text in ".,;:!?" or (nxt.low == "it" and (v + 2 >= len(toks) or not _is_word(toks[v + 2]))):
                return subject_left(text, toks, v, floor=first)
            return None
    return None


_SUBORDINATORS = {"when", "while", "because", "as", "after", "before", "if", "although", "though", "since", "until",
                  "where", "whereas", "unless", "once",
                  # '...well.” But the fund warned in May that ...': a new sentence, not a tag
                  "but", "and", "yet", "however", "meanwhile", "still", "instead"}


def speaker_before(text: str, toks: list[Tok]) -> Mention | None:
    """Speaker in the clause before an opening mark: 'Smith said: ', 'according to Smith, ', 'he told CNN that '.

    The verb nearest the quote wins, except that a named (or pronoun) subject of an earlier
    verb beats a mere description ('Clinton says Trump's flurry of tweets was “...”').
    """
    verbs = find_verbs(toks)
    fallback = None
    for v in reversed(verbs):
        if _according_to(toks, v):
            m = subject_right(text, toks, v + 2)
        elif toks[v].low.endswith("ing") and (v == 0 or toks[v - 1].low not in PROGRESSIVE and not _pronoun(toks[v - 1])):
            # "footage of Clinton asking, “...”" names the speaker right before the verb;
            # "Clinton told the audience ..., saying that" leaves it to the sentence's subject
            near = _name_left(toks, v - 1) if v > 0 else None
            m = _mention(text, toks, near[0], near[1], "name") if near else sentence_subject(text, toks)
        elif v > 0 and toks[v - 1].low in ("and", "but"):
            m = sentence_subject(text, toks)  # "Roberts said ... but said"
        else:
            m = subject_left(text, toks, v)
            if m is None and v + 1 < len(toks) and toks[v].low not in TRANSITIVE and (v == 0 or toks[v - 1].text == ","):
                m = subject_right(text, toks, v + 1)  # 'Said Smith: ', ', added Smith, '
        if m and m.kind != "nominal" and m.text.lower() != "it":
            return m
        # a description, or "it" ('She says it underscores that ...'): an earlier named speaker wins
        fallback = fallback or m
    if fallback:
        return fallback
    if verbs:
        return sentence_subject(text, toks)
    return None


_INTRO = {"in", "on", "at", "during", "after", "before", "while", "when", "as", "since", "speaking", "asked", "following",
          "according", "with", "without", "despite", "amid", "for", "from", "under", "like", "unlike", "by", "to",
          "later", "earlier", "then", "but", "and", "so", "still", "yet", "also", "meanwhile", "however"}


def sentence_subject(text: str, toks: list[Tok]) -> Mention | None:
    """The subject at the start of a clause: 'Donald Trump, her opponent, bemoaned ... and said ...'."""
    i = 0
    while i < len(toks) and not _is_word(toks[i]):
        i += 1
    if i < len(toks) and toks[i].low in _INTRO:
        # skip an introductory phrase up to its comma ("During a May interview on CNBC, Trump said"),
        # or its last comma when a date has its own ("On July 6, 2015, Sanders made ...")
        intro_end = i + 1
        for k in range(i, min(len(toks), i + 15)):
            if toks[k].text == ",":
                intro_end = k + 1
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                # stop where the clause proper starts; "On July 6, 2015," and "Following a swiftly
                # called, late-afternoon meeting," have more intro after their first comma
                if nxt is not None and (_is_cap(nxt) or _pronoun(nxt) or nxt.low in DETERMINERS):
                    break
        i = intro_end
    if i >= len(toks):
        return None
    pron = _pronoun(toks[i])
    if pron:
        t = toks[i]
        return Mention(t.start, t.start + len(pron), text[t.start : t.start + len(pron)], "pronoun")
    if toks[i].low in SPEECH_VERBS and i + 1 < len(toks) and not _is_cap(toks[i + 1]):
        return None  # "Calls men names, like ...": a verb without a subject, not a name
    span = _name_right(toks, i)
    if span:
        a, b = span
        span = _name_after_modifiers(toks, b) or span
        a, b = span
        if toks[b].text.endswith(("'s", "’s")):  # "Scott's family has called ...": a description
            k = b + 1
            while k < len(toks) and k - b <= 4 and toks[k].text[:1].islower() and toks[k].low not in CLAUSE_WORDS \
                    and not _is_verb(toks, k):
                k += 1
            if k - 1 > b:
                return _mention(text, toks, a, k - 1, "nominal")
        return _mention(text, toks, a, b, "name")
    if toks[i].low in DETERMINERS:  # "The ad uses footage of ..."
        k = i + 1
        while k < len(toks) and k - i <= 5 and _is_word(toks[k]) and toks[k].low not in CLAUSE_WORDS \
                and not _is_verb(toks, k) and not (k - i >= 2 and _acts_on(toks, k)):
            k += 1
        if k - 1 > i and k < len(toks) and (_is_verb(toks, k) or _acts_on(toks, k)):
            end = k - 1
            while end > i + 1 and (toks[end].low in SKIP_BEFORE_VERB or _adverb(toks[end])):
                end -= 1  # "The nominee also outlined": the adverb is not part of the subject
            return _mention(text, toks, i, end, "nominal")
    return None


def _acts_on(toks: list[Tok], k: int) -> bool:
    """A lower-case past-tense verb taking an object: "issued a statement", "granted Mr. Clarke an extension"."""
    t = toks[k]
    if not (t.low.endswith("ed") and t.text[:1].islower() and k + 1 < len(toks)):
        return False
    nxt = toks[k + 1]
    return nxt.low in DETERMINERS or (_is_cap(nxt) and nxt.low not in NOT_NAME)


def _name_after_modifiers(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The name that a capitalised modifier ending at token b leads to: "Libertarian presidential
    candidate Gary Johnson's doctor", "Democratic nominee Hillary Clinton". None when lower-case
    words are not followed by a name within a few words (they are the verb and its object)."""
    k = b + 1
    while k < len(toks) and k - b <= 3 and toks[k].text[:1].islower() and toks[k].low not in CLAUSE_WORDS \
            and toks[k].low not in SKIP_BEFORE_VERB and not _is_verb(toks, k) and not _acts_on(toks, k):
        k += 1
    if k == b + 1 or k >= len(toks) or not _is_cap(toks[k]):
        return None
    if not all(toks[x].low in TITLES or toks[x].low in _MODIFIER_WORDS for x in range(b + 1, k)):
        return None  # "Clinton campaigned alongside Warren": a verb, not a modifier
    return _name_right(toks, k)


# lower-case words that sit between a capitalised modifier and a name ("Democratic presidential nominee")
_MODIFIER_WORDS = {"presidential", "vice", "running", "mate", "candidate", "nominee", "hopeful", "rival", "challenger",
                   "incumbent", "congressional", "gubernatorial", "senate", "party", "campaign", "chief", "former",
                   "state", "national", "senior", "top", "lead", "political", "policy", "foreign", "press"}
