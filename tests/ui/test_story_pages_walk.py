"""What a walk through the story view, the briefing and the entity page at 80x24 found wrong: keys missing from
the hint line, the briefing's count of stories, an undated article with no date in the story view."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from pilot_steps import settle, open_first_story
from story_sample import WIRE, make_story_library

from tui.models import Article
from tui.store import Library
from tui.stories import group_new, story_of
from ui_sample import HARBOUR, ORCHARD


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


def hint(screen) -> str:
    return str(screen.query_one("#page-hint").render())


async def test_every_page_key_is_on_the_hint_line_at_80_columns(stories, make_app):
    """The story view's m and f (mark read, star) were on no hint line; the briefing's y (copy its quotes) and c
    neither; then the story view's o (the line's link) and n / N (its next / previous unread article), and the
    entity page's o, then its n / N (walk25); the briefing's m (mark the line's story read). Each hint fits 80 columns (78 cells inside its padding), so none is cut: the story view names its
    three copy keys as one there, and each in its own words where they fit. keys36: `a` (to the articles, under the
    summary or the timeline) at every width; at 80 columns in the place of `o` and `Y` (help and ctrl+p name them),
    from 100 columns with every key, `+/-` from 110."""
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        text = hint(app.screen)
        assert type(app.screen).__name__ == "StoryScreen"
        # tab to the other pane (walk35) takes +/-'s place at 80 columns, `a` o's and Y's (help names them all)
        for part in ("⏎ open", "tab pane", "a articles", "c/y copy", "m/f marks", "n/N unread", "esc back"):
            assert part in text, text
        assert cell_len(text) <= 78, text
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        text = hint(app.screen)
        for part in ("⏎ open", "tab pane", "a articles", "c/y/Y copy", "m/f marks", "o link", "n/N unread",
                     "esc back"):
            assert part in text, text
        assert cell_len(text) <= 98, text
        await pilot.resize_terminal(110, 30)
        await settle(pilot)
        text = hint(app.screen)
        assert "+/- length" in text and "a articles" in text and "o link" in text and cell_len(text) <= 108, text
        await pilot.resize_terminal(130, 30)
        await settle(pilot)
        text = hint(app.screen)
        for part in ("tab next pane", "a articles", "+/- length", "c copy", "y quotes", "Y Markdown", "m/f marks",
                     "o link", "n/N unread", "esc back"):
            assert part in text, text
        assert cell_len(text) <= 128, text
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "c/y copy" in hint(app.screen)
        from tui.app.screens.person import PersonScreen

        app.push_screen(PersonScreen(path, "Agnes Trewin"))
        await settle(pilot)
        text = hint(app.screen)
        for part in ("⏎ open", "tab pane", "a articles", "c/y copy", "m/f marks", "n/N unread", "esc back"):
            assert part in text, text
        assert cell_len(text) <= 78, text
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.press("b")
        await settle(pilot)
        text = hint(app.screen)
        assert type(app.screen).__name__ == "BriefingScreen"
        for part in ("⏎ open", "m read", "t since", "+/- length", "c/Y Markdown", "y quotes", "esc back"):
            assert part in text, text
        assert cell_len(text) <= 78, text
        await pilot.resize_terminal(120, 30)  # in its full words where they fit
        await settle(pilot)
        text = hint(app.screen)
        for part in ("⏎ open story", "m mark read", "t since", "+/- sentences", "c/Y Markdown", "y quotes", "esc back"):
            assert part in text, text
        assert cell_len(text) <= 118, text


async def test_the_briefing_says_how_many_unread_stories_it_leaves_out(stories, make_app, monkeypatch):
    """The briefing shows the LIMIT best unread stories; with more unread it said "N stories · all unread
    stories" as if those were all."""
    from tui.app.screens import briefing

    path, ids = stories
    with Library(path) as lib:
        for title in (ORCHARD.title, WIRE.title):
            lib.set_read(ids[title], False)
        unread_stories = len({story_of(lib, ids[t]) for t in (ORCHARD.title, WIRE.title, HARBOUR.title)})
    assert unread_stories >= 2

    async def briefing_head(limit: int) -> str:
        monkeypatch.setattr(briefing, "LIMIT", limit)
        app = make_app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("b")
            await settle(pilot)
            await settle(pilot)
            return str(app.screen.query_one("#briefing-head").render())

    head = await briefing_head(1)
    assert head.startswith(f"1 of {unread_stories} unread stories · ranked"), head
    head = await briefing_head(10)
    assert head.startswith(f"{unread_stories} unread stories · ranked"), head


def test_an_undated_article_shows_the_day_it_was_added_in_the_story_view(tmp_path):
    """The library list shows an undated article's day added (its order); the story view's line of it showed no
    date at all while its summary sentences said the day."""
    from tui.app.screens.story import read_story
    from tui.app.screens.story_items import build

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    with Library(path) as lib:
        (_status, undated), = lib.add_many([Article(
            title="Lighthouse keeper's log goes on show in Port Ellin museum", source="Quay Notes", published=None,
            body=("The museum in Port Ellin put the 1911 logbook of the harbour lighthouse on show on Friday. "
                  "The log records every storm of that winter in the keeper's small, careful hand.\n\n"
                  "Visitors can turn its pages on a screen beside the glass case, the museum said."))])
        group_new(lib)
        day = lib.rows_by_id([undated])[0].sort_key[:10]
        assert day
        row, summary, rows = read_story(lib, story_of(lib, undated), None, False)
        _head, _title, text, _side, _names = build(summary, row, rows)
    line = next(str(o.prompt) for o in text if o.id == f"a:{undated}")
    assert line.endswith(f"Quay Notes, {day}"), line


async def test_story_view_headings_and_speakers_are_drawn_as_headings_not_greyed_out(stories, make_app):
    """Section headings ("Quotes by speaker", "Entities", …), the speakers the quotes are grouped under and the
    entity types were drawn in the colour of a disabled item (grey, as "No quotes found"); the summary pane draws
    its headings in the heading colour."""
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_first_story(pilot)
        side = app.screen.query_one("#story-quotes")
        heading = side.get_visual_style("summary-list--option", "summary-list--heading").rich_style.color
        disabled = side.get_visual_style("summary-list--option", "summary-list--option-disabled").rich_style.color
        assert heading != disabled
        side._ensure_lines()
        for text in ("Quotes by speaker", "Agnes Trewin", "People (2)"):
            index = next(i for i, o in enumerate(side.options) if o.prompt.plain == text)
            colours = {s.style.color for s in side._render_option(index)[0] if text in s.text}
            assert colours == {heading}, (text, colours)


async def test_the_briefing_keeps_a_reading_measure_and_its_sources_whole(stories, make_app):
    """At 200 columns the briefing's one pane ran its sentences ~190 characters wide; it keeps at most 120 columns
    now, in the middle. A sentence's "(Outlet, date)" is never broken across two lines."""
    app = make_app(stories[0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("b")
        await settle(pilot)
        await settle(pilot)
        pane = app.screen.query_one("#briefing-pane").region
        assert pane.width <= 120 and abs(pane.x - (200 - pane.right)) <= 1, pane
    app = make_app(stories[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await settle(pilot)
        await settle(pilot)
        from tui.app.widgets.summary_items import cut_lines, wrap_all

        options = app.screen.query_one("#briefing-list").options
        sentences = [o for o in options if o.prompt.plain.startswith("• ")]
        assert sentences
        for width in range(40, 121):  # the list's own wrap and cut, at every width a pane may have
            wrap_all(options, width)
            for option in sentences:
                # "(Outlet, date)" whole, and "(Outlet, date, new)" wherever it fits a line; in a narrower pane its
                # "new)" goes on the next line with the date, never alone ("(Outlet," then "date, new)": session 37)
                plain = option.prompt.plain
                where = plain[plain.rindex(" (") + 1:plain.rindex(")") + 1]
                lines = [x.plain.strip() for x in cut_lines(option)]
                if where.endswith(", new)") and len(where) > width - option.indent:
                    outlet, day = where[:-len(", new)")].rsplit(" ", 1)
                    assert lines[-2:] == [outlet, f"{day}, new)"], (width, lines)
                    continue
                assert any(where in x for x in lines), (width, option.prompt.plain)


async def test_back_from_a_story_the_briefing_shows_the_marks_made_there(stories, make_app):
    """enter on a briefing story opens its story view; m there marks an article read. Back in the briefing
    (esc) the story still said "3 unread": the briefing was not read again."""
    app = make_app(stories[0])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("b")
        await settle(pilot)
        await settle(pilot)
        briefing = app.screen
        assert "3 articles · 3 unread" in str(briefing.query_one("#briefing-list").options[0].prompt)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        text = story.query_one("#story-text")
        text.highlighted = next(i for i, o in enumerate(text.options) if (o.id or "").startswith("a:"))
        await pilot.press("m")
        await pilot.press("escape")  # at once: the mark may still be waiting to be written
        await settle(pilot)
        await settle(pilot)
        assert app.screen is briefing
        assert "3 articles · 2 unread" in str(briefing.query_one("#briefing-list").options[0].prompt)


async def test_copied_quotes_name_every_outlet_the_story_view_shows(stories, make_app, copied):
    """A quote printed by two outlets is shown under "— Coastline Gazette, Kellmouth Evening Post"; `y` copied it
    with the first outlet only."""
    app = make_app(stories[0])
    async with app.run_test(size=(160, 48)) as pilot:
        await open_first_story(pilot)
        side = app.screen.query_one("#story-quotes")
        shown = next(o.prompt.plain for o in side.options if "Port Ellin should not carry this alone" in o.prompt.plain)
        assert "Coastline Gazette, Kellmouth Evening Post" in shown
        await pilot.press("y")
        await settle(pilot)
        line = next(x for x in copied[-1].splitlines() if "Port Ellin should not carry this alone" in x)
        assert line.endswith("— Bram Oduya (Coastline Gazette, Kellmouth Evening Post)"), line


async def test_a_long_name_in_the_entity_page_title_ends_with_an_ellipsis(stories, make_app):
    from tui.app.screens.person import PersonScreen

    name = "Agnes Margaretha Josephine Trewin-Oduya of Port Ellin and Kellmouth"
    app = make_app(stories[0])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.push_screen(PersonScreen(stories[0], name))
        await settle(pilot)
        title = app.screen.query_one("#person-pane").border_title
        assert title.startswith("Person · Agnes Margaretha") and title.endswith("…") and len(title) <= 49, title
