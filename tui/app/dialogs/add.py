"""The "add article" prompt: a path to a file, folder or feed; import errors are shown right here."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.dialogs.path_input import PathInput
from tui.app.textual_fixes import closed_before_mount


class AddDialog(ModalScreen[str | None]):
    """Dismisses with the path typed (enter) or None (`esc`)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, error: str = "", value: str = "") -> None:
        super().__init__()
        self.error = error
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Add articles: a .txt, .md or .html file, a feed, a folder, or a web page's URL",
                         classes="dialog-title")
            yield PathInput(value=self.value, placeholder="~/Downloads/article.txt", id="add-path")
            yield Static(Text(self.error), id="add-error", classes="dialog-error")
            yield Static("enter: import · tab: complete the path · esc: cancel", classes="dialog-detail")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#add-error").display = bool(self.error)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        if path:
            self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
