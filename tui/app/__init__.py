"""The Textual UI (the only package that imports textual). `run(db_path)` starts it."""

from __future__ import annotations

import gc
from pathlib import Path


def preflight(db_path: Path, lib=None) -> None:
    """Read what the first screen shows before taking over the terminal.

    A library with damaged pages opens fine and fails on its first real read; failing here
    gives the user one clear line (StoreError) instead of a traceback inside the UI.
    """
    import sqlite3

    from tui.store import Library, StoreError

    try:
        if lib is not None:
            _first_reads(lib)
        else:
            with Library(db_path) as opened:
                _first_reads(opened)
    except sqlite3.DatabaseError as exc:
        from tui.textsafe import visible

        # the path as typed may hold control characters: spelled out, never sent to the terminal as they are
        where = visible(str(db_path))
        raise StoreError(f"{where} is damaged ({visible(str(exc))}); it was left untouched. `newsreader --db {where}"
                         " doctor` says how to rescue what is readable into a new library") from None


def _first_reads(lib) -> None:
    lib.count()
    first = lib.rows(0, 200)
    if first:
        lib.get(first[0].id)


def run(db_path: Path, lib=None) -> int:
    """Open the reading UI on the library at `db_path`; returns the exit code.

    `lib`, when given, is that library already open: the app uses it (and closes it) instead of
    opening the file again.
    """
    # No garbage collection until the first paint (MainScreen turns it back on): the imports and
    # the first screen make objects that live as long as the app, and collecting while they are
    # made costs tens of milliseconds of start-up for nothing.
    gc.disable()
    try:
        preflight(Path(db_path), lib)
    except BaseException:
        if lib is not None:
            lib.close()
        raise
    from tui.app.app import NewsreaderApp

    app = NewsreaderApp(Path(db_path), lib=lib)
    app.run()
    return app.return_code or 0
