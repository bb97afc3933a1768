"""Pieces of one quotation split by its attribution, shown as one quote.

“Shopkeepers,” Amaral said, “are not against buses.” is two quoted spans (the engine keeps both,
with their own offsets), but a reader wants one line: “Shopkeepers … are not against buses.” —
Jorge Amaral. Used by everything that lists quotes for people (the summary pane, copies, the
CLI's text and Markdown output); JSON output keeps the pieces.
"""

from __future__ import annotations

from ..types import Quote

GAP = 160  # characters between two pieces at most: the attribution, which may run long
# (‘,” Mayor Helena Matos told reporters outside the council chamber shortly after 4 a.m. “’)


def quote_groups(quotes: list[Quote]) -> list[list[Quote]]:
    """The quotes in article order, each run of pieces of one quotation as one group."""
    groups: list[list[Quote]] = []
    for quote in sorted(quotes, key=lambda q: q.start):
        if groups and _continues(groups[-1][-1], quote):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def _continues(a: Quote, b: Quote) -> bool:
    """Whether `b` goes on with the quotation `a` began: same speaker, a short gap, and `a` stopped
    mid-sentence (its words end with a comma) or `b` starts mid-sentence (lower case)."""
    if not a.speaker or a.speaker != b.speaker or not 0 <= b.start - a.end <= GAP:
        return False
    return a.text.rstrip().endswith(",") or b.text.lstrip()[:1].islower()


def group_text(group: list[Quote]) -> str:
    """The words of a group as one quotation: pieces joined by " … " (a piece's closing comma dropped)."""
    return " … ".join(" ".join(q.text.split()).rstrip(",;:") for q in group)


def group_span(group: list[Quote]) -> tuple[int, int]:
    """From the start of the first piece to the end of the last."""
    return group[0].start, group[-1].end
