"""The summary pane's items (what each holds, how they wrap) and the grouping of its entities section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from tui.app.widgets.wrap import wrap_spans
from tui.entity_kinds import entity_groups, one_line  # noqa: F401  (the summary list imports them from here)

if TYPE_CHECKING:
    from textual.strip import Strip
# (no Textual at import: the story view's summary process builds and wraps a story's items with this module,
# tui/stories/summary_child.py)


class Option:
    """One item of the list: its text, its id, whether the cursor skips it, a rule line after it, and the
    hanging indent of its wrapped lines (`indent` cells: "1. " is 3, so a numbered sentence's second line
    and its source line start under its text, not under its number).

    (A plain class: a dataclass costs ~1 ms to create at import, before the first paint.)
    """

    __slots__ = ("prompt", "id", "disabled", "rule", "spans", "indent", "hang", "keep", "heading", "pads")

    def __init__(self, prompt: Text, id: str | None = None, disabled: bool = False, rule: bool = False,
                 indent: int = 0, keep: int = 0, heading: bool = False) -> None:
        self.prompt = prompt
        self.id = id
        self.disabled = disabled or heading
        self.heading = heading  # a section heading (drawn in the list's heading colours, skipped by the cursor)
        self.rule = rule
        self.indent = indent
        self.hang = 0  # the indent the lines were wrapped with (wrap_all; 0 on a list too narrow for it)
        # where a last part starts that goes on one line, not broken (an article's "Outlet, date" after its
        # title: on the title's last line when it fits there, else on a line of its own); 0: none
        self.keep = keep
        self.spans: list = []  # (start, end) of each display line in prompt.plain
        self.pads: list[int] | None = None  # each line's indent when some differ from `hang` (see wrap_breaks)


class PlainOption(Option):
    """An Option made from plain data, its Text made when first asked for: the story view's items as its summary
    process built and wrapped them (tui/app/screens/story_items.py from_plain). Making the Texts of a big story's 900
    items at once took ~15 ms of the app's thread; the list draws only the items on screen (a new width wraps them
    all, and makes them all, as before)."""

    __slots__ = ("_text", "_parts")

    def __init__(self, parts: tuple, id: str | None, disabled: bool, heading: bool, rule: bool, indent: int,
                 keep: int, hang: int, spans: list, pads: list[int] | None) -> None:
        self._text: Text | None = None
        self._parts = parts  # (its plain text, its style, its spans as (start, end, style))
        self.id = id
        self.disabled = disabled or heading
        self.heading = heading
        self.rule = rule
        self.indent = indent
        self.keep = keep
        self.hang = hang
        self.spans = spans
        self.pads = pads

    @property
    def prompt(self) -> Text:
        text = self._text
        if text is None:
            from rich.text import Span

            plain, style, spans = self._parts
            text = self._text = Text(plain, style=style, spans=[Span(*span) for span in spans])
        return text

    @prompt.setter
    def prompt(self, text: Text) -> None:
        self._text = text


def heading(text: str, style: str = "bold underline") -> Option:
    """A section heading: shown in the list's heading colours (as the summary pane's), skipped by the cursor."""
    return Option(Text(text, style=style), heading=True)


class Layout:
    """An analysis as list items wrapped to one width (see SummaryList.prepare)."""

    def __init__(self, analysis, label: str, options: list[Option], entity_names: list, look: tuple) -> None:
        self.analysis, self.label, self.options, self.entity_names = analysis, label, options, entity_names
        self.look, self.width = look, look[0]
        self.quote_spans: list[tuple[int, int]] = []
        self.lines: list[tuple[int, int]] = []
        self.first_line: list[int] = []
        self.strips: dict[tuple, list[Strip]] = {}


def wrap_all(options: list[Option], width: int, pause=None) -> tuple[list[tuple[int, int]], list[int]]:
    """(option index, line within it) of every display line, and each option's first line. `pause`: called after
    each option (a thread of the app lets the UI thread have the GIL)."""
    lines: list[tuple[int, int]] = []
    first: list[int] = []
    for index, option in enumerate(options):
        first.append(len(lines))
        option.hang = hanging(option, width)
        text = option.prompt.plain
        if option.hang and "\n" in text:  # (a source line: its wrapped lines may hang deeper)
            pads: list[int] = []
            option.spans = wrap_breaks(text, width, option.hang, option.keep, pads)
            option.pads = pads if max(pads) > option.hang else None
        else:
            option.spans = wrap_breaks(text, width, option.hang, option.keep)
            option.pads = None
        lines.extend((index, line) for line in range(len(option.spans) + option.rule))
        if pause is not None:
            pause()
    return lines, first


def hanging(option: Option, width: int) -> int:
    """The cells an item's lines after its first are indented by at this width (none on a very narrow list:
    the text keeps at least half the width)."""
    return option.indent if 0 < option.indent <= width // 2 else 0


def wrap_breaks(text: str, width: int, indent: int = 0, keep: int = 0,
                pads: list[int] | None = None) -> list[tuple[int, int]]:
    """wrap_spans, with a line break in the text starting a new line (a story sentence's source line); every
    line after the first is `indent` cells narrower (cut_lines draws it indented). text[keep:] (when `keep`)
    ends the last line if it fits there whole, else starts a line: it is broken only when longer than a line.

    A line after a break that starts with "— " (after spaces: a source line, "— Outlet, Outlet, date") goes on
    under its first word, not under the dash; `pads` (when given) gets each line's indent."""
    if pads is not None:
        if indent and "\n" in text[keep:]:
            return _wrap_sources(text, width, indent, pads)
        pads.append(0)
    if 0 < keep < len(text) and "\n" not in text[keep:]:
        spans = wrap_breaks(text[:keep], width, indent)
        start, _end = spans[-1]
        room = (width if len(spans) == 1 else width - indent) - cell_len(text[start:keep])
        if cell_len(text[keep:]) <= room:
            spans[-1] = (start, len(text))
            return spans
        spans[-1] = (start, keep)  # its trailing spaces are not drawn
        return spans + [(keep + a, keep + b) for a, b in together(text[keep:], wrap_spans(text[keep:], width - indent),
                                                                   width - indent)]
    if "\n" not in text and not indent:
        return wrap_spans(text, width)
    spans: list[tuple[int, int]] = []
    start = 0
    for part in text.split("\n"):
        if spans or not indent:
            found = wrap_spans(part, width - indent if spans else width)
        else:  # the item's first line at the full width, the rest of its first part narrower
            first = wrap_spans(part, width)[0]
            end = first[1]
            found = [first] + ([(end + a, end + b) for a, b in wrap_spans(part[end:], width - indent)]
                               if end < len(part) else [])
        spans += [(start + a, start + b) for a, b in found]
        start += len(part) + 1
    return spans


def together(part: str, found: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """The lines `found` of `part` (a source mark, "(Outlet, date, new)" or "— Outlet, date, new", wrapped to `width`
    cells a line, its last line too) with its "new" never alone on a line: the line before gives it its own last word,
    the date ("(Kellmouth Evening Post," then "2026-01-15, new)"; at 40 columns "new)" went alone under the rest, the
    mark cut from the line it marks: session 37)."""
    if len(found) < 2:
        return found
    (a, b), (c, d) = found[-2], found[-1]
    if part[c:d].strip(" ") not in ("new", "new)"):
        return found
    before = part[a:b].rstrip(" ")
    cut = before.rfind(" ")
    if cut <= 0 or cell_len(part[a + cut + 1:d].rstrip(" ")) > width:
        return found
    return found[:-2] + [(a, a + cut + 1), (a + cut + 1, d)]


def _wrap_sources(text: str, width: int, indent: int, pads: list[int]) -> list[tuple[int, int]]:
    """wrap_breaks for an item with line breaks and a hanging indent, each line's indent in `pads`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for number, part in enumerate(text.split("\n")):
        if number == 0:
            first = wrap_spans(part, width)[0]
            end = first[1]
            found = [first] + ([(end + a, end + b) for a, b in wrap_spans(part[end:], width - indent)]
                               if end < len(part) else [])
            pads += [0] + [indent] * (len(found) - 1)
        else:
            found = wrap_spans(part, width - indent)
            deeper = 0
            if len(found) > 1:  # (a source line mostly fits on one)
                lead = len(part) - len(part.lstrip(" "))
                if part.startswith("— ", lead) and width - indent - lead - 2 >= width // 3:
                    deeper = lead + 2
                    end = found[0][1]
                    found = [found[0]] + [(end + a, end + b) for a, b in wrap_spans(part[end:], width - indent - deeper)]
                    found = together(part, found, width - indent - deeper)
            pads += [indent] + [indent + deeper] * (len(found) - 1)
        spans += [(start + a, start + b) for a, b in found]
        start += len(part) + 1
    return spans


def cut_lines(option: Option) -> list[Text]:
    """The item's text cut into its display lines (our own wrap: Textual's costs ~10x more); the lines after
    the first start `option.indent` cells in (when wrap_all wrapped it so: see `hanging`)."""
    starts = [a for a, _b in option.spans[1:]]
    lines = option.prompt.divide(starts) if starts else [option.prompt.copy()]
    for line in lines:
        line.rstrip()
    pads = option.pads
    if pads is not None and len(pads) == len(lines):
        for number in range(1, len(lines)):
            lines[number] = Text(" " * pads[number]).append_text(lines[number])
        return lines
    indent = option.hang
    if indent:
        for number in range(1, len(lines)):
            lines[number] = Text(" " * indent).append_text(lines[number])
    return lines
