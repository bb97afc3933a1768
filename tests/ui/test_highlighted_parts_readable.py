"""A coloured part of the summary pane's highlighted line takes a readable colour on the cursor (walk38): the speaker
after a key quote ("— Ruth Calloway", $text-secondary, italic) kept its colour on the cursor's blue and measured
1.5:1 in 256 colours on textual-dark (2.0:1 in truecolour), and an entity's "×2" ($text-muted) the same; they were
not dim, so the dim parts' remedy (NOT_DIM) missed them. Every theme, truecolour and 256 colours, the pane focused
and not. Our own made-up articles (ui_sample.py)."""

from __future__ import annotations

from colour_math import contrast
from pilot_steps import settle, started
from test_colours import THEMES, _shown_pairs


def _item_lines(widget, option_id: str) -> list:
    index = widget.get_option_index(option_id)
    widget.highlighted = index
    top = widget._first_line[index]
    end = widget._first_line[index + 1] if index + 1 < len(widget._first_line) else len(widget._lines)
    widget.scroll_to(y=top, animate=False, immediate=True)
    return [y - int(widget.scroll_y) for y in range(top, end)]


async def test_the_speaker_and_the_count_on_the_cursor_read_at_4_5_to_1(library, make_app):
    path, ids = library
    app = make_app(path)
    low = []
    async with started(app, (160, 48)) as (pilot, main):
        main.open_article(ids["Cider makers count the cost of a wet spring"])
        await settle(pilot)
        summary = main.summary
        for option_id, words in (("q:0", "— "), ("e:0", "×")):
            for theme in THEMES:
                app.theme = theme
                await settle(pilot)
                for focused in (True, False):
                    if focused:
                        summary.focus()
                    else:
                        summary.blur()
                    rows = _item_lines(summary, option_id)
                    await pilot.pause(0.05)
                    pairs = [p for y in rows for p in _shown_pairs(summary.render_line(y))]
                    assert any(words.strip() in text for text, _fg, _bg in pairs), (option_id, pairs)
                    for text, fg, bg in pairs:
                        if set(text.split("'")[1]) == {"─"}:
                            continue  # the rule under the quotes: a line, not words
                        if contrast(fg, bg) < 4.5:
                            low.append(f"{theme} {option_id} {'focused' if focused else 'blurred'} {text}: "
                                       f"{contrast(fg, bg):.2f}")
    assert not low, "\n".join(low)
