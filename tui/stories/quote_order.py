"""One order for a speaker's quotations wherever they are listed: the story view's quotes by speaker, `story
--format json` and `who` (text, --json and the entity page).

Newest first, by the day of the quotation's first printing (the date shown beside it); within a day, the strongest
first: a whole quotation before one that finishes a sentence of the writer's, before a phrase or a scrap of a
sentence (`reads_alone`), then the engine's importance (Quote.score, quote_score), then the most outlets. A reader
can check the order by the dates shown; a scrap no longer leads a day because two outlets printed it.
"""

from __future__ import annotations

from tui.engine import rules
from tui.engine.quotes.groups import connective
from tui.engine.quotes.rank import SHORT_WORDS


def reads_alone(text: str, lead) -> int:
    """How well a quotation reads alone in a list: 2 a whole quotation (it starts as a sentence does and holds
    SHORT_WORDS words or more), 1 one that finishes a sentence of the writer's, shown after their words ('the crews
    would “listen before they walk out.”', Quote.lead), 0 a phrase of fewer words (a scare-quoted slogan: 'called
    the plan “a false economy”') or a piece that starts in lower case with no words of the writer's to lead into it
    (after a comma: 'Marwood said, “the people of ...”'), each a scrap of a sentence shown alone; a quotation that
    opens with But/And/Yet/So ("But we ...", groups.connective) is 1 too."""
    if len(text.split()) < SHORT_WORDS:
        return 0
    if lead and isinstance(lead, str):
        return 1
    if text[:1].islower():
        return 0
    # "But we have asked ...": it goes on from something said before it, which this quotation does not hold (a split
    # quotation joined to its first piece starts with that piece: groups.quote_groups); a sentence, not a scrap
    return 1 if connective(text.lstrip()) and rules.enabled("connective-opener-reads-less-alone") else 2


def group_score(group) -> float:
    """The importance of a quotation split into pieces (Quote.score): its best piece's; a score that is no number (a
    damaged stored analysis) counts as 0."""
    return max((_number(q.score) for q in group), default=0.0)


def _number(x) -> float:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) and x == x else 0.0


def newest_first(day, text: str, lead, score, outlets: int) -> tuple:
    """The sort key (ascending) that lists quotations newest first, the strongest first within a day. A day that is
    no text (none known, a damaged row) sorts last; a score that is no number (or NaN) counts as 0."""
    day = day if isinstance(day, str) else ""
    return (_Desc(day), -reads_alone(text, lead), -_number(score), -outlets)


class _Desc:
    """A string compared in reverse (newest day first, "" last)."""

    __slots__ = ("s",)

    def __init__(self, s: str) -> None:
        self.s = s

    def __lt__(self, other: "_Desc") -> bool:
        return self.s > other.s

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.s == other.s
