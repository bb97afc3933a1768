"""The story view's two lists (summary · what's new · articles; quotes by speaker · entities).

They were Textual OptionLists: each filling measured every option's wrapped height with Textual's
wrap and drew lines through its styles cache (~0.2 ms a line), most of the UI thread's time when a
story opened. This list is the summary pane's (summary_list.py): items wrapped once per filling and
width with our own wrap, only the visible lines drawn, finished lines handed to the compositor
directly (direct.py). Its keys are the pages' list keys; its cursor API follows OptionList's.
"""

from __future__ import annotations

from textual.geometry import Size

from tui.app import keymap
from tui.app.widgets.scroll_size import content_width
from tui.app.widgets.summary_items import Option, wrap_all
from tui.app.widgets.summary_list import SummaryList

# The pages' keys this list handles itself (the others go to the screen).
LIST_ACTIONS = {"cursor_down", "cursor_up", "first", "last", "page_down", "page_up", "select"}


def heading(text: str) -> Option:
    """A section heading: shown, skipped by the cursor."""
    from rich.text import Text

    return Option(Text(text, style="bold underline"), disabled=True)


class StoryList(SummaryList, inherit_bindings=False):
    """A list of items (`Option`: a Text prompt, an id, disabled for headings); `enter` posts OptionSelected."""

    BINDINGS = [b for b in keymap.bindings(keymap.PAGE) if b.action in LIST_ACTIONS]
    HELP = "enter on a sentence, a quote or an article opens that article; on an entity, its page or its articles."

    def show_options(self, options: list[Option]) -> None:
        """Show these items. The cursor stays on the same item number when that is still selectable,
        else goes to the first selectable one; the view scrolls back to the top for a new list."""
        was = self.highlighted
        self.highlighted = None
        self.options = options
        self.analysis = None
        self._strips = {}
        width = content_width(self) if self.is_mounted else -1
        if width <= 0:  # not laid out yet: wrapped at the first drawing
            self._width, self._lines, self._first_line = -1, [], []
        else:
            self._width = width
            self._lines, self._first_line = wrap_all(options, width)
            self.virtual_size = Size(max(0, width), len(self._lines))
        if was is not None and was < len(options) and not options[was].disabled:
            self.highlighted = was
        else:
            self.highlighted = self._next_enabled(0, 1)
        self.refresh()

    def top(self) -> None:
        """Scroll to the first line, the cursor on the first selectable item (a story opened anew)."""
        self.highlighted = self._next_enabled(0, 1)
        self.scroll_to(y=0, animate=False, immediate=True)

    @property
    def _options(self) -> list[Option]:
        """The items (OptionList's name, for code written against it)."""
        return self.options

