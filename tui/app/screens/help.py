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


def help_table(overrides: dict[str, str], here: set[str] | None = None, names: dict[str, str] | None = None,
               also: dict[str, str] | None = None) -> Table:
    """A table of every binding by scope, showing the user's keys where they rebound one.

    With `here` (the key ids a page answers: help opened on the story view, an entity page, the briefing or the
    feeds list) the app's keys, then the page's under "On this page", then the rest after "Not on this page:" (pressed
    there, they say where they work: PageScreen.action_elsewhere, _not_here). `names`: what a key does on that page
    where it differs from its name in the keymap (PageScreen.KEY_NAMES: `c` on the briefing copies the briefing,
    not a "summary"). `also`: key id -> the other pages where a key listed "not on this page" works (`m` on the
    briefing: "also in the story view"; the help there named the library's sections only)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    table.add_column(style="dim")
    sections: list[tuple[str, list[tuple]]] = []

    def row(spec, here_name: bool = False) -> tuple:
        what = (names or {}).get(spec.id, spec.description) if here_name else spec.description
        if not here_name and (also or {}).get(spec.id):
            what = f"{what} — also in {also[spec.id]}"
        return keymap.display_keys(overrides.get(spec.id, spec.keys)), what, spec.id

    for scope, title in keymap.SCOPE_TITLES.items():
        rows = [row(spec) for spec in keymap.KEYS if spec.scopes[0] == scope
                and (here is None or scope == keymap.APP or spec.id not in here)]
        if scope == keymap.APP:
            rows += [(keys, what, "") for keys, what in keymap.BUILTIN]
            if here is not None:
                sections.append((title, rows))
                sections.append(("On this page", [row(spec, True) for spec in keymap.KEYS
                                                  if spec.scopes[0] != keymap.APP and spec.id in here]))
                sections.append(("", [("", Text("Not on this page:",
                                                 style="italic"), "")]))
                continue
        sections.append((title, rows))
    first = True
    for title, rows in sections:
        if not rows:
            continue  # no heading without keys under it
        if not first:
            table.add_row("", "")
        first = False
        if title:
            table.add_row("", Text(title, style="bold underline"))
        for r in rows:
            table.add_row(*r)
    return table


def page_keys(screen) -> set[str] | None:
    """The ids of the keys a page answers (None for a screen that is not a page): the app's, the pages' and its
    own bindings, not the ones that only say where they work."""
    if not getattr(screen, "IS_PAGE", False):
        return None
    from tui.app.screens.page import PageScreen

    def answered(spec) -> bool:  # not a PageScreen default that only says "not on this page"
        name = f"action_{spec.action}"
        return name not in PageScreen.SAYS_NOT_HERE or getattr(type(screen), name, None) is not getattr(PageScreen, name)

    here = {spec.id for spec in keymap.KEYS if {keymap.APP, keymap.PAGE} & set(spec.scopes)}
    for cls in type(screen).__mro__:
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id and not binding.action.startswith("elsewhere("):
                here.add(binding.id)
    if len(getattr(screen, "PANES", ())) < 2:  # tab / shift+tab have no other pane to go to (the feeds list, the
        here -= {"next_pane", "previous_pane"}  # briefing): help listed them there as the page's keys
    return {key_id for key_id in here if key_id in keymap.BY_ID and answered(keymap.BY_ID[key_id])}


def also_on(screen) -> dict[str, str]:
    """Key id -> the other pages that answer a reading key this page does not ("the story view" for `m` on the
    briefing); {} on a screen that is not a page."""
    if not getattr(screen, "IS_PAGE", False):
        return {}
    from tui.app.screens.page import in_words, pages_answering

    out = {}
    for spec in keymap.KEYS:
        pages = pages_answering(spec.id, type(screen)) if keymap.MAIN in spec.scopes else []
        if pages:
            out[spec.id] = in_words(pages)
    return out


class HelpScreen(ModalScreen[None]):
    """Lists every key; the third column is the id to use in config.toml [keys]."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
        Binding("j,down", "scroll(1)", show=False),
        Binding("k,up", "scroll(-1)", show=False),
    ]

    def __init__(self, overrides: dict[str, str], config_file: str = "", pane_help: str = "",
                 here: set[str] | None = None, names: dict[str, str] | None = None,
                 also: dict[str, str] | None = None) -> None:
        super().__init__()
        self.overrides = overrides
        self.here = here  # the key ids of the page help was opened on (None: not a page)
        self.names = names  # what its keys do there (PageScreen.KEY_NAMES)
        self.also = also  # the other pages where a key it does not answer works (also_on)
        self.config_file = config_file
        self.pane_help = pane_help

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Static("newsreader — keys · esc closes", classes="dialog-title")
            if self.pane_help:
                yield Static(Text(self.pane_help), classes="pane-help")
            self.keys_table = help_table(self.overrides, self.here, self.names, self.also)
            yield Static(self.keys_table, id="help-keys")
            note = "Rebind any key by its id in the [keys] table of " + (self.config_file or "config.toml")
            yield Static(Text(note), classes="dialog-detail")
            yield Static("esc: close", classes="dialog-detail")

    def action_scroll(self, lines: int) -> None:
        # at once (immediate): deferred to after the next refresh, each j of a burst (a held key, keys typed under load)
        # scrolled from the same place, and ten j moved the help one line
        self.query_one("#help-body").scroll_relative(y=lines, animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss(None)
