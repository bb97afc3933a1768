"""The story view's two lists (summary · what's new · articles; quotes by speaker · entities).

They were Textual OptionLists: each filling measured every option's wrapped height with Textual's
wrap and drew lines through its styles cache (~0.2 ms a line), most of the UI thread's time when a
story opened. This list is the summary pane's (summary_list.py): items wrapped once per filling and
width with our own wrap, only the visible lines drawn, finished lines handed to the compositor
directly (direct.py). Its keys are the pages' list keys; its cursor API follows OptionList's.
"""

from __future__ import annotations

from collections import OrderedDict

from textual.geometry import Size

from tui.app import keymap
from tui.app.widgets.scroll_size import content_width
from tui.app.widgets.summary_items import Option, heading, wrap_all  # noqa: F401  (heading: imported from here)
from tui.app.widgets.summary_list import SummaryList

# The pages' keys this list handles itself (the others go to the screen).
LIST_ACTIONS = {"cursor_down", "cursor_up", "first", "last", "page_down", "page_up", "select"}


class StoryList(SummaryList, inherit_bindings=False):
    """A list of items (`Option`: a Text prompt, an id, disabled for headings); `enter` posts OptionSelected."""

    BINDINGS = [b for b in keymap.bindings(keymap.PAGE) if b.action in LIST_ACTIONS]
    HELP = "enter on a sentence, a quote or an article opens that article; on an entity, its page or its articles."

    FINISHED_KEPT = 4000  # finished lines kept (direct.py): the drawn lines of the kept lists
    KEPT = 16  # lists whose wrapped and drawn lines are kept, to show again at once

    def __init__(self, *, id: str | None = None, help: str = "") -> None:
        super().__init__(id=id)
        if help:
            self.HELP = help  # what enter does on this page's list (the help screen shows it first)
        # id(items) -> (items, width, lines, first lines, drawn lines): the latest last
        self._kept: OrderedDict[int, tuple] = OrderedDict()

    def show_options(self, options: list[Option]) -> None:
        """Show these items. The cursor stays on the same item number when that is still selectable,
        else goes to the first selectable one.

        A list shown before (the very same list object, at the same width) comes back with its lines as
        they were wrapped and drawn: nothing is wrapped or drawn again."""
        was = self.highlighted
        self.highlighted = None
        self._keep()
        self.options = options
        self.analysis = None
        width = content_width(self) if self.is_mounted else -1
        kept = self._kept.get(id(options))
        if kept is not None and kept[0] is options and kept[1] == width > 0:
            _options, self._width, self._lines, self._first_line, self._strips = kept
            self.virtual_size = Size(width, len(self._lines))
        elif width <= 0:  # not laid out yet: wrapped at the first drawing
            self._strips = {}
            self._width, self._lines, self._first_line = -1, [], []
        else:
            self._strips = {}
            self._width = width
            self._lines, self._first_line = wrap_all(options, width)
            self.virtual_size = Size(max(0, width), len(self._lines))
        if was is not None and was < len(options) and not options[was].disabled:
            self.highlighted = was
        else:
            self.highlighted = self._next_enabled(0, 1)
        self.refresh()

    def prepare(self, options: list[Option], wrapped: tuple | None = None) -> None:
        """Wrap these items and draw their first screen of lines ahead (the cursor on the first selectable
        item, as a story opened anew shows them; a few at a time from a timer: _draw_ahead), cut where the screen
        update will cut them (direct.py), and keep them: showing this very list later copies them. `wrapped`: (width, wrap_all's answer at that width)
        made already (the story view's read ahead, in its thread), used while the list is that wide."""
        width = content_width(self) if self.is_mounted else -1
        if width <= 0 or self.holds(options, width):
            return
        if wrapped is not None and wrapped[0] == width and wrapped[1] is not None:
            lines, first = wrapped[1]
        else:
            lines, first = wrap_all(options, width)
        cursor = next((i for i, o in enumerate(options) if not o.disabled), None)
        strips: dict[tuple, list] = {}
        self._kept[id(options)] = (options, width, lines, first, strips)
        self._trim()
        indexes = sorted({index for index, _line in lines[:self.size.height]})
        self.set_timer(0.001, lambda: self._draw_ahead(options, width, cursor, indexes, strips))

    DRAW_SLICE = 0.003  # seconds of the UI thread the drawing ahead takes in one go
    DRAW_QUIET = 0.03  # seconds after a key or mouse event before the drawing ahead goes on

    def _draw_ahead(self, options: list[Option], width: int, cursor: int | None, indexes: list[int],
                    strips: dict) -> None:
        """Draw these items' lines (and finish them: direct.py) into `strips`, the kept list's drawn lines, from a
        timer (the story view's two lists, prepared in one call, are drawn in turns). After DRAW_SLICE of the UI thread
        the rest waits for a later turn of the event loop, so a key pressed meanwhile is
        handled first: the first screen of a big story's two lists took 20-30 ms in one go, a j/k waiting behind it
        (session 30). Drawn lines a showing of the list needs before they are all drawn are drawn then (render_line),
        as without any drawn ahead; one the list has dropped meanwhile (kept no longer) is not drawn on."""
        import time

        kept = self._kept.get(id(options))
        if kept is None or kept[0] is not options or kept[4] is not strips or not self.is_mounted:
            return  # dropped from the kept lists meanwhile
        last_key = getattr(getattr(self.app, "idle_gc", None), "last_input", None)  # (app.py: any key or mouse)
        if last_key is not None and time.monotonic() - last_key < self.DRAW_QUIET:
            self.set_timer(self.DRAW_QUIET, lambda: self._draw_ahead(options, width, cursor, indexes, strips))
            return  # a key is being handled and drawn: its turns of the event loop first
        clock = time.thread_time
        began = clock()
        while indexes:
            index = indexes.pop(0)
            key = self._strip_key(index, options, cursor)
            if key not in strips:
                drawn = strips[key] = self._draw(options[index], width, index, cursor)
                self.finish_ahead(drawn)
            if indexes and clock() - began >= self.DRAW_SLICE:
                self.set_timer(0.001, lambda: self._draw_ahead(options, width, cursor, indexes, strips))
                return

    def holds(self, options: list[Option], width: int) -> bool:
        """Whether this very list's lines are kept wrapped at `width` (shown before, or prepared), or are the list's
        own now at that width (the story shown last: it was wrapped again on the UI thread when read ahead again)."""
        if self.options is options and self._width == width:
            return True
        kept = self._kept.get(id(options))
        return kept is not None and kept[0] is options and kept[1] == width

    def _keep(self) -> None:
        """Keep the list shown now with its wrapped and drawn lines (their styles are in the keys of the drawn
        lines, so a change of theme or focus draws again what it changes)."""
        if self.options and self._width > 0:
            self._kept[id(self.options)] = (self.options, self._width, self._lines, self._first_line, self._strips)
            self._kept.move_to_end(id(self.options))
            self._trim()

    def _trim(self) -> None:
        while len(self._kept) > self.KEPT:
            self._kept.popitem(last=False)

    def _ensure_lines(self) -> None:
        if self.is_mounted and content_width(self) != self._width:
            self._strips = {}  # a new dict (SummaryList clears it in place): a kept list keeps its width's lines
        super()._ensure_lines()

    def top(self) -> None:
        """Scroll to the first line, the cursor on the first selectable item (a story opened anew)."""
        self.highlighted = self._next_enabled(0, 1)
        self.scroll_to(y=0, animate=False, immediate=True)

    @property
    def _options(self) -> list[Option]:
        """The items (OptionList's name, for code written against it)."""
        return self.options

