"""The app on a library that cannot be written (a read-only mount, file or folder: Library.readonly) says so once and
writes nothing, as on a damaged one: reading works, an opened article is analysed for the screen and not cached.

Before: the app said nothing at start; opening an article showed "Analysis failed: StoreError: … is read-only" where
the summary goes and a toast "Could not mark the article read", and the background pass stopped with a toast of its
own. The library is made to open read-only as in tests/cli/test_read_only_library.py (the tests run as root, whom
chmod does not stop)."""

from __future__ import annotations

import hashlib
import sqlite3

from pilot_steps import settle

from damaged_pages import harbour_library

WHY = "on a read-only file system"


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_read_only_library_is_said_once_and_never_written(tmp_path, make_app, monkeypatch):
    from tui.store import library

    path = tmp_path / "lib.db"
    harbour_library(path, n=30)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setattr(library, "why_read_only", lambda p: WHY)
    app = make_app(path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen = app.screen
        await settle(pilot)
        said = [m for m in _messages(app) if "read-only" in m]
        assert len(said) == 1 and WHY in said[0] and "Reading works" in said[0], _messages(app)

        await pilot.press("enter")  # reading works: analysed for the screen, not cached, not marked read
        await settle(pilot)
        assert screen.article is not None and screen.analysis is not None
        await pilot.press("f")  # a star: refused with the reason
        await settle(pilot)
        assert _messages(app)[-1] == f"Not marked starred: {path} is read-only ({WHY}).", _messages(app)
        assert len(_messages(app)) == 2, _messages(app)  # nothing failed on the way (a read mark, an analysis)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM analysis").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM articles WHERE read = 1 OR starred = 1").fetchone()[0] == 0
    con.close()
