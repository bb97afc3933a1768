"""What the app logs (a grouping of new articles that failed, with its traceback) goes to the app's log file, never
to the terminal: the package's loggers had no handler, so Python's last-resort handler wrote the traceback to stderr
(swallowed by Textual while the app runs, on the terminal once it has given it back; here, headless, Textual passes
it on to the real stderr). The failure's toast says where the details are."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pilot_steps import settle, shown_toasts, wait_until

from tui.app.dialogs import AddDialog

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("size, details", [
    ((80, 24), "\nDetails:\n~/.local/state/newsreader/log/\nnewsreader.log"),  # not folded mid-name by the toast
    ((200, 50), "\nDetails: ~/.local/state/newsreader/log/newsreader.log")])
async def test_a_failed_grouping_s_traceback_goes_to_the_log_not_the_terminal(library, make_app, tmp_path,
                                                                             monkeypatch, capfd, size, details):
    import logging

    import tui.stories
    from tui.app.parts import sources

    # as in the program run from a shell: no handler on the root logger (pytest's own log capture puts some there,
    # which kept the record from Python's last-resort handler)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    # the user's log folder (on Linux ~/.local/state/newsreader/log), in a home of the test's
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.delenv("NEWSREADER_LOG", raising=False)
    log = tmp_path / ".local" / "state" / "newsreader" / "log" / "newsreader.log"
    monkeypatch.setattr(sources, "_GROUPING_SAID", [])  # (nothing said before in this process)

    def refused(lib, *args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(tui.stories, "group_new", refused)
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")  # an import groups what it added: here that fails
        assert isinstance(app.screen, AddDialog)
        app.screen.query_one("#add-path").value = str(FIXTURES / "new-article.txt")
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: any("Stories not grouped" in t for t in shown_toasts(app)),
                         lambda: shown_toasts(app))
        said = next(t for t in shown_toasts(app) if "Stories not grouped" in t)
    assert said == "✗ Stories not grouped: database disk image is malformed" + details
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "malformed" not in out + err, (out, err)
    written = log.read_text(encoding="utf-8")
    assert "WARNING tui.app.parts.sources: the new articles could not be grouped into stories" in written, written
    assert "Traceback (most recent call last)" in written and "DatabaseError: database disk image is malformed" in written


async def test_the_libraries_loggers_go_to_the_app_s_log_while_it_runs(library, make_app, tmp_path, monkeypatch,
                                                                      capfd):
    """trafilatura, feedparser and asyncio log through loggers of their own (a NullHandler at most): while the app ran,
    their records reached Python's last-resort handler, as the package's did before (swallowed by Textual, on the
    terminal once it was given back). They go to the app's log now, never the terminal."""
    import logging

    from pilot_steps import settle

    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # as in the program run from a shell
    log = tmp_path / "state" / "newsreader.log"
    monkeypatch.setenv("NEWSREADER_LOG", str(log))
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        logging.getLogger("trafilatura.core").error("discarding data: %s", "no main text")
        logging.getLogger("asyncio").error("Task exception was never retrieved")
        logging.getLogger("feedparser").warning("a feed of an unknown character set")
        logging.getLogger("htmldate.core").info("info is not kept")
    out, err = capfd.readouterr()
    assert "discarding data" not in out + err and "never retrieved" not in out + err, (out, err)
    written = log.read_text(encoding="utf-8")
    assert "ERROR trafilatura.core: discarding data: no main text" in written, written
    assert "ERROR asyncio: Task exception was never retrieved" in written
    assert "WARNING feedparser: a feed of an unknown character set" in written
    assert "info is not kept" not in written
