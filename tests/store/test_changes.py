"""tui/store/changes.py: what the app polls to notice other processes' writes, and list positions."""

from __future__ import annotations

from tui.models import Article
from tui.store import Library
from tui.store.changes import articles_state, data_version, list_position


def test_data_version_moves_only_for_other_connections_commits(lib, lib_path):
    start = data_version(lib)
    lib.add(Article(title="Own write", body="Written by this connection.", published="2026-01-02"))
    assert data_version(lib) == start  # our own commit does not count
    with Library(lib_path) as other:
        other.add(Article(title="Other write", body="Written by another connection.", published="2026-01-03"))
    assert data_version(lib) != start


def test_articles_state_tells_adds_and_removals_from_other_writes(lib):
    a = lib.add(Article(title="One", body="First body.", published="2026-01-02"))[1]
    state = articles_state(lib)
    lib.set_read(a)
    lib.put_analysis(a, "k", "{}", [("PERSON", "Ada Rowe", 1)])
    assert articles_state(lib) == state
    b = lib.add(Article(title="Two", body="Second body.", published="2026-01-01"))[1]
    assert articles_state(lib) == (2, b)
    lib.remove(a)
    assert articles_state(lib) == (1, b)


def test_list_position_matches_the_list_order(lib):
    lib.add_many([Article(title=f"Story {i}", body=f"Body {i}.", published=f"2026-01-{i % 9 + 1:02d}" if i % 4 else None)
                  for i in range(40)])
    order = [r.id for r in lib.rows(limit=100)]
    assert [list_position(lib, i) for i in order] == list(range(40))
    assert list_position(lib, 999) is None
