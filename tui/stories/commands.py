"""What `newsreader stories | story | who | brief` do (called from tui.commands)."""

from __future__ import annotations

import sqlite3
import sys

from tui.cells import (ADDED_MARK, clip, cut, cut_outlet, cut_title, date_range, fit, fit_source, one_line,
                       outlets_count, outlets_line, plural, printed_where, said_where, since_label, story_figures)
from tui.entity_kinds import word_of
from tui.models import shown_day


def _since(args) -> str:
    from tui.cli import CliError
    from tui.stories.when import parse_since

    try:
        return parse_since(getattr(args, "since", None))
    except ValueError as exc:
        raise CliError(str(exc)) from None


def cmd_stories(args) -> int:
    """List the stories (grouping any article not grouped yet first), or regroup with --rebuild."""
    from tui.commands import open_library
    from tui.store.stories import stories_untrue
    from tui.stories import rebuild, story_rows

    since = _since(args)
    lib = open_library(args)
    try:
        if args.rebuild:
            n = rebuild(lib)
            print(f"regrouped {plural(n, 'article')} into {plural(lib.db.execute('SELECT count(*) FROM stories').fetchone()[0], 'story', 'stories')}",
                  file=sys.stderr)
        else:
            _group_new(lib)
            from tui.stories.method import outdated

            if outdated(lib):
                print("these stories were grouped by an earlier method: `newsreader stories --rebuild` regroups them",
                      file=sys.stderr)
        offset, unreadable = 0, []
        # story tables another program left disagreeing (a hand-made story with no articles), not mended here (a
        # read-only library, or one another program is writing): the stories with an article, counted from their
        # articles, as the app's list shows them (tui/app/parts/library_query.py; it listed the empty one)
        counted = not args.rebuild and stories_untrue(lib)
        # the text lines need only each story's stored figures; JSON lists the article ids and sources
        while True:
            try:
                page = story_rows(lib, offset, 500, since=since, members=bool(args.json), counted=counted)
            except sqlite3.DatabaseError:
                # a damaged page of the story tables: the rest one story at a time, as `list` does with articles
                from tui.store.stories import readable_story_rows

                page = readable_story_rows(lib, offset, 1 << 62, since=since, members=bool(args.json),
                                           unreadable=unreadable)
                _story_lines(args, page)
                offset += len(page)
                break
            if not page:
                break
            _story_lines(args, page)
            offset += len(page)
        from tui.commands import skipped_note

        skipped_note(lib, unreadable, "story", "stories", mark="")
        waiting = 0
        if not offset and not lib.damaged:
            from tui.store.stories import ungrouped_count

            try:
                waiting = ungrouped_count(lib)  # (_group_new named them: "N articles not in a story yet: ...")
            except sqlite3.DatabaseError:
                pass
    finally:
        lib.close()
    if not unreadable and not offset and not args.json and not waiting:
        print("no stories" + (f" since {since_label(since)}" if since else ""), file=sys.stderr)
    return 0


STORY_HEAD_CELLS = 55  # a `stories` row before its title: id, unread, articles, sources, dates and the spaces between


def unread_cell(unread: int) -> str:
    """A `stories` row's unread articles as the app's stories list marks them ("●2", "1k+" from 1,000), with the
    mark `list` gives an unread article ("•2"); blank when every article is read."""
    if unread <= 0:
        return ""
    return "•" + (str(unread) if unread < 1000 else "1k+")


def _story_lines(args, page) -> None:
    from tui.commands import out, out_json, title_cells

    cells = title_cells(STORY_HEAD_CELLS)  # on a terminal, each row fits its width (it wrapped at 80 columns)
    for r in page:
        if args.json:
            out_json({"id": r.id, "title": r.title, "articles": r.article_ids, "sources": r.sources,
                      "first": r.first, "last": r.last, "unread": r.unread})
        elif not args.rebuild:
            # a range as `story` and `brief` write it (it was "2026-03-02..2026-03-05" here alone); the unread articles
            # as the app's list and `brief` count them (walk33: `stories` never said which stories had news)
            # a story of notes only: its days are when they were added, marked "~" as `list` marks such an article's,
            # in the gap before the dates (the dates and titles stay in line)
            mark = ADDED_MARK if r.notes_only else " "
            out(f"{r.id:>6} {unread_cell(r.unread):>4}  {r.rows:>3} art {outlets_count(r.outlets):>2} src {mark}"
                f"{range_cell(r.first, r.last)}  {clip(one_line(r.title), cells)}")


RANGE_CELLS = 24  # "2026-03-02 to 2026-03-05"


def range_cell(first, last) -> str:
    """A `stories` row's dates in exactly RANGE_CELLS cells, whatever the stored days' form: each day one clean line
    cut to ten characters, as the app's stories list reads them (the database is untrusted), the range fitted to the
    column. Padded with format's ":24" alone, a longer form ("~2026-12-05 to 2026-12-07", 25 cells) pushed its
    row's title a column to the right of the others'."""
    return fit(date_range(one_line(first or "")[:10], one_line(last or "")[:10]), RANGE_CELLS)


def _story_dict(s, latest: list[int] | None = None) -> dict:
    """`story --format json`'s object; `latest`: its article ids latest first (_latest_first)."""
    marked, _ = s.news()
    return {
        "id": s.id, "title": s.title, "first": s.first, "last": s.last, "sources": s.sources,
        "articles": latest or s.articles,
        # "new": the line is new against the story's earlier reports (what the text and the story view mark "new");
        # "new_note": said once instead when nearly all of it is new (StorySummary.new_note), else null
        "sentences": [{"text": x.text, "article": x.article, "source": x.source, "date": x.day,
                       "new": (x.article, x.index) in marked} for x in s.sentences],
        "new_note": s.new_note() or None,
        # "lead": the writer's words before a quotation that finishes their sentence (null when it stands alone)
        "quotes": [{"speaker": g.speaker or None, "text": q.text, "lead": q.lead or None, "article": q.article,
                    "source": q.source, "sources": q.sources, "date": q.day} for g in s.quotes for q in g.quotes],
        "entities": [{"label": e.label, "name": e.name, "count": e.count, "articles": e.articles} for e in s.entities],
        "new": [{"text": x.text, "article": x.article, "source": x.source, "date": x.day} for x in s.new],
    }


def _latest_first(lib, ids: list[int]) -> list[int]:
    """A story's article ids in the order `stories --json` and the story view list them (tui.store.stories.latest_key:
    latest first); `story --format json` gave them oldest first, the reverse of `stories --json` (walk31). Ids whose row
    cannot be read keep their place after the others."""
    from tui.store.stories import latest_key

    try:
        rows = {r.id: r for r in lib.rows_by_id(list(ids))}
    except sqlite3.DatabaseError:
        return ids[::-1]
    return [r.id for r in sorted((rows[i] for i in ids if i in rows), key=latest_key, reverse=True)] + \
        [i for i in ids if i not in rows]


def cmd_story(args) -> int:
    """Print one story's summary (text, Markdown or JSON). The head of the text or the Markdown (title, articles, dates,
    outlets) is printed as soon as the story's row is read, before the summary is made (3.6 s for a big story: it
    printed nothing until then); on a terminal a line says the summary is being made until it comes (into a pipe,
    nothing but the text). JSON is one document, at the end."""
    from tui.cli import CliError
    from tui.commands import open_library, out, out_json
    from tui.store.library import fits_row_id
    from tui.stories import story_summary

    lib = open_library(args)
    waiting = ""
    try:
        writable = _group_new(lib)
        # the Markdown's head as well (it printed nothing until the summary was made, with no line saying why: cli38)
        early = args.format in ("text", "md") and fits_row_id(args.id)
        head = _story_head(lib, args.id, args.format == "md") if early else None
        if head is not None:
            lines, rows = head
            out("\n".join(lines))
            sys.stdout.flush()  # (through a pipe too: `story 7 | less` shows the head while the summary is made)
            waiting = _say_summarising(len(rows) if rows is not None else 0)
        # an id past SQLite's integers names no story (the query refused it: "OverflowError: Python int too large")
        # a damaged or read-only library is read, never written: articles not analysed yet are not analysed (and
        # cached) for it, their sentences are split as the summary needs them ("is damaged ... nothing was written")
        # (an analysis made here is stored when the library can be written within a second, else not: articles.Cache)
        with lib.impatient():
            s = (story_summary(lib, args.id, sentences=args.sentences, words=args.words, analyse=writable)
                 if fits_row_id(args.id) and (head is not None or not early) else None)
        latest = _latest_first(lib, s.articles) if s is not None and args.format == "json" else None
        if s is not None and args.format == "text" and head is None:
            rows = _article_rows(lib, s.articles)
    finally:
        _wipe(waiting)
        lib.close()
    if s is None:
        raise CliError(f"no story with id {args.id}")
    if args.format == "json":
        out_json(_story_dict(s, latest))
    elif args.format == "md":
        text = story_markdown(s).rstrip("\n")
        if head is not None:  # (the head as printed: the rest of the same text)
            text = text.split("\n", len(head[0]))[-1]
        out(text)
    else:
        from tui.commands import title_cells

        text = story_text(s, rows, title_cells(WHO_HEAD_CELLS))
        if head is not None:  # (the head as printed: the rest of the same text)
            text = text.split("\n", len(head[0]))[-1]
        out(text)
    return 0


def _story_head(lib, story_id: int, markdown: bool = False) -> tuple[list[str], list | None] | None:
    """(the head lines of `story`'s text, or of its Markdown, its article rows: _article_rows) from the story's row,
    before its summary is made; None when there is no such story."""
    from tui.store.stories import story_row

    try:
        row = story_row(lib, story_id)
    except sqlite3.DatabaseError:
        row = None
    if row is None:
        return None
    rows = _article_rows(lib, row.article_ids)
    if markdown:
        return markdown_head(row.title, row.rows, row.first, row.last, row.sources), rows
    return story_head(row.title, row.rows, row.first, row.last, row.sources, rows), rows


def _say_summarising(articles: int) -> str:
    """On a terminal, a line saying the summary is being made (wiped when it comes: _wipe); the line, else ""."""
    from tui.commands import terminal_columns

    if not terminal_columns():
        return ""
    line = f"making the summary of {plural(articles, 'article')}…"
    sys.stdout.write(line)
    sys.stdout.flush()
    return line


def _wipe(line: str) -> None:
    if line:
        from tui.cells import width

        sys.stdout.write("\r" + " " * width(line) + "\r")
        sys.stdout.flush()


STORY_ARTICLES = 50  # `story`'s Articles list shows this many (`--format json` has every id), as `who`'s does


def _article_rows(lib, ids: list[int]) -> list | None:
    """The story's articles as the story view lists them: latest first, a text two outlets printed one row (the
    other's outlet named on it); None when they cannot be read (a damaged page: the list is left out)."""
    from tui.store.stories import latest_key

    try:
        rows = lib.rows_by_id(list(ids))
    except sqlite3.DatabaseError:
        return None
    copies = {t for r in rows for t in r.twins if t != r.id}
    return sorted((r for r in rows if r.id not in copies), key=latest_key, reverse=True)


def article_line(row, cells: int | None) -> str:
    """One article as `who` and `story` list it: "•" unread (as `list` marks a row, the story view and the entity
    page a line), its day, id, outlet(s) and title."""
    source = fit_source(row, 16)  # (one clean line before it is cut: a cut escape sequence left "8;;htt" behind)
    day = shown_day(row.published, row.sort_key) or "----------"  # the list's day (a time on the reader's clock)
    return f"{'•' if not row.read else ' '} {day:10}  #{row.id:<6} {source}  {clip(one_line(row.title), cells)}"


def _at(*parts: str, sep: str = ", ") -> str:
    """The parts that are there, joined (a summary line says where it comes from with tui.cells.said_where)."""
    return sep.join(p for p in parts if p)


def story_text(s, rows: list | None = None, cells: int | None = None) -> str:
    """A story summary as plain text; its title and names cut with "…" as the story view cuts them (Markdown and
    JSON have them whole). `rows`: its articles (_article_rows), listed after what's new as the story view lists
    them, each title cut at `cells` (walk33: `story` named no article but by the id of a summary line, and said
    nothing of what was unread)."""
    # its unread articles in the story view's words ("15 articles · 3 unread · ..."; none said when all are read): it
    # said none (walk36); counted on its article rows, as the view counts its lines (a copy of a text is no row)
    lines = story_head(s.title, s.rows, s.first, s.last, s.sources, rows)
    if s.bounded:
        lines.append(bounded_line(s))
    if note := s.new_note() or s.new_key():  # nearly all of it new: said once, no line marked; else what "new" means
        lines.append(note)
    lines.append("")
    marked, rest = s.news()  # a new sentence the summary shows is marked there, not printed twice
    lines += [f"{n}. {x.text}  [" + said_where(cut_outlet(x.source), x.day, (x.article, x.index) in marked,
                                               f"#{x.article}") + "]" for n, x in enumerate(s.sentences, 1)]
    if rest:
        lines += ["", "What's new:"] + [f"- {x.text}  [{said_where(cut_outlet(x.source), x.day)}]" for x in rest]
    if rows:
        lines += ["", "Articles:"] + [article_line(r, cells) for r in rows[:STORY_ARTICLES]]
        if len(rows) > STORY_ARTICLES:
            lines.append(f"  … and {len(rows) - STORY_ARTICLES:,} more (`--format json` lists every article's id)")
    if s.quotes:
        from tui.engine.quotes.groups import quoted  # (after the writer's words that lead into it, if any)

        lines += ["", "Quotes:"]
        for g in s.quotes:
            lines.append(f"  {cut(g.speaker) or '(unattributed)'}")
            lines += [f"    {quoted(q.text, q.lead)}  [{printed_where(outlets_line(q.sources))}]" for q in g.quotes]
    if s.entities:
        lines += ["", "Entities: " + ", ".join(f"{cut(e.name)} ({word_of(e.label)}, {plural(e.articles, 'article')})"
                                             for e in s.entities[:25])]
    return "\n".join(lines)


def story_head(title: str, count: int, first: str, last: str, sources, rows: list | None) -> list[str]:
    """story_text's first two lines: its title, then its figures (`count` articles, a copy of a text counted once; the
    unread among `rows`)."""
    unread = sum(1 for r in rows if not r.read) if rows else 0
    return [cut_title(title), story_figures(count, first, last, sources, unread=unread or None)]


def bounded_line(s) -> str:
    """What a story summary above articles.CAP articles was made from (its sentences, quotes and entities): of its
    articles as its head counts them (`rows`: a text two outlets printed once; it said "412 articles" over "from 60
    of its 1001 articles", which counted the copies)."""
    return (f"Summarised from {s.read} of its {s.rows} articles: the first, the latest day's, then one per "
            "outlet per day across its dates")


def story_markdown(s, title: str = "") -> str:
    """A story summary as Markdown: what `story --format md` prints and `Y` copies in the story view (they were two
    texts: the copy had no "What's new" and no "new" marks, the command no "## Summary" heading, each its own head
    line). Title (`title`, the story's row title, else its own), articles, outlets and dates, the summary (each line's
    outlet and day, "new" when the latest day adds it), what else is new, the quotes by speaker. One line per
    sentence, control characters left out."""
    from tui.textsafe import md_literal

    one = _md_words

    def where(x, new: bool = False) -> str:
        return f" *({said_where(one(x.source), one(x.day), new)})*"

    lines = markdown_head(title or s.title, s.rows, s.first, s.last, s.sources) + [""]
    if s.bounded:
        lines += [f"*{bounded_line(s)}*", ""]
    if note := s.new_note() or s.new_key():
        lines += [f"*{note}*", ""]
    marked, rest = s.news()
    if s.sentences:
        lines += ["## Summary", ""] + [f"- {one(x.text)}{where(x, (x.article, x.index) in marked)}"
                                       for x in s.sentences] + [""]
    if rest:
        lines += ["## What's new", ""] + [f"- {one(x.text)}{where(x)}" for x in rest] + [""]
    quotes = story_quote_lines(s)
    if quotes:
        lines += ["## Key quotes", ""] + [f"> {md_literal(q)}\n" for q in quotes]
    return "\n".join(lines).rstrip() + "\n"


def _md_words(text) -> str:
    """Untrusted words on one line of Markdown (the articles' words read as words: no link, HTML or code span of theirs
    is live), control characters left out."""
    from tui.textsafe import clean, md_literal

    return md_literal(" ".join(clean(text or "").split()))


def markdown_head(title: str, count: int, first, last, sources) -> list[str]:
    """story_markdown's first three lines: its title, a blank line, its figures (`count` articles, the dates and the
    outlets; no unread count: a copy to share)."""
    figures = story_figures(count, first, last, [_md_words(x) for x in sources], whole=True)
    return [f"# {_md_words(title)}", "", f"*{figures}*"]


def story_quote_lines(s) -> list[str]:
    """The story's quotes by speaker, one a line: “Quote” — Speaker (Source, and every other outlet that printed it,
    as the story view names them): what `y` copies in the story view and the Markdown's key quotes."""
    from tui.engine.quotes.groups import quoted
    from tui.stories.briefing import quote_outlets
    from tui.textsafe import clean

    def one(text) -> str:
        return " ".join(clean(text or "").split())

    lines = []
    for group in s.quotes if s else []:
        for quote in group.quotes:
            outlets = quote_outlets(quote, one)
            tail = f" ({printed_where(', '.join(outlets))})"
            speaker = one(group.speaker)
            # after the writer's words that lead into it, if any (as the article's key quotes are copied)
            lines.append(one(quoted(quote.text, getattr(quote, "lead", ""))) + (f" — {speaker}" if speaker else "")
                         + tail)
    return lines


WHO_HEAD_CELLS = 40  # a `who` article row before its title: indent, date, id, source and the spaces between


def cmd_who(args) -> int:
    """Print one entity's page: articles over time, co-occurring entities, quotes newest first."""
    from tui.cli import CliError
    from tui.commands import open_library, out, out_json, title_cells
    from tui.stories import Several, who

    if not args.name.strip():  # a usage error, exit 2, as a missing NAME is (it was exit 1, naming no --help)
        from tui.cli import UsageError

        raise UsageError("who needs a name (e.g. newsreader who \"Maria Silva\")")
    lib = open_library(args)
    try:
        # Analysed on the way when the library can be written, and when it is read-only (not damaged): what cannot be
        # stored (another program's write lock not let go within a second, as `story`; a read-only library) is used
        # for this page and not stored. A read-only library found no one not analysed yet, and said to run
        # `newsreader analyze`, which cannot run there.
        analyse = _writable(lib) or (lib.readonly and not lib.damaged)
        with lib.impatient():
            p = who(lib, args.name, analyse=analyse)
        nobody = _nobody(lib, args.name, analyse) if p is None else None
        rows = {}
        if p is not None and not isinstance(p, Several):  # articles whose mentions are on a damaged page: named, as `list` names its rows
            from tui.commands import skipped_note

            skipped_note(lib, p.skipped, "article")
            rows = _rows_of(lib, [a["id"] for a in p.articles if type(a.get("id")) is int])
    finally:
        lib.close()
    if nobody:  # raised once the library is closed: a damaged one's warning is said first (close says it)
        raise CliError(nobody)
    if isinstance(p, Several):
        return _several(p, args.json)
    if args.json:
        # each article's "read", as the entity page marks it (null when its row cannot be read)
        articles = [{**a, "read": bool(rows[a["id"]].read) if a.get("id") in rows else None} for a in p.articles]
        out_json({"name": p.name, "label": p.label, "aliases": p.aliases, "articles": articles,
                  "timeline": [{"month": m, "articles": n} for m, n in p.timeline],
                  "cooccurring": p.cooccurring, "quotes": p.quotes})
        return 0
    # names and titles cut with "…" as the entity page and `list` cut them (--json has them whole)
    aliases = ", ".join(cut(a) for a in p.aliases if a != p.name)
    # a text printed by two outlets is one line ("Coastline Daily +1") and one article, as in `list` and the app
    twins = {t for r in rows.values() for t in r.twins}
    shown = [a for a in p.articles if a.get("id") not in twins]
    # more articles than the page lists (the newest 500): all of them counted, the page's say which it read (walk34)
    counted = plural(len(p.all_days), "article") + f" (the newest {len(shown)} listed and quoted)" if p.capped else \
        plural(len(shown), "article")
    out(f"{cut(p.name)} ({word_of(p.label)}) — {counted}" + (f"; also written {aliases}" if aliases else ""))
    out("")
    out("Articles:")
    cells = title_cells(WHO_HEAD_CELLS)  # on a terminal, each row fits its width (it wrapped at 80 columns)
    for a in shown[:50]:
        row = rows.get(a["id"])
        source = fit_source(row, 16) if row is not None else fit(one_line(a["source"]), 16)
        # "•" unread, as `list` marks a row and the entity page its line (walk33: `who` said nothing of it)
        mark = "•" if row is not None and not row.read else " "
        out(f"{mark} {a['day'] or '----------':10}  #{a['id']:<6} {source}  {clip(one_line(a['title']), cells)}")
    if p.cooccurring:
        out("")
        # each with its kind and what its count counts, as `story` names its entities ("Kellmouth (3)" said neither)
        out("Appears with: " + ", ".join(f"{cut(c['name'])} ({word_of(c['label'])}, {plural(c['articles'], 'article')})"
                                         for c in p.cooccurring[:15]))
    out("")
    out("Quotes:" if p.quotes else "Quotes: none found")
    if p.quotes:
        from tui.engine.quotes.groups import quoted  # (after the writer's words that lead into it, if any)
    for q in p.quotes:
        # the article whose words are shown first, then the other printings of nearly the same words ("#7, also #3")
        also = [a for a in q.get("articles") or () if a != q["article"]]
        where = printed_where(outlets_line(q["sources"]),
                              "#" + str(q["article"]) + (", also #" + ", #".join(map(str, also)) if also else ""))
        out(f"  {q['day']}  {quoted(q['text'], q.get('lead'))}  [{where}]")
    return 0


def _several(several, as_json: bool) -> int:
    """`who WORD` where the word is part of several people's names: each of them on a line with the articles that name
    them in full, and how to pick one (exit 1: no page was printed). `--json`: {"query", "people": [{"name",
    "articles"}], "total"}."""
    import shlex

    from tui.cells import echoed
    from tui.commands import out, out_json
    from tui.textsafe import visible

    if as_json:
        out_json({"query": several.query, "people": [{"name": nm, "articles": n} for nm, n in several.people],
                  "total": several.total})
        return 1
    out(f"{echoed(several.query)!r} is part of {several.total} people's names in the library:")
    for nm, n in several.people:
        out(f"  {cut(nm)}  ({plural(n, 'article')})")
    if several.total > len(several.people):
        out(f"  … and {several.total - len(several.people)} more")
    first = visible(" ".join(several.people[0][0].split())) if several.people else ""
    out(f"Name one in full, e.g. newsreader who {shlex.quote(first)}")
    return 1


def _nobody(lib, name: str, analysed: bool) -> str:
    """Why `who NAME` found no one, in one line. It said "(run `newsreader analyze` first?)" every time: in an empty
    library, and where `who` had just analysed every article holding the name's last word itself (up to
    people.ANALYSE_LIMIT of them) — analysing the whole library would find no one either."""
    from tui.stories.people import ANALYSE_LIMIT

    if lib.count() == 0:
        return f"no entity named {name!r}: the library is empty"
    holding = len(lib.ids(search=name.split()[-1] + " ", twins=True)[:ANALYSE_LIMIT + 1])
    if analysed and holding <= ANALYSE_LIMIT:
        return f"no entity named {name!r} in the library"
    return f"no entity named {name!r} in the analysed library (run `newsreader analyze` first?)"


def _rows_of(lib, ids: list[int]) -> dict:
    """{id: ArticleRow} of the articles (their twins and outlets), {} when they cannot be read (a damaged page)."""
    import sqlite3

    try:
        return {r.id: r for r in lib.rows_by_id(ids)}
    except sqlite3.DatabaseError:
        return {}


def cmd_brief(args) -> int:
    """Print the briefing (text or Markdown), each story as soon as it is summarised: the stories are ranked from
    their stored figures, so the heading and the first story come before the others are read (it printed nothing
    until all ten were summarised: 3 min 15 s at 100,000 articles, its biggest stories hundreds of articles each)."""
    from tui.commands import open_library, out
    from tui.stories.briefing import iter_briefing, markdown_blocks, quote_lines, ranked, text_blocks

    since = _since(args)
    lib = open_library(args)
    try:
        writable = _group_new(lib)
        with lib.impatient():
            # how many of how many unread stories it shows, said first as the app's head says it (it said "Briefing")
            problems: list[str] = []
            rows, total = ranked(lib, since, args.limit, problems)
            if problems and not lib.damaged:  # (a damaged library is said once, by the reading commands' warning)
                from tui.cells import figures_problem

                print(f"warning: {figures_problem(problems[0])}", file=sys.stderr)
            items = iter_briefing(lib, since=since, limit=args.limit, sentences=args.sentences,
                                  analyse=writable, rows=rows)  # as `story`
            if getattr(args, "quotes", False):
                said = False
                for text in quote_lines(items):
                    out(text)
                    sys.stdout.flush()
                    said = True
                if not said:
                    print("no quotes in the briefing", file=sys.stderr)
            else:
                blocks = (markdown_blocks if args.format == "md" else text_blocks)(items, since, len(rows), total)
                for n, block in enumerate(blocks):
                    if n:
                        out("")
                    out(block.rstrip())
                    sys.stdout.flush()  # each story as it comes, through a pipe too
    finally:
        lib.close()
    return 0


def _writable(lib) -> bool:
    """The library can be written now (not damaged, not read-only, no other program writing it for long): these
    commands may analyse and group in it; otherwise they show it as it is."""
    return lib.free_to_write()


def _group_new(lib) -> bool:
    """Group the articles not grouped yet, and regroup those still waiting for their window (placed a few at a time
    since the last one: tui.stories.settle), when the library can be written: these commands answer "what are the
    stories now", as the articles would be grouped at once (one window's work, then nothing until articles land).
    A damaged or read-only library, or one another program is writing (the app importing or grouping), is shown as
    it is (these commands are reading commands there, tui/commands.py READING_COMMANDS), with one line on stderr
    when articles are left out of the stories for it (a damaged library has its own warning). Returns whether the
    library could be written (the command's analyses are stored then)."""
    from tui.store.library import LibraryBusy, StoreError
    from tui.store.stories import ungrouped_count
    from tui.stories import settle
    from tui.textsafe import visible

    writable = _writable(lib)
    if writable:
        try:
            with lib.impatient():  # another writer may come after the check: given up on as if it had been there
                settle(lib)
        except LibraryBusy:
            writable = False
        except (StoreError, sqlite3.DatabaseError) as exc:  # a row the store refuses: the stories as they were
            print(f"the stories were not regrouped: {visible(str(exc).splitlines()[0] if str(exc) else '')}",
                  file=sys.stderr)
            return True
    try:
        waiting = ungrouped_count(lib) if not lib.damaged else 0
    except sqlite3.DatabaseError:
        waiting = 0
    if waiting > 0:
        # (settled, articles left: another grouper holds the lease, the app's or a second command's, and places them;
        # `stories` said "no stories" of a library whose articles it was grouping at that moment)
        why = ("another program is grouping them; run it again in a moment" if writable else
               "the library is read-only" if lib.readonly else
               "another program is writing the library; run it again later")
        print(f"{plural(waiting, 'article')} not in a story yet: {why}", file=sys.stderr)
    return writable
