"""`?`: every key, generated from the keymap (so rebound keys show as the user set them)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app import keymap


def help_table(overrides: dict[str, str]) -> Table:
    """A table of every binding by scope, showing the user's keys where they rebound one."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    table.add_column(style="dim")
    first = True
    for scope, title in keymap.SCOPE_TITLES.items():
        rows = [(keymap.display_keys(overrides.get(spec.id, spec.keys)), spec.description, spec.id)
                for spec in keymap.KEYS if spec.scopes[0] == scope]
        if scope == keymap.APP:
            rows += [(keys, what, "") for keys, what in keymap.BUILTIN]
        if not rows:
            continue  # no heading without keys under it
        if not first:
            table.add_row("", "")
        first = False
        table.add_row("", Text(title, style="bold underline"))
        for row in rows:
            table.add_row(*row)
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; the third column is the id to use in config.toml [keys]."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
        Binding("j,down", "scroll(1)", show=False),
        Binding("k,up", "scroll(-1)", show=False),
    ]

    def __init__(self, overrides: dict[str, str], config_file: str = "", pane_help: str = "") -> None:
        super().__init__()
        self.overrides = overrides
        self.config_file = config_file
        self.pane_help = pane_help

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Static("newsreader — keys", classes="dialog-title")
            if self.pane_help:
                yield Static(Text(self.pane_help), classes="pane-help")
            yield Static(help_table(self.overrides))
            note = "Rebind any key by its id in the [keys] table of " + (self.config_file or "config.toml")
            yield Static(Text(note), classes="dialog-detail")
            yield Static("esc: close", classes="dialog-detail")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body").scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
