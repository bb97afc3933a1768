"""Tags that differ only in case are one tag: in the article header, in the tag picker (`T`, with the articles of
every spelling counted) and in the filter it sets, for non-ASCII letters too ("Économie" / "économie", which
SQLite's NOCASE keeps apart); a feed item's category "politics" in a feed tagged "Politics" is stored once."""

from __future__ import annotations

import json

from pilot_steps import palette_names, palette_type, settle, started
from test_tag_picker_worker import status

from tui.app.widgets.article_body import header_lines
from tui.models import Article
from tui.sources.parse import parse_feed_bytes
from tui.store import Library
from tui.store.reader import all_tags

FERRY = Article(title="Ferry timetable changes split the island council", source="Island Post",
                published="2026-03-02", tags=["Politics", "politics", "Économie"],
                body="The island council argued for three hours on Tuesday over the new ferry timetable, which cuts "
                     "the late crossing on weekdays. Councillor Mara Velden voted against the change.")
MARKET = Article(title="Harbour traders ask for a second market day", source="Island Post", published="2026-03-03",
                 tags=["POLITICS", "économie"],
                 body="Traders on the harbour asked the council on Wednesday for a second market day in the summer "
                      "months, saying the crowds from the cruise ships had outgrown the Saturday market.")
FAIR = Article(title="The autumn fair returns to the quay", source="Island Post", published="2026-03-01",
               tags=["Culture"], body="The autumn fair returns to the quay this year after two years away, with "
                                      "music, food stalls and a rowing race between the harbour clubs.")


async def test_tags_differing_in_case_are_one(tmp_path, make_app):
    path = tmp_path / "tags.db"
    with Library(path) as lib:
        ids = lib.add_many([FERRY, MARKET, FAIR])
        stored = json.loads(lib.db.execute("SELECT tags FROM articles WHERE title = ?", (FERRY.title,)).fetchone()[0])
        counts = {tag.casefold(): n for tag, n in all_tags(lib)}
    assert stored == ["Politics", "Économie"]
    assert counts == {"politics": 2, "économie": 2, "culture": 1}
    app = make_app(path)
    async with started(app, (120, 30)) as (pilot, main):
        await pilot.press("g", "j", "enter")  # the ferry article (second newest)
        await settle(pilot)
        tags_line = [text for text, _ in header_lines(main.article) if text.startswith("Tags:")]
        assert tags_line == ["Tags: Politics, Économie"]
        await pilot.press("escape", "T")
        names = await palette_names(pilot, 3)
        assert sum(n.casefold().startswith("économie") for n in names) == 1, names
        assert sum(n.casefold().startswith("politics") for n in names) == 1, names
        await palette_type(pilot, "économie")
        await pilot.press("enter")
        await settle(pilot)
        assert "#économie" in status(main).casefold() and len(main.articles.source) == 2  # (the short form at 120x30)


def test_a_feed_tag_and_an_item_category_of_another_case_are_stored_once():
    feed = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Island Post</title>'
            b'<link>http://example.invalid/</link><description>d</description><item><title>Ferry timetable</title>'
            b'<guid isPermaLink="false">f1</guid><category>politics</category><category>Ferries</category>'
            b'<description>The island council argued for three hours on Tuesday over the new ferry timetable, which '
            b'cuts the late crossing on weekdays.</description></item></channel></rss>')
    parsed = parse_feed_bytes(feed, "http://example.invalid/feed.xml", tags=["Politics"])
    assert [e.article.tags for e in parsed.entries] == [["politics", "Ferries"]]
