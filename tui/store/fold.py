"""Letters the full-text index folds itself, so `lodz` finds Łódź and `łódź` finds Lodz.

SQLite's `unicode61 remove_diacritics 2` tokenizer folds letters that decompose into a base letter and a
combining mark (ó, ź, ç, ř ...), but not letters that are their own character in Unicode: ł, ø, đ, ß, æ ...
Those are mapped here, once for the indexed text (an SQL expression used by the index's content view and its
triggers, see schema.py migration 6) and once for what the user types (`fold`), with the same table.

Changing FOLDS needs a new migration that rebuilds the index (the triggers store the expression).
"""

from __future__ import annotations

# Letter -> what a reader types for it on an English keyboard.
FOLDS: dict[str, str] = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "NG",
}

_TABLE = str.maketrans(FOLDS)


def fold(text: str) -> str:
    """`text` with the letters of FOLDS replaced (the tokenizer does the rest: case, other accents)."""
    return text.translate(_TABLE)


def fold_sql(expr: str) -> str:
    """An SQL expression computing `fold(expr)` with nested replace() calls (no custom function needed,
    so any SQLite connection, even the sqlite3 shell, can write to the library)."""
    for letter, plain in FOLDS.items():
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr
