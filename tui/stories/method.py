"""Which grouping method a library's stories were made by, so that a change of method is noticed.

Stories are grouped incrementally and kept: a library grouped by an earlier method keeps those stories until
`newsreader stories --rebuild` regroups it. The counts row METHOD_ROW records the method of the last rebuild, or of
the first grouping of a library that had no stories; `outdated` says when the stories were made by another one.
"""

from __future__ import annotations

# The grouping method. Raise it with every change that groups the same articles differently.
# 1: library idf, LIBRARY levels, windowed regroup (session 7); 2: levels by how crowded a batch's days are
# (tui/stories/density.py); 3: `refine` leaves the story of an article that stays as it was (before, the article
# left and joined again, which put back terms a trim had dropped and moved the weights by rounding); 4: stories more
# than WINDOW_DAYS apart with many pairs of articles merge at the level for averages (grouping.Levels.average);
# 5: articles placed a few at a time after a windowed regroup take the levels for how crowded the days of the window's
# articles and their own are (grouping.crowded), not always LIBRARY's (session 16); 6: a window regroups up to 500
# articles, not 250 (regroup_window.WINDOW_ARTICLES); 7: a story made by a merge of a pass merges again in it, with
# another story of two articles or more, only when it is that story's own best partner (grouping.Grouper.merge_touched);
# 8: a library of SMALL_FROM to LIBRARY_FROM articles, too small for windows, is weighed by its own idf, at levels no
# lower than SMALL_JOIN (regroup_window.small_library, grouping.SMALL_JOIN; session 32); 9: in such a library the
# bridge's levels are the fitted ones scaled up as the join is (they were floored at SMALL_JOIN: two stories weeks
# apart merged as easily as two a day apart), and the words its own idf damps that one event's reports share within a
# week keep their weight (library_idf.cohesive: a library that was mostly one event split into its reports;
# session 34).
METHOD = 9
METHOD_ROW = "story_method"


def stored(lib) -> int:
    """The method the library's stories were made by (0: before methods were recorded)."""
    row = lib.db.execute("SELECT value FROM counts WHERE name = ?", (METHOD_ROW,)).fetchone()
    return row[0] if row else 0


def record(lib) -> None:
    """Record that the library's stories are made by the current METHOD (after a rebuild, or a first grouping)."""
    with lib.transaction() as db:
        db.execute("INSERT INTO counts (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                   (METHOD_ROW, METHOD))


def outdated(lib) -> bool:
    """Whether the library has stories made by another method than the current one (`stories --rebuild` regroups)."""
    if stored(lib) == METHOD:
        return False
    return lib.db.execute("SELECT 1 FROM stories LIMIT 1").fetchone() is not None
