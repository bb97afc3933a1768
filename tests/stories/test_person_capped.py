"""walk34: a person in more articles than the page lists. `who` and the entity page list and quote the newest 500; a
minister in 655 articles was headed "500 articles" and her timeline began nine days after her first article. The page
now counts them all, says how many it lists, and draws every article's day; under the limit nothing changes."""

from __future__ import annotations

import json

from tui.engine.analysis import cache_key, mention_counts
from tui.engine.types import Analysis, Entity, Sentence, Summary
from tui.models import Article
from tui.stories import who


def _report(lib, day: str, town: str) -> int:
    body = f"Minister Perrin Ashgrove visited {town} on {day}. Perrin Ashgrove said the road would reopen."
    (_status, article_id), = lib.add_many([Article(title=f"Ashgrove in {town}", source="Tollbridge Wire",
                                                   published=day, body=body)])
    entities = []
    at = body.find("Perrin Ashgrove")
    while at >= 0:
        entities.append(Entity(at, at + 15, "PERSON", "Perrin Ashgrove", "Perrin Ashgrove"))
        at = body.find("Perrin Ashgrove", at + 15)
    analysis = Analysis(sentences=[Sentence(0, len(body), body)], summary=Summary("news", []), entities=entities,
                        quotes=[])
    lib.put_analysis(article_id, cache_key("news", None), json.dumps(analysis.to_dict()), mention_counts(analysis))
    return article_id


DAYS = ["2026-09-03", "2026-10-08", "2026-10-21", "2026-11-02", "2026-11-16", "2026-11-30"]


def test_a_page_capped_at_its_newest_articles_counts_them_all_and_draws_every_month(lib):
    ids = [_report(lib, day, town) for day, town in zip(DAYS, ("Wexby", "Orrin", "Calder Mote", "Plumley", "Stenning",
                                                               "Hawkridge"))]
    person = who(lib, "Perrin Ashgrove", limit=3)
    assert [a["id"] for a in person.articles] == ids[:2:-1]  # the newest three listed, as before
    assert person.capped and sorted(person.all_days) == DAYS
    assert person.timeline == [("2026-09", 1), ("2026-10", 2), ("2026-11", 3)]  # it began in November


def test_under_the_limit_nothing_changes(lib):
    ids = [_report(lib, day, "Wexby") for day in DAYS[:3]]
    person = who(lib, "Perrin Ashgrove", limit=3)
    assert [a["id"] for a in person.articles] == ids[::-1]
    assert not person.capped  # (exactly the limit: all listed)
    assert person.timeline == [("2026-09", 1), ("2026-10", 2)]


def test_a_text_printed_by_two_outlets_counts_once(lib):
    ids = [_report(lib, day, "Orrin") for day in DAYS]
    copy = _report(lib, DAYS[-1], "Orrin and Wexby")
    lib.db.execute("UPDATE articles SET twin_of = ? WHERE id = ?", (ids[-1], copy))  # the same text, two records
    person = who(lib, "Perrin Ashgrove", limit=2)
    assert person.capped and sorted(person.all_days) == DAYS
