"""The library's search box: always visible, but reached with `/` (or a click), not by tab.

Kept out of the tab order so tabbing through the panes never lands in a text box where
`q` and the other single-letter keys would be typed instead of acting.
"""

from __future__ import annotations

from textual.widgets import Input


class SearchBox(Input):
    """An Input that only accepts focus when asked to (see `arm`)."""

    armed = False

    def arm(self) -> "SearchBox":
        """Allow the next focus (from `/` or a click)."""
        self.armed = True
        return self

    def allow_focus(self) -> bool:
        return self.armed or self.has_focus

    def on_blur(self) -> None:
        self.armed = False

    def on_mouse_down(self) -> None:
        self.arm()
        self.focus()
