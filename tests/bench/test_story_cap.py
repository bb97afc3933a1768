"""bench/story_cap.py: what a capped story summary keeps, on our own generated story (no shared data read)."""

from __future__ import annotations

from bench import story_cap
from tests.stories.test_story_cap import _article
from tui.engine.sentences import split_sentences
from tui.stories.articles import StoryArticle


def test_recall_counts_the_reference_s_content_words_the_summary_holds():
    assert story_cap.recall("Pumps were working again in Kelby.", ["The pumps in Kelby failed."]) == 2 / 3
    assert story_cap.recall("Nothing alike here.", ["Pumps failed in Kelby."]) == 0.0
    assert story_cap.recall("anything", []) == 0.0


def test_each_way_reads_the_cap_of_a_bigger_story(capsys):
    arts = []
    for n in range(30):
        a = _article(n, 1 + n // 3)
        arts.append(StoryArticle(n + 1, a.title, a.source, a.published, a.body, False, None,
                                 split_sentences(a.body), None))
    story_cap.measure("flood", arts, cap=12, words=60)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("flood: 30 articles, 10 days, 5 outlets; whole story: leads ")
    assert [line.split()[:3] for line in out[1:]] == [[way, "12", "articles:"] for way in ("chosen", "recent", "even")]
