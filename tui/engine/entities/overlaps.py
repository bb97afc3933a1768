"""Which spans of a sorted list a stretch of text overlaps, found by bisection (hostile36: the rules that asked every
span for every mention, inn-named-alone and river-named-alone, were quadratic: a 110 KB text naming an inn 5,000
times spent 12 s there)."""

from __future__ import annotations

from bisect import bisect_left


class Overlaps:
    """The spans (start, end, ...) given, sorted by start; `of(s, e)`: the indices of those with start < e and
    s < end, in the list's order."""

    def __init__(self, spans: list) -> None:
        self.spans = spans
        self.starts = [sp[0] for sp in spans]
        self.reach = []  # the furthest end of the spans up to each index (the spans may overlap one another)
        far = None
        for sp in spans:
            far = sp[1] if far is None or sp[1] > far else far
            self.reach.append(far)

    def of(self, s: int, e: int) -> list[int]:
        out = []
        i = bisect_left(self.starts, e) - 1
        while i >= 0 and self.reach[i] > s:
            if self.spans[i][1] > s:
                out.append(i)
            i -= 1
        return out[::-1]
