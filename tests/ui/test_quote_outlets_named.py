"""A quote printed by many outlets: the story view and the briefing screen named four and dropped the rest without a
word, while `story`, `brief` and the copies named every one (close-s36). They now name six, then "+N more", as `story`
and `brief` do, each outlet once."""

from __future__ import annotations

from rich.text import Text

OUTLETS = ["Tideline", "Wexmoor Post", "Harrowfield Echo", "Quellby Gazette", "Ossvale Courier", "Tarnwick Times",
           "Brindle Herald", "Fennick Advertiser"]


def _quote():
    from tui.stories.story import StoryQuote

    return StoryQuote(text="We will reopen the pier by spring", speaker="Maren Coldwell", article=1,
                      source=OUTLETS[0], day="2026-03-03", sources=[*OUTLETS, OUTLETS[1]])


def test_the_story_view_names_a_quotes_outlets_then_how_many_more():
    from tui.app.screens.story_items import _side
    from tui.stories.story import SpeakerQuotes, StorySummary

    summary = StorySummary(id=1, title="Wexmoor pier", sentences=[], quotes=[SpeakerQuotes("Maren Coldwell", [_quote()])],
                           entities=[], new=[], sources=OUTLETS, first="2026-03-03", last="2026-03-03",
                           articles=[1], analysed=True)
    options, _names = _side(summary)
    [shown] = [o.prompt.plain for o in options if isinstance(o.prompt, Text) and "reopen" in o.prompt.plain]
    where = shown.split("— ", 1)[1]
    assert where == ", ".join(OUTLETS[:6]) + " +2 more, 2026-03-03", where


def test_the_briefing_names_a_quotes_outlets_then_how_many_more():
    from tui.cells import quote_where  # (the story view's and the briefing screen's: briefing._quoted_where was it)

    assert quote_where(_quote()) == ", ".join(OUTLETS[:6]) + " +2 more, 2026-03-03"


def test_a_quote_of_two_outlets_names_both_and_of_one_its_own():
    from tui.cells import quoted_by

    assert quoted_by(OUTLETS[:2]) == "Tideline, Wexmoor Post"
    assert quoted_by(["Tideline", "Tideline", ""]) == ""
