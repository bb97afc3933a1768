"""The plain text and Markdown that the copy keys put on the clipboard (no markup, no control codes)."""

from __future__ import annotations

from tui.cells import source_and_byline
from tui.textsafe import clean


def _line(text: str) -> str:
    return " ".join(clean(text).split())


def summary_lines(analysis) -> list[str]:
    """The summary sentences as shown alone (quotation marks balanced), in article order; the summary pane's
    lines and what `c` and `Y` copy."""
    from tui.engine.summarize.filters import shown_texts

    sentences = analysis.summary.sentences if analysis and analysis.summary else []
    return shown_texts(analysis.sentences, sentences) if sentences else []


def summary_text(analysis) -> str:
    """The summary sentences, one per line, in article order."""
    return "\n".join(_line(s) for s in summary_lines(analysis))


def quote_line(group) -> str:
    """“Quote text” — Speaker (speaker left out when unknown) for one quotation (its pieces joined)."""
    from tui.engine.quotes.groups import group_line

    text = _line(group_line(group))  # (after the writer's words that lead into it, if any)
    speaker = group[0].speaker
    return f"{text} — {_line(speaker)}" if speaker else text


def _groups(analysis) -> list:
    from tui.engine.quotes.groups import quote_groups

    return quote_groups(analysis.quotes, analysis.sentences) if analysis else []


def quotes_text(analysis) -> str:
    """Every key quote with its speaker, one per line."""
    return "\n".join(quote_line(g) for g in _groups(analysis))


def markdown(article, analysis) -> str:
    """Title, source line, summary as a list and quotes as block quotes, as Markdown."""
    from tui.textsafe import md_link, md_literal

    where = ", ".join(_line(x) for x in (*source_and_byline(article.source, article.byline), article.published or "") if x)
    parts = [f"# {md_literal(_line(article.title))}"]
    if where or article.url:
        # (the link an autolink only when it is http(s): "<javascript:…>" was a live link to a Markdown reader)
        parts.append(f"*{md_literal(where)}*" + (f" — {md_link(_line(article.url))}" if article.url else ""))
    summary = summary_text(analysis).splitlines()
    if summary:
        parts.append("## Summary\n\n" + "\n".join(f"- {md_literal(s)}" for s in summary))
    if analysis and analysis.quotes:
        parts.append("## Key quotes\n\n" + "\n\n".join(f"> {md_literal(quote_line(g))}" for g in _groups(analysis)))
    return "\n\n".join(parts) + "\n"


# -- stories (tui.stories.StorySummary), people (tui.stories.Person), the briefing ------------------

def _where(source: str, day: str) -> str:
    return ", ".join(_line(x) for x in (source or "", (day or "")[:10]) if _line(x))


def story_text(summary) -> str:
    """The story summary, one sentence per line, each followed by where it comes from in brackets, "(Outlet, date)",
    "(Outlet, date, new)" for a line new against the story's earlier reports, as the story view, `story` and `brief`
    mark it (tui.cells.said_where: the copy had no "new" mark)."""
    from tui.cells import said_where

    if not summary:
        return ""
    marked = summary.news()[0]
    lines = []
    for sent in summary.sentences:
        where = said_where(_line(sent.source), _line(sent.day), (sent.article, sent.index) in marked)
        lines.append(f"{_line(sent.text)} ({where})")
    return "\n".join(lines)


def story_quotes_text(summary) -> str:
    """The story's quotes by speaker: “Quote” — Speaker (Source, and every other outlet that printed it, as the
    story view names them), one per line (tui.stories.commands.story_quote_lines)."""
    from tui.stories.commands import story_quote_lines

    return "\n".join(story_quote_lines(summary)) if summary else ""


def story_markdown(title: str, summary) -> str:
    """The story as Markdown, as `newsreader story ID --format md` prints it (tui.stories.commands.story_markdown):
    title, articles, outlets and dates, the summary with each sentence's source, what's new, quotes by speaker."""
    from tui.stories.commands import story_markdown as markdown

    return markdown(summary, title)


def person_quotes_text(person) -> str:
    """Everything a person is quoted as saying, newest first: “Quote” (Source, date)."""
    from tui.engine.quotes.groups import quoted

    # after the writer's words that lead into a quote, if any
    return "\n".join(f"{_line(quoted(q['text'], q.get('lead')))} ({_quote_where(q)})"
                     for q in person.quotes) if person else ""


def _quote_where(quote: dict) -> str:
    """Every outlet that printed the quote (a quote printed by two was credited to one), then its date."""
    from tui.cells import printed_where

    outlets = list(dict.fromkeys(_line(x) for x in (quote.get("sources") or [quote.get("source", "")]) if _line(x or "")))
    return printed_where(", ".join(outlets), _line((quote.get("day") or "")[:10]))


def person_markdown(person) -> str:
    """A person's page as Markdown: their articles and their quotes (the articles' words read as words: md_literal)."""
    from tui.textsafe import md_literal

    parts = [f"# {md_literal(_line(person.name))}"]
    if person.articles:
        parts.append("## Articles\n\n" + "\n".join(
            f"- {md_literal(_line(a['title']))} *({md_literal(_where(a.get('source', ''), a.get('day', '')))})*"
            for a in person.articles))
    quotes = person_quotes_text(person).splitlines()
    if quotes:
        parts.append("## Quotes\n\n" + "\n\n".join(f"> {md_literal(q)}" for q in quotes))
    return "\n\n".join(parts) + "\n"
