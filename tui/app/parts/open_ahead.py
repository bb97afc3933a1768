"""Getting the article under the library cursor ready while the reader looks at the list.

Opening an article reads it and its cached analysis from the store and lays out the article
and summary panes: ~6 ms on the key press, on top of Textual's repaint. When the cursor rests on
a row, that work is done ahead, in small steps between frames (a key that arrives meanwhile is
handled first), so `enter` only swaps the prepared panes in. Anything that could make the
prepared copy stale (a mark, a deletion, a new analysis, another method, a resize or theme) makes
`take` refuse it or `forget` throw it away.
"""

from __future__ import annotations

from typing import Callable

from tui.app.parts.sources import feed_name, file_gone
from tui.store.twins import all_outlets

# Longer articles are not prepared ahead: laying one out is one step of tens of milliseconds,
# which would make a key pressed meanwhile wait (opening them shows the text first anyway).
PREPARE_LIMIT = 60_000  # characters


class Ready:
    """One article made ready to show; filled in step by step.

    (A plain class: a dataclass costs ~2 ms to create at import, before the first paint.)
    """

    def __init__(self, article_id: int, key: tuple) -> None:
        self.article_id = article_id
        self.key = key  # (method, sentences) the analysis was looked up for
        self.article = None
        self.cached = None  # the cached Analysis, or None (not analysed yet)
        self.body = None  # ArticleBody.prepare's layout
        self.summary = None  # SummaryList.prepare's layout
        self.steps: list = []


class OpenAhead:
    """Prepares the article under the resting cursor (see the module docstring).

    `host` queues the steps between frames; `body()` and `summary()` give the ArticleBody and
    SummaryList to lay out for; `key()` is the analysis key (method, sentences) to look up;
    `label_for(analysis)` the summary heading; `busy()` true while an analysis runs (the UI
    thread then leaves the GIL to it).
    """

    def __init__(self, host, lib, body: Callable, summary: Callable, key: Callable[[], tuple],
                 label_for: Callable, busy: Callable[[], bool]) -> None:
        self.host = host
        self.lib = lib
        self.body = body
        self.summary = summary
        self.key = key
        self.label_for = label_for
        self.busy = busy
        self.ready: Ready | None = None  # the article being (or made) ready

    def rested(self, article_id: int) -> None:
        """The cursor rests on this article: start getting it ready."""
        if self.busy():
            return
        key = self.key()
        if self.ready is not None and (self.ready.article_id, self.ready.key) == (article_id, key):
            return
        ready = Ready(article_id, key)
        ready.steps = [self._read_ahead, self._lay_out_body, self._lay_out_summary, self._finish_lines]
        self.ready = ready
        self.host.call_later(self._next_step, ready)

    def _next_step(self, ready: Ready) -> None:
        """Run one step, then queue the next behind whatever messages (keys) came meanwhile."""
        if ready is not self.ready or not ready.steps:
            return
        try:
            ready.steps.pop(0)(ready)
        except Exception:  # a damaged row or library: the real open will say what is wrong
            self.ready = None
            return
        if ready.steps:
            self.host.call_later(self._next_step, ready)

    def _read_ahead(self, ready: Ready) -> None:
        from tui.engine.analysis import get_cached

        ready.article = self.lib.get(ready.article_id)
        if ready.article is None or len(ready.article.body) > PREPARE_LIMIT:
            ready.article = None
            ready.steps.clear()
            return
        ready.article.feed = feed_name(self.lib, ready.article_id)
        ready.article.file_gone = file_gone(self.lib, ready.article_id)
        ready.article.outlets = all_outlets(self.lib, ready.article_id, ready.article.source)
        ready.cached = get_cached(self.lib, ready.article_id, *ready.key)

    def _lay_out_body(self, ready: Ready) -> None:
        ready.body = self.body().prepare(ready.article, ready.cached.entities if ready.cached else ())

    def _lay_out_summary(self, ready: Ready) -> None:
        if ready.cached is not None:
            ready.summary = self.summary().prepare(ready.cached, self.label_for(ready.cached))

    def _finish_lines(self, ready: Ready) -> None:
        # The first screen's lines padded and filtered as the panes will draw them (widgets/direct.py).
        if ready.body is not None:
            self.body().finish_ahead(ready.body.strips.values())
        if ready.summary is not None:
            self.summary().finish_ahead(strip for strips in ready.summary.strips.values() for strip in strips)

    def take(self, article_id: int) -> Ready | None:
        """The prepared article if it is this one and complete (it is used once)."""
        ready, self.ready = self.ready, None
        if ready is None or ready.steps or ready.article is None:
            return None
        if (ready.article_id, ready.key) != (article_id, self.key()):
            return None
        return ready

    def forget(self) -> None:
        """Something changed in the library or the analyses: prepare again on the next rest."""
        self.ready = None
