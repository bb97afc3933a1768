"""The library's columns stay put whether or not its rows fill the pane: a search whose results fit dropped the
scrollbar track, every date moved one cell right against the border and the title column widened, then back when
the next letter found more rows (and the width change asked for a new layout)."""

from __future__ import annotations

from rich.cells import cell_len

from pilot_steps import settle


def rows(widget) -> list[str]:
    return ["".join(s.text for s in widget.render_line(y)) for y in range(widget.size.height)]


async def test_the_rows_keep_their_width_when_they_fit_the_pane(library, make_app):
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        articles = app.screen.articles
        assert len(articles.source) < articles.size.height  # the four sample articles fit: no scrolling
        width = articles.scrollable_content_region.width
        assert width == articles.size.width - 1  # the track's column is kept
        first = rows(articles)[0].rstrip()
        await pilot.press("/", *"harbour")
        await settle(pilot)
        assert articles.scrollable_content_region.width == width
        assert rows(articles)[0].rstrip()[-10:] == first[-10:]  # the date where it was


def test_a_story_s_dates_write_its_first_year_out():
    """The stories list showed a range as "13-10-22–13-10-29": which part is the year? The first date is whole now,
    the second only as long as it differs; two years still fit the column (17 cells)."""
    from tui.app.widgets.article_list import date_span

    assert date_span("2013-10-22", "2013-10-29") == "2013-10-22–29"
    assert date_span("2013-10-22", "2013-11-03") == "2013-10-22–11-03"
    assert date_span("2013-12-30", "2014-01-03") == "13-12-30–14-01-03"
    assert date_span("2026-01-15", "2026-01-15") == "2026-01-15"
    assert all(len(date_span(a, b)) <= 17 for a, b in (("2013-12-30", "2014-01-03"), ("2013-10-22", "2013-11-03")))


async def test_a_one_day_story_s_title_gets_the_cells_a_date_range_needs(tmp_path, make_app):
    """At 80 columns the stories list kept 17 cells for every row's dates (a range's width), so a one-day story's
    title was cut 7 cells early with blanks at the row's end. The dates come first now, right-aligned against the
    counts: the counts stay one column, the last days line up, and a one-day row's title runs on."""
    from story_sample import make_story_library

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        articles = app.screen.articles
        width = articles.scrollable_content_region.width
        assert width >= 76  # the list's widest row form
        lines = rows(articles)[:4]
        ranged, single = lines[0], lines[2]
        assert "2026-01-14–15   3 art  3 src" in ranged and "Library lends" in single, lines
        assert all(len(line.rstrip()) == width for line in lines), lines  # no blank cells kept at the end
        ends = {line.rstrip().index(" art ") for line in lines}
        assert len(ends) == 1, lines  # the counts in one column
        day = [line.rstrip()[:-len("   3 art  3 src")][-2:] for line in lines]
        assert day == ["15", "02", "30", "02"], lines  # the last days line up
        meta = " 2025-06-30   1 art  1 src"
        assert single.endswith(meta)
        title = single[5:-len(meta)]
        assert len(title) == width - 5 - len(meta) and title.endswith("…"), lines  # 7 cells more than it had
        assert articles.source.row(2).title.startswith(title[:-1])


async def test_the_source_column_fits_the_sources_on_screen(tmp_path, make_app):
    """At 200 columns (a 69-cell library pane) every source was cut at 12 cells: "Coast Courier" (13) read
    "Coast Couri…" on each of its rows. The column now takes the longest source on screen, as far as the title keeps
    60 % of the row (so at least 40 title cells there); a page of short names gives the titles their cells."""
    from rich.cells import cell_len

    from tui.models import Article
    from tui.store import Library

    title = "Harbour town votes to close the old ferry pier after engineers find rot in its piles"
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add_many([
            Article(title=title, source="Coast Courier", published="2026-03-03",
                    body="The council of Brackenholm voted on Monday to close the ferry pier. " * 3),
            Article(title="Ferry operator orders two electric boats for the Pell Point crossing", source="AP",
                    published="2026-03-02", body="Tidewater Ferries ordered two electric boats on Tuesday. " * 3),
        ])
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        articles = app.screen.articles
        assert articles.scrollable_content_region.width < 72  # the pane's width where 12 cells were kept
        line = rows(articles)[0]
        assert "Coast Courier 2026-03-03" in line, line
        assert title[:40] in line, line
    with Library(path) as lib:
        lib.add_many([Article(title="A note from a paper whose name is long", published="2026-03-01",
                              source="The Kellmouth Evening Post and Harbour Gazette",
                              body="The cider makers met on Friday to talk about the spring. " * 3)])
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        articles = app.screen.articles
        lines = rows(articles)[:3]
        assert "Coast Courier" in lines[0], lines
        assert "The Kellmouth E" in lines[2] and "Gazette" not in lines[2] and "…" in lines[2], lines  # cut, at 16
        title_cells = lines[0].index(" Coast Courier")
        await pilot.press("/", *"ferry")  # the long name is off screen: the titles get its cells back
        await settle(pilot)
        lines = rows(articles)[:2]
        # (either may rank first: the stemmed index finds "Ferries" in the AP article's text too)
        line = next(x for x in lines if "Coast Courier" in x)
        assert "Coast Courier 2026-03-03" in line, lines  # 13 cells: as wide as the longest name shown
        assert line.index(" Coast Courier") == title_cells + 3, lines
        assert cell_len(line.rstrip()) == articles.scrollable_content_region.width, lines


async def test_every_width_of_the_stories_list_says_what_its_counts_count(tmp_path, make_app, monkeypatch):
    """Below 76 cells a story's row showed its counts bare: "3/3 2026-01-15" (a 68-cell pane at 200x50), "3
    2026-01-15", "3 26-01-15": articles, outlets or unread? Each form names them now ("3 art 3 src", "3 art"), the
    last day first as the widest form has it, and the title keeps what is left."""
    from pilot_steps import started
    from story_sample import make_story_library

    from tui.app.widgets import article_list

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    seen = set()
    # the narrow forms give the title the cells: the last day without the year of the latest story (a story of
    # another year: the year) and two-digit counts; at 120x40 the title had 10 cells of a 32-cell row (" 26-01-15
    # 3 art")
    day = "01-15"
    monkeypatch.setattr(article_list, "_today", lambda: "2026-02-01")  # the narrow rows say how long ago
    for size, form, band in (((200, 50), f" {day}  3 art  3 src", (56, 76)), ((160, 48), f" {day}  3 art", (44, 56)),
                             ((120, 40), "   2w  3 art", (30, 44))):
        async with started(make_app(path), size, stories=True) as (_pilot, screen):
            articles = screen.articles
            width = articles.scrollable_content_region.width
            seen.add(band[0] <= width < band[1])
            cider = (" 2025" if day in form else "  4mo") + "  1 art" + ("  1 src" if "src" in form else "")  # 2025
            assert any(line.rstrip().endswith(cider) for line in rows(articles)), [x.rstrip() for x in rows(articles)]
            story = next(line for line in rows(articles) if line.startswith("  ●3 Storm wall vote"))
            assert story.endswith(form) and "/" not in story, (size, width, story)
            assert len(story) == width and "…" in story[:-len(form)], (size, width, story)  # the title fills the rest
            assert len(story) - len(form) - len("  ●3 ") >= width - 25, (size, width, story)
    assert seen == {True}, "a size did not give the width form it was chosen for"


async def test_the_stories_list_at_120_columns_says_when_and_keeps_the_title_readable(tmp_path, make_app,
                                                                                       monkeypatch):
    """At 120x40 the stories list is 32 cells wide. With the last day ("01-15") the title had 14 of them; without it
    (session 27) 20, but nothing in the list said when a story happened. The row says how long ago its last article
    was, in at most 4 cells ("2w", "4mo", "2y"), and the title keeps 15."""
    from pilot_steps import started
    from story_sample import make_story_library

    from tui.app.widgets import article_list

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    monkeypatch.setattr(article_list, "_today", lambda: "2026-02-01")  # the storm-wall story's last day + 17
    async with started(make_app(path), (120, 40), stories=True) as (_pilot, screen):
        articles = screen.articles
        width = articles.scrollable_content_region.width
        assert 30 <= width < 44, width
        lines = [line.rstrip() for line in rows(articles)]
        story = next(line for line in lines if line.startswith("  ●3 Storm wall vote"))
        assert story.endswith("   2w  3 art") and len(story) == width, story
        title = story[len("  ●3 "):-len("   2w  3 art")].rstrip()
        assert cell_len(title) >= width - 17 and title.endswith("…"), (width, story)
        # the cider story (2025-10-02), the robot vacuums (2025-06-30), the story of 2024-02-02
        assert [line[-12:] for line in lines if line.strip()][1:4] == ["  4mo  1 art", "  7mo  1 art", "   2y  1 art"]


def test_a_story_s_age_fits_four_cells():
    from tui.app.widgets.article_list import age

    today = "2026-12-06"
    assert [age(day, today) for day in ("2026-12-06", "2026-12-05", "2026-11-23", "2026-11-22", "2026-10-08",
                                        "2026-10-07", "2025-12-07", "2025-12-06", "1900-01-01")] == \
        ["0d", "1d", "13d", "2w", "8w", "2mo", "11mo", "1y", "99y"]
    assert age("2027-01-01", today) == "0d"  # a date ahead of the clock
    assert age("", today) == "" and age("Tuesday 3rd", today) == "" and age("2026-13-01", today) == ""


def test_a_short_day_is_the_month_and_day_of_this_year_else_the_year():
    from tui.app.widgets.article_list import short_day

    assert short_day("2026-01-15", "2026") == "01-15" and short_day("2026-01-15", "2027") == "2026"
    assert short_day("2024-02-02", "2026") == "2024"
    assert short_day("", "2026") == "" and short_day("Tuesday 3rd", "2026") == "Tuesd"
