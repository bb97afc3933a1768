"""A key quote's speaker stays whole on one line in the summary pane ("— Helena Matos"): at 200x50 the Porto
sample's first quote ended one line with "— Helena" and put "Matos" alone on the next. The speaker ends the
quote's last line when it fits there, else starts a line of its own (under the quote's text)."""

from __future__ import annotations

from pilot_steps import opened_first, settle

from tui.app.widgets.summary_items import cut_lines, wrap_all
from tui.engine.types import Analysis, Quote

SAID = "This was never going to be comfortable, but the harbour needed a decision before the winter storms"


async def test_the_speaker_of_a_key_quote_is_never_broken_across_two_lines(library, make_app):
    path, _ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, _main):
        await settle(pilot)
        summary = app.screen.summary
        options = summary._quotes(Analysis(quotes=[Quote(0, len(SAID), SAID, "Helena Matos")]), [])
        quote = options[-1]
        for width in range(24, 80):
            wrap_all(options, width)
            lines = [x.plain for x in cut_lines(quote)]
            assert any("— Helena Matos" in x for x in lines), (width, lines)
            assert all(len(x) <= width for x in lines), (width, lines)
            assert all(x.startswith(" ") for x in lines[1:]), (width, lines)  # under the text, not its “


LEAD, FRAGMENT = "…and the union has said the crews would", "listen before they walk out."


async def test_a_quote_that_finishes_a_sentence_is_shown_after_the_writer_s_words(library, make_app):
    # walk29 saw “listen before they walk out.” alone in the key quotes: a scrap of the writer's sentence
    # ('the crews would “listen before they walk out.”'); it is shown after those words now (Quote.lead)
    path, _ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, _main):
        await settle(pilot)
        quote = Quote(200, 200 + len(FRAGMENT), FRAGMENT, "the union", lead=LEAD)
        options = app.screen.summary._quotes(Analysis(quotes=[quote]), [])
        wrap_all(options, 60)
        lines = [x.plain for x in cut_lines(options[-1])]
        assert " ".join(x.strip() for x in lines) == f"{LEAD} “{FRAGMENT}” — the union", lines


def test_copies_give_the_writer_s_words_before_the_quote_too():
    from tui.app.copytext import quote_line

    quote = Quote(200, 200 + len(FRAGMENT), FRAGMENT, "the union", lead=LEAD)
    assert quote_line([quote]) == f"{LEAD} “{FRAGMENT}” — the union"
    assert quote_line([Quote(0, len(SAID), SAID, None)]) == f"“{SAID}”"
