"""Text for terminal columns and counts: display width (CJK and other wide characters take two cells,
combining marks none), fitting a column, untrusted names cut to a bound ("…"), and "1 sentence" / "2 sentences".
Standard library only, so the CLI stays light."""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"


def char_width(ch: str) -> int:
    """Terminal cells of one character: 2 for wide and fullwidth (East Asian), 0 for combining and
    zero-width marks and controls, else 1."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Terminal cells `text` takes on one line."""
    if text.isascii() and text.isprintable():
        return len(text)  # no control character: one cell each
    return sum(char_width(ch) for ch in text)


def fit(text: str, cells: int, align: str = "<") -> str:
    """`text` in exactly `cells` cells: cut with an ellipsis when longer, padded with spaces when shorter
    ("<" left-aligned, ">" right-aligned)."""
    text = clip(text, cells)
    pad = " " * (cells - width(text))
    return text + pad if align == "<" else pad + text


def fit_source(row, cells: int) -> str:
    """A list row's source cell in exactly `cells` cells: its outlet cut with "…" and, for a text printed by several
    outlets, the count of the others kept ("Coastline Dai… +1"; `fit` cut the "+1" away: "Coastline Daily…")."""
    outlets = [x for x in (getattr(row, "outlets", None) or ()) if x]
    if len(outlets) < 2:
        return fit(one_line(row.source or ""), cells)
    more = f" +{len(outlets) - 1}"
    return fit(clip(one_line(outlets[0]), max(1, cells - len(more))) + more, cells)


def clip(text: str, cells: int) -> str:
    """`text` as it is when it fits in `cells` cells, else cut to `cells - 1` cells and ended with an ellipsis.
    Reads no further into `text` than it must (a 100 KB search is measured up to its first `cells` cells)."""
    if text.isascii() and text.isprintable():  # one cell a character (an import's titles: ~1 ms each otherwise)
        return text if len(text) <= cells or not text else text[:max(0, cells - 1)] + ELLIPSIS
    cut_at, used = None, 0
    for i, ch in enumerate(text):
        used += char_width(ch)
        if used > cells - 1 and cut_at is None:
            cut_at = i
        if used > cells:
            return text[:cut_at] + ELLIPSIS
    return text


# How much of an untrusted name a screen or a text output shows (the app's pages and the CLI's text formats alike; JSON
# and Markdown outputs keep it whole): a feed item may carry a 2,000-character title, a feed may call itself anything.
TITLE_CELLS = 200  # an article's or story's title in a list (headlines are under 150 characters)
HEADER_TITLE_CELLS = 300  # the title above an article's text
OUTLET_CELLS = 40  # an outlet's (a source's, a feed's) name in a list, as the library's status line cuts a feed's
ECHO_CELLS = 80  # what a user typed, echoed in a message or an error (`echoed`)
NAME_CELLS = 60  # a source, byline, feed, person or other entity named on its own


def one_line(text: str) -> str:
    """Untrusted text as one clean line (escape sequences and controls removed, every run of spaces one space), without
    the characters terminals and Textual measure differently (textsafe.even_width: a 👍🏽 in a title pushed the pane's
    border out in tmux)."""
    from tui.textsafe import clean, even_width

    return even_width(" ".join(clean(text or "").split()))


def echoed(text: str, cells: int = ECHO_CELLS) -> str:
    """What a user typed (a search, a path, a URL), echoed in a message: one clean line of at most `cells` cells; a
    longer one keeps its start and its end with "…" between them, where a path's file name or a URL's feed is.
    A 100 KB search was echoed whole ("no articles match '...'")."""
    line = one_line(text)
    if len(line) <= cells and width(line) <= cells:
        return line
    head = clip(line, cells // 3 + 1)[:-1]  # its first third, without clip's own "…"
    tail, used = [], width(head) + 1
    for ch in reversed(line):
        used += char_width(ch)
        if used > cells:
            break
        tail.append(ch)
    return head + ELLIPSIS + "".join(reversed(tail))


def url_cell(url: str, cells: int) -> str:
    """A URL (untrusted: one clean line) in at most `cells` cells, its host kept: whole when it fits; else without its
    scheme and a leading "www."; else the host, then "/…" and the end of its path (the feed's file); a host too long
    for the cells is cut at its end. `echoed` kept the URL's first third, and `feed list` at 80 columns showed
    "http…rss.xml" (close-s34)."""
    line = one_line(url)
    if width(line) <= cells:
        return line
    scheme = line.find("://")
    rest = line[scheme + 3:] if 0 < scheme < 12 else line
    if rest[:4].lower() == "www.":
        rest = rest[4:]
    if width(rest) <= cells:
        return rest
    host, _, path = rest.partition("/")
    if width(host) + 3 > cells or not path:
        return clip(rest, cells)
    tail, used = [], width(host) + 2  # host, "/" and "…"
    for ch in reversed(path):
        used += char_width(ch)
        if used > cells:
            break
        tail.append(ch)
    return f"{host}/{ELLIPSIS}{''.join(reversed(tail))}"


UNREADABLE_ADDRESS = "a feed with an unreadable address"


def feed_address(url, cells: int | None = None) -> str:
    """A subscribed feed's stored URL as said ("already subscribed as ..."): one safe line, in at most `cells` cells
    with its host and its end kept (`url_cell`); a URL that reads as nothing (empty, or not text: a BLOB the store
    reads as "") is UNREADABLE_ADDRESS. It said "(already subscribed as )"."""
    from tui.textsafe import visible

    shown = visible(url) if isinstance(url, str) else ""
    if not shown.strip():
        return UNREADABLE_ADDRESS
    return url_cell(shown, cells) if cells else shown


URL_BREAKS = ("/", "?&#", "-_.=+,;~")  # where a link is broken across lines, best first: after a "/", before a "?",
# "&" or "#", after a "-", "." and the like


def link_lines(url: str, cells: int, most: int = 3) -> list[str]:
    """A link (untrusted: one clean line) as at most `most` lines of at most `cells` cells each, broken where it reads
    as parts of a link (after a "/", before a "?" or "&", after a "-"), not inside a word where a break point is near.
    A link too long for the lines leaves out folders of its path from the middle ("https://host/…/the-article"), then
    (a giant name) keeps its start and end with "…" between them (`echoed`). A toast wrapped it wherever its line
    ended ("…/ice-breaker-arrives-ea" / "rly-in-port-ellin")."""
    cells = max(8, cells)
    line = one_line(url)
    scheme, sep, rest = line.partition("://")
    host, slash, path = rest.partition("/") if sep else ("", "", "")
    parts = path.split("/") if slash else []
    return _folders_left_out(line, f"{scheme}://{host}/", parts, cells, most)


def path_lines(path: str, cells: int, most: int = 2) -> list[str]:
    """A file's path (untrusted: one clean line) as at most `most` lines of at most `cells` cells each, broken after a
    "/" (as link_lines breaks a link); one too long for them leaves folders out of its middle
    ("~/…/log/newsreader.log"), then keeps its start and end with "…" between them. A toast folded the app's log path
    wherever its line ended ("~/.local/state/newsreader/log/newsre" / "ader.log)")."""
    cells = max(8, cells)
    line = one_line(path)
    head, slash, rest = line.partition("/")  # "~", or "" before an absolute path's first "/"
    parts = rest.split("/") if slash else []
    return _folders_left_out(line, f"{head}/", parts, cells, most)


def _folders_left_out(line: str, prefix: str, parts: list[str], cells: int, most: int) -> list[str]:
    """`line` (`prefix` + "/".join(`parts`)) broken into at most `most` lines of `cells`: folders of `parts` left out
    of the middle one by one ("…") until it fits, then its start and end kept with "…" between them."""
    while True:
        lines = _broken(line, cells)
        if len(lines) <= most:
            return lines
        if len(parts) > 2 or (len(parts) == 2 and parts[0] != ELLIPSIS):  # a folder more left out
            parts = [ELLIPSIS, *parts[2:]] if parts[0] == ELLIPSIS else [ELLIPSIS, *parts[1:]]
            line = prefix + "/".join(parts)
            continue
        return _broken(echoed(line, cells * most - cells // 2), cells)[:most]


def _broken(line: str, cells: int) -> list[str]:
    lines: list[str] = []
    while width(line) > cells:
        fits = len(clip(line, cells + 1)) - 1 if not line.isascii() else cells  # characters within `cells` cells
        at = 0
        for marks in URL_BREAKS:  # the last break of the best kind within the line, past its first third
            for i in range(fits, max(1, fits // 3) - 1, -1):
                before, after = line[i - 1], line[i] if i < len(line) else ""
                if (marks == "?&#" and after in marks) or (marks != "?&#" and before in marks):
                    at = i
                    break
            if at:
                break
        at = at or fits  # no break point near: cut where the line ends
        lines.append(line[:at])
        line = line[at:]
    return lines + [line] if line else lines


def cut(text: str, cells: int = NAME_CELLS) -> str:
    """Untrusted text as one clean line of at most `cells` cells, cut with "…"."""
    return clip(one_line(text), cells)


def cut_title(text: str) -> str:
    """An article's or story's title in a list (TITLE_CELLS)."""
    return clip(one_line(text), TITLE_CELLS)


def cut_outlet(text: str) -> str:
    """An outlet's name in a list (OUTLET_CELLS)."""
    return clip(one_line(text), OUTLET_CELLS)


def outlets_line(names, most: int = 6) -> str:
    """Outlets' names for a text line: the first `most`, each cut at OUTLET_CELLS, then "+N more" (a story carried by
    forty outlets listed all forty, each up to 40 cells, on one line)."""
    names = [n for n in names if n]
    shown = ", ".join(cut_outlet(n) for n in names[:most])
    return shown + (f" +{len(names) - most} more" if len(names) > most else "")


MOST_OUTLETS = 6  # outlets a story's figures name, at most (then "+N more")


def quoted_by(sources) -> str:
    """The outlets that printed one quote, when more than one did, each once: the first MOST_OUTLETS, then "+N more"
    (as `story` and `brief` name them); "" for one or none. The story view and the briefing screen cut them to four
    and said nothing of the rest (session 37)."""
    names = list(dict.fromkeys(x for x in (sources or ()) if isinstance(x, str) and x.strip()))
    return outlets_line(names, MOST_OUTLETS) if len(names) > 1 else ""
SHORTEST_OUTLET = 8  # cells of a first outlet's name cut to fit a width ("Harbour…"), at least


def story_figures(articles: int, first: str, last: str, names=(), unread: int | None = None,
                  cells: int | None = None, whole: bool = False) -> str:
    """A story's figures, in one wording wherever they are shown (the story view's head, `story`, the briefing screen,
    `brief`, and both Markdowns; they were five: "4 articles · d1 – d2 · 4 outlets (…)", "4 articles, A, B; d1 to
    d2", "4 articles, 3 unread, d1 to d2; A, B", "*… — A, B*", "*4 articles from A, B · d1 to d2*"):
    "4 articles · 3 unread · 2026-11-30 to 2026-12-03 · 4 outlets (A, B, C +1 more)". `unread` where it belongs
    (the briefing, a list of unread stories); the outlets: with `cells`, those that fit that width (`fitted_outlets`),
    `whole` every name whole (Markdown), else the first MOST_OUTLETS cut at OUTLET_CELLS. The days are cut to ten
    characters of one line (a stored story's row is untrusted)."""
    span = date_range(one_line(first or "")[:10], one_line(last or "")[:10])
    head = " · ".join(x for x in (plural(articles, "article"), f"{unread} unread" if unread is not None else "", span)
                      if x)
    names = tuple(x for x in names if x)
    if cells is not None:
        outlets = fitted_outlets(tuple(cut_outlet(n) for n in names), cells - width(head) - 3)
    elif whole:
        outlets = f"{plural(len(names), 'outlet')} ({', '.join(names)})" if names else ""
    else:
        outlets = f"{plural(len(names), 'outlet')} ({outlets_line(names, MOST_OUTLETS)})" if names else ""
    return " · ".join(x for x in (head, outlets) if x)


def fitted_outlets(names: tuple[str, ...], cells: int) -> str:
    """ "N outlets (A, B +K more)" in at most `cells` cells (story_figures' outlets): the names that fit whole, in
    order, up to MOST_OUTLETS; else the first one cut with "…" ("4 outlets (Harbour Gaz… +3 more)"): one way at any
    width (the story view's head said "(A, B +1 more)" at one width and "(A +2)" at another, and before that "and 3
    more" in one head, "+2" in the next, walk32); "N outlets" when not even SHORTEST_OUTLET cells of the first name
    fit; "" when that does not fit either (or there is no outlet: "0 outlets ()" said nothing). Names are never
    skipped: the head passed over a first outlet too long for the line and named a later one, as if it came first."""
    n = len(names)
    if not n:
        return ""
    label = plural(n, "outlet")

    def said(chosen: list[str]) -> str:
        return f"{label} ({', '.join(chosen)}{f' +{n - len(chosen)} more' if n > len(chosen) else ''})"

    chosen: list[str] = []
    for name in names[:MOST_OUTLETS]:
        if width(said(chosen + [name])) > cells:
            break
        chosen.append(name)
    if chosen:
        return said(chosen)
    room = cells - width(said([""]))  # what the first name may take
    if room >= SHORTEST_OUTLET:
        first = clip(names[0], room)
        return said([first[:-2].rstrip() + ELLIPSIS if first.endswith(" " + ELLIPSIS) else first])  # not "Daily …"
    return label if width(label) <= cells else ""


# What follows an outlet's name in a byline that names no writer ("Green Ledger Staff"; the text importer's staff lines,
# tui/importers/text.py, end the same ways).
_STAFF_TAIL = {"staff", "staff writer", "staff writers", "staff reporter", "staff reporters", "newsroom", "news desk",
               "desk", "editorial team", "editorial board", "editors", "correspondent", "correspondents", "reporter",
               "reporters", "wire service", "wire services"}


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in (text or "").casefold()).split())


def source_and_byline(source: str, byline: str) -> tuple[str, str]:
    """The source and the byline as an article's header shows them side by side: a byline that is the source itself
    (a feed whose items name the feed as their author) is not shown again, and one that is the source's staff
    ("Green Ledger Staff" of Green Ledger) stands for both ("Green Ledger · Green Ledger Staff" read as a writer
    named after the paper)."""
    s, b = _words(source), _words(byline)
    if not s or not b:
        return source, byline
    if b == s:
        return source, ""
    if b.startswith(s + " ") and _staff(b[len(s) + 1:]):
        return "", byline
    return source, byline


# A desk or team of the outlet's that names no writer: "Health Desk", "Sports Staff", "Science Team" (a subject, then
# one of these); "Green Ledger Staff" under a paper called "Green" is another paper's staff
_STAFF_LAST = {"staff", "desk", "team", "editors", "writers", "reporters", "correspondents"}
_DESK_SUBJECTS = {"news", "health", "science", "sports", "sport", "politics", "political", "business", "economics",
                  "foreign", "world", "national", "local", "city", "metro", "features", "investigations", "data",
                  "tech", "technology", "culture", "arts", "opinion", "education", "environment", "climate"}


def _staff(tail: str) -> bool:
    """What follows the outlet's name is its staff ("Staff", "News Desk") or one of its desks or teams ("Health Desk":
    the seed's "Northern Courier · Northern Courier Health Desk" named the paper twice)."""
    words = tail.split()
    return tail in _STAFF_TAIL or len(words) == 2 and words[0] in _DESK_SUBJECTS and words[1] in _STAFF_LAST


NO_OUTLETS = "–"  # a story's outlets count where none of its articles names its source (notes): not "0 src"


def outlets_count(outlets: int) -> str:
    """A stories row's outlets figure ("3"), NO_OUTLETS when it is none: the app's stories list and `stories` alike
    (the command said "0 src" where the list said "– src")."""
    return str(outlets) if outlets > 0 else NO_OUTLETS


def date_range(first: str, last: str) -> str:
    """A story's dates as every command writes them: "2026-03-02 to 2026-03-05", one day once ("2026-03-02"; `story`
    wrote "2026-03-02 to 2026-03-02", `stories` once "2026-03-02..2026-03-05"). JSON keeps its two fields."""
    return first if first == last or not last else last if not first else f"{first} to {last}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 sentence", "2 sentences", "0 articles"; `many` for irregular plurals ("1 story", "3 stories")."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def reanalysed_said(seconds: float, entities: int, quotes: int, sentences: int, articles: int | None = None) -> str:
    """The toast that ends an `r`, in the article view and for a story: "Re-analysed in 124 ms: 2 articles, 1 entity,
    1 quote, 3-sentence summary" (walk37: "1 quotes", "1 entities")."""
    counted = ([plural(articles, "article")] if articles is not None else []) + [
        plural(entities, "entity", "entities"), plural(quotes, "quote")]
    return f"Re-analysed in {seconds * 1000:.0f} ms: {', '.join(counted)}, {sentences}-sentence summary"


RANKED = "ranked by size and recency"  # how the briefing orders its stories (the app's head and `brief` say it)


def figures_problem(problem: str) -> str:
    """The line the briefing says under its head when the stories' stored figures could not be read (`problem`, the
    database's words): a table dropped is made again and counted when newsreader next opens the library
    (Library._remake_story_figures); a damaged page, `newsreader doctor` says how to recover."""
    if "no such table" in problem:
        then = "restart newsreader to count them again"
    else:
        then = "`newsreader doctor` says how to recover"
    return f"The stories could not be read ({one_line(problem)}): counted from their articles; {then}."


# what a line's "new" mark means, said once under the count line of the briefing screen, `brief` and its Markdown:
# new against a story's earlier reports, not "unread" (walk33 read a line again, unmarked, and took "new" for unread).
# `brief` said it under each story that marked a line, with its day, and the screen once in its head (session 35)
NEW_KEY = '"new": what a story\'s latest reports add, read or not'


# where a briefing line (or quote) of an article with no outlet (a pasted text, a watched folder's file) comes from,
# before its day: its bullet ended in a bare date, "(2026-12-07)", read as part of the sentence (session 35)
NO_OUTLET = "no outlet"


def said_where(outlet: str, day: str, new: bool = False, *more: str) -> str:
    """Where a summary line comes from, one form everywhere (the briefing screen, the story view, `brief`, `story` and
    their Markdown, the copies `c`/`Y`): "Upland Radio, 2026-11-04", "new" last when the line is new against the story's
    earlier reports, "Upland Radio, 2026-11-04, new"; NO_OUTLET for an article with none. The screens marked it
    "(Outlet, day) · new" where `brief` wrote "(Outlet, day, new)" (session 36). `outlet` and `day` as the caller
    shows them (cut, cleaned); `more` goes before "new" (`story`'s "#12")."""
    return ", ".join(x for x in (outlet or NO_OUTLET, day[:10], *more, "new" if new else "") if x)


def printed_where(outlets: str, *more: str) -> str:
    """Where a quote was printed, one wording everywhere (the story view, the briefing screen, the person page, `story`,
    `brief`, `who`, their Markdown and the copies): its outlets ("Upland Radio", "A, B +3 more"), or NO_OUTLET for an
    article with none (a pasted text, a watched folder's file), then `more` (its day, "#12"). The story view and the
    person page said "— 2026-12-07" where the briefing said "(no outlet, 2026-12-07)", `story` said nothing and `who`
    "[#12]" (session 38)."""
    return ", ".join(x for x in (outlets or NO_OUTLET, *more) if x)


def quote_where(quote) -> str:
    """printed_where of a story's quote (StoryQuote) as the screens show it under the quote: the outlets that printed
    it when more than one did (quoted_by), else its own cut to OUTLET_CELLS, then its day."""
    return printed_where(quoted_by(quote.sources) or cut_outlet(quote.source or ""), one_line(quote.day or "")[:10])


def count_words(shown: int, total: int) -> str:
    """"10 of 24 unread stories" (the briefing shows the best `shown` of `total`), or "3 unread stories"."""
    return f"{shown} of {total} unread stories" if total > shown else plural(shown, "unread story", "unread stories")


def since_label(since: str) -> str:
    """A parsed --since WHEN (tui.stories.when) as a heading says it: the ISO day, or the UTC time on the reader's
    clock ("2026-01-14 09:30")."""
    return local_time(since) if len(since) > 10 else since


def published_label(published: str | None, at: str | None, added: str | None = None) -> str:
    """An article's date as its header and `show` say it: the time its feed gave (UTC, `Article.published_at`) on the
    reader's clock, "2026-12-06 18:45", else its day; an article with no date of its own, the time it came into the
    library, said so: "added 2026-12-07 10:28" (`added`, UTC as stored; "" when it has none either)."""
    if published:
        return local_time(at) if at else published
    return f"added {local_time(added)}" if added else ""


ADDED_MARK = "~"  # before a list row's date that is not the article's own: when it came into the library


def row_date(row, today: str) -> str:
    """A list row's date (10 cells at most): its day; where its feed gave a time, that time's day on the reader's
    clock, or the time alone when that is `today` ("18:45"): newest first within a day is by that time, and it shows.
    An article with no date of its own sorts by when it was added, and shows that time marked as such (ADDED_MARK,
    on the reader's clock): "~10:28" today, else the day with its year in two digits, "~26-12-07"."""
    if row.published:
        if at := row.published_at:
            local = local_time(at)
            return local[11:16] if local[:10] == today else local[:10]
        return row.published[:10]
    added = getattr(row, "added_at", "") or row.sort_key or ""
    if not added:
        return ""
    local = local_time(added)
    return ADDED_MARK + (local[11:16] if local[:10] == today else local[2:10])


def narrow_date(date: str) -> str:
    """A list row's date (row_date) in 8 cells: the year in two digits ("26-12-07"); a date marked as the time of
    adding, its month and day ("~12-07")."""
    if date.startswith(ADDED_MARK):
        return date if len(date) <= 8 else ADDED_MARK + date[4:]
    return date[2:] if len(date) > 5 else date


def _now():
    """The reader's clock now (tests set it)."""
    from datetime import datetime

    return datetime.now().astimezone()


def when_said(stamp: str) -> str:
    """When something was last done (a feed refreshed, a folder scanned), one way in `feed list`, `watch list` and the
    app's feeds list: "today 09:14", "yesterday 18:02", an earlier day ("2026-12-04"), on the reader's clock; a time
    ahead of the clock whole ("2026-12-09 10:00"). The stored UTC stamp shown whole ("2026-12-07 09:14" for this
    morning's refresh) made the reader read a date to learn it was today. Not a time: `local_time`'s cut text."""
    local = local_time(stamp)
    if len(local) != 16 or local[10] != " ":
        return local
    day, clock = local[:10], local[11:16]
    said = _day_said(day)
    if said != day:
        return f"{said} {clock}"
    return day if day < _now().date().isoformat() else local


def ahead_said(stamp: str) -> str:
    """When something is to be done (a failed feed's next try, a failed page's), on the reader's clock: today's as the
    time alone ("01:10"), "tomorrow 01:10", a later day whole ("2026-12-10 01:10"); a time already past as when_said
    says it. A retry after midnight was printed "2026-12-09 01:10", to be read against the calendar."""
    from datetime import timedelta

    local = local_time(stamp)
    if len(local) != 16 or local[10] != " ":
        return local
    day, clock = local[:10], local[11:16]
    now = _now()
    today = now.date()
    if local < now.strftime("%Y-%m-%d %H:%M"):
        return when_said(stamp)
    if day == today.isoformat():
        return clock
    return f"tomorrow {clock}" if day == (today + timedelta(days=1)).isoformat() else local


def epoch_ahead_said(seconds: float) -> str:
    """ahead_said of a time in epoch seconds (a feed's next_try); "" for one that is not a time."""
    from datetime import datetime, timezone

    try:
        return ahead_said(datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    except (ValueError, OverflowError, OSError):
        return ""


def _day_said(day: str) -> str:
    """An ISO day on the reader's clock as the screens say it: "today", "yesterday", else the day itself."""
    from datetime import timedelta

    today = _now().date()
    if day == today.isoformat():
        return "today"
    if day == (today - timedelta(days=1)).isoformat():
        return "yesterday"
    return day


def since_said(since: str) -> str:
    """A parsed --since WHEN as the briefing screen's head says it, in when_said's words: "today", "yesterday 13:07"
    (`t`'s 24h), an earlier day ("2026-12-04"), a time of an earlier day whole. It said "since 2026-12-07" for `t`'s
    today. (`brief` and the briefing's Markdown copy keep since_label's dates: a text kept for later.)"""
    if len(since) <= 10:
        return _day_said(since)
    local = local_time(since)
    if len(local) != 16 or local[10] != " ":
        return local
    said = _day_said(local[:10])
    return f"{said} {local[11:16]}" if said != local[:10] else local


def local_time(stamp: str) -> str:
    """A time as stored (UTC, "2026-12-06T07:41:21Z") on the reader's clock: "2026-12-06 08:41" in Berlin. The stored
    text was shown as it was, UTC read as local time (five hours ahead in New York). The database is untrusted: a
    stamp that is not a time is shown cut, as before."""
    from datetime import datetime, timezone

    try:
        when = datetime.fromisoformat(stamp.strip())
        if when.tzinfo is None:  # (stored by now_iso: UTC, with or without its "Z")
            when = when.replace(tzinfo=timezone.utc)
        return when.astimezone().isoformat(" ", "minutes")[:16]
    except (ValueError, OverflowError, OSError):
        return one_line(stamp)[:16].replace("T", " ")
