"""A failure the app says (a toast, a page's line) is one plain line, never a Python error's name, repr or traceback
(session 37: an app left running while its code was updated showed "AttributeError: 'StoryRow' object has no
attribute ..." in a toast). Every place that turns a caught exception into text goes through tui.app.failure."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from pilot_steps import settle, shown_toasts, wait_until
from story_sample import make_story_library

from tui.app import failure
from tui.store import StoreError

APP = Path(__file__).parents[2] / "tui" / "app"


def test_a_reason_written_for_people_is_its_message_on_one_line():
    assert failure.reason(sqlite3.OperationalError("database disk image\nis malformed")) == \
        "database disk image is malformed"
    assert failure.reason(StoreError("/home/ana/news.db is read-only")) == "/home/ana/news.db is read-only"
    said = failure.reason(FileNotFoundError(2, "No such file or directory", "/home/ana/feeds\x1b[2J.opml"))
    assert said.startswith("no such file or directory: /home/ana/feeds") and "\x1b" not in said, said
    assert failure.could_not("read the story", ValueError("no date in 'Tuesday'")) == \
        "Could not read the story: no date in 'Tuesday'"


@pytest.mark.parametrize("exc", [AttributeError("'StoryRow' object has no attribute 'undated'"), KeyError("title"),
                                 TypeError("unhashable type: 'list'"), ImportError("cannot import name 'ADDED_MARK'"),
                                 IndexError()])
def test_a_fault_inside_newsreader_is_said_in_words_and_logged(exc, monkeypatch):
    logged = []
    monkeypatch.setattr(failure.log, "warning", lambda *args, **kwargs: logged.append(kwargs.get("exc_info")))
    monkeypatch.setattr(failure, "STARTED", 2 ** 40)  # no file newer than the app
    said = failure.reason(exc)
    assert said.startswith("a fault inside newsreader (details: ") and "\n" not in said, said
    assert type(exc).__name__ not in said and "'" not in said
    assert logged and logged[0][1] is exc  # its traceback in the app's log
    monkeypatch.setattr(failure, "STARTED", 0)  # the code's files changed after the app started
    assert failure.reason(exc) == failure.UPDATED
    assert failure.could_not("show this", exc) == "Could not show this: " + failure.UPDATED


def test_no_toast_path_formats_an_exception_itself():
    """The app's code names no exception's type nor writes an exception into a message but through tui.app.failure
    (a log line may; a newer library's own first line, NewerLibrary's, is said by the screen as it is)."""
    found = []
    for path in APP.rglob("*.py"):
        if path.name == "failure.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"type\(exc\)\.__name__|\{exc\}|\{exc!r\}|repr\(exc\)|str\(exc\)\.split\(\)", line) \
                    and "log." not in line:
                found.append(f"{path.relative_to(APP)}:{number}: {line.strip()}")
    assert not found, found


async def test_the_copy_of_a_story_that_fails_inside_says_one_plain_line(tmp_path, make_app, monkeypatch):
    """`c` on a story whose summary fails (here: the code changed under the running app) toasts one plain line."""
    import tui.stories.story_memo as memo

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)

    def changed(*args, **kwargs):
        raise AttributeError("'StoryRow' object has no attribute 'undated'")

    monkeypatch.setattr(memo, "story_summary_kept", changed)
    monkeypatch.setattr(memo, "kept_story_summary", lambda *args: None)
    monkeypatch.setattr(failure, "STARTED", 0)
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: any("Could not" in t for t in shown_toasts(app)), "the failure's toast")
        said = [t for t in shown_toasts(app) if "Could not" in t]
        assert said == ["Could not read the story: " + failure.UPDATED], said
