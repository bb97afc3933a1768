"""Switching screens for what changes: `esc` back to the library, `enter` on a story opened before.

Two things Textual does on every switch that our screens skip:

- Restyling the whole screen shown again (ScreenResume), in case the theme or the stylesheet changed while
  it was hidden. The restyle repaints what it touches (the story view's lists and their scrollbars: a
  second screen update after the first) and cost ~5 ms of an `enter` on a story opened before. A screen
  keeps its styles while hidden: a class changed on it meanwhile restyles at once, and a theme or
  stylesheet change counts up the app's CSS updates. So a screen shown again with the same theme, size
  and CSS count is not restyled; otherwise it is.
- Repainting the screen on top for what changes on the screen under it. Textual counts the screen right
  under the top one among the "background" screens that may show through it, even when the top one is
  opaque, and repaints the top screen where the one under it changed: the whole of it once more right
  after it is pushed (the screen under it is refreshed as it is suspended), and the library's status
  line's area whenever the background pass's progress moves while the story view is open. Under an
  opaque screen nothing of ours shows; it is repainted whole when it is shown again.
"""

from __future__ import annotations

from textual._context import NoActiveAppError


def _looks(screen) -> tuple:
    """What the whole screen's styles depend on beyond its own classes."""
    app = screen.app
    return app.theme, app.size, getattr(app, "_css_update_count", None)


class QuickSwitch:
    """Mixin for a screen (before Screen in the bases): no restyle when shown again unchanged, and no repaint
    of an opaque screen over it for what changes under it."""

    _suspended_looks: tuple | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The width classes for the terminal's size now, before anything is styled: set at the first resume
        # instead, they restyled the whole screen just mounted (23 M instructions before the first paint: 7 % of what
        # newsreader's start-up adds to a bare Textual app's). The first resume then calls breakpoints_changed, as
        # when it set them.
        self._preset_breakpoints = False
        try:
            width = self.app.size.width
        except NoActiveAppError:  # a screen made outside an app (tests): set at the first resume
            return
        classes = self._width_classes(width)
        if classes:
            self.update_classes(classes, update=False)  # nothing to restyle yet
            self._preset_breakpoints = True

    def _on_screen_suspend(self) -> None:
        self._suspended_looks = _looks(self)

    def _on_screen_resume(self, event) -> None:
        # Runs before Screen's own handler, which restyles when `refresh_styles` is still set.
        resized = self._suspended_looks is not None and self._suspended_looks[1] != self.app.size
        if self._suspended_looks is not None and self._suspended_looks == _looks(self):
            event.refresh_styles = False
        self._suspended_looks = None
        preset, self._preset_breakpoints = self._preset_breakpoints, False
        if self._apply_breakpoints() or resized or preset:
            self.breakpoints_changed()

    def _apply_breakpoints(self) -> bool:
        """Set the width breakpoint classes (-narrow, -wide, ...) for the terminal's size now. Textual sets them
        only on the screen shown when the terminal is resized: a screen hidden under another one (the library
        under a story) could keep the old ones, and come back at a new width laid out for the old one. True when
        a class changed."""
        classes = self._width_classes(self.app.size.width)
        if not classes:
            return False
        self.update_classes(classes, animate=False)
        return True

    def _width_classes(self, width: int) -> dict[str, bool] | None:
        """The breakpoint classes to switch on and off at `width`; None when they are set as they should be."""
        points = self.HORIZONTAL_BREAKPOINTS
        if points is None:
            points = self.app.HORIZONTAL_BREAKPOINTS
        if not points:
            return None
        on = self._get_breakpoint_classes(width, points)
        if all(self.has_class(name) == (name in on) for _, name in points):
            return None
        return {name: name in on for _, name in points}

    def breakpoints_changed(self) -> None:
        """A screen shown again at another terminal size than it was hidden at (its width classes now set)."""

    def _compositor_refresh(self) -> None:
        app = self.app
        top = app.screen
        if top is not self and not app.is_inline and top.styles.background.a >= 1:
            # Hidden under an opaque screen (see the module): what changed is drawn when this one is shown.
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()
            return
        super()._compositor_refresh()
