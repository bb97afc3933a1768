"""OPML 2.0 subscription lists in and out (what newsboat, newsraft and feed services exchange).

Folders (nested outlines) and `category` attributes become feed tags; export writes each feed in
the folder of its first tag and every tag in `category`, so import -> export -> import round-trips.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from tui.importers.clean import FIELD_MAX, TAG_MAX, TAGS_MAX, bounded

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64  # folder nesting read; real lists use one or two levels
# Feeds read from one list: a reader's list holds tens to a few thousand. 100,000 outlines (a 7.8 MB file) took 41 s
# and 124 MB to import, then a refresh asked 100,000 servers; the rest of a longer list is left out, said in a line.
MAX_FEEDS = 10_000


class OpmlError(Exception):
    """Not a readable OPML file (one-line reason)."""


@dataclass
class OpmlFeed:
    """One subscription read from OPML."""

    url: str
    title: str = ""
    tags: list[str] = field(default_factory=list)
    site_url: str | None = None


def parse_opml(data: bytes, problems: list[str] | None = None) -> list[OpmlFeed]:
    """The feeds of an OPML document, each URL once: a URL listed again (in another folder) adds that folder's tags
    to its first listing, said in `problems` (one line). Outlines nested deeper than MAX_DEPTH are skipped, said
    once in `problems` (one line) when given."""
    import xml.etree.ElementTree as ET

    from tui.importers.feed import declares_entities

    if len(data) > MAX_BYTES:
        raise OpmlError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    if declares_entities(data):
        raise OpmlError("declares XML entities (possible entity bomb), refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not valid XML ({exc})") from None
    if root.tag.lower() != "opml":
        raise OpmlError("not an OPML document (root is not <opml>)")
    body = next((c for c in root if c.tag.lower() == "body"), None)
    if body is None:
        raise OpmlError("OPML has no <body>")
    out: list[OpmlFeed] = []
    seen: dict[str, OpmlFeed] = {}
    repeats = 0  # outlines of a feed listed before

    # Iterative and bounded: an OPML nested thousands deep must not exhaust the stack (or the CPU).
    stack: list[tuple] = [(body, [], 0)]
    while stack:
        node, folders, depth = stack.pop()
        if depth > MAX_DEPTH:
            deep = f"outlines nested more than {MAX_DEPTH} deep were skipped"
            if problems is not None and deep not in problems:
                problems.append(deep)
            continue
        children = []
        for child in node:
            if not isinstance(child.tag, str) or child.tag.lower() != "outline":
                continue
            a = {k.lower(): (v or "").strip() for k, v in child.attrib.items()}
            name = a.get("title") or a.get("text") or ""
            url = a.get("xmlurl", "")
            if url:
                tags = list(folders)
                for cat in a.get("category", "").split(","):
                    tag = cat.strip().strip("/").split("/")[-1].strip()
                    if tag:
                        tags.append(tag)
                tags = [bounded(t, TAG_MAX) for t in dict.fromkeys(tags)]
                if url in seen:  # listed again (in another folder, often): one feed, in every folder it is listed in
                    first = seen[url]
                    first.tags = list(dict.fromkeys(first.tags + tags))[:TAGS_MAX]
                    repeats += 1
                else:
                    if len(out) == MAX_FEEDS:
                        if problems is not None:
                            problems.append(f"more than {MAX_FEEDS:,} feeds: the first {MAX_FEEDS:,} were read")
                        return out
                    seen[url] = OpmlFeed(url, bounded(name, FIELD_MAX["source"]), tags[:TAGS_MAX],
                                         a.get("htmlurl") or None)
                    out.append(seen[url])
                children.append((child, folders, depth + 1))
            else:
                children.append((child, folders + [name] if name else folders, depth + 1))
        stack.extend(reversed(children))
    if repeats and problems is not None:
        problems.append(f"{repeats} {'outline lists' if repeats == 1 else 'outlines list'} a feed listed before: each"
                        " feed is read once, tagged with every folder it is listed in")
    return out


def read_opml_file(path: str, problems: list[str] | None = None) -> list[OpmlFeed]:
    """The feeds of the OPML file at `path` (read up to MAX_BYTES and one more, so a larger one is said); OSError
    when it cannot be read, OpmlError when it is no OPML list (an empty file: "empty file")."""
    with open(path, "rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if not data.strip():  # it said "not valid XML (no element found: line 1, column 0)"
        raise OpmlError("empty file")
    return parse_opml(data, problems)


def looks_like_opml(head: bytes) -> bool:
    """Whether a file's first bytes (4 KB are plenty) open an OPML document: its root element is <opml>."""
    return re.search(rb"<opml[\s>]", head[:4096], re.I) is not None


@dataclass
class Subscribed:
    """What subscribing to a list's feeds did: feeds added, already subscribed, and (url, reason) of each skipped."""

    added: int = 0
    present: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # (url, the feed's URL) of each listed URL subscribed under another URL: one a feed's fetch last ended at
    aliases: list[tuple[str, str]] = field(default_factory=list)


def subscribe_all(lib, feeds: list[OpmlFeed]) -> Subscribed:
    """Subscribe to `feeds` (none fetched: a refresh does that) in one commit: 10,000 feeds a commit each took 4 s.
    A URL that cannot be fetched (not http(s), no host) is skipped with the reason. `newsreader feed import` and the
    app's add-feed dialog given an OPML file both subscribe through here."""
    from tui.sources.http import FetchError, check_url
    from tui.store.feeds import FeedKeys, add_feed
    from tui.textsafe import clean

    done = Subscribed()
    with lib.transaction():
        keys = FeedKeys(lib.db)  # (each URL looked up by its key here: 10,000 feeds of one host)
        for f in feeds:
            try:
                check_url(f.url)
            except FetchError as exc:
                done.skipped.append((f.url, clean(str(exc))))
                continue
            ident, created = add_feed(lib, f.url, f.title, tags=f.tags, site_url=f.site_url, keys=keys)
            done.added += created
            done.present += not created
            if not created:
                (url,) = lib.db.execute("SELECT url FROM feeds WHERE id = ?", (ident,)).fetchone()
                if url != f.url:
                    done.aliases.append((f.url, url))
    return done


def export_opml(feeds, title: str = "newsreader subscriptions") -> str:
    """OPML 2.0 text for `feeds` (objects with url, title, tags, site_url)."""
    from email.utils import formatdate

    folders: dict[str, list] = {}
    loose = []
    for f in feeds:
        (folders.setdefault(f.tags[0], []) if f.tags else loose).append(f)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head>",
             f"    <title>{_esc(title)}</title>", f"    <dateCreated>{formatdate(usegmt=True)}</dateCreated>",
             "  </head>", "  <body>"]
    for name, members in folders.items():
        lines.append(f"    <outline text={quoteattr(_xml_chars(name))} title={quoteattr(_xml_chars(name))}>")
        lines += ["  " + _outline(f) for f in members]
        lines.append("    </outline>")
    lines += [_outline(f) for f in loose]
    lines += ["  </body>", "</opml>", ""]
    return _INVISIBLE.sub(lambda m: "&#x%x;" % ord(m.group()), "\n".join(lines))


# What the document holds as character references, not as itself: DEL and the C1 controls (U+009B is an 8-bit CSI to a
# terminal: `feed export` writes to stdout) and the bidi and zero-width characters that reorder or hide what is shown.
# Only names and URLs hold them (the markup is ASCII), and a reader of the file gets them back as they were.
_INVISIBLE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def _outline(f) -> str:
    name = _xml_chars(f.title or f.url)
    attrs = f'type="rss" text={quoteattr(name)} title={quoteattr(name)} xmlUrl={quoteattr(_xml_chars(f.url))}'
    if getattr(f, "site_url", None):
        attrs += f" htmlUrl={quoteattr(_xml_chars(f.site_url))}"
    if f.tags:
        attrs += f" category={quoteattr(_xml_chars(','.join('/' + t.replace(',', ' ') for t in f.tags)))}"
    return f"    <outline {attrs}/>"


def _xml_chars(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry at all (C0 controls but tab/newline, lone surrogates)."""
    return "".join(c for c in text if c in "\t\n" or (" " <= c and not "\ud800" <= c <= "\udfff" and c not in "\ufffe\uffff"))


def _esc(text: str) -> str:
    text = _xml_chars(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
