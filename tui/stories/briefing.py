"""The briefing: unread stories since a day, ranked by size and recency, each in two or three sentences."""

from __future__ import annotations

from dataclasses import dataclass

from tui.engine.quotes.groups import quoted
from tui.store.stories import BRIEFING_SCAN, StoryRow, rank_score  # noqa: F401  (rank_score: its old home)
from tui.stories.story import StoryQuote
from tui.stories.summary import StorySentence
from tui.cells import (NEW_KEY, NO_OUTLET, RANKED, count_words, cut, cut_outlet, cut_title, printed_where, said_where,
                       since_label, story_figures)

MAX_SCAN = BRIEFING_SCAN  # stories looked at (the most recent)
def count_line(shown: int, total: int, since: str = "") -> str:
    """The briefing's count line, in the words of the app's head (`b`) and `brief`: "10 of 24 unread stories since
    today · ranked by size and recency"; "" when it shows none (it says "No unread stories." instead)."""
    if not shown:
        return ""
    return count_words(shown, total) + (f" since {since_label(since)}" if since else "") + f" · {RANKED}"


def ranked(lib, since: str = "", limit: int = 10, problems: list[str] | None = None):
    """(the `limit` best (StoryRow, score) pairs, how many unread stories there are since `since`): what the
    briefing shows and of how many, from the stored figures alone (nothing read or summarised), as the app's head.
    When the figures cannot be read (`problems` gets why), the stories are counted from their articles and the total
    is the count shown (the figures' own count read 0: "10 unread stories" of 12)."""
    from tui.store.reader import unread_stories
    from tui.store.stories import ranked_unread

    import sqlite3

    problems = [] if problems is None else problems
    rows = ranked_unread(lib, since, limit, MAX_SCAN, problems=problems)
    try:
        total = unread_stories(lib, since) if len(rows) >= limit and not problems else 0
    except sqlite3.DatabaseError:  # a damaged page of the story figures: the count of those it shows
        total = 0
    return rows, max(total, len(rows))


@dataclass
class BriefItem:
    """One story of the briefing."""

    story: StoryRow
    sentences: list[StorySentence]
    quote: StoryQuote | None
    score: float
    # the (article, index) keys of its lines marked "new" (StorySummary.news: new against the story's earlier reports,
    # the latest development's line among them), as the story view marks them; `note` says so once instead when nearly
    # all of it is new (StorySummary.new_note)
    marked: frozenset = frozenset()
    note: str = ""  # (what "new" means is said once, under the first story that marks a line: tui.cells.NEW_KEY)

    def is_new(self, s: StorySentence) -> bool:
        return (s.article, s.index) in self.marked


def marks_new(item) -> bool:
    """Whether a briefing item (a BriefItem, or the screen's heading of one still being summarised) marks one of its
    lines "new": the briefing says what "new" means (tui.cells.NEW_KEY) under the first such story's figures, and
    nowhere when none does (walk36: it was said under the count line, before any story was summarised, whether or
    not a line was marked; the story view says it only where it marks a line)."""
    marked = getattr(item, "marked", None)
    return bool(marked) and any((s.article, s.index) in marked for s in getattr(item, "sentences", ()))


def briefing(lib, since: str = "", limit: int = 10, sentences: int = 3, analyse: bool = True) -> list[BriefItem]:
    """The top `limit` stories with unread articles and an article on or after `since` (ISO day)."""
    return list(iter_briefing(lib, since, limit, sentences, analyse))


def iter_briefing(lib, since: str = "", limit: int = 10, sentences: int = 3, analyse: bool = True, rows=None):
    """`briefing`'s items one at a time, best first: the stories are ranked from their stored figures (no article
    read), and each is summarised only when its turn comes, so the first is ready while the rest wait (`brief`
    prints each as it comes). `rows`: the ranked stories when the caller has them already (`ranked`)."""
    from tui.store.stories import ranked_unread

    for r, score in (ranked_unread(lib, since, limit, MAX_SCAN) if rows is None else rows):
        item = brief_item(lib, r, score, sentences, analyse)
        if item is not None:
            yield item


def brief_item(lib, r: StoryRow, score: float, sentences: int = 3, analyse: bool = True) -> BriefItem | None:
    """The briefing's item for story `r` (None when it is gone): its summary's `sentences` sentences (a story above
    articles.CAP articles is summarised from a chosen CAP of them) and its strongest quote."""
    from tui.store.stories import story_row
    from tui.stories.story import story_summary

    s = story_summary(lib, r.id, sentences=sentences, analyse=analyse)
    if s is None:
        return None
    r = story_row(lib, r.id) or r
    shown = " ".join(x.text for x in s.sentences)  # a quote already in a sentence is not repeated
    return BriefItem(r, s.sentences, s.strongest_quote(leaving_out=shown), score, frozenset(s.news()[0]), s.new_note())


def as_markdown(items: list[BriefItem], since: str = "", total: int | None = None) -> str:
    """The briefing as Markdown (a heading per story, sources, sentences, the strongest quote); `total`: how many
    unread stories there are (the count line's "10 of 24"; None: as many as shown)."""
    return "\n\n".join(markdown_blocks(items, since, len(items), total)).rstrip() + "\n"


def _head(since: str, shown: int | None, total: int | None) -> str:
    """The count line under the heading ("" when the number shown is not known or none: "No unread stories." says
    it), "since …" in it as the app's head says it; without the count the heading says since when."""
    if shown is None:
        return f" since {since_label(since)}" if since else ""
    return "\n" + count_line(shown, shown if total is None else total, since) if shown else ""


def markdown_blocks(items, since: str = "", shown: int | None = None, total: int | None = None):
    """`as_markdown`'s text in blocks (the heading, then one per story), to be joined by a blank line: `items` may be
    an iterator (iter_briefing), each story's block made as it comes; `shown` and `total` (`ranked`) give the
    count line, "10 of 24 unread stories · ranked by size and recency", as the app's head."""
    from tui.textsafe import md_literal as md  # (the articles' words read as words: no link or HTML of theirs live)

    head = _head(since, shown, total)
    yield "# Briefing" + ("\n\n" + "\n".join(f"*{x}*" for x in head[1:].split("\n")) if head.startswith("\n") else head)
    n, keyed = 0, False
    for n, it in enumerate(items, 1):
        r = it.story
        lines = [f"## {n}. {md(r.title)}"]
        lines.append(f"*{md(_figures(r, whole=True))}*")
        if it.note:  # nearly all of it new: said once, no line marked
            lines.append(f"*{it.note}*")
        if not keyed and marks_new(it):  # what "new" means, under the first story that marks a line
            lines.append(f"*{NEW_KEY}*")
            keyed = True
        lines.append("")
        lines += [f"- {md(s.text)} ({md(said_where(_outlet(s.source), s.day, it.is_new(s)))})" for s in it.sentences]
        if it.quote:
            lines += ["", f"> {md(quoted(it.quote.text, it.quote.lead))} — "
                      f"{md(_at(it.quote.speaker, _quoted_at(it.quote, str, whole=True), sep=' '))}"]
        yield "\n".join(lines)
    if not n:
        yield f"No unread stories{' since ' + since_label(since) if since else ''}."


def quote_outlets(quote, name=lambda x: x) -> list[str]:
    """Every outlet that printed a quote (a remark several outlets printed is one quote: StoryQuote.sources), once each
    and in order, each through `name`; its own outlet when it has no list. What `story` names on its quote lines, and
    `brief --quotes`, the briefing's `y` and the briefing's quote lines name too (they named its first outlet alone, or
    the first four)."""
    sources = getattr(quote, "sources", None) or [quote.source or ""]
    return [n for n in dict.fromkeys(name(x) for x in sources if x and x.strip()) if n]


def _quoted_at(quote: StoryQuote, name, whole: bool = False) -> str:
    """"(Outlet, day)" of a quote, "(A, B, day)" when several outlets printed it; each outlet's name through `name`:
    every one (`whole`: the Markdown), else as `story` names them, six and "+N more" (cells.outlets_line)."""
    from tui.cells import MOST_OUTLETS

    outlets = quote_outlets(quote, name)
    shown = ", ".join(outlets if whole else outlets[:MOST_OUTLETS])
    if not whole and len(outlets) > MOST_OUTLETS:
        shown += f" +{len(outlets) - MOST_OUTLETS} more"
    where = printed_where(shown, quote.day or "")
    return f"({where})" if where else ""


def as_text(items: list[BriefItem], since: str = "", total: int | None = None) -> str:
    """The briefing as plain text for a terminal or a pipe; titles and names cut with "…" as the briefing screen cuts
    them (the Markdown has them whole)."""
    return "\n\n".join(text_blocks(items, since, len(items), total)).rstrip() + "\n"


def text_blocks(items, since: str = "", shown: int | None = None, total: int | None = None):
    """`as_text`'s text in blocks, as markdown_blocks."""
    yield "Briefing" + _head(since, shown, total)
    n, keyed = 0, False
    for n, it in enumerate(items, 1):
        r = it.story
        lines = [f"{n}. {cut_title(r.title)}  [story {r.id}]"]
        lines.append(f"   {_figures(r)}")
        if it.note:  # nearly all new, said once
            lines.append(f"   {it.note}")
        if not keyed and marks_new(it):  # what "new" means, under the first story that marks a line
            lines.append(f"   {NEW_KEY}")
            keyed = True
        # each sentence with its outlet and date, as the briefing screen, the Markdown and `story` give them (the
        # outlet alone: a story over several days did not say which day a line was from), and "new" as `story` marks
        # a line new against the story's earlier reports (the latest development's)
        lines += [f"   - {s.text} ({said_where(_outlet(s.source, cut_outlet), s.day, it.is_new(s))})"
                  for s in it.sentences]
        if it.quote:  # with where it was said, as the story view's quotes (the line named no outlet)
            lines.append(f"   {quoted(it.quote.text, it.quote.lead)} — "
                         f"{_at(cut(it.quote.speaker), _quoted_at(it.quote, cut_outlet), sep=' ')}")
        yield "\n".join(lines)
    if not n:
        yield f"No unread stories{' since ' + since_label(since) if since else ''}."


def as_quotes(items: list[BriefItem]) -> str:
    """Each story's strongest quote, one a line: “Quote” — Speaker (Source, and every other outlet that printed
    it, as `story` names them), what the briefing screen's `y` copies
    (`brief --quotes` prints it; the toast of `y` named `brief --format md`, the whole briefing)."""
    return "\n".join(quote_lines(items))


def quote_lines(items):
    """`as_quotes`'s lines, one per story with a quote, as the items come (`items` may be an iterator)."""
    from tui.textsafe import clean

    def whole(text: str) -> str:  # one line, every character kept (one_line leaves out a 👍🏽's tone: for the screen)
        return " ".join(clean(text or "").split())

    for it in items:
        if it.quote is not None:
            speaker, outlets = whole(it.quote.speaker), ", ".join(quote_outlets(it.quote, whole))
            yield (quoted(whole(it.quote.text), whole(it.quote.lead)) + (f" — {speaker}" if speaker else "")
                   + f" ({printed_where(outlets)})")


def _at(*parts: str, sep: str = ", ") -> str:
    """The parts that are there, joined."""
    return sep.join(p for p in parts if p)


def _outlet(source: str, name=lambda x: x) -> str:
    """A line's outlet through `name`, or NO_OUTLET for an article without one (a pasted text, a watched folder's
    file): its bullet ended in a bare date, "(2026-12-07)", as if the date were the sentence's."""
    return name(source) if source and source.strip() else NO_OUTLET


def _figures(r: StoryRow, whole: bool = False) -> str:
    """"7 articles · 5 unread · 2026-12-01 to 2026-12-03 · 3 outlets (A, B, C)" (a text from two outlets once), as
    every view heads a story (tui.cells.story_figures), with how many of its articles are unread: a briefing of unread
    stories said how many articles, not how many unread."""
    return story_figures(r.rows, r.first, r.last, r.sources, unread=r.unread, whole=whole)
