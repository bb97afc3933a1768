"""Word wrapping that remembers where each line starts in the original string (to scroll to a span)."""

from __future__ import annotations

import re

from rich.cells import cell_len

_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """[start, end) of each line of `text` wrapped to `width` cells; words stay whole when they fit.

    Trailing spaces stay at the end of their line (the caller strips them when drawing).
    """
    width = max(1, width)
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
