"""The keys of "the article" on a story of the stories list (`v`): they act on the story under the cursor, as they do
in the story view (the lead's decision, session 30). `c` / `y` / `Y` copy its summary, its quotes by speaker, its
Markdown (the story view's words in the toast); `o` opens the link of its latest article (the toast names it); `r`
analyses the articles its summary reads again and makes the summary again (a toast when it starts, one with the
result, and the status line meanwhile). They copied or re-analysed the article open behind the list, which that
screen hides, or said "open a story first".

The story's summary is the kept one when there is one (story_memo: the story view's, its read ahead's), else made in
a worker thread with the analyses it needs, as the story view makes it.
"""

from __future__ import annotations

import sqlite3
import time

from tui.app.parts.threads import deliver
from tui.app.failure import could_not, reason
from tui.cells import reanalysed_said

# kind -> what the toast names (the story view's `copy_*` words)
COPIED = {"summary": "story summary", "quotes": "story quotes", "markdown": "story as Markdown"}


class StoryKeys:
    """`copy(kind)`, `open_link()`, `remake()` for the story under the stories list's cursor; `remaking`: the story
    whose summary `r` is making again (None when none: the status line says it meanwhile)."""

    def __init__(self, host, db_path, status) -> None:
        self.host, self.db_path, self._status = host, db_path, status
        self.remaking: int | None = None

    def _row(self):
        row = self.host.articles.current
        if row is None:
            self.host.notify("No story here: the stories list is empty.", severity="warning", timeout=3)
        return row

    # -- c / y / Y ------------------------------------------------------------------------------------------------

    def copy(self, kind: str) -> None:
        row = self._row()
        if row is None:
            return
        from tui.stories.story_memo import kept_story_summary

        try:
            kept = kept_story_summary(self.host.lib, row.id)  # the story view's or its read ahead's: an indexed read
        except sqlite3.DatabaseError:
            kept = None  # the worker reads it and says what is wrong
        if kept is not None:
            self._copy(kind, row.id, kept, "")
            return
        self.host.run_worker(lambda: self._read(kind, row.id), name="story-copy", group="story-copy",
                             exclusive=True, thread=True, exit_on_error=False)

    def _read(self, kind: str, story_id: int) -> None:
        from tui.app.parts.newer import open_library
        from tui.stories.story_memo import story_summary_kept

        found, error = None, ""
        try:
            with open_library(self.host, self.db_path) as lib:
                found = story_summary_kept(lib, story_id, analyse=True)  # kept once made (its articles analysed)
        except Exception as exc:  # a damaged library, a story that cannot be read: said, the app goes on
            error = reason(exc)
        deliver(self.host, self._copy, kind, story_id, found, error)

    def _copy(self, kind: str, story_id: int, found, error: str) -> None:
        if error:
            self.host.notify(f"Could not read the story: {error}", severity="warning", markup=False)
            return
        if found is None:
            self.host.notify("That story is no longer in the library.", severity="warning", timeout=3)
            return
        from tui.app import copytext  # (not imported at start-up)

        row, summary = found
        what = COPIED[kind]
        text = (copytext.story_text(summary) if kind == "summary" else copytext.story_quotes_text(summary)
                if kind == "quotes" else copytext.story_markdown(row.title, summary))
        if not text.strip():
            self.host.notify(f"Nothing to copy: no {what} here.", severity="warning")  # (the story view's words)
            return
        markdown = kind == "markdown"
        self.host.app.copy_out(text, what, f"newsreader story {story_id}" + (" --format md" if markdown else ""))

    # -- o --------------------------------------------------------------------------------------------------------

    def open_link(self) -> None:
        """The link of the story's latest article; when that one has none, of the latest that has one. The toast names
        the article.

        Latest by the article's date, an undated one (a pasted or watched note) by the day it was stored: the library's
        order (sort_key) put a note stored at 01:25 after a feed article dated that day (a date is a day, "2026-12-07",
        a note's stored time "2026-12-07T01:25:…" sorts after it), and `o` named the note's day's feed article "the
        latest article with a link" though nothing of the story came later. On one day a dated article comes first
        (its date is the news's own; a stored time says when the text reached the library), then the later stored."""
        from tui.store.stories import LATEST_FIRST

        row = self._row()
        if row is None:
            return
        try:
            found = self.host.lib.db.execute(
                "SELECT a.id, a.title, a.source, coalesce(a.url, '') != '' FROM story_articles s"
                f" JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY {LATEST_FIRST}",
                (row.id,)).fetchall()
        except sqlite3.DatabaseError as exc:
            self.host.notify(could_not("read the story's articles", exc),
                             severity="warning", markup=False)
            return
        linked = next((r for r in found if r[3]), None)
        if linked is None:
            self.host.notify("No article of this story has a link." if found else "This story has no articles left.",
                             severity="warning", timeout=3)
            return
        from tui.app.widgets.status import toast_title
        from tui.textsafe import clean

        which = "Latest article" if linked is found[0] else "Latest article with a link"
        title = toast_title(" ".join(clean(linked[1] if type(linked[1]) is str else "").split()))
        source = " ".join(clean(linked[2] if type(linked[2]) is str else "").split())
        self.host.open_link_of(linked[0], about=f"{which}: “{title}”" + (f" ({source})" if source else ""))

    # -- r --------------------------------------------------------------------------------------------------------

    def remake(self, story_id: int | None = None, after=None, notify=None) -> None:
        """The story under the list's cursor, or `story_id` (the story view's `r`: `after()` then shows it again and
        `notify` is its own, so the toasts show over it)."""
        notify = notify or self.host.notify
        if story_id is None:
            row = self._row()
            if row is None:
                return
            story_id = row.id
        if self.remaking is not None:
            notify("Still re-analysing a story; try again in a moment.", severity="warning", timeout=3)
            return
        self.remaking = story_id
        self._status()
        notify("Re-analysing this story…", timeout=3)
        started, store = time.perf_counter(), not getattr(self.host, "damaged", "")  # (a damaged library: no writes)
        self.host.run_worker(lambda: self._remake(story_id, started, after, notify, store), name="story-remake",
                             group="story-remake", thread=True, exit_on_error=False)

    def _remake(self, story_id: int, started: float, after=None, notify=None, store: bool = True) -> None:
        from tui.stories.story_memo import remade
        from tui.store import Library

        found, error = None, ""
        try:
            with Library(self.db_path) as lib:
                found = remade(lib, story_id, store=store)
        except Exception as exc:
            error = reason(exc)
        deliver(self.host, self._remade, story_id, found, error, time.perf_counter() - started, after, notify)

    def _remade(self, story_id: int, found, error: str, seconds: float, after=None, notify=None) -> None:
        self.remaking = None
        self._status()
        notify = notify or self.host.notify
        if error:
            notify(f"Re-analysis failed: {error}", severity="error", markup=False)
            return
        if found is None:
            notify("That story is no longer in the library.", severity="warning", timeout=3)
            return
        _row, summary, again = found
        n = len(summary.sentences)
        quotes = sum(len(g.quotes) for g in summary.quotes)
        notify(reanalysed_said(seconds, len(summary.entities), quotes, n, again), markup=False)
        self.host.forget_ready()
        if after is not None:
            after()
