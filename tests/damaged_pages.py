"""A library damaged in one page of its articles table (shared by the app's damage-check tests and the CLI's).

tests/ is on sys.path because tests/conftest.py lives there (pytest's default prepend import mode).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.models import Article
from tui.store import Library

SENTENCE = "The harbour council met on {day} to weigh plan {n}, and the vote on its budget was close. "


def run_sql(db: Path, statements: list[str]) -> None:
    """Run `statements` on the library file `db` with a connection of its own, as another program runs them (rows
    damaged behind the app's back; sqlite3's default: foreign keys off)."""
    con = sqlite3.connect(db)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def harbour_library(path: Path, n: int = 300) -> None:
    """`n` articles of our own, one a day, enough to span many pages of the table."""
    articles = [Article(title=f"Harbour plan {i} goes to a vote", source="Coast Daily",
                        published=f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
                        body="".join(SENTENCE.format(day=day, n=i) for day in ("Monday", "Tuesday") * 7))
                for i in range(n)]
    with Library(path) as lib:
        lib.add_many(articles)


def zero_oldest_page(path: Path) -> None:
    """Zero the articles table's first leaf page (its lowest ids, the oldest articles: the end of the list)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    leaves = [p for (p,) in con.execute(
        "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY path")]
    con.close()
    assert len(leaves) > 20, "the library should span many pages"
    with open(path, "r+b") as f:
        f.seek((leaves[0] - 1) * page_size)
        f.write(bytes(page_size))


def zero_middle_page(path: Path, table: str) -> None:
    """Zero the page in the middle of `table`'s pages (a story table's: the stories of some days)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [p for (p,) in con.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY path", (table,))]
    con.close()
    assert pages, f"{table} has no pages"
    with open(path, "r+b") as f:
        f.seek((pages[len(pages) // 2] - 1) * page_size)
        f.write(bytes(page_size))


FIRST = ("Anna", "Peter", "Laura", "David", "Sofia", "Martin", "Elena", "Jonas", "Clara", "Victor")
LAST = ("Brandt", "Keller", "Moreau", "Novak", "Lindqvist", "Ferreira", "Okafor", "Haddad", "Costa", "Weber")
SPEECH = ("Maria Silva, who leads the Coast Council, said on Monday that harbour plan {n} would go to a vote in Porto. "
          "\"We will build the new quay before the winter storms,\" Silva said. Councillor {one} opposed the plan and "
          "asked for a review of its budget. The vote on the budget was close, and {two} said the port would need "
          "more money.")


def people_library(path: Path, n: int = 150) -> None:
    """`n` analysed articles of our own that all quote Maria Silva, each with two councillors of a hundred names:
    their mentions span several pages of the mentions table and of both its indexes."""
    from tui.engine.analysis import cached_analysis

    articles = [Article(title=f"Harbour plan {i} goes to a vote", source="Coast Daily",
                        published=f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
                        body=SPEECH.format(n=i, one=f"{FIRST[i % 10]} {LAST[i // 10 % 10]}",
                                           two=f"{FIRST[(i + 3) % 10]} {LAST[i // 7 % 10]}"))
                for i in range(n)]
    with Library(path) as lib:
        lib.add_many(articles)
        for article_id in lib.ids(twins=True):
            article = lib.get(article_id)
            cached_analysis(lib, article_id, article.body, title=article.title)
