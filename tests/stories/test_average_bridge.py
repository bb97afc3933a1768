"""Stories far apart in time merge at the level for averages when they hold many pairs of articles
(grouping.Levels.average, AVERAGE_PAIRS): a mean over many pairs is steadier than one pair's cosine."""

from __future__ import annotations

from tests.stories.samples import STRIKE
from tests.stories.test_grouping import FOLLOW_UP
from tui.stories import story_of
from tui.stories.grouping import AVERAGE_PAIRS, LIBRARY, WINDOW_DAYS, Grouper, Levels, day_number


def _grouped(lib, articles, average):
    """The articles' stories after one batch placed with no bridge table (nothing bridges by it) and `average`."""
    ids = [i for _, i in lib.add_many(articles)]
    g = Grouper(lib)
    g.levels = Levels(LIBRARY.join, LIBRARY.decay, (), average)
    days = [day_number(a.published) for a in articles]
    g.load_window(min(days), max(days))
    for i, a in zip(ids, articles):
        g.place(i, a.title, a.body, a.published)
    g.refine()
    g.merge_touched()
    g.flush()
    return [story_of(lib, i) for i in ids]


def test_a_story_weeks_later_joins_an_event_of_many_articles_at_the_level_for_averages(lib):
    assert day_number(FOLLOW_UP.published) - day_number(STRIKE[-1].published) > WINDOW_DAYS
    assert len(STRIKE) >= AVERAGE_PAIRS  # the strike's articles x the follow-up: enough pairs
    stories = _grouped(lib, STRIKE + [FOLLOW_UP], 0.02)
    assert len(set(stories)) == 1


def test_without_a_level_for_averages_the_story_weeks_later_stays_apart(lib):
    stories = _grouped(lib, STRIKE + [FOLLOW_UP], None)
    assert len(set(stories[:-1])) == 1 and stories[-1] != stories[0]


def test_one_pair_of_articles_weeks_apart_is_not_an_average(lib):
    stories = _grouped(lib, STRIKE[:1] + [FOLLOW_UP], 0.02)  # one pair: only the bridge table could join them
    assert stories[0] != stories[1]
