"""walk34: the stories list kept stories another process had merged away. Two windows on one library (or `newsreader
stories` in a second terminal, or the app's own background grouping connection) regrouped the stories after a
refresh: a settle merged a 5-article story into a bigger one. The list went on showing the merged story's row with
its old figures ("28 stories" where the library held 26), and `enter` on that row said "This story is no longer in the
library". The library watch compared only the article count and highest id; it reads the story generation too."""

from __future__ import annotations

from pilot_steps import settle, started, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)

from tui.store import Library
from tui.store.stories import save_groups


def listed(main) -> list[int]:
    source = main.articles.source
    return [source.row(i).id for i in range(len(source))]


def merge_away(path, keep: int, gone: int) -> None:
    """Another process merges story `gone` into story `keep`, as a grouper's merge step writes it."""
    with Library(path) as lib:
        row = lib.db.execute("SELECT id, title, first, last, size, terms FROM stories WHERE id = ?", (keep,)).fetchone()
        moved = {aid: keep for (aid,) in lib.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?",
                                                        (gone,))}
        assert moved
        save_groups(lib, [], [(row[0], row[1], row[2], row[3], row[4] + len(moved), {})], moved=moved, gone=[gone])


async def test_the_stories_list_follows_stories_merged_by_another_process(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        before = listed(main)
        assert len(before) >= 3, before
        keep, gone = before[0], before[-1]
        merge_away(stories, keep, gone)
        await wait_until(pilot, lambda: gone not in listed(main), lambda: listed(main))
        await settle(pilot)
        assert listed(main) == [i for i in before if i != gone]
