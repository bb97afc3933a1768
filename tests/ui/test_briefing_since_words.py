"""The briefing's head and its empty list said `t`'s "today" as a date ("1 unread story since 2026-12-07") and 24h as a
date and a time ("since 2026-12-06 13:07"), where the feeds list and `feed list` now say "today 09:14" and "yesterday
18:02": the same words here. (`brief` and the briefing's Markdown copy keep the dates: texts kept for later.)"""

from __future__ import annotations

import re

from pilot_steps import open_briefing, settle, wait_until
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)


def head(page) -> str:
    return str(page.query_one("#briefing-head").render())


def first_line(page) -> str:
    listing = page.query_one("#briefing-list")
    return str(listing.get_option_at_index(0).prompt)


async def test_the_briefing_says_since_today_and_since_yesterday(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_briefing(pilot)
        await pilot.press("t")  # today: nothing (the sample news is from January)
        await settle(pilot)
        await wait_until(pilot, lambda: "since today" in first_line(page), lambda: first_line(page))
        assert first_line(page).startswith("No unread stories since today: t widens the time"), first_line(page)
        await pilot.press("t")  # the last 24 hours: since this time yesterday
        await settle(pilot)
        await wait_until(pilot, lambda: "since yesterday" in first_line(page), lambda: first_line(page))
        assert re.match(r"No unread stories since yesterday \d\d:\d\d: t widens", first_line(page)), first_line(page)
        assert not re.search(r"\d{4}", first_line(page)), first_line(page)  # no year: no date (the hour may be 20)
        await pilot.press("t", "t", "t")  # every unread story again: the head counts them, since no time
        await settle(pilot)
        await wait_until(pilot, lambda: "summarising" not in head(page) and "unread stor" in head(page),
                         lambda: head(page))
        assert "since" not in head(page), head(page)


def test_since_said_today_yesterday_a_day_or_a_time(half_past_five_east, reader_clock):
    from tui.cells import since_label, since_said

    reader_clock("2026-12-06 20:00")
    assert since_said("2026-12-06") == "today" and since_said("2026-12-05") == "yesterday"
    assert since_said("2026-11-29") == "2026-11-29"
    assert since_said("2026-12-05T07:30:00Z") == "yesterday 13:00"
    assert since_said("2026-12-06T07:30:00Z") == "today 13:00"
    assert since_said("2026-12-01T07:30:00Z") == "2026-12-01 13:00"
    assert since_label("2026-12-06") == "2026-12-06"  # brief's and the Markdown copy's: the date
