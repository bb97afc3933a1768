"""Whitespace tests that let text already in normal form skip `" ".join(text.split())`.

Splitting a 5,000-character article into word objects and joining them again costs ~0.1 ms; an import did it
several times per file (squashing each line, hashing the body). Text that importers produce is almost always
in that form already (one space between words), and asking whether a string holds any whitespace character
other than the plain space is a handful of fast substring scans.
"""

from __future__ import annotations

# Every character str.split() splits on (str.isspace(), which is also what `\s` matches), but the plain space.
# tests/importers/test_squash_fast.py checks this against the running Python's Unicode tables.
OTHER_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


_NOT_NEWLINE = OTHER_SPACES.replace("\n", "")
# The ASCII ones: all an ASCII text (most of what is imported; str.isascii() is one fast pass) can hold.
_ASCII_OTHERS = "".join(c for c in OTHER_SPACES if c.isascii())
_ASCII_NOT_NEWLINE = _ASCII_OTHERS.replace("\n", "")


def only_plain_spaces(text: str, newlines: bool = False) -> bool:
    """True when the only whitespace in `text` is the plain space (" "), and newlines too when `newlines`."""
    if text.isascii():
        return not any(c in text for c in (_ASCII_NOT_NEWLINE if newlines else _ASCII_OTHERS))
    return not any(c in text for c in (_NOT_NEWLINE if newlines else OTHER_SPACES))


def is_squashed(text: str) -> bool:
    """True when `" ".join(text.split()) == text`: single plain spaces between words, none at the ends."""
    return "  " not in text and text[:1] != " " and text[-1:] != " " and only_plain_spaces(text)
