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


LOOKS_KEPT = 8  # styles kept per widget (focused and not, per theme and stylesheet)


def restyle_for_focus(widget) -> None:
    """Apply the widget's own CSS (its :focus rules, component classes), not its scrollbars'.

    A widget with component classes (the summary list: 7) is restyled from what the stylesheet gave it the
    last time everything its rules match on was the same (~1.5 ms of each tab into or out of the summary
    pane was the stylesheet matching those classes again, to the same result)."""
    try:
        app = widget.app
        stylesheet = app.stylesheet
    except NoActiveAppError:  # not attached to an app (a widget built alone)
        return
    if not widget._get_component_classes():
        stylesheet.apply(widget, animate=True)
        return
    key = _match_key(widget, app)
    kept = widget.__dict__.setdefault("_focus_looks", {})
    look = kept.get(key)
    if look is None:
        stylesheet.apply(widget, animate=True)
        rules = widget.styles.base._rules
        if "transitions" not in rules:  # (an animated rule would be kept mid-way)
            if len(kept) >= LOOKS_KEPT:
                kept.clear()
            kept[key] = (dict(rules), dict(widget._component_styles))
        return
    rules, components = look
    stylesheet.replace_rules(widget, rules, animate=True)
    if widget._component_styles != components:
        widget._component_styles.clear()
        widget._component_styles.update(components)
        widget.refresh()  # what Stylesheet.apply does when the component styles change
    # apply repaints the widget when its look changes; the scrollbars need nothing (same colours).


def _match_key(widget, app) -> tuple:
    """Everything the stylesheet's rules for the widget and its component classes match on: the stylesheet and
    theme, and the type, id, classes and pseudo-classes of the widget and each of its ancestors."""
    return (app.theme, getattr(app, "_css_update_count", None), id(app.stylesheet),
            tuple((node._css_type_name, node.id, frozenset(node.classes), frozenset(node.get_pseudo_classes()))
                  for node in widget.css_path_nodes))


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
