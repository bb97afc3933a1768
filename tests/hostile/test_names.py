"""Names are untrusted too (issue 14, items 1 and 3): file names, paths and error text carrying escape
sequences, bidi overrides, zero-width characters, newlines or bytes that are not UTF-8 reach the terminal
only spelled out, in every output (text, JSON, the app's toast and add dialog), and never crash it."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from hostile_helpers import add_in_dialog, make_app, run_cli, terminal_bytes, workers_done
from waits import wait_until

# The attacks of issue 14 item 1, as file names (bytes: some are not even UTF-8).
CLIPBOARD = b"x\x1b]52;c;cm0gLXJmIH4K\x1b\\.txt"          # OSC 52: "rm -rf ~" into the clipboard
CLEAR = b"y\x1b[2J\x1b[3;1HCLEARED.txt"                   # clears the screen
TITLE = b"z\x1b]0;TITLE\x07.txt"                          # sets the window title
BIDI = "report\u202etxt.exe\u2066\u2069.txt".encode()     # reads as "reportexe.txt" backwards
ZERO = "zero\u200bwidth\ufeff.txt".encode()
NEWLINE = b"two\nlines.txt"
LATIN1 = b"caf\xe9.txt"                                    # not UTF-8
BAD_NAMES = [CLIPBOARD, CLEAR, TITLE, BIDI, ZERO, NEWLINE, LATIN1]
# What a reader must never get, raw.
RAW = [b"\x1b", b"\x07", "\u202e".encode(), "\u2066".encode(), "\u200b".encode(), "\ufeff".encode()]


def hidden(data: bytes) -> list[bytes]:
    """Raw control bytes and reordering/zero-width characters in `data`."""
    return terminal_bytes(data) + [r for r in RAW[2:] if r in data]


def _write(folder: Path, name: bytes, data: bytes) -> bytes:
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def make_folder(root: Path, *, good: bool = True, empty: bool = True) -> Path:
    """A folder of files with hostile names: empty ones (each fails with a reason) and, if `good`, articles."""
    folder = root / "names"
    folder.mkdir()
    for i, name in enumerate(BAD_NAMES):
        if empty:
            _write(folder, b"empty-" + name, b"")
        if good:
            body = f"Headline number {i}\n\nThe harbour council met on Monday number {i} and voted.\n".encode()
            _write(folder, name, body)
    return folder


STRICT = {"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}


@pytest.mark.parametrize("json_out", [False, True])
def test_add_folder_of_hostile_names(tmp_path, json_out):
    folder = make_folder(tmp_path)
    args = ["add", "--dry-run", str(folder)] + (["--json"] if json_out else [])
    r = run_cli(*args, env_extra=STRICT)
    assert r.returncode == 0, r.stderr[-800:]
    assert b"Traceback" not in r.stderr and b"UnicodeEncodeError" not in r.stderr, r.stderr[-800:]
    assert not hidden(r.stdout) and not hidden(r.stderr), (hidden(r.stdout), hidden(r.stderr))
    out = (r.stdout + r.stderr).decode()
    # Every name is there, spelled out: the undecodable byte as \xe9, the escape as \x1b, the newline as \n.
    for spelled in ("caf\\xe9.txt", "x\\x1b]52;c;cm0gLXJmIH4K\\x1b\\.txt", "two\\nlines.txt", "report\\u202etxt"):
        assert spelled in out or spelled.replace("\\", "\\\\") in out, spelled
    if json_out:
        records = [json.loads(line) for line in r.stdout.decode().splitlines()]
        assert len(records) == 2 * len(BAD_NAMES)  # the import went on past the bad names
        assert sum(rec["status"] == "parsed" for rec in records) == len(BAD_NAMES)
        assert any(rec["origin"].endswith("caf\\xe9.txt") for rec in records)
    else:
        # One "skipped" line per empty file: a newline in a name does not split it.
        skipped = [line for line in r.stderr.decode().splitlines() if line.startswith("skipped ")]
        assert len(skipped) == len(BAD_NAMES), r.stderr.decode()


def test_stored_names_list_and_show(tmp_path):
    """Adding for real: the 'added'/'duplicate' lines and then list/show/export under a strict stdout."""
    folder = make_folder(tmp_path, empty=False)
    db = tmp_path / "lib.db"
    for _ in range(2):  # the second run reports duplicates, naming each file
        r = run_cli("add", str(folder), db=db, env_extra=STRICT)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr[-800:]
        assert not hidden(r.stdout) and not hidden(r.stderr)
    assert b"caf\\xe9.txt" in r.stdout
    for args in (["list"], ["list", "--json"], ["export"], ["export", "--format", "json"], ["show", "1"]):
        r = run_cli(*args, db=db, env_extra=STRICT)
        assert r.returncode == 0 and not hidden(r.stdout) and not hidden(r.stderr), (args, r.stderr)


@pytest.mark.parametrize("command", ["summary", "entities", "quotes"])
def test_engine_command_error_line_names_path(tmp_path, command):
    """`summary PATH` of a missing or empty file: the one error line spells the path out."""
    for name in (CLEAR, TITLE, BIDI, LATIN1):
        path = os.path.join(os.fsencode(tmp_path), name)
        for exists in (False, True):
            if exists:
                _write(tmp_path, name, b"")
            r = run_cli(command, os.fsdecode(path), env_extra=STRICT)
            assert r.returncode == 1
            assert b"Traceback" not in r.stderr
            assert not hidden(r.stderr), r.stderr
            assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_db_path_in_error_lines(tmp_path):
    """A hostile --db path in the one-line error (missing folder, a directory, not a library)."""
    evil = tmp_path / "lib\x1b]0;TITLE\x07\u202e"
    for db in (evil / "missing" / "x.db", evil):
        if db == evil:
            evil.mkdir()
        r = run_cli("--db", str(db), "list", env_extra=STRICT)
        assert r.returncode == 1 and not hidden(r.stderr), r.stderr
    notlib = evil / "notes\x1b[2J.db"
    notlib.write_text("just text, not a database " * 100)
    r = run_cli("--db", str(notlib), "list", env_extra=STRICT)
    assert r.returncode == 1 and not hidden(r.stderr), r.stderr


def test_cleaners():
    from tui.textsafe import clean, json_safe, visible

    assert visible(b"caf\xe9\n\x1b[2J".decode("utf-8", "surrogateescape") + "\u202e") == "caf\\xe9\\n\\x1b[2J\\u202e"
    assert visible(Path("a\tb")) == "a\\tb"
    assert clean("ab\u202ecd\u2066e\u2069\u200bf\udce9") == "abcdef\ufffd"
    # Prose keeps the joiners scripts and emoji need.
    assert clean("\U0001f469\u200d\U0001f52c \u0645\u06cc\u200c\u0634\u0648\u062f") == \
        "\U0001f469\u200d\U0001f52c \u0645\u06cc\u200c\u0634\u0648\u062f"
    dumped = json_safe(json.dumps({"t": "a\u202eb\udce9"}, ensure_ascii=False))
    assert json.loads(dumped) == {"t": "a\u202eb\udce9"} and dumped.isascii()
    dumped.encode("utf-8")  # strict: no lone surrogate left


# -- the app: the import toast and the add dialog ------------------------------------------------------

async def _import_in_app(db: Path, folder: Path) -> tuple[list[str], str]:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await add_in_dialog(pilot, folder)
        await wait_until(pilot, lambda: type(app.screen).__name__ == "AddDialog" or len(app._notifications) >= 1,
                         "the import's toast or the add dialog asking again", seconds=30)
        await workers_done(app, 30)
        messages = [f"{n.title or ''} {n.message}" for n in app._notifications]
        dialog = ""
        if type(app.screen).__name__ == "AddDialog":
            dialog = str(app.screen.query_one("#add-error").render())
        assert app._exception is None, repr(app._exception)
    return messages, dialog


def _check_shown(texts: list[str]) -> None:
    for text in texts:
        assert "\x1b" not in text and "\x07" not in text, text
        assert not any(c in text for c in "\u202e\u2066\u2069\u200b\ufeff"), text
        text.encode("utf-8")  # no lone surrogate


def test_app_import_toast_and_dialog(tmp_path, app_env):
    from tui.store import Library

    db = tmp_path / "lib.db"
    Library(db).close()
    # Some articles and some failures: the toast lists the failures by name.
    (tmp_path / "mixed").mkdir()
    messages, _ = asyncio.run(_import_in_app(db, make_folder(tmp_path / "mixed")))
    assert any("Could not import" in m for m in messages), messages
    assert any("\\n" in m or "\\x" in m or "\\u" in m for m in messages), messages
    _check_shown(messages)
    # Only failures: the add dialog comes back with the first reason.
    (tmp_path / "bad").mkdir()
    messages, dialog = asyncio.run(_import_in_app(db, make_folder(tmp_path / "bad", good=False)))
    assert dialog, "the add dialog should show why nothing was imported"
    _check_shown(messages + [dialog])


def test_app_watched_folder_toast(tmp_path, app_env):
    """A watched folder is scanned in the background and each file it could not import is named in a toast: the
    same names as an import's, and they reached the toast raw (ESC ]52 into the clipboard, ESC [2J ...)."""
    from tui.app.parts import sources
    from tui.store import Library
    from tui.store.watch import add_watch

    db = tmp_path / "lib.db"
    (tmp_path / "watched").mkdir()
    folder = make_folder(tmp_path / "watched", good=False)
    with Library(db) as lib:
        add_watch(lib, str(folder))

    async def scan() -> list[str]:
        app = make_app(db)
        app.sources = True  # the tests' environment turns the timers off
        async with app.run_test(size=(120, 40)) as pilot:
            app.screen.sources.run(None, True, False, True)
            await wait_until(pilot, lambda: app._notifications, "the scan's toast")
            assert app._exception is None, repr(app._exception)
            return [f"{n.title or ''} {n.message}" for n in app._notifications]

    messages = asyncio.run(scan())
    assert any("✗" in m for m in messages), messages
    assert any("\\x1b" in m or "\\n" in m or "\\xe9" in m for m in messages), messages  # the names, spelled out
    _check_shown(messages)


def test_watched_folder_imports_every_name_once(tmp_path):
    """One file whose name is not UTF-8 made the whole scan fail (its path could not be stored as text), so no file
    of the folder came in, on every scan. Each file is imported once, and a second scan finds nothing new."""
    from tui.sources import scan_watched
    from tui.store import Library
    from tui.store.watch import add_watch

    (tmp_path / "watched").mkdir()
    folder = make_folder(tmp_path / "watched", empty=False)
    with Library(tmp_path / "lib.db") as lib:
        add_watch(lib, str(folder))
        first = scan_watched(lib)
        assert (first.new, first.errors) == (len(BAD_NAMES), [])
        again = scan_watched(lib)
        assert (again.new, again.updated, again.errors) == (0, 0, [])
        assert lib.db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(BAD_NAMES)


def test_watching_a_folder_whose_path_is_not_utf8_says_so(tmp_path):
    """Its path is kept to walk it again, and SQLite text cannot hold it: one clear line instead of
    "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udce9'"."""
    from tui.store import Library, StoreError
    from tui.store.watch import add_watch

    folder = os.path.join(os.fsencode(tmp_path), b"caf\xe9")
    os.mkdir(folder)
    with Library(tmp_path / "lib.db") as lib:
        with pytest.raises(StoreError, match=r"cannot watch .*caf\\xe9: its path is not UTF-8"):
            add_watch(lib, os.fsdecode(folder))
        assert lib.db.execute("SELECT count(*) FROM watched").fetchone()[0] == 0


def test_every_toast_is_cleaned(tmp_path, app_env):
    """A safety net under the cleaners at each call: whatever a screen or widget puts in a toast reaches it without
    escape sequences or reordering marks, its newlines kept."""
    from tui.store import Library

    db = tmp_path / "lib.db"
    Library(db).close()

    async def toast() -> list[tuple[str, str]]:
        app = make_app(db)
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen.notify("x\x1b]52;c;cm0gLXJmIH4K\x1b\\ copied\nsecond \u202eline", title="T\x1b[2Jitle",
                              markup=False)
            await pilot.pause()
            return [(str(n.title), str(n.message)) for n in app._notifications]

    assert asyncio.run(toast()) == [("Title", "x copied\nsecond line")]
