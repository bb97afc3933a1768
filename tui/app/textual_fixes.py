"""Guards around Textual 8 behaviour that keys typed in a burst can trip (issue 14, item 11).

Keys arriving together (a fast typist, a paste, a terminal replaying input) are handled before the
screen they open has been laid out or the screen they close has gone. Each guard below turns one
such crash into "the key does nothing yet".
"""

from __future__ import annotations

from textual.widgets import OptionList

_original_move_page = OptionList._move_page


def _move_page(self: OptionList, direction) -> None:
    """PageUp/PageDown in an OptionList that has no size yet (a palette opened in the same burst).

    Textual looks the highlighted option's line up in a table filled at the first layout: before it,
    `KeyError: 0`. Without lines there is no page to move by, so the key is ignored.
    """
    lines = self._index_to_line
    if not lines or (self.highlighted or 0) not in lines:
        return
    _original_move_page(self, direction)


def install() -> None:
    """Put the guards in place (idempotent; called when the app module is imported)."""
    OptionList._move_page = _move_page  # type: ignore[method-assign]
