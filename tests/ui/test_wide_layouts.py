"""Wide layouts use the width (issue 10 item 7): the library's title column grows at wide sizes, cut text ends
in an ellipsis, dates keep their year (undated articles show when they were added, marked "~"), the status and
placeholder lines fit at 120x40, and the cursor row's highlight has no hole (also on the open article)."""

from __future__ import annotations

from datetime import date, datetime

from pilot_steps import opened_first, settle, started
from ui_sample import HARBOUR, ORCHARD

from tui.models import Article
from tui.store import Library


def line_text(strip) -> str:
    return "".join(segment.text for segment in strip)


async def test_cursor_row_on_the_open_article_is_highlighted_end_to_end(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (200, 50)) as (pilot, screen):
        await pilot.press("escape")  # back to the list: the cursor sits on the open (underlined) article
        await settle(pilot)
        articles = screen.articles
        assert articles.has_focus and articles.current.id == screen.article.id
        cursor_bg = articles._style("read+cursor-focus").bgcolor
        strip = articles.render_line(articles.cursor - int(articles.scroll_y))
        assert cursor_bg is not None
        holes = [segment.text for segment in strip if segment.style is None or segment.style.bgcolor != cursor_bg]
        assert holes == []  # the title was drawn on the pane's background inside the cursor bar
        assert any(segment.style.underline for segment in strip)  # still marked as the open article


async def test_title_column_takes_the_free_width_at_wide_sizes(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, screen):
        library_width = screen.query_one("#library-pane").size.width
        article_width = screen.query_one("#article-pane").size.width
        assert library_width >= 70  # 60 (30%) before: titles were cut at ~29 cells
        assert article_width >= 60  # still a comfortable reading width
        text = line_text(screen.articles.render_line(0))
        assert HARBOUR.title[:40] in text  # 29 cells of it before
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:  # at 120 the article keeps its width
        await settle(pilot)
        assert app.screen.query_one("#article-pane").size.width >= 44  # as before


async def test_cut_titles_and_sources_end_in_an_ellipsis_and_dates_keep_the_year(tmp_path, make_app):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add_many([
            Article(title="An extraordinarily long headline about harbour walls, " * 3,
                    source="The Extremely Long Name Of A Regional Evening Newspaper", published="2025-03-04",
                    body="The council met on Tuesday to talk about the harbour wall. " * 4),
            Article(title="An undated note from the valley", source="Valley Farmer",
                    body="The cider makers met on Friday to talk about the spring. " * 4),
        ])
    for size in ((200, 50), (120, 40), (80, 24)):
        app = make_app(path)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            articles = app.screen.articles
            rows = [line_text(articles.render_line(y)) for y in range(2)]
            long_row = next(r for r in rows if "extraordinarily" in r)
            undated = next(r for r in rows if "undated" in r)
            assert "…" in long_row.split("2025")[0] if "2025" in long_row else "…" in long_row
            if articles.size.width >= 56:
                assert "The Extreme" in long_row and "Newspaper" not in long_row  # cut source, with …
                assert long_row.count("…") == 2
            assert "2025-03-04" in long_row or "25-03-04" in long_row  # the year is there
            # The undated article shows when it was added (it sorts by it), marked "~" (session 33), not an empty
            # column: today its time on the reader's clock, else its day
            with Library(path) as lib:
                added = lib.db.execute("SELECT added_at FROM articles WHERE title LIKE 'An undated%'").fetchone()[0]
            local = datetime.fromisoformat(added).astimezone()
            shown = local.strftime("~%H:%M") if local.date() == date.today() else local.strftime("~%y-%m-%d")
            assert shown in undated or local.strftime("~%m-%d") in undated, undated


async def test_status_and_placeholder_lines_fit_at_120x40(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app, (120, 40)) as (pilot, screen):
        summary_status = screen.query_one("#summary-status")
        shown = str(summary_status.render())
        assert len(shown) <= summary_status.content_region.width  # "Open an article (enter) to see its" was cut
        assert "enter" in shown
        await pilot.press("slash", *"harbourwall")
        await settle(pilot)
        status = screen.query_one("#library-status")
        lines = status.render_lines(status.region.reset_offset)
        drawn = line_text(lines[0]).rstrip()
        assert drawn.endswith("…")  # too long for the pane: ends in an ellipsis, not cut mid-word


async def test_an_undated_article_says_when_it_was_added(tmp_path, make_app):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add_many([Article(title="An undated note from the valley",
                              body="The cider makers met on Friday to talk about the spring. " * 4)])
        added = lib.db.execute("SELECT added_at FROM articles").fetchone()[0]
    app = make_app(path)
    async with opened_first(app, (120, 40)) as (pilot, screen):
        header = [screen.body.line_text(i) for i in range(4)]
        # the header had no date line at all; then the UTC day; the time on the reader's clock since session 33
        assert f"added {datetime.fromisoformat(added).astimezone():%Y-%m-%d %H:%M}" in header


def drawn_status(screen) -> str:
    status = screen.query_one("#library-status")
    return line_text(status.render_lines(status.region.reset_offset)[0]).strip()


async def test_the_active_filter_and_esc_show_in_the_narrow_library_at_120x30(library, make_app):
    """At 120x30 the library pane is ~34 cells: the status line read "1 article · 1 unread · search …", so an
    active filter and "esc clears" were cut off; then "search “cider” · esc clears …", with no count, and a
    second filter's name cut ("tag Farming · search … · esc ✕ …"). Where the long line does not fit, the count
    comes first and the filters in their short forms (#tag, “search”), both names whole."""
    path, _ = library
    app = make_app(path)
    async with started(app, (120, 30), keys=("slash", *"cider")) as (pilot, screen):
        assert screen.articles.current.title == ORCHARD.title
        await pilot.press("enter")  # the search box to the list: the search stays
        await settle(pilot)
        shown = drawn_status(screen)
        assert shown.startswith("1 article · “cider” · esc ✕"), shown
        screen.set_tag("Farming")  # a tag and the search: the count and both names, the short hint kept
        await settle(pilot)
        shown = drawn_status(screen)
        assert shown.startswith("1 · #Farming · “cider” · esc ✕"), shown
        await pilot.resize_terminal(80, 24)  # the library takes the width: the whole of it again
        await settle(pilot)
        assert drawn_status(screen).startswith("tag Farming · search “cider” · esc clears · 1 article")
        await pilot.press("escape")
        await settle(pilot)
        assert drawn_status(screen).startswith("4 articles")


def test_long_filter_names_are_cut_fairly_to_fit():
    """Two long names in a narrow line: the longer is cut first, each keeps a readable start; the count and the
    esc hint stay whole."""
    from tui.app.screens.main import _filters_fitted
    from tui.cells import width

    filters = [("tag Regional transport policy", "#Regional transport policy"),
               ("search “night ferry timetable”", "“night ferry timetable”")]
    line = _filters_fitted(filters, "12 articles", "12", 32)
    assert width(line) <= 32, line
    assert line == "12 · #Region… · “night… · esc ✕", line
    assert _filters_fitted(filters, "12 articles", "12", 120) == (
        "tag Regional transport policy · search “night ferry timetable” · esc clears · 12 articles")


async def test_story_mode_s_status_line_at_120x30_leaves_parts_off_whole(library, make_app):
    """Story mode's status line at 120x30 was cut mid-word by the pane's edge ("15 stories · 14 with unread · v…");
    its parts now fit whole or are left off with " …", as the article list's are."""
    from tui.stories import group_new

    path, _ = library
    with Library(path) as lib:
        group_new(lib)
    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await settle(pilot)
        screen = app.screen
        shown = drawn_status(screen)
        status = screen.query_one("#library-status")
        assert len(shown) <= status.content_region.width, shown
        assert shown == "4 stories · 4 with unread …", shown
        await pilot.resize_terminal(200, 50)  # room for all of it
        await settle(pilot)
        assert drawn_status(screen).endswith("with unread · v articles"), drawn_status(screen)


async def test_an_entity_filter_short_form_reads_well_for_each_type(cached_library, make_app):
    """In the narrow library the short form of an entity filter was "@" and the name whatever the type: a sum of money
    read "@€4.2 million". A name keeps "@", a figure or a date reads "has €4.2 million"."""
    from test_reading import select_option

    path, _ = cached_library
    app = make_app(path)
    async with opened_first(app, (120, 30)) as (pilot, screen):
        assert screen.article.title == HARBOUR.title
        for name, short in (("€4.2 million", "has €4.2 million"), ("Solent Marine Works", "@Solent Marine Works")):
            index = next(i for i, (_k, entity) in enumerate(screen.summary.entity_names) if entity == name)
            select_option(screen, f"e:{index}")
            await pilot.press("enter")
            await settle(pilot)
            shown = drawn_status(screen)
            assert shown.startswith(f"1 · {short} · esc ✕"), shown
            await pilot.press("escape", "enter")  # the filter cleared, the article open again
            await settle(pilot)
    from tui.app.screens.main import _entity_short  # a date or a figure of an unknown type reads so too

    assert [_entity_short(n, k) for n, k in (("Tuesday", "date"), ("Port Ellin", "place"), ("5%", ""), ("Omar", ""))] \
        == ["has Tuesday", "@Port Ellin", "has 5%", "@Omar"]
