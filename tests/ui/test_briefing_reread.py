"""The briefing read again (`+`/`-`, `t`) fills its stories in one at a time as its first reading does: it read all
ten stories before it showed any (over a minute at 100,000 articles). Until a story's new reading comes, it shows
what it showed before, never an empty "summarising…"."""

from __future__ import annotations

import threading

from pilot_steps import settle, wait_until
from story_sample import make_story_library


def options(screen) -> list[str]:
    widget = screen.query_one("#briefing-list")
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def sentences_of(text: list[str], number: int) -> list[str]:
    """The "• …" lines under the briefing's story `number`."""
    start = next(i for i, t in enumerate(text) if t.startswith(f"{number}. "))
    out = []
    for t in text[start + 1:]:
        if not t.startswith("• "):
            break
        out.append(t)
    return out


async def test_plus_reads_the_briefing_again_one_story_at_a_time(tmp_path, make_app, monkeypatch):
    from tui.app.screens import briefing

    gate = threading.Event()
    holding = threading.Event()
    real = briefing.read_one

    def held(lib, story, score, index, *args, **kwargs):
        if holding.is_set() and index >= 1:  # while read again, the stories after the first wait
            gate.wait(10)
        return real(lib, story, score, index, *args, **kwargs)

    monkeypatch.setattr(briefing, "read_one", held)
    path = tmp_path / "library.db"
    make_story_library(path)  # every article unread: several stories in the briefing
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "BriefingScreen", "the briefing")
        page = app.screen
        await wait_until(pilot, lambda: page._stage == 2 and not page.loader.loading, "the first reading")
        before = options(page)
        n = len(page.items)
        first, second = sentences_of(before, 1), sentences_of(before, 2)
        assert n >= 2 and first and second, before
        holding.set()
        await pilot.press("minus")  # 3 -> 2 sentences a story
        await wait_until(pilot, lambda: len(sentences_of(options(page), 1)) < len(first),
                         "the first story read again while the others are held back", step=0.02)
        text = options(page)
        assert f"summarising… 1 of {n} done" in str(page.query_one("#briefing-head").render())
        assert sentences_of(text, 2) == second, "the second story lost what it showed while it is read again"
        assert "summarising…" not in text
        gate.set()
        await wait_until(pilot, lambda: page._stage == 2 and not page.loader.loading, "every story read again")
        text = options(page)
        assert len(sentences_of(text, 2)) <= 2 and "summarising" not in str(page.query_one("#briefing-head").render())
