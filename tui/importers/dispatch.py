"""Route files, directories, stdin and URLs to the right importer; turn every problem
into an ImportItem with a one-line reason so the rest of a batch carries on."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator

from tui.child import CHILD_FROM, kept
from tui.filekinds import not_a_file, os_reason, system_files, too_wide
from tui.importers.decode import MAX_BYTES, DecodeError, decode, looks_binary_text
from tui.importers.item import ImportItem
from tui.importers.text import parse_text
from tui.models import Article

TEXT_EXTS = {".txt", ".text"}
MARKDOWN_EXTS = {".md", ".markdown", ".mdown", ".mkd"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
FEED_EXTS = {".xml", ".rss", ".atom", ".rdf"}
JSON_EXTS = {".json", ".jsonl"}
KNOWN_EXTS = TEXT_EXTS | MARKDOWN_EXTS | HTML_EXTS | FEED_EXTS | JSON_EXTS
# A page of CHILD_FROM bytes or more whose extraction takes more CPU than this (tui.child: the child's CPU, not the
# wall clock) is read as rough text instead (tui.importers.rough)
HTML_SECONDS = 20.0

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_LIMIT_MB = MAX_BYTES // (1024 * 1024)
# A document of markup that is no page or feed: its root element after the declaration, comments and a doctype. An
# OPML list of feeds, an .svg picture, became an article titled '<?xml version="1.0"?>' with its tags for a body.
_MARKUP_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<![A-Za-z][^>]*>)\s*)*"
                          rb"<([A-Za-z_][\w:.-]*)", re.S)
_XML_DECLARED = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml\b")


def import_paths(paths: Iterable[str]) -> Iterator[ImportItem]:
    """Import files, directories (recursive, sorted, hidden entries skipped), "-" for stdin,
    and http(s) URLs. Yields one item per article or per failure, never raises for input."""
    with kept():  # a child that extracted one large page takes the next (tui.child)
        yield from _import_paths(paths)


def _import_paths(paths: Iterable[str]) -> Iterator[ImportItem]:
    for path in map(os.fspath, paths):  # str or os.PathLike
        if path == "-":
            yield from _import_stdin()
        elif re.match(r"^https?://", path, re.I):
            yield from _import_url(path)
        elif os.path.isdir(path):
            problems: list[ImportItem] = []
            for found in walk(path, problems):
                yield from problems
                problems.clear()
                yield from import_file(found, allow_pipe=False)
            yield from problems
        else:
            yield from import_file(path)


def _import_stdin() -> list[ImportItem]:
    """Standard input's article(s); a closed stdin (`newsreader add - <&-`: "AttributeError: 'NoneType' object has no
    attribute 'buffer'") or one that cannot be read is one item with the reason."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return [ImportItem("<stdin>", None, "no standard input to read (it is closed)")]
    try:
        return _import_stream(stream, "<stdin>")
    except (OSError, ValueError) as exc:  # (ValueError: a stdin closed by this process)
        why = os_reason(exc) if isinstance(exc, OSError) else " ".join(str(exc).split())
        return [ImportItem("<stdin>", None, f"cannot read standard input ({why})")]


MAX_DEPTH = 64  # folders nested deeper than this are skipped (with one line), not walked


class WalkLimit:
    """How much of a folder a walk reads at most (a watched folder: tui.sources.watch): `files` files found, `folders`
    folders listed; `cut` is set when the walk stopped there, with one problem line saying so."""

    def __init__(self, files: int, folders: int) -> None:
        self.files, self.folders, self.cut = files, folders, False

    def stop(self, root: str, count: int, what: str) -> "ImportItem":
        """The walk of `root` stopped at `count` `what` ("files", "folders"): `cut` set, the line that says so."""
        self.cut = True
        return ImportItem(root, None, f"more than {count:,} {what}: the rest not read (too large to watch whole; watch "
                                      "the folders of it you read)")


def walk(root: str, problems: list[ImportItem] | None = None, limit: WalkLimit | None = None) -> Iterator[str]:
    """Files with a known extension under `root`, in a stable sorted order (each folder's files, then
    its subfolders in turn), skipping hidden files and folders (".git", ".cache") and not following
    directory symlinks.

    Iterative, so any depth is safe: folders deeper than MAX_DEPTH are skipped, and so is a folder
    that cannot be read (permissions, vanished, name too long); each such skip is appended to
    `problems` (an ImportItem with the one-line reason) as it happens. With a `limit`, the walk stops after that many
    files or folders, one problem line naming `root` saying so, and `limit.cut` set.
    """
    problems = [] if problems is None else problems
    if (wide := too_wide(root, verb="import")) is not None:  # `add /` walked the whole disk
        problems.append(ImportItem(root, None, f"not read: {wide}"))
        return
    stack: list[tuple[str, int]] = [(root, 0)]
    files = folders = 0
    while stack:
        folder, depth = stack.pop()
        if limit is not None and folders >= limit.folders:
            problems.append(limit.stop(root, limit.folders, "folders"))
            return
        folders += 1
        try:
            # `add /proc` said "folder not readable" of 41 folders of /proc/1/..., `add /` walked /proc and /sys
            if (system := system_files(os.stat(folder).st_dev, "folder", "articles")) is not None:
                problems.append(ImportItem(folder, None, system))
                continue
            with os.scandir(folder) as entries:
                listed = [(e.name, _is_folder(e)) for e in entries if not e.name.startswith(".")]
        except OSError as exc:
            problems.append(ImportItem(folder, None, f"folder not readable ({os_reason(exc)})"))
            continue
        listed.sort()
        for name, is_folder in listed:
            if is_folder is False and os.path.splitext(name)[1].lower() in KNOWN_EXTS:
                if limit is not None and files >= limit.files:
                    problems.append(limit.stop(root, limit.files, "files"))
                    return
                files += 1
                yield os.path.join(folder, name)
        subfolders = [os.path.join(folder, name) for name, is_folder in listed if is_folder]
        if subfolders and depth >= MAX_DEPTH:
            problems.append(ImportItem(folder, None, f"folders nested more than {MAX_DEPTH} deep, subfolders skipped"))
            continue
        stack.extend((sub, depth + 1) for sub in reversed(subfolders))


def _is_folder(entry: os.DirEntry) -> bool | None:
    """True for a real folder, None for a link to one (never followed), False for anything else."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return True
        return None if entry.is_symlink() and entry.is_dir() else False
    except OSError:
        return False


def import_file(path: str, allow_pipe: bool = True) -> list[ImportItem]:
    """Read one file (never more than the size limit) and parse it.

    The file is opened without blocking and its type checked on the open file itself: a file swapped
    for a named pipe between a check and the open cannot block the import. A named pipe is read only
    when asked for by name (`<(cmd)`); found inside a folder it would wait for some other program.
    """
    try:
        st = os.stat(path)  # a first look, so devices are never even opened (the real check is below)
        if stat.S_ISDIR(st.st_mode):
            return [ImportItem(path, None, "is a directory")]
        if not (stat.S_ISREG(st.st_mode) or (allow_pipe and stat.S_ISFIFO(st.st_mode))):
            return [ImportItem(path, None, not_a_file(st.st_mode))]
        if (system := system_files(st.st_dev)) is not None:
            return [ImportItem(path, None, system)]
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                return [ImportItem(path, None, "is a directory")]
            if stat.S_ISFIFO(st.st_mode) and allow_pipe:
                os.close(fd)
                fd = -1
                with open(path, "rb") as f:  # asked for by name: wait for its writer as `cat` would
                    return _import_stream(f, path)
            if not stat.S_ISREG(st.st_mode):
                return [ImportItem(path, None, not_a_file(st.st_mode))]
            if (system := system_files(st.st_dev)) is not None:
                return [ImportItem(path, None, system)]
            if st.st_size > MAX_BYTES:
                return [ImportItem(path, None, f"larger than {_LIMIT_MB} MB")]
            os.set_blocking(fd, True)
            with os.fdopen(fd, "rb") as f:
                fd = -1  # closed by the file object
                return _import_stream(f, path, st.st_size)
        finally:
            if fd >= 0:
                os.close(fd)
    except FileNotFoundError:
        return [ImportItem(path, None, "no such file or directory")]
    except PermissionError:
        return [ImportItem(path, None, "permission denied")]
    except OSError as exc:
        return [ImportItem(path, None, os_reason(exc))]  # "file name too long", as every command says it


def _import_stream(stream, name: str, size: int | None = None) -> list[ImportItem]:
    if size is not None and size <= MAX_BYTES:
        # The size the file had when opened: read(MAX_BYTES + 1) would allocate 20 MB for every file.
        data = stream.read(size + 1)
        if len(data) > size:  # it grew since: read on, as below
            data += stream.read(MAX_BYTES + 1 - len(data))
    else:
        data = stream.read(MAX_BYTES + 1)  # one byte more tells us it is too big
    if len(data) > MAX_BYTES:
        return [ImportItem(name, None, f"larger than {_LIMIT_MB} MB")]
    return parse_bytes(data, name)


def _import_url(url: str) -> list[ImportItem]:
    """Fetch a URL as `feed add` does (tui.sources.http: timeouts, a 20 MB cap, http(s) redirects only) and say
    why it failed in its words: "host not found (offline?)", "HTTP 404 Not Found" (urllib's "[Errno -2] Name or
    service not known" was said here, another line for the same URL)."""
    from tui.importers.clean import clean_text
    from tui.sources.http import PAGE_ACCEPT, Fetcher, FetchError, Limits

    try:
        with Fetcher(Limits(max_bytes=MAX_BYTES)) as fetcher:
            resp = fetcher.get(url, accept=PAGE_ACCEPT + ", application/rss+xml;q=0.9, application/atom+xml;q=0.9")
        data, ctype = resp.body, resp.content_type
    except FetchError as exc:
        return [ImportItem(url, None, squash_reason(exc) or "could not fetch URL")]
    except Exception as exc:  # never a traceback for a URL
        return [ImportItem(url, None, f"could not fetch URL ({squash_reason(exc) or type(exc).__name__})")]
    if len(data) > MAX_BYTES:
        return [ImportItem(url, None, f"larger than {_LIMIT_MB} MB")]
    # The content type says what the bytes are (a URL path often has no extension).
    hint = "feed" if ("rss" in ctype or "atom" in ctype) else "html" if "html" in ctype else None
    items = parse_bytes(data, url, kind=hint)
    for item in items:
        if item.article is not None and not item.article.url:
            item.article.url = "".join(clean_text(url).split()) or None
    return items


def squash_reason(reason) -> str:
    return " ".join(str(reason).split())[:100]


def parse_bytes(data: bytes, name: str = "<stdin>", kind: str | None = None) -> list[ImportItem]:
    """Parse the bytes of one file; the kind ("text", "markdown", "html", "feed", "jsonfeed", "json")
    is sniffed from the name's extension and the content unless given."""
    try:
        return [_sanitized(item) for item in _parse_bytes(data, name, kind)]
    except Exception as exc:  # a bug in one importer must not stop a batch
        return [ImportItem(name, None, f"could not parse ({type(exc).__name__}: {squash_reason(exc)})")]


def page_markup(text: str) -> str:
    """A decoded HTML page as the extractor is given it: raw escape sequences go whole (the parser would drop the ESC
    and keep "[31m"), and so do numeric references to control characters (the parser gave up on a page with one).
    `add` of a page and a feed's full-text pages alike."""
    from tui.textsafe import strip_sequences

    return _CONTROL_REFS.sub("", strip_sequences(text))


def _sanitized(item: ImportItem) -> ImportItem:
    """Every field of an imported article cleaned of escape sequences and control characters, whichever
    importer made it (feed tags and links, HTML meta keywords, JSON records ...): what is stored is clean."""
    from tui.importers.clean import bound_fields, clean_text, squash

    a = item.article
    if a is None:
        return item
    a.title = squash(clean_text(a.title or ""))
    a.source = squash(clean_text(a.source or ""))
    a.byline = squash(clean_text(a.byline or ""))
    a.tags = [t for t in (squash(clean_text(str(t))) for t in (a.tags or [])) if t]
    if a.url:
        a.url = "".join(clean_text(a.url).split()) or None
    bound_fields(a)
    if a.published:
        from tui.importers.dates import day_ahead

        # a day decades ahead ("Published January 1, 2100") is no date: it stood first in the list for ever
        a.published = squash(clean_text(a.published)) or None
        if a.published and day_ahead(a.published):
            a.published = None
    if a.published_at is not None and not (a.published and isinstance(a.published_at, str)
                                           and _STAMP.fullmatch(a.published_at)):
        a.published_at = None  # a time without its day, or not one as the store writes it
    # Every character _DIRTY matches is unprintable, and lines of printable text (most bodies) have none.
    if not all(map(str.isprintable, a.body.split("\n"))) and _DIRTY.search(a.body):
        a.body = clean_text(a.body)
    return item


_DIRTY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
# Numeric references to C0 controls (but tab, newline, CR) and DEL: "&#7;" alone in an <h1> or a <p> made
# the HTML parser give up on the page. They are dropped before parsing; the rest of the page is kept.
_CONTROL_REFS = re.compile(r"&#(?:0*(?:[0-8]|1[1249]|1[5-9]|2\d|3[01]|127)|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]));")


def _parse_bytes(data: bytes, name: str, kind: str | None) -> list[ImportItem]:
    ext = os.path.splitext(name.split("?")[0])[1].lower()
    kind = kind or _kind(data, ext)
    if kind in ("opml", "xml"):
        return [_markup_skipped(data, name, kind)]
    if kind == "feed":
        from tui.importers.feed import parse_feed

        return parse_feed(data, name)
    if kind == "jsonfeed":
        from tui.importers.jsonfeed import parse_json_feed

        return parse_json_feed(data, name)
    try:
        text = decode(data, html=(kind == "html"))
    except DecodeError as exc:
        return [ImportItem(name, None, str(exc))]
    if looks_binary_text(text):
        return [ImportItem(name, None, "binary file (control characters)")]
    if kind == "html":
        from tui.importers.html import parse_html

        text = page_markup(text)
        url = name if re.match(r"^https?://", name, re.I) else None
        if len(data) < CHILD_FROM:
            return [_checked(name, parse_html(text, url))]
        # A large page is extracted in a child given HTML_SECONDS (tui.child): the extractor costs ~7 us a byte and
        # ~100 us an element, so a hostile 20 MB page held `add` (or the app's add dialog) for minutes of CPU.
        from tui.child import ChildError, in_child

        try:
            return [_checked(name, in_child(parse_html, (text, url), seconds=HTML_SECONDS, size=len(data), tail=""))]
        except ChildError as exc:  # too costly: the article kept as the page's rough text, with a note saying so
            return [_rough(name, text, url, str(exc))]
    if kind == "json":
        return _parse_json(text, name)
    if kind == "markdown":
        from tui.importers.markdown import parse_markdown

        item = _checked(name, parse_markdown(text, name))
    else:
        item = _checked(name, parse_text(text, name))
    item.text = text  # for add's prose check (importers/prose.py), which judges a text file by its own lines
    return [item]


def _kind(data: bytes, ext: str) -> str:
    head = data[:4096]
    root = _MARKUP_ROOT.match(head)
    if ext == ".opml" or (root and root.group(1).lower() == b"opml"):
        return "opml"
    if ext == ".svg":
        return "xml"
    if ext in FEED_EXTS:
        return "html" if _HTML_START.match(head) else "feed"
    if ext in HTML_EXTS:
        return "html"
    if ext in MARKDOWN_EXTS:
        return "markdown"
    if ext in JSON_EXTS or ext not in TEXT_EXTS and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        from tui.importers.jsonfeed import looks_like_json_feed

        # a JSON Feed (its jsonfeed.org version) is read as a feed file is, item by item ("JSON record has no
        # "body" text" skipped it); other JSON is our own export read back
        if looks_like_json_feed(data):
            return "jsonfeed"
        if ext in JSON_EXTS:
            return "json"
    # .txt, no extension, stdin: trust only strong signs in the content
    if re.match(rb"^\s*<\?xml", head) or re.match(rb"^\s*<(?:rss|feed)\b", head):
        from tui.importers.feed import looks_like_feed

        if looks_like_feed(data):
            return "feed"
    if _HTML_START.match(head):
        return "html"
    if ext not in TEXT_EXTS and re.match(rb"^(?:\xef\xbb\xbf)?---\r?\n[\w-]+\s*:", head):
        return "markdown"
    if _XML_DECLARED.match(head) or (root and root.group(1).lower() == b"svg"):
        return "xml"  # neither a feed nor a page (both sniffed above): no article
    return "text"


def _markup_skipped(data: bytes, name: str, kind: str) -> ImportItem:
    """The one-line reason a file of markup that is no article is skipped: an OPML list names the command that
    subscribes to its feeds; other XML names its root element."""
    if kind == "opml":
        import shlex

        target = "FILE" if name == "<stdin>" or re.match(r"^https?://", name, re.I) else shlex.quote(name)
        return ImportItem(name, None, f"an OPML list of feeds, not an article: `newsreader feed import {target}` "
                                      "subscribes to them")
    root = _MARKUP_ROOT.match(data[:4096])
    tag = root.group(1).decode("ascii", "replace")[:40] if root else "?"
    return ImportItem(name, None, f"XML (<{tag}>), not an article, a feed or a web page")


def _rough(name: str, text: str, url: str | None, why: str) -> ImportItem:
    """The page as rough text (tags stripped, bounded) after its extraction failed for `why`, with a note saying so;
    the reason alone when it holds no text."""
    from tui.importers.rough import ROUGH_KEEP, rough_article

    why = why.rstrip("; ")
    article, cut = rough_article(text, url)
    if article is None:
        return ImportItem(name, None, f"{why}; given up (no text in it)")
    part = f", its first {ROUGH_KEEP:,} characters" if cut else ""
    return ImportItem(name, article, note=f"{why}; imported as rough text (tags stripped{part})")


def _checked(name: str, article: Article | None) -> ImportItem:
    if article is None or not article.body.strip():
        if article is not None and article.title.strip():
            return ImportItem(name, None, "no article text found (title only)")
        return ImportItem(name, None, "no article text found")
    return ImportItem(name, article)


def _parse_json(text: str, name: str) -> list[ImportItem]:
    """Our own JSON export (a list of article objects, or JSON lines) read back in."""
    from tui.importers.decode import json_loads

    try:
        try:
            records = json_loads(text)
        except json.JSONDecodeError:
            records = [json_loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError:
        return [ImportItem(name, None, "not valid JSON")]
    except RecursionError:  # ("could not parse (RecursionError: maximum recursion depth exceeded while decoding ...")
        return [ImportItem(name, None, "not valid JSON: nested too deeply to read")]
    if isinstance(records, dict):
        records = records.get("articles", [records])
    if not isinstance(records, list):
        return [ImportItem(name, None, "JSON is not a list of articles")]
    from tui.importers.clean import clean_text, squash

    items = []
    for i, rec in enumerate(records, 1):
        origin = f"{name}#entry-{i}" if len(records) > 1 else name
        if not isinstance(rec, dict) or not isinstance(rec.get("body"), str):
            items.append(ImportItem(origin, None, "JSON record has no \"body\" text"))
            continue
        tags = rec.get("tags") if isinstance(rec.get("tags"), list) else []
        body = "\n\n".join(p for p in (squash(x) for x in clean_text(rec["body"]).split("\n\n")) if p)
        published = _iso(rec.get("published"))
        article = Article(
            title=squash(clean_text(str(rec.get("title") or ""))),
            body=body,
            source=squash(clean_text(str(rec.get("source") or ""))),
            byline=squash(clean_text(str(rec.get("byline") or ""))),
            published=published,
            tags=[squash(clean_text(str(t))) for t in tags if str(t).strip()],
            url=str(rec["url"]) if rec.get("url") else None,
            # `export --format json`'s marks and time of adding come back (the rescue path; tui/store/library.py
            # sets them on a new row only): only JSON true marks, only a time as the store writes it (_stamp)
            added_at=_stamp(rec.get("added_at"), published),
            read=rec.get("read") is True,
            starred=rec.get("starred") is True,
        )
        # the time its feed gave, as exported: only with its day, and not after the article was added
        if published and (at := _stamp(rec.get("published_at"), None)) and at <= (article.added_at or at):
            article.published_at = at
        items.append(_checked(origin, article))
    return items or [ImportItem(name, None, "no articles in JSON")]


_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _stamp(value, published: str | None) -> str | None:
    """An export's "added_at" ("2026-03-04T08:15:00Z", UTC) when it is one, not in the future and not before the
    day the article is dated (the stories' `since` takes none to be published after it was added), else None."""
    if not isinstance(value, str) or not _STAMP.fullmatch(value) or (published and published > value[:10]):
        return None
    from datetime import datetime, timezone

    try:
        when = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except ValueError:  # "2026-02-30T..."
        return None
    return value if when <= datetime.now(timezone.utc) else None


def _iso(value) -> str | None:
    from tui.importers.dates import parse_date

    return parse_date(str(value)) if value else None
