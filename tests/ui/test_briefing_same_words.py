"""The briefing screen and `brief` say the same things the same way (session 35): what "new" means, once, under the
count line, and where a line of an article with no outlet (a pasted text, a watched folder's file) comes from, "(no
outlet, 2026-12-05)": its bullets ended in a bare date. Our own invented ferry strike (tests/stories/standing_samples.py),
filed with no outlet; its second day's turn, the strike suspended, is among the lines of both."""

from __future__ import annotations

import os
import subprocess

from pilot_steps import settle, wait_until

from command import newsreader_cmd
from tests.stories.standing_samples import FERRY, FERRY_TURN
from tui.cells import NEW_KEY
from tui.models import Article
from tui.store import Library


def _ferry_without_outlets(path) -> None:
    from tui.stories import group_new

    with Library(path) as lib:
        lib.add_many([Article(title=title, body=body, published=day) for title, _source, day, body in FERRY])
        group_new(lib)


async def test_the_screen_and_brief_say_new_and_no_outlet_alike(tmp_path, make_app):
    path = tmp_path / "library.db"
    _ferry_without_outlets(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        page = await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "BriefingScreen" and pilot.app.screen,
                                "the briefing opened")
        widget = page.query_one("#briefing-list")

        def lines():
            texts = [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
            return [t for t in texts if t.startswith("• ")] if not any("summarising" in t for t in texts) else []

        shown = await wait_until(pilot, lines, "the briefing summarised")
        head = str(page.query_one("#briefing-head").render()).split("\n")
        entries = [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
    # what "new" means, under the first story that marks a line, on the screen as in `brief` (walk36: the head said it
    # whether or not a line was marked)
    marked = any(x.endswith(", new)") for x in shown)
    assert NEW_KEY not in "\n".join(head), head
    assert sum(t.count(NEW_KEY) for t in entries) == (1 if marked else 0), entries
    turn = next(x for x in shown if FERRY_TURN in x)
    assert turn.endswith("(no outlet, 2026-12-05)"), shown
    env = dict(os.environ, NEWSREADER_DB=str(path))
    brief = subprocess.run(newsreader_cmd() + ["brief"], capture_output=True, text=True, env=env, timeout=120).stdout
    assert brief.count(NEW_KEY) == (1 if marked else 0) and NEW_KEY not in brief.splitlines()[1], brief
    told = [x.strip() for x in brief.splitlines() if FERRY_TURN in x]
    assert told == [f"- {turn[2:]}"], (told, turn)  # the same line, the same "(no outlet, day)"
