"""The summary pane's own list widget: cursor over headings, wrapped items, focus looks, mouse."""

from __future__ import annotations

from pilot_steps import opened_first, settle


async def test_cursor_skips_headings_and_walks_every_item(cached_library, make_app):
    app = make_app(cached_library[0])
    async with opened_first(app, (160, 48)) as (pilot, screen):
        summary = screen.summary
        await pilot.press("tab")
        assert summary.has_focus and summary.highlighted == summary.get_option_index("s:0")
        selectable = [i for i, option in enumerate(summary.options) if not option.disabled]
        seen = [summary.highlighted]
        for _ in selectable[1:]:
            await pilot.press("j")
            seen.append(summary.highlighted)
        assert seen == selectable  # every item once, in order, never a heading
        await pilot.press("j")
        assert summary.highlighted == selectable[-1]  # it stays at the end (it wrapped round, as OptionList does)
        await pilot.press("k")
        assert summary.highlighted == selectable[-2]
        await pilot.press("G")
        assert summary.highlighted == selectable[-1] and summary.get_option_at_index(selectable[-1]).id.startswith("e:")
        await pilot.press("g")
        assert summary.highlighted == selectable[0]


async def test_long_item_wraps_and_is_highlighted_whole(cached_library, make_app):
    app = make_app(cached_library[0])
    async with opened_first(app, (160, 48)) as (pilot, screen):
        summary = screen.summary
        width = summary.scrollable_content_region.width
        # The longest summary sentence is wider than the pane, so it takes several lines.
        index = max((summary.get_option_index(f"s:{n}") for n in range(len(screen.analysis.summary.sentences))),
                    key=lambda i: len(summary.options[i].prompt.plain))
        text = summary.options[index].prompt.plain
        assert len(text) > width
        lines = [y for y, (item, _line) in enumerate(summary._lines) if item == index]
        assert len(lines) >= 2 and lines == list(range(lines[0], lines[-1] + 1))
        text_lines = len(lines) - summary.options[index].rule  # the last item of a section has a rule line
        drawn = " ".join(summary._render_option(index)[n].text for n in range(text_lines))
        assert " ".join(drawn.split()) == " ".join(text.split())  # nothing lost or repeated by the wrap
        summary.focus()
        summary.highlighted = index
        await pilot.pause()
        # the highlight's style as the list draws it (the theme's, raised to 4.5:1 where it is below: readable.py)
        cursor = summary._style_of("summary-list--option", "summary-list--option-highlighted")
        assert cursor.bgcolor is not None
        strips = summary._render_option(index)[:text_lines]
        assert all(next(iter(strip)).style.bgcolor == cursor.bgcolor for strip in strips)


async def test_click_on_a_quote_marks_it_in_the_article(cached_library, make_app):
    app = make_app(cached_library[0])
    async with opened_first(app, (160, 48)) as (pilot, screen):
        summary = screen.summary
        index = summary.get_option_index("q:0")
        y = summary._first_line[index] - int(summary.scroll_y)
        await pilot.click(summary, offset=(3, y))
        await pilot.pause()
        quote = screen.analysis.quotes[0]
        start, end = screen.body.marked
        assert start <= quote.start and end >= quote.end


async def test_the_summary_pane_s_empty_sections_say_so_as_the_pages_do(library, make_app):
    """An article without quotes: the summary pane said "(no direct quotes)" where the entity page says "No quotes
    found." (and the story view "No quotes found yet."); one way of saying it now."""
    from rich.text import Text

    from tui.engine.types import Analysis

    path, _ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, main):
        await settle(pilot)
        options = main.summary._quotes(Analysis(), []) + main.summary._entities(Analysis(), [])
        said = [o.prompt.plain for o in options if isinstance(o.prompt, Text) and o.disabled][-3:]
        assert "No quotes found." in said and "No entities found." in said, said


def test_the_story_view_says_no_quotes_as_the_other_panes_do_and_yet_only_while_analysing():
    """The story view said "No quotes found yet." also when all its articles were analysed (the others say "No
    quotes found."), and said nothing at all of a story without entities (no "Entities" heading)."""
    from rich.text import Text

    from tui.app.screens.story_items import _side
    from tui.stories.story import StorySummary

    def said(analysed: bool) -> list[str]:
        summary = StorySummary(id=1, title="Harbour wall", sentences=[], quotes=[], entities=[], new=[], sources=[],
                               first="2026-01-14", last="2026-01-15", articles=[1, 2], analysed=analysed)
        options, _names = _side(summary)
        return [o.prompt.plain for o in options if isinstance(o.prompt, Text)]

    assert said(True) == ["Quotes by speaker", "No quotes found.", "Entities", "No entities found."], said(True)
    assert "No quotes found yet." in said(False) and "No entities found yet." in said(False), said(False)


def test_forms_of_one_entity_that_differ_in_case_are_one_entry():
    """"Two" opening a sentence and "two" inside one were two entries of the entities section ("Two ×1", "two ×1", seen
    in tmux), though the library's entity filter matches either in any case. One entry, counted once each mention, shown
    in the form used most (on a tie, the one with fewer capitals)."""
    import re

    from tui.app.widgets.summary_items import entity_groups
    from tui.engine.types import Entity

    text = ("Two ferries left Vigo on Monday. The council said two more would follow in May, and three crews were "
            "hired. Three of them came from Vigo, and three from Ferrol.")
    labels = {"two": "CARDINAL", "three": "CARDINAL", "vigo": "GPE", "ferrol": "GPE", "monday": "DATE", "may": "DATE"}
    entities = [Entity(m.start(), m.end(), labels[m.group().lower()], m.group(), m.group())
                for m in re.finditer(r"\b(?:[Tt]wo|[Tt]hree|Vigo|Ferrol|Monday|May)\b", text)]
    groups = {key: names for key, _heading, names in entity_groups(entities)}
    assert groups["number"] == [("three", 3), ("two", 2)], groups["number"]
    assert groups["place"] == [("Vigo", 2), ("Ferrol", 1)] and groups["date"] == [("May", 1), ("Monday", 1)]
