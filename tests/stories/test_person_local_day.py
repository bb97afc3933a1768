"""The person page dates an undated article by the day the library list shows it on: the reader's day of the time it
was added (session 36 dated a story's undated articles so). Its article lines and its timeline's bars used the UTC day
(`substr(sort_key, 1, 10)`), so at 08:40 on the 1st of December in a zone thirteen hours east a text added then was
drawn in November. Our own invented texts, with the zone UTC+13 (far_east)."""

from __future__ import annotations

import json

from tui.engine.analysis import cache_key, mention_counts
from tui.engine.types import Analysis, Entity, Sentence, Summary
from tui.models import Article
from tui.stories import who

NAME = "Orla Penhallow"


def _report(lib, town: str, key: str, published: str | None = None) -> int:
    body = f"Harbourmistress {NAME} inspected the moorings at {town}. {NAME} said the pontoons would be replaced."
    (_status, article_id), = lib.add_many([Article(title=f"Moorings at {town}", source="", published=published,
                                                   body=body)])
    lib.db.execute("UPDATE articles SET sort_key = ? WHERE id = ?", (key, article_id))  # (as added then)
    entities = []
    at = body.find(NAME)
    while at >= 0:
        entities.append(Entity(at, at + len(NAME), "PERSON", NAME, NAME))
        at = body.find(NAME, at + len(NAME))
    analysis = Analysis(sentences=[Sentence(0, len(body), body)], summary=Summary("news", []), entities=entities,
                        quotes=[])
    lib.put_analysis(article_id, cache_key("news", None), json.dumps(analysis.to_dict()), mention_counts(analysis))
    return article_id


def test_an_undated_article_is_drawn_on_the_local_day_it_was_added(lib, far_east):
    dated = _report(lib, "Skerrow", "2026-11-20", published="2026-11-20")
    undated = [_report(lib, town, key) for town, key in (("Polventor", "2026-11-30T19:40:00Z"),
                                                         ("Treluce", "2026-11-30T20:10:00Z"))]
    person = who(lib, NAME)
    days = {a["id"]: a["day"] for a in person.articles}
    assert days == {dated: "2026-11-20", undated[0]: "2026-12-01", undated[1]: "2026-12-01"}, days
    assert person.timeline == [("2026-11", 1), ("2026-12", 2)]
    # a page capped at its newest articles counts every article's day the same way
    capped = who(lib, NAME, limit=2)
    assert capped.capped and sorted(capped.all_days) == ["2026-11-20", "2026-12-01", "2026-12-01"]
    assert capped.timeline == [("2026-11", 1), ("2026-12", 2)]
