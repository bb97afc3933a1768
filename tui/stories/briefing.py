"""The briefing: unread stories since a day, ranked by size and recency, each in two or three sentences."""

from __future__ import annotations

from dataclasses import dataclass

from tui.store.stories import BRIEFING_SCAN, StoryRow, rank_score  # noqa: F401  (rank_score: its old home)
from tui.stories.story import StoryQuote
from tui.stories.summary import StorySentence
from tui.cells import cut, cut_outlet, cut_title, outlets_line, plural

MAX_SCAN = BRIEFING_SCAN  # stories looked at (the most recent)


@dataclass
class BriefItem:
    """One story of the briefing."""

    story: StoryRow
    sentences: list[StorySentence]
    quote: StoryQuote | None
    score: float


def briefing(lib, since: str = "", limit: int = 10, sentences: int = 3, analyse: bool = True) -> list[BriefItem]:
    """The top `limit` stories with unread articles and an article on or after `since` (ISO day)."""
    from tui.store.stories import ranked_unread, story_row
    from tui.stories.story import story_summary

    out = []
    for r, score in ranked_unread(lib, since, limit, MAX_SCAN):
        s = story_summary(lib, r.id, sentences=sentences, analyse=analyse)
        r = story_row(lib, r.id) or r
        if s is not None:
            shown = " ".join(x.text for x in s.sentences)  # a quote already in a sentence is not repeated
            out.append(BriefItem(r, s.sentences, s.strongest_quote(leaving_out=shown), score))
    return out


def as_markdown(items: list[BriefItem], since: str = "") -> str:
    """The briefing as Markdown (a heading per story, sources, sentences, the strongest quote)."""
    lines = [f"# Briefing{' since ' + since if since else ''}", ""]
    if not items:
        lines.append("No unread stories.")
    for n, it in enumerate(items, 1):
        r = it.story
        lines.append(f"## {n}. {r.title}")
        size = _size(r)
        lines.append(f"*{_at(size, ', '.join(r.sources), sep=' — ')}*")
        lines.append("")
        lines += [f"- {s.text} ({_at(s.source, s.day)})" for s in it.sentences]
        if it.quote:
            lines += ["", f"> “{it.quote.text}” — {it.quote.speaker}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_text(items: list[BriefItem], since: str = "") -> str:
    """The briefing as plain text for a terminal or a pipe; titles and names cut with "…" as the briefing screen cuts
    them (the Markdown has them whole)."""
    lines = [f"Briefing{' since ' + since if since else ''}", ""]
    if not items:
        lines.append("No unread stories.")
    for n, it in enumerate(items, 1):
        r = it.story
        lines.append(f"{n}. {cut_title(r.title)}  [story {r.id}]")
        size = _size(r)
        lines.append(f"   {_at(size, outlets_line(r.sources), sep='; ')}")
        # each sentence with its outlet and date, as the briefing screen, the Markdown and `story` give them (the
        # outlet alone: a story over several days did not say which day a line was from)
        lines += [f"   - {s.text}" + (f" ({where})" if (where := _at(cut_outlet(s.source), s.day)) else "")
                  for s in it.sentences]
        if it.quote:
            lines.append(f"   “{it.quote.text}” — {cut(it.quote.speaker)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_quotes(items: list[BriefItem]) -> str:
    """Each story's strongest quote, one a line: “Quote” — Speaker (Source), what the briefing screen's `y` copies
    (`brief --quotes` prints it; the toast of `y` named `brief --format md`, the whole briefing)."""
    from tui.textsafe import clean

    def whole(text: str) -> str:  # one line, every character kept (one_line leaves out a 👍🏽's tone: for the screen)
        return " ".join(clean(text or "").split())

    lines = []
    for it in items:
        if it.quote is not None:
            speaker, source = whole(it.quote.speaker), whole(it.quote.source)
            lines.append(f"“{whole(it.quote.text)}”" + (f" — {speaker}" if speaker else "")
                         + (f" ({source})" if source else ""))
    return "\n".join(lines)


def _at(*parts: str, sep: str = ", ") -> str:
    """The parts that are there, joined: an article without a source (a pasted text, a watched folder's file)
    shows its date alone, as the app's screens show it, not "no source"."""
    return sep.join(p for p in parts if p)


def _size(r: StoryRow) -> str:
    """"7 articles, 5 unread, 2026-12-01 to 2026-12-03" (a text from two outlets once), as the briefing screen heads a
    story ("7 articles · 5 unread · …"): a briefing of unread stories said how many articles, not how many unread."""
    return f"{plural(r.rows, 'article')}, {r.unread} unread, {_dates(r)}"


def _dates(r: StoryRow) -> str:
    return r.first if r.first == r.last else f"{r.first} to {r.last}"
