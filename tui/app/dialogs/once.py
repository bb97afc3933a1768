"""A modal dialog that answers once: a second enter (or y) in the same burst is ignored."""

from __future__ import annotations

from textual.screen import ModalScreen


class OnceDialog(ModalScreen):
    """`answer(result)` dismisses the dialog the first time and does nothing after.

    Two keys that both dismiss (enter enter typed fast) reach the dialog before it has left the
    screen stack; dismissing twice popped the main screen too (Textual's ScreenStackError).
    """

    _answered = False

    def answer(self, result) -> None:
        """Dismiss with `result`, unless the dialog already answered."""
        if self._answered or not self.is_active:
            return
        self._answered = True
        self.dismiss(result)
