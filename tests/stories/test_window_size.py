"""A library fed one article at a time ends grouped as if it had been stored at once, while it holds no more than
WINDOW_ARTICLES articles: each window regroups every article grouped so far as one batch (tui/stories/regroup_window.py;
with a window of 250, the 50 oldest of 300 kept their first places and two ended in a story they share with no other).
On PolNeAR train (bench/story_window.py) the bigger the window, the closer one article at a time comes to at once."""

from __future__ import annotations

import random

from tui.models import Article
from tui.stories import group_new, story_of
from tui.stories.library_idf import LIBRARY_FROM
from tui.stories.regroup_window import WINDOW_ARTICLES

from tests.stories.test_crowded_levels import EVENT, FAIR, STOCK, SYLLABLES


def _stream(n: int) -> list[Article]:
    """`n` invented articles, ten a day: company results and fairs (as test_crowded_levels), and on the fourth day the
    dock accident's three reports."""
    rng = random.Random(11)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(3))

    out = []
    for i in range(n):
        day, slot = divmod(i, 10)
        f = dict(co=f"{word().capitalize()} Corp", a=rng.randint(10, 900), b=rng.randint(10, 900), c=rng.randint(5, 99),
                 p=rng.randint(2, 30), prod=word(), city=word().capitalize(), boss=f"{word()} {word()}".title(), x=word())
        if day == 3 and slot >= 7:
            title, body = EVENT[slot - 7]
        elif slot % 3 == 0:
            title, body = f"{f['co']} {word()}", " ".join(s.format(**f) for s in rng.sample(STOCK, 3))
        else:
            title, body = f"{f['x'].capitalize()} in {f['city']}", " ".join(s.format(**f) for s in FAIR)
        out.append(Article(title=title, body=body, source=f"Outlet {slot % 4}",
                           published=f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}"))
    return out


def _partition(lib, ids: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for k, i in enumerate(ids):
        groups.setdefault(story_of(lib, i), set()).add(k)
    return {frozenset(g) for g in groups.values()}


def test_three_hundred_articles_fed_one_at_a_time_end_grouped_as_at_once(lib, tmp_path):
    from tui.store.library import Library

    arts = _stream(300)
    assert len(arts) % LIBRARY_FROM == 0 and len(arts) <= WINDOW_ARTICLES  # the last article closes a window
    ids = []
    for art in arts:
        ids.append(lib.add_many([art])[0][1])
        assert group_new(lib) == 1
    once = Library(tmp_path / "once.db")
    try:
        once_ids = [i for _, i in once.add_many(arts)]
        assert group_new(once) == len(arts)
        assert _partition(lib, ids) == _partition(once, once_ids)  # (with 250, the 50 oldest stayed as first placed)
    finally:
        once.close()
