"""The yardstick: a bare Textual app that shows one line of text (argv[1]), started the same way as newsreader."""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App):
    """Nothing but a Static: what any Textual app pays to reach its first paint."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


if __name__ == "__main__":
    BareApp(sys.argv[1] if len(sys.argv) > 1 else "bare app ready").run()
