"""HTML fragments (feed entries) to paragraphs, with the standard library's parser."""

from __future__ import annotations

from html.parser import HTMLParser

from tui.importers.clean import clean_text, squash

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption",
    "dd", "dt", "hr",
}
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "object", "head"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


def html_to_paragraphs(html: str) -> list[str]:
    """Visible text of an HTML fragment, one string per block element."""
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # the stdlib parser is lenient; this is a last resort for odd input
        return [squash(html)] if squash(html) else []
    text = clean_text("".join(parser.parts))
    return [squash(p) for p in text.split("\n\n") if squash(p)]
