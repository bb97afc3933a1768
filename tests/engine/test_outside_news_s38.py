"""Session 38's own texts outside news (issue 12): a podcast transcript with speaker names in capitals, a hockey club's
season report and a maritime museum's gallery guide (bench/outside_news/92-94, invented people, clubs, firms and
ships, tagged by hand before the engine read them: the honest check of session 37's rules, 60.10). Every name a reader
would expect is asserted with its kind and its exact span; the names the engine still gets wrong are strict xfails with
what a reader sees instead."""

from __future__ import annotations

import pytest

from outside_cases import assert_found, assert_rule_finds, name_cases
from bench.quality_outside import S38_START

# (file, name, kind) -> what a reader sees instead, in every mention of that name in that text
WRONG = {
    ("92_podcast.txt", "Elephant and Castle", "LOC"): "'Castle', a company",
    ("92_podcast.txt", "Den Helder", "LOC"): "a person",
    ("92_podcast.txt", "Punta Arenas", "LOC"): "a person",
    ("92_podcast.txt", "Scheepvaartmuseum", "ORG"): "a place",
    ("92_podcast.txt", "Thomas Cook", "ORG"): "a person",
    ("92_podcast.txt", "Lloyd's", "ORG"): "a place",
    ("92_podcast.txt", "Strait of Magellan", "LOC"): "a company",
    ("92_podcast.txt", "Christie's", "ORG"): "'Christie', a person",
    ("92_podcast.txt", "Hudson's Bay Company", "ORG"): "'Hudson' and 'Bay Company'",
    ("92_podcast.txt", "Winnipeg", "LOC"): "nothing (before 'lodge')",
    ("92_podcast.txt", "Oddfellows", "ORG"): "Other",
    ("92_podcast.txt", "Parks Canada", "ORG"): "a place",
    ("92_podcast.txt", "Hodder", "ORG"): "a person ('published by Hodder')",
    ("92_podcast.txt", "Boots", "ORG"): "Other",
    ("92_podcast.txt", "Kemi Adébáyọ̀", "PER"): "the name without its last combining accent",
    ("92_podcast.txt", "Gorse Audio", "ORG"): "'Gorse', a place",
    ("93_club.txt", "Bishop's Stortford", "ORG"): "'Stortford', a place",
    ("93_club.txt", "Amara", "PER"): "a place",
    ("93_club.txt", "Sport England", "ORG"): "a place",
    ("93_club.txt", "Quaker Meeting House", "LOC"): "a company",
    ("94_museum.txt", "Flying Boat", "ORG"): "Other",
    ("94_museum.txt", "Dunmere", "LOC"): "a company (it opens the museum's and the trust's names)",
    ("94_museum.txt", "Marie-Thérèse d'Aubigny", "PER"): "Other",
    ("94_museum.txt", "Dunmere and Leith Steam Packet Company", "ORG"): "'Dunmere' and 'Leith Steam Packet Company'",
    ("94_museum.txt", "Leith", "LOC"): "a company",
    ("94_museum.txt", "Eoin Mac Giolla Phádraig", "PER"): "a company",
    ("94_museum.txt", "Mac Giolla Phádraig", "PER"): "a company",
    ("94_museum.txt", "Flamborough Head", "LOC"): "a person",
    ("94_museum.txt", "Bishop and Clerks", "LOC"): "'Clerks', a company",
    ("94_museum.txt", "Duthie's", "ORG"): "'Duthie', a person",
    ("94_museum.txt", "Lowestoft", "LOC"): "a person",
    ("94_museum.txt", "Grimsby", "LOC"): "a person",
}


@pytest.mark.parametrize(("name", "start", "end", "label"), name_cases(S38_START, WRONG))
def test_a_reader_sees_each_name_with_its_kind_and_its_whole_span(name, start, end, label):
    assert_found(name, start, end, label)


@pytest.mark.parametrize(("name", "words", "label", "rule"), [
    # 'AURÉLIE DE VAUCLAIR: Thank you.' once, then 'AURÉLIE: ...' turns; 'the historian Aurélie de Vauclair' in the speech
    ("92_podcast.txt", "AURÉLIE DE VAUCLAIR", "PERSON", "capital-speaker-turns"),
    ("92_podcast.txt", "Aurélie de Vauclair", "PERSON", "capital-speaker-turns"),
    ("92_podcast.txt", "TOM ASHWORTH-REID", "PERSON", "capital-speaker-turns"),
    # 'a chain of shoe shops, Smit & Zonen'
    ("92_podcast.txt", "Smit & Zonen", "ORG", "ampersand-firm"),
    # 'the derby against Hampton Wick', 'beating Tonbridge in the final'
    ("93_club.txt", "Hampton Wick", "ORG", "club-in-team-sport"),
    ("93_club.txt", "Tonbridge", "ORG", "club-in-team-sport"),
    # 'the Quaker Meeting House on Tanner's Row'
    ("93_club.txt", "Tanner's Row", "LOC", "owner-possessive-place"),
    # 'The solicitors Ashton Kerr paid for the new goal cages'
    ("93_club.txt", "Ashton Kerr", "ORG", "trade-noun-names-firm"),
    # 'Our away fixture at the Bank of England Sports Ground'
    ("93_club.txt", "Bank of England Sports Ground", "LOC", "building-head"),
    # 'the tug Sir Walter'
    ("94_museum.txt", "Sir Walter", "MISC", "vehicle-name"),
    # 'the speech by Lady Elgin'
    ("94_museum.txt", "Elgin", "PERSON", "trim-roles"),
])
def test_a_rule_of_session_38_finds_every_mention_in_the_texts(name, words, label, rule):
    assert_rule_finds(name, words, label, rule)
