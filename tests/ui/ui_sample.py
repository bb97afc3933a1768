"""A small fixed library for the UI tests: our own made-up articles (not assets/, which may change)."""

from __future__ import annotations

import json
from pathlib import Path

from tui.engine.analysis import cache_key, mention_counts
from tui.engine.types import Analysis, Entity, Quote, ScoredSentence, Sentence, Summary
from tui.models import Article
from tui.store import Library

HARBOUR = Article(
    title="Harbour town votes to rebuild its storm wall before winter",
    source="Coastline Gazette",
    byline="Gazette Staff",
    published="2026-01-14",
    tags=["Europe", "Weather"],
    body=(
        "PORT ELLIN — The council of Port Ellin voted 7 to 2 on Tuesday to rebuild the harbour's storm wall, "
        "a project that will cost €4.2 million and must be finished before the first winter gales.\n\n"
        "The old wall, built in 1911, cracked in three places during the storms of last November. "
        "Water reached the fish market twice, and the Harbour Authority closed the quay for nine days.\n\n"
        "\"We cannot ask the fishing families to gamble on another winter,\" said Mayor Agnes Trewin, "
        "who proposed the plan. \"The wall is the town.\"\n\n"
        "Engineers from Solent Marine Works will begin in March. Trewin said the firm had promised to keep "
        "one berth open at all times. Two councillors voted against, arguing that the cost should be shared "
        "with the regional government in Kellmouth.\n\n"
        "\"Port Ellin should not carry this alone,\" councillor Bram Oduya told reporters after the vote."
    ),
)

ORCHARD = Article(
    title="Cider makers count the cost of a wet spring",
    source="Valley Farmer",
    byline="Nell Price",
    published="2025-10-02",
    tags=["Farming"],
    body=(
        "Apple growers across the Wend valley expect the smallest harvest in twenty years after rain fell "
        "on 41 of the 61 days of blossom season.\n\n"
        "\"The bees simply did not fly,\" said Ruth Calloway, who runs the Calloway Press orchard near Ashby. "
        "She estimates her yield at 40 percent of a normal year.\n\n"
        "The Wend Cider Guild has asked buyers to accept a later delivery date of December 1."
    ),
)

ROBOTS = Article(
    title="Library lends out robot vacuum cleaners, and they keep coming back",
    source="Northside Weekly",
    published="2025-06-30",
    body=(
        "The public library in Hollin has added twelve robot vacuum cleaners to its lending shelf, "
        "next to the drills and the sewing machines.\n\n"
        "\"People try one for a fortnight before they spend $300 on their own,\" librarian Omar Feld said. "
        "The waiting list has 85 names."
    ),
)

# Untrusted text: markup, an OSC 52 sequence and control characters must be shown literally / dropped.
HOSTILE = Article(
    title="[bold red]Not bold[/] title \x1b]52;c;aGFjaw==\x07",
    source="[link=http://evil.example]Evil[/link]",
    published="2024-02-02",
    body="This text has [bold]square brackets[/bold] and \x1b[31mescape\x1b[0m codes and a bell\x07 in it.",
)

ARTICLES = [HARBOUR, ORCHARD, ROBOTS, HOSTILE]


def _find(body: str, text: str, after: int = 0) -> int:
    where = body.find(text, after)
    assert where >= 0, f"{text!r} not in the fixture body"
    return where


def fixed_analysis(body: str) -> Analysis:
    """A hand-made analysis of HARBOUR (for snapshots that must not change when the engine improves)."""
    firsts = [
        ("The council of Port Ellin voted 7 to 2", "before the first winter gales."),
        ("Engineers from Solent Marine Works will begin in March.", "will begin in March."),
    ]
    summary = []
    for number, (start_text, end_text) in enumerate(firsts):
        start = _find(body, start_text)
        end = _find(body, end_text, start) + len(end_text)
        summary.append(ScoredSentence(start, end, body[start:end], 1.0 - number / 10, number))
    entities = []
    for text, label, canonical in [
        ("Port Ellin", "GPE", "Port Ellin"), ("Tuesday", "DATE", "Tuesday"), ("€4.2 million", "MONEY", "€4.2 million"),
        ("1911", "DATE", "1911"), ("Harbour Authority", "ORG", "Harbour Authority"),
        ("Agnes Trewin", "PERSON", "Agnes Trewin"), ("Solent Marine Works", "ORG", "Solent Marine Works"),
        ("Trewin", "PERSON", "Agnes Trewin"), ("Kellmouth", "GPE", "Kellmouth"), ("Bram Oduya", "PERSON", "Bram Oduya"),
        ("nine days", "DATE", "nine days"),
    ]:
        at = -1
        while (at := body.find(text, at + 1)) >= 0:
            if not any(e.start <= at < e.end for e in entities):
                entities.append(Entity(at, at + len(text), label, text, canonical))
    entities.sort(key=lambda e: e.start)
    quotes = []
    for text, speaker in [
        ("We cannot ask the fishing families to gamble on another winter,", "Agnes Trewin"),
        ("Port Ellin should not carry this alone,", "Bram Oduya"),
    ]:
        start = _find(body, text)
        quotes.append(Quote(start, start + len(text), text, speaker))
    sentences = [Sentence(s.start, s.end, s.text) for s in summary]
    return Analysis(sentences=sentences, summary=Summary("news", summary), entities=entities, quotes=quotes)


def make_library(path: Path, *, cached: bool = False) -> dict[str, int]:
    """Store the sample articles; with `cached`, HARBOUR's analysis is pre-stored (fixed output)."""
    ids = {}
    with Library(path) as lib:
        for article, (status, article_id) in zip(ARTICLES, lib.add_many(ARTICLES)):
            ids[article.title] = article_id
        if cached:
            analysis = fixed_analysis(HARBOUR.body)
            lib.put_analysis(ids[HARBOUR.title], cache_key("news", None),
                             json.dumps(analysis.to_dict()), mention_counts(analysis))
    return ids
