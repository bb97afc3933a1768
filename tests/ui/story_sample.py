"""Two more outlets' reports of the Port Ellin storm-wall vote (our own writing), so the sample library
has a story of three articles from three outlets; and a library builder that groups the stories."""

from __future__ import annotations

from pathlib import Path

from ui_sample import HARBOUR, make_library
from tui.models import Article
from tui.store import Library

WIRE = Article(
    title="Port Ellin council backs €4.2 million storm wall rebuild",
    source="Shoreline Wire",
    byline="Wire Staff",
    published="2026-01-14",
    tags=["Europe"],
    body=(
        "PORT ELLIN — Councillors in Port Ellin approved a €4.2 million plan on Tuesday to rebuild the harbour "
        "storm wall that cracked during the November storms, voting 7 to 2.\n\n"
        "Mayor Agnes Trewin, who proposed the rebuild, said the work could not wait for another winter. "
        "\"The fishing families have waited long enough,\" Trewin said.\n\n"
        "Solent Marine Works will start the rebuild in March and keep one berth of the harbour open, the "
        "council said. The Harbour Authority closed the quay for nine days after the storms.\n\n"
        "Councillor Bram Oduya voted against the plan and asked the regional government in Kellmouth to share "
        "the cost."
    ),
)

EVENING = Article(
    title="Storm wall vote splits Port Ellin council over who pays",
    source="Kellmouth Evening Post",
    byline="Ada Quill",
    published="2026-01-15",
    tags=["Politics"],
    body=(
        "KELLMOUTH — The regional government in Kellmouth faced calls on Wednesday to help pay for the storm "
        "wall that Port Ellin council voted to rebuild, a day after the 7 to 2 vote.\n\n"
        "\"Port Ellin should not carry this alone,\" councillor Bram Oduya said again on Wednesday, repeating "
        "the case he made before the vote on the €4.2 million harbour wall.\n\n"
        "Mayor Agnes Trewin said the council would pay for the rebuild itself if no help came. The storm wall, "
        "built in 1911, cracked in three places in November and let water into the fish market twice.\n\n"
        "Engineers from Solent Marine Works are due to begin work on the harbour wall in March."
    ),
)


NAMES = [("Port Ellin", "GPE", "Port Ellin"), ("Kellmouth", "GPE", "Kellmouth"),
         ("Agnes Trewin", "PERSON", "Agnes Trewin"), ("Trewin", "PERSON", "Agnes Trewin"),
         ("Bram Oduya", "PERSON", "Bram Oduya"), ("Solent Marine Works", "ORG", "Solent Marine Works"),
         ("Harbour Authority", "ORG", "Harbour Authority"), ("Ada Quill", "PERSON", "Ada Quill")]
QUOTES = {
    WIRE.title: [("The fishing families have waited long enough,", "Agnes Trewin")],
    EVENING.title: [("Port Ellin should not carry this alone,", "Bram Oduya")],
}


def hand_analysis(body: str, quotes: list[tuple[str, str]]):
    """A fixed analysis (entities from NAMES, the given quotes): pictures that do not move with the engine."""
    from tui.engine.types import Analysis, Entity, Quote, ScoredSentence, Sentence, Summary

    entities = []
    for text, label, canonical in NAMES:
        at = -1
        while (at := body.find(text, at + 1)) >= 0:
            if not any(e.start <= at < e.end for e in entities):
                entities.append(Entity(at, at + len(text), label, text, canonical))
    entities.sort(key=lambda e: e.start)
    found = []
    for text, speaker in quotes:
        start = body.find(text)
        assert start >= 0, text
        found.append(Quote(start, start + len(text), text, speaker))
    start = body.find(" — ") + 3 if body.find(" — ") >= 0 else 0  # after the dateline
    end = body.find(".\n") + 1
    first = ScoredSentence(start, end, body[start:end], 1.0, 0)
    return Analysis(sentences=[Sentence(start, end, body[start:end])], summary=Summary("news", [first]),
                    entities=entities, quotes=found)


def make_story_library(path: Path, *, cached: bool = False) -> dict[str, int]:
    """The UI sample library plus WIRE and EVENING, analysed, with stories grouped (as `add` does).

    `cached`: every harbour article gets a fixed hand-made analysis and the other articles are marked
    read (so the briefing holds the harbour story only): pictures that do not change with the engine.
    """
    import json

    from tui.engine.analysis import cache_key, cached_analysis, mention_counts
    from tui.stories import group_new

    ids = make_library(path, cached=cached)
    with Library(path) as lib:
        for article in (WIRE, EVENING):
            (_status, article_id), = lib.add_many([article])
            ids[article.title] = article_id
        for title, article_id in ids.items():
            article = lib.get(article_id)
            if cached and title in QUOTES:
                analysis = hand_analysis(article.body, QUOTES[title])
                lib.put_analysis(article_id, cache_key("news", None), json.dumps(analysis.to_dict()),
                                 mention_counts(analysis))
            elif cached and title != HARBOUR.title:
                lib.set_read(article_id, True)
            elif not cached:
                cached_analysis(lib, article_id, article.body, title=article.title)
        group_new(lib)
    return ids


COPY = Article(title="Storm wall rebuild approved in Port Ellin", source="Harbour Radio", published=WIRE.published,
               body=WIRE.body + "\n\nHarbour Radio news desk.")


def make_twins_library(path: Path, *, cached: bool = False) -> tuple[dict[str, int], int]:
    """`make_story_library` plus COPY, the WIRE report printed again by a second outlet under its own headline (a
    copy: no row of its own, its twin's row says both outlets); returns the ids and the copy's id."""
    from tui.stories import group_new

    ids = make_story_library(path, cached=cached)
    with Library(path) as lib:
        (_, copy), = lib.add_many([COPY])
        group_new(lib)  # (the copy is found to be one: its twin's row)
    return ids, copy
