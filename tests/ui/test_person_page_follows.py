"""An open entity page follows articles another program adds or removes (`newsreader add` / `remove`, a second
window), as the story view and the briefing do (walk23's library watch): it kept listing an article `newsreader
remove` had deleted, and its quote, and enter on it left the page for "That article is no longer in the library"."""

from __future__ import annotations

from pilot_steps import open_first_story, open_person_from_story, started, wait_until
from story_sample import WIRE
from test_page_marks_shown import article_lines, stories  # noqa: F401  (stories: the fixture)

from tui.models import Article
from tui.store import Library


def quote_lines(widget) -> list[str]:
    return [o.prompt.plain for o in widget.options if (o.id or "").startswith("q:")]


async def test_an_open_entity_page_follows_articles_removed_and_added_by_another_program(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with started(app, (120, 40)) as (pilot, _main):
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        assert type(person).__name__ == "PersonScreen"
        articles, quotes = person.query_one("#person-articles"), person.query_one("#person-quotes")
        listed = article_lines(articles)
        assert len(listed) == 3, listed
        assert any("waited long enough" in q for q in quote_lines(quotes)), quote_lines(quotes)
        with Library(stories) as lib:
            wire = next(i for i in listed if lib.get(i).title == WIRE.title)
            assert lib.remove(wire)  # the only article with her "waited long enough"
        await wait_until(pilot, lambda: wire not in article_lines(articles), lambda: article_lines(articles))
        assert app.screen is person and len(article_lines(articles)) == 2
        assert not any("waited long enough" in q for q in quote_lines(quotes)), quote_lines(quotes)
        assert "2 articles" in str(person.query_one("#person-head").render())

        # another program adds a report naming her (and, as a second window's background pass does, analyses it)
        from tui.engine.analysis import cached_analysis

        body = ("WEXMOOR — Mayor Agnes Trewin of Port Ellin visited the harbour works on Friday.\n\n"
                "\"The wall will be ready before the spring tides,\" Agnes Trewin said at the quay.")
        with Library(stories) as lib:
            (_status, added), = lib.add_many([Article(title="Trewin visits the harbour works", source="Wexmoor Post",
                                                      published="2026-01-20", body=body)])
            cached_analysis(lib, added, body, title="Trewin visits the harbour works")
        await wait_until(pilot, lambda: added in article_lines(articles), lambda: article_lines(articles))
        assert any("spring tides" in q for q in quote_lines(quotes)), quote_lines(quotes)
        assert app.screen is person


async def test_the_cursor_stays_on_its_line_when_the_page_is_read_again(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with started(app, (120, 40)) as (pilot, _main):
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        articles = person.query_one("#person-articles")
        listed = article_lines(articles)
        person.set_focus(articles)
        last = max(i for i, o in enumerate(articles.options) if (o.id or "").startswith("a:"))
        articles.highlighted = last
        kept = articles.options[last].id
        first = int(next(o.id for o in articles.options if (o.id or "").startswith("a:")).split(":")[1])
        assert f"a:{first}" != kept and len(listed) == 3
        with Library(stories) as lib:
            assert lib.remove(first)
        await wait_until(pilot, lambda: first not in article_lines(articles), lambda: article_lines(articles))
        assert articles.options[articles.highlighted].id == kept  # not back at the top
