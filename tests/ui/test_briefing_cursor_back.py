"""Back to the briefing from a story opened there, the briefing is read again (a story whose articles were all read
there leaves it). The cursor kept its line NUMBER, so it landed wherever the new reading put that number: on another
story's sentence or quote. It now stays on the same line of the same story, or, the story gone, on the heading of the
story that took its place."""

from __future__ import annotations

from contextlib import asynccontextmanager

from pilot_steps import open_briefing, settle, wait_until
from story_sample import make_story_library


def line_ids(page) -> list[str]:
    widget = page.query_one("#briefing-list")
    return [widget.get_option_at_index(i).id or "" for i in range(widget.option_count)]


def cursor_id(page) -> str:
    widget = page.query_one("#briefing-list")
    return widget.get_option_at_index(widget.highlighted).id or ""


async def _read(pilot, page):
    await wait_until(pilot, lambda: page._stage == 2 and not page.loader.loading, "the briefing read")
    await settle(pilot)


@asynccontextmanager
async def briefing_read(tmp_path, make_app):
    """The app on a library of several unread stories, its briefing open and every story of it read: (app, pilot,
    the briefing page)."""
    path = tmp_path / "library.db"
    make_story_library(path)
    app = make_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        page = await open_briefing(pilot)
        await _read(pilot, page)
        yield app, pilot, page


async def test_back_from_a_story_read_there_the_cursor_goes_to_the_story_in_its_place(tmp_path, make_app):
    async with briefing_read(tmp_path, make_app) as (app, pilot, page):
        ids = [item.story.id for item in page.items]
        assert len(ids) >= 2, ids
        lines = line_ids(page)
        first_lines = [x for x in lines if x.startswith("b:0:")]
        assert len(first_lines) >= 3, lines  # a heading, sentences (and a quote): its last line is not its heading
        widget = page.query_one("#briefing-list")
        widget.focus()
        widget.highlighted = lines.index(first_lines[-1])  # the first story's last line
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not page, "the story view")
        await settle(pilot)
        await pilot.press("A")  # its every article read: it leaves the briefing
        await settle(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is page, "back to the briefing")
        await _read(pilot, page)
        now = [item.story.id for item in page.items]
        assert ids[0] not in now and now[0] == ids[1], (ids, now)
        assert cursor_id(page) == "b:0:0", (cursor_id(page), line_ids(page))


async def test_read_again_the_cursor_stays_on_its_story_s_line(tmp_path, make_app):
    async with briefing_read(tmp_path, make_app) as (_app, pilot, page):
        ids = [item.story.id for item in page.items]
        second = ids[1]
        lines = line_ids(page)
        widget = page.query_one("#briefing-list")
        widget.focus()
        widget.highlighted = lines.index("b:1:1")  # the second story's first sentence
        await pilot.press("minus")  # read again, the first story one sentence shorter above it
        await _read(pilot, page)
        assert len([x for x in line_ids(page) if x.startswith("b:0:")]) < len([x for x in lines if x.startswith("b:0:")])
        assert [item.story.id for item in page.items][1] == second
        assert cursor_id(page) == "b:1:1", (cursor_id(page), line_ids(page))
