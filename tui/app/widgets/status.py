"""One-line status texts that are only re-set when they change."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def set_text(widget: Static, text: Text) -> None:
    """Show `text` in `widget` unless it already shows exactly that.

    Static.update always asks for a new layout of the screen (and so a full repaint), which is
    wasted when the status did not change, as on most article opens.
    """
    if getattr(widget, "_shown_text", None) == text:
        return
    widget._shown_text = text
    widget.update(text)
