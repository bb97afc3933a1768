"""The summary pane's list: numbered summary sentences, key quotes with speakers, entities by type.

One list so one cursor walks all three sections; headings are disabled items. Item ids say what
an item is: "s:N" sentence, "q:N" quote, "e:N" entity. A Line API scroll view (like the library
list): every item is wrapped once per analysis and width, and only visible lines are drawn.
Its cursor API follows Textual's OptionList (`highlighted`, `get_option`, `OptionSelected`).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app import keymap
from tui.app.widgets.direct import DirectLines
from tui.app.widgets.focus_style import QuietFocus
from tui.app.widgets.scrollbar import QuickScrollBars
from tui.app.widgets.readable import NOT_DIM, legible, legible_parts, readable
from tui.app.widgets.runs import text_segments
from tui.app.widgets.scroll_size import content_width, quiet_virtual_size, relayout_if_needed
from tui.app.widgets.summary_items import Layout, Option, cut_lines, entity_groups, one_line, wrap_all


class SummaryList(QuietFocus, QuickScrollBars, DirectLines, ScrollView, can_focus=True):
    """Select a sentence or quote to find it in the article; an entity to filter the library."""

    BINDINGS = keymap.bindings(keymap.SUMMARY)
    COMPONENT_CLASSES = {
        "summary-list--heading", "summary-list--speaker", "summary-list--count",
        "summary-list--option", "summary-list--option-highlighted", "summary-list--option-disabled",
        "summary-list--separator",
    }

    # repaint=False: watch_highlighted redraws the items the cursor leaves and reaches (the reactive's own
    # repaint redrew every line of the list on each move); filling the list repaints it (show, show_options)
    highlighted: reactive[int | None] = reactive(None, init=False, repaint=False)
    virtual_size = quiet_virtual_size()
    auto_links = Reactive(False)  # plain text, no links (and see direct.py)

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
        self.quote_spans: list[tuple[int, int]] = []  # (start, end) in the body of each quote item
        self.options: list[Option] = []
        self.moved = None  # called when the highlight moves onto an item
        self._lines: list[tuple[int, int]] = []  # (option index, line within it) per line
        self._first_line: list[int] = []  # first line of each option
        self._width = -1  # the width the lines were wrapped to
        self._strips: dict[tuple, list[Strip]] = {}  # (option index, look) -> its drawn lines

    HELP = ("The summary (numbered, in article order), the key quotes with their speakers, and the "
            "entities by type. enter on a sentence or quote finds it in the article; enter on a person opens "
            "their page (their articles over time, who appears with them, their quotes); on another entity, lists "
            "the articles that mention it.")

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
        if new is not None and self.moved is not None:
            self.moved()  # e.g. the article's jump mark clears on the next move (set by the screen)
        for index in {old, new} - {None}:
            if index < len(self.options):
                self._refresh_option(index)
        if new is not None:
            self.scroll_to_highlight()

    def to_top(self) -> None:
        """No item highlighted and the first line at the top (a new article: its header shows)."""
        self.highlighted = None
        self.scroll_to(y=0, animate=False, immediate=True)

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

    def top_of(self, index: int) -> int:
        """How far down the list scrolls to show item `index` first (as far as it scrolls)."""
        if not self.is_mounted:
            return 0
        self._ensure_lines()
        return min(self._first_line[index], self.max_scroll_y) if 0 <= index < len(self._first_line) else 0

    def show_from(self, index: int) -> None:
        """Scroll so item `index` is the first line shown (as far as the list scrolls): a heading over the cursor."""
        if self.is_mounted:
            self.scroll_to(y=self.top_of(index), animate=False, immediate=True)

    # -- filling ----------------------------------------------------------------------------

    def show(self, analysis, method_label: str = "", ready: "Layout | None" = None) -> None:
        """Fill the list from an Analysis (None empties it).

        `ready` is a layout made earlier by `prepare` for this analysis and label; it is used when
        it still fits (same width), which makes showing it almost free.
        """
        highlighted, self.highlighted = self.highlighted, None  # set again below: scrolls to it
        if ready is None or ready.analysis is not analysis or ready.label != method_label or not self._fits(ready):
            ready = self.prepare(analysis, method_label, draw=False)
        self.analysis = analysis
        self.options, self.entity_names, self.quote_spans = ready.options, ready.entity_names, ready.quote_spans
        self._width, self._lines, self._first_line = ready.width, ready.lines, ready.first_line
        self._strips = dict(ready.strips)
        self.virtual_size = Size(max(0, ready.width), len(ready.lines))
        options = self.options
        self.highlighted = min(highlighted, len(options) - 1) if highlighted is not None and options else None
        self.refresh()

    def prepare(self, analysis, method_label: str = "", draw: bool = True) -> "Layout":
        """The items of an analysis wrapped to this list's width, with the first screen drawn (`draw`)."""
        entity_names: list[tuple[str, str]] = []
        quote_spans: list[tuple[int, int]] = []
        options: list[Option] = []
        if analysis is not None:
            # A rule line separates the three sections.
            options += self._summary(analysis, method_label)
            options[-1].rule = True
            options += self._quotes(analysis, quote_spans)
            options[-1].rule = True
            options += self._entities(analysis, entity_names)
        ready = Layout(analysis, method_label, options, entity_names, self._look())
        ready.quote_spans = quote_spans
        if ready.width > 0:
            ready.lines, ready.first_line = wrap_all(options, ready.width)
        if draw and ready.width > 0:
            shown = {index for index, _line in ready.lines[:self.size.height]}
            for index in sorted(shown):
                ready.strips[self._strip_key(index, options, None)] = self._draw(options[index], ready.width, index, None)
        return ready

    def _fits(self, ready: "Layout") -> bool:
        return ready.look == self._look()

    def _look(self) -> tuple:
        """What drawn items depend on besides their text: the width and the item styles."""
        width = content_width(self) if self.is_mounted else -1
        return (width, self.get_visual_style("summary-list--option").rich_style,
                self.get_visual_style("summary-list--separator").rich_style)

    def _heading(self, text: str) -> Option:
        return Option(Text(text, self.get_component_rich_style("summary-list--heading", partial=True)), disabled=True)

    def _summary(self, analysis, method_label: str) -> list[Option]:
        sentences = analysis.summary.sentences if analysis.summary else []
        out = [self._heading(f"Summary · {method_label}" if method_label else "Summary")]
        if not sentences:
            out.append(Option(Text("No summary for this article."), disabled=True))
        from tui.app.copytext import summary_lines

        for number, text in enumerate(summary_lines(analysis), 1):
            line = Text(f"{number}. ")
            line.append(one_line(text))
            out.append(Option(line, id=f"s:{number - 1}", indent=len(f"{number}. ")))  # wrapped under its text
        return out

    def _quotes(self, analysis, spans: list) -> list[Option]:
        """One item per quotation (pieces split by an attribution joined); `spans` gets each one's span."""
        from tui.engine.quotes.groups import group_line, group_span, quote_groups

        from tui.cells import cut  # (not imported at start-up)

        groups = quote_groups(analysis.quotes, analysis.sentences)
        out = [self._heading(f"Key quotes ({len(groups)})")]
        if not groups:
            out.append(Option(Text("No quotes found."), disabled=True))
        for number, group in enumerate(groups):
            line = Text(one_line(group_line(group)))  # (after the writer's words that lead into it, if any)
            speaker = group[0].speaker
            keep = 0
            if speaker:
                keep = len(line.plain) + 1  # "— Helena Matos" on one line: never "— Helena" / "Matos"
                line.append(f" — {cut(speaker)}",  # a name at NAME_CELLS, cut with "…" (the database is untrusted)
                            self.get_component_rich_style("summary-list--speaker", partial=True))
            # wrapped under the text, not its “ (or under the writer's words that lead into it)
            out.append(Option(line, id=f"q:{number}", indent=0 if group[0].lead else 1, keep=keep))
            spans.append(group_span(group))
        return out

    def _entities(self, analysis, entity_names: list) -> list[Option]:
        out = [self._heading("Entities")]
        from tui.cells import cut  # (not imported at start-up)

        groups = entity_groups(analysis.entities)
        if not groups:
            out.append(Option(Text("No entities found."), disabled=True))
        count_style = self.get_component_rich_style("summary-list--count", partial=True)
        for key, heading, names in groups:
            out.append(self._heading(f"{heading} ({len(names)})"))
            for name, mentions in names:
                # cut with "…": a capitalised run of 1,900 characters tagged as one name filled the pane
                line = Text("  " + cut(name))
                line.append(f" ×{mentions}", count_style)
                out.append(Option(line, id=f"e:{len(entity_names)}", indent=4))
                entity_names.append((key, name))
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
            # at the last line the cursor stays (it wrapped to the first, as OptionList does: a j too many at the end
            # of the story view's list jumped to its top; the library's list stops at its end too)
            found = self._next_enabled(self.highlighted + 1, 1)
            if found is not None:
                self.highlighted = found

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            self.action_last()
        else:
            found = self._next_enabled(self.highlighted - 1, -1)
            if found is not None:  # (at the first line it stays, as at the last)
                self.highlighted = found

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

    @staticmethod
    def _look_of(option: Option, highlighted: bool) -> tuple[str, ...]:
        """The component classes an item is drawn with."""
        if option.heading:
            return ("summary-list--option", "summary-list--heading")
        if option.disabled:
            return ("summary-list--option", "summary-list--option-disabled")
        if highlighted:
            return ("summary-list--option", "summary-list--option-highlighted")
        return ("summary-list--option",)

    def _strip_key(self, index: int, options: list[Option], highlighted: int | None) -> tuple:
        look = self._look_of(options[index], index == highlighted)
        rule = self._style_of("summary-list--separator") if options[index].rule else None
        return (index, self._style_of(*look), rule)

    _drawing_styles: dict | None = None  # while render_lines runs: the component styles looked up so far

    def _style_of(self, *classes: str):
        """The rich style of these component classes. Looked up once per drawing of the visible lines (a
        look-up checks the widget's focus, hover and disabled state up its ancestors: ~20 µs a line)."""
        styles = self._drawing_styles
        if styles is None:
            return self._looked_up(classes)
        style = styles.get(classes)
        if style is None:
            style = styles[classes] = self._looked_up(classes)
        return style

    def _looked_up(self, classes: tuple[str, ...]):
        style = self.get_visual_style(*classes).rich_style
        # the highlighted item's colours raised to 4.5:1 where the theme's are below (readable.py); so the muted
        # colour of the lines no cursor stops on ("No quotes found.", a page's word on what to do)
        if "summary-list--option-highlighted" in classes:
            return readable(style)
        return legible(style) if "summary-list--option-disabled" in classes else style

    def _render_option(self, index: int) -> list[Strip]:
        """The drawn lines of one item (its rule line included), cached per style.

        Keyed by the very styles used (Textual caches them per focus state and theme), so a focus
        change or a new theme draws again only what looks different: gaining or losing focus
        changes the cursor's item, not the others.
        """
        key = self._strip_key(index, self.options, self.highlighted)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) > 4 * len(self.options) + 64:
                self._strips.clear()  # old themes and looks
            strips = self._strips[key] = self._draw(self.options[index], max(1, self._width), index, self.highlighted)
        return strips

    def _draw(self, option: Option, width: int, index: int, highlighted: int | None) -> list[Strip]:
        style = self._style_of(*self._look_of(option, index == highlighted))
        console = self.app.console
        if index == highlighted and not option.disabled or option.disabled and not option.heading:
            # a dim part (an entry's "3 articles · 3 unread", a sentence's outlet) blended into the highlight at
            # ~2.4:1: on the highlighted item it takes the highlight's own (readable) text colour; on a line no cursor
            # stops on (drawn muted already: "No quotes found.", the entity page's months), the muted one
            strips = [Strip(Segment.apply_style(text_segments(line, console), post_style=NOT_DIM))
                      .crop_extend(0, width, style).apply_style(style) for line in cut_lines(option)]
            if index == highlighted:  # a coloured part (a quote's speaker, an entity's count): readable on the cursor
                strips = [legible_parts(strip) for strip in strips]
        else:
            strips = [Strip(text_segments(line, console)).crop_extend(0, width, style).apply_style(style)
                      for line in cut_lines(option)]
        if option.rule:
            rule = self._style_of("summary-list--separator")
            strips.append(Strip([Segment("─" * width, rule)], width))
        return strips

    def _ensure_lines(self) -> None:
        """Wrap every item to the current width (once per analysis and width); set the scroll size."""
        width = content_width(self)
        if width == self._width or not self.is_mounted:
            return
        self._width = width
        self._strips.clear()
        self._lines, self._first_line = wrap_all(self.options, width) if width > 0 else ([], [])
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
        # Nothing restyles, scrolls or resizes the widget while its lines are drawn: its styles, scroll
        # position and width are looked up once, not once a line.
        self._drawing_styles = {}
        self._drawing_at = (int(self.scroll_y), max(0, self.scrollable_content_region.width))
        try:
            return super().render_lines(crop)
        finally:
            self._drawing_styles = self._drawing_at = None

    _drawing_at: tuple[int, int] | None = None  # while render_lines runs: (first line shown, width)

    def render_line(self, y: int) -> Strip:
        top, width = self._drawing_at or (int(self.scroll_y), max(0, self.scrollable_content_region.width))
        line = top + y
        if line >= len(self._lines):
            return Strip.blank(width, self._style_of("summary-list--option"))
        index, offset = self._lines[line]
        strips = self._render_option(index)
        return strips[offset] if offset < len(strips) else Strip.blank(width)
