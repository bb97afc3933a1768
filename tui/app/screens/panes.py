"""The focused pane's border colour, set directly on the three panes when focus moves.

CSS `:focus-within` would do it, but Textual then restyles every widget inside the pane that
gained focus and the one that lost it (a third of the cost of opening an article). Setting the
border of three containers costs a repaint of their edges only.
"""

from __future__ import annotations

from textual.color import Color
from textual.geometry import Region

PANES = ("#library-pane", "#article-pane", "#summary-pane")
# The stylesheet's $pane-border and $pane-border-focus.
NORMAL, FOCUS = "panel-lighten-1", "accent"


class PaneFocus:
    """Mixin for MainScreen: keeps the focused pane's border in the accent colour."""

    _border_colours: tuple[Color, Color] | None = None

    def watch_focused(self, old, new) -> None:
        # At once, inside set_focus: the Blur/Focus/DescendantFocus messages that would do it
        # arrive after the next frame, costing a second screen update per key. Setting
        # `has_focus` now restyles both widgets in this frame (the messages then change nothing).
        for widget, focus in ((old, False), (new, True)):
            if widget is not None and widget.is_attached:
                widget.has_focus = focus
        self.mark_focused_pane()

    def on_descendant_focus(self) -> None:
        self.mark_focused_pane()

    def on_descendant_blur(self) -> None:
        self.mark_focused_pane()

    def theme_changed(self) -> None:
        """Pick the colours up again from the new theme."""
        self._border_colours = None
        self.mark_focused_pane()

    def mark_focused_pane(self) -> None:
        """Accent border on the pane that holds the focus, the normal one on the others."""
        if self._border_colours is None:
            variables = self.app.get_css_variables()
            self._border_colours = (Color.parse(variables[NORMAL]), Color.parse(variables[FOCUS]))
        normal, focus = self._border_colours
        focused = self.focused
        holders = set(focused.ancestors_with_self) if focused is not None else set()
        for selector in PANES:
            pane = self.query_one(selector)
            colour = focus if pane in holders else normal
            if pane.styles.border_top != ("round", colour):
                _recolour_border(pane, colour)


EDGES = ("border_top", "border_right", "border_bottom", "border_left")


def _recolour_border(pane, colour: Color) -> None:
    """Set the pane's border colour and repaint its four edges only.

    (`styles.border = ...` repaints the whole pane, every line of the widgets inside it: most of
    the cost of a focus move.)
    """
    inline = pane.styles.inline
    for edge in EDGES:
        inline.set_rule(edge, ("round", colour))
    if not pane.is_mounted or not pane.outer_size:
        pane.refresh()
        return
    width, height = pane.outer_size  # border included (size is the content)
    # refresh() takes regions relative to the content, which starts inside the border.
    x, y = -pane.content_offset.x, -pane.content_offset.y
    pane.refresh(Region(x, y, width, 1), Region(x, y + height - 1, width, 1),
                 Region(x, y, 1, height), Region(x + width - 1, y, 1, height))
