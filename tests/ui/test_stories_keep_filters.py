"""walk34: `v` with the articles narrowed (a feed chosen in the feeds list, a search typed) showed every story and said
nothing: the stories list of a month's library listed all 27 stories under a search box still reading "Jessop", and the
feed filter came back with `v`. The stories list still shows every story (filters apply to articles); a toast now names
what is kept for the articles, and says nothing when nothing narrows them."""

from __future__ import annotations

from pilot_steps import settle, started, toasts_of, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)


async def test_v_with_a_search_and_the_unread_view_says_they_are_kept_for_the_articles(stories, make_app,  # noqa: F811
                                                                                      monkeypatch):
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (120, 40)) as (pilot, main):
        await pilot.press("v")  # nothing narrows the articles: no word
        await settle(pilot)
        assert main.listing.stories and not any(s.startswith("Stories:") for s in said), said
        await pilot.press("v", "slash", *"harbour", "enter")
        await wait_until(pilot, lambda: main.listing.search == "harbour" and not main.listing.loading,
                         lambda: main.listing.search)
        main.listing.view = "unread"
        main.set_focus(main.articles)
        await pilot.press("v")
        await settle(pilot)
        assert main.listing.stories
        told = [s for s in said if s.startswith("Stories:")]
        assert told == ["Stories: every story — kept for the articles: the search “harbour” and the unread view "
                        "(v shows them)"], said
        await pilot.press("v")
        await settle(pilot)
        assert not main.listing.stories and main.listing.search == "harbour"  # (back as they were)
