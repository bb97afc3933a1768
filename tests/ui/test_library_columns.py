"""The library's columns stay put whether or not its rows fill the pane: a search whose results fit dropped the
scrollbar track, every date moved one cell right against the border and the title column widened, then back when
the next letter found more rows (and the width change asked for a new layout)."""

from __future__ import annotations

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
