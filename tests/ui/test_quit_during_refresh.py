"""`Q` while `R` waits for a slow feed: the app ended only when that fetch did (19 s in tmux with a server answering
after 20 s; a server that never answers: the read timeout, 20 s), its screen blank meanwhile. The refresh ran as a
Textual thread worker, in asyncio's default executor, which the app waits for as it exits. It ends at once now; the
fetch is left to the process's end (what it had not stored is not stored: the library is a WAL database)."""

from __future__ import annotations

import asyncio
import select

from pilot_steps import connection_still_open, settle, silent_server, wait_until

from tui.store import Library
from tui.store.feeds import add_feed


def test_quitting_while_a_refresh_waits_for_a_server_does_not_wait_for_it(library, make_app):
    path, _ = library
    listener = silent_server()
    port = listener.getsockname()[1]
    with Library(path) as lib:
        add_feed(lib, f"http://127.0.0.1:{port}/feed.xml", "Stalled Gazette")

    async def run() -> None:
        app = make_app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await wait_until(pilot, lambda: select.select([listener], [], [], 0)[0], "the refresh's connection")
            await pilot.press("Q")

    try:
        asyncio.run(run())
        # the request read, the connection still open: the fetch had not given up (timed out) before the app ended
        assert connection_still_open(listener), "the app waited for the refresh's fetch to time out before it ended"
    finally:
        listener.close()
