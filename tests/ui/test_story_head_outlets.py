"""The story view's head names the story's outlets that fit on its line, whole: at 80 columns the list was cut with
"…" in the middle of a name ("6 outlets (Harbour Radio, Shoreline Wire, Kellmouth Eve…")."""

from __future__ import annotations

import re

from pilot_steps import open_first_story, settle
from story_sample import EVENING, WIRE, make_story_library

from tui.app.screens.story_items import Head
from tui.cells import width
from tui.models import Article
from tui.store import Library

LONG_OUTLETS = ("Northern Lighthouse Gazette", "Coastal Communities Broadcasting", "The Harbourside Evening Chronicle")


def _story_of_six_outlets(path) -> None:
    from tui.stories import group_new

    make_story_library(path, cached=True)
    with Library(path) as lib:
        for i, outlet in enumerate(LONG_OUTLETS):
            body = (EVENING.body if i % 2 else WIRE.body).replace("Tuesday", ("Monday", "Thursday", "Friday")[i])
            lib.add_many([Article(title=f"{WIRE.title} ({outlet})", source=outlet, published=f"2026-01-1{5 + i}",
                                  body=body + f"\n\n{outlet} asked the council how long the berth stays open.")])
        group_new(lib)


async def test_the_head_names_only_the_outlets_that_fit_whole(tmp_path, make_app):
    path = tmp_path / "library.db"
    _story_of_six_outlets(path)
    for size in ((80, 24), (200, 50)):
        app = make_app(path)
        async with app.run_test(size=size) as pilot:
            await open_first_story(pilot)
            view = pilot.app.screen
            head = view.query_one("#story-head")
            lines = str(head.render()).split("\n")[1:]
            assert all(width(x) <= head.content_size.width for x in lines), (size, lines)  # nothing for "…" to cut
            figures = next((x for x in lines if "outlets" in x), lines)  # (on a line of their own when they must)
            said = re.search(r"(\d+) outlets(?: \((.*)\))?$", figures)
            assert said and int(said.group(1)) >= 5, figures
            assert said.group(2), figures  # a name at least, unread articles or not (walk34: "· 6 outlets" at 80)
            named = re.sub(r" \+\d+ more$", "", said.group(2) or "").split(", ")  # one way at any width
            assert all(name in view.summary.sources or name.endswith("…") for name in named if name), figures
            if said.group(2):  # the first outlet comes first, cut if it must be: never a later one in its place
                first = next(x for x in view.summary.sources if x)
                assert first == named[0] or (named[0].endswith("…") and first.startswith(named[0][:-1])), figures
            await pilot.resize_terminal(60, 24)
            await settle(pilot)
            lines = str(head.render()).split("\n")[1:]
            assert all(width(x) <= head.content_size.width for x in lines), lines  # laid out again for the width


def test_a_head_too_narrow_for_a_name_beside_the_figures_names_them_under_them():
    """Where not even the first outlet's name fits beside the figures, the outlets take a line of their own, in the
    same words: the head said only "3 outlets" (walk34: at 80 columns a story with unread articles lost every name
    its head showed with none unread)."""
    head = Head("Storm wall", "6 articles · 2026-01-14 to 2026-01-18", LONG_OUTLETS, False)
    assert head.text(60).plain.split("\n")[1:] == ["6 articles · 2026-01-14 to 2026-01-18",
                                                    "3 outlets (Northern Lighthouse Gazette +2 more)"]
    assert head.text(30).plain.split("\n")[1:] == ["6 articles · 2026-01-14 to 2026-01-18",
                                                    "3 outlets (Northern… +2 more)"]
    assert head.text(12).plain.split("\n")[1:] == ["6 articles · 2026-01-14 to 2026-01-18"]  # (cut by the view)
    unread = Head("Storm wall", "14 articles · 3 unread · 2026-11-17 to 2026-11-24",
                  ("Tarnwick Evening Post", *LONG_OUTLETS), False)
    assert unread.text(76).plain.split("\n")[1:] == [
        "14 articles · 3 unread · 2026-11-17 to 2026-11-24",
        "4 outlets (Tarnwick Evening Post, Northern Lighthouse Gazette +2 more)"]
    read = Head("Storm wall", "14 articles · 2026-11-17 to 2026-11-24", ("Tarnwick Evening Post", *LONG_OUTLETS),
                False)
    assert read.text(76).plain.split("\n")[1:] == [
        "14 articles · 2026-11-17 to 2026-11-24 · 4 outlets (Tarnwick Eveni… +3 more)"]  # beside them, as before
    analysing = Head("Storm wall", "14 articles · 3 unread · 2026-11-17 to 2026-11-24", LONG_OUTLETS, True)
    assert analysing.text(76).plain.split("\n")[2:] == [  # four lines: the head's most (app.tcss)
        "3 outlets (Northern Lighthouse Gazette +2 more)", "⏳ analysing its articles for quotes and entities…"]
    assert head.text(148).plain.split("\n")[1] == ("6 articles · 2026-01-14 to 2026-01-18 · 3 outlets ("
                                                    + ", ".join(LONG_OUTLETS) + ")")
    assert head.text(147).plain.split("\n")[1] == ("6 articles · 2026-01-14 to 2026-01-18 · 3 outlets ("
                                                    + ", ".join(LONG_OUTLETS[:2]) + " +1 more)")
    assert head.text(120).plain.split("\n")[1] == ("6 articles · 2026-01-14 to 2026-01-18 · 3 outlets ("
                                                    + LONG_OUTLETS[0] + " +2 more)")
    # where the first name and "+2 more" do not fit, the same words with the name cut: one way at every width (walk32:
    # "and 3 more" in one story's head, "+2" in another's at 80 columns; then "+2 more" here and "+2" there)
    assert head.text(81).plain.split("\n")[1] == ("6 articles · 2026-01-14 to 2026-01-18 · 3 outlets "
                                                   "(Northern Lighthouse… +2 more)")
    assert Head("Pasted", "1 article · 2026-02-20", (), False).text(80).plain == "Pasted\n1 article · 2026-02-20"


async def test_the_briefing_says_how_many_outlets_it_does_not_name(tmp_path, make_app):
    """The briefing named a story's first five outlets and left no trace of a sixth: it says how many now."""
    from pilot_steps import open_briefing

    path = tmp_path / "library.db"
    _story_of_six_outlets(path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_briefing(pilot)
        entry = next(str(o.prompt) for o in page.query_one("#briefing-list").options if "storm wall" in str(o.prompt))
        figures = entry.split("\n", 1)[1].replace("\n", " ")
        # how many, then up to six named and "+N more" (the figures' one wording: tui.cells.story_figures)
        named = ("Coastline Gazette", "Shoreline Wire", "Kellmouth Evening Post") + LONG_OUTLETS
        assert figures.startswith("6 articles · ") and figures.endswith(f"6 outlets ({', '.join(named)})"), entry


def test_the_head_names_the_first_outlet_cut_rather_than_a_later_one():
    """At 80 columns the head said "4 outlets (Kessby Weekly and 3 more)" while the first outlet was another."""
    outlets = ("Harbour Gazette and Evening Chronicle", "Kessby Weekly", "Shoreline Wire", "Port Radio")
    head = Head("Storm wall", "7 articles · 2026-01-14 to 2026-01-16", outlets, False)
    line = head.text(76).plain.split("\n")[1]
    assert line == "7 articles · 2026-01-14 to 2026-01-16 · 4 outlets (Harbour Gazette… +3 more)"
    assert width(line) <= 76
    wide = head.text(200).plain.split("\n")[1]
    assert wide.endswith("4 outlets (" + ", ".join(outlets) + ")")
    # too narrow for SHORTEST_OUTLET cells of it beside the figures: under them, in the same words
    assert head.text(61).plain.split("\n")[1:] == ["7 articles · 2026-01-14 to 2026-01-16",
                                                    "4 outlets (Harbour Gazette and Evening Chronicle +3 more)"]


def test_a_first_outlet_is_cut_only_where_it_does_not_fit_with_the_count():
    """At 80 columns the head read "2 outlets (Brenmoor Dail… and 1 more)", a name cut where it fitted whole with
    a shorter count (walk29); then "(Brenmoor Daily Desk +1)" there and "+1 more" in a wider head (walk32). One way
    now: the count as the briefing and `story` say it, the name whole where it fits with that count."""
    head = Head("Ferry strike", "4 articles · 2026-12-05 to 2026-12-06",
                ("Brenmoor Daily Desk", "Brenmoor Island News"), False)
    assert head.text(80).plain.split("\n")[1] == ("4 articles · 2026-12-05 to 2026-12-06 · "
                                                   "2 outlets (Brenmoor Daily Desk +1 more)")
    line = head.text(76).plain.split("\n")[1]
    assert line == "4 articles · 2026-12-05 to 2026-12-06 · 2 outlets (Brenmoor Daily… +1 more)"  # not "Daily …"
    assert width(line) <= 76
    assert head.text(200).plain.split("\n")[1].endswith("2 outlets (Brenmoor Daily Desk, Brenmoor Island News)")
