"""RSS/Atom feed files: each entry becomes an article (feedparser does the parsing)."""

from __future__ import annotations

import io
import re
import time

from tui.importers.clean import TAGS_MAX, clean_text, shows, squash
from tui.importers.htmltext import html_to_paragraphs
from tui.importers.item import ImportItem
from tui.importers.item_source import item_source
from tui.importers.titles import untitled
from tui.models import Article

# Feeds are untrusted. feedparser already drops a DOCTYPE before its strict parse, but it
# then falls back to a loose parse that keeps the raw entity text; we refuse such feeds
# outright: no real-world feed needs its own entity declarations, and both the
# external-entity (XXE) and billion-laughs attacks need them.
_ENTITY_DECL = re.compile(r"<!\s*ENTITY", re.I)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)\b", re.I)


def looks_like_feed(data: bytes) -> bool:
    """An XML document whose root is an RSS, Atom or RDF feed."""
    head = data[:4096].lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return bool(_FEED_ROOT.search(head)) and not re.search(rb"<html\b", head[:1024], re.I)


def declares_entities(data: bytes) -> bool:
    """True when the XML declares entities, in whichever encoding it is written."""
    encodings = ["utf-8"]
    if b"\x00" in data[:4096]:  # UTF-16/32 feeds would hide the declaration from a byte search
        encodings += ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
    return any(_ENTITY_DECL.search(data.decode(enc, errors="ignore")) for enc in encodings)


# Categories feedparser collects of one item (or of the feed), of which TAGS_MAX are kept: it compares each new one
# with every one before it, so 11,000 Atom categories (260 KB) cost 3.2 s of CPU and 44,000 iTunes keywords (300 KB,
# one element) 35 s, in the refresh's thread when the document is under CHILD_FROM, or in `add`.
TAGS_READ = 4 * TAGS_MAX


def _bound_tags() -> None:
    """feedparser keeps no more than TAGS_READ tags (categories, keywords, subjects) of an item or a feed."""
    from feedparser.mixin import _FeedParserMixin

    add = _FeedParserMixin._add_tag
    if getattr(add, "bounded", False):
        return

    def _add_tag(self, term, scheme, label):
        if len(self._get_context().get("tags", ())) < TAGS_READ:
            add(self, term, scheme, label)

    _add_tag.bounded = True
    _FeedParserMixin._add_tag = _add_tag


def _mend_references(data: bytes) -> bytes:
    """`data` with each numeric character reference that names no character as U+FFFD's (htmltext.mend_references)."""
    from tui.importers.htmltext import mend_references

    return mend_references(data.decode("latin-1"), "&#xFFFD;").encode("latin-1")


# The elements HTML has (and a few old ones): a title's element of another name is text its feed wrote unescaped.
_HTML_ELEMENTS = frozenset("""
    a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption
    center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption
    figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd
    label legend li link main map mark marquee menu meta meter nav nobr noscript object ol optgroup option output p
    param picture pre progress q rp rt ruby s samp script section select slot small source span strike strong style
    sub summary sup svg math table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr
""".split())
_TITLE_OPEN = re.compile(r"<title(?:\s[^<>]*)?>")
_TAG = re.compile(r"<(/?)([A-Za-z][\w.:-]*)((?:\s[^<>]*)?)(/?)>")
# What no title's content holds: a title, an item or entry, the channel or the feed opening or closing, a comment
_NOT_ONE_TITLE = re.compile(r"<!--|</?(?:title|item|entry|channel|feed|rss)[\s/>]", re.I)


def _literal_title_elements(data: bytes) -> bytes:
    """`data` with each <title> that holds raw elements written as the text it shows: an element HTML has is markup (its
    text stays, "A <b>bold</b> claim" is "A bold claim"), an element of another name is text its feed did not escape
    ("Fen <Post> vote"), kept as written. feedparser lower-cased such an element and dropped it with the markup, or,
    in CDATA beside HTML, took the whole title for plain text and kept every tag. A title in CDATA with no such mix,
    and an Atom title typed as HTML or XHTML, are left to feedparser as before."""
    if b"<title" not in data or b"\x00" in data[:4096]:
        return data
    text = data.decode("latin-1")  # (every byte one character, and back: the tags looked at are ASCII)
    out: list[str] = []
    at = look = 0  # (copied up to `at`; titles looked for from `look`)
    while (m := _TITLE_OPEN.search(text, look)) is not None:
        if m.group().endswith("/>"):  # an empty title (`<title />`, as XML writers close one): no content to read
            look = m.end()
            continue
        end = text.find("</title>", m.end())
        if end < 0:
            break
        inner = text[m.end():end]
        if _NOT_ONE_TITLE.search(inner):
            # not one title's content: another title or an item opens or closes before its end (an opening inside a
            # comment or a CDATA text): left to feedparser, the titles after it looked for from here
            look = m.end()
            continue
        if "<" in inner and not ("type=" in m.group() and not re.search(r"""type=["']text["']""", m.group())):
            shown = _shown_title(inner, _is_utf8(data))
            if shown is not None:
                out += [text[at:m.end()], shown]
                at = end
        look = end
    if not out:
        return data  # (no title rewritten: the document as it came)
    out.append(text[at:])
    return "".join(out).encode("latin-1")


def _is_utf8(data: bytes) -> bool:
    head = data[:200].lower()
    return not head.startswith(b"<?xml") or b"encoding" not in head.split(b"?>", 1)[0] or \
        b"utf-8" in head.split(b"?>", 1)[0] or b"utf8" in head.split(b"?>", 1)[0]


def _shown_title(inner: str, utf8: bool) -> str | None:
    """The XML-escaped text a <title>'s raw content `inner` (as Latin-1 characters) shows, or None to leave it."""
    cdata = inner.strip()
    if cdata.startswith("<![CDATA[") and cdata.endswith("]]>") and cdata.count("<![CDATA[") == 1:
        markup = cdata[9:-3]
        names = {t.group(2).lower() in _HTML_ELEMENTS for t in _TAG.finditer(markup)}
        if names != {True, False}:  # HTML alone, or no HTML: feedparser reads it as the feed meant
            return None
    elif "<![CDATA[" in inner or not _TAG.search(inner):
        return None
    else:
        markup = inner
    if not utf8:
        return None  # (an 8-bit encoding other than UTF-8: left to feedparser, which knows it)
    try:
        markup = markup.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return None
    marked = _TAG.sub(lambda t: t.group() if t.group(2).lower() in _HTML_ELEMENTS
                      else t.group().replace("<", "&lt;").replace(">", "&gt;"), markup)
    shown = " ".join(html_to_paragraphs(marked))
    escaped = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.encode("utf-8").decode("latin-1")


def parse_feed(data: bytes, name: str) -> list[ImportItem]:
    """Parse feed bytes into one ImportItem per entry (or one error item for the file)."""
    info, entries, error = feed_entries(data, name)
    if error:
        return [ImportItem(name, None, error)]
    return [item for _key, item in entries]


def feed_entries(data: bytes, name: str, base_url: str | None = None,
                 sanitize: bool = True) -> tuple[dict, list[tuple[dict, ImportItem]], str | None]:
    """Parse feed bytes for a subscription: (feed info, [(entry identity, item)], error or None).

    The feed info has "title" and "link" (the site); each entry identity has "guid" and "link".
    `base_url` (where the feed was fetched) resolves relative links. `sanitize=False` skips
    feedparser's HTML sanitiser (a fifth of its time): safe here because only the visible text of
    an entry is kept (`html_to_paragraphs` drops scripts, styles and markup) and never rendered.
    """
    if declares_entities(data):
        return {}, [], "feed declares XML entities (possible XXE or entity bomb), refused"
    data = _literal_title_elements(data)
    if not sanitize and base_url is None:
        from tui.importers.rss_lean import lean_rss

        lean = lean_rss(data)  # plain RSS 2.0 read as feedparser reads it, at a fifth of the CPU (None: anything else)
        if lean is not None:
            return _feed_info(lean[0], lean[1], name)
    import feedparser  # lazy: only feeds pay for it

    _bound_tags()
    headers = {"content-location": base_url} if base_url else None
    def parse(document: bytes):
        return feedparser.parse(io.BytesIO(document), resolve_relative_uris=False, sanitize_html=sanitize,
                                response_headers=headers)

    try:
        parsed = parse(data)
    except Exception as exc:  # feedparser is robust, but a bad feed must never stop a batch
        # A character reference no character has (past U+10FFFF, a surrogate, more digits than int() reads) raised in
        # feedparser's own reading of it ("unreadable feed (ValueError)"): one such item kept every item of the feed
        # out, at each refresh. Read again with those references as U+FFFD (only then: a well-formed feed pays nothing).
        mended = _mend_references(data) if b"&#" in data else data
        if mended == data:
            return {}, [], f"unreadable feed ({type(exc).__name__})"
        try:
            parsed = parse(mended)
        except Exception as again:
            return {}, [], f"unreadable feed ({type(again).__name__})"
    if not parsed.entries:
        reason = "feed has no entries"
        if parsed.get("bozo"):
            reason = f"not a readable feed ({_bozo(parsed)})"
        elif not parsed.get("version"):
            reason = "not a feed (neither RSS, Atom nor RDF)"
        return {"title": _title(parsed.feed) if reason.startswith("feed") else ""}, [], reason
    info, entries, _ = _feed_info(parsed.feed, parsed.entries, name)
    if parsed.get("bozo") and not any(item.article is not None for _key, item in entries):
        # broken XML of which no item could be read (a document cut off in its first item): not "ok, 0 items"
        return {}, [], f"not a readable feed ({_bozo(parsed)})"
    return info, entries, None


def _bozo(parsed) -> str:
    """feedparser's reason for a malformed document, in a few words."""
    return squash(str(parsed.get("bozo_exception", "")))[:80] or "parse error"


def _feed_info(feed, parsed_entries, name: str) -> tuple[dict, list[tuple[dict, ImportItem]], None]:
    """feed_entries' result from feedparser's feed and entries (or rss_lean's dicts of the same keys)."""
    source = _title(feed)
    info = {"title": source, "link": feed.get("link") or None}
    entries = []
    for i, e in enumerate(parsed_entries, 1):
        key = {"guid": squash(str(e.get("id") or "")) or None, "link": e.get("link") or None}
        # the item's own outlet where it names one (<source>) or links to another site than the feed's
        own = item_source(e.get("source"), e.get("link"), info["link"], source)
        entries.append((key, _entry(e, own, f"{name}#entry-{i}")))
    return info, entries, None


def _title(obj) -> str:
    """A feed's or an entry's title as text: one its feed types as HTML (Atom type="html" or "xhtml", an RSS title
    holding markup, which feedparser reads as HTML) has its tags dropped and its entities decoded, as an entry's
    content (the list showed "<em>Ferry</em> late &amp; wet"); a character reference to a control character then goes
    with clean_text, as any other. A plain-text title is kept as written ("<b> tags" in Atom type="text")."""
    title = obj.get("title", "") or ""
    detail = obj.get("title_detail")
    kind = str(detail.get("type", "")) if isinstance(detail, dict) else ""
    if title and "html" in kind and ("<" in title or "&" in title):
        title = " ".join(html_to_paragraphs(title))
    return squash(clean_text(title))


def _entry(entry, source: str, origin: str) -> ImportItem:
    title = _title(entry)
    html = ""
    for content in entry.get("content", []) or []:
        if len(content.get("value", "")) > len(html):
            html = content.get("value", "")
    if not html:
        html = entry.get("summary", "") or entry.get("description", "")
    paras = [p for p in html_to_paragraphs(html) if shows(p)] if html else []
    if not shows(title):  # (a title of bidi marks or zero-width spaces only was stored, a blank row in every list)
        title = ""
    if not title:  # a microblog's post, a note: titled from its text, kept whole when it is one paragraph
        title, paras = untitled(paras, html_to_paragraphs(html, join_lines=True) if "<" in html else None)
    tags = [squash(t.get("term", "")) for t in entry.get("tags", []) or [] if squash(t.get("term", ""))]
    article = Article(
        title=title,
        body="\n\n".join(paras),
        source=source,
        byline=squash(clean_text(entry.get("author", ""))),
        tags=tags,
        url=entry.get("link") or None,
    )
    article.published, article.published_at = _when(entry)
    if not paras:  # (a title and a link: its page may hold the text, for a feed read with its full text)
        return ImportItem(origin, None, "no article text found (feed entry has no content)",
                          link_only=article if article.url else None)
    return ImportItem(origin, article)


def _when(entry) -> tuple[str | None, str | None]:
    """The UTC day of an entry's date (published, else updated), and its UTC time when the date gives one
    (tui.importers.dates.stamp_of), or (None, None): feedparser rolls an impossible date over (2026-13-45 -> 2027-01-01)
    and takes any date ahead, both read as no date (the article is dated when added). A time a few minutes ahead is
    taken as now, and so is its day: 00:02 tomorrow read at 23:58 is today's 23:58, not tomorrow with no time."""
    import calendar

    from tui.importers.dates import ahead, impossible, stamp_of

    for key in ("published", "updated"):
        when = dict.get(entry, key + "_parsed")  # dict's get: feedparser's own maps updated to published, warning
        text = str(dict.get(entry, key) or "")
        if when and not impossible(text) and not ahead(seconds := calendar.timegm(when)):
            # (not strftime's %Y: glibc writes the year 1 as "1", a day that sorted after every other)
            day = f"{when.tm_year:04d}-{when.tm_mon:02d}-{when.tm_mday:02d}"
            stamp = stamp_of(seconds, text)
            if stamp is not None and stamp[:10] < day:  # (taken back to now across midnight)
                day = stamp[:10]
            return day, stamp if stamp is None or stamp[:10] == day else None
    return None, None
