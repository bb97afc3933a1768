"""Hostile input on the newest story paths (sessions 20-21): the settle that `stories`, `story` and `brief` run first
(tui.stories.settle: the articles placed one at a time since the last window are regrouped as one) over rows edited
by hand or half-written: stored grouping features of the wrong shape, counts rows (the grouping lease, the window
mark, the story id counter) holding text or bytes, a membership whose source no longer matches the stored figures;
a library another program is writing (the app importing while the CLI runs `stories`), and a read-only one. Each:
the stories listed (settled where the library allows it), exit 0, at most one line on stderr; never a traceback, a
wait behind the other writer, or an escape sequence."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hostile_helpers import run_cli, terminal_bytes

from tui.cli import main
from tui.models import Article
from tui.store import Library

PIER = ('Councillors in Wexmoor voted on {day} to reopen the old ferry pier after a two-year closure, approving a '
        'repair plan worth 3.1 million pounds.\n\n"The town has waited long enough for its ferry," said Mayor Dalia '
        'Fenwick after the vote.\n\nRepairs by Calder Marine are due to begin in April, the council said.')
STORM = ('Storm Hester closed the port of Lindqvist on {day}, and ferries to the islands were cancelled.\n\n'
         '"Nobody should travel tonight," said harbour master Ines Corrado.\n\nThe storm is expected to pass by '
         'Sunday, forecasters at the Lindqvist weather office said.')


def waiting_library(db: Path) -> Path:
    """Five articles of two events from three outlets, grouped one at a time as they landed (group_new): all five
    wait for their window, which the story commands' settle regroups."""
    from tui.stories import group_new

    with Library(db) as lib:
        for i, (text, source, day) in enumerate([(PIER, "Harbour Radio", "Tuesday"), (PIER, "Evening Lantern", "Tuesday evening"),
                                                 (PIER, "Coast Daily", "Tuesday night"), (STORM, "Harbour Radio", "Friday"),
                                                 (STORM, "Coast Daily", "Friday night")]):
            title = "Wexmoor to reopen its ferry pier" if text is PIER else "Storm Hester shuts Lindqvist port"
            lib.add(Article(title=f"{title} ({source})", body=text.format(day=day), source=source,
                            published=f"2026-03-0{3 + i % 3}"))
            group_new(lib)
    return db


def damage(db: Path, *statements: str) -> None:
    con = sqlite3.connect(db)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def run(db: Path, capsys, *args: str) -> tuple[str, str]:
    """`newsreader --db DB ARGS` in this process: exit 0, no control character on stdout or stderr."""
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    assert code == 0, (args, err)
    assert not terminal_bytes(out.encode()) and not terminal_bytes(err.encode()), (args, out[-300:], err)
    return out, err


def settled(db: Path) -> list[int]:
    """The story sizes, once nothing waits for its window any more (the window mark is the last grouped article)."""
    from tui.stories.regroup_window import WINDOW_MARK, pending

    with Library(db) as lib:
        assert pending(lib) == 0
        mark = lib.db.execute("SELECT value FROM counts WHERE name = ?", (WINDOW_MARK,)).fetchone()[0]
        assert mark == lib.db.execute("SELECT max(article_id) FROM story_articles").fetchone()[0]
        return sorted(r[0] for r in lib.db.execute("SELECT size FROM stories"))


DAMAGE = {
    # the stored features of the wrong shape: weights not a whole number of floats, or not bytes at all ("bytes length
    # not a multiple of item size", "a bytes-like object is required": the command failed)
    "features of the wrong length": ["UPDATE story_features SET weights = X'01', sketch = X'0203'"],
    "features of the wrong types": ["UPDATE story_features SET words = X'00', weights = '', sketch = 7"],
    # counts rows edited by hand ("'>' not supported between instances of 'str' and 'int'")
    "the grouping lease as text": ["INSERT OR REPLACE INTO counts VALUES ('story_grouping', 'later')"],
    "the grouping lease as bytes": ["INSERT OR REPLACE INTO counts VALUES ('story_grouping', X'00')"],
    # a lease no grouper takes (120 s at a time): one ending in the year 146 billion kept every grouper out for good
    "the grouping lease far ahead": ["INSERT OR REPLACE INTO counts VALUES ('story_grouping', 4611686018427387904)"],
    "the story id counter as text": ["INSERT OR REPLACE INTO counts VALUES ('story_ids', 'x')"],
    # a window mark of text sorts after every id: nothing waited for a window again, ever (and SQL's max() kept it)
    "the window mark as text": ["INSERT OR REPLACE INTO counts VALUES ('story_window_mark', 'abc')"],
    # the memberships' sources no longer those of the stored figures: the window's renumbering of a regrouped story
    # met the stale figures ("UNIQUE constraint failed: story_sources.story_id, story_sources.source")
    "member sources as bytes": ["UPDATE story_articles SET source = X'1b5b324a', unread = 'u'"],
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_the_story_commands_settle_over_rows_edited_by_hand(tmp_path, capsys, name):
    db = waiting_library(tmp_path / "lib.db")
    damage(db, *DAMAGE[name])
    out, err = run(db, capsys, "stories")
    assert "Wexmoor" in out and "Lindqvist" in out and not err, err
    assert settled(db) == [2, 3]
    story = sqlite3.connect(db).execute("SELECT id FROM stories ORDER BY size DESC").fetchone()[0]
    out, _ = run(db, capsys, "story", str(story), "--format", "md")
    assert "Dalia Fenwick" in out
    out, _ = run(db, capsys, "brief", "--since", "3650d", "--format", "md")
    assert "Wexmoor" in out


def test_a_settle_that_fails_in_the_store_still_lists_the_stories(tmp_path, capsys, monkeypatch):
    """The settle is a write a reading command makes on the way: a store error in it (a damaged row the store
    refuses) leaves the stories as they were and says so in one line; `stories` still lists them."""
    import tui.stories
    from tui.store.library import StoreError

    db = waiting_library(tmp_path / "lib.db")

    def refused(lib):
        raise StoreError("library error (lib.db): UNIQUE constraint failed: story_sources.story_id")

    monkeypatch.setattr(tui.stories, "settle", refused)
    out, err = run(db, capsys, "stories")
    assert "Wexmoor" in out and "Lindqvist" in out
    assert err.count("\n") == 1 and "not regrouped" in err and "UNIQUE" in err, err


HOLD = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE articles SET read = read WHERE id = 1")
print("holding", flush=True)
sys.stdin.read()  # until the test closes it
"""


def test_the_story_commands_do_not_wait_behind_another_writer(tmp_path):
    """The app importing (a write transaction held) while `newsreader stories | story | brief` runs: the settle is
    left out and the stories shown as they are, at once; before, each command waited for the lock to go (up to 50 x
    10 s, then "locked by another program"). An article not grouped yet is named in one line."""
    db = waiting_library(tmp_path / "lib.db")
    with Library(db) as lib:
        lib.add(Article(title="Lindqvist ferries run again", body=STORM.format(day="Saturday"), source="Coast Daily",
                        published="2026-03-06"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        for args in (["stories"], ["story", "1", "--format", "md"], ["brief", "--since", "3650d", "--format", "md"]):
            try:
                r = run_cli(*args, db=db, timeout=120)
            except subprocess.TimeoutExpired:
                pytest.fail(f"{args}: waited behind the other writer")
            err = r.stderr.decode()
            assert r.returncode == 0 and b"Wexmoor" in r.stdout, (args, err)
            assert not terminal_bytes(r.stdout) and not terminal_bytes(r.stderr)
            assert err == "1 article not in a story yet: another program is writing the library; run it again later\n", err
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    r = run_cli("stories", db=db)  # the writer gone: settled as usual
    assert r.returncode == 0 and not r.stderr, r.stderr
    assert settled(db) == [3, 3]


def test_a_read_only_library_lists_its_stories_and_names_what_is_not_grouped(tmp_path):
    """A read-only library (a read-only mount) with an article that came after its last grouping: the stories are
    listed as they are, and one line says the article is in none (it said nothing: the article was simply absent)."""
    from test_broken_library import tmpfs

    with tmpfs(tmp_path / "ro", "8m") as folder:
        db = waiting_library(folder / "lib.db")
        assert run_cli("stories", db=db).returncode == 0  # settled while it could be written
        with Library(db) as lib:
            lib.add(Article(title="Lindqvist ferries run again", body=STORM.format(day="Saturday"),
                            source="Coast Daily", published="2026-03-06"))
        r = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
        if r.returncode != 0:
            pytest.skip(f"cannot remount read-only: {r.stderr.decode().strip()}")
        for args in (["stories"], ["brief", "--since", "3650d", "--format", "md"]):
            r = run_cli(*args, db=db)
            assert r.returncode == 0 and b"Wexmoor" in r.stdout and b"Lindqvist" in r.stdout, (args, r.stderr)
            assert r.stderr.decode() == "1 article not in a story yet: the library is read-only\n", r.stderr



def _writer_after_the_check(monkeypatch, holder_of):
    """Another program (the connection holder_of() gives at each call) takes the write lock just after the command
    found the library free (Library.free_to_write) and before it writes. Patches free_to_write; returns (the real
    free_to_write, the patched one, let_go: the other program's transaction ended)."""
    real = Library.free_to_write

    def free_then_taken(self, wait=1.0):
        free = real(self, wait)
        holder = holder_of()
        if free and not holder.in_transaction:
            holder.execute("BEGIN IMMEDIATE")  # the other writer, at exactly that moment
        return free

    def let_go():
        if holder_of().in_transaction:
            holder_of().execute("ROLLBACK")

    monkeypatch.setattr(Library, "free_to_write", free_then_taken)
    return real, free_then_taken, let_go


def _main_beside_a_writer(holder, let_go, argv):
    """Run the command line while `holder` (another writer) holds the library; `let_go` ends its transaction (also
    after 60 s, only so that a command that waits ends, and fails the test). Returns the exit code and whether the
    writer still held the lock when the command was done (it did not wait for it)."""
    release = threading.Timer(60, let_go)
    release.start()
    try:
        code = main(argv)
        held = holder.in_transaction
    finally:
        release.cancel()
        let_go()
        holder.close()
    return code, held


def test_the_settle_gives_up_on_a_writer_that_came_after_the_check(tmp_path, capsys, monkeypatch):
    """Another program takes the write lock just after the command found the library free (free_to_write) and
    before the settle writes: the settle gives up within about a second, as if the lock had been held at the check
    (the same one line), instead of waiting behind that writer (up to 50 x 10 s, before)."""
    db = waiting_library(tmp_path / "lib.db")
    with Library(db) as lib:
        lib.add(Article(title="Lindqvist ferries run again", body=STORM.format(day="Saturday"), source="Coast Daily",
                        published="2026-03-06"))
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    real, _, let_go = _writer_after_the_check(monkeypatch, lambda: holder)
    code, held = _main_beside_a_writer(holder, let_go, ["--db", str(db), "stories"])
    out, err = capsys.readouterr()
    assert code == 0 and "Wexmoor" in out and "Lindqvist" in out, err
    assert held, "the settle waited for the other writer to let go"
    assert err == "1 article not in a story yet: another program is writing the library; run it again later\n", err
    monkeypatch.setattr(Library, "free_to_write", real)
    out, err = run(db, capsys, "stories")  # the writer gone: settled as usual
    assert not err and settled(db) == [3, 3]


def test_a_settle_that_gives_up_mid_way_lets_go_of_its_lease(tmp_path, capsys, monkeypatch):
    """Another program takes the write lock just after the settle took the grouping lease (a chunk of an import, a
    few seconds): the settle gives up on it as before, and lets go of its lease once that writer is done. It left the
    lease to lapse (its letting go gave up within the same second), and every grouping, the app's and the next
    `stories`, was held off for 120 s: the next `stories` listed the article as in no story, silently."""
    import threading

    from tui.store import stories as store

    db = waiting_library(tmp_path / "lib.db")
    with Library(db) as lib:
        lib.add(Article(title="Lindqvist ferries run again", body=STORM.format(day="Saturday"), source="Coast Daily",
                        published="2026-03-06"))
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    real, timers = store.take_lease, []

    def let_go():
        if holder.in_transaction:
            holder.execute("ROLLBACK")

    def taken_then_locked(lib, seconds, renew=False):
        taken = real(lib, seconds, renew)
        if taken and not renew and not holder.in_transaction:
            holder.execute("BEGIN IMMEDIATE")  # the other writer, at exactly that moment, for 3 s
            timers.append(threading.Timer(3.0, let_go))
            timers[-1].start()
        return taken

    monkeypatch.setattr(store, "take_lease", taken_then_locked)
    try:
        code = main(["--db", str(db), "stories"])
    finally:
        for t in timers:
            t.cancel()
        let_go()
        holder.close()
    out, err = capsys.readouterr()
    assert code == 0 and "Wexmoor" in out and "Lindqvist" in out, err
    assert err == "1 article not in a story yet: another program is writing the library; run it again later\n", err
    monkeypatch.setattr(store, "take_lease", real)
    out, err = run(db, capsys, "stories")  # at once: the lease was let go
    assert not err and settled(db) == [3, 3]


def test_a_story_does_not_wait_to_store_its_analyses_behind_another_writer(tmp_path, capsys, monkeypatch):
    """`story` settles, then analyses the story's articles not analysed yet and stores each analysis: another program
    that took the write lock right after the settle (the app's grouping, an import) held it up for as long as it
    wrote, up to 50 x 10 s an article (its settle gives up within a second; its analyses were written patiently). The
    summary is made from the analyses either way; those that cannot be stored within a second are not (the app's
    background pass stores them), and the next `story` stores them."""
    import tui.stories

    db = waiting_library(tmp_path / "lib.db")
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    real = tui.stories.settle

    def settled_then_taken(lib):
        placed = real(lib)
        if not holder.in_transaction:
            holder.execute("BEGIN IMMEDIATE")  # the other writer, right after the settle
        return placed

    def let_go():
        if holder.in_transaction:
            holder.execute("ROLLBACK")

    monkeypatch.setattr(tui.stories, "settle", settled_then_taken)
    story = sqlite3.connect(db).execute("SELECT id FROM stories ORDER BY size DESC").fetchone()[0]
    code, held = _main_beside_a_writer(holder, let_go, ["--db", str(db), "story", str(story), "--format", "md"])
    out, err = capsys.readouterr()
    assert code == 0 and "Dalia Fenwick" in out and not err, err
    assert held, "the story waited for the other writer to let go"
    assert sqlite3.connect(db).execute("SELECT count(*) FROM analysis").fetchone()[0] == 0
    monkeypatch.setattr(tui.stories, "settle", real)
    again, _ = run(db, capsys, "story", str(story), "--format", "md")
    assert again == out
    assert sqlite3.connect(db).execute("SELECT count(*) FROM analysis").fetchone()[0] == 3


def test_a_window_mark_beyond_every_grouped_article_is_mended(tmp_path, capsys):
    """A window mark that is a whole number past every grouped article (2^63-1 written by hand): no article grouped
    after it waited for a window again, ever (the stories stayed as placed one at a time). It is read as the last
    grouped article and written so at the next settle: the next article waits for its window, which `stories`
    regroups."""
    from tui.stories import group_new
    from tui.stories.regroup_window import pending

    db = waiting_library(tmp_path / "lib.db")
    run(db, capsys, "stories")
    assert settled(db) == [2, 3]
    damage(db, "UPDATE counts SET value = 9223372036854775807 WHERE name = 'story_window_mark'")
    out, err = run(db, capsys, "stories")
    assert "Wexmoor" in out and not err, err
    with Library(db) as lib:
        lib.add(Article(title="Lindqvist ferries run again", body=STORM.format(day="Saturday"), source="Coast Daily",
                        published="2026-03-06"))
        group_new(lib)
        assert pending(lib) == 1  # placed on its own: it waits for its window
    out, err = run(db, capsys, "stories")
    assert not err and settled(db) == [3, 3]


def _refresh_rounds(db, new_each_round: int, monkeypatch):
    """The app's refresh worker on the library, its folder scan bringing `new_each_round` articles each round:
    rounds(n) runs n rounds; the list of each round's toast lines fills as they run."""
    import threading

    from tests.stories.test_settle import _Host
    from tui.app.parts import sources

    monkeypatch.setattr(sources.SourcesRefresh, "_scan", lambda self, lib, lines, head: new_each_round)
    toasts: list[list[str]] = []
    refresh = sources.SourcesRefresh(_Host(), db, lambda: None, lambda added, lines, title: toasts.append(lines))

    def rounds(n: int) -> None:
        for _ in range(n):
            refresh._stop = threading.Event()
            refresh._worker(None, True, False, False, refresh._stop)

    return rounds, toasts


def test_the_app_says_once_that_its_settle_fails_and_backs_off(tmp_path, monkeypatch, caplog):
    """The app's settle (a folder scan or refresh round that brought nothing) failing on a library the store refuses:
    it failed silently and was tried again every quiet round (every 30 s). Now the first failure is logged with its
    traceback and said in one toast line, and the quiet rounds after it try again ever more rarely (1, 2, 4 ...
    rounds left out); once a settle succeeds again, all is as before."""
    import logging

    import tui.stories
    from tui.app.applog import where

    db = waiting_library(tmp_path / "lib.db")
    real, tried = tui.stories.settle, []

    def refused(lib):
        tried.append(1)
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(tui.stories, "settle", refused)
    quiet_rounds, toasts = _refresh_rounds(db, 0, monkeypatch)  # nothing new, ever

    with caplog.at_level(logging.WARNING):
        quiet_rounds(20)
    assert len(tried) == 5  # rounds 1, 3, 6, 11 and 20 (1, 2, 4 and 8 rounds left out between them)
    said = [lines for lines in toasts if lines]
    assert said == [["✗ Stories not regrouped: database disk image is malformed"
                     f" (details: {where()})"]], toasts
    logged = [r for r in caplog.records if r.exc_info]
    assert len(logged) == 1 and "malformed" in str(logged[0].exc_info[1])
    monkeypatch.setattr(tui.stories, "settle", real)  # the library mended
    quiet_rounds(17)  # 16 rounds left out after the last failure, then tried again
    assert settled(db) == [2, 3] and len([lines for lines in toasts if lines]) == 1


def test_the_app_says_once_that_grouping_new_articles_fails(tmp_path, monkeypatch, caplog):
    """The app's grouping of the articles a round brought (a folder scan, a refresh) failing on a library the store
    refuses: it was swallowed in silence (the articles stayed in no story, nothing said why). Now each failure is
    logged (the first with its traceback), the first is said in one line of the round's toast, never a traceback;
    once a grouping succeeds, a later failure is said again. The restored article's and an import's grouping say it
    as a toast of their own, once."""
    import logging

    import tui.stories
    from tests.stories.test_settle import _Host
    from tui.app.applog import where
    from tui.app.parts import sources

    db = waiting_library(tmp_path / "lib.db")
    real, tried = tui.stories.group_new, []

    def refused(lib, *args, **kwargs):
        tried.append(1)
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(tui.stories, "group_new", refused)
    monkeypatch.setattr(sources, "_GROUPING_SAID", [])  # (nothing said before in this process)
    rounds, toasts = _refresh_rounds(db, 1, monkeypatch)  # something new, each round

    with caplog.at_level(logging.WARNING):
        rounds(3)
        assert len(tried) == 3
        said = [line for lines in toasts for line in lines]
        assert said == ["✗ Stories not grouped: database disk image is malformed"
                        f" (details: {where()})"], toasts
        logged = [r for r in caplog.records if "could not be grouped" in r.getMessage()]
        assert len(logged) == 3 and logged[0].exc_info and not any(r.exc_info for r in logged[1:])
        # a toast of its own where there is no round's toast (an undone delete, an import, a feed added): not again
        host = _Host()
        notes = []
        host.notify = lambda line, **kwargs: notes.append(line)
        sources.say_grouping(host, sources.group_stories(None))
        assert notes == []
    monkeypatch.setattr(tui.stories, "group_new", real)
    rounds(1)  # the library mended: grouped, nothing to say
    assert [line for lines in toasts[3:] for line in lines] == []
    monkeypatch.setattr(tui.stories, "group_new", refused)
    sources.say_grouping(host, sources.group_stories(None))
    assert notes == [f"✗ Stories not grouped: database disk image is malformed\nDetails: {where()}"] or (
        notes[0].startswith("✗ Stories not grouped: database disk image is malformed\nDetails:\n")
        and notes[0].endswith("newsreader.log")), notes


def test_who_lists_what_it_analysed_when_it_cannot_store_it(tmp_path, capsys, monkeypatch):
    """`who` analyses the articles holding the name and stores each analysis, which fills the mention index its page
    is read from. Another program that took the write lock just after the check (an import, the app's grouping):
    `who` gave up storing at the first article, and stopped analysing there, so the page listed only the articles
    analysed before ("no entity named" for a library none of whose articles was). It lists what it analysed, the
    same page as once the analyses are stored, and leaves storing them to the background pass or the next `who`."""
    db = waiting_library(tmp_path / "lib.db")
    real, free_then_taken, let_go = _writer_after_the_check(monkeypatch, lambda: holder)  # (holder: each form's)
    for form in ([], ["--json"]):
        holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        code, held = _main_beside_a_writer(holder, let_go, ["--db", str(db), "who", "Dalia Fenwick", *form])
        out, err = capsys.readouterr()
        assert code == 0 and held and not terminal_bytes(out.encode()), err
        assert sqlite3.connect(db).execute("SELECT count(*) FROM analysis").fetchone()[0] == 0
        monkeypatch.setattr(Library, "free_to_write", real)
        stored, _ = run(db, capsys, "who", "Dalia Fenwick", *form)  # the writer gone: analysed and stored
        assert sqlite3.connect(db).execute("SELECT count(*) FROM analysis").fetchone()[0] == 3
        assert out == stored and "waited long enough" in out
        damage(db, "DELETE FROM analysis", "DELETE FROM mentions")
        monkeypatch.setattr(Library, "free_to_write", free_then_taken)


def test_the_story_commands_say_what_another_grouper_is_placing(tmp_path, capsys):
    """Another program groups (it holds the grouping lease: a second `stories`, the app's background pass): the
    commands list the stories as they are and name the articles not in one yet. Four `stories` started at once on a
    library whose articles waited said "no stories" three times and nothing more."""
    from tui.store.stories import take_lease

    db = waiting_library(tmp_path / "lib.db")
    with Library(db) as lib:
        lib.add(Article(title="Lindqvist ferries run again", body=STORM.format(day="Saturday"), source="Coast Daily",
                        published="2026-03-06"))
    with Library(db) as other:
        assert take_lease(other, 600)  # (held, as by a grouper that runs)
        for args in (["stories"], ["brief", "--since", "3650d", "--format", "md"]):
            out, err = run(db, capsys, *args)
            assert "Wexmoor" in out, (args, out)
            assert err == "1 article not in a story yet: another program is grouping them; run it again in a moment\n", err
