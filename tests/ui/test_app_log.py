"""What the app logs (a grouping of new articles that failed, with its traceback) goes to the app's log file, never
to the terminal: the package's loggers had no handler, so Python's last-resort handler wrote the traceback to stderr
(swallowed by Textual while the app runs, on the terminal once it has given it back; here, headless, Textual passes
it on to the real stderr). The failure's toast says where the details are."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pilot_steps import settle, shown_toasts, wait_until

from tui.app.dialogs import AddDialog

FIXTURES = Path(__file__).parent / "fixtures"


async def test_a_failed_grouping_s_traceback_goes_to_the_log_not_the_terminal(library, make_app, tmp_path,
                                                                             monkeypatch, capfd):
    import logging

    import tui.stories
    from tui.app.parts import sources

    # as in the program run from a shell: no handler on the root logger (pytest's own log capture puts some there,
    # which kept the record from Python's last-resort handler)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    log = tmp_path / "state" / "newsreader.log"
    monkeypatch.setenv("NEWSREADER_LOG", str(log))
    monkeypatch.setattr(sources, "_GROUPING_SAID", [])  # (nothing said before in this process)

    def refused(lib, *args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(tui.stories, "group_new", refused)
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")  # an import groups what it added: here that fails
        assert isinstance(app.screen, AddDialog)
        app.screen.query_one("#add-path").value = str(FIXTURES / "new-article.txt")
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: any("Stories not grouped" in t for t in shown_toasts(app)),
                         lambda: shown_toasts(app))
        said = next(t for t in shown_toasts(app) if "Stories not grouped" in t)
    assert said == f"✗ Stories not grouped: DatabaseError: database disk image is malformed (details: {log})"
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "malformed" not in out + err, (out, err)
    written = log.read_text(encoding="utf-8")
    assert "WARNING tui.app.parts.sources: the new articles could not be grouped into stories" in written, written
    assert "Traceback (most recent call last)" in written and "DatabaseError: database disk image is malformed" in written
