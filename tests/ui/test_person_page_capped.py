"""walk34: the entity page of a person in more articles than it lists (the newest 500: a minister in 655 of a
month's library) said "500 articles" and began its timeline nine days after her first article. It now counts them
all, says how many it lists and quotes, and draws every article's day."""

from __future__ import annotations

import json

from pilot_steps import settle, started, wait_until

from tui.engine.analysis import cache_key, mention_counts
from tui.engine.types import Analysis, Entity, Sentence, Summary
from tui.models import Article
from tui.store import Library

DAYS = ["2026-09-03", "2026-10-08", "2026-10-21", "2026-11-02", "2026-11-16", "2026-11-30"]
NAME = "Perrin Ashgrove"


def _report(lib, day: str, town: str) -> None:
    body = f"Minister {NAME} visited {town} on {day}. {NAME} said the road would reopen."
    (_status, article_id), = lib.add_many([Article(title=f"Ashgrove in {town}", source="Tollbridge Wire",
                                                   published=day, body=body)])
    entities = [Entity(at, at + len(NAME), "PERSON", NAME, NAME) for at in (body.find(NAME), body.rfind(NAME))]
    analysis = Analysis(sentences=[Sentence(0, len(body), body)], summary=Summary("news", []), entities=entities,
                        quotes=[])
    lib.put_analysis(article_id, cache_key("news", None), json.dumps(analysis.to_dict()), mention_counts(analysis))


async def test_a_capped_entity_page_counts_every_article_and_draws_every_month(tmp_path, make_app, monkeypatch):
    from tui.app.screens import person as person_screen
    from tui.app.screens.person import PersonScreen
    from tui.stories.people import who

    path = tmp_path / "library.db"
    with Library(path) as lib:
        for day, town in zip(DAYS, ("Wexby", "Orrin", "Calder Mote", "Plumley", "Stenning", "Hawkridge")):
            _report(lib, day, town)
    monkeypatch.setattr(person_screen, "read_person", lambda lib, name: who(lib, name, limit=3))  # (500 in the app)
    app = make_app(path)
    async with started(app, (120, 40)) as (pilot, main):
        app.push_screen(PersonScreen(main.db_path, NAME))
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PersonScreen" and app.screen.person is not None,
                         lambda: app.screen)
        await settle(pilot)
        page = app.screen
        head = str(page.query_one("#person-head").render())
        assert "6 articles (the newest 3 listed and quoted)" in head, head
        lines = [o.prompt.plain for o in page.query_one("#person-articles").options]
        bars = [text for text in lines if text[:4] == "2026" and "█" in text]
        assert [b.split()[0] for b in bars] == ["2026-09", "2026-10", "2026-11"], lines  # from September
        assert bars[-1].endswith(" 3") and bars[1].endswith(" 2"), bars
