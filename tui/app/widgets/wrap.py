"""Word wrapping that remembers where each line starts in the original string (to scroll to a span)."""

from __future__ import annotations

import re

from rich.cells import cell_len

_TOKEN = re.compile(r"\S+\s*|\s+")
_OTHER_SPACE = re.compile(r"[^\S ]")  # any whitespace but the plain space
# Characters one terminal cell wide: ASCII, Latin, Greek, Cyrillic, punctuation, currency signs
# (no combining marks, zero-width or wide characters). Text made only of these wraps the fast way.
ONE_CELL = "\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0"
_ONE_CELL_TEXT = re.compile(f"[{ONE_CELL}]*")
_NOT_SPACE = re.compile(r"[^ ]")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """[start, end) of each line of `text` wrapped to `width` cells; words stay whole when they fit.

    Trailing spaces stay at the end of their line (the caller strips them when drawing).
    """
    width = max(1, width)
    if not _OTHER_SPACE.search(text) and (text.isascii() or _ONE_CELL_TEXT.fullmatch(text)):
        return _wrap_plain(text, width)  # one cell per character, words split by spaces only
    return _wrap_general(text, width)


def _wrap_general(text: str, width: int) -> list[tuple[int, int]]:
    """wrap_spans for any text, a token (word and its trailing spaces) at a time."""
    measure = len if text.isascii() else cell_len  # the common case needs no width tables
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0  # cells from `start` up to the current token
    for match in _TOKEN.finditer(text):
        a, b = match.span()
        word = match.group().rstrip()
        need = measure(word)
        if used and used + need > width:
            lines.append((start, a))
            start, used = a, 0
        if need > width:  # a word longer than the line: cut it
            for cut in _cuts(text, a, a + len(word), width - used, width):
                lines.append((start, cut))
                start, used = cut, 0
        used += measure(text[max(start, a):b])
    if start < len(text) or not lines:
        lines.append((start, len(text)))
    return lines


def _wrap_plain(text: str, width: int) -> list[tuple[int, int]]:
    """wrap_spans for text of one cell per character spaced with plain spaces (most news): a line
    at a time, not a word at a time (~10x faster, the same lines; tests/ui/test_text_layout.py
    compares the two)."""
    lines: list[tuple[int, int]] = []
    start, n = 0, len(text)
    last_word_end = len(text.rstrip(" "))
    while last_word_end - start > width:
        word_end = text.find(" ", start)
        if word_end < 0:
            word_end = n
        if word_end - start > width:  # a word longer than the line: cut it into whole lines
            while word_end - start > width:
                lines.append((start, start + width))
                start += width
            continue
        space = text.rfind(" ", start, start + width + 1)
        found = _NOT_SPACE.search(text, space)
        nxt = found.start() if found else n
        lines.append((start, nxt))
        start = nxt
    lines.append((start, n))
    return lines


def _cuts(text: str, a: int, b: int, first_room: int, width: int) -> list[int]:
    """Where to cut text[a:b] so each piece fits: the first in `first_room` cells, the rest in `width`."""
    cuts, room, cells = [], max(1, first_room), 0
    for pos in range(a, b):
        w = cell_len(text[pos])
        if cells and cells + w > room:
            cuts.append(pos)
            cells, room = 0, width
        cells += w
    return cuts
