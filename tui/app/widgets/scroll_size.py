"""Changing what a scroll view holds without laying out the whole screen again.

Textual's `virtual_size` asks for a new layout of the screen whenever it changes, and a new
layout repaints every widget: about half the cost of opening an article. A new size only needs
a layout when a scrollbar appears or disappears; otherwise updating the scrollbar is enough.
Widgets use it by declaring `virtual_size = quiet_virtual_size()` and calling
`relayout_if_needed` from their `watch_virtual_size`.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


def quiet_virtual_size() -> Reactive:
    """A `virtual_size` reactive that repaints the widget but does not ask for a layout."""
    return Reactive(Size(0, 0), layout=False)


def relayout_if_needed(widget, old: Size, new: Size) -> None:
    """After `virtual_size` changed from `old` to `new`: lay out if the scrollbars change, else just update them."""
    if not widget.is_mounted:
        return
    box = widget.container_size
    if _bars(widget, old, box) != _bars(widget, new, box):
        # A scrollbar comes or goes: the content region changes. Show or hide it now, or the
        # layout would do it and then ask for a second layout, a frame later.
        widget._refresh_scrollbars()
        widget.refresh(layout=True)
    else:
        widget._scroll_update(new)  # same scrollbars: new thumb size and position only


def _bars(widget, size: Size, box: Size) -> tuple[bool, bool]:
    """Whether the vertical and horizontal scrollbars show for content of `size` in `box`."""
    styles = widget.styles
    return (_shown(styles.overflow_y, size.height > box.height), _shown(styles.overflow_x, size.width > box.width))


def _shown(overflow: str, overflows: bool) -> bool:
    # "scroll": always there (an empty track when all fits); "hidden": never; "auto": when needed.
    return overflow == "scroll" or (overflow == "auto" and overflows)


def content_width(widget) -> int:
    """The width a pane widget's lines are wrapped to: its own, or, while it is hidden (the reading
    panes of the narrow layout before an article is opened), the width it will have there (its
    full-width pane, less the pane's border and padding, its own padding and its scrollbar)."""
    width = widget.scrollable_content_region.width
    if width > 0 or not widget.is_attached:
        return width
    pane = widget.parent
    outer = widget.screen.size.width - (pane.styles.gutter.width if pane is not None else 0)
    return max(0, outer - widget.styles.gutter.width - widget.styles.scrollbar_size_vertical)
