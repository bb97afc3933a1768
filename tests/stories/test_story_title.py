"""A story's title follows the story: its latest article's title (walk31: a story kept its first article's title for
good, "… to vote on harbour hotel" after the vote was postponed), the same in `stories`, `stories --json`, `story`
and `brief`; through the command line with our own invented articles."""

from __future__ import annotations

import json

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.one_town_samples import VOTE


def _stories() -> list[dict]:
    r = run("stories", "--json")
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def _vote(rows: list[dict]) -> dict:
    return max(rows, key=lambda s: len(s["articles"]))


def test_the_title_follows_the_story(tmp_path, lib_path):
    add_as_markdown(tmp_path / "first", VOTE[:2])
    story = _vote(_stories())
    assert len(story["articles"]) == 2
    # of one day's two dated articles, the one stored last (LATEST_FIRST)
    assert story["title"] == "Harbour hotel plan splits Pellrow", story
    add_as_markdown(tmp_path / "later", VOTE[2:])
    rows = _stories()
    story = _vote(rows)
    assert len(story["articles"]) == 3 and len(rows) == 1, rows
    # the story's latest article's title, where it was "Pellrow council to vote on harbour hotel" for good
    assert story["title"] == "Pellrow harbour hotel vote postponed", story
    listed = run("stories").stdout
    assert "Pellrow harbour hotel vote postponed" in listed and "to vote on harbour hotel" not in listed, listed
    one = run("story", str(story["id"]))
    assert one.returncode == 0 and one.stdout.splitlines()[0] == "Pellrow harbour hotel vote postponed", one.stdout
    as_json = json.loads(run("story", str(story["id"]), "--format", "json").stdout)
    assert as_json["title"] == "Pellrow harbour hotel vote postponed"
    assert as_json["articles"][0] == story["articles"][0]  # the title's article is the first listed
    brief = run("brief")
    assert brief.returncode == 0 and f"1. Pellrow harbour hotel vote postponed  [story {story['id']}]" in brief.stdout, \
        brief.stdout


def test_the_title_goes_back_when_its_article_is_removed(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", VOTE)
    story = _vote(_stories())
    latest = story["articles"][0]
    assert story["title"] == "Pellrow harbour hotel vote postponed"
    r = run("remove", str(latest))
    assert r.returncode == 0, r.stderr
    story = _vote(_stories())
    assert latest not in story["articles"] and len(story["articles"]) == 2
    # not the removed article's title: the latest of those left (it stayed "… vote postponed")
    assert story["title"] == "Harbour hotel plan splits Pellrow", story


def test_a_later_report_of_the_day_alone_heads_the_story_over_an_earlier_timed_item(lib, half_past_five_east):
    """A feed item timed 09:00 and a report of the same day with its day alone that came in at 13:30 (UTC; 19:00 on the reader's clock): the story's
    latest report (the one its view marks new) is the later one, and it heads the story and its list (session 38: the
    timed item sorted first on its day and titled the story)."""
    from tui.models import Article
    from tui.store.stories import latest_key, story_row
    from tui.stories import group_new, story_summary

    body = ("The ferry from Port Hallam ran aground on a sandbank off Kessland on {d}. All forty passengers were "
            "taken off by the lifeboat crew. The ferry company said the vessel would be towed to Quenby Cross.")
    timed = Article(title="Ferry runs aground off Kessland", source="Harbour Gazette", published="2026-12-07",
                    published_at="2026-12-07T09:00:00Z", added_at="2026-12-07T09:05:00Z", body=body.format(d="Monday"))
    later = Article(title="Kessland ferry refloated on evening tide", source="Coast Wire", published="2026-12-07",
                    added_at="2026-12-07T13:30:00Z", body=body.format(d="Monday morning") + " It was refloated.")
    (_, first), (_, second) = lib.add_many([timed, later])
    group_new(lib)
    (story,) = {s for (s,) in lib.db.execute("SELECT story_id FROM story_articles")}
    assert story_summary(lib, story).latest.ids == {second}
    row = story_row(lib, story)
    assert row.title == "Kessland ferry refloated on evening tide"
    assert row.article_ids[0] == second
    rows = sorted(lib.rows_by_id([first, second]), key=latest_key, reverse=True)
    assert [r.id for r in rows] == [second, first]
