"""A page's rough text: its tags stripped in one pass, for a page whose extraction ran out of time (tui.child).

Linear in the page (each search moves forward; no pattern that can back up), bounded in what it reads and what it
gives, plain `str` and `html.unescape`: what a page costs here is a few milliseconds a megabyte, however hostile.
"""

from __future__ import annotations

import html
import re

from tui.importers.clean import clean_text
from tui.models import Article

ROUGH_READ = 4 * 1024 * 1024  # characters of the page read at most
ROUGH_KEEP = 200_000  # characters of text kept at most
TITLE_CHARS = 300

# Tags that end a line of text (the rest are dropped where they stand: "<b>quay</b>s" stays "quays").
_BREAKS = {"p", "div", "br", "hr", "li", "ul", "ol", "dt", "dd", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
           "article", "section", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "figure",
           "figcaption", "title", "td", "th", "form", "body", "head", "html"}
_SKIPPED = {"script", "style", "noscript", "template", "svg"}  # what they hold is no text of the page
_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]{0,30})")
_TITLE = re.compile(r"<title\b[^>]{0,500}>([^<]{1,2000})<", re.I)
_H1 = re.compile(r"<h1\b[^>]{0,500}>(.{1,2000}?)</h1", re.I | re.S)
_TAG_IN = re.compile(r"<[^>]{0,500}>")


def rough_text(page: str) -> tuple[str, list[str], bool]:
    """(title, paragraphs, cut) of `page`: tags stripped, what scripts and styles hold dropped, entities read,
    each paragraph on one line; `cut` when the page or its text was longer than read or kept."""
    cut = len(page) > ROUGH_READ
    page = page[:ROUGH_READ]
    lower = page.lower()
    out: list[str] = []
    i, n = 0, len(page)
    while i < n:
        j = page.find("<", i)
        if j < 0:
            out.append(page[i:])
            break
        out.append(page[i:j])
        if page.startswith("<!--", j):
            end = page.find("-->", j + 4)
            i = n if end < 0 else end + 3
            continue
        tag = _NAME.match(page, j)
        close = page.find(">", j + 1)
        if tag is None:  # a "<" that opens no tag: text ("a < b")
            out.append("<")
            i = j + 1
            continue
        name = tag.group(1).lower()
        i = n if close < 0 else close + 1
        if name in _SKIPPED and not page.startswith("</", j):
            end = lower.find(f"</{name}", i)
            if end < 0:
                break
            close = page.find(">", end)
            i = n if close < 0 else close + 1
        if name in _BREAKS:
            out.append("\n")
    text = html.unescape("".join(out))
    paras: list[str] = []
    kept = 0
    for line in text.split("\n"):
        line = " ".join(line.split())
        if len(line) < 4:  # a box's one letter, a lone mark
            continue
        if kept + len(line) > ROUGH_KEEP:  # (a paragraph past the room is cut at its end, its words up to there kept)
            cut = True
            line = line[:ROUGH_KEEP - kept].rpartition(" ")[0]
            if len(line) >= 4:
                paras.append(line)
            break
        paras.append(line)
        kept += len(line)
    return _title(page, paras), paras, cut


def _title(page: str, paras: list[str]) -> str:
    head = page[:65536]
    found = _TITLE.search(head) or _H1.search(head)
    title = " ".join(clean_text(html.unescape(_TAG_IN.sub(" ", found.group(1)))).split()) if found else ""
    return (title or (paras[0] if paras else ""))[:TITLE_CHARS]


def rough_article(page: str, url: str | None = None) -> tuple[Article | None, bool]:
    """The page as an article of its rough text (the title line left out of the body), or None when it holds no text;
    and whether it was cut."""
    title, paras, cut = rough_text(page)
    paras = [p for n, p in enumerate(paras) if n > 3 or p != title]  # the title line and the headline under it
    body = clean_text("\n\n".join(paras)) if paras else ""
    if not body.strip():
        return None, cut
    return Article(title=title, body=body, url=url), cut
