"""The plain text and Markdown that the copy keys put on the clipboard (no markup, no control codes)."""

from __future__ import annotations

from tui.textsafe import clean


def _line(text: str) -> str:
    return " ".join(clean(text).split())


def summary_text(analysis) -> str:
    """The summary sentences, one per line, in article order."""
    sentences = analysis.summary.sentences if analysis and analysis.summary else []
    return "\n".join(_line(s.text) for s in sentences)


def quote_line(group) -> str:
    """“Quote text” — Speaker (speaker left out when unknown) for one quotation (its pieces joined)."""
    from tui.engine.quotes.groups import group_text

    text = f"“{_line(group_text(group))}”"
    speaker = group[0].speaker
    return f"{text} — {_line(speaker)}" if speaker else text


def _groups(analysis) -> list:
    from tui.engine.quotes.groups import quote_groups

    return quote_groups(analysis.quotes) if analysis else []


def quotes_text(analysis) -> str:
    """Every key quote with its speaker, one per line."""
    return "\n".join(quote_line(g) for g in _groups(analysis))


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
        parts.append("## Key quotes\n\n" + "\n\n".join(f"> {quote_line(g)}" for g in _groups(analysis)))
    return "\n\n".join(parts) + "\n"
