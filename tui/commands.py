"""What each `newsreader` subcommand does. Output text is cleaned of control characters before printing."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

from tui.cells import (HEADER_TITLE_CELLS, TITLE_CELLS, clip, cut, cut_outlet, echoed, cut_title, fit, fit_source,
                       one_line, plural, published_label, row_date, source_and_byline)
from tui.cli import CliError, UsageError
from tui.feed_cli import cmd_feed, cmd_refresh, cmd_watch  # noqa: F401 (feed, refresh, watch subcommands)
from tui.textsafe import clean, json_safe, visible


def __getattr__(name: str):
    """The story subcommands (issue 13, tui/stories/commands.py), imported only when one runs (PEP 562)."""
    if name in ("cmd_brief", "cmd_stories", "cmd_story", "cmd_who"):
        from tui.stories import commands as story_commands

        return getattr(story_commands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


GROUP_ON_ADD = 1000  # `add` groups up to this many new articles at once; a bulk import is grouped by the next
# `stories`/`story`/`brief` (or the app's background pass). Either way the parse workers compute each article's
# grouping features and the writer stores them with it, so the grouping only places them (issue 13: import and
# grouping together >= 1,000 articles/s; the workers have a core's slack while the writer stores)


def out(text: str = "") -> None:
    sys.stdout.write(clean(text) + "\n")


def out_json(obj) -> None:
    # json.dumps escapes C0 controls only; json_safe escapes DEL and C1 (8-bit CSI/OSC) too.
    sys.stdout.write(json_safe(json.dumps(obj, ensure_ascii=False)) + "\n")


def _notice(message: str) -> None:
    print(f"newsreader: {message}", file=sys.stderr, flush=True)


def open_library(args, *, seed_new: bool = True):
    """Open (creating and seeding on first use) the library chosen by --db / NEWSREADER_DB / the default."""
    from tui.store import Library, library
    from tui.store.library import chosen_library

    library.UPGRADE_NOTICE = _notice
    library.WAIT_NOTICE = _notice
    path, make_folder, named_by = chosen_library(args.db)
    lib = Library(path, create_dirs=make_folder, verify=VERIFY_SECONDS, alone=True, named_by=named_by)
    _damage_check(args, lib)
    _read_only_check(args, lib)
    if lib.created and seed_new:
        from tui.seed import seed

        seed(lib)
    return lib


VERIFY_SECONDS = 1.0  # PRAGMA quick_check budget at open: a whole library of ~1 GB, part of a bigger one
# Commands that only read (on a damaged or read-only library they warn and show what is readable). `stories`,
# `story` and `brief` group pending articles first only when the library can be written (tui/stories/commands.py).
READING_COMMANDS = {"list", "show", "export", "summary", "entities", "quotes", "doctor", "who", "stories", "story",
                    "brief"}
READING_ACTIONS = {("feed", "list"), ("feed", "export"), ("watch", "list")}  # (command, action) pairs


def skipped_note(lib, unreadable: list[int], one: str, many: str | None = None, mark: str = "#") -> None:
    """Say which rows a reading command skipped: in the damage warning's line when the library was found damaged
    (one line in all), else in a line of its own now (damage the quick check did not reach)."""
    if not unreadable:
        return
    ids = ", ".join(f"{mark}{i}" for i in unreadable[:10]) + (", …" if len(unreadable) > 10 else "")
    note = f"skipped {plural(len(unreadable), one, many)} on damaged pages: {ids}"
    if lib.damaged:
        lib.skipped = note
    else:
        print(f"warning: {note}; `newsreader doctor` says how to recover", file=sys.stderr)


def writes(args) -> bool:
    """Whether the command `args` runs writes the library (a reading command only reads it: READING_COMMANDS,
    READING_ACTIONS; `stories --rebuild`, `doctor --repair` and `doctor --fill-headers` write)."""
    command = getattr(args, "command", None)
    if getattr(args, "rebuild", False) or getattr(args, "repair", False) or getattr(args, "fill_headers", False):
        return True
    return not (command in READING_COMMANDS or (command, getattr(args, f"{command}_command", None)) in READING_ACTIONS)


def _read_only_check(args, lib) -> None:
    """A command that writes, on a library that cannot be written (a read-only mount, file or folder), is refused at
    once in one line saying why: `feed add` fetched the feed, `refresh` every feed, `feed import` and `watch scan` read
    their files, and `doctor --repair` said it was making the index again, before the first write failed."""
    if lib.readonly and writes(args):
        from tui.store import StoreError
        from tui.store.library import read_only_message

        lib.close()
        raise StoreError(read_only_message(lib.path, lib.read_only_why))


def _damage_check(args, lib) -> None:
    """A damaged library: reading commands warn once and go on; any other command is refused before it starts.
    A read-only library of an earlier schema read as it is (Library.behind): a search says once how it finds less."""
    if getattr(lib, "behind", 0) and getattr(args, "search", None):
        from tui.store.library import behind_searches

        print(f"note: {visible(lib.path)} is read-only and from an earlier newsreader (schema {lib.behind}): searches"
              f" find less ({behind_searches(lib.behind)}) until it can be upgraded", file=sys.stderr)
    if not lib.damaged:
        return
    from tui.store import StoreError
    from tui.store.library import damaged_message

    command = getattr(args, "command", None)
    if command in READING_COMMANDS or (command, getattr(args, f"{command}_command", None)) in READING_ACTIONS:
        # Said once, when the command is done: if a read meets the damage, its error line says it all. What the
        # command skipped (skipped_note) is said in the same line.
        close = lib.close

        def close_and_warn() -> None:
            close()
            if sys.exc_info()[0] is None:  # a read that met the damage has its own one line (the error)
                skipped = getattr(lib, "skipped", "")
                print(f"warning: {visible(lib.path)} is damaged ({clean(lib.damaged)}): showed what is readable"
                      f"{f' ({skipped})' if skipped else ''}; `newsreader doctor` says how to recover", file=sys.stderr)

        lib.close = close_and_warn
        return
    lib.close()
    raise StoreError(damaged_message(lib.path, lib.damaged))


# -- add ---------------------------------------------------------------------------------------

def cmd_add(args) -> int:
    from contextlib import nullcontext

    from tui.importers.parallel import import_many

    lib = None if args.dry_run else open_library(args)
    peek = _dry_run_library(args) if args.dry_run else None
    counts = {"added": 0, "duplicate": 0, "error": 0, "parsed": 0}
    total: list[int] = []
    version: list[int] = []  # set when the parse workers start: the version their grouping features are stored under

    def features(files: int) -> bool:  # every import by the parse workers (see GROUP_ON_ADD)
        version.append(_features_version(lib))
        return bool(version[0])

    if "-" in args.paths:
        _stdin_hint()
    items = import_many(args.paths, total=total, features=features)
    try:
        with lib.bulk() if lib else nullcontext():
            _add_chunks(args, lib, items, counts, total, version, peek)
        if lib and 0 < counts["added"] <= GROUP_ON_ADD:
            from tui.stories import group_new

            group_new(lib)  # new articles join or open stories as they land (a bulk import: at the next stories/brief)
    finally:
        if lib:
            lib.close()
        if peek:
            peek.close()
    if not args.json:
        done = counts["parsed"] if lib is None else counts["added"]
        verb = "parsed" if lib is None else "imported"
        dry = " (a dry run: nothing stored)" if lib is None else ""
        print(f"{verb} {plural(done, 'article')}, {plural(counts['duplicate'], 'duplicate')}, {counts['error']} skipped"
              f"{dry}", file=sys.stderr)
    ok = counts["added"] + counts["duplicate"] + counts["parsed"]
    return 1 if counts["error"] and not ok else 0


def _stdin_hint() -> None:
    """`add -` / `summary -` typed at a terminal waited in silence for the article to be typed or pasted."""
    try:
        if sys.stdin.isatty():
            print("reading an article from the terminal: paste or type it, then ctrl-d on a line of its own",
                  file=sys.stderr, flush=True)
    except (AttributeError, ValueError, OSError):  # no stdin, or a closed one
        pass


CHUNK = 500  # imported items stored together (in whole transactions)


def _features_version(lib) -> int:
    """The version to store grouping features under when `add`'s parse workers compute them (0: none, e.g. a dry run
    or a library without the table). Loads the term tables first, so the forked workers inherit them."""
    if lib is None:
        return 0
    from tui.store.story_features import has_features_table

    if not has_features_table(lib):
        return 0
    from tui.stories.features import preload

    return preload()


def _dry_run_library(args):
    """The library `add --dry-run` compares with, opened read-only (nothing written, not even an upgrade), or None
    when there is none yet (every article is new; a first real add also stores the sample articles). One that cannot
    be read is said in one line, and the dry run goes on without it."""
    from tui.store import Library, StoreError
    from tui.store.library import chosen_library

    try:
        path = chosen_library(args.db)[0]
        if not path.is_file() or path.stat().st_size == 0:
            return None
        return Library(path, readonly=True)
    except (StoreError, OSError, sqlite3.Error) as exc:
        print(f"note: duplicates not checked: {echoed(clean(str(exc)).splitlines()[0] if str(exc) else type(exc).__name__, 300)}",
              file=sys.stderr)
        return None


def _dry_results(peek, good, seen: dict[str, tuple[int | None, str]]) -> list[tuple[str, int | None]]:
    """What `add_many` would say of each article without storing it: ("duplicate", id) for a text the library holds,
    ("duplicate", None) for one repeated earlier in this run (`seen`: hash -> (id, origin) of the first), else
    ("parsed", None)."""
    from tui.store.derived import derived

    digests = [(it.derived or derived(it.article))[0] for it in good]
    stored = {}
    if peek is not None:
        try:
            stored = peek.ids_of_texts(d for d in digests if d not in seen)
        except sqlite3.Error:  # a damaged page: that chunk's duplicates are not known
            stored = {}
    out = []
    for it, digest in zip(good, digests):
        if digest in stored:
            out.append(("duplicate", stored[digest]))
        elif digest in seen:
            it.same_as = seen[digest][1]  # the file the text came from first
            out.append(("duplicate", seen[digest][0]))
        else:
            seen[digest] = (None, it.origin)
            out.append(("parsed", None))
    return out


def _add_chunks(args, lib, items, counts: dict, total: list[int], version: list[int] | None = None,
                peek=None) -> None:
    """Store the imported items in chunks (each in whole transactions: memory stays flat for huge folders)
    and report each one once its chunk is committed; with a `version` (set once the parse workers start), the
    grouping features they computed are stored with the new articles. Without a library (a dry run), each is
    reported as a real add would (new, or a duplicate of `peek`'s article or of an earlier file), nothing stored."""
    from itertools import islice

    seen = 0
    texts: dict[str, tuple[int | None, str]] = {}
    while chunk := list(islice(items, _chunk_size(total[0] - seen if total else 0))):
        seen += len(chunk)
        if not getattr(args, "force", False):
            _skip_non_prose(chunk)
        good = [it for it in chunk if it.article is not None]
        results = (lib.add_many([it.article for it in good], known=[it.derived for it in good]) if lib
                   else _dry_results(peek, good, texts))
        if version and version[0]:
            from tui.store.story_features import save_features

            save_features(lib, [(ident, version[0], *it.features) for it, (status, ident) in zip(good, results)
                                if status == "added" and it.features is not None])
        stored = iter(results)
        for it in chunk:
            status, ident = ("error", None) if it.article is None else next(stored)
            counts[status] += 1
            _report_added(args, it, status, ident, lib is not None)


def _chunk_size(left: int) -> int:
    """Chunks shrink over the last ~CHUNK files of a big import: the files are parsed in worker processes while
    the chunk before is stored, but the last chunk is stored after the last file is parsed, with the workers
    done and a core idle (a chunk of 500 costs ~0.2 s; 32 articles ~15 ms; a transaction ~1 ms)."""
    return CHUNK if left > 2 * CHUNK or left <= 0 else max(32, left // 2)


def _skip_non_prose(chunk) -> None:
    """Turn imports whose text does not read as prose (a word list, /etc/passwd) into skips with the reason."""
    from tui.importers.prose import item_not_prose_reason

    for it in chunk:
        if it.article is not None and (reason := item_not_prose_reason(it)):
            it.article, it.error = None, f"{reason}; --force imports it anyway"
        it.text = None  # the decoded file, kept for this check only


def _report_added(args, it, status: str, ident: int | None, stored: bool) -> None:
    a = it.article
    if args.json:
        rec = {"title": a.title if a else None, "source": a.source if a else None, "byline": a.byline if a else None,
               "published": a.published if a else None, "published_at": a.published_at if a else None,
               "tags": a.tags if a else [], "url": a.url if a else None, "body": a.body if a else None,
               "status": status, "error": it.error, "origin": visible(it.origin)}
        if it.note:  # (a page read as rough text)
            rec["note"] = it.note
        if stored or (status == "duplicate" and ident is not None):  # (a dry run's duplicate: the stored one's id)
            rec["id"] = ident
        out_json(rec)
    elif status == "error":
        print(f"skipped {echoed(visible(it.origin), 300)}: {echoed(it.error or 'unreadable', 300)}", file=sys.stderr)
    elif status == "duplicate":
        same = getattr(it, "same_as", None)  # a dry run's repeat of an earlier file (a real add names its new id)
        first = f"; the same text as {visible(same)}" if ident is None and same else ""
        out(f"duplicate  {f'#{ident}  ' if ident is not None else ''}{cut_title(a.title)}  ({visible(it.origin)}{first})")
    else:  # names cut with "…" as the app's lists cut them (--json has them whole)
        label = "parsed" if status == "parsed" else f"added #{ident}"
        out(f"{label}  {cut_title(a.title)}  [{cut_outlet(a.source) or 'no source'}, {a.published or 'undated'}]")
    if it.note and not args.json and status != "error":  # what the article leaves out (a page read as rough text)
        print(f"note: {echoed(visible(it.origin), 300)}: {echoed(it.note, 300)}", file=sys.stderr)


# -- list / show / remove / export ----------------------------------------------------------------

def cmd_list(args) -> int:
    lib = open_library(args)
    limit = args.limit if args.limit > 0 else 1_000_000_000
    shown, offset = 0, 0
    from tui.engine.aliases import canonical_alias
    from tui.store.query import wordless

    entity = canonical_alias(args.entity) or args.entity if args.entity else ""  # "US" is indexed as "United States"
    if entity and not wordless(entity):
        entity = _entity_named(lib, entity)
    unreadable: list[int] = []
    try:
        while shown < limit:
            try:
                page = lib.rows(offset, min(500, limit - shown), search=args.search, entity=entity)
            except sqlite3.DatabaseError:
                # A damaged page of the table: the rest of the list row by row, by the ids its indexes hold (as
                # export does), each unreadable row skipped and counted
                shown += _list_rows(args, lib.readable_rows(offset, limit - shown, args.search, entity, unreadable))
                break
            if not page:
                break
            shown += _list_rows(args, page)
            offset += len(page)
        skipped_note(lib, unreadable, "article")
        # --entity reads the entities stored by analysis: an article not analysed yet (just added) is not found
        try:
            waiting = lib.count_never_analysed() if entity and not wordless(entity) else 0
        except sqlite3.DatabaseError:  # (a damaged page: its articles are named as skipped already)
            waiting = 0
    finally:
        lib.close()
    if wordless(args.search):  # "(", an emoji alone: nothing to search for (it listed the whole library)
        print(f"no searchable word in {echoed(args.search)!r}: a search needs letters or digits", file=sys.stderr)
    elif not unreadable and not args.json and not shown and not offset:
        print("no articles" + (f" match {echoed(args.search)!r}" if args.search else ""), file=sys.stderr)
    if waiting:
        print(f"note: {waiting:,} article{'s' if waiting != 1 else ''} not analysed yet, so not searched for "
              f"{echoed(args.entity)!r}: `newsreader analyze` analyses {'them' if waiting != 1 else 'it'}",
              file=sys.stderr)
    return 0


def _entity_named(lib, name: str) -> str:
    """The entity `list --entity NAME` lists: NAME when the library holds it as a whole name, else the one `who NAME`
    reads it as (its last word: "Quint" is Marisol Quint), said on stderr. `--entity Quint` said "no articles" where
    `who Quint` found her three."""
    try:
        if lib.count(entity=name):
            return name
        from tui.stories.people import who

        page = who(lib, name)
    except sqlite3.DatabaseError:  # (a damaged page: the name as given, as before)
        return name
    from tui.stories.people import Several

    if isinstance(page, Several):  # one word of several people's names: as given (none of them), and who they are
        names = ", ".join(visible(nm) for nm, _n in page.people[:5]) + (", …" if page.total > 5 else "")
        print(f"--entity {echoed(name)!r}: part of {page.total} people's names ({names}): name one in full",
              file=sys.stderr)
        return name
    if page is None or page.name.casefold() == name.casefold():
        return name
    print(f"--entity {echoed(name)!r}: the articles that mention {visible(page.name)}", file=sys.stderr)
    return page.name


LIST_HEAD_CELLS = 40  # a list row before its title: id (6), marks, date, source (16) and the spaces between


def terminal_columns() -> int:
    """The width of the terminal standard output is, 0 when it is a pipe or a file (rows are then printed whole)."""
    try:
        if sys.stdout.isatty():
            import shutil

            return max(0, shutil.get_terminal_size((0, 0)).columns)
    except (OSError, ValueError):
        pass
    return 0


def title_cells(head: int) -> int:
    """The cells a row's last column (a title) gets after `head` cells of other columns: on a terminal, what is left
    of its width (a long title wrapped under the next row's id at 80 columns, the columns broken), at least 20; into a
    pipe or a file, TITLE_CELLS."""
    columns = terminal_columns()
    return max(20, min(TITLE_CELLS, columns - head)) if columns else TITLE_CELLS


def _list_title_cells() -> int:
    return title_cells(LIST_HEAD_CELLS)


def _list_rows(args, rows) -> int:
    """Print list rows (text or JSON lines); how many."""
    from datetime import date

    n = 0
    cells = _list_title_cells() if not args.json else TITLE_CELLS
    today = date.today().isoformat()  # (the reader's clock, as the app's list)
    for r in rows:
        n += 1
        if args.json:
            out_json({"id": r.id, "title": r.title, "source": r.source, "published": r.published,
                      "published_at": r.published_at, "added_at": r.added_at or None, "read": r.read, "starred": r.starred, "words": r.words,
                      "twins": list(r.twins), "outlets": list(r.outlets or ([r.source] if r.source else []))})
        else:
            marks = ("*" if r.starred else " ") + (" " if r.read else "•")
            # today's with a time from its feed: the time; undated: when it was added, marked "~" (as the app shows it)
            day = row_date(r, today) or "-" * 10
            # the title cut with "…" as the app's lists cut it, to the terminal's width on one (--json has it whole)
            out(f"{r.id:>6} {marks} {fit(day, 10)}  {fit_source(r, 16)}  {clip(one_line(r.title), cells)}")
    return n


def _article_dict(a) -> dict:
    return {"id": a.id, "title": a.title, "source": a.source, "byline": a.byline, "published": a.published,
            "published_at": a.published_at, "tags": a.tags, "url": a.url, "added_at": a.added_at, "read": a.read,
            "starred": a.starred, "body": a.body}


def _get(lib, ident: int):
    a = lib.get(ident)
    if a is None:
        raise CliError(f"no article with id {ident}")
    return a


def cmd_show(args) -> int:
    lib = open_library(args)
    a = _get(lib, args.id)
    for problem in lib.bad_fields.get(a.id, []):  # a malformed row: the bad field is shown empty
        print(f"warning: article #{a.id}: {clean(problem)} (shown empty)", file=sys.stderr)
    gone = _gone_file(lib, a.id)  # a watched file it came from, gone from its folder (the article is kept)
    if args.json:
        out_json({**_article_dict(a), "file_gone": {"path": gone[0], "since": gone[1]} if gone else None})
    else:  # the title and names cut with "…" as the app's article header cuts them (--json has them whole)
        out(cut(a.title, HEADER_TITLE_CELLS))
        source, byline = source_and_byline(a.source, a.byline)  # as the header: "Green Ledger Staff" names the source
        # the time its feed gave, on the reader's clock; undated: "added 2026-12-07 10:28", as the article header
        when = published_label(a.published, a.published_at, a.added_at)
        meta = " · ".join(x for x in (cut(source), cut(byline), when, ", ".join(cut(t) for t in a.tags)) if x)
        if meta:
            out(meta)
        if gone:
            out(f"File gone: {gone[0]} (the article is kept)")
        if a.url:  # the link, as the app's article header and `export --format md` give it (whole: it is to be used)
            out(" ".join(visible(a.url).split()))
        out()
        out(a.body)
    lib.close()
    return 0


def _gone_file(lib, article_id: int) -> tuple[str, str] | None:
    from tui.store.watch import gone_file

    try:
        return gone_file(lib, article_id)
    except sqlite3.DatabaseError:  # a damaged page of the watched files: not said
        return None


def cmd_remove(args) -> int:
    lib = open_library(args)
    a = _get(lib, args.id)
    lib.remove(args.id)
    out(f"removed #{args.id}  {cut_title(a.title)}")
    lib.close()
    return 0


def cmd_export(args) -> int:
    lib = open_library(args)
    problems: list[tuple[int, str]] = []
    exported = 0
    for a in lib.iter_articles(problems=problems, newest_first=True):  # the list's order
        exported += 1
        if args.format == "json":
            out_json(_article_dict(a))
        else:
            out(export_markdown(a))
    lib.close()
    for ident, reason in problems:
        print(f"skipped article #{ident}: {clean(reason)}", file=sys.stderr)
    if problems:
        print(f"exported all but {plural(len(problems), 'article')}", file=sys.stderr)
    elif not exported:  # it printed nothing at all, as if it had failed quietly (`list` says "no articles")
        print("no articles to export: the library is empty", file=sys.stderr)
    return 0


def export_markdown(a) -> str:
    """One article as `export --format md` writes it: its title, its fields, its text. The article's words read as
    words, as in the other Markdown outputs (tui.textsafe.md_literal: no link, HTML or code span of theirs is live; its
    text printed "[this](javascript:…)" as a live link, cli38), a paragraph that opens with "#" no heading (it read as
    another article's title), and its link an autolink only when it is http(s) (md_link)."""
    from tui.textsafe import md_link, md_literal

    def one(text) -> str:
        return md_literal(" ".join(str(text).split()))

    meta = [f"- {k}: {one(v)}" for k, v in (("source", a.source), ("byline", a.byline), ("published", a.published),
                                             ("added", None if a.published else a.added_at),  # no date of its own
                                             ("tags", ", ".join(a.tags))) if v]
    if a.url:
        meta.append(f"- url: {md_link(' '.join(a.url.split()))}")
    text = "\n\n".join(_HEADING_MARK.sub(r"\1\\#", md_literal(p)) for p in a.body.split("\n\n"))
    return f"# {one(a.title)}\n\n" + ("\n".join(meta) + "\n\n" if meta else "") + text + "\n"


_HEADING_MARK = re.compile(r"^([ \t]{0,3})#", re.M)  # a line of an article's text that would be a Markdown heading


def cmd_doctor(args) -> int:
    from tui import __version__, doctor

    if (where := _no_library_yet(args)) is not None:  # a check writes nothing: it made and seeded the library
        if getattr(args, "repair", False):
            raise CliError(f"no library at {visible(where)} yet: no search index to repair")
        if getattr(args, "fill_headers", False):
            raise CliError(f"no library at {visible(where)} yet: no articles to fill")
        out(f"newsreader {__version__}")
        out(f"library:   none yet at {visible(where)} (made, with the sample articles, when the app or a command "
            "first opens it)")
        for line in doctor.report_lines():
            out(line)
        return 0
    lib = open_library(args)
    if getattr(args, "repair", False):
        try:
            return _repair(lib)
        finally:
            lib.close()
    if getattr(args, "fill_headers", False):
        try:
            return _fill_headers(lib)
        finally:
            lib.close()
    out(f"newsreader {__version__}")
    for line in doctor.library_lines(lib):
        out(line)
    lib.close()
    for line in doctor.report_lines():
        out(line)
    return 0


def _no_library_yet(args):
    """The path of the library `args` choose when there is none there yet (no file, or an empty one), else None;
    a path that cannot be a library raises its one line, as opening it does. Nothing is made."""
    from tui.filekinds import os_reason
    from tui.store import StoreError
    from tui.store.library import check_library_path, chosen_library

    path, make_folder, named_by = chosen_library(args.db)
    try:
        return path if check_library_path(path, make_folder, named_by, make=False) else None
    except OSError as exc:  # a folder on the way this process may not enter (as Library says it)
        raise StoreError(f"cannot open {visible(path)}: {os_reason(exc)}") from None


def _repair(lib) -> int:
    """`doctor --repair`: the search index made again in place, with progress on stderr (tui/store/library.py)."""
    import time

    from tui.store.library import REBUILD_SECONDS, _duration

    if lib.damaged or lib.check() != "ok":
        raise CliError(f"{visible(lib.path)} has damaged pages: `newsreader doctor` says how to recover what is "
                       "readable; the search index alone cannot be repaired in it")
    started = time.monotonic()
    total = lib.count()
    say = lambda line: print(f"newsreader: {line}", file=sys.stderr, flush=True)  # noqa: E731
    say(f"making the search index again for {plural(total, 'article')} (about {_duration(total * REBUILD_SECONDS)})…")
    done = lib.repair_search_index(say)
    problem = lib.check_search_index()
    if problem is not None:
        raise CliError(f"the search index was made again but still fails its check ({visible(problem)})")
    out(f"search index made again: {plural(done, 'article')} in {time.monotonic() - started:.0f} s")
    return 0


def _fill_headers(lib) -> int:
    """`doctor --fill-headers`: a missing outlet and date of the articles added from a file, from their header lines."""
    from tui.doctor import fill_from_headers

    if lib.damaged:
        raise CliError(f"{visible(lib.path)} has damaged pages: `newsreader doctor` says how to recover what is "
                       "readable; nothing filled")
    counter = _Counter("reading header lines") if _stderr_terminal() else None
    try:
        read, outlets, dates, texts, kept, titles = fill_from_headers(lib, counter)
    finally:
        if counter is not None:
            counter.done()
    grouped = 0
    if outlets or dates or titles:
        # the filled articles (out of their stories) grouped again now, as `add` groups up to GROUP_ON_ADD new ones:
        # a copy of another outlet's text (two notes whose texts differ only by their header lines) is marked one row
        # with it, as an import marks it; more wait for the next `stories` or the app's quiet refresh, as a bulk add's
        from tui.store.stories import ungrouped_count
        from tui.stories import group_new

        if ungrouped_count(lib) <= GROUP_ON_ADD:
            grouped = group_new(lib)
    out(f"read the header lines of {plural(read, 'article')} with no outlet or no date: filled "
        f"{plural(outlets, 'outlet')} and {plural(dates, 'date')} (none replaced)")
    # the header lines an article was filled from leave its text, as add leaves them out now
    out(f"took the header lines out of {plural(texts, 'text')}" + (
        f" (the app or `newsreader analyze` analyses {'them' if texts != 1 else 'it'} again)" if texts else "") + (
        f"; {kept} kept them: without them the text is another article's of the same outlet (or of none)"
        if kept else ""))
    if titles:  # (stored before session 37 left the label out: "Title: Notes from the council")
        out(f"took the \"Title:\" or \"Headline:\" label out of {plural(titles, 'title')}, as `add` leaves it out now")
    if grouped:
        out(f"grouped {plural(grouped, 'article')} again (a text another outlet printed too is one row with it)")
    elif outlets or dates or texts or titles:
        out("the filled ones are grouped again by `newsreader stories` or the app")
    return 0


def _stderr_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class _Counter:
    """A count on one line of stderr, redrawn a few times a second (a terminal's only: a pipe or a log gets the
    command's result lines alone), cleared when done: "newsreader: reading header lines: 12,000 of 48,311"."""

    def __init__(self, what: str):
        import time

        self.what, self.last, self.clock, self.shown = what, 0.0, time.monotonic, 0

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.last < 0.2 and done < total:
            return
        self.last = now
        line = f"newsreader: {self.what}: {done:,} of {total:,}"
        sys.stderr.write("\r" + line + " " * max(0, self.shown - len(line)))
        sys.stderr.flush()
        self.shown = len(line)

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * self.shown + "\r")
            sys.stderr.flush()


def cmd_analyze(args) -> int:
    from tui.background import analyse_library

    lib = open_library(args)
    path = lib.path
    lib.close()
    jobs = args.jobs or None
    cores = _cores()
    if jobs and jobs > cores:  # `--jobs 99999` started a process for every 4 articles: 2,500 for 10,000
        print(f"newsreader: --jobs {jobs:,} is more than the {plural(cores, 'core')} here: using {cores}",
              file=sys.stderr)
        jobs = cores
    done = analyse_library(path, jobs=jobs, progress=True)
    print(f"analysed {plural(done, 'article')}", file=sys.stderr)
    return 0


def _cores() -> int:
    """The cores this process may run on (what `analyze` uses at most)."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# -- engine commands -----------------------------------------------------------------------------

def cmd_summary(args) -> int:
    return _engine_command(args, "summary")


def cmd_entities(args) -> int:
    return _engine_command(args, "entities")


def cmd_quotes(args) -> int:
    return _engine_command(args, "quotes")


def _engine_command(args, what: str) -> int:
    from tui import report

    if getattr(args, "quotes", False):  # `summary --quotes`: what the app's Y copies (one article, as Markdown)
        if args.format != "md":
            raise UsageError("--quotes goes with --format md (the Markdown the app's Y copies)")
        if args.batch:
            raise UsageError("--quotes reads one article (ID or PATH), not --batch")
    if args.batch and args.target:  # the target was left unread, silently
        raise UsageError(f"{what} reads one article (ID or PATH) or --batch FILE.jsonl, not both")
    if args.batch:
        return report.run_batch(args, what)
    if not args.target:
        raise UsageError(f"{what} needs an article ID, a file PATH (- for stdin), or --batch FILE.jsonl")
    article = _load_target(args, prose=what == "summary")
    from tui.store.library import digits

    target = args.target
    stored = digits(target) and not Path(target).exists()
    name = f"article {target}" if stored else visible(target)
    # what to do with a text too short to summarise (said with the reason)
    whole = (f"`newsreader show {target}` prints it whole" if stored else
             "read the text itself" if target == "-" else "read the file itself")
    if getattr(args, "quotes", False):
        report.print_card(args, article, name, whole)
        return 0
    report.print_single(args, what, article.title, article.body, name, whole)
    return 0


def _load_target(args, prose: bool = False):
    """The article of `args.target`: a stored one (an ID) or a file read as `add` reads it (a PATH). With `prose`
    (`summary`), a file `add` would skip as not prose (a word list: its lines joined into one "sentence" were printed
    as the summary) is refused with add's reason."""
    target = args.target
    from tui.store.library import digits

    try:
        exists, folder = Path(target).exists(), Path(target).is_dir()
    except OSError as exc:  # a name too long: "[Errno 36] File name too long: '…'"
        from tui.feed_cli import os_reason

        raise CliError(f"{visible(target)}: {os_reason(exc)}") from None
    if digits(target) and not exists:
        lib = open_library(args)
        a = _get(lib, int(target))
        lib.close()
        return a
    if folder:
        raise CliError(f"{visible(target)} is a folder: give one article ID or one file "
                       f"(`newsreader add {visible(target)}` stores a folder's articles)")
    from tui.importers import import_paths

    if target == "-":
        _stdin_hint()
    for item in import_paths([target]):
        if item.article is None:
            raise CliError(f"{visible(target)}: {item.error}")
        if prose:
            from tui.importers.prose import item_not_prose_reason

            if reason := item_not_prose_reason(item):
                raise CliError(f"{visible(target)}: nothing to summarise: {reason}")
        return item.article
    raise CliError(f"{visible(target)}: nothing to read")
