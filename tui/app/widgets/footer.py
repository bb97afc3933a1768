"""Textual's Footer, redrawn only when the keys it shows change."""

from __future__ import annotations

from textual.widgets import Footer


def _shown(screen) -> tuple:
    """What the footer would show: every displayed binding with its enabled state and tooltip."""
    return tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                 for _node, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)


class QuietFooter(Footer):
    """Textual's footer recomposes on every focus change (its widgets rebuilt, the screen laid out
    and repainted whole: most of the cost of opening an article or switching panes). Our footer
    keys are the same in every pane, so it recomposes only when they really change."""

    _last: tuple | None = None

    def bindings_changed(self, screen) -> None:
        shown = _shown(screen)
        if self._bindings_ready and shown == self._last and self.children:
            return  # drawn already, and with these very keys
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._last = shown  # Footer recomposes in this case only
        super().bindings_changed(screen)
