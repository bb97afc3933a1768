"""A story made by a merge of this pass merges again in it only with a partner whose own best it is
(grouping.Grouper.merge_touched, METHOD 7): two events of one town on the same days, each reported in parts, stay two
stories when the part of one that the other event's story chooses is claimed by its own event's earlier story."""

from __future__ import annotations

from tests.stories.town_samples import FIRE_NEW, STRIKE_A, STRIKE_B, batch, stories, town


def test_two_events_of_one_town_stay_two_stories(lib):
    fire, strike = town(lib)
    assert len(set(fire)) == 1 and len(set(strike)) == 1  # each event one story
    assert fire[0] != strike[0]  # not one: the strike's story chose the fire's second day, which chose its first


def test_a_story_made_in_the_pass_still_merges_with_a_partner_that_chooses_it(lib):
    ids = batch(lib, FIRE_NEW + STRIKE_A + STRIKE_B)
    # without the fire's first reports the fire's second day has no better partner than the strike: one story, as
    # any merge of the same test
    assert len(set(stories(lib, ids))) == 1


def test_without_the_rule_the_two_events_are_one_story(lib):
    fire, strike = town(lib, lambda g: g.merge_touched(chained=False))  # METHOD 6's merges
    assert set(fire) == set(strike) and len(set(fire)) == 1
