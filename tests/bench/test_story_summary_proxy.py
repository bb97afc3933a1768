"""The story summary's corpus proxy (bench/story_summary_proxy.py): pseudo stories and held-out references."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_summary_proxy import pseudo_stories, split_tasks, tasks  # noqa: E402

FERRY = [
    "The Morwenna ferry capsized near Skerrin island on Tuesday with forty passengers aboard, the coastguard said.",
    "Lifeboats from Portkennack reached the Morwenna within an hour of the first distress call.",
    "Thirty-two passengers were pulled from the water by the coastguard crews and fishing boats.",
    "Eight people are still missing and divers will search the wreck near Skerrin at first light.",
    "The Morwenna had sailed from Portkennack harbour in rough seas despite a gale warning.",
    "Families of the missing gathered at the harbour office in Portkennack through the night.",
    "The operator of the ferry said it would help the inquiry in every way it could.",
]
BAKERS = [
    "Bakers at the Dunmore loaf factory walked out on Monday over a dispute about night shifts and overtime pay.",
    "The union said the Dunmore managers had cut the overtime rate without warning last month.",
    "Shops across the county reported empty bread shelves by Monday afternoon as the strike went on.",
    "The factory's owners said they had offered talks and called the walkout unlawful.",
    "A mediator from the county council will meet both sides at the Dunmore works on Thursday.",
    "Bakers picketing the gates said they would stay out until the old overtime rate came back.",
    "The last strike at the factory, eleven years ago, lasted nine days.",
]


def _article(lines: list[str], first: str) -> str:
    return " ".join([first] + lines[1:])


def test_articles_of_one_subject_make_a_story_and_each_is_held_out_in_turn():
    ferry = [_article(FERRY, FERRY[0]),
             _article(FERRY, "Divers searched near Skerrin island for eight passengers of the Morwenna ferry, which "
                             "capsized in a gale off Portkennack, the coastguard said."),
             _article(FERRY, "The coastguard said on Wednesday that the Morwenna ferry had ignored a gale warning "
                             "before it capsized near Skerrin with forty passengers.")]
    bakers = [_article(BAKERS, BAKERS[0])]
    stories = pseudo_stories(ferry + bakers)
    assert stories == [ferry]  # the bakers' article is alone: no story of one
    got = list(tasks(stories, 40))
    assert [k for k, _, _ in got] == [0, 0, 0]
    for (_, ref, summary), held in zip(got, ferry):
        assert ref == " ".join(held.split()[:100])
        assert summary and held.split(".")[0] not in summary  # the held-out article's own lead is not summarised


def test_one_article_repeated_word_for_word_counts_once():
    copy = _article(FERRY, FERRY[0])
    other = _article(FERRY, "Divers searched near Skerrin island for eight passengers of the Morwenna ferry, which "
                            "capsized in a gale off Portkennack, the coastguard said.")
    assert pseudo_stories([copy, copy, other]) == []  # two distinct articles: fewer than a story needs


def test_split_halves_summarise_one_half_against_the_other_halfs_first_sentences():
    leads = [FERRY[0],
             "Divers searched near Skerrin island for eight passengers of the Morwenna ferry, which capsized in a gale "
             "off Portkennack, the coastguard said.",
             "The coastguard said on Wednesday that the Morwenna ferry had ignored a gale warning before it capsized "
             "near Skerrin with forty passengers.",
             "Eight passengers of the Morwenna ferry are still missing a day after it capsized off Skerrin island in a "
             "gale, the coastguard said."]
    story = [_article(FERRY, lead) for lead in leads]
    got = list(split_tasks([story], 40))
    # even places (0, 2) summarised against the odd ones' (1, 3) first two sentences, then the other way round
    assert [(k, len(refs)) for k, refs, _ in got] == [(0, 2), (0, 2)]
    (_, refs_odd, summary_even), (_, refs_even, summary_odd) = got
    assert refs_odd == [leads[1] + " " + FERRY[1], leads[3] + " " + FERRY[1]]
    assert refs_even == [leads[0] + " " + FERRY[1], leads[2] + " " + FERRY[1]]
    assert summary_even and "Divers searched" not in summary_even and "still missing a day" not in summary_even
    assert summary_odd and "ignored a gale warning" not in summary_odd


def test_split_halves_skip_a_half_of_one_article():
    story = [_article(FERRY, FERRY[0]), _article(BAKERS, BAKERS[0]), _article(FERRY, FERRY[2])]
    got = list(split_tasks([story], 40))
    assert [len(refs) for _, refs, _ in got] == [1]  # places 0 and 2 summarised; the odd half alone is not
