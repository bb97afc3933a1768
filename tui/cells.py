"""Text for terminal columns and counts: display width (CJK and other wide characters take two cells,
combining marks none), fitting a column, and "1 sentence" / "2 sentences". Standard library only, so
the CLI stays light."""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"


def char_width(ch: str) -> int:
    """Terminal cells of one character: 2 for wide and fullwidth (East Asian), 0 for combining and
    zero-width marks and controls, else 1."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Terminal cells `text` takes on one line."""
    return sum(char_width(ch) for ch in text)


def fit(text: str, cells: int, align: str = "<") -> str:
    """`text` in exactly `cells` cells: cut with an ellipsis when longer, padded with spaces when shorter
    ("<" left-aligned, ">" right-aligned)."""
    text = clip(text, cells)
    pad = " " * (cells - width(text))
    return text + pad if align == "<" else pad + text


def clip(text: str, cells: int) -> str:
    """`text` as it is when it fits in `cells` cells, else cut to `cells - 1` cells and ended with an ellipsis."""
    if width(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > cells - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 sentence", "2 sentences", "0 articles"; `many` for irregular plurals ("1 story", "3 stories")."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
