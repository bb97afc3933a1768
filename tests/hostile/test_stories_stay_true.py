"""Stories and the library that stay true (session 36, issue 13): a story another program deleted with its foreign
keys on is grouped again at the next settle, `doctor` names a membership of an article no longer in the library, a
hand-made story with no articles is not listed, and a story's articles are counted one way everywhere."""

from __future__ import annotations

import sqlite3

from hostile_helpers import run_cli, run_sql, terminal_bytes

HARBOUR = ("Harbour vote {n}\n\nThe council of Ulvenhold met on Monday and voted to widen the harbour quay. "
           "Marker {n}.\n")
ORCHARD = ("Orchard frost {n}\n\nGrowers in the Tessby valley counted their losses after a late frost hit the apple "
           "orchards. Note {n}.\n")


def _library(tmp_path, *commands: list[str]):
    """Eight articles about two events (a harbour vote, an orchard frost), added and grouped by `stories`."""
    src = tmp_path / "src"
    src.mkdir()
    for i in range(1, 5):
        (src / f"h{i}.txt").write_text(HARBOUR.format(n=i))
        (src / f"o{i}.txt").write_text(ORCHARD.format(n=i))
    db = tmp_path / "lib.db"
    for args in (["add", str(src)], ["stories"], *commands):
        r = run_cli(*args, db=db)
        assert r.returncode == 0, (args, r.stderr)
    return db


def _memberships(db) -> dict[int, int]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT article_id, story_id FROM story_articles"))


def _stories(db) -> set[int]:
    with sqlite3.connect(db) as con:
        return {r[0] for r in con.execute("SELECT id FROM stories")}


def test_a_story_deleted_with_the_keys_on_is_grouped_again_at_the_next_stories_read(tmp_path):
    """Its memberships stayed (schema 33's trigger acts with the keys off only): its articles said "in no story yet"
    and were never grouped again, and only `stories --rebuild` (every story regrouped) put them back. The next settle
    (`stories` here; the app's quiet refresh round too) gives them back to grouping; the other story is left alone."""
    db = _library(tmp_path)
    before = _memberships(db)
    assert len(set(before.values())) == 2, before
    gone = before[min(before)]
    kept = {a: s for a, s in before.items() if s != gone}
    run_sql(db, ["PRAGMA foreign_keys = ON", f"DELETE FROM stories WHERE id = {gone}"])
    listed = run_cli("stories", db=db)
    assert listed.returncode == 0 and not terminal_bytes(listed.stdout), listed.stderr
    after = _memberships(db)
    assert set(after) == set(before)  # every article in a story again
    assert set(after.values()) <= _stories(db), (after, _stories(db))
    assert {a: after[a] for a in kept} == kept  # the other story's articles were not regrouped
    assert len(listed.stdout.decode().strip().splitlines()) == 2, listed.stdout
    assert "4 art" in listed.stdout.decode().splitlines()[0] + listed.stdout.decode().splitlines()[1]
    said = run_cli("doctor", db=db).stdout.decode()
    assert "no longer in the library" not in said, said


def test_doctor_names_a_membership_of_an_article_no_longer_in_the_library(tmp_path):
    """A membership row pointing at a missing article (written with the keys off after schema 32's clean-up, as
    `PRAGMA foreign_key_check` finds it): `doctor` said "integrity ok" and nothing else. One line now, with what
    clears it; `stories --rebuild` does."""
    db = _library(tmp_path)
    story = min(_stories(db))
    run_sql(db, [f"INSERT INTO story_articles (article_id, story_id, day) VALUES (900, {story}, '2026-01-01')",
                 f"INSERT INTO story_articles (article_id, story_id, day) VALUES (901, {story}, '2026-01-01')"])
    said = run_cli("doctor", db=db)
    out = said.stdout.decode()
    assert said.returncode == 0 and not terminal_bytes(said.stdout), said.stderr
    lines = [line for line in out.splitlines() if "2 story memberships" in line]
    assert len(lines) == 1 and "article no longer in the library" in lines[0], out
    assert lines[0].rstrip().endswith("stories --rebuild`"), lines[0]
    assert run_cli("stories", "--rebuild", db=db).returncode == 0
    again = run_cli("doctor", db=db).stdout.decode()
    assert "story memberships" not in again, again


def test_a_hand_made_story_with_no_articles_is_not_listed(tmp_path):
    """A story row with no articles whose figures claim 5 members (all hand-made) was listed as "5 art" by `stories`
    and the briefing while `story N` said "0 articles", and no settle removed it (no article waited). The settle
    finds the tables disagree and mends them: the row goes, the real stories stay as they were."""
    db = _library(tmp_path)
    before = _memberships(db)
    run_sql(db, ["INSERT INTO stories (id, title, first, last, size) VALUES (99, 'Ghost quay', '2026-01-01', "
                 "'2099-01-01', 5)",
                 "INSERT INTO story_stats (story_id, members, unread, outlets) VALUES (99, 5, 5, 2)"])
    listed = run_cli("stories", db=db)
    assert listed.returncode == 0, listed.stderr
    out = listed.stdout.decode()
    assert "Ghost" not in out and len(out.strip().splitlines()) == 2, out
    assert "Ghost" not in run_cli("brief", "--since", "36500d", db=db).stdout.decode()
    assert _memberships(db) == before
    from tui.store import Library
    from tui.store.stories import stories_untrue

    with Library(db) as lib:
        assert not stories_untrue(lib)  # mended once: the next settle reads three counts and stops


def test_a_story_s_figures_given_by_hand_are_counted_again_from_its_articles(tmp_path):
    """Figures edited to claim more members than a story has: counted again from the memberships at the settle."""
    db = _library(tmp_path)
    story = min(_stories(db))
    run_sql(db, [f"UPDATE story_stats SET members = members + 7 WHERE story_id = {story}"])
    listed = run_cli("stories", db=db).stdout.decode()
    row = next(line for line in listed.splitlines() if line.split()[:1] == [str(story)])
    assert " 4 art" in row, row
