"""Steps the Pilot tests share."""

from __future__ import annotations

from contextlib import asynccontextmanager

from waits import wait_until  # noqa: F401  (the Pilot tests import it from here)


async def settle(pilot) -> None:
    """Wait for every worker (analysis, search, clipboard), the queued read/star marks (parts/marks.py) and
    the repaint after them."""
    await workers_done(pilot)
    if await marks_written(pilot):
        await workers_done(pilot)  # the recount the written marks started
    await pilot.pause()


async def workers_done(pilot, rounds: int = 50) -> None:
    """Wait until no worker is running. Textual's `wait_for_complete` raises WorkerCancelled when the app
    cancels a worker meanwhile (an exclusive worker replaced by a newer one: a list reload started again), which
    is the app at work, not a failure: then wait again for what is left. A worker that FAILED still raises."""
    from textual.worker import WorkerCancelled

    for _ in range(rounds):
        try:
            await pilot.app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            await pilot.pause()
    await pilot.app.workers.wait_for_complete()


async def marks_written(pilot) -> bool:
    """Wait until the marks queued for the writer thread are written and their callbacks (`done`: rows and
    count refreshed) have run; True if some were waiting. Waits in a thread of its own: the UI thread goes on
    (and tests that check no wait for the marks happens on the UI thread still see none)."""
    import asyncio

    marks = next((s.marks for s in reversed(pilot.app.screen_stack) if hasattr(s, "marks")), None)
    if marks is None or not marks.pending:
        return False
    await asyncio.to_thread(marks.settle)
    await asyncio.to_thread(marks.handed_over, 10)  # the callbacks handed to the UI thread have run
    await pilot.pause()
    return True


async def wait_prepared(pilot) -> None:
    """Wait (sleeping: nothing drawn the app would not draw) until the main screen has prepared the article under
    the library cursor, as it does while the cursor rests (parts/open_ahead.py)."""
    screen = pilot.app.screen

    def prepared() -> bool:
        ready = screen.ahead.ready
        return ready is not None and not ready.steps and ready.article_id == screen.articles.current.id

    await wait_until(pilot, prepared, "the article under the cursor was never prepared", step=0.02, nudge=False)


@asynccontextmanager
async def started(app, size=(160, 48), *, keys: str | tuple[str, ...] = (), stories: bool = False):
    """`async with started(app, (80, 24)) as (pilot, screen)`: APP run at SIZE and settled (its list read); yields the
    pilot and the screen shown. `keys` (a key or a tuple of them): pressed and settled first; `stories=True`: `v`
    pressed and settled first (the stories list shown)."""
    keys = (keys,) if isinstance(keys, str) else tuple(keys)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if stories:
            keys = ("v", *keys)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)
        yield pilot, app.screen


def palette_options(app) -> list[str]:
    """The first lines of the options the command palette (or the tag picker) on screen lists; [] when none."""
    lists = app.screen.query("CommandList")
    if not lists:
        return []
    widget = lists.first()
    return [str(widget.get_option_at_index(i).prompt).split("\n")[0] for i in range(widget.option_count)]


async def palette_names(pilot, at_least: int, seconds: float = 10.0) -> list[str]:
    """Wait until the palette on screen lists `at_least` options; returns them."""
    return await wait_until(pilot, lambda: len(names := palette_options(pilot.app)) >= at_least and names,
                            lambda: f"{at_least} options in the palette: {palette_options(pilot.app)}", seconds)


async def palette_type(pilot, words: str) -> None:
    """Type WORDS into the palette on screen and wait until its first option holds them (as enter will pick it)."""
    await pilot.press(*words)
    await wait_until(pilot, lambda: (names := palette_options(pilot.app)) and words.casefold() in names[0].casefold(),
                     lambda: f"{words!r} first in the palette: {palette_options(pilot.app)}")


def shown_toasts(app) -> list[str]:
    """The messages of the toasts on screen now, oldest first."""
    return [str(n.message) for n in app._notifications]


def toasts_stay(app, monkeypatch, seconds: float = 600.0) -> None:
    """Every toast APP shows from now on stays `seconds` unless one of its kind replaces it or it is cleared: its own
    2-12 s can run out under load before a test looks at what is shown (Textual drops an expired toast)."""
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: notify(message, **{**kw, "timeout": seconds}))


def toasts_of(app, monkeypatch) -> list[str]:
    """Every toast message the app shows from now on (still shown as well)."""
    said: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (said.append(message), notify(message, **kw)))
    return said


def library_status(screen) -> str:
    """The library's status line (count, unread, filter) as shown."""
    return str(screen.query_one("#library-status").render())


async def status_says(pilot, screen, shown: str) -> None:
    """Wait until the library's status line says `shown` (the unread count lands after the list)."""
    await wait_until(pilot, lambda: shown in library_status(screen), lambda: f"{shown!r} in {library_status(screen)!r}")


async def open_help(pilot, app):
    """`?`, waited for and settled; returns the help screen."""
    from tui.app.screens.help import HelpScreen

    await pilot.press("question_mark")
    await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), lambda: app.screen)
    await settle(pilot)
    return app.screen


def upgraded_by_newer(path) -> None:
    """What a newer newsreader's first open leaves: the schema's version above this one's."""
    import sqlite3

    from tui.store.schema import SCHEMA_VERSION

    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        con.commit()
    finally:
        con.close()


async def open_briefing(pilot):
    """`b` from the library, settled (the briefing's stories read); returns the briefing page."""
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    await settle(pilot)
    return pilot.app.screen


async def open_first(pilot):
    """Open the newest article and wait for its analysis; returns the main screen."""
    await pilot.press("g", "enter")
    await settle(pilot)
    return pilot.app.screen


@asynccontextmanager
async def opened_first(app, size=(80, 24), **run):
    """`async with opened_first(app) as (pilot, main)`: APP run at SIZE (80x24 unless told; `run`: run_test's other
    arguments, as notifications=True) with its newest article open and analysed (open_first); yields the pilot and the
    main screen."""
    async with app.run_test(size=size, **run) as pilot:
        yield pilot, await open_first(pilot)


async def open_first_story(pilot) -> None:
    """`v` into story mode, then `g` `enter` on the first story, settled (its summary shown)."""
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("g", "enter")
    await settle(pilot)
    await settle(pilot)


async def open_person_from_story(pilot, name: str):
    """On the story view: `enter` on NAME in the side list's entities, settled; returns the entity page."""
    story = pilot.app.screen
    index = next(i for i, (_kind, entity) in enumerate(story.entity_names) if entity == name)
    side = story.query_one("#story-quotes")
    story.set_focus(side)
    side.highlighted = side.get_option_index(f"e:{index}")
    await pilot.press("enter")
    await settle(pilot)
    await settle(pilot)
    return pilot.app.screen


def fake_browser(tmp_path, monkeypatch):
    """$BROWSER set to a program that writes the link it is given to a file; returns that file's path."""
    import stat
    import sys
    import webbrowser

    got = tmp_path / "browser-got.txt"
    browser = tmp_path / "fake-browser"
    browser.write_text(f"#!{sys.executable}\nimport sys\nopen({str(got)!r}, 'w').write(sys.argv[1])\n")
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("BROWSER", str(browser))
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read $BROWSER again
    monkeypatch.setattr(webbrowser, "_browsers", {})
    return got


async def press_o_for_link(pilot, got) -> str:
    """Press `o` and wait (up to 5 s) for the fake browser (`fake_browser`) to write the link it was given to `got`;
    returns that link ("" when none came)."""
    await pilot.press("o")
    await settle(pilot)
    try:  # the file is there and written (opened and written are two steps of the browser's)
        return await wait_until(pilot, lambda: got.exists() and got.read_text(), seconds=5.0)
    except AssertionError:
        return ""


NO_SYSTEM_CLIPBOARD = "no system clipboard (no display; common over SSH)"


@asynccontextmanager
async def copied_over_ssh(make_app, path, monkeypatch, size=(80, 24)):
    """`async with copied_over_ssh(make_app, path, monkeypatch) as (pilot, app)`: as over SSH, no system clipboard,
    the copy's text sent to the terminal only (the longest copy toast: several lines at 80 columns). The app on the
    library at PATH runs at SIZE with notifications shown, its first article open and `c` pressed and settled; its
    toast is still shown when this yields."""
    from tui import clipboard

    monkeypatch.setattr(clipboard, "copy_system", lambda text: NO_SYSTEM_CLIPBOARD)
    app = make_app(path)
    async with opened_first(app, size, notifications=True) as (pilot, _main):
        app.has_terminal = lambda: True
        await pilot.press("c")
        await settle(pilot)
        assert app._notifications, "the copy said nothing"
        yield pilot, app


def covered_cells(screen, widget) -> list[tuple[int, int]]:
    """The cells of `widget` where the screen shows something that is not it or inside it."""
    region = widget.region
    covered = []
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            shown, _ = screen.get_widget_at(x, y)
            if shown is not widget and widget not in shown.ancestors:
                covered.append((x, y))
    return covered


def silent_server():
    """A listening socket on 127.0.0.1 that accepts and never answers (a stalled server); its port is
    `.getsockname()[1]`. The caller closes it."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    return listener


def connection_still_open(listener) -> bool:
    """Accept the connection a fetch made to `silent_server` and read its request: True when the connection is still
    open after it (the fetch was still waiting), False when it had ended (the fetch gave up, timed out)."""
    listener.settimeout(5)
    client, _ = listener.accept()
    client.setblocking(False)
    try:
        while True:
            try:
                data = client.recv(65536)
            except BlockingIOError:
                return True
            if not data:
                return False
    finally:
        client.close()
