"""The summary pane's list: numbered summary sentences, key quotes with speakers, entities by type.

One list so one cursor walks all three sections; headings are disabled items. Item ids say what
an item is: "s:N" sentence, "q:N" quote, "e:N" entity. A Line API scroll view (like the library
list): every item is wrapped once per analysis and width, and only visible lines are drawn.
Its cursor API follows Textual's OptionList (`highlighted`, `get_option`, `OptionSelected`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import visualize

from tui.app import keymap
from tui.app.widgets.focus_style import QuietFocus
from tui.app.widgets.entity_types import TYPES, type_of
from tui.app.widgets.scroll_size import quiet_virtual_size, relayout_if_needed
from tui.textsafe import clean


def one_line(text: str) -> str:
    """Untrusted text as one clean line."""
    return " ".join(clean(text).split())


def entity_groups(entities) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """[(type key, heading, [(canonical name, mentions), ...])] most-mentioned first, empty types left out.

    Names are as the engine gave them (the store indexes that exact string); clean them to display.
    """
    counts: dict[str, dict[str, int]] = {}
    for ent in entities:
        name = ent.canonical or ent.text  # raw: the store's entity index uses the same string
        if one_line(name):
            bucket = counts.setdefault(type_of(ent.label), {})
            bucket[name] = bucket.get(name, 0) + 1
    out = []
    for key, _name, heading, _labels in TYPES:
        if key in counts:
            names = sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0].casefold()))
            out.append((key, heading, names))
    return out


@dataclass(eq=False)
class Option:
    """One item of the list: its text, its id, whether the cursor skips it, a rule line after it."""

    prompt: Text
    id: str | None = None
    disabled: bool = False
    rule: bool = False
    visual: object = None  # Textual's Visual of the prompt, made once


class SummaryList(QuietFocus, ScrollView, can_focus=True):
    """Select a sentence or quote to find it in the article; an entity to filter the library."""

    BINDINGS = keymap.bindings(keymap.SUMMARY)
    COMPONENT_CLASSES = {
        "summary-list--heading", "summary-list--speaker", "summary-list--count",
        "summary-list--option", "summary-list--option-highlighted", "summary-list--option-disabled",
        "summary-list--separator",
    }

    highlighted: reactive[int | None] = reactive(None, init=False)
    virtual_size = quiet_virtual_size()

    class OptionSelected(Message):
        """enter (or a click) on an item."""

        def __init__(self, option_list: "SummaryList", option: Option, index: int) -> None:
            super().__init__()
            self.option_list = option_list
            self.option = option
            self.option_index = index

        @property
        def control(self) -> "SummaryList":
            return self.option_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.analysis = None
        self.entity_names: list[tuple[str, str]] = []  # (type key, canonical name) by option number
        self.options: list[Option] = []
        self._lines: list[tuple[int, int]] = []  # (option index, line within it) per line
        self._first_line: list[int] = []  # first line of each option
        self._width = -1  # the width the lines were wrapped to
        self._strips: dict[tuple, list[Strip]] = {}  # (option index, look) -> its drawn lines

    HELP = ("The summary (numbered, in article order), the key quotes with their speakers, and the "
            "entities by type. enter on a sentence or quote finds it in the article; enter on an "
            "entity lists the articles that mention it.")

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        relayout_if_needed(self, old, new)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)  # restyled without a screen layout (focus_style.py)
        # Arriving with tab should put the cursor on something selectable straight away.
        if has_focus and self.highlighted is None and self.option_count:
            self.action_first()
        elif self.highlighted is not None:
            self._refresh_option(self.highlighted)  # the cursor's colours follow focus

    # -- the OptionList-like API ------------------------------------------------------------

    @property
    def option_count(self) -> int:
        """How many items (headings included)."""
        return len(self.options)

    def get_option_at_index(self, index: int) -> Option:
        """The item at `index`."""
        return self.options[index]

    def get_option_index(self, option_id: str) -> int:
        """The index of the item with this id (KeyError when there is none)."""
        for index, option in enumerate(self.options):
            if option.id == option_id:
                return index
        raise KeyError(option_id)

    def get_option(self, option_id: str) -> Option:
        """The item with this id (KeyError when there is none)."""
        return self.options[self.get_option_index(option_id)]

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self.options:
            return None
        return max(0, min(value, len(self.options) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in {old, new} - {None}:
            if index < len(self.options):
                self._refresh_option(index)
        if new is not None:
            self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        """Scroll so the whole highlighted item is visible."""
        index = self.highlighted
        if index is None or not self.is_mounted:
            return
        self._ensure_lines()
        if index >= len(self._first_line):
            return
        top = self._first_line[index]
        end = self._first_line[index + 1] if index + 1 < len(self._first_line) else len(self._lines)
        height = max(1, end - top)
        self.scroll_to_region(Region(0, top, max(1, self._width), height),
                              animate=False, force=True, immediate=True)

    # -- filling ----------------------------------------------------------------------------

    def show(self, analysis, method_label: str = "") -> None:
        """Fill the list from an Analysis (None empties it)."""
        self.analysis = analysis
        self.entity_names = []
        highlighted, self.highlighted = self.highlighted, None  # set again below: scrolls to it
        options: list[Option] = []
        if analysis is not None:
            # A rule line separates the three sections.
            options += self._summary(analysis, method_label)
            options[-1].rule = True
            options += self._quotes(analysis)
            options[-1].rule = True
            options += self._entities(analysis)
        self.options = options
        self._width = -1  # wrap again, lazily
        self._strips.clear()
        self._ensure_lines()
        self.highlighted = min(highlighted, len(options) - 1) if highlighted is not None and options else None
        self.refresh()

    def _heading(self, text: str) -> Option:
        return Option(Text(text, self.get_component_rich_style("summary-list--heading", partial=True)), disabled=True)

    def _summary(self, analysis, method_label: str) -> list[Option]:
        sentences = analysis.summary.sentences if analysis.summary else []
        out = [self._heading(f"Summary · {method_label}" if method_label else "Summary")]
        if not sentences:
            out.append(Option(Text("(no summary for this text)"), disabled=True))
        for number, sent in enumerate(sentences, 1):
            line = Text(f"{number}. ")
            line.append(one_line(sent.text))
            out.append(Option(line, id=f"s:{number - 1}"))
        return out

    def _quotes(self, analysis) -> list[Option]:
        out = [self._heading(f"Key quotes ({len(analysis.quotes)})")]
        if not analysis.quotes:
            out.append(Option(Text("(no direct quotes)"), disabled=True))
        for number, quote in enumerate(analysis.quotes):
            line = Text(f"“{one_line(quote.text)}”")
            if quote.speaker:
                line.append(f" — {one_line(quote.speaker)}",
                            self.get_component_rich_style("summary-list--speaker", partial=True))
            out.append(Option(line, id=f"q:{number}"))
        return out

    def _entities(self, analysis) -> list[Option]:
        out = [self._heading("Entities")]
        groups = entity_groups(analysis.entities)
        if not groups:
            out.append(Option(Text("(none found)"), disabled=True))
        count_style = self.get_component_rich_style("summary-list--count", partial=True)
        for key, heading, names in groups:
            out.append(self._heading(f"{heading} ({len(names)})"))
            for name, mentions in names:
                line = Text("  " + one_line(name))
                line.append(f" ×{mentions}", count_style)
                out.append(Option(line, id=f"e:{len(self.entity_names)}"))
                self.entity_names.append((key, name))
        return out

    # -- moving -----------------------------------------------------------------------------

    def _next_enabled(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self.options):
            if not self.options[index].disabled:
                return index
            index += step
        return None

    def action_cursor_down(self) -> None:
        if self.highlighted is None:
            self.action_first()
        else:
            found = self._next_enabled(self.highlighted + 1, 1)
            self.highlighted = found if found is not None else self._next_enabled(0, 1)  # wraps, as OptionList

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            self.action_last()
        else:
            found = self._next_enabled(self.highlighted - 1, -1)
            self.highlighted = found if found is not None else self._next_enabled(len(self.options) - 1, -1)

    def action_first(self) -> None:
        self.highlighted = self._next_enabled(0, 1)

    def action_last(self) -> None:
        self.highlighted = self._next_enabled(len(self.options) - 1, -1)

    def _move_page(self, direction: int) -> None:
        self._ensure_lines()
        if not self._lines:
            return
        y = self._first_line[self.highlighted or 0] + direction * self.scrollable_content_region.height
        index = self._lines[max(0, min(y, len(self._lines) - 1))][0]
        found = self._next_enabled(index, direction)
        self.highlighted = found if found is not None else self._next_enabled(index, -direction)

    def action_page_down(self) -> None:
        if self.highlighted is None:
            self.action_last()
        else:
            self._move_page(1)

    def action_page_up(self) -> None:
        if self.highlighted is None:
            self.action_first()
        else:
            self._move_page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and not self.options[index].disabled:
            self.post_message(self.OptionSelected(self, self.options[index], index))

    def on_click(self, event) -> None:
        self._ensure_lines()
        y = int(self.scroll_y) + event.y
        if 0 <= y < len(self._lines):
            index = self._lines[y][0]
            if not self.options[index].disabled:
                self.highlighted = index
                self.action_select()

    # -- drawing ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._ensure_lines()

    def _look(self, index: int) -> tuple[str, ...]:
        """The component classes an item is drawn with."""
        if self.options[index].disabled:
            return ("summary-list--option", "summary-list--option-disabled")
        if index == self.highlighted:
            return ("summary-list--option", "summary-list--option-highlighted")
        return ("summary-list--option",)

    def _render_option(self, index: int) -> list[Strip]:
        """The drawn lines of one item (its rule line included), cached per style.

        Keyed by the very styles used (Textual caches them per focus state and theme), so a focus
        change or a new theme draws again only what looks different: gaining or losing focus
        changes the cursor's item, not the others (the focus tint is added after, by Textual).
        """
        option = self.options[index]
        style = self.get_visual_style(*self._look(index))
        rule = self.get_visual_style("summary-list--separator") if option.rule else None
        key = (index, style, rule)
        strips = self._strips.get(key)
        if strips is None:
            width = max(1, self._width)
            visual = self._visual(index)
            strips = [strip.extend_cell_length(width, style.rich_style)
                      for strip in visual.to_strips(self, visual, width, None, style)]
            if rule is not None:
                strips.append(Strip([Segment("─" * width, rule.rich_style)], width))
            if len(self._strips) > 4 * len(self.options) + 64:
                self._strips.clear()  # old themes and looks
            self._strips[key] = strips
        return strips

    def _visual(self, index: int):
        option = self.options[index]
        if option.visual is None:
            option.visual = visualize(self, option.prompt, markup=False)
        return option.visual

    def _ensure_lines(self) -> None:
        """Wrap every item to the current width (once per analysis and width); set the scroll size."""
        width = self.scrollable_content_region.width
        if width == self._width or not self.is_mounted:
            return
        self._width = width
        self._strips.clear()
        self._lines, self._first_line = [], []
        if width > 0:
            # Heights only (as OptionList measures them); lines are drawn when they come into view.
            styles = self.styles
            for index, option in enumerate(self.options):
                self._first_line.append(len(self._lines))
                height = self._visual(index).get_height(styles, width) + option.rule
                self._lines.extend((index, line) for line in range(height))
        self.virtual_size = Size(width, len(self._lines))

    def _refresh_option(self, index: int) -> None:
        if self._width < 0 or index >= len(self._first_line):
            return
        top = self._first_line[index]
        end = self._first_line[index + 1] if index + 1 < len(self._first_line) else len(self._lines)
        for y in range(top, end):
            self.refresh_line(y)

    def render_lines(self, crop):
        self._ensure_lines()  # the width can change when a scrollbar comes or goes
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        width = max(0, self.scrollable_content_region.width)
        if line >= len(self._lines):
            return Strip.blank(width, self.get_visual_style("summary-list--option").rich_style)
        index, offset = self._lines[line]
        strips = self._render_option(index)
        return strips[offset] if offset < len(strips) else Strip.blank(width)
