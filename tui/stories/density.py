"""Grouping levels for a batch by how crowded its days are (issue 13: a dense stream must not melt into topics).

The library levels (`grouping.LIBRARY`) are the similarities at which two articles are more likely the same story
than not, fitted on PolNeAR train, whose articles have about nine others within a day of each one. That "more likely"
depends on how many unrelated articles an article meets: where each day holds m times as many, a pair at a given
similarity is m times less likely to be the same story, and the level is where the far-apart null's local density
is at most 1 / (1 + m) of the pairs' (instead of 1/2). bench/story_library_idf.py fits these levels on PolNeAR train
for a range of m (the same pairs, the same null as the LIBRARY fit; m = 1 gives LIBRARY itself) and prints the table
below. A batch grouped by its own idf takes the row of its own m: the mean number of its articles within a day of
each (`neighbours`), over PolNeAR's. A batch no denser than PolNeAR keeps the LIBRARY levels (the fit is not
extrapolated below it).

Measured (not fitted) on a generated 10,000-article library of corpus news at 40 a day, stored at once: with the
LIBRARY levels it formed 1,138 stories, the largest of 429 articles over all 249 days, whose articles' mean pairwise
cosine (0.11, article-weighted over stories of 5+) is below what real events show; with these levels, 6,058 stories
whose mean pairwise cosine is 0.31.
"""

from __future__ import annotations

from collections import Counter

# PolNeAR train's mean number of other articles within one day of an article (dated by day), as
# bench/story_library_idf.py prints it.
REFERENCE = 9.09
# (m, join, bridge[, average]): the levels for a batch m times as crowded as PolNeAR train, fitted there by
# bench/story_library_idf.py (its last line); the first row is grouping.LIBRARY's join, bridge and average (the
# level for the average link of stories far apart: grouping.Levels.average; none fitted from m = 4 on).
BY_DENSITY: tuple[tuple[float, float, tuple[tuple[int, float], ...]], ...] = (
    (1, 0.055, ((2, 0.055), (7, 0.06), (14, 0.065), (21, 0.07), (30, 0.075), (45, 0.095), (60, 0.225), (90, 0.175)), 0.11),
    (1.25, 0.06, ((5, 0.06), (7, 0.07), (14, 0.08), (21, 0.075), (30, 0.18), (45, 0.115), (60, 0.225), (90, 0.19)), 0.11),
    (1.5, 0.06, ((1, 0.06), (2, 0.065), (7, 0.07), (14, 0.09), (21, 0.115), (30, 0.19), (45, 0.21), (60, 0.255), (90, 0.24)), 0.115),
    (1.75, 0.065, ((1, 0.065), (5, 0.075), (7, 0.08), (14, 0.1), (21, 0.13), (30, 0.19), (45, 0.22), (60, 0.255), (90, 0.24)), 0.115),
    (2, 0.07, ((1, 0.07), (2, 0.08), (7, 0.09), (14, 0.105), (21, 0.21), (30, 0.19), (45, 0.22), (60, 0.255), (90, 0.24)), 0.115),
    (2.5, 0.07, ((1, 0.07), (2, 0.08), (5, 0.11), (7, 0.095), (14, 0.235), (21, 0.21), (30, 0.205), (45, 0.225), (60, 0.315), (90, 0.25)), 0.125),
    (3, 0.075, ((1, 0.075), (2, 0.09), (5, 0.115), (7, 0.11), (14, 0.235), (30, 0.21), (45, 0.255), (60, 0.315), (90, 0.25)), 0.125),
    (3.5, 0.08, ((1, 0.08), (2, 0.095), (5, 0.12), (7, 0.115), (14, 0.235), (21, 0.21), (30, 0.215), (45, 0.255), (60, 0.315), (90, 0.37)), 0.125),
    (4, 0.085, ((1, 0.085), (2, 0.1), (5, 0.18), (7, 0.125), (14, 0.245), (21, 0.21))),
    (5, 0.09, ((1, 0.09), (2, 0.1), (5, 0.18), (7, 0.215), (14, 0.285), (21, 0.215))),
    (6, 0.1, ((1, 0.1), (2, 0.105), (5, 0.19), (7, 0.215), (14, 0.285), (21, 0.22))),
    (8, 0.115, ((1, 0.115), (2, 0.11), (5, 0.215), (7, 0.22), (14, 0.305), (21, 0.23))),
    (10, 0.14, ((1, 0.14), (2, 0.13), (5, 0.215), (7, 0.235), (14, 0.305), (21, 0.235))),
    (12, 0.155, ((1, 0.155), (2, 0.2), (5, 0.22), (7, 0.235), (14, 0.315))),
    (16, 0.165, ((1, 0.165), (2, 0.205), (5, 0.225))),
    (24, 0.23, ((1, 0.23), (2, 0.225), (5, 0.235))),
    (32, 0.235, ((1, 0.235), (2, 0.225), (5, 0.245))),
)


def neighbours(days: list[int]) -> float:
    """The mean number of other articles within one day of each (days as day numbers; 0 for none)."""
    if not days:
        return 0.0
    count = Counter(days)
    return sum(count[d - 1] + count[d] + count[d + 1] - 1 for d in days) / len(days)


def row_for(days: list[int]) -> tuple[float, float, tuple[tuple[int, float], ...]]:
    """The BY_DENSITY row for a batch whose articles fall on `days`: the densest row at most as crowded as the
    batch (the first row for a batch no more crowded than PolNeAR)."""
    m = neighbours(days) / REFERENCE
    best = BY_DENSITY[0]
    for row in BY_DENSITY:
        if row[0] <= m:
            best = row
    return best
