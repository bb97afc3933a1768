"""`library_idf.cohesive` (session 34): which words a small library's own idf damps but one event's reports share, on our
own articles (tests/stories/big_town_samples.py): the Quillan ferry strike's reports share the crews' and the union's
words, the town's name is in the quay repairs' reports too, and the same crews' second strike six weeks later makes
their words span weeks."""

from __future__ import annotations

from tests.stories.big_town_samples import (QUAY, QUAY_LATE, QUAY_NEXT, STRIKE_AGAIN, STRIKE_FIRST, STRIKE_LATER,
                                            STRIKE_MORE, STRIKE_TALKS)
from tui.stories.grouping import day_number, features_of
from tui.stories.library_idf import cohesive, reweighted
from tui.stories.terms import TOP_TERMS

STRIKE = STRIKE_FIRST + STRIKE_LATER + [STRIKE_MORE, STRIKE_TALKS]


def _kept(articles) -> tuple[set[str], list[dict[str, float]]]:
    vecs = [v for v, _ in features_of([(a.title, a.body) for a in articles])]
    return cohesive(vecs, [day_number(a.published) for a in articles], TOP_TERMS), vecs


def test_a_library_mostly_of_one_strike_keeps_its_words_and_damps_the_town():
    kept, vecs = _kept(STRIKE + QUAY[:2])
    assert {"crews", "union", "deckhands"} <= kept
    # the town and its harbour master are in the quay's reports too: those pairs agree on nothing else
    assert not kept & {"quillan", "brand", "harbour"}
    # kept, a word weighs as under the background idf; damped, a word in 8 of 10 articles weighs almost nothing
    weights = reweighted(vecs, TOP_TERMS, (0, {}, kept))
    damped = reweighted(vecs, TOP_TERMS)
    first = next(i for i, v in enumerate(vecs) if "union" in v)
    assert weights[first]["union"] > 2 * damped[first].get("union", 0.0)


def test_the_same_words_over_weeks_stay_damped():
    kept, _ = _kept(STRIKE + QUAY + [QUAY_NEXT] + QUAY_LATE + STRIKE_AGAIN)
    # the crews and their union in March and again in April: 42 days, more than a week
    assert not kept & {"crews", "union", "deckhands", "strike", "ferry"}
    assert not cohesive([], [], TOP_TERMS) and not _kept(STRIKE[:2])[0]  # too few articles to tell


def test_words_in_under_half_the_library_are_left_to_its_own_idf():
    from tests.stories.one_town_samples import ALL

    # two towns, five events: the dam's words in 4 of 13 articles, the mayor's name in the dam's and the library's
    kept, _ = _kept(ALL)
    assert kept == set()
