"""Restyling a pane widget when it gains or loses focus, without laying out or repainting the screen.

Textual restyles the widget and its scrollbars on a focus change; the scrollbars' rules flip
(their scrollbar-size rules come and go), which asks for a layout of the whole screen and a full
repaint: most of the cost of `tab`. Scrollbars draw with their parent's colours, so restyling
the widget itself is all a focus change needs. Textual also repaints the whole widget on every
Focus/Blur event, even when nothing in it looks different.
"""

from __future__ import annotations

from textual import events
from textual._context import NoActiveAppError


def restyle_for_focus(widget) -> None:
    """Apply the widget's own CSS (its :focus rules, component classes), not its scrollbars'."""
    try:
        widget.app.stylesheet.apply(widget, animate=True)
    except NoActiveAppError:  # not attached to an app (a widget built alone)
        return
    # apply repaints the widget when its look changes; the scrollbars need nothing (same colours).


class QuietFocus:
    """Mixin for the pane widgets: focus changes restyle them, and repaint only if their look changed."""

    # False for a widget no :focus rule in the stylesheet applies to: then a focus change needs no
    # restyle at all (Textual's restyle re-sets every rule, which repaints the scrollbars even
    # when nothing changed). A widget that adds a :focus rule must set this back to True.
    FOCUS_RULES = True

    def watch_has_focus(self, _has_focus: bool) -> None:
        if self.FOCUS_RULES:
            restyle_for_focus(self)

    def _on_focus(self, event: events.Focus) -> None:
        # Widget._on_focus minus its unconditional refresh (prevent_default skips it).
        event.prevent_default()
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))
