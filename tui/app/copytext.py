"""The plain text and Markdown that the copy keys put on the clipboard (no markup, no control codes)."""

from __future__ import annotations

from tui.textsafe import clean


def _line(text: str) -> str:
    return " ".join(clean(text).split())


def summary_text(analysis) -> str:
    """The summary sentences, one per line, in article order."""
    sentences = analysis.summary.sentences if analysis and analysis.summary else []
    return "\n".join(_line(s.text) for s in sentences)


def quote_line(quote) -> str:
    """“Quote text” — Speaker (speaker left out when unknown)."""
    text = f"“{_line(quote.text)}”"
    return f"{text} — {_line(quote.speaker)}" if quote.speaker else text


def quotes_text(analysis) -> str:
    """Every key quote with its speaker, one per line."""
    return "\n".join(quote_line(q) for q in (analysis.quotes if analysis else []))


def markdown(article, analysis) -> str:
    """Title, source line, summary as a list and quotes as block quotes, as Markdown."""
    where = ", ".join(_line(x) for x in (article.source, article.byline, article.published or "") if x)
    parts = [f"# {_line(article.title)}"]
    if where or article.url:
        parts.append(f"*{where}*" + (f" — <{_line(article.url)}>" if article.url else ""))
    summary = summary_text(analysis).splitlines()
    if summary:
        parts.append("## Summary\n\n" + "\n".join(f"- {s}" for s in summary))
    if analysis and analysis.quotes:
        parts.append("## Key quotes\n\n" + "\n\n".join(f"> {quote_line(q)}" for q in analysis.quotes))
    return "\n\n".join(parts) + "\n"
