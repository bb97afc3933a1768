"""The focused pane's border colour, set directly on the three panes when focus moves.

CSS `:focus-within` would do it, but Textual then restyles every widget inside the pane that
gained focus and the one that lost it (a third of the cost of opening an article). Setting the
border of three containers costs a repaint of their edges only.
"""

from __future__ import annotations

from textual.color import Color

PANES = ("#library-pane", "#article-pane", "#summary-pane")
# The stylesheet's $pane-border and $pane-border-focus.
NORMAL, FOCUS = "panel-lighten-1", "accent"


class PaneFocus:
    """Mixin for MainScreen: keeps the focused pane's border in the accent colour."""

    _border_colours: tuple[Color, Color] | None = None

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
                pane.styles.border = ("round", colour)
