"""Story tables (migration 4): which story each article belongs to, and the stories themselves.

Plain reads and writes only; the grouping itself lives in `tui.stories`. Every function takes an open
`Library`. Days are ISO dates ("YYYY-MM-DD"): the article's published date, else the day it was added.
"""

from __future__ import annotations

import json
import json.scanner
import re
import sqlite3
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from tui.store.library import Library, StoreError, _explain
from tui.store.story_bulk import forget_memberships, insert_all, insert_memberships, renumber_memberships
from tui.store.story_features import write_features


@dataclass
class StoryRow:
    """One story as the stories list shows it."""

    id: int
    title: str
    size: int  # articles, near-duplicates included
    first: str
    last: str
    sources: list[str] = field(default_factory=list)
    unread: int = 0
    article_ids: list[int] = field(default_factory=list)  # LATEST_FIRST (left empty by a list-figures-only read)
    stored_size: int = 0  # the size column the list is ordered by (size counts the articles read now)
    outlets: int = 0  # distinct non-empty sources (len(sources) when the members were read)
    copies: int = 0  # members that repeat another member's text from another outlet (articles.twin_of): no rows
    undated: int = 0  # members with no date of their own (notes: dated by the day they came into the library)

    @property
    def notes_only(self) -> bool:
        """Whether none of its articles has a date of its own (its days are the days they were added): the stories
        list and `stories` mark its date "~", as the library marks such an article's date. From the stored figure
        (story_stats.undated, migration 37): no article is read."""
        return self.size > 0 and self.undated >= self.size

    @property
    def rows(self) -> int:
        """The story's articles as the library lists them: a text printed by two outlets counts once (the figure
        the stories list, the story view and the briefing show; `size` counts the records)."""
        return max(0, self.size - self.copies)


# A story's articles, latest first: the order `o` in the stories list takes its "latest article" by, the story view
# lists them in and `stories --json` gives their ids in. By the day (a dated article's date, an undated one's, a pasted
# or watched note's, the day it was stored: its stored time "2026-01-15T23:00" sorted after that day's dated articles,
# though it says when the text reached the library, not when it happened); on one day a dated article first, then the
# later stored, the higher id. The story view listed them by (day, id) and `stories --json` by the library's order:
# a note stored on the latest day topped one, `o` opened the other (app31). Among one day's dated articles, by the time
# of the report (summary.latest's, articles.report_time): its feed's time, else when it came in when that was on its
# day: a report of the day alone that came in at 18:30 is later than a feed item timed 09:00 (it came after, and the
# story view marks its lines new), where the times sorted before the days alone and the 09:00 item titled the story
# (session 38).
_REPORT_TIME = ("CASE WHEN length(a.sort_key) = 20 THEN a.sort_key WHEN date(a.added_at, 'localtime') = a.published"
                " THEN a.added_at ELSE '' END")
LATEST_FIRST = (f"substr(a.sort_key, 1, 10) DESC, coalesce(a.published, '') != '' DESC, {_REPORT_TIME} DESC,"
                " a.sort_key DESC, a.id DESC")


def latest_key(article) -> tuple:
    """LATEST_FIRST's key for an article row (with `published`, `sort_key`, `added_at`, `id`): sorted(...,
    reverse=True)."""
    from tui.models import local_day, timed_key

    key = article.sort_key if type(article.sort_key) is str else ""  # the database is untrusted
    added = getattr(article, "added_at", "")
    added = added if type(added) is str else ""
    dated = article.published not in (None, "")
    at = key if timed_key(key) else added if dated and added and local_day(added) == article.published else ""
    return key[:10], dated, at, key, article.id


@dataclass
class Member:
    """One grouped article of a story (what grouping and near-duplicate checks need)."""

    article_id: int
    story_id: int
    day: str
    terms: dict[str, float]
    sketch: list[int]
    dup_of: int | None = None


def ungrouped(lib: Library, limit: int, after: tuple[str, int] = ("", 0), waiting: int | None = None) -> list[tuple]:
    """Up to `limit` articles in no story, in date order after `after` = (sort_key, id):
    (id, title, body, sort_key, added_at)."""
    # ids through the list's index first: sorting whole rows would read every body of the library
    ids = [k[0] for k in ungrouped_keys(lib, limit, after, waiting)]
    if not ids:
        return []
    rows = {r[0]: r for r in lib.db.execute(
        f"SELECT id, title, body, sort_key, added_at FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}
    return [rows[i] for i in ids if i in rows]


NEWEST_SCAN = 5000  # ungrouped_keys looks for the articles in no story among this many newest ids first


def ungrouped_keys(lib: Library, limit: int, after: tuple[str, int] = ("", 0),
                   waiting: int | None = None) -> list[tuple[int, str]]:
    """(id, sort_key) of up to `limit` articles in no story, in date order after `after` = (sort_key, id).

    Articles wait to be grouped a few at a time (a refresh, a watched folder, a windowed regroup) and are then the
    newest ids: when the newest ids (waiting + 50 of them, else waiting + 1,000, NEWEST_SCAN at most) hold as many
    articles in no story as ungrouped_count says wait, those are all of them (a few thousand primary-key looks at most). Otherwise the list's index
    is walked in date order, every article looked up in story_articles: the same rows, but ~0.1 s of CPU at 100,000
    articles, which every one-article grouping paid (bench `story_feed`). `waiting`: ungrouped_count, when the caller
    has just counted (a count that has moved on since only makes the newest ids fail their check: the walk)."""
    if waiting is None:
        waiting = ungrouped_count(lib)
    # grouped: a membership; built aside for a window (start_window_aside), one of its own tables', or the library's
    # for an article whose membership it did not copy
    grouped = (_GROUPED_ASIDE if lib.story_replay is not None
               else "EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)")
    if 0 < waiting <= NEWEST_SCAN:
        # the newest waiting + 50 first (one article stored and grouped at a time: it is the newest id), then + 1,000
        for scan in sorted({min(NEWEST_SCAN, waiting + 50), min(NEWEST_SCAN, waiting + 1000)}):
            found = lib.db.execute(
                "SELECT a.id, a.sort_key FROM (SELECT id, sort_key FROM articles ORDER BY id DESC LIMIT ?) a"
                f" WHERE NOT {grouped}", (scan,)).fetchall()
            if len(found) == waiting and all(type(k) is str for _, k in found):
                # SQLite orders TEXT by its UTF-8 bytes, Python str by code points: the same order
                keys = sorted((k, i) for i, k in found if (k, i) > (after[0], after[1]))
                return [(i, k) for k, i in keys[:limit]]
    return lib.db.execute(
        "SELECT a.id, a.sort_key FROM articles a WHERE (a.sort_key > ? OR (a.sort_key = ? AND a.id > ?))"
        f" AND NOT {grouped} ORDER BY a.sort_key, a.id LIMIT ?", (after[0], after[0], after[1], limit)).fetchall()


_GROUPED_ASIDE = ("(EXISTS (SELECT 1 FROM temp.story_articles s WHERE s.article_id = a.id) OR (EXISTS (SELECT 1 FROM"
                  " main.story_articles m WHERE m.article_id = a.id) AND NOT EXISTS (SELECT 1 FROM temp.window_copied c"
                  " WHERE c.article_id = a.id)))")


def ungrouped_count(lib: Library) -> int:
    """How many articles are in no story yet: the stored articles less the grouped ones, two counts rows kept by
    triggers (migrations 3 and 23: a count(*) of the memberships walked an index, ~1.2 ms at 100,000 articles)."""
    n = lib.db.execute("SELECT (SELECT value FROM counts WHERE name = 'articles')"
                       " - (SELECT value FROM counts WHERE name = 'grouped')").fetchone()[0]
    if n is None:  # a counts row missing (removed by hand): counted
        n = lib.db.execute("SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM story_articles)").fetchone()[0]
    return n


def stories_between(lib: Library, lo: str, hi: str, outside: tuple[str, str] | None = None) -> list[tuple]:
    """Stories whose date range meets [lo, hi]: (id, title, first, last, size, terms dict); with `outside` = (lo2,
    hi2), only those whose range does not meet [lo2, hi2] (a window moved on: the stories it gained)."""
    sql = "SELECT id, title, first, last, size, terms FROM stories WHERE last >= ? AND first <= ?"
    args: tuple = (lo, hi)
    if outside is not None:
        sql, args = sql + " AND NOT (last >= ? AND first <= ?)", (lo, hi, *outside)
    return [(r[0], r[1], r[2], r[3], r[4], _load(r[5], {})) for r in lib.db.execute(sql, args).fetchall()]


def stories_by_id(db, ids: list[int]) -> list[tuple]:
    """The stories of `ids` that exist, as stories_between gives them (on a connection: inside a transaction)."""
    out: list[tuple] = []
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out += [(r[0], r[1], r[2], r[3], r[4], _load(r[5], {})) for r in db.execute(
            f"SELECT id, title, first, last, size, terms FROM stories WHERE id IN ({','.join('?' * len(part))})", part)]
    return out


def members(lib: Library, story_id: int, sketches: bool = True, without=()) -> list[Member]:
    """The grouped articles of one story, oldest day first (`sketches` False: their sketches are not read, []; the
    articles of ids in `without` left out, their terms not decoded)."""
    sketch = _column(lib, "sketch") if sketches else "NULL"
    return [Member(r[0], r[1], r[2], _load(r[3], {}), _load(r[4], []) if sketches else [], r[5]) for r in lib.db.execute(
        f"SELECT s.article_id, s.story_id, s.day, {_column(lib, 'terms')}, {sketch}, s.dup_of FROM story_articles s"
        " WHERE s.story_id = ? ORDER BY s.day, s.article_id", (story_id,)) if r[0] not in without]


def member_days(lib: Library, story_id: int) -> list[tuple[int, str]]:
    """(article id, day) of one story's grouped articles in members() order (read from the index alone)."""
    return lib.db.execute("SELECT article_id, day FROM story_articles WHERE story_id = ? ORDER BY day, article_id",
                          (story_id,)).fetchall()


def member_terms(lib: Library, article_ids: list[int]) -> dict[int, dict[str, float]]:
    """Article id -> its stored terms (as members() reads them), for the grouped articles of `article_ids`."""
    out: dict[int, dict[str, float]] = {}
    for i in range(0, len(article_ids), 500):
        part = article_ids[i:i + 500]
        out.update((r[0], _load(r[1], {})) for r in lib.db.execute(
            f"SELECT s.article_id, {_column(lib, 'terms')} FROM story_articles s"
            f" WHERE s.article_id IN ({','.join('?' * len(part))})", part))
    return out


def story_title(lib: Library, story_id: int) -> str:
    """A story's title as story_row gives it ("" when there is no such story, or no readable title)."""
    row = lib.db.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
    return _str(row[0]) if row else ""


def sketches(lib: Library, story_id: int) -> list[Member]:
    """members() without their terms ({}: not read): what the near-duplicate check reads of a stored story (its
    sketches), for half the JSON decoding of a story of 1,000 articles."""
    return [Member(r[0], r[1], r[2], {}, _load(r[3], []), r[4]) for r in lib.db.execute(
        f"SELECT s.article_id, s.story_id, s.day, {_column(lib, 'sketch')}, s.dup_of FROM story_articles s"
        " WHERE s.story_id = ? ORDER BY s.day, s.article_id", (story_id,))]


def _column(lib: Library, name: str) -> str:
    """Membership column `name` (terms, sketch) of the rows `s` a query reads: built aside for a window
    (start_window_aside), a row copied without it ('') reads it from the library's row (as the copy found it)."""
    if lib.story_replay is None:
        return f"s.{name}"
    return (f"CASE WHEN s.{name} = '' THEN (SELECT m.{name} FROM main.story_articles m"
            f" WHERE m.article_id = s.article_id) ELSE s.{name} END")


# json.dumps(obj, separators=(",", ":")), without making an encoder for every call (two per article a regroup writes)
_compact = json.JSONEncoder(separators=(",", ":")).encode


def _compact_each(objs: list, close: str, open_: str) -> list[str]:
    """`[_compact(o) for o in objs]` for dicts (`close`, `open_` = "}", "{") or lists ("]", "["), by one encoder
    call over the whole list: its text less the outer brackets, cut at each `close` + "," + `open_` (n - 1 of them
    lie between the objects; one inside a key or a nested list makes more pieces: then each is encoded alone)."""
    if len(objs) < 2:
        return [_compact(o) for o in objs]
    pieces = _compact(objs)[2:-2].split(f"{close},{open_}")
    if len(pieces) != len(objs):
        return [_compact(o) for o in objs]
    return [f"{open_}{p}{close}" for p in pieces]


def save_groups(lib: Library, new_members: list[Member], stories: list[tuple], moved: dict[int, int] | None = None,
                gone: list[int] = (), stored_terms: int = 30, rounded: list[dict[str, float]] | None = None,
                before=None, after=None, last_story_id: int | None = None, features: list[tuple] = (),
                forget: list[int] = ()) -> None:
    """Write one grouping step in one transaction.

    `new_members` are inserted (their stories must be in `stories`); `stories` rows are
    (id, title, first, last, size, terms dict), inserted or replaced; `moved` maps article id -> new story
    id (a merge or split); `gone` lists story ids merged away; `forget`: article ids whose memberships are deleted
    first (a window's articles leaving their stories: the triggers take them out, and drop a story left empty). A
    member's terms are stored as its first `stored_terms`, rounded to 4 places; `rounded` gives them made already
    (one dict per new member, in order).
    `before(db)` and `after(db)`, when given, are called inside the transaction before and after the writes (a
    grouper that keeps its stories between calls reads there what it must agree with: tui/stories/warm.py).
    `last_story_id`: the highest story id handed out (remember_story_ids), `features`: the placed articles' grouping
    features to store (story_features.save_features' rows), written in the same transaction (one commit for a
    grouping step, not three: one article grouped as it lands paid each).
    A window's regroup built aside (start_window_aside) writes the step into its own tables and keeps it to be
    written again in the library (`replay`): the features then only there.
    """
    if rounded is None:
        rounded = [{t: round(w, 4) for t, w in islice(m.terms.items(), stored_terms)} for m in new_members]
    step = {"forget": list(forget), "gone": list(gone),
            "stories": [(s[0], s[1], s[2], s[3], s[4], _compact(s[5])) for s in stories],
            "moved": [(sid, aid) for aid, sid in (moved or {}).items()],
            "rows": list(zip([m.article_id for m in new_members], [m.story_id for m in new_members],
                             [m.day for m in new_members], _compact_each(rounded, "}", "{"),
                             _compact_each([m.sketch for m in new_members], "]", "["),
                             [m.dup_of for m in new_members])),
            "features": list(features), "last_story_id": last_story_id}
    try:
        with lib.transaction() as db:
            hold_lease(lib, db)
            if before is not None:
                before(db)
            _write_groups(lib, db, **step)
            if after is not None:
                after(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None
    if lib.story_replay is not None:
        lib.story_replay.append(("groups", step))


# A story's title is its latest article's (LATEST_FIRST, among the articles of its latest day; of a story with dated
# articles, its latest dated day's: a note with no date of its own stored after the last reports, "Reading list for
# flood explainer" kept beside the story, headed it in every view, walk38): a story that moves on
# ("... to vote on harbour hotel", then "Harbour hotel vote postponed") is headed by where it stands now, and a story
# whose first article was the odd one out (a town's other event joined by mistake) is not headed by it for good. The
# stories list, the story view, the briefing and `stories --json` / `story` read it from the stories row; it is set
# whenever a grouping step writes the story (articles joined, left, merged, split). (Until session 32: its first
# article's title, for good.)
_TITLE = ("UPDATE stories SET title = coalesce((SELECT a.title FROM story_articles sa JOIN articles a ON a.id ="
          " sa.article_id WHERE sa.story_id = ? AND sa.day = coalesce((SELECT max(d.day) FROM story_articles d JOIN"
          " articles b ON b.id = d.article_id WHERE d.story_id = ? AND coalesce(b.published, '') != ''),"
          " (SELECT max(day) FROM story_articles WHERE story_id = ?))"
          f" ORDER BY {LATEST_FIRST} LIMIT 1), title) WHERE id = ?")



def retitle(db, story_ids) -> None:
    """Set each story's title to its latest article's (`_TITLE`), inside the caller's transaction: after a grouping
    step, and after an article leaves a story other than by grouping (deleted, its feed removed, a delete undone)."""
    db.executemany(_TITLE, [(i, i, i, i) for i in story_ids if i is not None])


def _write_groups(lib: Library, db, forget: list[int], gone: list[int], stories: list[tuple], moved: list[tuple],
                  rows: list[tuple], features: list[tuple], last_story_id: int | None) -> None:
    """save_groups' writes, inside its transaction (or `replay`'s)."""
    for i in range(0, len(forget), 500):
        part = forget[i:i + 500]
        db.execute(f"DELETE FROM story_articles WHERE article_id IN ({','.join('?' * len(part))})", part)
    for sid in gone:
        db.execute("DELETE FROM stories WHERE id = ?", (sid,))
    db.executemany("INSERT OR REPLACE INTO stories (id, title, first, last, size, terms) VALUES (?,?,?,?,?,?)", stories)
    if moved:
        db.executemany("UPDATE story_articles SET story_id = ? WHERE article_id = ?", moved)
    # (built aside, the memberships have no triggers and no figures: `swap_aside` writes them through)
    if lib.story_aside or not insert_memberships(db, rows):  # the same in bulk for a big batch (story_bulk.py)
        db.executemany(
            "INSERT OR IGNORE INTO story_articles (article_id, story_id, day, terms, sketch, dup_of)"
            " SELECT ?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)", [(*r, r[0]) for r in rows])
    # sizes from the rows themselves: an article deleted meanwhile is not counted; a story written here that
    # holds none goes (only these: `DELETE ... WHERE size <= 0` walked every story's index entry at each call,
    # one article grouped as it lands included; no other story's size changed here)
    ids = sorted({s[0] for s in stories})
    db.executemany("UPDATE stories SET size = (SELECT count(*) FROM story_articles WHERE story_id = ?)"
                   " WHERE id = ?", [(i, i) for i in ids])
    db.executemany("DELETE FROM stories WHERE id = ? AND size <= 0", [(i,) for i in ids])
    retitle(db, ids)
    if features and lib.story_replay is None:  # (built aside for a window: written with the replay)
        write_features(db, features)
    if last_story_id is not None:
        _remember_ids(db, last_story_id)
    bump_generation(db)


GENERATION = "story_gen"  # counts row: raised whenever the stories change (migration 22)


def bump_generation(db) -> None:
    """Raise the story generation (inside the transaction that wrote story rows): a grouper that keeps stories in
    memory between calls (tui/stories/warm.py) then reads them again."""
    db.execute("UPDATE counts SET value = value + 1 WHERE name = ?", (GENERATION,))


def next_story_id(lib: Library) -> int:
    """An id no story has had yet in this library (ids are never reused while the library lives)."""
    row = lib.db.execute("SELECT max(id) FROM stories").fetchone()
    kept = lib.db.execute("SELECT value FROM counts WHERE name = 'story_ids'").fetchone()
    return max(row[0] or 0, kept[0] if kept and type(kept[0]) is int else 0) + 1  # (not a number: edited by hand)


def remember_story_ids(lib: Library, last_id: int) -> None:
    """Record the highest story id handed out, so a rebuild never gives an old id to another event."""
    with lib.transaction() as db:
        _remember_ids(db, last_id)


def _remember_ids(db, last_id: int) -> None:
    db.execute("INSERT INTO counts (name, value) VALUES ('story_ids', ?)"
               " ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)", (last_id,))


def clear(lib: Library) -> None:
    """Forget every story (the articles stay); the next grouping starts from scratch."""
    with lib.transaction() as db:
        top = db.execute("SELECT max(id) FROM stories").fetchone()[0] or 0
        db.execute("INSERT INTO counts (name, value) VALUES ('story_ids', ?)"
                   " ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)", (top,))
        if not forget_memberships(db):  # the same in bulk (tui/store/story_bulk.py), else row by row
            db.execute("DELETE FROM story_articles")
        # no article is grouped now: the kept count is set, not moved, so a count damaged by hand or left wrong
        # (which would hide waiting articles from every grouping call) is right again after `stories --rebuild`
        db.execute("INSERT OR REPLACE INTO counts (name, value) VALUES ('grouped', 0)")
        db.execute("DELETE FROM stories")
        bump_generation(db)


# A rebuild is built aside (`newsreader stories --rebuild`: ~60 s at 100,000 articles, in many transactions): in
# tables of this connection's own (SQLite's temp schema) named as the library's, so that every statement of the
# grouping reads and writes them unchanged, while every other connection (the app, `stories`) reads the library's
# stories as they were. `swap_aside` then writes the new grouping into the library in one transaction. A rebuild
# killed before it leaves the library's stories whole (the temp tables go with the connection).
ASIDE = ("stories", "story_articles", "counts")
ASIDE_NOT_COPIED = ("story_grouping", "story_grouping_by", "story_grouping_host", "story_grouping_pid",
                    "story_grouping_start", "story_window_mark")  # counts rows a rebuild starts without (the lease
# stays the library's: main.counts; the window mark is forgotten, regroup_window.reset)
ASIDE_CACHE_KIB = 65536  # the temp tables' page cache (a 100,000-article grouping is ~200 MB of memberships)


def start_aside(lib: Library) -> None:
    """From now on this connection's story tables are empty ones of its own (a rebuild from scratch, as after
    `clear`), the library's left as they are; its counts a copy of the library's (their grouped count 0, and the
    story id counter past every story id the library has had)."""
    db = lib.db
    end_aside(lib)
    try:
        _aside_tables(db)
        with lib.transaction() as t:
            t.execute(f"INSERT INTO temp.counts SELECT name, value FROM main.counts"
                      f" WHERE name NOT IN ({','.join('?' * len(ASIDE_NOT_COPIED))})", ASIDE_NOT_COPIED)
            top = t.execute("SELECT max(id) FROM main.stories").fetchone()[0] or 0
            t.execute("INSERT INTO temp.counts (name, value) VALUES ('story_ids', ?) ON CONFLICT(name) DO UPDATE"
                      " SET value = CASE WHEN typeof(value) = 'integer' THEN max(value, excluded.value)"
                      " ELSE excluded.value END", (top,))
            t.execute("INSERT OR REPLACE INTO temp.counts (name, value) VALUES ('grouped', 0)")
        # the grouped count kept as the library's triggers keep it (ungrouped_count reads it)
        # (a temp trigger's unqualified names are the temp tables first: these)
        db.execute("CREATE TEMP TRIGGER aside_grouped_ai AFTER INSERT ON temp.story_articles BEGIN"
                   " UPDATE counts SET value = value + 1 WHERE name = 'grouped'; END")
        db.execute("CREATE TEMP TRIGGER aside_grouped_ad AFTER DELETE ON temp.story_articles BEGIN"
                   " UPDATE counts SET value = value - 1 WHERE name = 'grouped'; END")
        db.execute(f"PRAGMA temp.cache_size = {-ASIDE_CACHE_KIB}")
    except BaseException:
        end_aside(lib)
        raise
    lib.story_aside = True


def _aside_tables(db) -> None:
    """This connection's own (empty) story tables, named as the library's, with the same indexes."""
    sqls = dict(db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name IN (?, ?, ?)",
                           ASIDE))
    indexes = [r[0] for r in db.execute(
        "SELECT sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name IN ('stories', 'story_articles')"
        " AND sql IS NOT NULL ORDER BY name")]
    for name in ASIDE:
        # (without their foreign keys: a temp table's would name temp.articles; the swap checks the articles)
        sql = re.sub(r"\s+REFERENCES\s+\w+\s*\([^)]*\)(\s+ON\s+DELETE\s+CASCADE)?", "", sqls[name].strip(),
                     flags=re.IGNORECASE)
        db.execute("CREATE TEMP TABLE" + sql[len("CREATE TABLE"):])
    for sql in indexes:  # the same query plans as on the library's tables
        head, _, rest = sql.partition(" ON ")
        words = head.split()
        db.execute(f"{' '.join(words[:-1])} temp.{words[-1]} ON {rest}")


# A window's regroup (tui/stories/regroup_window.py: up to 500 articles leave their stories and are placed again) is
# built aside too, so that the library's write lock is not held while it is computed (~0.4 s of CPU at 100,000
# articles, seconds of wall on a loaded machine: an import, a read mark or a feed refresh in another program waited
# for it). Inside one read transaction (Library.snapshot: the library as one moment left it), this connection's own
# story tables hold a copy of the stories whose dates meet the window's days (every member of each), of the
# stories the window's articles and `story_left` name, and of the newest memberships (what the windows' marks are
# found by); the memberships without their terms and sketches (read from the library's rows, `_column`: ~0.03 s of
# CPU less a window at 100,000 articles). The grouping reads and writes them unchanged (an article in no story is
# found as one that neither copy nor library, for an article not copied, holds: ungrouped_keys), and each of its
# steps is kept (Library.story_replay). What the steps changed is then written in the library in one short
# transaction (`window_changes`, `write_window`; else the steps made again, `replay`), once it is checked that no
# story changed meanwhile.
WINDOW_TRIGGERS = ("story_articles_ad", "story_articles_grouped_ai", "story_articles_grouped_ad", "stories_gen_au")
# (the library's triggers a window's grouping reads the effects of: sizes, a story left empty dropped, copies pointed
# at another original, the grouped count, the story generation; copied onto the tables aside. The figures', the
# copies' twin_of and story_left's write tables that are not copied, and grouping does not read them)
WINDOW_NEWEST = 3000  # the newest memberships copied (a window of 500 reads the 500 before its own: window_df)


def start_window_aside(lib: Library, lo: str, hi: str, article_ids: list[int]) -> bool:
    """Inside `lib.snapshot()`: this connection's story tables are from now on a copy of the library's that holds every
    story whose dates meet [lo, hi] (ISO days) or that has one of `article_ids` (with all their members), and the
    newest memberships without terms or sketches; the story steps written from now on are kept in
    `lib.story_replay`. False (nothing made) for a library without what it needs (an earlier schema, a counts row
    or trigger edited by hand) or when the copy cannot be made."""
    db = lib.db
    end_window_aside(lib)
    triggers = dict(db.execute(f"SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND name IN"
                               f" ({','.join('?' * len(WINDOW_TRIGGERS))})", WINDOW_TRIGGERS))
    counts = dict(db.execute("SELECT name, value FROM main.counts WHERE name IN ('articles', 'grouped')"))
    if len(triggers) != len(WINDOW_TRIGGERS) or len(counts) != 2 or any(type(v) is not int for v in counts.values()):
        return False
    left = db.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'story_left'").fetchone()
    columns = [r[1] for r in db.execute("PRAGMA main.table_info(story_articles)")]
    narrow = ", ".join({"terms": "''", "sketch": "''"}.get(c, c) for c in columns)  # (read from the library's: _column)
    try:
        _aside_tables(db)
        db.execute(f"PRAGMA temp.cache_size = {-ASIDE_CACHE_KIB}")  # (a window's copy: ~10 MB, kept in memory)
        db.execute("CREATE TEMP TABLE window_scope (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TEMP TABLE window_copied (article_id INTEGER PRIMARY KEY)")
        db.execute("INSERT INTO temp.window_scope SELECT id FROM main.stories WHERE last >= ? AND first <= ?", (lo, hi))
        for i in range(0, len(article_ids), 500):
            part = article_ids[i:i + 500]
            db.execute("INSERT OR IGNORE INTO temp.window_scope SELECT story_id FROM main.story_articles"
                       f" WHERE article_id IN ({','.join('?' * len(part))})", part)
        if left:  # (an article updated in place may open a story under its old id: whether one has it is read)
            db.execute("INSERT OR IGNORE INTO temp.window_scope SELECT story_id FROM main.story_left")
        db.execute("INSERT INTO temp.stories SELECT * FROM main.stories WHERE id IN (SELECT id FROM temp.window_scope)")
        db.execute(f"INSERT INTO temp.story_articles SELECT {narrow} FROM main.story_articles"
                   " WHERE story_id IN (SELECT id FROM temp.window_scope)")
        row = db.execute("SELECT article_id FROM main.story_articles ORDER BY article_id DESC LIMIT 1 OFFSET ?",
                         (WINDOW_NEWEST - 1,)).fetchone()
        db.execute(f"INSERT OR IGNORE INTO temp.story_articles SELECT {narrow} FROM main.story_articles"
                   " WHERE article_id >= ?", (row[0] if row else 0,))
        db.execute("INSERT INTO temp.window_copied SELECT article_id FROM temp.story_articles")
        db.execute("INSERT INTO temp.counts SELECT name, value FROM main.counts")
        top = db.execute("SELECT max(id) FROM main.stories").fetchone()[0] or 0
        db.execute("INSERT INTO temp.counts (name, value) VALUES ('story_ids', ?) ON CONFLICT(name) DO UPDATE"
                   " SET value = CASE WHEN typeof(value) = 'integer' THEN max(value, excluded.value)"
                   " ELSE excluded.value END", (top,))
        for name in WINDOW_TRIGGERS:  # (a temp trigger's unqualified names are the temp tables first: these)
            head, begin, body = triggers[name].partition("BEGIN")
            head = re.sub(r"^\s*CREATE\s+TRIGGER\s+(IF\s+NOT\s+EXISTS\s+)?\w+", f"CREATE TEMP TRIGGER window_{name}",
                          head, flags=re.IGNORECASE)
            head = re.sub(r"\bON\s+(stories|story_articles)\b", r"ON temp.\1", head, flags=re.IGNORECASE)
            db.execute(head + begin + body)
    except sqlite3.Error:  # (a trigger edited by hand that does not copy, a temp file that cannot be written)
        end_window_aside(lib)
        return False
    except BaseException:
        end_window_aside(lib)
        raise
    lib.story_aside, lib.story_replay = True, []
    return True


def end_window_aside(lib: Library) -> None:
    """The connection's copy for a window dropped (if any): it reads and writes the library's tables again."""
    lib.story_replay = None
    db = lib.db
    for name in WINDOW_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS temp.window_{name}")
    db.execute("DROP TABLE IF EXISTS temp.window_scope")
    db.execute("DROP TABLE IF EXISTS temp.window_copied")
    end_aside(lib)


def replay(lib: Library, steps: list[tuple]) -> None:
    """Write the story steps kept while a window was built aside (`start_window_aside`) into the library, inside the
    caller's transaction: the same statements as then, on the library's tables and with its triggers."""
    db = lib.db
    for kind, step in steps:
        if kind == "groups":
            _write_groups(lib, db, **step)
        else:
            _write_renumber(lib, db, step)


@dataclass
class WindowChanges:
    """What a window computed aside changes in the library (`window_changes`): the memberships to write again and the
    story rows, as the steps kept in `lib.story_replay` leave them; `write_window` writes them."""

    drop: list[int]  # memberships deleted: those placed otherwise or gone, and the copies of those (the delete trigger
    # points them at another original)
    rows: list[tuple]  # memberships (article_id, story_id, day, terms, sketch, dup_of) inserted, in article order
    terms: list[tuple]  # (terms, sketch, article_id) of memberships only reweighed: in the same story, day and original
    stories: list[tuple]  # story rows written (every column, as computed)
    gone: list[int]  # stories deleted
    features: list[tuple]  # the placed articles' grouping features (the steps' own)
    last_story_id: int | None
    gen: int | None  # the story generation the steps leave (the library's is raised to it)


_WINDOW_ROWS = ("SELECT b.article_id, b.story_id, b.day, CASE WHEN b.terms = '' THEN m.terms ELSE b.terms END,"
                " CASE WHEN b.sketch = '' THEN m.sketch ELSE b.sketch END, b.dup_of FROM temp.story_articles b"
                " LEFT JOIN main.story_articles m ON m.article_id = b.article_id")


def window_changes(lib: Library) -> WindowChanges | None:
    """Inside `lib.snapshot()`, once a window's steps were made aside (start_window_aside, not yet ended): the
    memberships and story rows of the copy that are not the library's (as the snapshot reads it: the write checks
    that the stories did not change since), and what the steps wrote beside them. A window's articles leave their
    stories and are placed again, most of them where they were with their terms weighed by the window's own document
    frequencies (every one of them at 100,000 articles): such a membership's terms are written in place, no trigger
    reads them. A membership copied without its terms and sketch ('': `_column`) and not written since is the
    library's. None when a copy of a membership placed otherwise was not copied (the steps are replayed)."""
    db = lib.db
    placed, terms = [], []
    for aid, other in db.execute(
            "SELECT b.article_id, m.article_id IS NULL OR m.story_id IS NOT b.story_id OR m.day IS NOT b.day"
            " OR m.dup_of IS NOT b.dup_of FROM temp.story_articles b LEFT JOIN main.story_articles m"
            " ON m.article_id = b.article_id WHERE m.article_id IS NULL OR m.story_id IS NOT b.story_id"
            " OR m.day IS NOT b.day OR m.dup_of IS NOT b.dup_of OR (b.terms <> '' AND m.terms IS NOT b.terms)"
            " OR (b.sketch <> '' AND m.sketch IS NOT b.sketch)"):
        (placed if other else terms).append(aid)
    gone = [r[0] for r in db.execute(
        "SELECT c.article_id FROM temp.window_copied c WHERE NOT EXISTS"
        " (SELECT 1 FROM temp.story_articles b WHERE b.article_id = c.article_id)")]
    redo = set(placed)
    moving = placed + gone
    for i in range(0, len(moving), 500):  # the copies of a membership deleted: the delete trigger points them elsewhere
        part = moving[i:i + 500]
        for aid, copied in db.execute(
                "SELECT m.article_id, EXISTS (SELECT 1 FROM temp.window_copied c WHERE c.article_id = m.article_id)"
                f" FROM main.story_articles m WHERE m.dup_of IN ({','.join('?' * len(part))})", part):
            if not copied:
                return None
            redo.add(aid)
    redo.difference_update(gone)
    drop = sorted(redo.union(gone))
    old: set[int] = set()
    for i in range(0, len(drop), 500):
        part = drop[i:i + 500]
        old.update(r[0] for r in db.execute(
            f"SELECT story_id FROM main.story_articles WHERE article_id IN ({','.join('?' * len(part))})", part))
    expect = sorted(redo.union(terms))
    rows: list[tuple] = []
    for i in range(0, len(expect), 500):
        part = expect[i:i + 500]
        rows += db.execute(f"{_WINDOW_ROWS} WHERE b.article_id IN ({','.join('?' * len(part))}) ORDER BY b.article_id",
                           part).fetchall()
    if any(r[3] is None or r[4] is None for r in rows):
        return None
    columns = [r[1] for r in db.execute("PRAGMA temp.table_info(stories)")]
    differs = " OR ".join(f'm."{c}" IS NOT b."{c}"' for c in columns)
    touched = {r[0] for r in db.execute(
        f"SELECT b.id FROM temp.stories b LEFT JOIN main.stories m ON m.id = b.id WHERE m.id IS NULL OR {differs}")}
    touched.update(old, (r[1] for r in rows if r[0] in redo))
    touched.update(r[0] for r in db.execute(
        "SELECT s.id FROM temp.window_scope s WHERE NOT EXISTS (SELECT 1 FROM temp.stories b WHERE b.id = s.id)"))
    stories: list[tuple] = []
    ordered = sorted(touched)
    for i in range(0, len(ordered), 500):
        part = ordered[i:i + 500]
        stories += db.execute(f"SELECT * FROM temp.stories WHERE id IN ({','.join('?' * len(part))}) ORDER BY id",
                              part).fetchall()
    written = {s[0] for s in stories}
    steps = [step for kind, step in lib.story_replay or () if kind == "groups"]
    last = [s["last_story_id"] for s in steps if s["last_story_id"] is not None]
    gen = db.execute("SELECT value FROM temp.counts WHERE name = ?", (GENERATION,)).fetchone()
    return WindowChanges(drop, [r for r in rows if r[0] in redo], [(r[3], r[4], r[0]) for r in rows if r[0] not in redo],
                         stories,
                         [s for s in ordered if s not in written], [f for s in steps for f in s["features"]],
                         max(last) if last else None, gen[0] if gen else None)


def write_window(lib: Library, changes: WindowChanges) -> bool:
    """Write a window's changes (`window_changes`) into the library, inside the caller's transaction, in a savepoint of
    it: the reweighed memberships' terms in place; the memberships placed otherwise deleted and inserted again with
    the library's triggers (the story figures, the copies' twin_of, story_left and the grouped count follow as for
    the steps' own statements); the story rows as computed, the features, the story id counter and generation as the
    steps leave them. False (rolled back to before) when the rows so written are not the computed ones: the caller
    replays the steps."""
    db = lib.db
    columns = [r[1] for r in db.execute("PRAGMA main.table_info(stories)")]
    try:
        with lib.transaction():
            # (no trigger reads them: each row is as computed when each was there to update)
            if db.executemany("UPDATE main.story_articles SET terms = ?, sketch = ? WHERE article_id = ?",
                              changes.terms).rowcount != len(changes.terms):
                raise _NotAsComputed
            for i in range(0, len(changes.drop), 500):
                part = changes.drop[i:i + 500]
                db.execute(f"DELETE FROM main.story_articles WHERE article_id IN ({','.join('?' * len(part))})", part)
            db.executemany("DELETE FROM main.stories WHERE id = ?", [(i,) for i in changes.gone])
            db.executemany(f"INSERT OR REPLACE INTO main.stories ({', '.join(columns)})"
                           f" VALUES ({', '.join('?' * len(columns))})", changes.stories)
            if not insert_memberships(db, changes.rows):  # (story_bulk.py: from 500 rows, the same end state)
                db.executemany(
                    "INSERT OR IGNORE INTO main.story_articles (article_id, story_id, day, terms, sketch, dup_of)"
                    " SELECT ?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                    [(*r, r[0]) for r in changes.rows])
            if changes.features:
                write_features(db, changes.features)
            if changes.last_story_id is not None:
                _remember_ids(db, changes.last_story_id)
            if changes.gen is not None:
                db.execute("UPDATE main.counts SET value = ? WHERE name = ?", (changes.gen, GENERATION))
            written = []
            for i in range(0, len(changes.drop), 500):
                part = changes.drop[i:i + 500]
                written += db.execute(
                    "SELECT article_id, story_id, day, terms, sketch, dup_of FROM main.story_articles"
                    f" WHERE article_id IN ({','.join('?' * len(part))}) ORDER BY article_id", part).fetchall()
            ids = [s[0] for s in changes.stories] + changes.gone
            stories = []
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                stories += db.execute(f"SELECT * FROM main.stories WHERE id IN ({','.join('?' * len(part))})",
                                      part).fetchall()
            if written != changes.rows or sorted(stories) != changes.stories:
                raise _NotAsComputed
    except _NotAsComputed:
        return False
    return True


class _NotAsComputed(Exception):
    pass


def end_aside(lib: Library) -> None:
    """The connection's own story tables dropped (if any): it reads and writes the library's again."""
    lib.story_aside = False
    db = lib.db
    for name in ("aside_grouped_ai", "aside_grouped_ad"):
        db.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
    for name in ASIDE:
        db.execute(f"DROP TABLE IF EXISTS temp.{name}")
        db.execute(f"DROP TABLE IF EXISTS temp.{name}_aside")


SWAP_CHUNK = 5000  # memberships written per statement group by swap_aside


def swap_aside(lib: Library, then=None) -> int:
    """Write the stories built aside (start_aside) into the library in one transaction, in place of its own, as
    `clear` and the grouping's writes would have left them: every figure the triggers keep (story_stats,
    story_sources, the copies' articles.twin_of, story_left, the grouped count). An article deleted meanwhile is
    left out (its story's size follows; a story left empty goes), and so is one changed in place meanwhile (its
    stored features went: it waits in no story, and the next grouping places it by what it says now). Inside a
    caller's transaction it is a savepoint of it. `then()`, when given, is called inside the same transaction after
    it (a rebuild's method and window mark). Returns the memberships written.

    The foreign keys are not enforced meanwhile (every row written is checked against the articles here): with them,
    SQLite deletes the old memberships one by one, six indexes each, not by its truncation (1.3 s at 100,000, load
    14)."""
    db = lib.db
    keys = db.execute("PRAGMA foreign_keys").fetchone()[0] if not db.in_transaction else None
    if keys:
        db.execute("PRAGMA foreign_keys = OFF")
    try:
        return _swap(lib, then)
    finally:
        if keys:
            db.execute("PRAGMA foreign_keys = ON")


def _swap(lib: Library, then) -> int:
    db = lib.db
    features = db.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'story_features'"
                          ).fetchone() is not None
    # (an article whose text changed in place lost its stored features: those the grouping stored are gone)
    kept = " AND EXISTS (SELECT 1 FROM main.story_features f WHERE f.article_id = b.article_id)" if features else ""
    # the memberships that differ, found before the write lock is taken (~1 s at 100,000): a rebuild mostly writes
    # again what was there; found again under the lock when the stories changed meanwhile (an article deleted)
    gen = _generation(db)
    differ = _differing(db, "temp.story_articles", kept)
    with lib.transaction():
        hold_lease(lib, db)
        for name in ("aside_grouped_ai", "aside_grouped_ad"):
            db.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
        for name in ASIDE:
            db.execute(f"ALTER TABLE temp.{name} RENAME TO {name}_aside")
        lib.story_aside = False
        built = db.execute("SELECT count(*) FROM temp.story_articles_aside").fetchone()[0]
        if differ is not None and _generation(db) != gen:
            differ = _differing(db, "temp.story_articles_aside", kept)
        if differ is None or not _write_differing(db, differ, kept):
            _write_all(db, kept)
        # the stories as built (those that differ), their sizes from the rows when some were left out
        db.execute("DELETE FROM stories WHERE id NOT IN (SELECT id FROM temp.stories_aside)")
        db.execute("INSERT OR REPLACE INTO stories (id, title, first, last, size, terms)"
                   " SELECT b.id, b.title, b.first, b.last, b.size, b.terms FROM temp.stories_aside b WHERE NOT EXISTS"
                   " (SELECT 1 FROM stories s WHERE s.id = b.id AND s.title IS b.title AND s.first IS b.first"
                   " AND s.last IS b.last AND s.size IS b.size AND s.terms IS b.terms)")
        written = db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
        if written != built:  # some left out: their stories' sizes from the rows, a story left empty gone
            db.execute("UPDATE stories SET size = (SELECT count(*) FROM story_articles a WHERE a.story_id = stories.id)"
                       " WHERE size <> (SELECT count(*) FROM story_articles a WHERE a.story_id = stories.id)")
            db.execute("DELETE FROM stories WHERE size <= 0")
        # the grouped count set, not moved (one damaged by hand, which hid waiting articles, is right again)
        db.execute("INSERT OR REPLACE INTO counts (name, value) VALUES ('grouped', ?)", (written,))
        ids = db.execute("SELECT value FROM temp.counts_aside WHERE name = 'story_ids'").fetchone()
        if ids is not None and type(ids[0]) is int:
            _remember_ids(db, ids[0])
        bump_generation(db)
        for name in ASIDE:
            db.execute(f"DROP TABLE temp.{name}_aside")
        if then is not None:
            then()
    return written


SWAP_DIFFERING = 0.2  # a swap writes only the memberships that differ up to this share of them; more: all again


def _generation(db) -> object:
    row = db.execute("SELECT value FROM main.counts WHERE name = ?", (GENERATION,)).fetchone()
    return row[0] if row else None


def _differing(db, built: str, kept: str) -> tuple[list[int], list[int]] | None:
    """(article ids whose built membership is not the library's as it is, or is left out, or is new; library
    memberships of articles not built), or None when they are more than SWAP_DIFFERING of the memberships (the whole
    table is written again)."""
    total = db.execute(f"SELECT count(*) FROM {built}").fetchone()[0]
    limit = int(total * SWAP_DIFFERING) + 1
    changed = [r[0] for r in db.execute(
        f"SELECT b.article_id FROM {built} b LEFT JOIN main.story_articles m ON m.article_id = b.article_id WHERE"
        " m.article_id IS NULL OR m.story_id IS NOT b.story_id OR m.day IS NOT b.day OR m.terms IS NOT b.terms"
        f" OR m.sketch IS NOT b.sketch OR m.dup_of IS NOT b.dup_of OR NOT (1{kept}) LIMIT ?", (limit,))]
    if len(changed) >= limit:
        return None
    gone = [r[0] for r in db.execute(
        f"SELECT m.article_id FROM main.story_articles m WHERE NOT EXISTS (SELECT 1 FROM {built} b"
        " WHERE b.article_id = m.article_id) LIMIT ?", (limit,))]
    return None if len(changed) + len(gone) >= limit else (changed, gone)


def _write_differing(db, differ: tuple[list[int], list[int]], kept: str) -> bool:
    """Make the library's memberships the built ones by deleting and inserting those that differ, row by row with
    the triggers (the figures, the copies' twin_of, story_left follow as for any grouping's write); with them the
    copies of an article whose row is written again (the delete trigger points them at another). False when the
    rows so written are not then the built ones (the caller writes them all)."""
    changed, gone = differ
    redo: set[int] = set(changed)
    for i in range(0, len(changed) + len(gone), 500):  # the copies of the articles rewritten or gone
        part = (changed + gone)[i:i + 500]
        redo.update(r[0] for r in db.execute(
            f"SELECT article_id FROM main.story_articles WHERE dup_of IN ({','.join('?' * len(part))})", part))
    ids = sorted(redo | set(gone))
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        db.execute(f"DELETE FROM main.story_articles WHERE article_id IN ({','.join('?' * len(part))})", part)
    ids = sorted(redo)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        db.execute("INSERT OR IGNORE INTO main.story_articles (article_id, story_id, day, terms, sketch, dup_of)"
                   " SELECT b.article_id, b.story_id, b.day, b.terms, b.sketch, b.dup_of FROM temp.story_articles_aside b"
                   f" WHERE b.article_id IN ({','.join('?' * len(part))}) AND EXISTS (SELECT 1 FROM articles a"
                   f" WHERE a.id = b.article_id){kept} ORDER BY b.article_id", part)
    for i in range(0, len(ids), 500):  # each written row as built (or left out: its article gone or changed)
        part = ids[i:i + 500]
        if db.execute(
                f"SELECT 1 FROM main.story_articles m JOIN temp.story_articles_aside b ON b.article_id = m.article_id"
                f" WHERE m.article_id IN ({','.join('?' * len(part))}) AND (m.story_id IS NOT b.story_id OR m.day IS"
                " NOT b.day OR m.terms IS NOT b.terms OR m.sketch IS NOT b.sketch OR m.dup_of IS NOT b.dup_of)"
                " LIMIT 1", part).fetchone() is not None:
            return False
    return True


def _write_all(db, kept: str) -> None:
    """Every membership forgotten (as `clear`) and the built ones written: in bulk (story_bulk.insert_all), else in
    chunks through insert_memberships."""
    if not forget_memberships(db):
        db.execute("DELETE FROM story_articles")
    db.execute("INSERT OR REPLACE INTO counts (name, value) VALUES ('grouped', 0)")
    if insert_all(db, "SELECT b.article_id, b.story_id, b.day, b.terms, b.sketch, b.dup_of FROM"
                      f" temp.story_articles_aside b WHERE 1{kept} ORDER BY b.article_id") is not None:
        return
    after = 0
    while True:
        rows = db.execute("SELECT b.article_id, b.story_id, b.day, b.terms, b.sketch, b.dup_of,"
                          f" 1{kept} FROM temp.story_articles_aside b WHERE b.article_id > ?"
                          " ORDER BY b.article_id LIMIT ?", (after, SWAP_CHUNK)).fetchall()
        if not rows:
            break
        after = rows[-1][0]
        rows = [r[:6] for r in rows if r[6]]
        if not insert_memberships(db, rows):  # in bulk (story_bulk.py), else row by row with the triggers
            db.executemany("INSERT OR IGNORE INTO story_articles (article_id, story_id, day, terms, sketch, dup_of)"
                           " SELECT ?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                           [(*r, r[0]) for r in rows])


LEASE = "story_grouping"  # counts row: until when (unix seconds) one grouper holds the library
LEASE_BY = "story_grouping_by"  # counts row: which claim it is (a random number each grouper draws when it takes it)
LEASE_MAX_SECONDS = 3600  # no grouper claims the library for longer at a time (grouping.LEASE_SECONDS: 120)
# How long letting go of the lease waits for another program's write lock, even inside Library.impatient: a `stories`
# whose settle gave up on a writer that came in mid-settle (after 1 s) left its lease to lapse, and every grouping
# (the app's too) was held off for 120 s; a writer's transaction (a chunk of an import) lasts seconds.
LEASE_DROP_WAIT = 10.0


class LeaseLost(StoreError):
    """The grouping lease taken through this library lapsed while it waited, and another grouper holds it now: what
    this one would have written is rolled back (the other places those articles too)."""


def _lease_held(row, now: int, seconds: int) -> bool:
    # held: until a time to come, no further ahead than any grouper takes it; a value edited by hand (text, bytes,
    # a time no claim reaches, or a clock set back since) is no claim and lapses
    return row is not None and type(row[0]) is int and now < row[0] <= now + max(seconds, LEASE_MAX_SECONDS)


LEASE_OWNER = ("story_grouping_host", "story_grouping_pid", "story_grouping_start")  # counts rows: who holds it


def _this_host() -> int:
    """A number for this machine as its processes see each other (host name, boot, pid namespace), 0 when it cannot
    be told (no /proc): two groupers with the same number can ask whether the other's process still runs."""
    import hashlib
    import os
    import socket

    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            boot = f.read().strip()
        space = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        return 0
    key = f"{socket.gethostname()}\n{boot}\n{space}".encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") >> 2 or 1


def _started(pid: int) -> int | None:
    """When process `pid` started (clock ticks after boot, /proc/PID/stat), None when it no longer runs (gone, or a
    zombie: killed and not yet waited for)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except (OSError, ValueError):
        return None
    fields = stat[stat.rfind(b")") + 2:].split()  # after the command's name, which may hold spaces and brackets
    try:
        return None if fields[0] in (b"Z", b"X") else int(fields[19])
    except (IndexError, ValueError):
        return None


_OWNER: dict[int, tuple[int, int, int]] = {}  # pid -> _owner() (worked out once per process: a forked one has its own)


def _owner() -> tuple[int, int, int]:
    """(host, pid, start) of this process as the lease records its holder."""
    import os

    pid = os.getpid()
    if pid not in _OWNER:
        host = _this_host()
        start = _started(pid) if host else None
        _OWNER[pid] = (host, pid, start) if start is not None else (0, pid, 0)
    return _OWNER[pid]


def _owner_dead(db) -> bool:
    """Whether the lease's holder is a process of this machine that no longer runs (its pid gone, or taken by a
    process started at another time): its lease is taken over at once. A holder on another machine, or one that
    recorded no owner (an older newsreader), is waited for until its lease lapses."""
    rows = dict(db.execute(f"SELECT name, value FROM main.counts WHERE name IN ({','.join('?' * len(LEASE_OWNER))})",
                           LEASE_OWNER).fetchall())
    host, pid, start = (rows.get(n) for n in LEASE_OWNER)
    if not all(type(v) is int and v > 0 for v in (host, pid, start)) or host != _owner()[0]:
        return False
    return _started(pid) != start


def take_lease(lib: Library, seconds: int, renew: bool = False) -> bool:
    """Claim the right to group for `seconds` (False when another grouper, in this or another process,
    holds it and has not let it lapse). `renew` extends the claim taken through `lib`, or takes it again when it
    lapsed and nobody else took it; False when another grouper holds it now. A lease whose holder was a process of
    this machine that has ended (killed mid-grouping) is taken over at once, not after it lapses."""
    import random
    import time

    now = int(time.time())
    token = lib.lease if renew and lib.lease is not None else random.randrange(1, 1 << 62)
    with lib.transaction() as db:
        row = db.execute("SELECT value FROM main.counts WHERE name = ?", (LEASE,)).fetchone()
        if (_lease_held(row, now, seconds) and not (renew and _lease_by(db) == lib.lease)
                and not _owner_dead(db)):
            return False
        db.executemany("INSERT INTO main.counts (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                       [(LEASE, now + seconds), (LEASE_BY, token), *zip(LEASE_OWNER, _owner())])
    lib.lease, lib.lease_seconds, lib.lease_until = token, seconds, now + seconds
    return True


def lease_taken(lib: Library) -> bool:
    """Whether a grouper holds the lease now (one whose process has ended does not: take_lease takes it over)."""
    import time

    row = lib.db.execute("SELECT value FROM main.counts WHERE name = ?", (LEASE,)).fetchone()
    return _lease_held(row, int(time.time()), 0) and not _owner_dead(lib.db)


def _lease_by(db) -> object:
    row = db.execute("SELECT value FROM main.counts WHERE name = ?", (LEASE_BY,)).fetchone()
    return row[0] if row is not None else None


def hold_lease(lib: Library, db) -> None:
    """Inside a grouper's write transaction (save_groups, renumber, when `lib` holds the lease): the lease is still
    this grouper's, and renewed from now for as long as it was taken (the transaction may have waited long for the
    lock); LeaseLost (the transaction rolled back) when another grouper took it after it lapsed."""
    import time

    if lib.lease is None:
        return
    if lib.story_replay is not None:  # built aside for a window: held when written, kept meanwhile
        _keep_lease_aside(lib)
        return
    now, seconds = int(time.time()), lib.lease_seconds
    row = db.execute("SELECT value FROM main.counts WHERE name = ?", (LEASE,)).fetchone()
    if _lease_by(db) != lib.lease and _lease_held(row, now, seconds):
        lib.lease = None
        raise LeaseLost("another grouper took over the stories while this one waited for the library")
    db.executemany("INSERT INTO main.counts (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                   [(LEASE, now + seconds), (LEASE_BY, lib.lease)])
    lib.lease_until = now + seconds


def _keep_lease_aside(lib: Library) -> None:
    """A step of a window computed aside (start_window_aside: inside a read transaction, which reads the lease as it
    was and must not write the library): once half of the lease has passed (a long computation on a loaded machine,
    a process stopped a while), it is renewed through a connection of its own, in a short write transaction, so that
    no other grouper takes over meanwhile; LeaseLost (nothing of the window written) when it lapsed and another
    grouper holds it now. A lock held longer than LEASE_DROP_WAIT by another program: tried again at the next step
    (the window's writing checks the lease anyway)."""
    import time

    now, seconds, token = int(time.time()), lib.lease_seconds, lib.lease
    if now < lib.lease_until - seconds // 2:
        return
    side = lib._connect(readonly=False)
    try:
        side.execute(f"PRAGMA busy_timeout = {int(LEASE_DROP_WAIT * 1000)}")
        side.execute("BEGIN IMMEDIATE")
        row = side.execute("SELECT value FROM main.counts WHERE name = ?", (LEASE,)).fetchone()
        if _lease_by(side) != token and _lease_held(row, now, seconds):
            side.execute("ROLLBACK")
            lib.lease = None
            raise LeaseLost("another grouper took over the stories while this one regrouped a window")
        side.executemany("INSERT INTO main.counts (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET"
                         " value = excluded.value", [(LEASE, now + seconds), (LEASE_BY, token)])
        side.execute("COMMIT")
        lib.lease_until = now + seconds
    except sqlite3.OperationalError:  # (busy: another program's write lock held long)
        pass
    finally:
        side.close()


def drop_lease(lib: Library) -> None:
    """Let another grouper run: the lease taken through `lib` is given up (one another grouper took after it lapsed
    is left alone). Waits up to LEASE_DROP_WAIT for the write lock, also inside `impatient` (a grouping that gave up
    on another writer still lets go of its lease); a lock held longer leaves it to lapse by itself."""
    from tui.store.library import LibraryBusy

    token, lib.lease = lib.lease, None
    if token is None:
        return
    try:
        with lib.impatient(LEASE_DROP_WAIT), lib.transaction() as db:
            if _lease_by(db) == token:
                db.execute("UPDATE main.counts SET value = 0 WHERE name IN (?, ?)", (LEASE, LEASE_BY))
    except LibraryBusy:
        pass


def assignments(lib: Library) -> dict[int, int]:
    """Article id -> story id of every grouped article."""
    return dict(lib.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())


def renumber(lib: Library, ids: dict[int, int], before=None, after=None) -> None:
    """Give stories other ids (`ids`: current id -> new id; a new id must be free). `before(db)` and `after(db)` as
    save_groups calls them."""
    if not ids:
        return
    pairs = [(new, old) for old, new in ids.items()]
    with lib.transaction() as db:
        hold_lease(lib, db)
        if before is not None:
            before(db)
        _write_renumber(lib, db, pairs)
        if after is not None:
            after(db)
    if lib.story_replay is not None:
        lib.story_replay.append(("renumber", pairs))


def _write_renumber(lib: Library, db, pairs: list[tuple[int, int]]) -> None:
    db.executemany("UPDATE stories SET id = ? WHERE id = ?", pairs)
    if lib.story_aside or not renumber_memberships(db, pairs):  # in bulk (story_bulk.py), else row by row
        db.executemany("UPDATE story_articles SET story_id = ? WHERE story_id = ?", pairs)
    bump_generation(db)


def since_where(since: str, story: str = "s") -> tuple[str, tuple]:
    """The SQL condition (and its values) of a story with an article since `since`: an ISO day ("" for every story),
    or a UTC time ("2026-01-14T08:30:00Z", tui.stories.when). A story whose last day is after the time's day has
    one; one whose last day is that day has one when a member may be as new: an article its feed gave a time is
    taken by that time, one dated by its day alone by its day, an undated one by when it was added (its only time),
    and none was published after it was added, so an article added before the time is older than it (`brief --since
    1h` covered the whole day). A story's days are the reader's (an article with a time is dated by its day on the
    reader's clock: tui.models.local_day), up to a day either side of the time's UTC day: a story whose last day is
    two days after it has one, one within a day of it has one when a member may be as new."""
    if len(since) <= 10:
        return f"{story}.last >= ?", (since,)
    day = since[:10]
    before, after = _day_step(day, -1), _day_step(day, 1)
    # (an article's sort key is its UTC time where its feed gave one, else its day, else when it was added)
    return (f"{story}.last >= ? AND ({story}.last > ? OR EXISTS (SELECT 1 FROM story_articles m JOIN articles a"
            f" ON a.id = m.article_id WHERE m.story_id = {story}.id AND m.day >= ? AND a.added_at >= ?"
            " AND (CASE WHEN length(a.sort_key) <= 10 THEN m.day >= ? ELSE a.sort_key >= ? END)))",
            (before, after, before, since, day, since))


def _day_step(day: str, days: int) -> str:
    """The ISO day `days` after `day` (before it when negative); `day` itself when it is no day."""
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return day


# A story with at least one article: the list's rows when the story tables disagree and cannot be mended (a read-only
# library: `counted` below; stories_untrue)
_MEMBERED = "EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id)"


def story_count(lib: Library, since: str = "", counted: bool = False) -> int:
    """Number of stories (with an article on or after `since`, an ISO date or a UTC time, when given); `counted`: the
    stories with an article only (a story row made by hand with none is left out)."""
    where, args = since_where(since)
    if counted:
        where = f"{where} AND {_MEMBERED}"
    return lib.db.execute(f"SELECT count(*) FROM stories s WHERE {where}", args).fetchone()[0]


_ORDER = "ORDER BY last DESC, size DESC, id DESC"


def story_position(lib: Library, story_id: int) -> int | None:
    """Where `story_id` sits in the stories list (story_rows' order, every story), or None when there is no such
    story: the stories before it counted along the list's index (as changes.list_position counts an article's)."""
    row = lib.db.execute("SELECT last, size FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    return lib.db.execute("SELECT count(*) FROM stories INDEXED BY stories_order WHERE (last, size, id) > (?, ?, ?)",
                          (row[0], row[1], story_id)).fetchone()[0]
_REVERSE = "ORDER BY last ASC, size ASC, id ASC"


# A story's list figures come from story_stats (migration 11's triggers keep them): a page reads one
# stories row and one story_stats row per story, never the member articles.
_ROW = ("SELECT s.id, s.title, s.size, s.first, s.last, t.members, t.unread, t.outlets, t.undated"
        " FROM stories s LEFT JOIN story_stats t ON t.story_id = s.id")
# (a read-only library of a schema before 37, read as it is, has no undated figure: read as 0, nothing marked)
_ROW_BEFORE_UNDATED = _ROW.replace("t.undated", "0")


def _row_sql(lib: Library) -> str:
    """_ROW for this library: a writable one is upgraded (the column is there); a read-only one is asked once."""
    if not lib.readonly:
        return _ROW
    has = getattr(lib, "_stats_undated", None)
    if has is None:
        try:
            has = "undated" in {r[1] for r in lib.db.execute("SELECT * FROM pragma_table_info('story_stats')")}
        except sqlite3.DatabaseError:
            has = False
        lib._stats_undated = has
    return _ROW if has else _ROW_BEFORE_UNDATED


def members_of_gone_stories(lib: Library) -> int:
    """How many articles are members of a story no longer in the library: another program that enforces foreign keys
    deleted the story (schema 33's trigger gives a story's articles back only when the keys are off; newsreader's own
    writes delete a story before they move its articles). No list shows them in a story and grouping never takes them
    again; `stories --rebuild` does. A scan of the memberships' story index (20-50 ms at 100,000 articles): for
    `doctor`, not for every open."""
    return lib.db.execute("SELECT count(*) FROM story_articles WHERE story_id NOT IN (SELECT id FROM stories)"
                          ).fetchone()[0]


def members_of_missing_articles(lib: Library) -> int:
    """How many memberships point at an article no longer in the library (`PRAGMA foreign_key_check` on them): a
    program that did not enforce the foreign keys wrote them after schema 32's clean-up (its triggers follow a delete,
    not an insert). They are shown nowhere and harm nothing visible; `stories --rebuild` drops them. A scan of the
    memberships, each looked up among the articles: for `doctor`."""
    return lib.db.execute("SELECT count(*) FROM pragma_foreign_key_check('story_articles')").fetchone()[0]


def stories_untrue(lib: Library) -> bool:
    """Whether the story tables disagree with themselves as only another program leaves them: a story deleted with the
    foreign keys on (its memberships stay: its articles in no story any list shows, never grouped again), a story row
    with no articles (made by hand: listed as "5 art" from figures it was given, while `story N` said "0 articles"), or
    figures that no longer add up to the memberships. Two counts and a sum over the figures (one small row a story) and
    a counts row: 3-12 ms at 60,000 stories, load 14; for every settle (`grouping.settle`), which mends them
    (mend_stories). False when they cannot be read (a library damaged there is said elsewhere)."""
    import sqlite3

    try:
        stories, figures, members, grouped = lib.db.execute(
            "SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM story_stats),"
            " (SELECT total(members) FROM story_stats), (SELECT value FROM counts WHERE name = 'grouped')").fetchone()
    except sqlite3.DatabaseError:
        return False
    return stories != figures or (type(grouped) is int and members != grouped)


def unread_stories_counted(lib: Library) -> int:
    """How many stories have an unread article, counted from their articles (as the library counts rows: a copy of a
    text from another outlet is not one): reader.unread_stories' figure for story tables that disagree and are not
    mended (story_rows' `counted`)."""
    return lib.db.execute("SELECT count(DISTINCT sa.story_id) FROM story_articles sa JOIN articles a ON a.id ="
                          " sa.article_id WHERE NOT a.read AND a.twin_of IS NULL AND sa.story_id IN"
                          " (SELECT id FROM stories)").fetchone()[0]


def mend_stories(lib: Library) -> int:
    """What stories_untrue finds, mended (the grouper's lease held; one transaction): the memberships of stories no
    longer in the library go, so the next grouping places their articles again (as schema 33's trigger does for a story
    deleted with the keys off; the other stories are left as they are); a story with no article goes; figures kept for
    no story go, and when the rest still do not add up to the memberships they are counted again from them (the
    library's open does so for a figures table gone: STORY_FIGURES), with the grouped articles' count. How many
    articles were given back to grouping."""
    from tui.store.schema import STORY_FIGURES, STORY_UNDATED

    with lib.transaction() as db:
        back = db.execute("DELETE FROM story_articles WHERE story_id NOT IN (SELECT id FROM stories)").rowcount
        db.execute("DELETE FROM stories WHERE NOT EXISTS"
                   " (SELECT 1 FROM story_articles sa WHERE sa.story_id = stories.id)")
        db.execute("DELETE FROM story_sources WHERE story_id NOT IN (SELECT id FROM stories)")
        db.execute("DELETE FROM story_stats WHERE story_id NOT IN (SELECT id FROM stories)")
        grouped = db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
        if db.execute("SELECT total(members) FROM story_stats").fetchone()[0] != grouped or db.execute(
                "SELECT (SELECT count(*) FROM stories) != (SELECT count(*) FROM story_stats)").fetchone()[0]:
            for statement in (STORY_FIGURES + STORY_UNDATED).split(";"):
                if statement.strip():
                    db.execute(statement)
        db.execute("UPDATE counts SET value = ? WHERE name = 'grouped' AND value IS NOT ?", (grouped, grouped))
        bump_generation(db)
    return back


def story_rows(lib: Library, offset: int = 0, limit: int = 100, since: str = "", min_size: int = 1,
               members: bool = True, counted: bool = False) -> list[StoryRow]:
    """One page of stories, latest article first (ties: the larger story first). `members` False: the
    list figures only (size, outlets, unread), `article_ids` and `sources` left empty: no article is read. `counted`:
    for story tables that disagree (stories_untrue) and are not mended: the stories with an article only, their
    figures counted from their articles (not the stored ones)."""
    where, args = since_where(since)
    if counted:
        where, members = f"{where} AND {_MEMBERED}", True
    if min_size > 1:
        where, args = f"{where} AND s.size >= ?", (*args, min_size)
    # (no size bound otherwise: a story's stored size is never below 1 unless edited by hand, and one edited to -5 or
    # 0 hid the story from the list and the briefing while `story N` showed its articles and count_stories counted
    # it; its row's figures come from story_stats, or its members)
    rows = lib.db.execute(f"{_row_sql(lib)} WHERE {where} {_ORDER} LIMIT ? OFFSET ?", (*args, limit, offset)).fetchall()
    return _made(lib, rows, members)


def readable_story_rows(lib: Library, start: int, limit: int, since: str = "", members: bool = True,
                        unreadable: list[int] | None = None) -> list[StoryRow]:
    """story_rows' rows from list position `start` on, read one story at a time, for a library with a damaged page
    in its story tables: the list's order and the ids come from the stories' index alone (it holds every column the
    order needs), a story whose row cannot be read is left out and its id put in `unreadable`, one whose figures
    cannot be read (story_stats) is counted from its members. Each story's extra figures (members or unread copies)
    are read for it alone, and left as stored when they cannot be."""
    where, args = since_where(since)
    order = f"SELECT s.id FROM stories s INDEXED BY stories_order WHERE {where} {_ORDER} LIMIT ? OFFSET ?"
    try:
        ids = [r[0] for r in lib.db.execute(order, (*args, limit, start))]
    except sqlite3.OperationalError as exc:
        if "no such index" not in str(exc):
            raise
        # (the index dropped by another program: "The briefing cannot be made: OperationalError: no such index")
        ids = [r[0] for r in lib.db.execute(order.replace(" INDEXED BY stories_order", ""), (*args, limit, start))]
    out: list[StoryRow] = []
    for story_id in ids:
        try:
            row, counted = lib.db.execute(f"{_row_sql(lib)} WHERE s.id = ?", (story_id,)).fetchone(), members
        except sqlite3.DatabaseError:
            try:  # its figures (story_stats) cannot be read: count them from its members
                row, counted = _row_alone(lib, story_id), True
            except sqlite3.DatabaseError:
                row = None
        if row is None:
            if unreadable is not None:
                unreadable.append(story_id)
            continue
        try:
            out += _made(lib, [row], counted)
        except sqlite3.DatabaseError:  # its members or unread copies cannot be read: the stored figures
            out.append(StoryRow(row[0], _str(row[1]), _n(row[5]), _str(row[3]), _str(row[4]), unread=_n(row[6]),
                                stored_size=row[2], outlets=_n(row[7]), undated=_n(row[8])))
    return out


def rank_score(row: StoryRow, newest: str) -> float:
    """The briefing's rank: bigger and more recent ranks higher: unread articles x outlets, halved every 2 days
    of age."""
    from datetime import date

    try:
        age = (date.fromisoformat(newest[:10]) - date.fromisoformat(row.last[:10])).days
    except ValueError:
        age = 0
    return row.unread * (1 + row.outlets) * 0.5 ** (max(0, age) / 2)


def _newest_believed(rows: list[StoryRow]) -> str:
    """The latest day of `rows` that is not ahead of the clock (by more than a day): the day the briefing's ages count
    from. A story dated ahead (a file's "2100-01-01") made every other story decades old, so the ranking fell to the
    ids and a one-article story stood above the day's big one; it is ranked as a story of that latest day."""
    from datetime import date, timedelta

    limit = (date.today() + timedelta(days=1)).isoformat()
    believed = [r.last for r in rows if r.last[:10] <= limit]
    return max(believed) if believed else max(r.last for r in rows)


BRIEFING_SCAN = 2000  # stories the briefing looks at (the most recent); a briefing is about the latest news


def ranked_unread(lib: Library, since: str, limit: int, scan: int = BRIEFING_SCAN,
                  problems: list[str] | None = None) -> list[tuple[StoryRow, float]]:
    """The briefing's stories and their scores, best first: the `limit` best-ranked of the `scan` latest stories
    with unread articles and an article on or after `since` (ISO day). Stored figures only: no article is read,
    nothing is summarised (the briefing shows these headings at once). When the stored figures cannot be read (a
    damaged page, a table dropped), why is put in `problems` and the stories that can be read are counted."""
    try:
        rows = story_rows(lib, 0, scan, since=since, members=False)
    except sqlite3.DatabaseError as exc:  # a damaged page of the story tables: the stories that can be read
        if problems is not None:
            problems.append(" ".join(str(exc).split())[:120] or type(exc).__name__)
        rows = readable_story_rows(lib, 0, scan, since=since, members=False)
    rows = [r for r in rows if r.unread]
    if not rows:
        return []
    newest = _newest_believed(rows)
    scored = sorted(((r, rank_score(r, newest)) for r in rows), key=lambda x: (-x[1], -x[0].id))
    return scored[:limit]


def story_rows_next_to(lib: Library, row: StoryRow, limit: int, after: bool = True,
                       members: bool = True, counted: bool = False) -> list[StoryRow]:
    """The `limit` stories just after (or before) `row` in list order: an index seek from its place,
    so paging costs the same at the end of a long list as at its start. `counted` as story_rows'."""
    where, order = (("(s.last, s.size, s.id) < (?, ?, ?)", _ORDER) if after
                    else ("(s.last, s.size, s.id) > (?, ?, ?)", _REVERSE))
    if counted:
        where, members = f"{where} AND {_MEMBERED}", True
    rows = lib.db.execute(f"{_row_sql(lib)} WHERE {where} {order} LIMIT ?",
                          (row.last, row.stored_size, row.id, limit)).fetchall()
    return _made(lib, rows if after else rows[::-1], members)


def story_rows_from_end(lib: Library, offset: int, limit: int, members: bool = True,
                        counted: bool = False) -> list[StoryRow]:
    """A page counted from the end of the list (`offset` stories skipped from the oldest), in list order:
    the last page (`G`) is a seek from the index's other end, not an OFFSET over every story. `counted` as
    story_rows'."""
    where = f"WHERE {_MEMBERED} " if counted else ""
    rows = lib.db.execute(f"{_row_sql(lib)} {where}{_REVERSE} LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    members = members or counted
    return _made(lib, rows[::-1], members)


def story_row(lib: Library, story_id: int) -> StoryRow | None:
    """One story's row (with its members), or None."""
    try:
        r = lib.db.execute(f"{_row_sql(lib)} WHERE s.id = ?", (story_id,)).fetchone()
    except sqlite3.DatabaseError:  # a damaged page of story_stats: the figures are counted from the members anyway
        r = _row_alone(lib, story_id)
    return _made(lib, [r], True)[0] if r else None


def _row_alone(lib: Library, story_id: int) -> tuple | None:
    """A story's row as _ROW reads it, without its story_stats figures (their size is the stored one, the rest 0)."""
    return lib.db.execute("SELECT s.id, s.title, s.size, s.first, s.last, s.size, 0, 0, 0 FROM stories s WHERE s.id = ?",
                          (story_id,)).fetchone()


def _made(lib: Library, rows: list[tuple], members: bool) -> list[StoryRow]:
    """StoryRows for (id, title, size, first, last, members, unread, outlets, undated) rows: the stored figures, and
    with `members` each row's article ids and sources read too (one query for the page)."""
    out = [StoryRow(r[0], _str(r[1]), _n(r[5]), _str(r[3]), _str(r[4]), unread=_n(r[6]), stored_size=r[2],
                    outlets=_n(r[7]), undated=_n(r[8])) for r in rows]
    if members:
        return _filled(lib, out)
    # figures that cannot be right (a negative or non-number count, more unread than members, no figures row): counted
    # from the story's members, as the members-read list does (read as 0, a story of 3 unread lost its dot and its
    # place in the briefing)
    wrong = [row for row, r in zip(out, rows) if not _sound(r[5], r[6], r[7])]
    _unread_rows(lib, [row for row, r in zip(out, rows) if _sound(r[5], r[6], r[7])])
    _filled(lib, wrong)
    for row in wrong:
        row.article_ids = []  # the figures-only read's rows carry no members
    return out


def _sound(members, unread, outlets) -> bool:
    """Stored story figures that can be true: counts, and no more unread than members."""
    return (type(members) is int and type(unread) is int and type(outlets) is int
            and 0 <= unread <= members and outlets >= 0)


def _str(value) -> str:
    """A text column of the story tables read defensively: anything but text (a BLOB, a number) reads as empty."""
    return value if type(value) is str else ""


def _n(value) -> int:
    """A count of the story tables read defensively: anything but a count (text, a negative number) reads as 0."""
    return value if type(value) is int and value >= 0 else 0


def _unread_rows(lib: Library, out: list[StoryRow]) -> list[StoryRow]:
    """The stored unread figure counts member records; the library counts rows, and a copy of a text from
    another outlet (articles.twin_of) is not a row of its own: take the unread copies away. Read through the
    index of unread repeating memberships (migration 19) and a seek in the copies' index each: a few reads per
    page, never a story's members (a 1,000-article story's members are 1,000 reads)."""
    if not out:
        return out
    at = {row.id: row for row in out}
    for chunk in range(0, len(out), 500):  # SQLite's bound-parameter limit
        ids = [row.id for row in out[chunk:chunk + 500]]
        marks = ",".join("?" * len(ids))
        twin = (" AND EXISTS (SELECT 1 FROM articles a INDEXED BY articles_twins WHERE a.twin_of = sa.dup_of"
                " AND a.id = sa.article_id) GROUP BY sa.story_id")
        try:  # every copy (the article count) and the unread ones (migration 27's index)
            found = lib.db.execute(
                "SELECT sa.story_id, count(*), total(sa.unread = 1) FROM story_articles sa"
                f" INDEXED BY story_articles_copies WHERE sa.story_id IN ({marks}) AND sa.dup_of IS NOT NULL{twin}",
                ids).fetchall()
        except sqlite3.OperationalError:  # a read-only library made before migration 27: the unread copies only
            found = [(sid, 0, unread) for sid, unread in lib.db.execute(
                "SELECT sa.story_id, count(*) FROM story_articles sa INDEXED BY story_articles_unread_copies"
                f" WHERE sa.story_id IN ({marks}) AND sa.dup_of IS NOT NULL AND sa.unread = 1{twin}", ids)]
        for sid, copies, unread in found:
            at[sid].unread = max(0, at[sid].unread - int(unread))
            at[sid].copies = copies
    return out


def unread_in_stories(lib: Library) -> tuple[int, int]:
    """(unread articles, stories with some) over every story, counted as the stories list counts them: a text
    printed by two outlets once. The stored figures (one story_stats row a story) less the unread copies (their
    index, migration 19): no member article is read."""
    unread, stories = lib.db.execute(
        "SELECT total(unread), total(unread > 0) FROM story_stats WHERE unread > 0").fetchone()
    copies = lib.db.execute(
        "SELECT count(*) FROM story_articles sa INDEXED BY story_articles_unread_copies WHERE sa.dup_of IS NOT NULL"
        " AND sa.unread = 1 AND EXISTS (SELECT 1 FROM articles a INDEXED BY articles_twins WHERE a.twin_of = sa.dup_of"
        " AND a.id = sa.article_id)").fetchone()[0]
    return max(0, int(unread) - copies), int(stories)


def mark_stories_read(lib: Library) -> list[int]:
    """Every article of every story read (`A` in the stories list), in one transaction; returns the ids of the records
    it changed (the ones unread before: `z` marks just those unread again)."""
    try:
        with lib.transaction() as db:
            changed = [r[0] for r in db.execute(
                "SELECT id FROM articles WHERE read = 0 AND id IN (SELECT article_id FROM story_articles)")]
            for start in range(0, len(changed), 500):
                part = changed[start:start + 500]
                db.execute(f"UPDATE articles SET read = 1 WHERE id IN ({','.join('?' * len(part))})", part)
            return changed
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None


def story_of(lib: Library, article_id: int) -> int | None:
    """The story an article belongs to (None before it is grouped)."""
    r = lib.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    return r[0] if r else None


def story_exists(lib: Library, story_id: int) -> bool:
    """Whether the story is in the library: one primary-key read (an open story view asks it when the library moved,
    as a story deleted by hand moves none of the figures LibraryWatch compares)."""
    return lib.db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None


class WentTo(NamedTuple):
    """Where the articles of a story that is gone are now: `stories` holds (story id, title, how many of them it
    holds), the most first; `ungrouped` of them are in the library but in no story yet; the rest were deleted. Counted
    as the library lists them: a copy of a text another outlet printed (articles.twin_of) is not one of its own."""

    stories: list[tuple[int, str, int]]
    ungrouped: int
    deleted: int


def where_they_went(lib: Library, article_ids: list[int]) -> WentTo:
    """The stories that hold these articles now (a story deleted, merged into another, regrouped: its view says where
    its articles went). Primary-key reads, 500 ids a statement."""
    ids = sorted({int(i) for i in article_ids})
    held: dict[int, int] = {}
    present = rows = 0
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        there, shown = lib.db.execute(f"SELECT count(*), total(twin_of IS NULL) FROM articles WHERE id IN ({marks})",
                                      part).fetchone()
        present, rows = present + there, rows + int(shown)
        # (a copy is counted with the text it repeats: "2 of its 3 articles" of a story of three rows, not of five)
        for story_id, n in lib.db.execute(
                "SELECT sa.story_id, count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                f" WHERE sa.article_id IN ({marks}) AND a.twin_of IS NULL GROUP BY sa.story_id", part):
            held[story_id] = held.get(story_id, 0) + n
    found = [(story_id, story_title(lib, story_id), n) for story_id, n in held.items() if story_exists(lib, story_id)]
    found.sort(key=lambda s: (-s[2], s[0]))
    grouped = sum(n for _id, _t, n in found)
    return WentTo(found, max(0, rows - grouped), len(ids) - present)


def duplicates(lib: Library, article_id: int) -> list[int]:
    """Ids of the stored articles that repeat this one's text (near-duplicates from other sources)."""
    r = lib.db.execute("SELECT dup_of FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    head = r[0] if r and r[0] else article_id
    ids = [head] + [x[0] for x in lib.db.execute(
        "SELECT article_id FROM story_articles WHERE dup_of = ? ORDER BY article_id", (head,))]
    return [i for i in ids if i != article_id]


def _filled(lib: Library, out: list[StoryRow]) -> list[StoryRow]:
    """The rows' articles, sources and unread counts read from the members, in one query for the whole page (the
    unread count counts rows as the library does: a copy of a text from another outlet is not a row of its own)."""
    if not out:
        return out
    found: dict[int, list[tuple]] = {row.id: [] for row in out}
    for chunk in range(0, len(out), 500):  # SQLite's bound-parameter limit
        ids = [row.id for row in out[chunk:chunk + 500]]
        for sid, aid, source, read, copy in lib.db.execute(
                "SELECT s.story_id, a.id, a.source, a.read, a.twin_of IS NOT NULL"
                " FROM story_articles s JOIN articles a ON a.id = s.article_id"
                f" WHERE s.story_id IN ({','.join('?' * len(ids))}) ORDER BY {LATEST_FIRST}", ids):
            found[sid].append((aid, source, read, copy))
    for row in out:
        members = found[row.id]
        row.article_ids = [m[0] for m in members]
        row.sources = list(dict.fromkeys(m[1] for m in members[::-1] if m[1] and type(m[1]) is str))
        row.unread = sum(1 for m in members if not m[2] and not m[3])  # rows, as the library counts: not copies
        row.size = len(members)
        row.copies = sum(1 for m in members if m[3])
        row.outlets = len(row.sources)
    return out


_scan = json.scanner.make_scanner(json.JSONDecoder())  # json.loads' own C scanner, called without its wrappers


def _load(raw: str, default):
    """json.loads(raw), or `default` when it is not JSON. A text that is one JSON value from its first character to
    its last (what we write) is read by the scanner directly: the same value, for a third of the time of a sketch."""
    try:
        value, end = _scan(raw, 0)
        if end == len(raw):
            return value
    except Exception:
        pass  # (anything else: json.loads says what it is, or raises what it raises)
    try:
        return json.loads(raw)
    except (TypeError, ValueError, RecursionError):  # (RecursionError: nested past Python's stack)
        return default
