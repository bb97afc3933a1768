"""Reader basics on the store side (issue 10): views (all / unread / starred), sort orders, the unread count,
next unread, mark all read, tags and reading positions (delete that can be undone: tui/store/undo.py). Schema:
migration 7.

Everything here reads indexes or small tables: a view of 100,000 articles is a list of ids (8 bytes each),
never the articles themselves. The app shows a view through `RowSource(lib, ids=view_ids(...))`.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import datetime, timezone

from tui.models import ArticleRow
from tui.store.library import _ROW_COLUMNS, Library, StoreError, _explain, _row
from tui.store.fold import fold
from tui.store.query import fts_query, wordless
from tui.store.twins import hidden_ids
from tui.tags import tag_key

VIEWS = {"all": "", "unread": "a.read = 0", "starred": "a.starred = 1"}
SORTS = {  # each has its own index (migration 7; date is the list's own)
    "date": "a.sort_key DESC, a.id DESC",
    "title": "a.title COLLATE NOCASE, a.id",
    "source": "a.source COLLATE NOCASE, a.sort_key DESC, a.id DESC",
    "length": "a.words DESC, a.id DESC",
}
_CHUNK = 500  # ids per IN (...) query


def _check(view: str, sort: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r} (one of {', '.join(VIEWS)})")
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r} (one of {', '.join(SORTS)})")


def view_ids(lib: Library, view: str = "all", sort: str = "date", search: str = "", entity: str = "",
             tag: str = "") -> list[int]:
    """The ids of one view of the library, in its order.

    `view` narrows to unread or starred articles, `tag` to one tag (any case), `entity` to articles that
    mention it; `sort` orders by date (newest first), title (A-Z), source (A-Z, newest first within
    one; articles with no source after every named one) or length (longest first). A search orders by
    relevance instead, as `Library.ids` does.
    """
    _check(view, sort)
    if wordless(search):
        return []  # no word to search for finds nothing (query.wordless)
    if search and fts_query(search):
        ranked = lib.ids(search=search, entity=entity)
        if view == "all" and not tag:
            return ranked
        keep = set(view_ids(lib, view, "date", tag=tag))
        return [i for i in ranked if i in keep]
    where, args = [], []
    if VIEWS[view]:
        where.append(VIEWS[view])
    if entity:
        where.append("a.id IN (SELECT article_id FROM mentions WHERE name = ?)")
        args.append(entity)
    if tag:
        spellings = _tag_spellings(lib, tag)
        where.append(f"a.id IN (SELECT article_id FROM article_tags WHERE tag IN ({','.join('?' * len(spellings))}))")
        args.extend(spellings)
    if sort in ("title", "source"):
        sql = f"SELECT a.id, a.{sort} FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        rows = lib.db.execute(f"{sql} ORDER BY {SORTS[sort]}", args).fetchall()
        return _shown(lib, _by_outlet(rows) if sort == "source" else _alphabetical(rows))
    sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return _shown(lib, [r[0] for r in lib.db.execute(f"{sql} ORDER BY {SORTS[sort]}", args)])


def _shown(lib: Library, ids: list[int]) -> list[int]:
    """`ids` without the near-duplicates shown as another article's row (migration 12). Filtered here, not in
    SQL, so each view keeps its own index (a twin_of condition made the unread view scan the whole list)."""
    hidden = hidden_ids(lib)
    return [i for i in ids if i not in hidden] if hidden else ids


def _alphabetical(rows: list[tuple[int, str]]) -> list[int]:
    """Ids of (id, text) rows that SQLite ordered by text COLLATE NOCASE (ASCII letters only: "Łódź" came
    after "Zurich", "Émile" after everything), re-ordered as a reader expects: accents and letters like ł
    folded, any case. The sort is stable, so rows with the same folded text keep SQLite's tie order.
    A pass over the texts (~14 ms per 100,000); the re-sort only when one of them is not plain ASCII.
    Rows with no text go last, in their tie order (newest first): SQLite puts NULL and "" first, so sorted by
    source the articles that have none (pasted text, a file without a "Source:" line) sat above every outlet's."""
    blank = 0  # NULL, "" and ASCII spaces sort first (other blanks are not ASCII: the re-sort below puts them last)
    while blank < len(rows) and _blank(rows[blank][1]):
        blank += 1
    if blank:
        rows = rows[blank:] + rows[:blank]
    if all((text or "").isascii() for _, text in rows):
        return [r[0] for r in rows]
    keyed = [(_blank(text), (text or "").lower() if (text or "").isascii() else _folded(text), number)
             for number, (_, text) in enumerate(rows)]
    keyed.sort()
    return [rows[number][0] for _, _, number in keyed]


def _by_outlet(rows: list[tuple[int, str]]) -> list[int]:
    """Ids of (id, source) rows SQLite ordered by source COLLATE NOCASE (then newest first), re-ordered by each
    outlet's name as a reader files it: without a leading "The", "A" or "An" (any case: "The Lantern Post" under L,
    not T), folded as `_alphabetical` folds it; no source last. Each outlet's rows stay together in SQLite's order
    (newest first): its run of rows is moved whole, so the sort is of the outlets (a few hundred), not of the rows."""
    runs: list[tuple[tuple, int, int]] = []  # (key, first row, end row) of each run of one source
    start, n = 0, len(rows)
    keys: dict = {}
    for i in range(1, n + 1):
        if i == n or rows[i][1] != rows[start][1]:
            text = rows[start][1]
            key = keys.get(text)
            if key is None:
                key = keys[text] = _outlet_key(text)
            runs.append((key, start, i))
            start = i
    runs.sort(key=lambda run: run[0])  # stable: equal keys keep SQLite's order
    return [rows[j][0] for _key, first, end in runs for j in range(first, end)]


_LEADING = ("the ", "a ", "an ")


def _outlet_key(text: str | None) -> tuple:
    """(no source, the name as filed) for `_by_outlet`: "The Lantern Post" -> (False, "lantern post")."""
    if _blank(text):
        return (True, "")
    name = " ".join(text.split())
    lowered = name.lower()
    for word in _LEADING:
        if lowered.startswith(word) and len(name) > len(word):
            name = name[len(word):]
            break
    return (False, name.lower() if name.isascii() else _folded(name))


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _folded(text: str) -> str:
    """`text` as sorted: letters of fold.FOLDS replaced, accents dropped, any case."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", fold(text)) if not unicodedata.combining(ch))
    return bare.casefold()


def unread_count(lib: Library, ids: list[int] | None = None) -> int:
    """Unread articles in the whole library, or among `ids` (a filtered view).

    The whole library's count is kept by triggers (schema migration 7): one row read, where counting
    walked the unread index (10-40 ms of CPU at 100,000 articles, 30-220 ms wall), after every list load.
    """
    if ids is None:
        row = lib.db.execute("SELECT value FROM counts WHERE name = 'unread'").fetchone()
        if row is not None:
            return row[0]
        return lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]
    # The unread rows' ids come from the index (migration 13): reading `read` from each row walked the
    # body's overflow pages (it sits after `body`), 118 ms cold at 100,000 articles.
    total = 0
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        sql = f"FROM articles WHERE read = 0 AND id IN ({','.join('?' * len(part))})"
        try:
            total += lib.db.execute(f"SELECT count(*) {sql.replace('articles', 'articles INDEXED BY articles_unread_ids', 1)}",
                                    part).fetchone()[0]
        except sqlite3.OperationalError:  # no such index (a library opened without upgrading): count the rows
            total += lib.db.execute(f"SELECT count(*) {sql}", part).fetchone()[0]
    return total


def unread_stories(lib: Library, since: str = "") -> int:
    """How many stories have at least one unread article (story mode's status line; 0 without stories); with
    `since` (an ISO day or a UTC time), only those with an article on or after it (the briefing's head)."""
    try:
        # the figures migration 11's triggers keep: one row per story, no article read
        if since:
            from tui.store.stories import since_where

            where, args = since_where(since)
            return lib.db.execute("SELECT count(*) FROM story_stats t JOIN stories s ON s.id = t.story_id"
                                  f" WHERE t.unread > 0 AND {where}", args).fetchone()[0]
        return lib.db.execute("SELECT count(*) FROM story_stats WHERE unread > 0").fetchone()[0]
    except sqlite3.OperationalError:  # a library from before stories (no story_stats table)
        return 0


def _rows_of(lib: Library, ids: list[int]) -> set[int]:
    """The list rows (a text's shown record: copies from other outlets are one row with it, migration 12) that
    marking `ids` read or unread marks: each record's shown one (the library sets a text's records together)."""
    rows: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        rows.update(r[0] for r in lib.db.execute(
            f"SELECT coalesce(twin_of, id) FROM articles WHERE id IN ({','.join('?' * len(part))})", part))
    return rows


def unread_again(lib: Library, ids: list[int], among: list[int] | None = None) -> int:
    """How many read rows of the list marking `ids` unread makes unread (`among`: of a view's rows only), read
    before it is written: z's worker counts them so the status line shows the new unread count at once."""
    return _rows_marked(lib, ids, among, "read <> 0")


def _rows_marked(lib: Library, ids: list[int], among: list[int] | None, mark: str) -> int:
    """How many rows of the list holding `ids` (`among`: of a view's rows only) have the read `mark` (an SQL test)."""
    rows = _rows_of(lib, ids)
    if among is not None:
        rows &= set(among)
    rows_list, total = sorted(rows), 0
    for start in range(0, len(rows_list), _CHUNK):
        part = rows_list[start:start + _CHUNK]
        total += lib.db.execute(
            f"SELECT count(*) FROM articles WHERE {mark} AND id IN ({','.join('?' * len(part))})", part).fetchone()[0]
    return total


def stories_unread_again(lib: Library, ids: list[int]) -> tuple[dict[int, int], int]:
    """What marking `ids` unread does to the stories list, read before it is written: ({story id: the read rows of it
    made unread}, how many stories with no unread article get some). A story's figure counts rows as the list does
    (migration 19: a copy from another outlet is its shown record's row)."""
    rows = sorted(_rows_of(lib, ids))
    gained: dict[int, int] = {}
    try:
        for start in range(0, len(rows), _CHUNK):
            part = rows[start:start + _CHUNK]
            for story_id, n in lib.db.execute(
                    "SELECT sa.story_id, count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                    f" WHERE a.read <> 0 AND sa.article_id IN ({','.join('?' * len(part))}) GROUP BY sa.story_id",
                    part):
                gained[story_id] = gained.get(story_id, 0) + n
        stories, new = sorted(gained), 0
        for start in range(0, len(stories), _CHUNK):
            part = stories[start:start + _CHUNK]
            new += lib.db.execute(f"SELECT count(*) FROM story_stats WHERE unread = 0 AND story_id IN "
                                  f"({','.join('?' * len(part))})", part).fetchone()[0]
    except sqlite3.OperationalError:  # a library from before stories (no story tables)
        return {}, 0
    return gained, new


def read_now(lib: Library, ids: list[int], among: list[int] | None = None) -> int:
    """How many unread rows of the list marking `ids` read makes read (`among`: of a view's rows only), read before it
    is written (unread_again's other half)."""
    return _rows_marked(lib, ids, among, "read = 0")


def unread_count_marked(lib: Library, ids: list[int] | None, marks) -> int:
    """`unread_count(lib, ids)` as it will be once `marks` are written: [(the articles, None for every one; the read
    mark)], an A's or a z's being written by another connection. Read in one read transaction; counted again after
    the write it gives the same figure (the rows it changes are then changed already)."""
    marks = list(marks)
    if any(every is None and read for every, read in marks):
        return 0
    with lib.snapshot():
        count = unread_count(lib, ids)
        for marked, read in marks:
            if marked is None:
                continue  # (a z of every article is never held)
            change = read_now if read else unread_again
            count += (-1 if read else 1) * change(lib, list(marked), ids)
    return max(count, 0)


def stories_read_now(lib: Library, ids: list[int]) -> tuple[dict[int, int], int]:
    """What marking `ids` read does to the stories list, read before it is written (an A of a filtered view or of a
    page): ({story id: its unread rows made read}, how many stories with unread articles are left with none);
    stories_unread_again's other half. The stored figure counts records (migration 19), a story's row its rows: a
    story is left with none when its unread records are all the rows' records (a row's copies are marked with it)."""
    rows = sorted(_rows_of(lib, ids))
    records = set(rows)
    lost: dict[int, int] = {}
    lost_records: dict[int, int] = {}

    def chunks(items):
        for start in range(0, len(items), _CHUNK):
            part = items[start:start + _CHUNK]
            yield part, ",".join("?" * len(part))

    try:
        for part, marks in chunks(rows):
            records.update(r[0] for r in lib.db.execute(f"SELECT id FROM articles WHERE twin_of IN ({marks})", part))
            for story_id, n in lib.db.execute(
                    "SELECT sa.story_id, count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                    f" WHERE a.read = 0 AND sa.article_id IN ({marks}) GROUP BY sa.story_id", part):
                lost[story_id] = lost.get(story_id, 0) + n
        for part, marks in chunks(sorted(records)):
            for story_id, n in lib.db.execute(
                    "SELECT sa.story_id, count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                    f" WHERE a.read = 0 AND sa.article_id IN ({marks}) GROUP BY sa.story_id", part):
                lost_records[story_id] = lost_records.get(story_id, 0) + n
        gone = 0
        for part, marks in chunks(sorted(lost_records)):
            gone += sum(1 for story_id, unread in lib.db.execute(
                f"SELECT story_id, unread FROM story_stats WHERE unread > 0 AND story_id IN ({marks})", part)
                if unread <= lost_records[story_id])
    except sqlite3.OperationalError:  # a library from before stories (no story tables)
        return {}, 0
    return {story: n for story, n in lost.items() if n}, gone


def next_unread(lib: Library, ids: list[int], start: int, forward: bool = True) -> int | None:
    """The index in `ids` of the next unread article after `start` (before it with forward=False), or None.

    Reads the read flags a chunk of ids at a time from where the cursor is, so the answer near the
    cursor costs one small query whatever the length of the view.
    """
    if forward:
        positions = range(start + 1, len(ids))
    else:
        positions = range(min(start, len(ids)) - 1, -1, -1)
    positions = list(positions)
    for first in range(0, len(positions), _CHUNK):
        chunk = positions[first:first + _CHUNK]
        part = [ids[p] for p in chunk]
        unread = _unread_among(lib, part)
        for p in chunk:
            if ids[p] in unread:
                return p
    return None


def _unread_among(lib: Library, ids: list[int]) -> set[int]:
    """Which of `ids` (at most _CHUNK) are unread, read from the unread-ids index (migration 13), not the rows
    (whose `read` sits after the body's overflow pages); the rows when the index is not there."""
    sql = f"SELECT id FROM articles {{}} WHERE read = 0 AND id IN ({','.join('?' * len(ids))})"
    try:
        return {r[0] for r in lib.db.execute(sql.format("INDEXED BY articles_unread_ids"), ids)}
    except sqlite3.OperationalError:  # no such index (a library opened without upgrading)
        return {r[0] for r in lib.db.execute(sql.format(""), ids)}


def next_unread_row(lib: Library, row: ArticleRow | None, forward: bool = True) -> ArticleRow | None:
    """In the whole library newest first: the next unread article below `row` (above it with
    forward=False; from the top when `row` is None). Found through the unread index, not by scanning."""
    if row is None:
        r = lib.db.execute(f"SELECT {_ROW_COLUMNS} FROM articles a INDEXED BY articles_unread WHERE a.read = 0"
                           " AND a.twin_of IS NULL ORDER BY a.sort_key DESC, a.id DESC LIMIT 1").fetchone()
        return _row(r) if r else None
    cmp, order = ("<", "DESC") if forward else (">", "ASC")
    r = lib.db.execute(f"SELECT {_ROW_COLUMNS} FROM articles a INDEXED BY articles_unread WHERE a.read = 0"
                       f" AND a.twin_of IS NULL AND (a.sort_key, a.id) {cmp} (?, ?) ORDER BY a.sort_key {order}, a.id {order} LIMIT 1",
                       (row.sort_key, row.id)).fetchone()
    return _row(r) if r else None


def mark_read(lib: Library, ids: list[int], read: bool = True) -> int:
    """Mark every article of `ids` read (or unread) in one transaction; returns how many changed."""
    return _set_mark(lib, "read", ids, read)


def mark_starred(lib: Library, ids: list[int], starred: bool = True) -> int:
    """Star (or unstar) every article of `ids` in one transaction; returns how many changed."""
    return _set_mark(lib, "starred", ids, starred)


def _set_mark(lib: Library, column: str, ids: list[int], value: bool) -> int:
    """Set the `read` or `starred` mark of every article of `ids` in one transaction; how many changed."""
    assert column in ("read", "starred")
    changed = 0
    try:
        with lib.transaction() as db:
            for start in range(0, len(ids), _CHUNK):
                part = ids[start:start + _CHUNK]
                changed += db.execute(f"UPDATE articles SET {column} = ? WHERE {column} <> ? AND id IN "
                                      f"({','.join('?' * len(part))})", (int(value), int(value), *part)).rowcount
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None
    return changed


def mark_all_read(lib: Library, ids: list[int] | None = None) -> int:
    """Mark every article (or those in `ids`, a view) read in one transaction; returns how many changed."""
    return len(mark_all_read_saving(lib, ids))


def mark_all_read_saving(lib: Library, ids: list[int] | None = None) -> list[int]:
    """`mark_all_read`, returning the ids of the articles it changed (the ones unread before it: `A` keeps them,
    and `z` marks just those unread again with `mark_read(lib, ids, False)`)."""
    try:
        with lib.transaction() as db:  # BEGIN IMMEDIATE: nobody else writes between the read and the update
            if ids is None:
                changed = [r[0] for r in db.execute("SELECT id FROM articles WHERE read = 0")]
            else:
                changed = []
                for start in range(0, len(ids), _CHUNK):
                    part = ids[start:start + _CHUNK]
                    changed += [r[0] for r in db.execute(
                        f"SELECT id FROM articles WHERE read = 0 AND id IN ({','.join('?' * len(part))})", part)]
            for start in range(0, len(changed), _CHUNK):
                part = changed[start:start + _CHUNK]
                db.execute(f"UPDATE articles SET read = 1 WHERE id IN ({','.join('?' * len(part))})", part)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None
    return changed


def all_tags(lib: Library) -> list[tuple[str, int]]:
    """Every tag with its number of articles, most used first (tags differing only in case are one: SQLite's
    NOCASE groups ASCII letters only, so "Économie" and "économie" are put together here)."""
    rows = lib.db.execute(
        "SELECT min(tag), count(*) AS n FROM article_tags GROUP BY tag ORDER BY n DESC, min(tag) COLLATE NOCASE")
    merged: dict[str, list] = {}
    for tag, n in rows:
        entry = merged.get(tag_key(tag))
        if entry is None:
            merged[tag_key(tag)] = [tag, n]  # the most used spelling names the tag
        else:
            entry[1] += n
    return sorted(((tag, n) for tag, n in merged.values()), key=lambda t: (-t[1], t[0].casefold()))


def _tag_spellings(lib: Library, tag: str) -> list[str]:
    """The stored spellings of `tag`: itself when it is ASCII (NOCASE matches the others), else every stored tag
    equal to it but for case (a walk of the tags' index, only for such tags)."""
    tag = tag.strip()
    if tag.isascii():
        return [tag]
    key = tag_key(tag)
    return [t for (t,) in lib.db.execute("SELECT DISTINCT tag FROM article_tags") if tag_key(t) == key] or [tag]


# -- reading positions ------------------------------------------------------------------------------

def save_position(lib: Library, article_id: int, line: int) -> None:
    """Remember where the reader was in an article (0 forgets it). The app stores the body character offset
    of the top line shown, so the place survives another pane width."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        with lib.transaction() as db:
            if line <= 0:
                db.execute("DELETE FROM positions WHERE article_id = ?", (article_id,))
            elif db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                db.execute("INSERT OR REPLACE INTO positions (article_id, line, at) VALUES (?, ?, ?)",
                           (article_id, int(line), now))
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None


def saved_position(lib: Library, article_id: int) -> int:
    """The line the reader left the article at (0 when never opened or read from the top)."""
    row = lib.db.execute("SELECT line FROM positions WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else 0
