"""Light, data-free name handling: spotting capitalised names and resolving short forms.

Used when no entity list is given, and to canonicalise speakers when one is
("Trump" -> "Donald Trump", "Mr. Obama" -> "Barack Obama").
"""

from __future__ import annotations

import re
from collections import Counter

# Titles that may precede a name; they are dropped from canonical names.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
    "prof", "rev", "pres", "sec", "amb", "atty", "judge", "justice", "president", "senator", "governor",
    "secretary", "mayor", "speaker", "chairman", "chairwoman", "chair", "minister", "ambassador",
    "representative", "congressman", "congresswoman", "sheriff", "chief", "commissioner", "director",
    "general", "professor", "pope", "king", "queen", "prince", "princess", "lord", "lady", "sir", "dame",
    "vice", "former", "prime", "attorney", "state", "deputy", "candidate", "nominee", "leader", "host",
    "spokesman", "spokeswoman", "officer", "detective", "coach", "manager", "lawyer", "anchor",
}
# Capitalised words that are never (part of) a person's name.
NOT_NAME = {
    "the", "a", "an", "and", "or", "but", "if", "in", "on", "at", "of", "for", "to", "by", "with", "from",
    "as", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "this",
    "that", "these", "those", "there", "here", "when", "while", "after", "before", "then", "so", "yet",
    "still", "also", "however", "meanwhile", "what", "who", "why", "how", "where", "which", "not", "no",
    "yes", "said", "says", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "today", "yesterday", "tomorrow", "tonight", "last", "next", "one", "two", "three", "some",
    "many", "all", "both", "each", "every", "other", "another", "according", "asked", "thanks", "please",
    "read", "follow", "click", "photo", "image", "video",
}
SURNAME_PARTICLES = {"de", "da", "del", "della", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "st"}

# a capitalised word, an initial or a title abbreviation (a dot elsewhere ends the sentence)
_CAP = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\.|[A-Z][\w'’\-]*)"
NAME_RUN = re.compile(rf"{_CAP}(?:\s+(?:{_CAP}|(?:de|da|del|van|von|der|bin|al|la|le|du)\b))*")
_WORD = re.compile(r"[\w'’\-]+(?:\.[\w'’\-]+)*\.?")  # keeps "G.K." whole


def tokens(name: str) -> list[str]:
    """Split a name into its words, keeping initials' dots and inner apostrophes."""
    return _WORD.findall(name)


def _key(tok: str) -> str:
    return tok.lower().rstrip(".").replace("’", "'")


def strip_name(name: str) -> str:
    """Drop leading titles, a possessive and trailing punctuation: "Sen. Bob Smith's" -> "Bob Smith"."""
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()  # "(R-Utah)"
    name = re.sub(r"['’]s$", "", name).strip(" ,.;:")
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
        if not t[0].isupper() or _key(t) in NOT_NAME:
            return False
    return True


def surname(name: str) -> str:
    """The last word of a stripped name, lower-cased ("Donald J. Trump" -> "trump")."""
    toks = tokens(strip_name(name))
    while len(toks) > 1 and _key(toks[-1]) in {"jr", "sr", "ii", "iii", "iv"}:
        toks = toks[:-1]
    return _key(toks[-1]) if toks else ""


class NameBook:
    """The full names an article uses, to resolve a short mention to the fullest form."""

    def __init__(self) -> None:
        self._by_surname: dict[str, Counter] = {}
        self._first_seen: dict[str, int] = {}

    def add(self, full: str, pos: int = 0) -> None:
        full = strip_name(full)
        if not full or not is_name_like(full):
            return
        key = surname(full)
        self._by_surname.setdefault(key, Counter())[full] += 1
        self._first_seen.setdefault(full, pos)

    def resolve(self, mention: str) -> str:
        """Return the fullest, most used name sharing the mention's surname (or the stripped mention)."""
        short = strip_name(mention)
        forms = self._by_surname.get(surname(short))
        if not forms:
            return short
        short_toks = {_key(t) for t in tokens(short)}
        best, best_key = short, (len(tokens(short)), 0, 0)
        for full, count in forms.items():
            toks = tokens(full)
            # a longer form must contain every word of the mention ("Bill Clinton" is not "Hillary Clinton")
            if not short_toks <= {_key(t) for t in toks}:
                continue
            k = (min(len(toks), 3), count, -self._first_seen.get(full, 0))
            if k > best_key:
                best, best_key = full, k
        return best

    @classmethod
    def from_text(cls, text: str) -> "NameBook":
        """Collect multi-word capitalised runs as candidate full names (no model needed)."""
        book = cls()
        for m in NAME_RUN.finditer(text):
            run = m.group()
            toks = tokens(run)
            # drop sentence-initial function words and titles: "But Hillary Clinton" -> "Hillary Clinton"
            while toks and (_key(toks[0]) in NOT_NAME or _key(toks[0]) in TITLES):
                toks = toks[1:]
            while toks and _key(toks[-1]) in NOT_NAME:
                toks = toks[:-1]
            if len(toks) >= 2 and len(toks) <= 4 and not run.isupper():
                book.add(" ".join(toks), m.start())
        return book

    @classmethod
    def from_entities(cls, entities) -> "NameBook":
        """Use PERSON/ORG entities' canonical names (from the NER pass) as the full forms."""
        book = cls()
        for e in entities:
            if e.label in ("PERSON", "ORG"):
                book.add(e.canonical or e.text, e.start)
        return book
