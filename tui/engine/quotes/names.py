"""Light, data-free name handling: spotting capitalised names and resolving short forms.

Used when no entity list is given, and to canonicalise speakers when one is
("Okafor" -> "Mary Okafor", "Mr. Lind" -> "Pavel Lind").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import rules
from .cues import SPEECH_VERBS, TRANSITIVE
from ..lexicon import quote_words
from .gender import FEMALE, MALE

FIRST_NAMES = FEMALE | MALE

# Titles that may precede a name; they are dropped from canonical names.
TITLES = quote_words().titles
# Capitalised words that are never (part of) a person's name.
NOT_NAME = quote_words().not_name
# words that make a capitalised run an organisation or a place rather than a person
ORG_WORDS = quote_words().name_org_words
SURNAME_PARTICLES = quote_words().surname_particles

# a month's short form ("Jun", "Sept"): a date, never a name, when a dot or a number follows it ("Jun. 5", "Jun 5");
# else it may be a name ("columnist Ai Jun wrote"). Rule "month-short-form-may-be-a-name"; off, a short form is never
# (part of) a name, as NOT_NAME's words are (months_named()).
MONTH_ABBREVS = quote_words().month_abbrevs
MONTH_RULE = "month-short-form-may-be-a-name"
_DATED_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|[ \t\u00a0]*\d)"
_TITLE_DOT = r"[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\."
# a capitalised word (not a dated month), an initial or a title abbreviation (a dot elsewhere ends the sentence)
_CAP = rf"(?:{_TITLE_DOT}|(?!{_DATED_MONTH})[A-Z][\w'’\-]*)"
_CAP_ANY_MONTH = rf"(?:{_TITLE_DOT}|[A-Z][\w'’\-]*)"  # the same with the rule off: "Jun. 5" runs on as a word


def _name_run(cap: str) -> re.Pattern:
    # never starting inside a dotted abbreviation: "U.N. Charter" holds no "N. Charter"
    return re.compile(rf"(?<![\w.]){cap}(?:[ \t\u00a0]+(?:{cap}|(?:de|da|del|van|von|der|bin|al|la|le|du)\b))*")


NAME_RUN = _name_run(_CAP)
_NAME_RUN_ANY_MONTH = _name_run(_CAP_ANY_MONTH)
_WORD = re.compile(r"[\w'’\-]+(?:\.[\w'’\-]+)*\.?")  # keeps "G.K." whole
_CAP_WORD = re.compile(_CAP)
_CAP_WORD_ANY_MONTH = re.compile(_CAP_ANY_MONTH)


def months_named() -> bool:
    """May a month's short form without a date after it be (part of) a name (rule "month-short-form-may-be-a-name")?
    Cached functions that depend on it (is_person, ranker._name_facts) take it as part of their key or ask only when a
    name holds such a word, so switching the rule off never reads a stale answer."""
    return rules.enabled(MONTH_RULE)
_LINE_WORD = re.compile(r"[A-Za-z][\w'’\-]{3,}")  # words of four letters or more: "of", "the", "and" do not count
_HEADLINE_CHARS = 300  # a longer line is prose, not a headline


class _Run:
    """A piece of a NAME_RUN match, read as one (start(), end(), group())."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self._s, self._e, self._t = s, e, t

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self) -> str:
        return self._t


def name_runs(text: str):
    """NAME_RUN's matches in text, except that in a headline line ("Harbour Chief Ida Brandt Blasts Ferry Board"), where
    every word is capitalised, a run is cut at each word news mostly writes in lower case and that is no first name
    ("Blasts"): the pieces are the names ("Ida Brandt", "Ferry Board"; rule "headline-words-split-names")."""
    months = months_named()
    name_run, cap_word = (NAME_RUN, _CAP_WORD) if months else (_NAME_RUN_ANY_MONTH, _CAP_WORD_ANY_MONTH)
    if not rules.enabled("headline-words-split-names"):
        yield from name_run.finditer(text)
        return
    heads: dict[int, bool] = {}
    for m in name_run.finditer(text):
        if " " not in m.group():
            yield m
            continue
        s = m.start()
        if not in_headline(text, s, heads):
            yield m
            continue
        piece = None
        for w in cap_word.finditer(text, s, m.end()):
            if _common_cased(w.group().rstrip(".")) and not w.group().endswith("."):
                if piece:
                    yield _Run(piece[0], piece[1], text[piece[0] : piece[1]])
                piece = None
            else:
                piece = (piece[0] if piece else w.start(), w.end())
        if piece:
            yield _Run(piece[0], piece[1], text[piece[0] : piece[1]])


def in_headline(text: str, s: int, heads: dict[int, bool] | None = None) -> bool:
    """Does position s sit in a headline line: at most _HEADLINE_CHARS long, 3+ words of four letters or more, 80 % of
    them capitalised? `heads` remembers the answer per line start."""
    line = text.rfind("\n", 0, s) + 1
    head = heads.get(line) if heads is not None else None
    if head is None:
        end = text.find("\n", s)
        end = len(text) if end < 0 else end
        words = _LINE_WORD.findall(text, line, end) if end - line <= _HEADLINE_CHARS else ()
        head = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        if heads is not None:
            heads[line] = head
    return head


def headline_name(name: str) -> str:
    """A name read in a headline line, from its last word news mostly writes in lower case on ("Kind Thing Ortiz" ->
    "Ortiz"): the words before it are the headline's, not the person's."""
    words = name.split()
    for k in range(len(words) - 1, -1, -1):
        if _common_cased(words[k].rstrip(".")) and not words[k].endswith("."):
            return " ".join(words[k + 1 :])
    return name


@lru_cache(maxsize=8192)
def tokens(name: str) -> tuple[str, ...]:
    """Split a name into its words, keeping initials' dots and inner apostrophes."""
    return tuple(_WORD.findall(name))


@lru_cache(maxsize=8192)
def _key(tok: str) -> str:
    return tok.lower().rstrip(".").replace("’", "'")


_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=8192)
def strip_name(name: str) -> str:
    """Drop leading titles, a possessive and trailing punctuation: "Sen. Bob Smith's" -> "Bob Smith"."""
    name = _PAREN.sub(" ", name).strip()  # "(R-Utah)"
    name = _POSSESSIVE.sub("", name).strip(" ,.;:")
    toks = tokens(name)
    while len(toks) > 1 and _key(toks[0]) in TITLES:
        toks = toks[1:]
    return " ".join(toks).rstrip(",;:")


def is_name_like(name: str) -> bool:
    """True for a plausible proper name: capitalised words that are not function words or dates."""
    toks = tokens(name)
    if not toks or len(toks) > 6:
        return False
    content = [t for t in toks if _key(t) not in SURNAME_PARTICLES]
    if not content:
        return False
    for t in content:
        if not t[0].isupper() or not_name_word(_key(t)):
            return False
    return True


def not_name_word(k: str) -> bool:
    """Is the key one of NOT_NAME's words, or a month's short form with rule "month-short-form-may-be-a-name" off?"""
    return k in NOT_NAME or (k in MONTH_ABBREVS and not months_named())


def surname(name: str) -> str:
    """The last word of a stripped name, lower-cased ("Mary J. Okafor" -> "okafor")."""
    toks = tokens(strip_name(name))
    while len(toks) > 1 and _key(toks[-1]) in {"jr", "sr", "ii", "iii", "iv"}:
        toks = toks[:-1]
    return _key(toks[-1]) if toks else ""


def person_part(toks) -> list[str]:
    """The trailing words of a capitalised run that can be a person's name.

    "Vermont Liberal Party Chairman Jon Bell" -> ["Jon", "Bell"]; "But Mary Okafor's" -> ["Mary", "Okafor"].
    """
    toks = list(toks)
    if toks:
        toks[-1] = _POSSESSIVE.sub("", toks[-1])
    start = 0
    for i, t in enumerate(toks):
        k = _key(t)
        if len(t) == 2 and t.endswith("."):
            continue  # an initial ("Mara J. Holt"), not the article "A"
        # organisation and place words cut only when a full name (2+ words) is left: "Liberal Mary
        # Okafor" -> "Mary Okafor", but "President Han So-ri" keeps "Han"
        if i == len(toks) - 1 and i > 0 and k in TITLES and _key(toks[i - 1]) in FIRST_NAMES:
            continue  # "Peter Major", "Tom Judge": a surname that is also a title word
        if not_name_word(k) or k in TITLES or (k in ORG_WORDS and len(toks) - i - 1 >= 2):
            start = i + 1

        elif i < len(toks) - 1 and _POSSESSIVE.search(t):
            start = i + 1  # "ATV's Lena Brook" -> "Lena Brook"
    if start < len(toks) - 2 and _people_word(toks[start]):
        start += 1  # "Swede Joachim Johansson": a people's word before the name is no part of it
    lead = start
    while lead < len(toks) and _common_word(toks[lead]):
        lead += 1
    if lead > start and len(toks) - lead >= 2:
        start = lead  # "Actor Clint Howard", "Political Editor Mia Boyle": job words news writes in lower case
    return [t for t in toks[start:] if t]


def _people_word(t: str) -> bool:
    """A capitalised people's word ("Swede", "Kenyan", "Democrat"; lexicon.peoples) that is no known first name
    ("Christian"): before a name of two words or more, no part of it (rule "people-word-before-name")."""
    return _people_cased(t) and rules.enabled("people-word-before-name")


@lru_cache(maxsize=4096)
def _people_cased(t: str) -> bool:
    from ..lexicon import lexicon

    k = _key(t)
    return t[:1].isupper() and k in lexicon().peoples and k not in FIRST_NAMES and k not in lexicon().first_names


def _common_word(t: str) -> bool:
    """A capitalised word that unlabelled news writes more often in lower case ("Actor", "Billionaire"; the word
    clusters' counts) and that is no known first name ("Bill", "Hope"): not the first word of a person's name."""
    return t[:1].isupper() and _common_cased(t) and rules.enabled("common-word-before-name")


@lru_cache(maxsize=8192)
def _common_cased(t: str) -> bool:
    """_common_word's lookups, once per word (person_part runs for every capitalised run of a text)."""
    from ..entities.clusters import more_often_lower
    from ..lexicon import lexicon

    k = _key(t)
    return k not in FIRST_NAMES and k not in lexicon().first_names and more_often_lower(t)


def first_name(low: str) -> bool:
    """Is the lower-case word a known first name (the gender lists or the lexicon's given names)?"""
    from ..lexicon import lexicon

    return low in FIRST_NAMES or low in lexicon().first_names


def is_person(name: str) -> bool:
    """A full name of 2-4 plain capitalised words, none of them an organisation or place word (nor, with rule
    "month-short-form-may-be-a-name" off, a month's short form)."""
    p = _person(name)
    return p == 1 or (p == 2 and months_named())


@lru_cache(maxsize=8192)  # (names recur: the ranker asks of each candidate at every quote)
def _person(name: str) -> int:
    """is_person's answer with month short forms taken as name words: 0 no, 1 yes, 2 yes but a word is a month's short
    form (the rule's switch is read outside the cache)."""
    toks = tokens(name)
    if not 2 <= len(toks) <= 4:
        return 0
    month = False
    for i, t in enumerate(toks):
        k = _key(t)
        month = month or k in MONTH_ABBREVS
        if i == 0 and k in FIRST_NAMES and k not in NOT_NAME:
            continue  # "Bill Carver": a first name that is also an organisation word ("bill")
        if k in ORG_WORDS or k in NOT_NAME or (len(t) > 1 and t.isupper() and "." not in t):
            return 0
    return 2 if month else 1


class NameBook:
    """The full names an article uses, to resolve a short mention to the fullest form."""

    def __init__(self) -> None:
        self._by_surname: dict[str, dict[str, list[int]]] = {}
        self._as_subject: dict[str, list[int]] = {}  # where each form is written as a sentence's subject

    def add(self, full: str, pos: int = 0, subject: bool = False) -> None:
        full = strip_name(full)
        if not full or not is_name_like(full):
            return
        bisect.insort(self._by_surname.setdefault(surname(full), {}).setdefault(full, []), pos)
        if subject:
            bisect.insort(self._as_subject.setdefault(full, []), pos)

    def resolve(self, mention: str, pos: int | None = None) -> str:
        """Return the fullest name sharing the mention's surname (or the stripped mention).

        With `pos`, the form mentioned most recently before pos wins ("Rob Lind" over an earlier
        "Tim Lind"); otherwise the most used one.
        """
        short = strip_name(mention)
        forms = self._by_surname.get(surname(short))
        if not forms:
            return short
        short_toks = {_key(t) for t in tokens(short)}
        best, best_key = short, None
        words_of = {full: frozenset(_key(t) for t in tokens(full)) for full in forms}
        for full, seen in forms.items():
            toks = tokens(full)
            # a longer form must contain every word of the mention ("Bill Carver" is not "Nora Carver")
            if len(toks) < len(short_toks) or not short_toks <= words_of[full]:
                continue
            if _key(toks[0]) in SURNAME_PARTICLES and any(words_of[full] < other for other in words_of.values()):
                continue  # "De Vries" is a short form of "Annelies de Vries", never the answer itself
            # positions are kept sorted
            k_before = bisect.bisect_right(seen, pos) if pos is not None else 0
            recency = seen[k_before - 1] if k_before else -seen[0]
            # of two people sharing a surname, the one last written as a subject ("Former President
            # Bill Carver criticised ...") beats one only mentioned in passing ("his wife Nora Carver")
            as_subject = self._as_subject.get(full, [])
            k_subj = bisect.bisect_right(as_subject, pos) if pos is not None else 0
            subj = as_subject[k_subj - 1] if k_subj else -1
            k = (len(toks) > 1, subj, -seen[0] if subj < 0 and pos is not None else 0,
                 recency if pos is not None else len(seen), min(len(toks), 3))
            if best_key is None or k > best_key:
                best, best_key = full, k
        return best

    @classmethod
    def from_text(cls, text: str) -> "NameBook":
        """Collect multi-word capitalised runs as candidate full names (no model needed)."""
        book = cls()
        lower = lower_words(text)
        for m in name_runs(text):
            run = m.group()
            if run.isupper():
                continue
            toks = drop_opener(text, m.start(), person_part(tokens(run)), lower)
            if 2 <= len(toks) <= 4 and is_person(" ".join(toks)):  # not "Courier Lind" from "Harbour Courier Lind"
                book.add(" ".join(toks), m.start(), as_subject(text, m.start(), m.end()))
        return book


_LEAD_WORD = re.compile(r"(\w+)\W*$")


def as_subject(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] written as a subject: opening a sentence or clause, or right
    after a speech verb ("said Jo Roe")? Not after another word ("his wife Jo Roe", "to Jo Roe"),
    nor as a possessive ("Jo Roe's seat")."""
    if _POSSESSIVE.search(text, start, end) or text.startswith(("'s", "’s"), end):
        return False
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0 or not (text[i - 1].isalnum()):
        if text[i - 1 : i] == ",":  # an apposition is the subject when the clause goes on: "its chair, Jo Roe, said"
            after = text[end : end + 3].lstrip(" \u00a0")
            return after[:1] == "," or after[:1].islower()
        return True  # after a sentence end, a line break, a colon or a quotation mark
    m = _LEAD_WORD.search(text, max(0, i - 30), i)
    return bool(m) and m.group(1).lower() in SPEECH_VERBS and m.group(1).lower() not in TRANSITIVE  # not "accused X"


# A run of a-z letters with no word character, apostrophe or hyphen on either side. The first letter comes first
# and the look behind checks the character before it, so the regex engine skips to candidate letters (the same
# words as `(?<![\w'’\-])[a-z]+(?![\w'’\-])`, ~20% faster: tests/engine/test_quote_names.py compares them).
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’\-][a-z])[a-z]*(?![\w'’\-])")
PLAIN_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z]+(?![\w'’\-])")
_last_lower: tuple = ("", frozenset())  # (text, its lower words) of the last call: NameBook and PersonIndex ask both


def lower_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case somewhere (a word it also capitalises is then no name)."""
    global _last_lower
    last = _last_lower
    if last[0] is text:
        return last[1]
    words = frozenset(_LOWER_WORD.findall(text))
    _last_lower = (text, words)
    return words


def drop_opener(text: str, start: int, toks: list[str], lower: set[str]) -> list[str]:
    """A name run's words without a sentence-opening word the article also writes in lower case, or that
    unlabelled news mostly writes in lower case before a name the article used before ("Perhaps Ostrova will ..."
    -> ["Ostrova"], "Regarding Berg's plan", "Added Holm:" -> ["Holm"]); a known first name ("Will", "Mark") stays."""
    if len(toks) < 2 or not rules.enabled("sentence-opener-not-a-name"):
        return toks
    first = toks[0]
    if _key(first) in FIRST_NAMES or not text.startswith(first, start):
        return toks
    if first.lower() not in lower and not (_common_cased(first) and text.find(toks[-1], 0, start) >= 0):
        return toks  # news writes "Sang" in lower case too, but "Sang Lee" is how Lee is first named
    return toks[1:] if _opens_sentence(text, start) else toks


def _opens_sentence(text: str, start: int) -> bool:
    """Does the word at `start` open a sentence, a line or a quotation?"""
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0\"“”'‘":
        k -= 1
    return k < 0 or text[k] in ".!?\n"
