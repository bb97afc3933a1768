"""Small HTML pages the importer tests write: a head, and a body with enough paragraphs to be an article."""

from __future__ import annotations

from tui.importers import parse_bytes


def paragraphs(template: str, n: int = 5, first: int = 0) -> str:
    """`n` <p> paragraphs of `template`, its {i} the paragraph's number (`first` to `first` + n - 1)."""
    return "".join(f"<p>{template.format(i=i)}</p>" for i in range(first, first + n))


def page_article(head: str, body: str, name: str = "page.html"):
    """The article parse_bytes reads from <html><head>HEAD</head><body>BODY</body></html> saved as `name`."""
    return parse_bytes(f"<html><head>{head}</head><body>{body}</body></html>".encode(), name)[0].article
