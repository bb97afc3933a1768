"""A library's story rows and outlets edited by another program, and a library file cut short (hostile35): an outlet
named with an escape sequence cut in the middle left its payload on the screen, a story whose stored size was edited to
0 or below vanished from the stories list and the briefing, and a file cut short pointed to `doctor`, which could not
open it either and said the same line again."""

from __future__ import annotations

import sqlite3

from hostile_helpers import eight_articles, one_line_error, run_cli, run_sql, terminal_bytes

TEXT = "Harbour vote {n}\n\nThe council of Porto met on Monday and voted to expand the harbour. Marker {n}.\n"
# a link (OSC 8) around an outlet's name, as a feed's title may carry it: 40 characters before the name's second word
LINKED = "Quay\x1b]8;;https://quay.example/harbour-news/\x07 Post\x1b]8;;\x07"


def _biggest_story(db) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT story_id FROM story_stats ORDER BY members DESC, story_id").fetchone()[0]


def test_the_articles_under_a_story_and_a_person_name_their_outlet_cleaned_then_cut(tmp_path):
    """`story N` and `who NAME` list their articles with the outlet in 16 cells: the name was cut there first and
    cleaned after, so the link's escape lost its end and its payload stood as the outlet ("Quay8;;https:/…")."""
    db = eight_articles(tmp_path, TEXT, ["stories"])
    run_sql(db, [f"UPDATE articles SET source = '{LINKED}'"])
    for args in (["story", str(_biggest_story(db))], ["who", "Porto"]):
        r = run_cli(*args, db=db)
        out = r.stdout.decode()
        assert r.returncode == 0 and not terminal_bytes(r.stdout), (args, r.stdout, r.stderr)
        rows = out[out.index("Articles:"):].splitlines()[1:4]
        assert rows and all("Quay Post" in row and "8;;" not in row for row in rows), (args, rows)


def test_a_story_whose_stored_size_was_edited_to_zero_or_below_is_still_listed(tmp_path):
    """A story's size edited to -5 or 0 (its figures and articles as they were): `stories` said "no stories" and
    `brief` "No unread stories" though `story N` showed its articles; it is listed, counted from its figures."""
    db = eight_articles(tmp_path, TEXT, ["stories"])
    story = _biggest_story(db)
    with sqlite3.connect(db) as con:
        members = con.execute("SELECT members FROM story_stats WHERE story_id = ?", (story,)).fetchone()[0]
    for size in (-5, 0):
        run_sql(db, [f"UPDATE stories SET size = {size} WHERE id = {story}"])
        listed = run_cli("stories", db=db)
        assert listed.returncode == 0, listed.stderr
        [row] = [line for line in listed.stdout.decode().splitlines() if line.split()[:1] == [str(story)]]
        assert f"{members} art" in row, (size, row)
        brief = run_cli("brief", "--since", "3650d", db=db)
        assert brief.returncode == 0 and f"[story {story}]" in brief.stdout.decode(), (size, brief.stdout)


def test_a_library_file_cut_short_says_so_in_one_line_and_not_to_run_doctor(tmp_path):
    """A library whose file stops part way (a copy that stopped): every command, `doctor` too, said "… is damaged
    (database disk image is malformed); nothing was written. Run `newsreader --db … doctor` to see how to recover";
    it now says the file is cut short, how much of it is there, and what helps. The app's start says the same."""
    from tui.app import preflight
    from tui.store import StoreError

    db = eight_articles(tmp_path, TEXT, ["stories"])
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    whole = db.stat().st_size
    for name in ("-wal", "-shm"):
        db.with_name(db.name + name).unlink(missing_ok=True)
    with open(db, "r+b") as f:
        f.truncate(8192)
    for args in (["stories"], ["list"], ["doctor"], ["brief"]):
        r = run_cli(*args, db=db)
        line = one_line_error(r.stderr)
        assert r.returncode == 1 and f"is cut short: the file has 8,192 of the {whole:,} bytes" in line, (args, line)
        assert "doctor" not in line, line
    try:
        preflight(db)
    except StoreError as exc:
        assert "is cut short" in str(exc) and len(str(exc).splitlines()) == 1, exc
    else:
        raise AssertionError("a library cut short opened")
    assert db.stat().st_size == 8192  # left as it is


def test_doctor_names_the_articles_of_a_story_another_program_deleted_with_its_keys_on(tmp_path):
    """A story deleted by a program that enforces foreign keys keeps its memberships (schema 33's trigger acts with
    the keys off only): `stories` said "no stories", grouping never took its articles again, and `doctor` said
    nothing. It now counts them and names the command that groups them again, which does (session 36: any settle
    does, `stories` among them)."""
    db = eight_articles(tmp_path, TEXT, ["stories"])
    story = _biggest_story(db)
    with sqlite3.connect(db) as con:
        members = con.execute("SELECT count(*) FROM story_articles WHERE story_id = ?", (story,)).fetchone()[0]
    run_sql(db, ["PRAGMA foreign_keys = ON", f"DELETE FROM stories WHERE id = {story}"])
    said = run_cli("doctor", db=db)
    out = said.stdout.decode()
    assert said.returncode == 0 and not terminal_bytes(said.stdout), said.stderr
    assert f"stories:   {members} articles in a story no longer in the library" in out, out
    command = next(line.split() for line in out.splitlines() if line.strip().endswith(" stories"))
    assert command[:3] == ["newsreader", "--db", str(db)], command
    assert run_cli(*command[3:], db=db).returncode == 0
    again = run_cli("doctor", db=db).stdout.decode()
    assert "no longer in the library" not in again, again
    listed = run_cli("stories", db=db).stdout.decode()
    assert f"{members} art" in listed, listed
