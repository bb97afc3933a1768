"""Style runs over a long string: which style covers which characters, cut into segments per line.

Lets the article pane draw any line on demand without building a styled copy of the whole body,
so highlight toggles and marks on a very long article cost no re-layout.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.segment import Segment
from rich.style import Style


class StyleRuns:
    """positions[i] .. positions[i+1] is drawn with styles[i] (None: the pane's own style)."""

    def __init__(self, spans: list[tuple[int, int, Style]], mark: tuple[int, int] | None = None,
                 mark_style: Style | None = None) -> None:
        self.positions: list[int] = [0]
        self.styles: list[Style | None] = [None]
        end = 0
        for start, stop, style in sorted(spans, key=lambda s: (s[0], -s[1])):
            if start < end or stop <= start:
                continue  # overlapping or empty spans: the first one wins
            self._cut(start)
            self.styles[-1] = style
            self.positions.append(stop)
            self.styles.append(None)
            end = stop
        if mark and mark_style is not None and mark[1] > mark[0]:
            self._cut(mark[0])
            self._cut(mark[1])
            for i in range(bisect_right(self.positions, mark[0]) - 1, len(self.positions)):
                if self.positions[i] >= mark[1]:
                    break
                self.styles[i] = (self.styles[i] + mark_style) if self.styles[i] else mark_style

    def _cut(self, at: int) -> None:
        """Make `at` a run boundary (the run it falls in is split in two with the same style)."""
        i = bisect_right(self.positions, at) - 1
        if self.positions[i] != at:
            self.positions.insert(i + 1, at)
            self.styles.insert(i + 1, self.styles[i])

    def segments(self, text: str, start: int, end: int) -> list[Segment]:
        """text[start:end] as segments, cut wherever the style changes."""
        out: list[Segment] = []
        i = bisect_right(self.positions, start) - 1
        x = start
        while x < end:
            nxt = self.positions[i + 1] if i + 1 < len(self.positions) else end
            y = min(nxt, end)
            if y > x:
                out.append(Segment(text[x:y], self.styles[i]))
            x = y
            i += 1
        return out


def text_segments(text, console) -> list[Segment]:
    """A rich Text as segments, its base style included (Text.render leaves that to the caller)."""
    segments = text.render(console)
    if text.style:
        style = console.get_style(text.style) if isinstance(text.style, str) else text.style
        segments = Segment.apply_style(segments, style)
    return list(segments)
