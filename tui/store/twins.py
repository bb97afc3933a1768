"""The same article twice (issue 13): near-duplicates shown once in the library list, with every outlet.

Grouping (tui/stories) finds an article whose text repeats an earlier one (shingles, >= 90% overlap) and
stores it as a near-duplicate; migration 12's triggers then set `articles.twin_of` to the article shown
for both. The list reads only rows whose twin_of is NULL (partial index `articles_shown`); the shown row's
source cell names the twins' outlets too. Every record stays stored (`newsreader list --json` lists the
twins of each row).
"""

from __future__ import annotations

from dataclasses import replace

from tui.models import ArticleRow

_CHUNK = 500


def twins_of(lib, article_id: int) -> list[tuple[int, str]]:
    """(id, source) of the articles shown as `article_id` (its near-duplicates), oldest first."""
    return [(r[0], r[1]) for r in lib.db.execute(
        "SELECT id, source FROM articles WHERE twin_of = ? ORDER BY id", (article_id,))]


def shown_as(lib, article_id: int) -> int:
    """The id of the row the list shows for `article_id` (itself unless it is a twin)."""
    row = lib.db.execute("SELECT twin_of FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row and type(row[0]) is int else article_id


def orphan_twins(lib) -> int:
    """How many articles are twins of a row no list shows: one not in the library, the article itself, or another
    twin (a row changed by hand, or by another program). The triggers never make one; such an article is shown
    nowhere, though stored and exported (`doctor` says so)."""
    return lib.db.execute(
        "SELECT count(*) FROM articles a INDEXED BY articles_twins WHERE a.twin_of IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM articles s WHERE s.id = a.twin_of AND s.twin_of IS NULL AND s.id <> a.id)").fetchone()[0]


def hidden_ids(lib) -> set[int]:
    """Every article the list does not show because another row stands for it (read from a partial index)."""
    return {r[0] for r in lib.db.execute("SELECT id FROM articles INDEXED BY articles_twins WHERE twin_of IS NOT NULL")}


def all_outlets(lib, article_id: int, source: str) -> list[str]:
    """`source` and every other outlet of the article's twins, in order, each once."""
    names = [source] if source else []
    for _, other in twins_of(lib, article_id):
        if other and other not in names:
            names.append(other)
    return names


def with_outlets(lib, rows: list[ArticleRow]) -> list[ArticleRow]:
    """The rows with their twins' ids and outlets (`ArticleRow.twins`, `.outlets`; one indexed query a page)."""
    if not rows:
        return rows
    others: dict[int, list[tuple[int, str]]] = {}
    ids = [r.id for r in rows]
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        for twin, head, source in lib.db.execute(
                f"SELECT id, twin_of, source FROM articles WHERE twin_of IN ({','.join('?' * len(part))}) ORDER BY id",
                part):
            others.setdefault(head, []).append((twin, source if type(source) is str else ""))
    if not others:
        return rows
    return [_joined(r, others[r.id]) if r.id in others else r for r in rows]


def _joined(row: ArticleRow, twins: list[tuple[int, str]]) -> ArticleRow:
    names = [row.source] if row.source else []
    for _, other in twins:
        if other and other not in names:
            names.append(other)
    return replace(row, twins=tuple(t for t, _ in twins), outlets=tuple(names))
