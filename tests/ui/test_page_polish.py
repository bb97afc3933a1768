"""What a careful reader of the entity page, the story view, the briefing and the toasts noticed: a year without
articles invisible in "Articles over time", "Appears with" not saying who is a person and what is a place, `+`/`-`
at the end of the summary length doing nothing silently, long titles cut in toasts with no ellipsis."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, opened_first, settle, shown_toasts, wait_until
from story_sample import make_story_library
from ui_sample import HARBOUR, ROBOTS

from tui.store import Library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


async def press_until_toast(pilot, key: str, start: str, most: int) -> None:
    """Press `key` (settling after each) until a toast starting with `start` shows, at most `most` times."""
    for _ in range(most):
        await pilot.press(key)
        await settle(pilot)
        if any(t.startswith(start) for t in shown_toasts(pilot.app)):
            return


def plain(widget) -> list[str]:
    return [o.prompt.plain for o in widget.options]


async def _agnes_over_time(path, ids, make_app, harbour_day: str) -> list[str]:
    """The "Articles over time" rows of Agnes Trewin's entity page with the harbour article dated `harbour_day`."""
    from tui.app.screens.person import PersonScreen

    with Library(path) as lib:
        lib.db.execute("UPDATE articles SET sort_key = ? WHERE id = ?", (harbour_day, ids[HARBOUR.title]))
        lib.db.commit()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(PersonScreen(path, "Agnes Trewin"))
        await settle(pilot)
        rows = plain(app.screen.query_one("#person-articles"))
    return rows[rows.index("Articles over time") + 1:]


async def test_a_year_without_articles_shows_on_the_entity_page(stories, make_app):
    """Agnes Trewin is in three January 2026 articles; one moved to December 2024 left a bar for 2024-12 right
    above 2026-01, the year between them invisible. A short gap is drawn as empty months."""
    path, ids = stories
    over_time = await _agnes_over_time(path, ids, make_app, "2024-12-02")
    assert over_time[0].startswith("2024-12 █"), over_time
    assert over_time[1] == "… 12 months without articles …", over_time
    assert over_time[2].startswith("2026-01 █"), over_time
    over_time = await _agnes_over_time(path, ids, make_app, "2025-11-30")
    assert over_time[:3] == ["2025-11 " + over_time[0][8:], "2025-12 ·", over_time[2]], over_time
    assert over_time[2].startswith("2026-01 █"), over_time


@pytest.mark.parametrize("day", ["", "soon\x1b[2J", "2026-13-40"])
async def test_an_article_without_a_month_is_undated_last_on_the_entity_page(stories, make_app, day):
    """An article whose stored day is empty or not a date (the database is untrusted) was a bar with a blank label,
    first, above the oldest month; or its raw text was the label. It is "undated", after the dated months."""
    path, ids = stories
    over_time = await _agnes_over_time(path, ids, make_app, day)
    over_time = over_time[:next(i for i, row in enumerate(over_time) if row.startswith("Articles ("))]
    assert over_time[-1] == "undated █" + over_time[-1][9:] and over_time[-1].endswith(" 1"), over_time
    # the two dated articles, a day apart, have a bar each (by day: test_a_few_days_of_news_are_drawn_by_day)
    assert [row[:11] for row in over_time[:-1]] == ["2026-01-14 ", "2026-01-15 "], over_time


async def test_a_few_days_of_news_are_drawn_by_day(stories, make_app):
    """A person in the news of a few days had one bar, "2026-01 ███ 3": every person of the morning's stories looked
    the same. Articles all within a month of each other have a bar per day, a longer run of days without articles
    one line, as the months have."""
    path, ids = stories
    over_time = await _agnes_over_time(path, ids, make_app, "2026-01-02")
    over_time = over_time[:next(i for i, row in enumerate(over_time) if row.startswith("Articles ("))]
    assert over_time == ["2026-01-02 " + "█" * 24 + " 1", "… 11 days without articles …",
                         "2026-01-14 " + "█" * 24 + " 1", "2026-01-15 " + "█" * 24 + " 1"], over_time
    over_time = await _agnes_over_time(path, ids, make_app, "2026-01-12")
    assert over_time[:3] == ["2026-01-12 " + "█" * 24 + " 1", "2026-01-13 ·", "2026-01-14 " + "█" * 24 + " 1"], over_time


async def test_appears_with_groups_people_places_and_organisations(stories, make_app):
    """"Appears with" listed Port Ellin (a place) beside Bram Oduya (a person) with nothing to tell them apart; it
    is grouped under the story view's type headings now."""
    from tui.app.screens.person import PersonScreen

    path, _ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.push_screen(PersonScreen(path, "Agnes Trewin"))
        await settle(pilot)
        screen = app.screen
        rows = plain(screen.query_one("#person-quotes"))
        together = rows[rows.index("Appears with") + 1:]
        kinds = {kind for kind, _name in screen.together}
        assert {"person", "place"} <= kinds, screen.together
        headings = {"person": "People", "org": "Organisations", "place": "Places", "other": "Other"}
        for kind, name in screen.together:  # each entry under its type's heading ("People (2)"), indented under it
            at = next(i for i, x in enumerate(together) if x.startswith(f"  {name} · "))
            above = [x.split(" (")[0] for x in together[:at] if x.split(" (")[0] in headings.values()]
            assert above[-1] == headings[kind], (name, together)


async def test_plus_and_minus_at_the_end_say_so_in_the_article_pane(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48), notifications=True) as (pilot, _main):
        for _ in range(8):
            await pilot.press("minus")
            await settle(pilot)
        assert any(t.startswith("Shortest summary") for t in shown_toasts(app)), shown_toasts(app)
        await press_until_toast(pilot, "plus", "Longest summary", 60)
        assert any(t.startswith("Longest summary: all") for t in shown_toasts(app)), shown_toasts(app)


async def test_plus_and_minus_at_the_end_say_so_in_the_story_view_and_briefing(stories, make_app):
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await open_first_story(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        for _ in range(6):
            await pilot.press("minus")
            await settle(pilot)
        assert len(app.screen.summary.sentences) == 1
        assert any(t.startswith("Shortest summary") for t in shown_toasts(app)), shown_toasts(app)
        await press_until_toast(pilot, "plus", "Longest summary", 45)
        assert any(t.startswith("Longest summary") for t in shown_toasts(app)), shown_toasts(app)
        most = len(app.screen.summary.sentences)
        await pilot.press("minus")  # one press goes one shorter: the length asked for was not left above the end
        await settle(pilot)
        assert len(app.screen.summary.sentences) == most - 1
        await pilot.press("escape")
        await pilot.press("b")
        await settle(pilot)
        assert type(app.screen).__name__ == "BriefingScreen"
        app.clear_notifications()
        for _ in range(4):  # 3 sentences a story at first, 6 at most
            await pilot.press("plus")
            await settle(pilot)
        assert any(t.startswith("Longest summaries") for t in shown_toasts(app)), shown_toasts(app)
        for _ in range(6):
            await pilot.press("minus")
            await settle(pilot)
        assert any(t.startswith("Shortest summaries") for t in shown_toasts(app)), shown_toasts(app)


async def test_a_long_title_in_the_marked_read_toast_ends_with_an_ellipsis(library, make_app):
    """"Library lends out robot vacuum cleaners, and they keep coming back" (66 characters) was shown as
    "Marked read: Library lends out robot vacuum cleaners, and they keep co" as if that were all of it."""
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("g", "j", "j", "m")  # ROBOTS is third
        await settle(pilot)
        toast = shown_toasts(app)[-1]
        assert toast.startswith("Marked read: Library lends out robot") and toast.endswith("…"), toast
        assert len(toast) == len("Marked read: ") + 60 and ROBOTS.title[:59] in toast, toast


async def test_a_long_title_in_the_story_views_toast_ends_with_an_ellipsis(stories, make_app):
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await open_first_story(pilot)
        text = app.screen.query_one("#story-text")
        text.highlighted = next(i for i, o in enumerate(text.options) if (o.id or "").startswith("a:"))
        article_id = int(text.options[text.highlighted].id[2:])
        with Library(path) as lib:  # the story's article retitled longer than a toast shows
            title = lib.get(article_id).title + ", and what the harbour board said of it"
            lib.db.execute("UPDATE articles SET title = ? WHERE id = ?", (title, article_id))
            lib.db.commit()
        await pilot.press("m")
        await settle(pilot)
        toast = shown_toasts(app)[-1]
        assert toast == f"Marked read: {title[:59]}…", toast


async def test_the_command_palette_and_help_scroll_with_a_one_cell_scrollbar(library, make_app):
    """Every pane and page has a 1-cell scrollbar; the help dialog and the command palette (ctrl+p, and the tag
    picker, T) kept Textual's 2-cell "▄▄"."""
    from textual.command import CommandList

    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: app.screen.query(CommandList), "the palette")
        commands = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count > commands.size.height,  # it scrolls
                         lambda: (commands.option_count, commands.size.height))
        assert commands.styles.scrollbar_size_vertical == 1
        await pilot.press("escape", "question_mark")
        await wait_until(pilot, lambda: app.screen.query("#help-body"), lambda: app.screen)
        assert app.screen.query_one("#help-body").styles.scrollbar_size_vertical == 1


async def test_a_quote_printed_by_two_outlets_names_both_on_the_entity_page(stories, make_app, copied):
    """The same words of Agnes Trewin in two outlets' articles showed once, credited to one of them (the story view
    and `newsreader who` named both). The page's line and its copy name both now."""
    import json

    from story_sample import WIRE, hand_analysis
    from tui.app.screens.person import PersonScreen
    from tui.engine.analysis import cache_key, mention_counts
    from tui.models import Article

    path, ids = stories
    quote = "The fishing families have waited long enough,"
    other = Article(title="Port Ellin's harbour wall will be rebuilt from March", source="Kellmouth Harbour Radio",
                    byline="Radio Staff", published="2026-01-16", tags=["Europe"],
                    body=("PORT ELLIN — Work on the harbour storm wall starts in March after the council's vote this "
                          "week.\n\nMayor Agnes Trewin told listeners the town had no time to lose. "
                          f"\"{quote}\" Trewin said on the morning programme.\n\nThe quay stays half open."))
    with Library(path) as lib:
        (_status, other_id), = lib.add_many([other])
        analysis = hand_analysis(other.body, [(quote, "Agnes Trewin")])
        lib.put_analysis(other_id, cache_key("news", None), json.dumps(analysis.to_dict()), mention_counts(analysis))
    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.push_screen(PersonScreen(path, "Agnes Trewin"))
        await settle(pilot)
        lines = [line for line in plain(app.screen.query_one("#person-quotes")) if "waited long enough" in line]
        assert len(lines) == 1, lines  # once
        assert WIRE.source in lines[0] and "Kellmouth Harbour Radio" in lines[0], lines
        app.screen.query_one("#person-quotes").focus()
        await pilot.press("c")
        await settle(pilot)
        said = [line for line in copied[-1].splitlines() if "waited long enough" in line]
        assert len(said) == 1 and WIRE.source in said[0] and "Kellmouth Harbour Radio" in said[0], copied[-1]
