"""The briefing screen (`b`) marks a story's new line "(Outlet, date, new)" as `brief` and the story view do:
the latest development, a strike called off; and it says once that nearly all of a story is new instead of marking
every line. Our own invented stories (tests/stories/development_samples.py, new_mark_samples.py), grouped as `add`
groups them."""

from __future__ import annotations

import pytest

from pilot_steps import open_briefing, settle

from tests.stories.development_samples import STRIKE
from tests.stories.new_mark_samples import FOOTBRIDGE
from tui.models import Article
from tui.store import Library


@pytest.fixture
def library(tmp_path):
    from tui.stories import group_new

    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.add_many([Article(title=t, source=s, published=d, body=b) for t, s, d, b in STRIKE + FOOTBRIDGE])
        group_new(lib)
    return path


def _options(screen) -> list[str]:
    widget = screen.query_one("#briefing-list")
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def _story(lines: list[str], title: str) -> list[str]:
    """A story's heading and lines: from its heading to the next one."""
    at = next(i for i, x in enumerate(lines) if x.split("\n")[0].endswith(title))
    end = next((i for i in range(at + 1, len(lines)) if lines[i][:1].isdigit()), len(lines))
    return lines[at:end]


async def test_the_briefing_screen_marks_the_development_and_says_mostly_new_once(library, make_app):
    app = make_app(library)
    async with app.run_test(size=(200, 50)) as pilot:
        page = await open_briefing(pilot)
        lines = _options(page)
        strike = _story(lines, STRIKE[-1][0])  # headed by its latest report's title
        new = [x for x in strike if x.rstrip().endswith(", new)")]
        assert len(new) == 1 and "called off their strike" in new[0], strike
        assert new[0].endswith("(Velmora Courier, 2026-05-06, new)")
        bridge = _story(lines, FOOTBRIDGE[-1][0])
        assert "Mostly new: 4 of its 5 articles are from 2026-03-03" in bridge[0], bridge
        assert not any(x.rstrip().endswith(", new)") for x in bridge), bridge
        # enter on its heading opens the story view, which says it under the summary's heading, once
        widget = page.query_one("#briefing-list")
        widget.highlighted = lines.index(bridge[0])
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        text = [str(story.query_one("#story-text").get_option_at_index(i).prompt)
                for i in range(story.query_one("#story-text").option_count)]
        assert text.count("Mostly new: 4 of its 5 articles are from 2026-03-03") == 1, text
        assert not any(x.rstrip().endswith(", new") for x in text), text
