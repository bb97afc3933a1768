"""The "Filter by tag…" picker (`T`): shown at once, its tags read off the UI thread.

Reading the library's tags with their counts is a whole-table query (23 ms at 100,000 articles), so a
thread worker reads it with its own Library. The picker opens at once with the tags read last time (and
reads them again for next time), or, the first time, with "loading the tags…" until they come.
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import Callable

from textual.command import CommandPalette, Hits, SimpleCommand, SimpleProvider

from tui.app import textual_fixes
from tui.app.parts.threads import deliver
from tui.textsafe import clean
from tui.app.failure import reason

TAG_CELLS = 60  # a tag's name in the picker at most

PLACEHOLDER = "Filter by tag…"
LOADING = "Filter by tag… (loading the tags…)"


class _TagProvider(SimpleProvider):
    """A SimpleProvider whose commands may come later: searches wait until `fill` gives them."""

    def __init__(self, screen, commands: list[SimpleCommand] | None) -> None:
        super().__init__(screen, commands or [])
        self._ready = asyncio.Event()
        if commands is not None:
            self._ready.set()

    @property
    def filled(self) -> bool:
        """Whether the commands are there (searches answer at once)."""
        return self._ready.is_set()

    def fill(self, commands: list[SimpleCommand]) -> None:
        """Give the commands; searches waiting for them go on (UI thread)."""
        self._commands = list(commands)
        self._ready.set()

    async def search(self, query: str) -> Hits:
        await self._ready.wait()
        async for hit in super().search(query):
            yield hit

    async def discover(self) -> Hits:
        await self._ready.wait()
        async for hit in super().discover():
            yield hit


class TagPicker:
    """`open(active)` pushes the picker over `host`; choosing a tag calls `choose(tag)` ("" for all tags)."""

    def __init__(self, host, db_path: Path, choose: Callable[[str], None]) -> None:
        self.host = host
        self.db_path = db_path
        self.choose = choose
        self.cache: list[tuple[str, int]] | None = None  # the tags read last time, with counts
        self.reading = False
        self._open: tuple[CommandPalette, _TagProvider, str] | None = None  # waiting for the worker

    def open(self, active: str) -> None:
        """Show the picker now (cached tags, or "loading…"); read the tags again in a worker."""
        cached = self.cache
        if cached is not None and not cached:
            cached = None  # no tags last time: perhaps some now, so wait for the reading
        provider = _TagProvider(self.host, self._commands(cached, active) if cached is not None else None)
        palette = textual_fixes.safe_palette(CommandPalette)(providers=[provider],
                                                             placeholder=PLACEHOLDER if cached else LOADING)
        self.host.app.push_screen(palette)
        self._open = (palette, provider, active)
        if not self.reading:
            self.reading = True
            self.host.run_worker(self._worker, name="tags", group="tags", thread=True, exit_on_error=False)

    def _commands(self, tags: list[tuple[str, int]], active: str) -> list[SimpleCommand]:
        from textual.markup import escape

        from tui.cells import clip  # (not imported at start-up)

        commands = []
        if active:
            commands.append(SimpleCommand("All tags", partial(self.choose, ""), "drop the tag filter"))
        for tag, count in tags:
            # one line: a feed's category of 300 characters wrapped over five lines of the picker at 80x24
            shown = clip(" ".join(clean(tag).split()), TAG_CELLS)
            # the palette reads a command's name as markup: a tag "[/]" stopped the app (MarkupError), one of
            # "[@click=app.quit]x[/]" showed as "x", a click on it quitting
            commands.append(SimpleCommand(escape(shown), partial(self.choose, tag),
                                          f"{count:,} article{'s' if count != 1 else ''}"))
        return commands

    def _worker(self) -> None:
        tags, error = None, ""
        try:
            from tui.app.parts.newer import open_library
            from tui.store.reader import all_tags

            with open_library(self.host, self.db_path) as lib:
                tags = all_tags(lib)
        except Exception as exc:  # a damaged library: one line, the app keeps running
            error = reason(exc, 160)
        deliver(self.host, self._read, tags, error)

    def _read(self, tags, error: str) -> None:
        self.reading = False
        if tags is not None:
            self.cache = tags
        if self._open is None:
            return
        palette, provider, active = self._open
        self._open = None
        if provider.filled:
            return  # showing the cached tags; the fresh ones are for next time
        provider.fill(self._commands(tags or [], active))
        # Through the palette's own queue: after its mount, even when the tags came before it was shown.
        palette.call_later(self._settle, palette, error, bool(tags))

    def _settle(self, palette: CommandPalette, error: str, any_tags: bool) -> None:
        if error or not any_tags:
            if self.host.app.screen is palette:
                self.host.app.pop_screen()
            if error:
                self.host.notify(f"Tags cannot be read: {error}", severity="error", markup=False)
            else:
                self.host.notify("No article in the library has tags.", severity="warning", timeout=3)
            return
        from textual.command import CommandInput

        for box in palette.query(CommandInput):
            box.placeholder = PLACEHOLDER
