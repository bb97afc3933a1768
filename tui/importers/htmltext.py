"""HTML fragments (feed entries) to paragraphs, with the standard library's parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tui.importers.clean import clean_text, squash

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption",
    "dd", "dt", "hr",
}
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "object", "head"}


class _Text(HTMLParser):
    def __init__(self, lines: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.lines = lines  # a <br> ends a line ("\n"), not a paragraph

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "br" and self.lines:
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "br" and self.lines:
            pass  # ("<br/>" and "</br>" end no second line)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


_REFERENCE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?")


def mend_references(text: str, replacement: str = "\ufffd") -> str:
    """`text` with each numeric character reference that names no character (past U+10FFFF, a surrogate, or more
    digits than int() reads) as `replacement`; the others left as they are."""
    def mend(match: re.Match) -> str:
        try:
            n = int(match.group(1), 16) if match.group(1) is not None else int(match.group(2))
        except ValueError:  # more digits than int() converts
            return replacement
        return replacement if n > 0x10FFFF or 0xD800 <= n <= 0xDFFF else match.group(0)

    return _REFERENCE.sub(mend, text) if "&#" in text else text


def html_to_paragraphs(html: str, join_lines: bool = False) -> list[str]:
    """Visible text of an HTML fragment, one string per block element (and per line a <br> ends). `join_lines`: a
    line a single <br> ends mid-sentence (`_runs_on`: "Relative more and<br>breaks") is joined to the next line with a
    space, one paragraph; a line that reads finished, or two <br>s in a row, still end a paragraph."""
    parser = _Text(join_lines)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # the stdlib parser is lenient; this is a last resort for odd input
        # A reference of more than 4,300 digits stopped it (int() refuses them): the fragment was kept as it came, its
        # tags and what its scripts hold as the article's text. Read again with such references as U+FFFD.
        mended = mend_references(html)
        if mended == html:
            return [squash(html)] if squash(html) else []
        return html_to_paragraphs(mended, join_lines)
    text = clean_text("".join(parser.parts))
    if not join_lines:
        return [squash(p) for p in text.split("\n\n") if squash(p)]
    runs: list[list[str]] = []  # each paragraph's lines, joined once at the end (adding to a growing string was
    # quadratic: a post of 4 MB of "and<br>" lines took minutes)
    for block in _BLANK_LINE.split(text):
        lines = [squash(line) for line in block.split("\n") if squash(line)]
        for i, line in enumerate(lines):
            if i and _runs_on(lines[i - 1], line):
                runs[-1].append(line)
            else:
                runs.append([line])
    return [" ".join(run) for run in runs]


_BLANK_LINE = re.compile(r"\n\s*\n")
# words a finished line never ends with: the line a <br> cut runs on into the next ("Ferry fares rise for<br>...")
_JOINERS = frozenset("and or nor but of the a an to in on at for with from by as than that".split())


def _runs_on(line: str, following: str) -> bool:
    """Whether a line a <br> ends reads unfinished, so that `following` continues its sentence: the next line starts
    in lower case, or the line ends with a comma, a semicolon, a dash, or a word such as "and", "of", "the"."""
    return (following[:1].islower() or line.endswith((",", ";", "-", "–", "—"))
            or line.rsplit(" ", 1)[-1].lower() in _JOINERS)
