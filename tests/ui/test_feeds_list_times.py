"""When a feed was refreshed, in the feeds list (`F`): the reader's own clock time, not the stored UTC time shown as if
it were local (walk24, in tmux with TZ=America/New_York at 02:42: "refreshed 2026-12-06 07:41", five hours ahead);
and a refresh that failed says "tried", not "refreshed", above its "✗ could not connect"."""

from __future__ import annotations

from pilot_steps import started
from test_feeds_list_layout import feeds_page_lines

from tui.store import Library


async def feeds_list_at_80x24(library, make_app, feeds, last: str) -> list[str]:
    """The feeds list's lines at 80x24 once `feeds(lib)` has stored the feeds and the row of `last` is shown."""
    path, _ids = library
    with Library(path) as lib:
        feeds(lib)
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, _main):
        return await feeds_page_lines(pilot, last)


async def test_the_feeds_list_shows_local_times_and_says_tried_for_a_failed_refresh(
        library, make_app, half_past_five_east, reader_clock):
    """... as `feed list` says them: "today 13:11", "yesterday 04:10", an earlier day alone (it gave every time with
    its full date)."""
    from tui.store.feeds import add_feed, update_feed

    reader_clock("2026-12-06 20:00")

    def feeds(lib):
        ok, _ = add_feed(lib, "http://127.0.0.1:9/ferry.xml", "Island Ferry News")
        update_feed(lib, ok, last_status="ok", last_refresh="2026-12-06T07:41:21Z")
        gone, _ = add_feed(lib, "http://127.0.0.1:9/pier.xml", "Pier Notes")
        update_feed(lib, gone, last_status="error", last_refresh="2026-12-05T22:40:00Z",
                    last_error="could not connect (offline, or the server is down)")

    lines = await feeds_list_at_80x24(library, make_app, feeds, "Pier Notes")
    ferry = next(x for x in lines if "Island Ferry News" in x)
    assert ferry.endswith("0 articles · refreshed today 13:11"), lines
    pier = next(i for i, x in enumerate(lines) if "Pier Notes" in x)
    assert lines[pier].endswith("0 articles · tried today 04:10"), lines
    assert lines[pier + 1].strip().startswith("✗ could not connect"), lines


async def test_a_feed_never_fetched_says_so_and_which_key_fetches_it(library, make_app):
    """Feeds imported from an OPML list (or added while offline) are stored before their first refresh: the line
    said "0 articles" alone, as an empty feed's would (walk28, after `feed import` of three feeds)."""
    from tui.store.feeds import add_feed, update_feed

    def feeds(lib):
        add_feed(lib, "http://127.0.0.1:9/wire.json", "Coastal Wire")
        done, _ = add_feed(lib, "http://127.0.0.1:9/quiet.xml", "Quiet Parish News")
        update_feed(lib, done, last_status="ok", last_refresh="2026-12-06T07:41:21Z")

    lines = await feeds_list_at_80x24(library, make_app, feeds, "Coastal Wire")
    wire = next(x for x in lines if "Coastal Wire" in x)
    assert wire.endswith("Coastal Wire  0 articles · not fetched yet (R)"), lines
    quiet = next(x for x in lines if "Quiet Parish News" in x)  # refreshed, and empty: no such words
    assert "not fetched" not in quiet and "0 articles · refreshed" in quiet, lines


async def test_a_feed_its_refresh_cut_says_what_was_left_out_under_its_name(library, make_app):
    """A feed read in part (its document cut at 4 MB, or the newest 500 of its items kept) says so under its name, as
    `feed list` does; the feeds list showed only a failed feed's reason."""
    from tui.store.feeds import add_feed, update_feed

    def feeds(lib):
        big, _ = add_feed(lib, "http://127.0.0.1:9/almanac.xml", "Tide Almanac")
        update_feed(lib, big, last_status="ok", last_refresh="2026-12-06T07:41:21Z",
                    last_error="cut: 500 of its 80,000 items kept, the newest")

    lines = await feeds_list_at_80x24(library, make_app, feeds, "Tide Almanac")
    at = next(i for i, x in enumerate(lines) if "Tide Almanac" in x)
    assert "refreshed" in lines[at] and lines[at + 1].strip() == "cut: 500 of its 80,000 items kept, the newest", lines


async def test_a_failed_feed_says_when_it_is_tried_again(library, make_app, half_past_five_east):
    """A feed backing off after failures: when a refresh of all feeds tries it again, on the reader's clock, a time of
    tomorrow as "tomorrow 01:10" (feeds39: nothing said it; `pages_waiting` printed such a time with its date)."""
    import time
    from datetime import datetime, timedelta

    from tui.store.feeds import add_feed, update_feed

    now = time.time()

    def feeds(lib):
        gone, _ = add_feed(lib, "http://127.0.0.1:9/pier.xml", "Pier Notes")
        update_feed(lib, gone, last_status="error", failures=3, next_try=now + 23.5 * 3600,
                    last_refresh=datetime.utcfromtimestamp(now - 60).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    last_error="could not connect (offline, or the server is down)")

    local = datetime.fromtimestamp(now + 23.5 * 3600).astimezone()
    today = datetime.now().astimezone().date()
    assert local.date() in (today, today + timedelta(days=1))
    when = ("tomorrow " if local.date() > today else "") + local.strftime("%H:%M")
    lines = await feeds_list_at_80x24(library, make_app, feeds, "Pier Notes")
    pier = next(i for i, x in enumerate(lines) if "Pier Notes" in x)
    assert lines[pier + 1].strip().startswith("✗ could not connect"), lines
    assert lines[pier + 2].strip() == f"next try after {when} (backing off after 3 failures)", lines
