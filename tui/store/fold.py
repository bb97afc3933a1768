"""Letters the full-text index folds itself, so `lodz` finds Łódź and `łódź` finds Lodz.

SQLite's `unicode61 remove_diacritics 2` tokenizer folds letters that decompose into a base letter and a
combining mark (ó, ź, ç, ř ...), but not letters that are their own character in Unicode: ł, ø, đ, ß, æ ...
Those are mapped here, once for the indexed text (an SQL expression used by the index's content view and its
triggers, see schema.py migration 6) and once for what the user types (`fold`), with the same table.

Changing FOLDS needs a new migration that rebuilds the index (the triggers store the expression).

The nested replace() calls scan the text once per letter (~0.25 ms for a 5,000-character article, a fifth of
an import's store time), so since migration 10 a row says whether it needs them: `articles.folds` is 0 when
none of its indexed text holds a letter of FOLDS (decided in Python at insert, `needs_fold`, a few µs) and the
index's view then reads the text as it is. A row written by another SQLite program gets the column's default,
1, and is folded by SQL as before.
"""

from __future__ import annotations

import re

# Letter -> what a reader types for it on an English keyboard.
FOLDS: dict[str, str] = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "NG",
}

_TABLE = str.maketrans(FOLDS)
_FOLDABLE = re.compile("[" + "".join(FOLDS) + "]")


def fold(text: str) -> str:
    """`text` with the letters of FOLDS replaced (the tokenizer does the rest: case, other accents)."""
    return text.translate(_TABLE) if needs_fold(text) else text


def needs_fold(*texts: str) -> bool:
    """Does any of `texts` hold a letter of FOLDS? (A regex scan: str.translate itself costs ~70 ns a character.)"""
    return any(not t.isascii() and _FOLDABLE.search(t) for t in texts if t)


def fold_sql(expr: str) -> str:
    """An SQL expression computing `fold(expr)` with nested replace() calls (no custom function needed,
    so any SQLite connection, even the sqlite3 shell, can write to the library)."""
    for letter, plain in FOLDS.items():
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


# Words the index's stemmer (Porter's, migration 24) makes one with words of another meaning: "news" is stemmed to
# "new", so a search for `news` found every article saying "new" (most of them); `import` found every "important",
# `unit` every "United", `accord` every "according". Such a word is spelt so that it keeps a stem of its own, the same
# way in the indexed text (`apart_sql`, the index's view since migration 25) and in what is typed (`apart`): "news" as
# "newss" (Porter leaves a double s alone; no English word holds "newss"), the others with a "q" where the two
# meanings part ("important" as "importqant", stemmed "importq"; "import" stays "import"): no English word holds a q
# that is not followed by u, and Porter's rules end at it, so every form of the family keeps one stem (importance,
# importantly...) and the letters typed before the q still find both as a prefix (`impor`). The letters are replaced
# wherever they stand, on both sides alike: "newspaper" is indexed and searched as "newsspaper", "reunited" as
# "reunitqed". British and American spellings of "organise" are spelt alike ("organqiz"): either finds both.
# The list (session 24) is reviewed from what `bench/apart_words.py` finds in the corpus: the pairs of one stem that
# share fewer articles than nearly all plain inflections do (see there); each entry has a test of our own sentences.
# Changing APART needs a new migration that rebuilds the index.
APART: dict[str, str] = {
    "news": "newss",
    "importan": "importqan",  # important, importance | import, imports, imported
    "unite": "unitqe", "uniting": "unitqing",  # United, unite, reunited | unit, units
    "generat": "generqat",  # generate, generation, generator | general, generally
    "federat": "federqat",  # federation, federated | federal
    "initiat": "initiqat",  # initiative, initiate | initial, initially
    "communit": "communqit",  # community, communities | communication, communal
    "officer": "officqer",  # officer(s) | office(s)
    "according": "accordqing",  # according (to) | accord, accords
    "universit": "universqit",  # university, universities | universe, universal
    "organiz": "organqiz", "organisa": "organqiza", "organise": "organqize", "organising": "organqizing",  # | organ(s)
}
# longest first, so that the longer of two keys that begin alike is taken (none overlaps now)
_APART = re.compile("|".join(sorted(map(re.escape, APART), key=len, reverse=True)), re.IGNORECASE | re.ASCII)


def apart(text: str) -> str:
    """`text` with the words of APART spelt as the index spells them (any case: the index is case-blind)."""
    return _APART.sub(lambda m: APART[m.group().lower()], text) if _APART.search(text) else text


def apart_sql(expr: str) -> str:
    """An SQL expression computing `apart(expr)`, in lower case (SQLite's lower() folds ASCII letters only, which the
    index's tokenizer folds anyway): one replace() a word, whatever case the text writes it in ("nEWs" too)."""
    expr = f"lower({expr})"
    for word, spelt in APART.items():
        expr = f"replace({expr}, '{word}', '{spelt}')"
    return expr
