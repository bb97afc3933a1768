"""Help on a page lists the reading keys it does not answer "— also in" the pages that do. `tab` / `shift+tab` move
between panes, and the feeds list and the briefing have one pane each (their own help leaves tab out of "On this
page"): help on the briefing said tab worked "also in the story view, the entity page and the feeds list"."""

from __future__ import annotations

from tui.app.screens.briefing import BriefingScreen
from tui.app.screens.feeds import FeedsScreen
from tui.app.screens.page import pages_answering
from tui.app.screens.person import PersonScreen
from tui.app.screens.story import StoryScreen


def test_tab_is_also_in_the_pages_of_two_panes_only():
    for key_id in ("next_pane", "previous_pane"):
        assert pages_answering(key_id, BriefingScreen) == ["the story view", "the entity page"]
        assert pages_answering(key_id, FeedsScreen) == ["the story view", "the entity page"]
        assert pages_answering(key_id, StoryScreen) == ["the entity page"]
        assert pages_answering(key_id, PersonScreen) == ["the story view"]


def test_a_key_of_every_page_still_names_the_feeds_list():
    # R refreshes on every page, the feeds list included: only the pane keys changed
    assert "the feeds list" in pages_answering("refresh", BriefingScreen)
