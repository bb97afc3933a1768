"""The key hints line at the bottom of the main screen: one widget drawing one line.

Textual's Footer is a container of one widget per key, rebuilt on every focus change. Our hints
are the same in every pane (the keys marked `show` in keymap.py, as the user rebound them), so
one line drawn from the keymap does it: a cheaper start-up and nothing rebuilt as focus moves.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from tui.app import keymap

PALETTE = ("^p", "palette")  # Textual's command palette (ctrl+p)


def hints(overrides: dict[str, str]) -> list[tuple[str, str, str]]:
    """(key, description, action) of every key the line shows: the main screen's, then the app's.

    The action is written as `run_action` takes it from this widget ("screen.search", "app.quit").
    """
    return [(key, description, action) for _, key, description, action in ranked_hints(overrides)]


def ranked_hints(overrides: dict[str, str], ordered=None, on_story: bool = False) -> list[tuple[str, str, str, str]]:
    """hints() with each key's id first: (id, key, description, action). `on_story`: the keys act on the story under
    the stories list's cursor (MainScreen.on_story): `c` says "Copy story"."""
    if ordered is None:
        return ranked_hints(overrides, _ordered(), on_story)
    labels = {**LABELS, **STORY_LABELS} if on_story else LABELS
    return [(spec.id, keymap.first_key(spec.id, overrides), labels.get(spec.id, spec.description), _action(spec))
            for spec in ordered]


FIRST = ("open", "next_pane")
LABELS = {"back_or_quit": "Back/Quit", "next_pane": "Pane", "copy_summary": "Copy", "next_method": "Method",
          "add": "Add", "stories": "Stories", "briefing": "Briefing", "feeds": "Feeds",
          "refresh": "Refresh"}  # shorter than in help: the line is narrow
STORY_LABELS = {"copy_summary": "Copy story"}  # in the stories list `c` copies the story under the cursor
# Which hints stay when the line is too narrow for all of them, most needed first (by use: open, leave, find,
# help, add, copy; then moving between panes; the others are a press of ? away). At 80 columns the first seven
# and the palette fit; all but F and R from 109, F too from 118, every hint from 129 (F and R were in no footer: a
# reader keeping up with feeds found them only in help). A hint not listed here goes first.
KEEP = ("open", "back_or_quit", "search", "help", "add", "copy_summary", "next_pane", "next_method", "stories",
        "briefing", "feeds", "refresh")


def fitting(shown: list[tuple[str, str, str, str]], room: int) -> list[tuple[str, str, str, str]]:
    """The hints (id, key, description, action) that fit in `room` cells, in their order: the least needed
    (KEEP) left out first."""
    def cells(hint) -> int:
        return cell_len(f" {hint[1]} {hint[2]} ")

    kept = list(shown)
    by_need = sorted(kept, key=lambda h: KEEP.index(h[0]) if h[0] in KEEP else len(KEEP))
    while kept and sum(cells(h) for h in kept) > room:
        kept.remove(by_need.pop())
    return kept


def _ordered() -> list:
    shown = [spec for spec in keymap.KEYS if spec.show]
    # enter and tab first (how to get anywhere), then the main screen's keys, then the app's.
    first = [s for s in shown if s.id in FIRST]
    return (sorted(first, key=lambda s: FIRST.index(s.id))
            + [s for s in shown if keymap.MAIN in s.scopes and s.id not in FIRST]
            + [s for s in shown if keymap.MAIN not in s.scopes and s.id not in FIRST])


def _action(spec) -> str:
    """The action as run_action takes it from this widget."""
    if "." in spec.action:
        return spec.action
    if keymap.MAIN in spec.scopes:
        return "screen." + spec.action
    if keymap.APP in spec.scopes:
        return "app." + spec.action
    return "focused." + spec.action


class KeyBar(Widget):
    """`/ Search  c Copy summary  …` on the left, `^p palette` on the right; a click runs the key's action."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    def __init__(self) -> None:
        super().__init__()
        self._spots: list[tuple[int, int, str]] = []  # (first cell, end cell, action) of each drawn hint
        self.story_shown = False  # drawn with the stories list's words ("c Copy story")

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="ellipsis")
        spots = []
        key, description = PALETTE
        right = Text.assemble(("▏", text_style), (f"{key} ", key_style), (f"{description} ", text_style))
        on_story = getattr(self.screen, "on_story", None)
        self.story_shown = bool(on_story()) if callable(on_story) else False
        shown = ranked_hints(getattr(self.app, "user_keys", {}), on_story=self.story_shown)
        for _, key, description, action in fitting(shown, self.size.width - right.cell_len):
            start = line.cell_len
            line.append(f" {key} ", key_style)
            line.append(f"{description} ", text_style)
            spots.append((start, line.cell_len, action))
        room = self.size.width - line.cell_len - right.cell_len
        if room >= 0:  # the hints were fitted to leave the palette its cells: at 109 columns they fill them exactly
            line.append(" " * room)
            spots.append((line.cell_len, line.cell_len + right.cell_len, "app.command_palette"))
            line.append_text(right)
        self._spots = spots
        return line

    async def on_click(self, event) -> None:
        for start, end, action in self._spots:
            if start <= event.x < end:
                await self.run_action(action)
                return
