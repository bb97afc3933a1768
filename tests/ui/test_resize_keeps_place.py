"""A resize while reading keeps the reader's place: the text at the top of the article pane stays there (the lines
are laid out again for the new width; the line number the pane was scrolled to means other text after it)."""

from __future__ import annotations

from dataclasses import replace

from pilot_steps import settle, started

from tui.store import Library
from ui_sample import HARBOUR

# Our own long article: fourteen numbered paragraphs, so each one can be told apart at the top of the pane.
PARAGRAPHS = [
    f"Paragraph {n}: the ferry crews of the northern sound met again on day {n} of the talks, and the harbour "
    f"master read out the timetable for the {n}th time while the wind kept the boats in port."
    for n in range(1, 15)
]
LONG = replace(HARBOUR, title="Ferry talks drag on for a fortnight", body="\n\n".join(PARAGRAPHS))


def _top_line(body) -> tuple[int, int]:
    """The body span (start, end) of the first text line at the top of the article pane."""
    top = int(body.scroll_y)
    for number in range(top, top + 3):
        line = body._lines[number]
        if isinstance(line, tuple):
            return line[0], line[1]
    raise AssertionError("no body line at the top of the pane")


async def _open_and_read_down(pilot, screen):
    await pilot.press("g", "enter")
    await settle(pilot)
    body = screen.body
    for _ in range(12):
        await pilot.press("j")
    await pilot.pause()
    place = body.place()
    assert place > 0, "the article did not scroll"
    return body, place


async def test_narrower_and_wider_terminal_keep_the_text_read_at_the_top(tmp_path, make_app):
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.add(LONG)
    async with started(make_app(path), (80, 24)) as (pilot, screen):
        body, place = await _open_and_read_down(pilot, screen)
        read = body._text[place:place + 40]
        for size in ((60, 24), (80, 24), (200, 50), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            await pilot.pause()
            start, end = _top_line(body)
            assert start <= place < end, (size, read, body._text[start:end])
