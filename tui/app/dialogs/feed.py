"""The "add feed" prompt (a URL and the full-text option) and the "remove feed" question."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from tui.app.dialogs.path_input import PathInput, path_like
from tui.app.textual_fixes import closed_before_mount


class FullTextBox(Checkbox, inherit_bindings=False):
    """The full-text option: space turns it on and off; enter is left to the dialog (add the feed)."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]

    @property
    def _button(self):
        """The box holds an X only when the option is on: Textual's shows one either way, on and off told apart by
        its colour alone, and walk36 took an option left off for on (256 colours, the box focused)."""
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button


class OpmlFile(str):
    """The add-feed dialog's answer for an OPML file of feeds (its path, ~ expanded): subscribe to its list."""


class AddFeedDialog(ModalScreen[tuple[str, bool] | OpmlFile | None]):
    """Dismisses with (url, full text) on enter, an OpmlFile for the path of an OPML list of feeds, or None (`esc`).
    The URL is checked here (http/https, a host) so a typo is said at once; the fetch itself happens after, in the
    background. A path is a file of this computer: an OPML list is subscribed to (as `newsreader feed import`); any
    other file, or none there, is said in the prompt (an OPML file's path was "URL has no host")."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "submit", "Add", show=False)]

    def __init__(self, error: str = "", value: str = "", full_text: bool = False) -> None:
        super().__init__()
        self.error = error
        self.value = value
        self.full_text = full_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Add a feed: an RSS, Atom or JSON Feed URL, a page that announces one, or an OPML "
                         "file of feeds", classes="dialog-title")
            # (a path typed, an OPML list's: `tab` completes it; after a URL `tab` goes on to the full-text option)
            yield PathInput(value=self.value, placeholder="https://example.org/feed.xml", id="feed-url",
                            paths=path_like)
            yield FullTextBox("Fetch each item's page for its full text", self.full_text, id="feed-full-text")
            yield Static(Text(self.error), id="feed-error", classes="dialog-error")
            self.keys_shown = self.keys_line(self.value)
            yield Static(self.keys_shown, id="feed-keys", classes="dialog-detail")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#feed-error").display = bool(self.error)
        self.query_one("#feed-full-text").display = not path_like(self.value)
        self.query_one("#feed-url", Input).focus()

    URL_KEYS = "enter: add · tab, space: full text on/off · esc: cancel"
    # a path typed (an OPML list's): tab completes it (PathInput), and the full-text option is not the list's (one
    # line at 80 columns, as the library's add dialog says it)
    PATH_KEYS = "enter: add · tab: complete the path · esc: cancel"

    @classmethod
    def keys_line(cls, value: str) -> str:
        """The key line for what the box holds: it said "tab, space: full text on/off" while tab completed a path."""
        return cls.PATH_KEYS if path_like(value) else cls.URL_KEYS

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "feed-url" and (wanted := self.keys_line(event.value)) != self.keys_shown:
            self.keys_shown = wanted
            self.query_one("#feed-keys", Static).update(wanted)
            # the full-text option is a feed's, never an OPML list's: hidden while a path is typed (it stayed shown,
            # and could be turned on, for a file), back with its value when the box holds a URL again
            self.query_one("#feed-full-text").display = wanted == self.URL_KEYS

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        """Dismiss with the URL typed, or say in the prompt why it cannot be fetched."""
        from tui.sources.http import FetchError, check_url

        url = self.query_one("#feed-url", Input).value.strip()
        if not url:
            return
        if (problem := self._file(url)) is not None:
            if isinstance(problem, OpmlFile):
                self.dismiss(problem)
            else:
                self._say(problem)
            return
        if "://" not in url:
            url = "https://" + url  # "example.org/feed.xml", as people type it
        try:
            check_url(url)
        except FetchError as exc:
            self._say(str(exc))
            return
        self.dismiss((url, self.query_one("#feed-full-text", Checkbox).value))

    def _say(self, problem: str) -> None:
        from tui.cells import echoed

        error = self.query_one("#feed-error", Static)
        error.update(Text(echoed(problem, 200)))
        error.display = True

    @staticmethod
    def _file(typed: str) -> OpmlFile | str | None:
        """What a path typed here is: an OpmlFile, a line saying why it is no feed, or None for a URL (no path of
        this computer: not "/…", "~…" or "./…", nor a file there)."""
        import os

        from tui.textsafe import visible

        path = os.path.expanduser(typed)
        if not typed.startswith(("/", "~", "./", "../")) and not os.path.isfile(path):
            return None
        shown = visible(typed)
        if not os.path.exists(path):
            return f"{shown}: no such file (a feed is added by its URL, https://…, a list of feeds by its OPML file)"
        if not os.path.isfile(path):
            return f"{shown}: not a file (a feed is added by its URL, a list of feeds by its OPML file)"
        from tui.sources.opml import looks_like_opml

        try:
            with open(path, "rb") as fh:
                head = fh.read(4096)
        except OSError as exc:
            return f"{shown}: {exc.strerror or exc}"
        if looks_like_opml(head):
            return OpmlFile(path)
        return (f"{shown}: a file, not a feed's URL nor an OPML list: `a` in the library adds a file's articles "
                "(a saved feed's items too)")

    def action_cancel(self) -> None:
        self.dismiss(None)


class RemoveFeedDialog(ModalScreen[str | None]):
    """Dismisses with "delete" (`y`: the feed and its articles), "keep" (`k`: the feed, its articles
    stay) or None (`n`, `esc`)."""

    BINDINGS = [
        Binding("y", "answer('delete')", "Remove, delete articles"),
        Binding("k", "answer('keep')", "Remove, keep articles"),
        Binding("n,escape", "answer(None)", "Cancel"),
    ]

    def __init__(self, name: str, total: int) -> None:
        super().__init__()
        self.feed_name = name
        self.total = total

    def compose(self) -> ComposeResult:
        articles = f"{self.total:,} article{'s' if self.total != 1 else ''}"
        with Vertical(classes="dialog"):
            yield Static(Text(f"Remove the feed {self.feed_name}?"), classes="dialog-title")
            yield Static(Text(f"It has {articles} in the library. y removes the feed and deletes them (an article "
                              "another feed also delivered stays); k removes the feed and keeps them."),
                         classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Delete articles (y)", variant="error", id="delete")
                yield Button("Keep articles (k)", variant="warning", id="keep")
                yield Button("Cancel (n)", id="cancel")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id if event.button.id in ("delete", "keep") else None)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
