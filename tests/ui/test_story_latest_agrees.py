"""A story's "latest" article is one article wherever it is named: `o` in the stories list opens its link, the story
view lists it first under "Articles", `stories --json` gives its id first and its day as "last", the stories list's
row dates the story by that day. On one day a dated article comes before a note stored that day (session 30's `o`):
the story view listed the day's articles by id and `stories --json` by the library's order, so a note stored on the
latest day topped both while `o` opened the dated article (app31)."""

from __future__ import annotations

import json

from pilot_steps import fake_browser, press_o_for_link, settle, started
from story_sample import EVENING, WIRE
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.store import Library

DAY = EVENING.published  # the story's latest day


def _note_on_the_latest_day(path) -> tuple[int, int, int]:
    """WIRE dated the story's latest day, EVENING made an undated note stored that evening, both grouped again (a
    changed date takes an article out of its story): (story id, WIRE's id, the note's id)."""
    from tui.stories import group_new

    with Library(path) as lib:
        ids = {t: i for i, t in lib.db.execute("SELECT id, title FROM articles")}
        wire, note = ids[WIRE.title], ids[EVENING.title]
        assert note > wire  # the note stored after the dated article: it sorted first by id and by stored time
        lib.db.execute("UPDATE articles SET url = 'https://example.org/story/' || id")
        lib.db.execute("UPDATE articles SET published = ?, sort_key = ? WHERE id = ?", (DAY, DAY, wire))
        lib.db.execute("UPDATE articles SET published = NULL, added_at = ?, sort_key = ? WHERE id = ?",
                       (f"{DAY}T21:00:00Z", f"{DAY}T21:00:00Z", note))
        group_new(lib)
        (story, day), = set(lib.db.execute("SELECT story_id, day FROM story_articles WHERE article_id IN (?, ?)",
                                           (wire, note)))  # one story, one day
        assert day == DAY
    return story, wire, note


async def test_o_the_story_view_the_stories_list_and_stories_json_name_one_latest_article(
        stories, make_app, monkeypatch, tmp_path, capsys):  # noqa: F811
    from tui.cli import main

    story, wire, note = _note_on_the_latest_day(stories)
    got = fake_browser(tmp_path, monkeypatch)
    app = make_app(stories)
    async with started(app, (160, 48), stories=True) as (pilot, screen):
        source = screen.articles.source
        at = next(i for i in range(len(source)) if source.row(i).id == story)
        assert source.row(at).last == DAY  # the row's date: the latest day
        screen.articles.cursor = at
        await settle(pilot)
        assert await press_o_for_link(pilot, got) == f"https://example.org/story/{wire}"
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        view = app.screen
        assert type(view).__name__ == "StoryScreen"
        listed = [int(o.id[2:]) for o in view.query_one("#story-text").options if (o.id or "").startswith("a:")]
        assert listed[:2] == [wire, note], listed  # the latest first, as `o` took it; then the note of that day
    capsys.readouterr()
    assert main(["--db", str(stories), "stories", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    row = next(r for r in rows if r["id"] == story)
    assert row["last"] == DAY and row["articles"][:2] == [wire, note], row
