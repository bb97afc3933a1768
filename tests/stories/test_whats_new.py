"""What's new lists each new thing once: two outlets' near-identical new sentence is one line."""

from __future__ import annotations

from tui.engine.sentences import split_sentences
from tui.stories.articles import StoryArticle
from tui.stories.summary import whats_new


def _article(ident: int, source: str, day: str, body: str) -> StoryArticle:
    return StoryArticle(ident, f"Report {ident}", source, day, body, False, None, split_sentences(body), None)


EARLIER = ("The harbour board in Port Ellin voted on Monday to rebuild the storm wall before winter. "
           "Engineers said the old wall had cracked in three places after the autumn storms. "
           "The council will pay for the work from its reserve fund over two years.")
LATEST_A = ("Workers began moving the first concrete blocks to the harbour wall on Wednesday morning. "
            "Fishing crews were told to keep their boats away from the eastern quay until March. "
            "The council said the reserve fund would cover the whole rebuild over two years.")
LATEST_B = ("Workers began moving the first concrete blocks to the harbour wall early on Wednesday. "
            "A ferry timetable for the winter months was published by the island operator. "
            "The council said the reserve fund would cover the rebuild over two years.")


def test_a_new_sentence_two_outlets_print_is_listed_once():
    arts = [_article(1, "Shoreline Wire", "2026-01-12", EARLIER), _article(2, "Harbour Radio", "2026-01-14", LATEST_A),
            _article(3, "Kellmouth Post", "2026-01-14", LATEST_B)]
    new = whats_new(arts, limit=3)
    texts = [x.text for x in new]
    assert sum("concrete blocks" in t for t in texts) == 1  # the same news, worded a little apart: once
    assert any("ferry timetable" in t for t in texts) or any("Fishing crews" in t for t in texts)
    assert all(x.day == "2026-01-14" for x in new)
    assert not any("reserve fund" in t for t in texts)  # the earlier article said it


def test_a_new_line_opening_with_a_connective_is_shown_without_it_as_the_summary_shows_its_lines():
    """"But the ferry ..." refers to a sentence the reader is not shown: the story summary drops such an opening
    word, and what's new showed it."""
    latest = ("Workers began moving the first concrete blocks to the harbour wall on Wednesday morning. "
              "But the island ferry will keep its winter timetable despite the closed eastern quay.")
    arts = [_article(1, "Shoreline Wire", "2026-01-12", EARLIER), _article(2, "Harbour Radio", "2026-01-14", latest)]
    texts = [x.text for x in whats_new(arts, limit=3)]
    assert "The island ferry will keep its winter timetable despite the closed eastern quay." in texts
    assert not any(t.startswith("But ") for t in texts)


def test_every_summary_line_the_latest_report_adds_is_marked_new_not_only_the_three_most_central(lib):
    """A story's summary showed two sentences of the latest day's report, neither said before, one marked "new" and
    the other not (what's new keeps the three most central; the mark followed that list, not the news)."""
    from tui.models import Article
    from tui.stories import group_new, story_of, story_summary
    from tui.stories.commands import story_text

    first = Article(title="Port Ellin votes to rebuild the storm wall", source="Shoreline Wire", published="2026-01-12",
                    body=EARLIER + "\n\nThe harbour board said the storm wall would be finished before winter.")
    later = Article(title="Port Ellin storm wall: work starts, ferry keeps winter timetable", source="Harbour Radio",
                    published="2026-01-14", body=(
                        "The harbour board in Port Ellin said work on the storm wall began on Wednesday.\n\n"
                        "Divers from Kellmouth surveyed the seabed beside the eastern quay before dawn.\n\n"
                        "A crane barge hired from Dunmore arrived with the first granite blocks.\n\n"
                        "Fishing crews moved their boats to moorings inside the western breakwater.\n\n"
                        "The island ferry will keep its winter timetable despite the closed quay.\n\n"
                        "Shopkeepers on Quay Street asked for a footpath around the building site."))
    (_, a), (_, b) = lib.add_many([first, later])
    group_new(lib)
    assert story_of(lib, a) == story_of(lib, b)
    s = story_summary(lib, story_of(lib, a), sentences=20)
    latest = [x for x in s.sentences if x.article == b and "harbour board" not in x.text]
    assert len(latest) >= 4  # the report's own news, none of it in the earlier article
    marked, _ = s.news()
    assert {(x.article, x.index) for x in latest} <= marked
    text = story_text(s)
    for x in latest:
        assert f"{x.text}  [Harbour Radio, 2026-01-14, #{b}, new]" in text
