"""A wrapped item goes on under its text, not under its number or bullet (a hanging indent): the story view's
summary sentences (and their source lines), quotes and articles, the briefing's stories, sentences and quotes,
the entity page's quotes and the article summary pane, drawn at 80 columns."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, open_person_from_story, settle, started
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


def drawn(widget, prefix: str) -> list[list[str]]:
    """The lines the list draws for each of its items whose id starts with `prefix` (the widget's own drawing)."""
    widget._ensure_lines()
    out = []
    for index, option in enumerate(widget.options):
        if (option.id or "").startswith(prefix):
            strips = widget._render_option(index)[:len(option.spans)]  # not the rule line under a section's last
            out.append(["".join(s.text for s in strip).rstrip() for strip in strips])
    return out


def hangs(items: list[list[str]], indent: int) -> int:
    """How many of the items wrap; asserts every line after an item's first starts `indent` cells in (under the
    text of its first line; a quote's source line "   — Outlet, date" under its first word)."""
    wrapped = 0
    for lines in items:
        for later in lines[1:]:
            rest = later[indent:].removeprefix("  — " if indent < 3 and "— " in later[:5] else "")
            assert later[:indent] == " " * indent and rest[:1] not in ("", " "), (indent, lines)
        wrapped += len(lines) > 1
    return wrapped


async def test_story_view_summary_quotes_and_articles_wrap_under_their_text(stories, make_app):
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        screen = app.screen
        text, side = screen.query_one("#story-text"), screen.query_one("#story-quotes")
        sentences = drawn(text, "s:")
        assert sentences and all(len(lines) >= 2 for lines in sentences)  # each has its source line
        assert sum(len(lines) > 2 for lines in sentences) >= 1  # and one wraps at 80 columns
        hangs(sentences, 3)
        assert all(lines[-1].startswith("   — ") for lines in sentences)
        assert sentences[0][0].startswith("1. ")
        quotes = drawn(side, "q:")
        assert quotes and hangs(quotes, 1) == len(quotes)  # every quote has its source line, under the text
        assert all(lines[-1].startswith("   — ") for lines in quotes)
        hangs(drawn(text, "a:"), 2)


async def test_briefing_stories_sentences_and_quotes_wrap_under_their_text(stories, make_app):
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await settle(pilot)
        await settle(pilot)
        widget = app.screen.query_one("#briefing-list")
        shown = ["".join(s.text for s in widget.render_line(y)).rstrip() for y in range(widget.size.height)]
        starts = ("• ", "“", "1. ", "2. ", "3. ", "4. ")
        assert len([x for x in shown if x.startswith("  ")]) >= 3, shown  # wrapped lines, under their text
        assert all(x.startswith(starts) or x.startswith(" ") or not x.strip() for x in shown), shown
        heads = [lines for lines in drawn(widget, "b:") if lines[0][:1].isdigit()]
        assert heads and hangs(heads, 3) == len(heads)  # "1. Title" and its figures line under the title
        sentences = [lines for lines in drawn(widget, "b:") if lines[0].startswith("• ")]
        assert hangs(sentences, 2) >= 1
        quotes = [lines for lines in drawn(widget, "b:") if lines[0].startswith("“")]
        assert quotes
        hangs(quotes, 1)  # (the sample's quotes are short: one line at 80 columns)


async def test_entity_page_quotes_and_the_article_summary_wrap_under_their_text(stories, make_app):
    app = make_app(stories)
    async with started(app, (80, 24), keys=("g", "enter")) as (pilot, main):
        summary = main.summary
        sentences = drawn(summary, "s:")
        assert sentences and hangs(sentences, 3) >= 1
        quotes = drawn(summary, "q:")
        assert quotes
        hangs(quotes, 1)  # (the sample's quotes are short: one line at 80 columns)
        index = next(i for i, (_kind, name) in enumerate(summary.entity_names) if name == "Agnes Trewin")
        main.set_focus(summary)
        summary.highlighted = summary.get_option_index(f"e:{index}")
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        quotes = drawn(page.query_one("#person-quotes"), "q:")
        assert quotes and hangs(quotes, 1) == len(quotes)
        assert all(lines[-1].startswith("   — ") for lines in quotes)
        hangs(drawn(page.query_one("#person-articles"), "a:"), 2)


async def test_an_article_s_outlet_and_date_stay_on_one_line(stories, make_app):
    """A story view or entity page article line is its title then "Outlet, date": at 80 columns the outlet was
    broken across two lines ("… Kellmouth" / "Evening Post, 2026-01-15"). It ends the title's last line when it
    fits there, else it has a line of its own under the title."""
    from story_sample import EVENING, WIRE

    metas = [f"{a.source}, {a.published}" for a in (EVENING, WIRE)]
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        screen = app.screen
        articles = drawn(screen.query_one("#story-text"), "a:")
        assert len(articles) == 3
        hangs(articles, 2)
        for meta in metas:
            assert any(meta in x for lines in articles for x in lines), (meta, articles)
        assert any(len(lines) > 1 for lines in articles)  # one that does not fit on its title's line
        page = await open_person_from_story(pilot, "Agnes Trewin")
        articles = drawn(page.query_one("#person-articles"), "a:")
        assert len(articles) == 3
        hangs(articles, 2)
        for meta in metas:
            assert any(meta in x for lines in articles for x in lines), (meta, articles)


def test_a_long_source_line_goes_on_under_its_first_outlet_not_under_the_dash():
    """A story quote or sentence carried by four outlets: its source line wraps at 80 columns. Its second line
    started one cell in (under the quote's text), left of the "— " it continues; it starts under the first
    outlet's name now, for the story view's quotes and sentences and the entity page's quotes alike."""
    from rich.text import Text

    from tui.app.widgets.summary_items import Option, cut_lines, wrap_all

    outlets = "The Granite Courier, Coastline Times, The Evening Compass, Atlas News Service, 2013-10-23"
    quote = Text("“Nobody expected the ferry timetable to change so quickly”")
    quote.append(f"\n  — {outlets}")
    sentence = Text("1. The harbour board said the new timetable would start in spring and the old pier would close.")
    sentence.append(f"\n— {outlets}")
    items = [Option(quote, indent=1), Option(sentence, indent=3)]
    for width in (76, 60, 44):
        wrap_all(items, width)
        for option, dash in zip(items, (3, 3)):
            lines = [x.plain for x in cut_lines(option)]
            source = next(i for i, x in enumerate(lines) if x.lstrip().startswith("— "))
            assert lines[source].index("—") == dash, lines
            assert len(lines) > source + 1, lines  # (it wraps at these widths)
            for later in lines[source + 1:]:
                assert later[:dash + 2] == " " * (dash + 2) and later[dash + 2] != " ", (width, lines)
            assert all(len(x) <= width for x in lines), (width, lines)
            assert " ".join(x.strip() for x in lines[source:]) == f"— {outlets}"


async def test_entities_are_listed_alike_in_the_summary_pane_the_story_view_and_the_entity_page(stories, make_app):
    """The article's summary pane lists "People (2)" and "  Agnes Trewin ×3"; the story view listed "Agnes Trewin
    3× in 2 articles" flush under a bare "People", the entity page "Port Ellin  2 articles": one look now, the
    names indented under their type's heading with its count."""
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        screen = app.screen
        side = screen.query_one("#story-quotes")
        lines = [x for lines in drawn(side, "e:") for x in lines]
        assert lines and all(x.startswith("  ") and " ×" in x and " article" in x for x in lines), lines
        headings = ["".join(s.text for s in side._render_option(i)[0]).strip() for i, o in enumerate(side.options)
                    if o.heading and (o.prompt.plain.startswith(("People", "Places", "Organisations")))]
        assert headings and all(h.endswith(")") and " (" in h for h in headings), headings
        index = next(i for i, (_kind, name) in enumerate(screen.entity_names) if name == "Agnes Trewin")
        screen.set_focus(side)
        side.highlighted = side.get_option_index(f"e:{index}")
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen.query_one("#person-quotes")
        together = [x for lines in drawn(page, "e:") for x in lines]
        assert together and all(x.startswith("  ") and " · " in x for x in together), together


def test_a_new_mark_never_goes_alone_on_a_line_of_its_own():
    """At 40 columns "(Kellmouth Evening Post, 2026-01-15, new)" (41 cells) broke before its "new)", which went alone
    on the next line, as did the story view's "— Kellmouth Evening Post, 2026-01-15, new": the date goes down with it
    now ("2026-01-15, new)"), in the briefing's sentences and the story view's alike; where the mark fits a line it is
    whole, and a mark without "new" wraps as before."""
    from rich.text import Text

    from tui.app.widgets.summary_items import Option, cut_lines, wrap_all

    said = "The Pellow Sands lifeboat was launched twice on Saturday."
    outlet = "Kellmouth Evening Post, 2026-01-15"
    briefing = Text(f"• {said} ")
    keep = len(briefing.plain)
    briefing.append(f"({outlet}, new)")
    story = Text(f"1. {said}")
    story.append(f"\n— {outlet}, new")
    plain = Text(f"1. {said}")
    plain.append(f"\n— {outlet}")
    items = [Option(briefing, indent=2, keep=keep), Option(story, indent=3), Option(plain, indent=3)]
    for width in range(36, 61):
        wrap_all(items, width)
        got = [[x.plain.strip() for x in cut_lines(option)] for option in items]
        for lines in got:
            assert "new)" not in lines and "new" not in lines, (width, lines)
            assert all(len(x) <= width for x in lines), (width, lines)
        mark = f"({outlet}, new)"
        if len(mark) <= width - 2:
            assert any(mark in x for x in got[0]), (width, got[0])
        else:
            assert got[0][-2:] == ["(Kellmouth Evening Post,", "2026-01-15, new)"], (width, got[0])
        if len(f"— {outlet}, new") > width - 3:
            assert got[1][-1] == "2026-01-15, new", (width, got[1])
        assert " ".join(got[2]).endswith(f"— {outlet}"), (width, got[2])
