"""The `feed`, `refresh` and `watch` subcommands (issue 11): arguments and what they do.

Kept apart from cli.py/commands.py; everything heavy is imported inside the functions.
"""

from __future__ import annotations

import sys

from tui.cli import CliError, _count, _feed_ref, _seconds
from tui.cells import clip, cut_outlet, echoed, feed_address, fit, one_line, plural, url_cell, when_said, width


def add_parsers(sub) -> None:
    """Add `feed`, `refresh` and `watch` to the subcommand parsers."""
    f = sub.add_parser("feed", help="subscribe to feeds: add, list, remove, import/export OPML")
    fs = f.add_subparsers(dest="feed_command", metavar="ACTION", required=True)
    fa = fs.add_parser("add", help="subscribe to RSS/Atom/JSON feeds (or pages that announce one) and fetch them")
    fa.add_argument("urls", nargs="+", metavar="URL", help="a feed's address, or a page that announces its feed")
    fa.add_argument("--title", default=None, help="the feed's name (default: the feed's own title)")
    fa.add_argument("--full-text", action="store_true", help="fetch each item's page for its full text (an item with only a title and a link too)")
    fa.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS", help="seconds allowed per fetch (default 60)")
    fl = fs.add_parser("list", help="the feeds, with last refresh, status, unread and total articles")
    fl.add_argument("--json", action="store_true", help="one JSON object a feed (times in UTC)")
    fr = fs.add_parser("remove", help="unsubscribe (and delete the feed's articles unless --keep-articles)")
    fr.add_argument("feed", metavar="ID|URL", type=_feed_ref, help="the feed's id (as `feed list` shows it) or URL")
    fr.add_argument("--keep-articles", action="store_true", help="keep the feed's articles in the library")
    fi = fs.add_parser("import", help="subscribe to the feeds of an OPML file (folders become tags)")
    fi.add_argument("file", metavar="FILE.opml", help="an OPML file, as feed readers export their subscriptions")
    fe = fs.add_parser("export", help="write the feeds as OPML 2.0")
    fe.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    r = sub.add_parser("refresh", help="fetch all feeds (or the named ones) and store new and changed items")
    r.add_argument("feeds", nargs="*", metavar="ID|URL", type=_feed_ref,
                   help="only these feeds, by id (as `feed list` shows it) or URL (default: every feed)")
    r.add_argument("--json", action="store_true", help='one JSON line per feed: {"feed", "id", "title", "status", "new", "known", '
                   '"updated", "error", "skipped", "note", "link_only", "completed", "pages_failed"}')
    r.add_argument("--jobs", type=_count, default=0, metavar="N",
                   help="requests in flight at once (default 32; never more than 8 to one host)")
    r.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS", help="seconds allowed per fetch (default 60)")

    w = sub.add_parser("watch", help="folders whose new or changed files are imported")
    ws = w.add_subparsers(dest="watch_command", metavar="ACTION", required=True)
    wa = ws.add_parser("add", help="watch a folder (and import what it holds now)")
    wa.add_argument("dir", metavar="DIR", help="the folder to watch (its subfolders too)")
    ws.add_parser("list", help="the watched folders")
    wr = ws.add_parser("remove", help="stop watching a folder (its articles stay)")
    wr.add_argument("dir", metavar="DIR", help="a watched folder, as `watch list` shows it")
    ws.add_parser("scan", help="import new or changed files of every watched folder now")


def _limits(timeout: float | None):
    from tui.sources.http import Limits

    if timeout is None:
        return None
    if timeout <= 0:
        raise CliError("--timeout must be more than 0")
    return Limits(connect=min(10.0, timeout), read=min(20.0, timeout), total=timeout)


# -- feed ------------------------------------------------------------------------------------------

def cmd_feed(args) -> int:
    """`newsreader feed ACTION ...`."""
    return {"add": _feed_add, "list": _feed_list, "remove": _feed_remove, "import": _feed_import,
            "export": _feed_export}[args.feed_command](args)


def _feed_add(args) -> int:
    from tui.commands import open_library, out
    from tui.sources import subscribe
    from tui.textsafe import clean, visible

    if args.title and len(args.urls) > 1:
        raise CliError("--title names one feed: give one URL with it")
    lib = open_library(args)
    added = 0
    try:
        for url in args.urls:
            r = subscribe(lib, url, title=args.title, full_text=args.full_text, limits=_limits(args.timeout))
            if r.status == "error":
                # the shape of every command's error line (it printed "notaurl: not a full URL ..." alone)
                print(f"newsreader: error: {echoed(visible(url), 300)}: {echoed(r.error or 'failed', 300)}",
                      file=sys.stderr)
            elif r.error:  # already subscribed
                out(f"#{r.feed_id}  {cut_outlet(r.title)}  (already subscribed as {feed_address(r.feed)})")
                added += 1
            else:
                # its items as `feed list` counts them: one whose text the library held is the feed's too (it said
                # "0 items" beside a feed list of 1/1)
                out(f"#{r.feed_id}  {cut_outlet(r.title)}  {plural(r.new + r.known, 'item')}{_held(r.known)}"
                    f"{_completed(r)}  ({r.feed})")
                if r.note:  # what of the feed was left out, and why
                    out(f"    {clean(r.note)}")
                added += 1
    finally:
        lib.close()
    return 0 if added else 1


URL_ON_ITS_LINE = 32  # fewer cells than this for the URL beside the title: it takes a line of its own (feed list)
STATUS_WORDS = {"not_modified": "unchanged"}  # `feed list`'s status column: the server said nothing changed (304)


def _feed_list(args) -> int:
    from tui.commands import open_library, out, out_json, terminal_columns
    from tui.sources.refresh import next_try_said, pages_waiting
    from tui.store.feeds import list_feeds
    from tui.textsafe import visible

    lib = open_library(args)
    feeds = list_feeds(lib)
    lib.close()
    # On a terminal each row fits its width: the status and time columns as wide as what they hold, the title and the
    # URL sharing the rest, cut with "…" (every row wrapped at 80 columns); where the URL would get fewer than
    # URL_ON_ITS_LINE cells beside a readable title (80 columns gave it 12: "http…rss.xml"), each URL takes a line of
    # its own under its feed's row, the title the rest of the row. Into a pipe or a file, rows stay whole.
    columns = terminal_columns()
    # the stored status in words: a 304's "not_modified" printed as it is stored read as a code (--json keeps it)
    rows = [(f, STATUS_WORDS.get(f.last_status or "", f.last_status) or "never", f"{f.unread}/{f.total}",
             when_said(f.last_refresh) if f.last_refresh else "-") for f in feeds]
    counts_head, url_below = "unread/articles", False
    if columns:
        status = max([len("status"), *(width(r[1]) for r in rows)])
        when = max([len("last refresh"), *(width(r[3]) for r in rows)])
        title, url = _feed_cells(columns, 4 + 2 + 2 + 15 + 2 + status + 2 + when + 2)
        if url < URL_ON_ITS_LINE:
            counts_head, url_below = "unread", True
            counts = max([len(counts_head), *(width(r[2]) for r in rows)])
            title = min(60, max(10, columns - (4 + 2 + 2 + counts + 2 + status + 2 + when)))
            url = max(12, columns - 6)
    else:
        status, when, title, url = 12, 20, 40, 0
    counts = max([len(counts_head), *(width(r[2]) for r in rows)]) if url_below else 15
    if feeds and not args.json:
        out(f"{'id':>4}  {'title':{title}}  {counts_head:{counts}}  {'status':{status}}  "
            + ("last refresh" if url_below else f"{'last refresh':{when}}  url"))
    for f, state, tally, refreshed in rows:
        if args.json:
            out_json({"id": f.id, "title": f.title, "url": f.url, "site_url": f.site_url, "tags": f.tags,
                      "full_text": f.full_text, "last_refresh": f.last_refresh, "last_status": f.last_status,
                      "last_error": f.last_error, "unread": f.unread, "total": f.total,
                      "pages_failed": len(f.pages_failed) if f.full_text else 0})
        else:
            # the name cut with "…" (it was cut at 40 characters with none, and a wide one overflowed)
            link = url_cell(visible(f.url), url) if url else visible(f.url)  # (its host kept, and its file)
            row = (f"{f.id:>4}  {fit(one_line(f.name), title)}  {tally:{counts}}  {fit(state, status)}  "
                   f"{fit(refreshed, when)}")
            if url_below:
                out(row.rstrip())
                out(f"      {link}")
            else:
                out(f"{row}  {link}")
            if f.last_error:  # why its last refresh failed, or a note on what it left out ("cut: ...")
                said = ("error: " if f.last_status == "error" else "") + one_line(f.last_error)
                out(f"      {clip(said, max(20, columns - 6)) if columns else said}")
            if waits := next_try_said(f):  # a failed feed a refresh of all feeds skips, and till when
                out(f"      {clip(waits, max(20, columns - 6)) if columns else waits}")
            if waiting := pages_waiting(f):  # its link-only items whose pages failed, and when they are tried again
                out(f"      {clip(waiting, max(20, columns - 6)) if columns else waiting}")
    if not feeds and not args.json:
        print("no feeds (add one with: newsreader feed add URL)", file=sys.stderr)
    return 0


def _feed_cells(columns: int, fixed: int) -> tuple[int, int]:
    """(title, URL) cells of a `feed list` row on a terminal `columns` wide, after `fixed` cells of the other columns:
    the URL first (a URL cut to its host and file reads where a cut title does not), the title what is left above
    40 cells for it, between 20 and 40 cells; at least 10 on a very narrow terminal (whose rows still wrap)."""
    room = max(22, columns - fixed)
    title = min(40, max(20, room - 40), room - 12)
    return max(10, title), max(12, room - max(10, title))


def _feed_remove(args) -> int:
    from tui.commands import open_library, out
    from tui.store.feeds import get_feed, remove_feed

    lib = open_library(args)
    try:
        feed = get_feed(lib, args.feed)
        if feed is None:
            raise CliError(f"no feed {args.feed}")
        gone = remove_feed(lib, feed.id, keep_articles=args.keep_articles)
    finally:
        lib.close()
    kept = "articles kept" if args.keep_articles else f"{plural(gone, 'article')} deleted"
    out(f"removed feed #{feed.id}  {cut_outlet(feed.name)}  ({kept})")
    return 0


def _feed_import(args) -> int:
    from tui.commands import open_library, out
    from tui.sources.opml import subscribe_all
    from tui.textsafe import visible

    # the library first, as every writing command: a read-only one is refused before the file is read (a bad file was
    # named first, and a good one read for nothing)
    lib = open_library(args)
    try:
        feeds, problems = _read_opml(args)
        for problem in problems:
            print(f"{visible(args.file)}: {problem}", file=sys.stderr)
        done = subscribe_all(lib, feeds)  # one commit for the list
        for url, reason in done.skipped:
            print(f"skipped {visible(url)}: {reason}", file=sys.stderr)
        for url, existing in done.aliases:
            print(f"{visible(url)}: already subscribed as {feed_address(existing)}", file=sys.stderr)
    finally:
        lib.close()
    added, present, bad = done.added, done.present, len(done.skipped)
    fetch = " (run `newsreader refresh` to fetch)" if added else ""  # not after "imported 0 feeds"
    out(f"imported {plural(added, 'feed')}, {present} already subscribed, {bad} skipped{fetch}")
    return 0 if added or present or not feeds else 1


def _read_opml(args):
    """The feeds of the OPML file `args.file` and the problems met reading it, or CliError saying why it cannot be."""
    from tui.sources.opml import OpmlError, read_opml_file
    from tui.textsafe import visible

    try:
        problems: list[str] = []
        return read_opml_file(args.file, problems), problems
    except OSError as exc:
        raise CliError(f"{visible(args.file)}: {os_reason(exc)}") from None
    except OpmlError as exc:
        raise CliError(f"{visible(args.file)}: {exc}") from None


def _feed_export(args) -> int:
    from tui.commands import open_library, out
    from tui.sources.opml import export_opml
    from tui.sources.refresh import pages_waiting
    from tui.store.feeds import list_feeds
    from tui.textsafe import visible

    lib = open_library(args)
    feeds = list_feeds(lib)
    text = export_opml(feeds)
    lib.close()
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            raise CliError(f"{visible(args.output)}: {os_reason(exc)}") from None
        out(f"wrote {plural(len(feeds), 'feed')} to {visible(args.output)}")  # it said nothing
    else:
        sys.stdout.write(text)
    return 0


# -- refresh ---------------------------------------------------------------------------------------

def cmd_refresh(args) -> int:
    """`newsreader refresh [ID|URL...] [--json]`: exit 0 when every feed is ok or unchanged, else 1."""
    from tui.commands import open_library, out_json
    from tui.sources import CONCURRENCY, refresh
    from tui.textsafe import clean, visible

    if args.jobs < 0:
        raise CliError("--jobs must be 1 or more")
    lib = open_library(args)
    bar = sys.stderr.isatty() and not args.json
    # "unknown": names given that are no subscribed feed, said apart from the feeds refreshed (`refresh 99 URL` said
    # "refreshed 2 feeds: ... 2 failed" of no feed at all)
    totals = {"new": 0, "known": 0, "updated": 0, "error": 0, "waiting": 0, "unknown": 0}

    def on_result(r, done: int, total: int) -> None:
        totals["new"] += r.new
        totals["known"] += r.known
        totals["updated"] += r.updated
        totals["error"] += r.status == "error" and r.feed_id is not None
        totals["unknown"] += r.status == "error" and r.feed_id is None
        totals["waiting"] += r.skipped is not None
        if args.json:
            out_json(r.to_json())
            sys.stdout.flush()
            return
        if bar:
            sys.stderr.write("\r\x1b[2K")
        if r.status == "error" and r.feed_id is None:  # a feed named that is not subscribed: "error  #-  99: ..."
            named = f"#{r.feed}" if r.feed.isdigit() else visible(r.feed)
            print(f"error  {named}: {clean(r.error or '')} (`newsreader feed list` shows the feeds)", file=sys.stderr)
        elif r.status == "error":
            print(f"error  #{r.feed_id}  {cut_outlet(r.title) or visible(r.feed)}: {clean(r.error or '')}",
                  file=sys.stderr)
        elif r.skipped:
            print(f"wait   #{r.feed_id or '-'}  {cut_outlet(r.title) or visible(r.feed)}: not fetched: {clean(r.skipped)}",
                  file=sys.stderr)
        elif r.new or r.updated or r.known or r.note or r.link_only:
            note = f" ({r.note})" if r.note else ""  # "cut: the feed is larger than 4 MB: ...": what was left out
            print(clean(f"ok     #{r.feed_id}  {cut_outlet(r.title)}: {r.new} new{_held(r.known)}, {r.updated} updated"
                        f"{_completed(r)}{note}"))
            sys.stdout.flush()
        if bar:  # (names not subscribed come first, before any fetch: the bar counts the feeds alone)
            width = 30
            done, total = done - totals["unknown"], total - totals["unknown"]
            filled = width * done // max(1, total)
            sys.stderr.write(f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} feeds")
            sys.stderr.flush()

    try:
        results = refresh(lib, args.feeds or None, concurrency=args.jobs or CONCURRENCY, limits=_limits(args.timeout),
                          on_result=on_result)
        if totals["new"]:
            from tui.stories import group_new

            group_new(lib)  # new articles join or open stories as they land (as after `add`)
    finally:
        lib.close()
    if bar:
        sys.stderr.write("\r\x1b[2K")
    if not args.json and not results and not args.feeds:
        print("no feeds to refresh (add one with: newsreader feed add URL)", file=sys.stderr)
    elif not args.json:
        feeds = len(results) - totals["unknown"]
        unknown = f"{plural(totals['unknown'], 'name')} not subscribed" if totals["unknown"] else ""
        if feeds or not unknown:
            waiting = f", {totals['waiting']} waiting (not fetched)" if totals["waiting"] else ""
            print(f"refreshed {plural(feeds, 'feed')}: {totals['new']} new{_held(totals['known'])}, "
                  f"{totals['updated']} updated, {totals['error']} failed{waiting}{'; ' if unknown else ''}{unknown}",
                  file=sys.stderr)
        else:
            print(f"no feed refreshed: {unknown}", file=sys.stderr)
    return 1 if totals["error"] or totals["unknown"] else 0


def _completed(r) -> str:
    """"; 2 of 3 link-only items read from their pages": the new items of a feed read with its full text that held
    only a title and a link, and how many their pages completed (said only when there are some)."""
    if not r.link_only:
        return ""
    failed = f"; {plural(r.pages_failed, 'page')} failed; tried again later" if r.pages_failed else ""
    return (f"; {r.completed} of {plural(r.link_only, 'link-only item')} read from "
            f"{'its page' if r.link_only == 1 else 'their pages'}{failed}")


def _held(known: int) -> str:
    """", 1 already in the library": new items of a feed whose text the library held (not new articles, but the
    feed's now: `feed list` counts them), said only when there are some."""
    return f", {known} already in the library" if known else ""


# -- watch -----------------------------------------------------------------------------------------

def cmd_watch(args) -> int:
    """`newsreader watch add|list|remove|scan`."""
    import os

    from tui.commands import open_library, out, terminal_columns
    from tui.store.watch import add_watch, list_watched, remove_watch
    from tui.textsafe import visible

    lib = open_library(args)
    try:
        if args.watch_command == "add":
            import stat

            try:
                st = os.stat(args.dir)
            except FileNotFoundError:  # (a link to nothing too)
                raise CliError(f"{visible(args.dir)}: no such folder") from None
            except OSError as exc:  # a name too long said "no such folder"
                raise CliError(f"{visible(args.dir)}: {os_reason(exc)}") from None
            if not stat.S_ISDIR(st.st_mode):
                raise CliError(f"{visible(args.dir)}: not a folder (`newsreader add {visible(args.dir)}` imports a "
                               "file once)")
            from tui.filekinds import system_files, too_wide

            # `watch add /proc` watched it, each scan saying "skipped /proc: a system folder ..."
            if (system := system_files(st.st_dev, "folder", "articles")) is not None:
                raise CliError(f"{visible(args.dir)}: {system}")
            if (wide := too_wide(args.dir)) is not None:  # `watch add /` walked the whole disk
                raise CliError(f"{visible(args.dir)}: not watched: {wide}")
            ident, created = add_watch(lib, args.dir)
            out(f"{'watching' if created else 'already watching'} #{ident}  {visible(os.path.abspath(args.dir))}")
            return _scan(lib)
        if args.watch_command == "list":
            from tui.store.watch import FolderFiles, files_line, folder_files, reasons_line, skipped_files

            watched = list_watched(lib)
            counted = folder_files(lib) if watched else {}
            reasons = skipped_files(lib) if watched else {}
            columns = terminal_columns()
            for w in watched:
                files = counted.get(w.id, FolderFiles())
                # what its files became, adding up ("5 files: 2 imported, 1 duplicate, 2 skipped"; it said "5 files")
                said = files_line(files) if files.files != files.imported else plural(files.files, "file")
                what = f"({said}; last scan {when_said(w.last_scan) if w.last_scan else 'never'})"
                # on a terminal the path is cut in its middle to fit the row (its end, the folder's name, kept)
                path = echoed(visible(w.path), max(12, columns - 8 - width(what))) if columns else visible(w.path)
                out(f"{w.id:>4}  {path}  {what}")
                if reasons.get(w.id):  # why its files were skipped, under it (each scan said it once)
                    why = f"skipped: {reasons_line(reasons[w.id])}"
                    out(f"      {echoed(why, max(20, columns - 6)) if columns else why}")
            if not watched:  # it printed nothing
                print("no watched folders (add one with: newsreader watch add DIR)", file=sys.stderr)
            return 0
        if args.watch_command == "remove":
            # (a path that is not UTF-8 is never watched: `watch add` refuses it, and SQLite cannot take it)
            if not is_utf8(args.dir) or not remove_watch(lib, args.dir):
                raise CliError(f"{visible(args.dir)} is not watched")
            out(f"stopped watching {visible(args.dir)} (its articles stay)")
            return 0
        if not list_watched(lib):  # "imported 0 new, 0 updated articles from 0 new or changed files"
            print("no watched folders (add one with: newsreader watch add DIR)", file=sys.stderr)
            return 0
        return _scan(lib)
    finally:
        lib.close()


def _scan(lib) -> int:
    from tui.sources.watch import scan_watched
    from tui.textsafe import clean, visible

    result = scan_watched(lib)
    if result.new:
        from tui.stories import group_new

        group_new(lib)  # as after `add`
    for path, reason in result.errors[:50]:
        print(f"skipped {visible(path)}: {clean(reason)}", file=sys.stderr)
    for path, note in result.notes[:50]:  # (a page imported as rough text, as `add` says it)
        print(f"note: {visible(path)}: {clean(note)}", file=sys.stderr)
    # "from 0 files" read as if the folders were empty: the files read are the new or changed ones
    unchanged = f" ({result.unchanged:,} unchanged)" if result.unchanged else ""
    # a copy of a file the library holds was one of the "new or changed files", said nowhere (`add` names duplicates)
    same = f", {plural(result.duplicates, 'duplicate')} (already in the library)" if result.duplicates else ""
    # the files that became no article, each said above: with them the line's counts add up to the files read
    skipped = f", {plural(result.skipped, 'file')} skipped" if result.skipped else ""
    print(f"imported {result.new} new, {result.updated} updated {'article' if result.new + result.updated == 1 else 'articles'}"
          f"{same}{skipped} from {result.files:,} new or changed {'file' if result.files == 1 else 'files'}{unchanged}",
          file=sys.stderr)
    return 0


def is_utf8(text: str) -> bool:
    """Whether `text` can be stored (an argument's bytes that are not UTF-8 are lone surrogates in Python)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def os_reason(exc: OSError) -> str:
    """The system's reason in the words `add` and `summary` use ("no such file or directory", not "No such ...")."""
    from tui.filekinds import os_reason as reason

    return reason(exc)
