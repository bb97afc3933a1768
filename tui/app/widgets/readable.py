"""The cursor's colours made readable: text on a highlighted row reaches WCAG's 4.5:1 in truecolour and in 256
colours, whatever the theme.

The themes' block cursors are often below it (textual-dark's is 3.8:1 in truecolour and 3.6:1 in 256 colours,
gruvbox's 2.4:1, solarized's 3.1:1), and a dim part on a highlighted row (a briefing entry's "3 articles · 3
unread", an article's outlet in the story view) was ~2.4:1. `readable` keeps the theme's colours where they are
readable; else it takes white text for light text, black for dark, and moves the highlight's colour away from that
text, a step at a time, until both depths reach the ratio.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color, ColorSystem
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

RATIO = 4.5  # WCAG AA for normal text
WHITE, BLACK = (255, 255, 255), (0, 0, 0)
NOT_DIM = Style(dim=False)


def _linear(value: int) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _luminance(rgb: tuple[int, int, int]) -> float:
    red, green, blue = (_linear(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _in_256(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    """The colour a 256-colour terminal shows for `rgb` (Rich's reduction, as the app's output)."""
    shown = Color.from_rgb(*rgb).downgrade(ColorSystem.EIGHT_BIT).get_truecolor(DEFAULT_TERMINAL_THEME)
    return shown.red, shown.green, shown.blue


def worst_contrast(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    """The lower of the two depths' contrast."""
    return min(contrast(fg, bg), contrast(_in_256(fg), _in_256(bg)))


@lru_cache(256)
def readable_colours(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> tuple[tuple, tuple]:
    """(text, highlight) colours reaching RATIO at both depths: the given ones if they do."""
    if worst_contrast(fg, bg) >= RATIO:
        return fg, bg
    # the text keeps its side (light text on textual-dark's blue stays light: black on it reads, but it is another look)
    text = WHITE if _luminance(fg) >= _luminance(bg) else BLACK
    away = BLACK if text == WHITE else WHITE
    for step in range(21):
        share = step / 20
        moved = tuple(round(c + (a - c) * share) for c, a in zip(bg, away))
        if worst_contrast(text, moved) >= RATIO:
            return text, moved
    return text, away


@lru_cache(256)
def legible_colour(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> tuple[int, int, int]:
    """A text colour on `bg` reaching RATIO at both depths: `fg` if it does, else `fg` moved towards white (on a dark
    background) or black (on a light one), a step at a time, until it does."""
    if worst_contrast(fg, bg) >= RATIO:
        return fg
    far = WHITE if _luminance(bg) < 0.18 else BLACK
    for step in range(1, 21):
        share = step / 20
        moved = tuple(round(c + (a - c) * share) for c, a in zip(fg, far))
        if worst_contrast(moved, bg) >= RATIO:
            return moved
    return far


def legible(style: Style) -> Style:
    """`style` (muted text on its background: a list's "No quotes found.") with its colour raised to RATIO where the
    theme's is below (nord's $text-muted is 3.9:1 in 256 colours, catppuccin-mocha's 3.0:1); unchanged without both
    colours."""
    if style.color is None or style.bgcolor is None:
        return style
    fg = style.color.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=True)
    bg = style.bgcolor.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=False)
    text = legible_colour((fg.red, fg.green, fg.blue), (bg.red, bg.green, bg.blue))
    if text == (fg.red, fg.green, fg.blue):
        return style
    return style + Style(color=Color.from_rgb(*text))


def legible_parts(strip):
    """A drawn line of the cursor's item with each coloured part (a quote's speaker in $text-secondary, an entity's
    "×2" in $text-muted) raised to RATIO on its background where the theme's colour is below: they kept their colour
    on the cursor, "— Ruth Calloway" at 1.5:1 on textual-dark's blue in 256 colours (walk38)."""
    from rich.segment import Segment
    from textual.strip import Strip

    parts, changed = [], False
    for seg in strip:
        style = seg.style
        if style is None or style.color is None or style.bgcolor is None or seg.control:
            parts.append(seg)
            continue
        fg = style.color.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=True)
        bg = style.bgcolor.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=False)
        text = legible_colour((fg.red, fg.green, fg.blue), (bg.red, bg.green, bg.blue))
        if text == (fg.red, fg.green, fg.blue):
            parts.append(seg)
        else:
            parts.append(Segment(seg.text, style + Style(color=Color.from_rgb(*text))))
            changed = True
    return Strip(parts, strip.cell_length) if changed else strip


def readable(style: Style) -> Style:
    """`style` (a cursor's: colour and background) with readable colours; unchanged without both colours."""
    if style.color is None or style.bgcolor is None:
        return style
    fg = style.color.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=True)
    bg = style.bgcolor.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=False)
    text, highlight = readable_colours((fg.red, fg.green, fg.blue), (bg.red, bg.green, bg.blue))
    if text == (fg.red, fg.green, fg.blue) and highlight == (bg.red, bg.green, bg.blue):
        return style
    return style + Style(color=Color.from_rgb(*text), bgcolor=Color.from_rgb(*highlight))
