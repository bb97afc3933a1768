"""Resolve "he"/"she" to a person named nearby: the subject of the closest sentence that names someone.

Names inside quotation marks are skipped: a person a speaker talks about is
rarely the speaker.
"""

from __future__ import annotations

import bisect
import re

from .names import NAME_RUN, NOT_NAME, TITLES, NameBook, strip_name, tokens

# words that make a capitalised run an organisation or a place rather than a person
ORG_WORDS = {
    "party", "post", "times", "news", "journal", "department", "committee", "club", "center", "centre",
    "university", "college", "school", "inc", "corp", "co", "company", "campaign", "house", "senate", "congress",
    "court", "council", "association", "foundation", "institute", "bureau", "agency", "commission", "service",
    "network", "group", "bank", "fund", "board", "office", "ministry", "administration", "church", "city",
    "county", "state", "states", "street", "avenue", "york", "washington", "america", "american", "republican",
    "republicans", "democrat", "democrats", "democratic", "press", "magazine", "review", "tribune", "herald",
    "daily", "weekly", "radio", "tv", "channel", "show", "project", "union", "federation", "league", "caucus",
    "council", "coalition", "alliance", "organization", "organisation", "police", "army", "navy", "force",
    "guard", "security", "intelligence", "airport", "hospital", "museum", "hall", "tower", "park", "river",
    "island", "islands", "north", "south", "east", "west", "united", "new", "los", "san", "las", "fox", "cnn",
    "msnbc", "abc", "nbc", "cbs", "bbc", "fbi", "cia", "gop", "nato", "un", "eu", "white", "supreme", "federal",
    "national", "international", "global", "world", "foreign", "affairs", "reports", "poll", "polls", "twitter",
    "facebook", "google", "instagram", "youtube", "act", "bill", "day", "week", "year", "election", "debate",
}
_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")


def is_person(name: str) -> bool:
    """A full name of 2-4 plain capitalised words, none of them an organisation or place word."""
    toks = tokens(name)
    if not 2 <= len(toks) <= 4:
        return False
    for t in toks:
        k = t.lower().rstrip(".")
        if k in ORG_WORDS or k in NOT_NAME or (len(t) > 1 and t.isupper() and "." not in t):
            return False
    return True


class PersonIndex:
    """Positions of person-name mentions outside quotes, grouped by sentence."""

    def __init__(self, text: str, book: NameBook, quoted: list[tuple[int, int]], entities=None) -> None:
        self.sent_starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
        self.pos: list[int] = []
        self.names: list[str] = []
        q_starts = [s for s, _ in quoted]

        def inside(p: int) -> bool:
            i = bisect.bisect_right(q_starts, p) - 1
            return i >= 0 and quoted[i][0] <= p < quoted[i][1]

        if entities:
            found = [(e.start, e.canonical or e.text) for e in entities if e.label == "PERSON"]
        else:
            found = []
            for m in NAME_RUN.finditer(text):
                toks = tokens(m.group())
                lead = 0
                while lead < len(toks) and (toks[lead].lower().rstrip(".") in NOT_NAME or
                                            toks[lead].lower().rstrip(".") in TITLES):
                    lead += 1
                if lead == len(toks):
                    continue
                full = book.resolve(" ".join(toks[lead:]))
                if is_person(full):
                    found.append((m.start(), full))
        for p, name in found:
            if not inside(p):
                self.pos.append(p)
                self.names.append(strip_name(name))

    def _sentence(self, p: int) -> int:
        return bisect.bisect_right(self.sent_starts, p) - 1

    def resolve(self, p: int, max_back: int = 6) -> str | None:
        """The person a pronoun at p most likely refers to, or None."""
        k = bisect.bisect_left(self.pos, p)  # mentions before p are self.pos[:k]
        if k == 0:
            return None
        s_here = self._sentence(p)
        j = k - 1
        s = self._sentence(self.pos[j])
        if s_here - s > max_back:
            return None
        # walk back to the first mention of that sentence: its subject, most often
        while j - 1 >= 0 and self._sentence(self.pos[j - 1]) == s:
            j -= 1
        return self.names[j]
