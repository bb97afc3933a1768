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


# Words the index's stemmer (Porter's, migration 24) makes one with another word: "news" is stemmed to "new", so a
# search for `news` found every article saying "new" (most of them). Such a word is spelt so that it keeps a stem of
# its own, the same way in the indexed text (`apart_sql`, the index's view since migration 25) and in what is typed
# (`apart`): "news" as "newss" (Porter leaves a double s alone; no English word holds "newss"). The letters are
# replaced wherever they stand, on both sides alike: "newspaper" is indexed and searched as "newsspaper", "Newsom" as
# "Newssom". A text that writes the word in mixed case ("nEWs") is indexed as it was (the SQL side replaces the
# lower, capitalised and upper-case spellings). Changing APART needs a new migration that rebuilds the index.
APART: dict[str, str] = {"news": "newss"}
_APART = re.compile("|".join(map(re.escape, APART)), re.IGNORECASE)


def apart(text: str) -> str:
    """`text` with the words of APART spelt as the index spells them (any case: the index is case-blind)."""
    return _APART.sub(lambda m: APART[m.group().lower()], text) if _APART.search(text) else text


def apart_sql(expr: str) -> str:
    """An SQL expression computing `apart(expr)` for the lower-case, capitalised and upper-case spellings."""
    for word, spelt in APART.items():
        for a, b in ((word, spelt), (word.capitalize(), spelt.capitalize()), (word.upper(), spelt.upper())):
            expr = f"replace({expr}, '{a}', '{b}')"
    return expr

