"""Stable story ids (issue 13): a one-article story whose article is updated in place (a feed's corrected
item) is regrouped by what it says now and keeps its id; the id never goes to another story."""

from __future__ import annotations

from dataclasses import replace

from tests.stories.samples import OTHER, RECALL
from tui.store.feeds import update_article
from tui.stories import group_new, rebuild, story_of, story_row


def _update(lib, article_id, article) -> None:
    with lib.transaction() as db:
        assert update_article(db, article_id, article)


def test_a_one_article_story_updated_in_place_keeps_its_id(filled):
    lib, ids = filled
    chess = ids[OTHER[0].title]
    story = story_of(lib, chess)
    assert story_row(lib, story).size == 1
    _update(lib, chess, replace(OTHER[0], title=OTHER[0].title + " (corrected)",
                                body=OTHER[0].body + " An earlier version gave the wrong round."))
    assert story_of(lib, chess) is None  # left its story, to be placed again by what it says now
    assert group_new(lib) == 1
    assert story_of(lib, chess) == story and story_row(lib, story).size == 1
    assert story_row(lib, story).title.endswith("(corrected)")
    # Again: still the same id; and a rebuild afterwards keeps it too, with no clash.
    _update(lib, chess, replace(OTHER[0], body=OTHER[0].body + " Two rounds were replayed."))
    group_new(lib)
    assert story_of(lib, chess) == story
    rebuild(lib)
    assert story_of(lib, chess) == story


def test_an_article_that_moves_to_another_story_does_not_hand_its_old_id_on(filled):
    lib, ids = filled
    chess, frost = ids[OTHER[0].title], ids[OTHER[2].title]
    old = story_of(lib, chess)
    recall = story_of(lib, ids[RECALL[0].title])
    _update(lib, chess, replace(RECALL[1], title=RECALL[1].title + " (syndicated)",
                                body=RECALL[1].body + " The recall covers every batch."))
    group_new(lib)
    assert story_of(lib, chess) == recall and story_row(lib, old) is None
    # Another lone article updated in place keeps its own id, not the freed one.
    mine = story_of(lib, frost)
    _update(lib, frost, replace(OTHER[2], body=OTHER[2].body + " Growers lit candles in the rows overnight."))
    group_new(lib)
    assert story_of(lib, frost) == mine and story_row(lib, old) is None
