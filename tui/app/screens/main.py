"""The main screen: library | article | summary side by side, or one view at a time when narrow."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app import keymap
from tui.app.widgets import ArticleBody, ArticleList, SummaryList
from tui.app.widgets.entity_types import TYPES
from tui.app.widgets.footer import KeyBar
from tui.app.widgets.pane import Pane
from tui.app.widgets.rows import RowSource
from tui.app.widgets.search_box import SearchBox
from tui.app.widgets.status import set_text
from tui.app.analysis_jobs import AnalysisJobs
from tui.app.background_jobs import BackgroundJobs
from tui.app.screens.panes import PaneFocus
from tui.app.library_jobs import LibraryJobs
from tui.app.open_ahead import OpenAhead
from tui.textsafe import clean


class MainScreen(AnalysisJobs, BackgroundJobs, LibraryJobs, OpenAhead, PaneFocus, Screen):
    """Owns the open article and its analysis; the widgets only draw and post messages."""

    BINDINGS = keymap.bindings(keymap.MAIN)
    # Textual repaints the whole screen whenever focus moves (Screen.focused repaints by default).
    # The widgets whose looks depend on focus are restyled and redrawn anyway (pane borders,
    # cursors), so the rest of the screen need not be: this halves the cost of tab and enter.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    # Below 120 columns the three panes do not fit: show the library, or the article over its summary.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, lib, db_path: Path) -> None:
        super().__init__()
        self.lib = lib
        self.db_path = db_path
        self.article = None
        self.analysis = None
        self.search = ""
        self.entity = ""
        self.reading = False  # an article is open and, on a narrow screen, shown instead of the library
        self.highlights = True
        self.hidden_types: set[str] = set()
        self._first_resume_done = False
        self.init_analysis()

    def compose(self) -> ComposeResult:
        # The panes sit straight on the screen (its layout is horizontal, vertical when narrow):
        # a container around them would be one more full-width widget for Textual to cut up on
        # every line of every repaint.
        with Pane(id="library-pane"):
            yield SearchBox(placeholder="/ search the library", id="search")
            yield ArticleList(id="articles")
            yield Static(id="library-status")
        with Pane(id="article-pane"):
            yield Static(id="legend")
            yield ArticleBody(id="body")
        with Pane(id="summary-pane"):
            yield Static(id="summary-status")
            yield SummaryList(id="summary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#library-pane").border_title = "Library"
        self.query_one("#article-pane").border_title = "Article"
        self.query_one("#summary-pane").border_title = "Summary · quotes · entities"
        self.articles.load(RowSource(self.lib))
        self.update_library_status()
        self.update_legend()
        self.update_summary_status()
        self.set_focus(self.articles)
        self.mark_focused_pane()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.theme_changed())
        # Everything made so far (Textual, the widgets, the stylesheet) lives as long as the app:
        # frozen, the garbage collector's full passes skip it (they were 30 ms stalls every few keys).
        # (`run` turned collection off for the start-up; it comes back on here.)
        self.set_timer(0.3, _freeze_and_collect)
        self.warm_engine()
        self.schedule_background()

    def _on_screen_resume(self, event) -> None:
        # Runs before Screen's own handler. The first resume comes right after the screen was
        # mounted, and every widget was styled as it mounted (with the saved theme already set):
        # restyling the whole screen again cost ~6 ms before the first paint. Later resumes
        # (back from help or a dialog, maybe after a theme change) restyle as usual.
        if not self._first_resume_done:
            self._first_resume_done = True
            event.refresh_styles = False

    def on_unmount(self) -> None:
        self.stop_background()

    # -- handy widget lookups ---------------------------------------------------------------

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def body(self) -> ArticleBody:
        return self.query_one("#body", ArticleBody)

    @property
    def summary(self) -> SummaryList:
        return self.query_one("#summary", SummaryList)

    # -- opening and reading ----------------------------------------------------------------

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.article_id)

    def open_article(self, article_id: int) -> None:
        """Show an article at once, mark it read, and start (or fetch the cached) analysis."""
        from tui.engine.analysis import get_cached

        ready = self.take_ready(article_id)  # prepared while the cursor rested on it (open_ahead.py)
        try:
            article = ready.article if ready else self.lib.get(article_id)
            cached = ready.cached if ready and ready.cached else get_cached(self.lib, article_id, self.method, self.sentences)
        except sqlite3.DatabaseError as exc:
            self.notify(f"This article cannot be read (the library file is damaged): {exc}",
                        severity="error", markup=False)
            return
        if article is None:
            self.notify("That article is no longer in the library.", severity="warning")
            self.reload_list()
            return
        if ready is None or cached is not ready.cached:
            ready = None  # laid out for other entities (its analysis came meanwhile): lay out again
        if not article.read:
            article.read = True
            # Written after the repaint: the list shows it read at once (set_open).
            self.call_after_refresh(self._store_read, article_id)
        self.article = article
        self.analysis = None
        self.articles.set_open(article_id)
        # An analysed article is drawn once, complete; otherwise text now, analysis when ready.
        self.body.show(article, cached.entities if cached else (), ready=ready.body if ready else None)
        if cached is None:
            self.summary.show(None)
        self.set_reading(True)
        self.set_focus(self.body)
        self.analyse(cached=cached, ready=ready.summary if ready else None)

    def _store_read(self, article_id: int) -> None:
        try:
            self.lib.set_read(article_id, True)
        except sqlite3.DatabaseError as exc:
            self.notify(f"Could not mark the article read: {exc}", severity="warning", markup=False)

    def set_reading(self, reading: bool) -> None:
        """Narrow screens show either the library or the article; wide ones always show all three."""
        self.reading = reading and self.article is not None
        self.show_panes()
        if not reading:
            self.set_focus(self.articles)

    def show_panes(self) -> None:
        """Show the panes the width and the reading state call for (set on the panes: see app.tcss)."""
        narrow = self.has_class("-narrow")
        self.query_one("#library-pane").display = not (narrow and self.reading)
        for selector in ("#article-pane", "#summary-pane"):
            self.query_one(selector).display = self.reading or not narrow

    def on_resize(self) -> None:
        self.show_panes()  # Screen's own resize handler has set -narrow / -wide by now

    def action_toggle_library(self) -> None:
        if self.has_class("-narrow"):
            self.set_reading(not self.reading)
        elif self.articles.has_focus and self.article is not None:
            self.set_focus(self.body)
        else:
            self.set_focus(self.articles)

    def action_back(self) -> None:
        """esc: leave the search box, else clear a filter, else go back to the library."""
        search = self.query_one("#search", SearchBox)
        if search.has_focus:
            search.value = ""
            self.set_focus(self.articles)
        elif self.articles.has_focus and (self.search or self.entity):
            search.value = ""
            self.set_filter("", "")
        elif self.has_class("-narrow") and self.reading:
            self.set_reading(False)
        elif not self.articles.has_focus:
            self.set_focus(self.articles)

    # -- search and filters -----------------------------------------------------------------

    def action_search(self) -> None:
        # set_focus (immediate), not focus() (deferred): the next keys typed must land in the box.
        search = self.query_one("#search", SearchBox)
        self.set_reading(False)
        self.set_focus(search.arm())

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.set_filter(event.value, self.entity)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.set_focus(self.articles)

    def update_library_status(self, busy: bool = False) -> None:
        count = len(self.articles.source) if self.articles.source else 0
        parts = [f"{count:,} article{'s' if count != 1 else ''}"]
        if self.search.strip():
            parts.append(f"search “{' '.join(clean(self.search).split())}”")
        if self.entity:
            parts.append(f"mentions {' '.join(clean(self.entity).split())}")
        if self.search.strip() or self.entity:
            parts.append("esc clears")
        if busy:
            parts.append("searching…")
        if self.background_progress:
            parts.append(self.background_progress)
        if self.articles.source is not None and self.articles.source.error:
            parts.append(self.articles.source.error)
        set_text(self.query_one("#library-status", Static), Text(" · ".join(parts)))

    # -- the summary pane -------------------------------------------------------------------

    @on(SummaryList.OptionSelected)
    def _summary_selected(self, event: SummaryList.OptionSelected) -> None:
        kind, _, number = (event.option.id or "").partition(":")
        if not number or self.analysis is None:
            return
        index = int(number)
        if kind == "s":
            sent = self.analysis.summary.sentences[index]
            self.body.mark(sent.start, sent.end)
        elif kind == "q":
            start, end = self.summary.quote_spans[index]
            # Include the quotation marks around the quoted words when they are there.
            body = self.article.body
            start = start - 1 if start > 0 and body[start - 1] in "\"“‘'" else start
            end = end + 1 if end < len(body) and body[end] in "\"”’'" else end
            self.body.mark(start, end)
        elif kind == "e":
            _type, name = self.summary.entity_names[index]
            self.set_filter(self.search, name)
            self.set_reading(False)
            # The entity index covers analysed articles (the background pass analyses them all).
            self.notify(f"Library: articles that mention {' '.join(clean(name).split())} (esc clears)",
                        markup=False)

    def update_legend(self) -> None:
        legend = Text()
        for number, (key, name, _heading, _labels) in enumerate(TYPES, 1):
            on = self.highlights and key not in self.hidden_types
            style = self.body.type_style(key) if on else "dim strike"
            legend.append(f"{number}", "bold" if on else "dim")
            legend.append(f" {name} ", style)
            legend.append(" ")
        if not self.highlights:
            legend.append("(e: highlights off)", "dim")
        set_text(self.query_one("#legend", Static), legend)

    def action_toggle_entities(self) -> None:
        self.highlights = not self.highlights
        self.body.set_highlights(self.highlights, self.hidden_types)
        self.update_legend()

    def action_toggle_type(self, index: int) -> None:
        key = TYPES[index][0]
        self.hidden_types ^= {key}
        self.highlights = True
        self.body.set_highlights(self.highlights, self.hidden_types)
        self.update_legend()

    # -- marks, add, delete -----------------------------------------------------------------

    def target_id(self) -> int | None:
        """The article a mark/delete applies to: the row under the cursor in the list, else the open one."""
        if self.articles.has_focus or self.article is None:
            row = self.articles.current
            return row.id if row else None
        return self.article.id

    def action_toggle_read(self) -> None:
        self._flip("read", self.lib.set_read, "read", "unread")

    def action_toggle_star(self) -> None:
        self._flip("starred", self.lib.set_starred, "starred", "unstarred")

    def _flip(self, field: str, setter, yes: str, no: str) -> None:
        article_id = self.target_id()
        if article_id is None:
            return
        article = self.lib.get(article_id)
        if article is None:
            return
        value = not getattr(article, field)
        setter(article_id, value)
        self.forget_ready()  # it holds the article with the old mark
        if self.article is not None and self.article.id == article_id:
            setattr(self.article, field, value)
        self.articles.refresh_rows()
        self.notify(f"Marked {yes if value else no}: {' '.join(clean(article.title).split())[:60]}", markup=False)

    def action_delete(self) -> None:
        article_id = self.target_id()
        article = self.lib.get(article_id) if article_id is not None else None
        if article is None:
            return
        title = " ".join(clean(article.title).split())

        def done(yes: bool | None) -> None:
            if yes:
                self.delete_article(article_id, title)

        from tui.app.dialogs import ConfirmDialog

        self.app.push_screen(ConfirmDialog("Delete this article?", title), done)

    def action_add(self, error: str = "", value: str = "") -> None:
        def done(path: str | None) -> None:
            if path:
                self.import_path(path)

        from tui.app.dialogs import AddDialog

        self.app.push_screen(AddDialog(error, value), done)

    # -- copy -------------------------------------------------------------------------------

    def _copy(self, what: str, make) -> None:
        if self.article is None:
            self.notify("Open an article first (enter on a row).", severity="warning")
            return
        if self.analysis is None:
            self.notify("Still analysing this article; try again in a moment.", severity="warning")
            return
        from tui.app import copytext

        text = make(copytext)
        if not text.strip():
            self.notify(f"Nothing to copy: this article has no {what}.", severity="warning")
            return
        self.app.copy_out(text, what)

    def action_copy_summary(self) -> None:
        self._copy("summary", lambda copytext: copytext.summary_text(self.analysis))

    def action_copy_quotes(self) -> None:
        self._copy("key quotes", lambda copytext: copytext.quotes_text(self.analysis))

    def action_copy_markdown(self) -> None:
        self._copy("summary + quotes as Markdown", lambda copytext: copytext.markdown(self.article, self.analysis))


def _freeze_and_collect() -> None:
    """After the first paint: collect the start-up's garbage once, keep the rest out of future collections."""
    gc.collect()
    gc.freeze()
    gc.enable()
