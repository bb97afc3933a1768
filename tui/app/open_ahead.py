"""Getting the article under the library cursor ready while the reader looks at the list.

Opening an article reads it and its cached analysis from the store and lays out the article
and summary panes: ~6 ms on the key press, on top of Textual's repaint. When the cursor rests on
a row, that work is done ahead, in small steps between frames (a key that arrives meanwhile is
handled first), so `enter` only swaps the prepared panes in. Anything that could make the
prepared copy stale (a mark, a deletion, a new analysis, another method, a resize or theme) makes
`open_article` ignore it or throws it away.
"""

from __future__ import annotations

from tui.app.widgets import ArticleList

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
    """Mixin for MainScreen: prepares the article under the resting cursor (see the module docstring)."""

    _ready: Ready | None = None

    def on_article_list_rested(self, event: ArticleList.Rested) -> None:
        if self.analysing:
            return  # the UI thread should leave the GIL to the analysis worker
        key = (self.method, self.sentences)
        if self._ready is not None and (self._ready.article_id, self._ready.key) == (event.article_id, key):
            return
        ready = Ready(event.article_id, key)
        ready.steps = [self._read_ahead, self._lay_out_body, self._lay_out_summary]
        self._ready = ready
        self.call_later(self._next_step, ready)

    def _next_step(self, ready: Ready) -> None:
        """Run one step, then queue the next behind whatever messages (keys) came meanwhile."""
        if ready is not self._ready or not ready.steps:
            return
        try:
            ready.steps.pop(0)(ready)
        except Exception:  # a damaged row or library: the real open will say what is wrong
            self._ready = None
            return
        if ready.steps:
            self.call_later(self._next_step, ready)

    def _read_ahead(self, ready: Ready) -> None:
        from tui.engine.analysis import get_cached

        ready.article = self.lib.get(ready.article_id)
        if ready.article is None or len(ready.article.body) > PREPARE_LIMIT:
            ready.article = None
            ready.steps.clear()
            return
        ready.cached = get_cached(self.lib, ready.article_id, *ready.key)

    def _lay_out_body(self, ready: Ready) -> None:
        ready.body = self.body.prepare(ready.article, ready.cached.entities if ready.cached else ())

    def _lay_out_summary(self, ready: Ready) -> None:
        if ready.cached is not None:
            ready.summary = self.summary.prepare(ready.cached, self.method_label_for(ready.cached))

    def take_ready(self, article_id: int) -> Ready | None:
        """The prepared article if it is this one and complete (it is used once)."""
        ready, self._ready = self._ready, None
        if ready is None or ready.steps or ready.article is None:
            return None
        if (ready.article_id, ready.key) != (article_id, (self.method, self.sentences)):
            return None
        return ready

    def forget_ready(self) -> None:
        """Something changed in the library or the analyses: prepare again on the next rest."""
        self._ready = None
