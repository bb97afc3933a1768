"""The cleaners' shortcuts for text that needs no cleaning (tui/textsafe.py) give what the patterns give, for every
character, and importing the module compiles no pattern (the app's first screen rarely needs one)."""

from __future__ import annotations

import subprocess
import sys

from tui import textsafe
from tui.textsafe import clean, visible


def by_pattern(text: str) -> str:
    """clean() without its shortcut."""
    text = textsafe._escapes().sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return textsafe._surrogates().sub("\ufffd", text)


def test_every_printable_character_is_left_as_the_patterns_leave_it():
    printable = [chr(i) for i in range(0x110000) if chr(i).isprintable()]
    assert len(printable) > 100_000
    assert all(by_pattern(ch) == ch for ch in printable)
    assert "".join(clean(ch) for ch in printable) == "".join(printable)
    title = "Électricité: “tariffs” drew protests — 2 × 3 ½ ♥ 北京 😀"
    assert clean(title) == by_pattern(title) == title


def test_what_needs_cleaning_is_still_cleaned():
    for text, want in [("a\x1b[31mred\x1b[0m", "ared"), ("line\r\nnext\rthird", "line\nnext\nthird"),
                       ("tab\tand\nnewline", "tab\tand\nnewline"), ("zero\u200bwidth", "zerowidth"),
                       ("bidi\u202eevil", "bidievil"), ("nbsp\u00a0kept", "nbsp\u00a0kept"), ("lone \ud800", "lone \ufffd")]:
        assert clean(text) == by_pattern(text) == want, text


def test_names_in_plain_ascii_are_as_they_are_and_hidden_characters_still_spelled_out():
    ascii_printable = "".join(chr(i) for i in range(0x20, 0x7F))
    assert visible(ascii_printable) == ascii_printable
    assert not textsafe._hidden().search(ascii_printable)
    # printable but hidden (Hangul fillers): not ASCII, so the pattern still sees them
    assert visible("a\u115fb\u3164c") == "a\\u115fb\\u3164c"
    assert visible("two\nlines\x1b") == "two\\nlines\\x1b"


def test_importing_the_module_compiles_no_pattern():
    code = ("from tui import textsafe as t; t.clean('A plain title'); t.visible('/home/reader/library.db'); "
            "print(sum(f.cache_info().currsize for f in (t._sequences, t._escapes, t._surrogates, t._hidden, "
            "t._json_unsafe)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"
