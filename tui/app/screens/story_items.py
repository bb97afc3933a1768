"""What the story view shows for a story summary: its head, its pane title and the items of its two lists.

Plain data from the summary and the articles' rows (no widget), so the view can keep what it built for a
story and show it again without building it anew. No Textual: the story view's summary process builds and wraps a
story's items here too (tui/stories/summary_child.py, `plain`), so the app only turns them back into items.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from tui.app.widgets.summary_items import Option, heading
from tui.cells import (cut, cut_outlet as outlet, cut_title as title_line, fitted_outlets, one_line as line,
                       quote_where, said_where, story_figures, width)
from tui.entity_kinds import TYPES, type_of
from tui.models import shown_day


def where(source: str, day: str) -> str:
    """"Outlet, 2026-01-14" (either part left out when empty)."""
    return ", ".join(x for x in (outlet(source), line(day)[:10]) if x)


class Head(NamedTuple):
    """A story's head: its title, its figures ("3 articles · 2026-01-14 to 2026-01-16": tui.cells.story_figures),
    its outlets' names and whether its articles are still being analysed; `text` lays it out for a width."""

    title: str
    figures: str
    outlets: tuple[str, ...]
    analysing: bool

    def text(self, cells: int) -> Text:
        """A line each (the view cuts a long title with "…"); the figures' line names as many outlets as fit in
        `cells`, whole, then says how many more ("5 outlets (A, B +3 more)"; tui.cells.fitted_outlets): a cut outlet
        list ended in half a name at 80 columns. Where not even the first name fits there (cut to SHORTEST_OUTLET),
        the outlets take a line of their own under the figures, in the same words: at 80 columns a story with unread
        articles ("14 articles · 3 unread · 2026-11-17 to 2026-11-24") said only "8 outlets" where one with none
        unread named "(Tarnwick Eveni… +7 more)" (walk34)."""
        head = Text(self.title, style="bold")
        beside = fitted_outlets(self.outlets, cells - width(self.figures) - 3)
        if self.outlets and not beside.endswith(")"):  # no name beside the figures
            alone = fitted_outlets(self.outlets, cells)
            if alone.endswith(")"):
                head.append("\n" + self.figures + "\n" + alone, style="dim")
                beside = None
        if beside is not None:
            head.append("\n" + " · ".join(x for x in (self.figures, beside) if x), style="dim")
        if self.analysing:
            head.append("\n⏳ analysing its articles for quotes and entities…", style="bold")
        return head


def build(summary, row, rows: dict, pause=None) -> tuple:
    """(its Head, the story pane's title, the summary list's items, the side list's items, the entity names
    [(type key, name)] by entity item number) of a story: its summary, its stored row, {article id: ArticleRow}.
    `pause`: called after each article's item (a thread of the app lets the UI thread have the GIL)."""
    count = summary.rows  # a text printed by two outlets once, as in the list
    # one line each (app.tcss cuts them with an ellipsis): a long title wrapped over the head's four lines
    # and hid the figures and the "analysing" line at 80x24; the outlets come last, as the part best cut
    # its unread articles as the briefing counts them ("3 articles · 2 unread"; walk33: the view never said how many
    # were left to read); a copy of another article's text is not counted apart, as in `count`
    copies = {t for r in rows.values() for t in (getattr(r, "twins", None) or ()) if t != r.id}
    unread = sum(1 for i, r in rows.items() if i not in copies and not r.read)
    head = Head(line(row.title) or "(untitled story)",
                story_figures(count, summary.first, summary.last, unread=unread or None),
                tuple(outlet(s) for s in summary.sources if s), not summary.analysed)
    n = len(summary.sentences)
    # the pane's border names the pane; the summary's heading under the story's head says its length (the border
    # said "Story · 5 sentences" over "Summary · 5 sentences": the same words twice)
    title = "Story"
    # a story above articles.CAP articles is summarised from a chosen CAP of them: the heading says so
    # (of its articles as the head counts them: "412 articles" over "from 60 of 1001 articles" counted the copies)
    part = f" · from {summary.read} of {count} articles" if getattr(summary, "bounded", False) else ""
    text = [heading(f"Summary · {n} sentence{'s' if n != 1 else ''}{part}")]
    note = summary.new_note() if hasattr(summary, "new_note") else ""
    # nearly all of it new: said once under the heading, no line marked "new"; else, when a line is marked or What's
    # new lists lines, what "new" means there (new against its earlier reports, not "unread")
    note = note or (summary.new_key() if hasattr(summary, "new_key") else "")
    if note:
        text.append(heading(line(note), "italic"))
    marked, rest = summary.news()  # a new sentence the summary shows is marked "new" there, not repeated
    for number, sent in enumerate(summary.sentences):
        text.append(_sentence(number + 1, sent, f"s:{number}", (sent.article, sent.index) in marked))
    if rest:
        text.append(heading("What's new"))
        for sent in rest:
            text.append(_sentence(None, sent, f"n:{summary.new.index(sent)}"))
    text += _articles(summary, rows, pause)
    side, entity_names = _side(summary)
    return head, title, text, side, entity_names


def _articles(summary, rows: dict, pause=None) -> list[Option]:
    from tui.store.stories import latest_key

    copies = getattr(summary, "copies", {}) or {}
    repeats = {c for cs in copies.values() for c in cs}
    out = [heading(f"Articles ({summary.rows})")]
    # latest first, as `o` in the stories list takes the latest (tui/store/stories.py's LATEST_FIRST: on one day a
    # dated article before a note stored that day); this listed them by (day, id)
    for article in sorted((rows[i] for i in summary.articles if i in rows), key=latest_key, reverse=True):
        article_id = article.id
        if article_id in repeats:
            continue  # the same text from another outlet: one row with every outlet that printed it
        others = [rows[c] for c in copies.get(article_id, ()) if c in rows]
        unread = not article.read or any(not o.read for o in others)
        entry = Text(f"{'●' if unread else ' '} {title_line(article.title)}")
        if article.starred or any(o.starred for o in others):
            entry.append(" ★", style="bold")
        outlets = ", ".join(dict.fromkeys(outlet(x.source) for x in [article, *others] if line(x.source)))
        keep = len(entry.plain) + 2  # "Outlet, date" after the title, not broken across two lines
        # an undated article: the day it was added, as the library list and the summary's source lines show it (a
        # time, its feed's or its adding, on the reader's clock: tui.models.shown_day)
        entry.append(f"  {where(outlets, shown_day(article.published, article.sort_key))}", style="dim")
        if others:
            entry.append(f" · same text in {len(others) + 1} outlets", style="dim italic")
        out.append(Option(entry, id=f"a:{article_id}", indent=2, keep=keep))  # a long title goes on under itself
        if pause is not None:
            pause()
    return out


def _sentence(number: int | None, sent, id: str, new: bool = False) -> Option:
    """"1. The sentence…" with its source and date on a line of its own; its wrapped lines and the source
    line start under its text (a hanging indent), not under its number."""
    mark = f"{number}. " if number else "• "
    out = Text(mark)
    out.append(line(sent.text))
    # "Outlet, date, new" as the briefing, `brief` and `story` say it (it was "Outlet, date · new"); "no outlet, date"
    # for an article without one (a bare date)
    out.append(f"\n— {said_where(outlet(sent.source), line(sent.day))}", style="dim italic")
    if new:
        out.append(", new", style="bold")
    return Option(out, id=id, indent=len(mark))


def _side(summary) -> tuple[list[Option], list[tuple[str, str]]]:
    from tui.engine.quotes.groups import quoted

    out = [heading("Quotes by speaker")]
    # "yet" only while some of its articles wait for their analysis (the head says "analysing ..." then);
    # afterwards the words of the article's summary pane and the entity page
    yet = "" if summary.analysed else " yet"
    if not summary.quotes:
        out.append(Option(Text(f"No quotes found{yet}."), disabled=True))
    for g, group in enumerate(summary.quotes):
        out.append(heading(cut(group.speaker) or "Unknown speaker", "bold"))
        for q, quote in enumerate(group.quotes):
            # after the writer's words that lead into it, if any (a quotation that finishes their sentence), as the
            # article's key quotes show it
            entry = Text(line(quoted(quote.text, quote.lead)))
            entry.append(f"\n  — {quote_where(quote)}", style="dim italic")
            # wrapped under the text, not its “ (or under the writer's words that lead into it)
            out.append(Option(entry, id=f"q:{g}:{q}", indent=0 if quote.lead else 1))
    entity_names: list[tuple[str, str]] = []
    by_type: dict[str, list] = {}
    for entity in summary.entities:
        by_type.setdefault(type_of(entity.label), []).append(entity)
    out.append(heading("Entities"))
    if not by_type:  # the heading stayed out and the list just ended
        out.append(Option(Text(f"No entities found{yet}."), disabled=True))
    for key, _name, plural, _labels in TYPES:
        group = by_type.get(key, [])
        for number, entity in enumerate(group):
            if number == 0:
                out.append(heading(f"{plural} ({len(group)})", "bold"))  # as the article's summary pane lists them
            entity_names.append((key, entity.name))
            arts = entity.articles  # how many of the story's articles mention it
            entry = Text("  " + cut(entity.name))  # a name cut with "…", as the article's summary pane cuts it
            entry.append(f" ×{entity.count} · {arts} article{'s' if arts != 1 else ''}", style="dim")
            out.append(Option(entry, id=f"e:{len(entity_names) - 1}", indent=4))
    return out, entity_names


CHUNK = 100  # items a piece in `plain`'s answer: each piece is loaded apart (pickle.loads holds the GIL throughout)


def plain(built: tuple, widths: tuple[int, int]) -> tuple:
    """build's answer (from the story view's summary process: tui/stories/summary_child.py) wrapped for the view's
    two lists' widths (wrap_all) and made plain data, for `from_plain` in the app: (head, title, entity names, and
    for each list its width, its items as pickled pieces of CHUNK and wrap_all's answer). Rich Text took ten times
    longer to unpickle than to build (session 29); these strings, numbers and tuples load in ~1 ms a hundred items,
    a piece at a time, and turning them into items costs the app a fraction of building and wrapping them (the
    wrapping was three quarters of it)."""
    import pickle

    from tui.app.widgets.summary_items import wrap_all

    head, title, text, side, names = built
    lists = []
    for options, width in zip((text, side), widths):
        wrapped = wrap_all(options, width) if width > 0 else None
        items = [_plain_item(o) for o in options]
        pieces = [pickle.dumps(items[i:i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
                  for i in range(0, len(items), CHUNK)]
        lists.append((width if wrapped is not None else 0, pieces, wrapped))
    return head, title, names, tuple(lists)


def _style(style) -> str:
    return style if isinstance(style, str) else str(style)  # (build's styles are names: "dim", "bold underline")


def _plain_item(option: Option) -> tuple:
    prompt = option.prompt
    return ((prompt.plain, _style(prompt.style), tuple((s.start, s.end, _style(s.style)) for s in prompt.spans)),
            option.id, option.disabled, option.heading, option.rule, option.indent, option.keep, option.hang,
            option.spans, option.pads)


def from_plain(data: tuple, pause=None) -> tuple:
    """`plain`'s answer as build's answer, and each list's wrap_all answer at its width: ((head, title, text items,
    side items, entity names), ((width, wrap_all's answer) or None for each list)). The items are PlainOptions (each
    Text made when first drawn). `pause`: called after each piece (a thread of the app lets the UI thread have the
    GIL)."""
    import pickle

    from tui.app.widgets.summary_items import PlainOption

    head, title, names, lists = data
    made = []
    for width, pieces, wrapped in lists:
        options: list[Option] = []
        for piece in pieces:
            options += [PlainOption(*item) for item in pickle.loads(piece)]
            if pause is not None:
                pause()
        made.append((options, (width, wrapped) if wrapped is not None else None))
    (text, text_wrap), (side, side_wrap) = made
    return (head, title, text, side, names), (text_wrap, side_wrap)


def child_items(summary, row, rows: dict, widths) -> tuple:
    """The story view's items for the summary process (tui/stories/summary_child.py): built, wrapped, plain."""
    return plain(build(summary, row, rows), tuple(widths))


def serve() -> None:
    """The story view's summary process (tui/app/parts/summary_child.py starts it): tui/stories/summary_child.py's
    loop, making the view's items too."""
    from tui.stories.summary_child import main

    main(items=child_items)
