"""A library upgraded by a newer newsreader while the app runs (another window, `newsreader` of a newer version): the
views the app opens anew read it as it is, read-only, after saying so once (MainScreen.library_newer). They failed one
by one ("This story cannot be read: StoreError: … please upgrade", an article's analysis, the tag picker)."""

from __future__ import annotations

from pathlib import Path

from tui.app.parts.threads import deliver
from tui.store import Library
from tui.store.library import NewerLibrary, read_newer_as_is


def open_library(host, db_path: Path) -> Library:
    """`Library(db_path)` for a worker thread of `host` (a screen, or a part with `.app`): a library found upgraded by a
    newer newsreader is read as it is from then on (store.read_newer_as_is: read-only, nothing written) and the main
    screen told, on the UI thread (it says so once and stops what writes)."""
    try:
        return Library(db_path)
    except NewerLibrary as exc:
        read_newer_as_is(db_path)
        deliver(host, tell_main, host, str(exc).splitlines()[0] if str(exc) else "")
        return Library(db_path)


def tell_main(host, problem: str) -> None:
    """The main screen's library_newer(problem), on the UI thread."""
    from tui.app.screens.main import MainScreen

    app = getattr(host, "app", None)
    main = next((s for s in reversed(getattr(app, "screen_stack", ()) or ()) if isinstance(s, MainScreen)), None)
    if main is not None:
        main.library_newer(problem)
