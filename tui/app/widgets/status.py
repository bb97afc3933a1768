"""One-line status texts that are only re-set when they change."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def set_text(widget: Static, text: Text) -> None:
    """Show `text` in `widget` unless it already shows exactly that.

    Static.update asks for a new layout of the screen by default (and so a full repaint), which
    is wasted when the status did not change, as on most article opens, and when the widget's
    height is fixed: new text cannot change its size then (the width is the pane's).
    """
    if getattr(widget, "_shown_text", None) == text:
        return
    widget._shown_text = text
    height = widget.styles.height
    widget.update(text, layout=height is None or height.is_auto)


TOAST_TITLE = 60  # cells of an article title in a toast


def toast_title(title: str, cells: int = TOAST_TITLE) -> str:
    """An article title (one clean line) for a toast: whole when it fits `cells` (TOAST_TITLE) cells, else cut and
    ended with "…" (it was cut at 60 characters with none, as if that were the whole title)."""
    from tui.cells import clip

    return clip(title, cells)


def toast_fold(app) -> int:
    """Cells a title or a name named in a copy toast is cut to on the app's screen now: TOAST_TITLE from 120 columns
    on, one line of the toast below (where copy toasts take their short form, tui/clipboard.py NARROW_TOAST)."""
    from tui.clipboard import NARROW_TOAST

    cells = toast_text_cells(app)
    return TOAST_TITLE if cells >= NARROW_TOAST else max(12, cells - 8)


def toast_text_cells(app) -> int:
    """Cells of text on a line of a toast on the app's screen now: Textual's toast is 60 cells wide (at most half the
    screen), 42 on a narrow screen (app.tcss), less its border and padding (3 cells)."""
    size = app.size.width
    toast = 42 if app.screen.has_class("-narrow") else min(60, size // 2)
    return max(8, min(toast, size) - 3)


class LibraryStatus(Static):
    """The library's status line. Its text is fitted to its width (the active filter and how to clear it come
    first and are shortened to fit), so it is made again when the width changes."""

    def on_resize(self) -> None:
        update = getattr(self.screen, "update_library_status", None)
        if update is not None:
            update()
