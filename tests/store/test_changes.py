"""tui/store/changes.py: what the app polls to notice other processes' writes, and list positions."""

from __future__ import annotations

from tui.models import Article
from tui.store import Library
from tui.store.changes import articles_state, data_version, list_position, stories_state


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


def test_stories_state_moves_when_another_connection_regroups_and_not_for_marks(lib, lib_path):
    """walk34: the app's library watch reads it to follow stories merged by another process (a second window)."""
    from tui.stories import group_new

    for i, town in enumerate(("Quellby", "Ostmarsh", "Fennick")):
        lib.add(Article(title=f"{town} ferry runs again", published=f"2026-01-0{i + 2}",
                        body=f"The {town} ferry ran again on Monday after the storm. Crews in {town} cleared the slip."))
    start = stories_state(lib)
    with Library(lib_path) as other:
        group_new(other)
    grouped = stories_state(lib)
    assert grouped != start
    lib.set_read(1)
    assert stories_state(lib) == grouped  # a read mark is not a change of the stories
    lib.db.execute("DELETE FROM counts WHERE name = 'story_gen'")
    assert stories_state(lib) == 0  # a library without the row (removed by hand): no error
