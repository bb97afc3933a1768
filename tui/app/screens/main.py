"""The main screen: library | article | summary side by side, or one view at a time when narrow."""

from __future__ import annotations

import gc
import sqlite3
import time
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app import keymap
from tui.app.screens.switch import QuickSwitch
from tui.app.widgets import ArticleBody, ArticleList, SummaryList
from tui.app.widgets.entity_types import TYPES
from tui.app.widgets.footer import KeyBar
from tui.app.widgets.legend import Legend
from tui.app.widgets.pane import Pane
from tui.app.widgets.rows import RowSource
from tui.app.widgets.search_box import SearchBox
from tui.app.widgets.status import LibraryStatus, set_text, toast_fold, toast_text_cells, toast_title
from tui.app.parts.analysis import method_title
from tui.app.parts.back_pages import BackPages
from tui.app.parts.health import LibraryHealth
from tui.app.parts.marks import ReadMarks
from tui.app.parts.reader import (CONFIRM_ABOVE, SORT_NAMES, SORTS, UNDO_SAY_ABOVE, VIEW_NAMES, VIEWS, ReadingPlaces,
                                  UndoDelete, UnreadCount, link_problem, next_in, open_link)
from tui.app.parts.sources import feed_name, file_gone
from tui.app.parts.story_keys import StoryKeys
from tui.cells import reanalysed_said
from tui.store.query import wordless
from tui.store.twins import all_outlets
from tui.app.parts import (AnalysisJobs, BackgroundPass, FeedChanges, LibraryImport, LibraryQuery, LibraryWatch, OpenAhead,
                           PaneBorders, SourcesRefresh, set_focus_flags)
from tui.store import StoreError
from tui.textsafe import clean, visible
from tui.app.failure import reason, could_not

PANES = ("#library-pane", "#article-pane", "#summary-pane")
# a background pass of this many articles or more says it ended, once (the first, and after an `a` adding as many):
# a pass long enough to be waited for, not the few articles a refresh brings
BIG_PASS = 300
STORIES_WARM_DELAY = 1.5  # seconds after the first `v` before the story summary's modules are loaded
# Seconds without a key or a click before NLTK (its stemmer and Punkt: ~0.5 s of imports on a quiet machine, 1-1.5 s
# under load, holding the GIL) is loaded in a thread: the first briefing's sentences, story view and uncached article
# each waited for it. The memory it takes (~30 MB with NumPy) is in the memory budget's figure already, which is
# measured after an article's analysis (it loads NLTK); the story modules and term tables (~6 MB more) are not loaded
# here, only by story mode (STORIES_WARM_DELAY).
IDLE_WARM = 2.0


class MainScreen(QuickSwitch, Screen):
    """Owns the open article and its analysis; the widgets only draw and post messages.

    The jobs are parts (tui/app/parts), attributes of the screen: `listing` (which articles the
    list shows), `importer`, `analyser` (method, length, the analysis worker), `background`
    (the whole-library pass), `ahead` (the article under the resting cursor, laid out ahead) and
    `borders` (the focused pane's border).
    """

    BINDINGS = keymap.bindings(keymap.MAIN) + [
        # a page's own key pressed here (`t`, the briefing's "since when") did nothing without a word: it says where
        # it works (rebound keys follow: the binding has the key's id)
        Binding(spec.keys, f"page_key('{spec.id}')", spec.description, show=False, id=spec.id)
        for spec in keymap.KEYS if spec.scopes == (keymap.PAGE,)]
    # Textual repaints the whole screen whenever focus moves (Screen.focused repaints by default).
    # The widgets whose looks depend on focus are restyled and redrawn anyway (pane borders,
    # cursors), so the rest of the screen need not be: this halves the cost of tab and enter.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    # Below 120 columns the three panes do not fit: show the library, or the article over its summary.
    # From 160 the library pane is wider (app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide"), (160, "-wider")]
    # The palette's words for the keys of "the article" in the stories list, where they act on the story under the
    # cursor (on_story; the story view's words, StoryScreen.KEY_NAMES)
    STORY_KEY_NAMES = {"copy_summary": "Copy the story's summary", "copy_quotes": "Copy the story's quotes by speaker",
                       "copy_markdown": "Copy the story as Markdown (summary, quotes, sources)",
                       "open_link": "Open the link of the story's latest article in the browser ($BROWSER)",
                       "reanalyse": "Make the story's summary again (its articles analysed again)",
                       "mark_all_read": "Mark every story's articles read (asks first)"}

    def __init__(self, lib, db_path: Path) -> None:
        super().__init__()
        self.lib = lib
        self.db_path = db_path
        self.article = None
        self.analysis = None
        self.reading = False  # an article is open and, on a narrow screen, shown instead of the library
        # the pages (story view, person page, briefing) the open article was opened from, bottom first, kept (not
        # closed) while it is open: esc / q go back to them (back_pages.BackPages)
        self.back_pages = BackPages(self)
        self._reanalysing = None  # (article id, start time) while `r` runs
        self._story_rest = None  # the timer of the cursor's rest on a story before it is read ahead (story.read_ahead)
        self.library_hidden = False  # `l` on a wide screen: article and summary take the width
        self.highlights = True
        self.entity_kind = ""  # the type key of the entity the library is filtered by ("" unknown): its short form
        self.hidden_types: set[str] = set()
        self._first_resume_done = False
        self._saved_view_pending = False  # the saved view/order's first load is still to come (on_mount)
        self._shown_search = ""  # the search text of the list shown (a new one puts the cursor on its best match)
        self._cursor_to: int | None = None  # an article just added (`a`): the next list loaded puts the cursor on it
        self._deleted_at: int | None = None  # the row of the article `d` just deleted: the next list keeps the cursor there
        self._added_said = ""  # the toast of that add, said once that list is loaded (it says whether the list shows it)
        self._hidden_added: int | None = None  # an article added that the list's filter hides: the cursor goes to it
        # when a change of the filter shows it (esc), unless a new search is typed first
        self._search_entered = False  # enter in the search box moved to its results: the status line says enter opens
        self._enter_when_loaded = 0  # enters typed while the search's results were being read: acted on when shown
        self._stories_warmed = False  # story mode's modules loaded (screens/story.py warm)
        self.listing = LibraryQuery(self, db_path, self._list_loaded, lambda: self.update_library_status(busy=True))
        self.importer = LibraryImport(self, db_path, self._import_done)
        self.analyser = AnalysisJobs(self, db_path, lib, self.show_analysis, self.update_summary_status,
                                     finished=self.forget_ready)
        self.background = BackgroundPass(self, db_path, self.update_library_status, self._background_done,
                                         self._background_grouped)
        self._big_pass_said = False  # once a background pass of BIG_PASS articles or more was said (_background_done)
        self.summary_child = None  # the story view's read ahead's summary process (parts/summary_child.py), once used
        self.ahead = OpenAhead(self, lib, lambda: self.body, lambda: self.summary, lambda: self.analyser.key,
                               self.analyser.label_for, lambda: self.analyser.analysing)
        self.borders = PaneBorders(self, PANES)
        self.sources = SourcesRefresh(self, db_path, self.update_library_status, self._sources_done,
                                      self._stories_settled)
        self.feed_changes = FeedChanges(self, db_path, self._feed_added, self._feed_removed)  # a, d in the feeds list
        self.tags = None  # TagPicker (parts/tag_picker.py), made at the first `T`
        # articles added or removed by another process; `moved`: anything else committed (a story deleted by hand)
        self.changes = LibraryWatch(self, lib, self._follow_library, moved=self._library_moved)
        self.unread = UnreadCount(self, db_path, self.update_library_status)
        self.undo = UndoDelete()
        self.marking: str = ""  # what an A or a z is writing in its worker ("marking 300 articles read"; "": nothing)
        self.health = LibraryHealth(self, db_path, self._library_damaged)  # quick_check after the first paint
        self.newer = ""  # the library upgraded by a newer newsreader meanwhile (library_newer): nothing is written
        self.marks = ReadMarks(self, db_path, self._read_failed)  # an open's read mark, written off the UI thread
        self.marks.on_read = self.undo.marked  # a mark given after an `A` is not undone by its `z`
        self.places = ReadingPlaces(self, lib, self.marks)  # reading position per article (saved by marks' thread)
        # c / y / Y / o / r on a story of the stories list: that story's (parts/story_keys.py)
        self.story_keys = StoryKeys(self, db_path, self.update_library_status)

    # -- the parts' state, as the screen's (read-only) -----------------------------------------

    @property
    def damaged(self) -> str:
        """What the damage check found in the library ("" while nothing): writes are then refused."""
        return self.health.problem

    @property
    def unwritable(self) -> str:
        """Why nothing is written to the library ("" when it can be): damaged, or opened read-only (a read-only
        mount, file or folder: Library.readonly). Reads go on; analyses are shown, not cached."""
        if self.health.problem:
            return self.health.problem
        if self.newer:
            return self.newer
        return (getattr(self.lib, "read_only_why", None) or "read-only") if getattr(self.lib, "readonly", False) else ""

    @property
    def search(self) -> str:
        """The search text of the library view."""
        return self.listing.search

    @property
    def entity(self) -> str:
        """The entity the library view is filtered by ("" for none)."""
        return self.listing.entity

    @property
    def method(self) -> str:
        """The summariser shown."""
        return self.analyser.method

    @property
    def sentences(self) -> int | None:
        """The summary length asked for (None: the engine's default)."""
        return self.analyser.sentences

    @property
    def analysing(self) -> bool:
        """Whether the open article's analysis is being computed."""
        return self.analyser.analysing

    @property
    def analysis_error(self) -> str:
        """Why the last analysis failed ("" if it did not)."""
        return self.analyser.error

    def set_filter(self, search: str, entity: str, kind: str | None = None) -> None:
        """Show the articles matching `search` and mentioning `entity` (either may be empty); `kind`: the entity's
        type key (tui/app/widgets/entity_types.py) when known, None to keep it for the same entity."""
        if kind is not None or entity != self.listing.entity:
            self.entity_kind = kind or ""
        self.listing.set(search, entity)

    def reload_list(self) -> None:
        """Re-run the current view (after an add or delete)."""
        self.listing.reload()
        if self.tags is not None:
            self.tags.cache = None  # the library changed: the next T reads the tags before showing them

    def forget_ready(self) -> None:
        """Drop the article prepared ahead (something it shows changed)."""
        self.ahead.forget()

    def _list_loaded(self, source: RowSource) -> None:
        self.forget_ready()
        current = self.articles.current
        old = self.articles.source
        same_kind = old is not None and old.kind == source.kind
        if self._saved_view_pending:  # the saved view's first load replaces the start list:
            self._saved_view_pending = False  # its first row, not the newest article wherever it now sits
            if self.articles.cursor == 0:
                current = None
        searched = " ".join(self.listing.search.split())
        if searched and searched != self._shown_search:
            current = None  # a new search: the cursor on its best match, not on the article it was on
            self._hidden_added = None  # (and not on an article added that the last list hid)
        self._shown_search = searched
        keep = current.id if current and same_kind else None
        added, self._cursor_to = self._cursor_to, None
        said, self._added_said = self._added_said, ""
        source = source.rebind(self.lib)
        if added is None and self._hidden_added is not None and source.kind == "articles":
            added = self._hidden_added  # the filter that hid it changed (esc): the cursor on it once it shows
            if source.index_of(added) is not None:
                self._hidden_added = None
        elif added is not None and source.kind == "articles":
            if source.index_of(added) is None and (copy := source.index_of_copy(added)) is not None:
                added = source.row(copy).id  # the same text as another outlet's article: its row
            if source.index_of(added) is None:
                self._hidden_added = added
                said += "\n" + self._hidden_because()
        if added is not None and source.kind == "articles" and source.index_of(added) is not None:
            keep = added  # an article just added with `a`: the cursor on it
        if said:
            self.notify(said, markup=False)
        near, self._deleted_at = self._deleted_at, None
        self.articles.load(source, keep_id=keep, near=near if same_kind and not added else None)
        if self._enter_when_loaded and not self.listing.loading:
            enters, self._enter_when_loaded = self._enter_when_loaded, 0
            if self.query_one("#search", SearchBox).has_focus:
                self._search_submitted()
                if enters > 1 and self._search_entered:  # "/esk⏎⏎" typed at once: the best match opened
                    self.articles.action_select()
        self.query_one("#library-pane").border_title = "Stories" if source.kind == "stories" else "Library"
        from tui.app.widgets.article_body import EMPTY_HINT, story_hint

        # the empty article pane (a wide screen) names the keys that act on the story under the stories list's cursor
        self.body.set_empty_hint(story_hint(getattr(self.app, "user_keys", {})) if source.kind == "stories"
                                 else EMPTY_HINT)
        self.update_library_status()
        self.count_unread()
        self.footer_words()

    def _unread_elsewhere(self) -> str:
        """": esc clears the search; other articles of the library are unread" when a search or filter narrows the
        list and the library has unread articles (one row read: the count migration 7's triggers keep), else ""."""
        if not self.listing.filtered:
            return ""
        from tui.store.reader import unread_count

        try:
            if not unread_count(self.lib):
                return ""
        except sqlite3.DatabaseError:
            return ""
        what = "search" if self.listing.search.strip() and not (self.listing.entity or self.listing.tag
                                                              or self.listing.feed) else "filter"
        return f": {self._key('back')} clears the {what}; other articles of the library are unread"

    def _hidden_because(self) -> str:
        """What keeps an article just added (or found there already) out of the list shown, and the key that shows
        it: the toast said "Added: …" and the reader looked for it in vain (walk28)."""
        listing = self.listing
        if listing.search.strip():
            why = f"the search “{_named(listing.search)}” does not find it"
        elif listing.entity:
            why = f"it does not mention {_named(listing.entity)}"
        elif listing.tag:
            why = f"it is not tagged “{_named(listing.tag)}”"
        elif listing.feed is not None:
            why = f"it is not one of {_named(listing.feed[1])}'s articles"
        elif listing.view != "all":
            return f"Not in this list: it is not {listing.view} ({self._key('view')} changes the view)."
        else:
            return "Not in this list."
        what = "search" if listing.search.strip() else "filter"
        return f"Not in this list: {why} ({self._key('back')} clears the {what} and shows it)."

    def _key(self, key_id: str) -> str:
        return keymap.first_key(key_id, getattr(self.app, "user_keys", {}))

    def count_unread(self) -> None:
        """Count the unread articles of the list's view again (after a load or a mark)."""
        source = self.articles.source
        if source is not None and source.kind != "stories":
            # The read marks of opened articles are counted once written. While some wait (another program may
            # hold the library's write lock for seconds), the count is made by a worker after them: the UI
            # thread never waits for the writer. The status line keeps the last count (an open counted itself
            # down at once) until the new one lands; none after story mode's (it counted stories).
            # The marks of an A or a z being written (a worker of their own) count as written: the rows show them.
            held = self.marks.held()
            if self.marks.reads_pending:
                if self.unread.of_stories:
                    self.unread.count = None
                    self.update_library_status()
                self.unread.refresh(source.ids, self.lib, len(source), after=self.marks.settle, held=held)
            else:
                self.unread.refresh(source.ids, self.lib, len(source), held=held)
            self.unread.of_stories = False
        elif source is not None:
            # counted with the stories, in the list's worker; the marks of an A or a z being written count already
            self.unread.count = None if source.unread is None else self.marks.stories_with_unread(source.unread)
            self.unread.of_stories = True
            self.update_library_status()

    def compose(self) -> ComposeResult:
        # The panes sit straight on the screen (its layout is horizontal, vertical when narrow):
        # a container around them would be one more full-width widget for Textual to cut up on
        # every line of every repaint.
        with Pane(id="library-pane"):
            yield SearchBox(placeholder="/ search the library", id="search")
            yield ArticleList(id="articles")
            yield LibraryStatus(id="library-status")
        with Pane(id="article-pane"):
            yield Legend(id="legend")
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
        config = getattr(self.app, "config", None)
        if config is not None and (config.view != "all" or config.sort != "date"):
            # The saved view or order: the list shows the library at once and the view when it is ready
            # (at its top, unless the reader has moved meanwhile: _list_loaded).
            self._saved_view_pending = True
            self.listing.set_view(config.view, config.sort)
        self.update_library_status()
        self.count_unread()  # at once for a small library; a large one is counted in a worker
        self.update_legend()
        self.update_summary_status()
        self.articles.marks = self.marks  # the rows show the marks queued and not written yet
        self.summary.moved = self.body.unmark  # a move in the summary clears the jump mark (O(1) if none)
        self.set_focus(self.articles)
        self.borders.mark()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.borders.theme_changed())
        # Everything made so far (Textual, the widgets, the stylesheet) lives as long as the app:
        # frozen, the garbage collector's full passes skip it (they were 30 ms stalls every few keys).
        # (`run` turned collection off for the start-up; it comes back on here.)
        self.set_timer(0.3, partial(_freeze_and_collect, getattr(self.app, "idle_gc", None)))
        self.analyser.warm()
        self._idle_warm = self.set_interval(0.5, self._warm_when_idle)
        self.background.schedule()
        self.sources.start(getattr(self.app, "config", None))
        self.changes.start()
        self.call_after_refresh(self.health.start)  # the damage check: its timer starts after the first paint
        if getattr(self.lib, "readonly", False):  # said once (each read mark and analysis failed in a toast)
            from tui.store.library import read_only_message

            self.notify(f"{read_only_message(self.db_path, getattr(self.lib, 'read_only_why', None))}. Reading "
                        "works; nothing is written (read marks, stars, deletes, imports, refreshes; analyses are "
                        "shown, not kept).", title="Library read-only", severity="warning", timeout=10, markup=False)

    def _on_screen_resume(self, event) -> None:
        # Runs before QuickSwitch's and Screen's handlers. The first resume comes right after the screen
        # was mounted, and every widget was styled as it mounted (with the saved theme already set):
        # restyling the whole screen again cost ~6 ms before the first paint. Later resumes (back from a
        # page, help or a dialog): QuickSwitch restyles only after a theme, size or stylesheet change.
        if not self._first_resume_done:
            self._first_resume_done = True
            event.refresh_styles = False

    def on_unmount(self) -> None:
        self.places.leave(now=True)
        self.marks.stop()
        self.background.stop()
        if self.summary_child is not None:  # the story view's read ahead's summary process
            self.summary_child.stop()
        self.sources.stop()
        self.changes.stop()

    # -- focus: the pane holding it gets the accent border (parts/pane_borders.py) ------------

    def watch_focused(self, old, new) -> None:
        set_focus_flags(old, new)
        self.borders.mark()
        self.footer_words()

    def footer_words(self) -> None:
        """The key line drawn again when `c` changes between copying the article and the story under the stories
        list's cursor ("c Copy" / "c Copy story": focus moved, story mode turned on or off)."""
        for bar in self.query(KeyBar):
            if bar.story_shown != self.on_story():
                bar.refresh()
        if self.is_mounted:
            self.update_summary_status()  # its "enter" and "c" hints say what they do there too

    def on_descendant_focus(self) -> None:
        self.borders.mark()

    def on_descendant_blur(self) -> None:
        self.borders.mark()

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

    def on_article_list_rested(self, event: ArticleList.Rested) -> None:
        if not self.listing.stories:
            self.ahead.rested(event.article_id)
        else:
            from tui.app.screens.story import read_ahead

            read_ahead(self, event.article_id)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        if self.listing.stories:
            self.open_story(event.article_id)  # in story mode the rows are stories
        else:
            self.open_article(event.article_id)

    def open_article(self, article_id: int) -> None:
        """Show an article at once, mark it read, and start (or fetch the cached) analysis."""
        from tui.engine.analysis import get_cached

        self.back_pages.release()  # (a page sets them again when the article is opened from it)
        if self._search_entered:  # (the status line's "enter opens" has done its work)
            self._search_entered = False
            self.update_library_status()

        ready = self.ahead.take(article_id)  # prepared while the cursor rested on it (parts/open_ahead.py)
        try:
            article = ready.article if ready else self.lib.get(article_id)
            cached = ready.cached if ready and ready.cached else get_cached(self.lib, article_id, self.method, self.sentences)
        except sqlite3.DatabaseError as exc:
            self.notify(f"This article cannot be read (the library file is damaged): {reason(exc)}",
                        severity="error", markup=False)
            return
        if article is None:
            self.notify("That article is no longer in the library.", severity="warning")
            self.reload_list()
            return
        if ready is None:
            article.feed = feed_name(self.lib, article_id)
            article.file_gone = file_gone(self.lib, article_id)
            article.outlets = all_outlets(self.lib, article_id, article.source)
        if ready is None or cached is not ready.cached:
            ready = None  # laid out for other entities (its analysis came meanwhile): lay out again
        if not article.read:
            article.read = True
            # Written after the repaint: the list shows it read at once (set_open).
            self.call_after_refresh(self._store_read, article_id)
        else:
            self.undo.marked((article_id,))  # read since an A (already marked by it): a z leaves it read
        self.places.leave()  # where the reader was in the article open until now
        self.article = article
        self.analysis = None
        self.articles.set_open(article_id)
        self.summary.to_top()  # the summary starts at its header, cursor on nothing
        # An analysed article is drawn once, complete; otherwise text now, analysis when ready.
        self.body.show(article, cached.entities if cached else (), ready=ready.body if ready else None)
        self.places.opened(article_id, self.body)  # back where the reader left it
        if cached is None:
            self.summary.show(None)
        self.set_reading(True)
        self.set_focus(self.body)
        self.analyse(cached=cached, ready=ready.summary if ready else None)

    def _store_read(self, article_id: int) -> None:
        if self.unwritable:
            return  # a damaged or read-only library is not written (said once, when the damage was found or at start)
        # Written by parts/marks.py's thread: a write here waited for the library's write lock (the
        # background analysis commits often) inside the next key's time.
        self.marks.set(article_id, "read", True, done=lambda error: self._open_read_written(article_id, error))
        if self.unread.count:
            self.unread.count -= 1  # it was unread (open_article checked): no recount needed
            self.update_library_status()

    def _open_read_written(self, article_id: int, error: str) -> None:
        """An open's read mark is written (or failed: `error`). In story mode the shown page of stories is read
        again: their unread figures are the store's. (It was looked for on a timer, which gave up after 2 s: a
        library locked longer left the stories' figures stale.)"""
        if not self.is_attached:
            return  # written as the app closed (ReadMarks.stop)
        if error:
            self._read_failed(article_id, error)
        elif self.listing.stories:
            self.articles.refresh_rows()

    def _read_failed(self, article_id: int, error: str) -> None:
        """The open's read mark could not be written: the row (drawn read at the open) and the open article
        show the mark the library has again, and the count is redone."""
        self.notify(f"Could not mark the article read: {error}", severity="warning", markup=False)
        if self.article is not None and self.article.id == article_id and self.marks.value(article_id, "read") is None:
            try:
                stored = self.lib.get(article_id)
            except (StoreError, sqlite3.DatabaseError):
                stored = None
            self.article.read = bool(stored.read) if stored is not None else False
        self.forget_ready()
        self.articles.refresh_rows()
        self.count_unread()

    def set_reading(self, reading: bool) -> None:
        """Narrow screens show either the library or the article; wide ones always show all three."""
        self.reading = reading and self.article is not None
        if not reading:
            self.library_hidden = False
            self.back_pages.release()
        self.show_panes()
        if not reading:
            self.set_focus(self.articles)

    def show_panes(self) -> None:
        """Show the panes the width and the reading state call for (set on the panes: see app.tcss)."""
        narrow = self.has_class("-narrow")
        self.query_one("#library-pane").display = not (narrow and self.reading) and not (
            self.library_hidden and not narrow and self.article is not None)
        for selector in ("#article-pane", "#summary-pane"):
            self.query_one(selector).display = self.reading or not narrow

    def on_resize(self) -> None:
        self.show_panes()  # Screen's own resize handler has set -narrow / -wide by now

    def breakpoints_changed(self) -> None:
        self.show_panes()  # shown again at a width the terminal took while another screen was on top

    def action_page_key(self, key_id: str) -> None:
        """A key of a page alone (`t` of the briefing) pressed in the library: say where it works."""
        from tui.app.screens.page import in_words, pages_answering

        keys = getattr(self.app, "user_keys", {})
        spec = keymap.BY_ID[key_id]
        what = "since when" if key_id == "briefing_since" else spec.description
        pages = pages_answering(key_id)
        opens = {"the briefing": "briefing", "the feeds list": "feeds"}  # the library's key that opens the page
        hint = f" ({keymap.first_key(opens[pages[0]], keys)} opens it)" if len(pages) == 1 and pages[0] in opens else ""
        where = in_words(pages) or "a page"
        self.notify(f"{keymap.first_key(key_id, keys)} ({what}) works in {where}{hint}.", severity="warning",
                    timeout=4)

    def action_toggle_library(self) -> None:
        """l: hide or show the library (narrow: the library or the article; wide: the library pane)."""
        if self.article is None:  # (it did nothing without a word: there is nothing to hide the library for)
            self.notify(f"{keymap.first_key('library', getattr(self.app, 'user_keys', {}))} hides the library while "
                        f"an article is open: {keymap.first_key('open', getattr(self.app, 'user_keys', {}))} opens "
                        "one.", timeout=3)
            self.set_focus(self.articles)
            return
        if self.has_class("-narrow"):
            self.set_reading(not self.reading)
        elif self.article is None:
            self.set_focus(self.articles)  # nothing to read yet: the library stays
        elif self.library_hidden:
            self.set_reading(False)
        else:
            self.library_hidden = True
            self.show_panes()
            if self.focused is None or self.articles.has_focus or self.query_one("#search").has_focus:
                self.set_focus(self.body)

    async def action_back_or_quit(self) -> None:
        """q: back to the page the article was opened from (story view, person page, briefing), or to the library
        from the reading view at narrow widths and from the article or summary pane at wide ones (the cursor back in
        the list, the list shown again when `l` hid it), else quit. At a wide screen `q` in the article quit the app
        without asking, while the same reading at 80x24 went back (session 37): it quits from the library only."""
        narrow = self.has_class("-narrow")
        if ((narrow and self.reading) or (not narrow and not self.articles.has_focus)) and self._back_to_pages():
            return
        if (narrow and self.reading) or (not narrow and self._reading_pane_focused()):
            self.set_reading(False)
        else:
            await self.app.run_action("quit")

    def _reading_pane_focused(self) -> bool:
        """Whether the focus is in the article pane or the summary pane (the reading side of a wide screen)."""
        node = self.focused
        while node is not None and node is not self:
            if node.id in ("article-pane", "summary-pane"):
                return True
            node = node.parent
        return False

    def action_back(self) -> None:
        """esc: leave the search box, else clear a filter, else go back to the library."""
        search = self.query_one("#search", SearchBox)
        if search.has_focus:
            search.value = ""
            self.set_focus(self.articles)
        elif self.articles.has_focus and self.listing.stories:
            self.action_toggle_stories()
        elif self.articles.has_focus and self.listing.filtered:
            search.value = ""
            self.listing.clear()
        elif not self.articles.has_focus and self._back_to_pages():
            pass
        elif self.has_class("-narrow") and self.reading:
            self.set_reading(False)
        elif not self.articles.has_focus:
            self.set_focus(self.articles)

    def _back_to_pages(self) -> bool:
        """The article open was opened from a page (and nothing else was opened since): show that page again, over
        the pages it was opened from, its cursor where it was. False when there is none to go back to."""
        if not self.back_pages or self.article is None:
            return False
        pages = self.back_pages.take()
        self.set_reading(False)  # (the list under them, as after esc from a page)
        for page in pages:
            self.app.push_screen(page)
            # the article was marked read as it opened: its line said "● unread" still (walk33), the page as it was;
            # a story changed meanwhile (its articles deleted, merged into another) is read again
            page.library_changed()
        return True

    # -- search and filters -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The search key typed in the search box is a character of the search ("and/or", "24/7"): the binding is
        a priority one (so "/word" typed fast lands in the box) and took the "/", the box then losing what was typed
        before it. Refused here, the key goes on to the box."""
        if action == "search" and isinstance(self.focused, SearchBox):
            return False
        return True

    def action_search(self) -> None:
        # set_focus (immediate), not focus() (deferred): the next keys typed must land in the box.
        search = self.query_one("#search", SearchBox)
        if self._search_entered:
            self._search_entered = False
            self.update_library_status()
        if self.listing.stories:
            self.notify(f"Search finds articles{self._stories_off()}", timeout=4, markup=False)
            self.listing.set_stories(False)  # search finds articles
        self.set_reading(False)
        self.set_focus(search.arm())

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._search_entered, self._enter_when_loaded = False, 0
        self.set_filter(event.value, self.entity)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        """enter in the search box: to the results, the cursor on the best match, and the status line says that enter
        opens it (walk28: nothing but a highlight's colour changed at 80x24, and a new reader pressed enter again not
        knowing what the first one did); after down/up picked a result, it opens that one at once. A search that
        found nothing goes to the list too, whose line names the keys that work there ("u changes the view; esc
        clears")."""
        box = self.query_one("#search", SearchBox)
        if box.stepped:  # down/up picked a result: enter opens it
            self.set_focus(self.articles)
            self.articles.action_select()
            return
        if self.listing.loading:  # typed fast: the list still shows an earlier search's results
            self._enter_when_loaded = min(2, self._enter_when_loaded + 1)  # a second: open the best match
            return
        found = self.articles.source is not None and len(self.articles.source) > 0
        self._search_entered = bool(self.search.strip()) and found
        self.set_focus(self.articles)
        self.update_library_status()

    @on(SearchBox.Step)
    def _search_step(self, event: SearchBox.Step) -> None:
        """down / up in the search box: the cursor through the results, the box keeping the focus."""
        if self.articles.source:
            self.articles.cursor = max(0, min(len(self.articles.source) - 1, self.articles.cursor + event.step))

    def update_library_status(self, busy: bool = False) -> None:
        status = self.query_one("#library-status", Static)
        source = self.articles.source
        count = len(source) if source else 0
        filters: list[str] = []
        if source is not None and source.kind == "stories":
            parts = [f"{count:,} stor{'ies' if count != 1 else 'y'}"]
            if self.unread.count is not None:
                parts.append(f"{self.unread.count:,} with unread")
            parts.append("v articles")
        else:
            view = source.view if source is not None else "all"
            noun = f"article{'s' if count != 1 else ''}"
            # (long form, short form) of each active filter: the short one where the line is narrow
            if self.listing.tag:
                name = _name_cut(self.listing.tag)
                filters.append((f"tag {name}", f"#{name}"))
            if self.listing.feed:
                kind = "folder" if isinstance(self.listing.feed[0], tuple) else "feed"
                name = _name_cut(self.listing.feed[1])
                filters.append((f"{kind} {name}", name))
            if self.search.strip():
                typed = " ".join(clean(self.search).split())
                # in quotes of its own, unless it holds quotes (a phrase): `“"storm wall"”` said them twice
                words = typed if any(q in typed for q in '"“”„') else f"“{typed}”"
                filters.append((f"search {words}", words))
            if self.entity:
                name = " ".join(clean(self.entity).split())
                filters.append((f"mentions {name}", _entity_short(name, self.entity_kind)))
            counted = f"{count:,} {noun}" if view == "all" else f"{count:,} {view} {noun}"
            # An active filter, how to clear it and the count come first, fitted to the line (a 32-cell pane at
            # 120x30: the short form, "2 · #Transport · “rail” · esc ✕"); the unread count, sort and progress
            # after them are left off whole when they do not fit (" …"): one row still.
            if filters:
                parts = [_filters_fitted(filters, counted, f"{count:,}", status.content_region.width)]
            else:
                parts = [counted]
            if self._search_entered and count and self.search.strip():  # (enter in the box moved to the results)
                key = keymap.first_key('open', getattr(self.app, 'user_keys', {}))
                parts.append(f"{'enter' if key == '⏎' else key} opens")  # (a word, as "esc clears" before it)
            if wordless(self.search):  # "(", an emoji alone: nothing to search for, so nothing found (query.wordless)
                parts.append("no searchable word")
            if self.unread.text and view != "unread":
                parts.append(self.unread.text)
            if self.listing.sort != "date":
                parts.append(SORT_NAMES[self.listing.sort])
        if busy:
            parts.append("searching…")
        for progress in (self.background.progress, self.sources.progress):
            if progress:
                parts.append(progress)
        if self.story_keys.remaking is not None:
            parts.append("re-analysing a story…")
        if self.feed_changes.pending:
            parts.append("adding a feed…" if self.feed_changes.pending == 1
                         else f"adding {self.feed_changes.pending} feeds…")
        if self.articles.source is not None and self.articles.source.error:
            if getattr(self.articles.source, "search_failed", False):
                parts.insert(0, "search index damaged")  # first, kept whatever the width (a toast said it whole)
            else:
                parts.append(self.articles.source.error)
        stories = source is not None and source.kind == "stories"
        if (filters or stories) and status.content_region.width > 0:
            # whole parts or " …" (story mode at 120x30 read "15 stories · 14 with unread · v…")
            parts = _parts_fitted(parts, status.content_region.width)
        set_text(status, Text(" · ".join(parts)))

    # -- the analysis (parts/analysis.py computes it) ---------------------------------------

    def analyse(self, force: bool = False, cached=None, ready=None) -> None:
        """Show the analysis of the open article: from the cache now, or computed in a worker.

        `ready`: the summary pane's layout of `cached`, made ahead (parts/open_ahead.py).
        """
        if self.article is not None:
            self.analyser.request(self.article, force, cached, ready)

    def show_analysis(self, analysis, ready=None) -> None:
        """Show an analysis of the open article in the body (entities) and the summary pane."""
        self.analysis = analysis
        if self.body.entities != analysis.entities:
            self.body.set_entities(analysis.entities)
        self.summary.show(analysis, self.method_label(), ready=ready)
        self.update_summary_status()
        if self._reanalysing is not None:
            self._reanalysed(analysis)

    def method_label(self) -> str:
        """The summary heading's "News · 3 sentences" for the analysis shown (and the one coming, if one is)."""
        return self.analyser.label_for(self.analysis, self.analyser.shown_key)

    def update_summary_status(self) -> None:
        """The line above the summary: what to do, the analysis running, or why it failed."""
        status = self.query_one("#summary-status", Static)
        key = partial(keymap.first_key, overrides=self.app.user_keys)
        if self.article is None:
            # what enter opens where the reader is: in the stories list a story (its view shows the summary), where
            # this said "open an article (enter)" (both fit the narrowest pane)
            what = "a story" if self.listing.stories else "an article"
            set_text(status, Text(f"Summary: open {what} ({key('open').replace('⏎', 'enter')})."))
        elif self.analysis_error:
            set_text(status, Text(f"Analysis failed: {self.analysis_error} (r retries)", style="bold red"))
        elif self.analysing:
            set_text(status, Text(f"⏳ analysing ({method_title(self.method)})…", style="bold"))
            if self.analysis is not None and self.analyser.shown_key is not None:
                self.summary.show(self.analysis, self.method_label())  # its heading: what is shown, what is coming
        else:
            # c on the stories list copies the story under its cursor (on_story), not this summary: said so there
            copied = "copy story" if self.on_story() else "copy"
            set_text(status, Text(f"{key('next_method')} method · {key('longer')}/{key('shorter')} length · "
                               f"{key('copy_summary')} {copied}"))
        self.set_class(self.analysing, "-analysing")
        if self._reanalysing is not None and self.analysis_error:
            self._reanalysed(None)

    def action_next_method(self) -> None:
        # (as + and - say it: with no article open, nothing on screen shows the method it set)
        self.notify(f"Summary method: {method_title(self.analyser.next_method())}"
                    + (" (for the articles you open)" if self.article is None else ""), timeout=2, markup=False)
        self.analyse()

    def action_longer(self) -> None:
        if self.analyser.longer(self.analysis):
            self.analyse()
            self._length_said()
        elif self.analysis is not None and self.analysis.summary is not None:  # at the end: say so, not nothing
            # the article's sentences (what `longer` stops at), not the summary on screen: presses counted ahead of
            # a longer summary still being made said "all 3 sentences" above a heading that then said 5
            n = len(self.analysis.sentences or self.analysis.summary.sentences)
            self.notify(f"Longest summary: all {n} sentences of the article." if n > 1
                        else "Longest summary: the article has one sentence.", timeout=2)

    def action_shorter(self) -> None:
        if self.analyser.shorter(self.analysis):
            self.analyse()
            self._length_said()
        elif self.analysis is not None and self.analysis.summary is not None:
            self.notify("Shortest summary: one sentence.", timeout=2)

    def _length_said(self) -> None:
        """+ / - say the length they set, in every view: with no article open or with it off screen (the library at
        80 columns, the stories list) the summary heading that shows it is not there, and where it is, the heading's
        change is easily missed (every key that changes a setting says what it set; one toast of the kind at a
        time)."""
        n = self.analyser.sentences
        self.notify(f"Summary length: {n} sentence{'s' if n != 1 else ''}"
                    + (" (for the articles you open)" if self.article is None else ""), timeout=2)

    def on_story(self) -> bool:
        """Whether the keys of "the article" act on the story under the cursor: in the stories list, with the list
        focused or no article open (as `m` there; an article opened from a story and read is theirs)."""
        return self.listing.stories and (self.articles.has_focus or self.article is None)

    def action_reanalyse(self) -> None:
        """r: analyse the open article again; the status line shows it running, a toast the result. On a story of
        the stories list: its summary made again from its articles analysed again (parts/story_keys.py)."""
        if self.on_story():
            self.story_keys.remake()
            return
        if self.article is None:
            self._open_first()
            return
        self._reanalysing = (self.article.id, time.perf_counter())
        self.notify("Re-analysing this article…", timeout=3)
        self.analyse(force=True)

    def _reanalysed(self, analysis) -> None:
        """After show_analysis: the toast that ends an `r`."""
        article_id, started = self._reanalysing or (None, 0.0)
        if self.article is None or article_id != self.article.id:
            return
        self._reanalysing = None
        if self.analysis_error:
            self.notify(f"Re-analysis failed: {self.analysis_error}", severity="error", markup=False)
            return
        sentences = len(analysis.summary.sentences) if analysis.summary else 0
        self.notify(reanalysed_said(time.perf_counter() - started, len(analysis.entities), len(analysis.quotes),
                                    sentences), markup=False)

    def _background_grouped(self, placed: int) -> None:
        if self.listing.stories:
            self.reload_list()  # a bulk import's articles are in stories now

    def _background_done(self, done: int, error: str) -> None:
        """A background pass ended. Its progress is the status line's ("analysing 120/3,400"); a toast says it ended
        only after the first big pass of the session (BIG_PASS articles or more: a new library's, or every article
        after an upgrade), and again after an `a` that added that many. The few articles a refresh, a watched
        folder or an add brings are analysed unsaid: the toast came back after every one, `refresh_every` and the
        folder scans included, stacking with the refresh's own at 80x24 (walk35). A failure is always said."""
        if error:
            self.notify(f"Background analysis stopped: {error}", severity="warning", markup=False)
        elif done:
            if done >= BIG_PASS and not self._big_pass_said:
                self._big_pass_said = True
                self.notify(f"Analysed {done:,} articles: entity filters cover the whole library", markup=False)
            if self.entity:
                self.reload_list()  # the filter may match more articles now

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
            type_key, name = self.summary.entity_names[index]
            if type_key == "person":
                self.open_person(name)
                return
            self.listing.stories = False
            self.set_filter(self.search, name, type_key)
            self.set_reading(False)
            # The entity index covers analysed articles (the background pass analyses them all).
            self.notify(f"Library: articles that mention {' '.join(clean(name).split())} (esc clears)",
                        markup=False)

    def update_legend(self) -> None:
        self.query_one("#legend", Legend).show(
            [(name, self.body.type_style(key), self.highlights and key not in self.hidden_types)
             for key, name, _heading, _labels in TYPES], self.highlights)

    def action_toggle_entities(self) -> None:
        self.highlights = not self.highlights
        self.body.set_highlights(self.highlights, self.hidden_types)
        self.update_legend()
        self._highlights_said("Entity highlights " + ("on" if self.highlights else "off"))

    def action_toggle_type(self, index: int) -> None:
        key, heading = TYPES[index][0], TYPES[index][2].lower()
        if self.highlights:
            self.hidden_types ^= {key}
            said = f"Highlights: {heading} {'off' if key in self.hidden_types else 'on'}"
        else:
            # Every highlight was off (e), this type's too: its key shows it, with the layer. It flipped the type's
            # own mark instead, so 1 after e hid people, brought the other five back and said "people off" of the
            # one kind that had been off already and stayed so (walk31).
            self.hidden_types -= {key}
            still = [h.lower() for k, _n, h, _l in TYPES if k in self.hidden_types]
            said = f"Highlights: on, {heading} too" + (f" ({', '.join(still)} still off)" if still else "")
        self.highlights = True
        self.body.set_highlights(self.highlights, self.hidden_types)
        self.update_legend()
        self._highlights_said(said)

    def _highlights_said(self, what: str) -> None:
        """e and 1-6 say what they set, in every view: where no article is on screen (the library at 80 columns,
        nothing open, the stories list) the legend that shows it is not there (the next article opened without its
        people highlighted, and nothing had said why), and where it is, a dimmed word of the legend is easily
        missed."""
        self.notify(f"{what} (for the articles you open)" if self.article is None else what, timeout=2, markup=False)

    # -- marks, add, delete -----------------------------------------------------------------

    def target_id(self, key_id: str = "delete") -> int | None:
        """The article a mark/delete applies to: the row under the cursor in the list, else the open one. In the
        stories list none: the toast says how to reach one, for `key_id` (delete or star)."""
        if self.articles.has_focus or self.article is None:
            if self.listing.stories:
                self.notify(self.no_article_here(key_id), severity="warning")
                return None
            row = self.articles.current
            if row is None and not self.articles.source:  # d, m, f, o on an empty list did nothing, said nothing
                verb = {"star": "star", "toggle_read": "mark", "open_link": "open"}.get(key_id, "delete")
                self.notify(f"No article to {verb}: the list is empty.", timeout=3)
            return row.id if row else None
        return self.article.id

    def action_toggle_read(self) -> None:
        if self.listing.stories and (self.articles.has_focus or self.article is None):
            row = self.articles.current  # a story of the stories list: all its articles (it said "open a story")
            if row is not None:
                self.mark_story(row.id, row.title)
            return
        self._flip("read", "read", "unread")

    def mark_story(self, story_id: int, title: str, after=None) -> None:
        """`m` on a story (the stories list, the briefing): every article of it read, or unread when all are read
        already, as `m` flips an article. Written by the marks' thread; the list (and `after()`) once all are."""
        if self.refuse_write("marked read/unread") or self.still_marking():
            return
        try:
            members = self.lib.db.execute(
                "SELECT a.id, a.read, a.twin_of FROM story_articles s JOIN articles a ON a.id = s.article_id"
                " WHERE s.story_id = ? ORDER BY a.id", (story_id,)).fetchall()
        except sqlite3.DatabaseError as exc:
            self.notify(could_not("read the story's articles", exc),
                        severity="warning", markup=False)
            return
        if not members:
            self.notify("This story has no articles left.", severity="warning", timeout=3)
            return
        queued = [self.marks.value(i, "read") for i, _read, _twin in members]
        was = [bool(read) if mark is None else mark for (_i, read, _twin), mark in zip(members, queued)]
        value = not all(was)
        changed = [i for (i, _read, _twin), read in zip(members, was) if read != value]
        # one write for the whole story (one transaction: a story of 2,000 articles was 2,000 of them)
        self.marks.set_many([i for i, _read, _twin in members], "read", value,
                            done=lambda error: self._story_marked(value, error, after))
        if value:  # z marks unread again the articles it marked read (walk33: a slip of m in the briefing lost them)
            self.undo.keep_unread(changed, "Mark read", story_id)
        elif self.undo.story == story_id and self.undo.unread is not None:
            self.undo.unread = None  # m again on that story did what z would have done
        self.articles.refresh_rows()
        # the articles it changed, as the library lists them (a text two outlets printed once), as `A` counts them
        n = sum(1 for (_i, _read, twin), read in zip(members, was) if read != value and twin is None)
        undo = f" — {self._undo_key()} undoes." if value else ""
        self.notify(f"Marked {'read' if value else 'unread'}: {n:,} article{'s' if n != 1 else ''} of "
                    f"{toast_title(' '.join(clean(title).split()))}{undo}", markup=False)

    def _story_marked(self, value: bool, error: str, after) -> None:
        if not self.is_attached:
            return  # written as the app closed (ReadMarks.stop)
        if error:
            self.notify(f"Could not mark every article of the story {'read' if value else 'unread'}: {error}",
                        severity="warning", markup=False)
        self.forget_ready()
        self.reload_list()  # the stories' unread figures (kept by triggers)
        self.count_unread()
        if after is not None:
            after()

    def no_article_here(self, key_id: str) -> str:
        """What `d` or `f` on a story of the stories list says: how to reach an article, in the story view's words
        ("To delete an article: enter on its line (a: the articles), then d."). It said "In the stories list: open a
        story (enter) and an article from it.", not what for (walk38)."""
        keys = getattr(self.app, "user_keys", {})
        enter, own = keymap.first_key("open", keys).replace("⏎", "enter"), keymap.first_key(key_id, keys)
        line = f"the article's line ({keymap.first_key('to_articles', keys)}: the articles)"
        if key_id in ("star", "toggle_read"):  # in the story view f (m) marks the line's article: no need to open it
            verb = "star" if key_id == "star" else "mark"
            return f"To {verb} an article: {enter} on its story, then {own} on {line}."
        return f"To delete an article: {enter} on its story, then on {line}, then {own}."

    def action_toggle_star(self) -> None:
        self._flip("starred", "starred", "unstarred")

    def _flip(self, field: str, yes: str, no: str) -> None:
        article_id = self.target_id("star" if field == "starred" else "toggle_read")
        if article_id is None or self.refuse_write(f"marked {yes if field == 'starred' else 'read/unread'}"):
            return
        if field == "read" and self.still_marking():  # an A's (z's) marks being written: m waits for them (written
            return  # before them, its mark was overwritten by them while the row showed it)
        article = self.lib.get(article_id)
        if article is None:
            return
        value = not self.mark_of(article, field)
        self.set_mark(article_id, field, value)
        self.notify(f"Marked {yes if value else no}: {toast_title(' '.join(clean(article.title).split()))}", markup=False)

    def mark_of(self, article, field: str) -> bool:
        """The article's read/starred mark as it will be: a queued mark (an open's, a toggle's) if one waits."""
        queued = self.marks.value(article.id, field)
        return bool(getattr(article, field)) if queued is None else queued

    def set_mark(self, article_id: int, field: str, value: bool, after=None) -> None:
        """Set the article's read or starred mark to `value` (`m`, `f`, here and in the story view): written by
        parts/marks.py's thread, shown at once (a write here waited for the library's write lock, up to 15 s
        while another program held it). `after()` runs on the UI thread once the write is over."""
        self.marks.set(article_id, field, value, done=lambda error: self._mark_written(article_id, field, value,
                                                                                      error, after))
        self.forget_ready()  # it holds the article with the old mark
        if self.article is not None and self.article.id == article_id:
            setattr(self.article, field, value)
        self.articles.refresh_rows()  # the rows take the queued mark (ArticleList.marks)
        source = self.articles.source
        if (field == "read" and self.unread.count is not None and not self.unread.of_stories and source is not None
                and source.kind != "stories" and (source.index_of(article_id) is not None
                                                  or source.index_of_copy(article_id) is not None)):
            self.unread.count = max(0, self.unread.count + (-1 if value else 1))  # at once; recounted after the write
            self.update_library_status()

    def _mark_written(self, article_id: int, field: str, value: bool, error: str, after) -> None:
        if not self.is_attached:
            return  # written as the app closed (ReadMarks.stop)
        if error:
            what = ("read" if value else "unread") if field == "read" else ("starred" if value else "unstarred")
            self.notify(f"Could not mark the article {what}: {error}", severity="warning", markup=False)
            if self.article is not None and self.article.id == article_id and self.marks.value(article_id,
                                                                                             field) is None:
                try:  # the open article shows the mark the library has
                    stored = self.lib.get(article_id)
                except (StoreError, sqlite3.DatabaseError):
                    stored = None
                setattr(self.article, field, getattr(stored, field) if stored is not None else not value)
        self.forget_ready()
        self.articles.refresh_rows()  # the store's marks (the stored one again after a failure)
        self.count_unread()
        if after is not None:
            after()

    def action_delete(self) -> None:
        if self.refuse_write("deleted"):
            return
        article_id = self.target_id()
        article = self.lib.get(article_id) if article_id is not None else None
        if article is None:
            return
        title = " ".join(clean(article.title).split())

        def done(yes: bool | None) -> None:
            if yes:
                self.delete_article(article_id, title)

        from tui.app.dialogs import ConfirmDialog
        from tui.store.twins import twins_of

        detail = title
        copies = twins_of(self.lib, article_id)  # the same text from other outlets, shown as this row
        if copies:
            outlet = " ".join(clean(copies[0][1] or "another outlet").split())
            detail += (f"\nOnly the {clean(article.source) or 'first'} record is deleted: the same text from {outlet}"
                       + (f" (+{len(copies) - 1} more)" if len(copies) > 1 else "") + " stays and is shown instead.")
        self.app.push_screen(ConfirmDialog("Delete this article?", detail), done)

    def delete_article(self, article_id: int, title: str) -> None:
        """Remove an article from the library (asked first by action_delete)."""
        self.forget_ready()
        from tui.store.undo import remove_saving

        try:
            saved = remove_saving(self.lib, article_id)
        except (StoreError, sqlite3.DatabaseError) as exc:
            self.notify(could_not("delete the article", exc), severity="error", markup=False)
            return
        reading = None  # where the reader was in it when it was the open article: undo opens it there again
        reopen = False  # ... when it was on the screen (at a narrow width, behind the list, only the place is kept)
        if self.article is not None and self.article.id == article_id:
            reading = self.body.place()
            reopen = self.reading or not self.has_class("-narrow")
            self.places.forget()
            self.article = None
            self.analysis = None
            self.analyser.drop()
            self.body.clear()
            self.summary.show(None)
            self.update_summary_status()
            self.set_reading(False)
        if saved is not None:
            self.undo.keep(saved, title, reading, reopen)
        current = self.articles.current
        if current is not None and (current.id == article_id or article_id in (current.twins or ())):
            # the row under the cursor goes: the cursor stays where it was, on the row that takes its place (it
            # went to the top of the list, and a reader deleting as they went down the list lost their place: walk36)
            self._deleted_at = self.articles.cursor
        key = keymap.first_key("undo", self.app.user_keys)
        self.notify(f"Deleted — {key} to undo: {toast_title(title)}", markup=False)
        self.reload_list()

    def action_undo(self) -> None:
        """z: put the last deleted article back, or mark the articles the last `A` marked read unread again (for a few
        seconds after it; whichever of the two came last)."""
        from tui.store.undo import restore

        if self.refuse_write("restored"):
            return
        if self.undo_mark_all():
            return
        saved, title, reading, reopen = self.undo.take(), self.undo.title, self.undo.reading, self.undo.reopen
        if saved is None:
            self.notify("Nothing to undo.", severity="warning", timeout=3)
            return
        try:
            back = restore(self.lib, saved)
        except (StoreError, sqlite3.DatabaseError) as exc:
            self.notify(could_not("restore the article", exc), severity="error", markup=False)
            return
        self.notify(f"Restored: {toast_title(title)}" if back else "It is back in the library already.", markup=False)
        if back:  # the cursor on it again (it stayed on the row the delete moved it to: enter opened another)
            self._cursor_to = saved.article_id
        self.reload_list()
        if back and reading is not None and self.article is None:
            # it was open when it was deleted, and nothing else was opened since: the reader is put back in it, or,
            # deleted from the narrow list it was open behind, the list stays and `enter` opens it at that place
            self.places.put_back(saved.article_id, reading)
            if reopen:
                self.open_article(saved.article_id)
        if back:  # back in its story when that story is still there (tui.store.undo); else grouped as a new one is
            self.run_worker(self._group_restored, name="group_restored", group="undo", thread=True)

    def undo_mark_all(self, after=None) -> bool:
        """z when the last thing undoable was an `A` (the library's, the stories list's, a page's) within UNDO_SECONDS:
        the articles it marked read unread again, then `after()` (a page shows its marks again); True when it was
        (done, or said why not), False when there is no such `A` to undo."""
        if self.still_marking():  # the A, or the last z, is still being written (a big library)
            return True
        if self.undo.unread is None:  # the last was not an A
            return False
        if not self.marks.settle():  # a mark queued since the A is written first (it stays as given)
            self.notify("The library is busy (another program is writing): try again in a moment.",
                        severity="warning", timeout=4)
            return True
        self._given_with_copies()
        what = self.undo.what
        unread = self.undo.take_unread()
        if unread is None:
            return False
        self._undo_mark_all(unread, after, what)
        return True

    def _undo_key(self) -> str:
        return keymap.first_key("undo", self.app.user_keys)

    def _given_with_copies(self) -> None:
        """A mark given since the A counts for every record of its text (the library sets the copies' marks with it:
        z marking a copy unread would take the marked one with it)."""
        from tui.store.twins import shown_as, twins_of

        try:
            for article_id in list(self.undo.given):
                head = shown_as(self.lib, article_id)
                self.undo.given.update([head, *(t for t, _source in twins_of(self.lib, head))])
        except sqlite3.DatabaseError:
            pass  # the marks given stay as they were given; only their copies are not looked up

    def write_marks(self, count: int, doing: str, write, done, shown=(None, True), back=None, figures=None) -> None:
        """Write the marks of an A or of z's undo of one in a worker, on its own connection: `write(lib)` there, then
        `done(its result)` on the UI thread (a failure: its toast). At 100,000 articles the update, with the triggers
        that keep the stories' and the library's unread figures, takes ~2 s of CPU (10-14 s at load 15), and the
        screen was held that long. Keys work meanwhile; `doing` ("marking 300 articles read") is said from
        UNDO_SAY_ABOVE articles on, and by an A or a z pressed before it is written (`still_marking`).

        The rows show the new marks at once (the list's, the stories', a page's: `shown` = (the ids, None for every
        article; the read mark), held by ReadMarks.hold until the write is over); they showed the old ones until it
        was done. A write that fails puts the library's marks back on them (and `back()`: a page's lines) and says
        so. `figures`: (`read(lib)`, `show(its result, token)`), what the new marks make of counts the rows alone do not
        give (z's: the status line's unread count, the stories' unread figures), read by the worker before it writes
        and shown on the UI thread before the write begins."""
        self.marking = doing
        if figures is None and shown[0] is not None and shown[1]:
            figures = self._read_now_figures(list(shown[0]))  # an A of some articles: the stories' figures too
        token = self.marks.hold(*shown)
        if count >= UNDO_SAY_ABOVE:
            self.notify(f"{doing[0].upper()}{doing[1:]}…", timeout=3)
        self._show_marks_now(back)
        self.run_worker(partial(self._marks_in_thread, write, done, token, doing, back, figures),
                        name="write_marks", group="marks-all", thread=True)

    def _show_marks_now(self, page=None) -> None:
        """The rows of the list (a story's unread figure), and a page's lines (`page()`), with the marks as held."""
        self.articles.refresh_rows()
        if page is not None:
            page()

    def _marks_in_thread(self, write, done, token: int, doing: str, back, figures=None) -> None:
        from tui.app.parts.threads import deliver
        from tui.store import Library

        try:
            with Library(self.lib.path) as lib:
                if figures is not None:
                    read, show = figures
                    try:
                        found = read(lib)
                    except (StoreError, sqlite3.DatabaseError):
                        found = None  # the counts are made again once the marks are written
                    if found is not None:
                        deliver(self, show, found, token)  # (waits for the UI thread: shown before the write)
                result = write(lib)
        except (StoreError, sqlite3.DatabaseError) as exc:
            deliver(self, self._marks_written, None, done, token, doing, back, reason(exc))
            return
        deliver(self, self._marks_written, result, done, token, doing, back, "")

    def _marks_written(self, result, done, token: int, doing: str, back, problem: str) -> None:
        self.marking = ""
        self.marks.release(token)
        if problem:
            self._show_marks_now(back)  # the library's marks again
            self.count_unread()
            self.notify(f"Not done ({doing}): {problem}. The marks are as they were.", severity="error",
                        markup=False)
            return
        done(result)

    def still_marking(self) -> bool:
        """An A's or a z's marks are still being written: say so (True), so that this A or z waits for it."""
        if not self.marking:
            return False
        self.notify(f"Still {self.marking}…", timeout=3)
        return True

    def _undo_mark_all(self, ids: list[int], after=None, what: str = "Mark all read") -> None:
        """z after A (or `m` on a story): the articles it marked read (unread before it) unread again, less those
        given a mark since (in a worker: `write_marks`)."""
        from tui.store.reader import mark_read

        self.write_marks(len(ids), f"marking {len(ids):,} articles unread again",
                         lambda lib: mark_read(lib, ids, False), partial(self._undone, after=after, what=what),
                         (ids, False), after, self._unread_again_figures(ids))

    def _unread_again_figures(self, ids: list[int]):
        """write_marks' `figures` for z marking `ids` unread again: the list's unread count (the articles list's, or
        the stories with unread articles) and the stories' unread figures as they will be, shown while it writes (the
        rows alone showed the new marks: the count and the stories' figures waited for the write, 10-14 s at 100,000
        articles under load)."""
        from tui.store.reader import stories_unread_again, unread_again, unread_count

        source = self.articles.source
        if source is None:
            return None
        articles = source.kind != "stories"
        view = source.ids if articles else None  # None: the whole library

        def read(lib):
            count = unread_count(lib, view) + unread_again(lib, ids, view) if articles else None
            return count, stories_unread_again(lib, ids)

        def show(found, token: int) -> None:
            count, stories = found
            now = self.articles.source
            if not self.marks.show_stories(token, *stories) or now is None:
                return  # (the write is over)
            if now.kind == "stories":  # (v meanwhile shows them too)
                self.articles.refresh_rows()
                self.count_unread()
            elif count is not None and now.ids == view and not self.unread.of_stories:
                self.unread.count = count
                self.update_library_status()

        return read, show

    def _read_now_figures(self, ids: list[int]):
        """write_marks' `figures` for an A marking `ids` read (a filtered view's, a page's): the stories' unread figures
        and "N with unread" as they will be, shown while it writes should the stories list be shown meanwhile (`v`:
        the stored figures showed until the write was done, a story just marked read still ●3)."""
        from tui.store.reader import stories_read_now

        def show(found, token: int) -> None:
            if self.marks.show_stories(token, *found) and self.articles.source is not None \
                    and self.articles.source.kind == "stories":
                self.articles.refresh_rows()
                self.count_unread()

        return (lambda lib: stories_read_now(lib, ids)), show

    def counts_after_marks(self) -> None:
        """An A's marks written: the rows read again, and the status line's count (the stories list's comes with its
        reload: the one it holds was counted before the write, and the marks are no longer held to correct it)."""
        self.articles.refresh_rows()
        if self.articles.source is not None and self.articles.source.kind == "stories":
            self.reload_list()
        else:
            self.count_unread()

    def _undone(self, changed: int, after=None, what: str = "Mark all read") -> None:
        self.forget_ready()
        self.articles.refresh_rows()  # the stored marks and figures at once (held until now): the reload follows
        self.reload_list()  # the rows' marks, and the stories' unread figures (kept by triggers)
        if self.articles.source is None or self.articles.source.kind != "stories":
            self.count_unread()  # (the stories list's count comes with its reload: the one shown is from before z)
        if after is not None:
            after()
        self.notify(f"{what} undone: {changed:,} article{'s' if changed != 1 else ''} unread again.")

    def _group_restored(self) -> None:
        from tui.app.parts.sources import group_stories, say_grouping
        from tui.app.parts.threads import deliver
        from tui.store import Library

        try:
            with Library(self.lib.path) as lib:
                said = group_stories(lib)
        except Exception:
            return  # grouping is a view: the article is back either way, and the next pass groups it
        say_grouping(self, said)  # a grouping that failed: logged, and said once
        deliver(self, self.reload_list)

    # -- a damaged library (parts/health.py): read what is readable, write nothing -----------

    def _library_damaged(self, problem: str) -> None:
        """The damage check found `problem`: refuse every write from now on, as the CLI does, and say so."""
        self.lib.damaged = problem  # the app's own connection refuses writes (Library.transaction)
        self.background.stop()  # the analysis pass and feed refreshes write: stopped, and not started again
        self.sources.stop()
        path = visible(self.db_path)
        self.notify(f"{path} is damaged ({clean(problem)}). Reading still works, but nothing will be written "
                    f"(read marks, stars, deletes, imports, refreshes, analyses). "
                    f"Run `newsreader --db {path} doctor` to see how to recover what is readable.",
                    title="Library damaged", severity="error", timeout=30, markup=False)

    def library_newer(self, problem: str) -> None:
        """Another newsreader upgraded the library to a newer schema while this app runs (`problem`: "… was written
        by a newer newsreader (schema 34); please upgrade", the store's NewerLibrary): said once, and the passes that
        open the library anew (folder scans, feed refreshes, the analysis pass) are stopped and not started again; it
        toasted that StoreError at every 30-s folder scan (walk34). What the app's own connection reads goes on; the
        writes `unwritable` guards (read marks, stars, deletes, imports) are refused, as for a read-only library."""
        from tui.store.library import read_newer_as_is

        read_newer_as_is(self.db_path)  # the views opened anew read it as it is, read-only (parts/newer.py)
        if self.newer or not self.is_attached:
            return
        self.newer = problem
        self.background.stop()
        self.sources.stop()
        self.notify(f"{clean(problem)}. This window goes on reading it as it is, but writes nothing and refreshes "
                    f"nothing: quit it and use the newer newsreader to mark, add or refresh.",
                    title="Library upgraded", severity="error", timeout=30, markup=False)

    def refuse_write(self, what: str) -> bool:
        """True (and a toast saying why) when the library is damaged, read-only or newer: `what` is not done."""
        if self.newer and not self.damaged:
            self.notify(f"Not {what}: {clean(self.newer)}.", severity="warning", timeout=6, markup=False)
            return True
        if not self.damaged:
            if not self.unwritable:
                return False
            self.notify(f"Not {what}: {visible(self.db_path)} is read-only ({self.unwritable}).", severity="warning",
                        timeout=6, markup=False)
            return True
        self.notify(f"Not {what}: the library is damaged and newsreader writes nothing to it "
                    f"(`newsreader --db {visible(self.db_path)} doctor` says how to recover).",
                    severity="warning", timeout=6, markup=False)
        return True

    # -- reader basics (parts/reader.py) ----------------------------------------------------

    def action_open_link(self) -> None:
        """o: the open (or selected) article's link in the browser; $BROWSER is honoured. On a story of the stories
        list: its latest article's (parts/story_keys.py)."""
        if self.on_story():
            self.story_keys.open_link()
            return
        self.open_link_of(self.target_id("open_link"))

    def open_link_of(self, article_id: int | None, about: str = "") -> None:
        """The article's link in the browser (the story view's `o` too), or a toast saying why not. `about`: a first
        line of the toast naming the article (the stories list's `o`)."""
        article = self.lib.get(article_id) if article_id is not None else None
        if article is None:
            return
        if not article.url:
            self.notify("This article has no link.", severity="warning", timeout=3)
            return
        url = article.url
        problem = link_problem(url)
        if problem:  # (not "Opening javascript:…" first)
            self.notify(problem, severity="warning", timeout=5, markup=False)
            return
        from tui.cells import link_lines  # (not imported at start-up)

        # the link on lines of the toast's width, broken between its parts (the toast broke it mid-word); a long one
        # leaves folders of its path out
        lines = link_lines(url, toast_text_cells(self.app))
        opening = ("Opening " + lines[0] if len(lines) == 1 and len(lines[0]) + 8 <= toast_text_cells(self.app)
                   else "Opening\n" + "\n".join(lines))
        self.notify(f"{about}\n{opening}" if about else opening, timeout=5 if about else 3, markup=False)

        def worker() -> None:
            problem = open_link(url)
            if problem:
                self.app.call_from_thread(self.notify, problem, severity="warning", markup=False)

        self.run_worker(worker, name="browser", group="browser", thread=True)

    def action_next_unread(self, step: int = 1) -> None:
        """n / N: move to the next (previous) unread article of the list and open it."""
        source = self.articles.source
        if source is not None and source.kind == "stories":
            self._next_unread_story(step)
            return
        if source is None or not len(source):
            return
        index = self.articles.cursor
        here = source.row(index)
        if here is None or here.read or (self.article is not None and here.id == self.article.id):
            index += step  # the cursor's own article, unread and not open, is the next one to read (n on a fresh list
            # skipped the newest)
        while 0 <= index < len(source):
            row = source.row(index)
            if row is not None and not row.read and (self.article is None or row.id != self.article.id):
                self.articles.cursor = index
                self.open_article(row.id)
                return
            index += step
        where = "below" if step > 0 else "above"
        left = None if self.unread.of_stories else self.unread.count
        if left == 0:  # (in a search or a filter, the way to the others: it said this alone)
            self.notify(f"No unread articles left in this list{self._unread_elsewhere()}.", timeout=3)
        elif left:  # some elsewhere in the list: say which key finds them (n at the bottom just stopped)
            other = keymap.first_key("previous_unread" if step > 0 else "next_unread",
                                     getattr(self.app, "user_keys", {}))
            self.notify(f"No more unread articles {where}: {other} looks {'above' if step > 0 else 'below'} "
                        f"({left:,} unread in this list).", timeout=4)
        else:
            self.notify(f"No more unread articles {where}.", timeout=3)

    def _next_unread_story(self, step: int) -> None:
        """n / N in the stories list: the cursor to the next (previous) story with unread articles (enter opens it).
        They said they work only in the articles list."""
        source = self.articles.source
        index = self.articles.cursor + step
        while 0 <= index < len(source):
            row = source.row(index)
            if row is not None and row.unread:
                self.articles.cursor = index
                return
            index += step
        where, back = ("below", "above") if step > 0 else ("above", "below")
        left = self.unread.count if self.unread.of_stories else None  # stories with unread articles
        if left == 0 or (left is None and not any(source.row(i) is not None and source.row(i).unread
                                                  for i in range(min(len(source), 200)))):
            self.notify("No story has unread articles.", timeout=3)
            return
        other = keymap.first_key("previous_unread" if step > 0 else "next_unread", getattr(self.app, "user_keys", {}))
        more = f" ({left:,} stor{'ies' if left != 1 else 'y'} with unread articles)" if left else ""
        self.notify(f"No more stories with unread articles {where}: {other} looks {back}{more}.", timeout=4)

    def action_previous_unread(self) -> None:
        self.action_next_unread(-1)

    def action_mark_all_read(self) -> None:
        """A: mark every article of the list's view read; asks first above CONFIRM_ABOVE."""
        source = self.articles.source
        if source is not None and source.kind == "stories":
            self._mark_stories_read()
            return
        if source is None or self.refuse_write("marked read") or self.still_marking():
            return
        ids = source.ids  # None: the whole library
        count = len(source)
        # The unread figure of the status line (None while it is counted): the question names what changes.
        unread = None if self.unread.of_stories else self.unread.count
        if unread == 0:
            self.notify("Every article shown is read already.", timeout=3)
            return

        def mark(yes: bool | None = True) -> None:
            if not yes or self.still_marking():
                return
            from tui.store.reader import mark_all_read_saving

            many = count if unread is None else unread
            self.write_marks(many, f"marking {many:,} article{'s' if many != 1 else ''} read",
                             lambda lib: mark_all_read_saving(lib, ids), marked, (ids, True))
            self.unread.count = 0  # every article of the view read: the status line says so at once too
            self.update_library_status()

        def marked(changed: list[int]) -> None:
            self.undo.keep_unread(changed)  # z marks just these unread again (for UNDO_SECONDS)
            self.forget_ready()
            self.counts_after_marks()  # (the stories list, when `v` was pressed meanwhile)
            # the rows, as the question and the status line count them: a text printed by two outlets is one row
            # and two records ("Mark the 23 unread articles shown read?" - "Marked 24 articles read.")
            rows = len(changed) if unread is None else min(len(changed), unread)
            self.notify(f"Marked {rows:,} article{'s' if rows != 1 else ''} read — {self._undo_key()} undoes.")

        if (count if unread is None else unread) > CONFIRM_ABOVE:
            from tui.app.dialogs import ConfirmDialog

            what = f"all {count:,} articles shown" if unread is None else f"the {unread:,} unread articles shown"
            self.app.push_screen(ConfirmDialog(f"Mark {what} read?"), mark)
        else:
            mark()

    def _mark_stories_read(self) -> None:
        """A in the stories list: every article of every story read, in one transaction, after a question that says
        how many (it said it works only in the articles list)."""
        if self.refuse_write("marked read") or self.still_marking():
            return
        from tui.store.stories import mark_stories_read, unread_in_stories

        try:
            unread, stories = unread_in_stories(self.lib)
        except (StoreError, sqlite3.DatabaseError) as exc:
            self.notify(could_not("count the stories' unread articles", exc),
                        severity="warning", markup=False)
            return
        if not unread:
            self.notify("Every article of every story is read already.", timeout=3)
            return

        def mark(yes: bool | None = True) -> None:
            if not yes or self.still_marking():
                return
            if not self.marks.settle():  # an open's or m's mark still queued would be written after this one
                self.notify("The library is busy (another program is writing): try again in a moment.",
                            severity="warning", timeout=4)
                return
            self.write_marks(unread, f"marking {unread:,} article{'s' if unread != 1 else ''} read",
                             mark_stories_read, marked)  # (shown: every story read meanwhile)
            self.unread.count = 0  # stories with unread articles, in the status line
            self.update_library_status()

        def marked(changed: list[int]) -> None:
            self.undo.keep_unread(changed)  # z marks just these unread again (for UNDO_SECONDS)
            self.forget_ready()
            self.reload_list()  # the stories' unread figures (kept by triggers)
            self.count_unread()
            self.notify(f"Marked {unread:,} article{'s' if unread != 1 else ''} of {stories:,} "
                        f"stor{'ies' if stories != 1 else 'y'} read — {self._undo_key()} undoes.")

        from tui.app.dialogs import ConfirmDialog

        self.app.push_screen(ConfirmDialog(
            f"Mark the {unread:,} unread article{'s' if unread != 1 else ''} of {stories:,} "
            f"stor{'ies' if stories != 1 else 'y'} read?"), mark)

    # -- views, orders and tags of the library list (store: tui/store/reader.py) --------------

    def action_cycle_view(self) -> None:
        """u: the library shows all, unread or starred articles (remembered between runs)."""
        self.action_set_view(next_in(VIEWS, self.listing.view))

    def action_cycle_sort(self) -> None:
        """O: the library's order: newest first, title, source, longest first (remembered between runs)."""
        self.action_set_sort(next_in(SORTS, self.listing.sort))

    def action_set_view(self, view: str) -> None:
        """Show one view of the library (palette "View: …")."""
        if view in VIEWS:
            self._reshape(view=view)

    def action_set_sort(self, sort: str) -> None:
        """Order the library one way (palette "Sort: …")."""
        if sort in SORTS:
            self._reshape(sort=sort)

    def _kept_for_articles(self) -> str:
        """The articles' filters and view in words ("the feed Northfold Wire and the search “Jessop”"), "" for none."""
        listing, kept = self.listing, []
        if listing.feed:
            kept.append(f"the {'folder' if isinstance(listing.feed[0], tuple) else 'feed'} {_named(listing.feed[1])}")
        if listing.tag:
            kept.append(f"the tag {_named(listing.tag)}")
        if listing.search.strip():
            kept.append(f"the search “{_named(listing.search)}”")
        if listing.entity:
            kept.append(f"the filter on {_named(listing.entity)}")
        if listing.view != "all":
            kept.append(f"the {listing.view} view")
        return " and ".join([", ".join(kept[:-1]), kept[-1]] if len(kept) > 1 else kept)

    def _stories_off(self) -> str:
        """ " — v for stories" when the list shows stories, whose filters (view, tag, search) apply to articles: the
        key that asked for one shows the articles, and its toast says so (walk32: the stories list went away
        unsaid); "" otherwise."""
        if not self.listing.stories:
            return ""
        return f" — {self._key('stories')} for stories"

    def _reshape(self, view: str = "", sort: str = "") -> None:
        stories_off = self._stories_off()
        self.listing.set_view(view, sort)
        self.set_reading(False)
        key = "view" if view else "sort"
        config = getattr(self.app, "config", None)
        if config is not None:
            setattr(config, key, view or sort)
            if config.path is not None:
                from tui.config import save_setting

                error = save_setting(key, view or sort, config.path)
                if error:
                    self.notify(error, severity="warning", markup=False)
        what = f"Library: {VIEW_NAMES[self.listing.view]}, {SORT_NAMES[self.listing.sort]}"
        self.notify(what + stories_off, timeout=4 if stories_off else 2, markup=False)

    def action_filter_tag(self) -> None:
        """T: pick a tag (fuzzy search over the library's tags, with counts); the library shows its articles.

        The picker shows at once; the tags are read in a worker (parts/tag_picker.py)."""
        if self.tags is None:
            from tui.app.parts.tag_picker import TagPicker  # textual.command: not before the first paint

            self.tags = TagPicker(self, self.db_path, self.set_tag)
        self.tags.open(self.listing.tag)

    def set_tag(self, tag: str) -> None:
        """Narrow the library to the articles with `tag` ("" for all); esc clears it like a search."""
        stories_off = self._stories_off()
        if stories_off:
            from tui.cells import one_line

            self.notify(f"Library: {f'articles tagged {one_line(tag)}' if tag else 'every article'}{stories_off}",
                        timeout=4, markup=False)
        self.listing.set_tag(tag)
        self.set_reading(False)

    def action_add(self, error: str = "", value: str = "") -> None:
        if self.refuse_write("added"):
            return
        def done(path: str | None) -> None:
            if path:
                self.importer.add(path)

        from tui.app.dialogs import AddDialog

        self.app.push_screen(AddDialog(error, value), done)

    def _import_done(self, path: str, added: int, duplicates: int, errors: list[str], first=None) -> None:
        if added or duplicates:
            # One article: its title ("Added 1 article" left the reader looking for it); the list's cursor goes to
            # the (first) article added when the view shows it: it sat where its date put it, often pages down. With
            # nothing new, to the (first) one already there ("Added 0 articles, 3 already in the library" before).
            named = toast_title(' '.join(clean(first[1]).split())) if first is not None else ""
            if added == 1 and first is not None:
                message = f"Added: {named}"
            elif not added and duplicates == 1 and first is not None:
                message = f"Already in the library: {named}"
            elif not added:
                message = f"Nothing new: {duplicates} articles already in the library"
            else:
                message = f"Added {added} article{'s' if added != 1 else ''}"
            if added and duplicates:
                message += f", {duplicates} already in the library"
            self._cursor_to = first[0] if first is not None else None
            if self._cursor_to is None:
                self.notify(message, markup=False)
            else:  # said once the list is loaded: whether it shows the article too
                self._added_said = message
            self.reload_list()
            if added:
                if added >= BIG_PASS:
                    self._big_pass_said = False  # the reader asked for this many: its analysis's end is said
                self.background.start()
        # Nothing came in: the dialog asks again with the first reason in it; a toast says the others (it said that one
        # too, beside the dialog, for 10 s)
        rest = errors if added or duplicates else errors[1:]
        if rest:
            shown = "\n".join(rest[:3]) + (f"\n… and {len(rest) - 3} more" if len(rest) > 3 else "")
            self.notify(shown, title="Could not import", severity="error", timeout=10, markup=False)
        if not added and not duplicates:
            from tui.cells import echoed  # (not imported at start-up)

            # Nothing came in: ask again with the reason shown in the prompt.
            self.action_add(error=errors[0] if errors else f"nothing to import at {echoed(visible(path))}", value=path)

    # -- stories, people, briefing, feeds (screens in tui/app/screens/) ---------------------

    def action_toggle_stories(self) -> None:
        """`v`: the library list shows stories (events across outlets) or articles."""
        self.listing.set_stories(not self.listing.stories)
        if self.listing.stories and (kept := self._kept_for_articles()):
            # the stories list shows every story: a search, feed, tag, entity or view stays for the articles, and a
            # toast says so (walk34: a feed's articles, then `v`, listed all 27 stories with nothing said, the search
            # box still reading "Jessop" above them)
            self.notify(f"Stories: every story — kept for the articles: {kept} ({self._key('stories')} shows them)",
                        timeout=5, markup=False)
        self.set_reading(False)
        if self.listing.stories and not self._stories_warmed:
            # The story summary's first use loads the stemmer and term tables (1-3 s): do it in a
            # thread a moment after the list of stories is shown, not while it is drawn.
            self._stories_warmed = True
            self.set_timer(STORIES_WARM_DELAY, self._warm_stories)

    def _warm_when_idle(self) -> None:
        """Load NLTK in a thread once the reader has paused IDLE_WARM seconds (not while keys come: the imports hold
        the GIL), unless story mode's warm-up has started (it loads NLTK too)."""
        idle = getattr(self.app, "idle_gc", None)
        if idle is not None and not self._stories_warmed and idle.clock() - idle.last_input < IDLE_WARM:
            return
        self._idle_warm.stop()
        if idle is not None and not self._stories_warmed:
            self.run_worker(_warm_nltk, name="warm_nltk", group="warm-up", thread=True)

    def _warm_stories(self) -> None:
        from tui.app.parts import summary_child
        from tui.app.screens.story import warm

        if summary_child.enabled():  # the read ahead's summary process, warming up meanwhile too
            if self.summary_child is None:
                self.summary_child = summary_child.SummaryChild()
            self.run_worker(self.summary_child.start, name="summary_child", group="warm-up", thread=True)
        self.run_worker(warm, name="warm_stories", group="warm-up", thread=True)

    def open_story(self, story_id: int) -> None:
        """Push the story view (summary across outlets, quotes by speaker, merged entities). A story of the list that
        another program deleted meanwhile is said gone in one line, and the list read again (as an article is)."""
        from tui.app.screens.story import push_story, story_view
        from tui.store.stories import story_exists

        try:
            there = story_exists(self.lib, story_id)
        except sqlite3.DatabaseError:
            there = True  # the story view reads it and says what is wrong
        if not there:
            self.notify("That story is no longer in the library.", severity="warning")
            self.reload_list()
            return
        row = self.articles.current if self.listing.stories else None
        title = row.title if row is not None and row.id == story_id else ""  # shown while the story is read
        push_story(self.app, story_view(self.app, self.db_path, story_id, self.lib, title))

    def open_person(self, name: str) -> None:
        """Push the entity page of a person: articles over time, who appears with them, their quotes."""
        from tui.app.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(self.db_path, name))

    def action_briefing(self) -> None:
        from tui.app.screens.briefing import BriefingScreen

        self.app.push_screen(BriefingScreen(self.db_path))

    def action_feeds(self) -> None:
        from tui.app.screens.feeds import FeedsScreen

        def chosen(feed) -> None:
            if feed is not None:
                self.listing.set_feed(feed if feed[0] is not None else None)
                self.set_reading(False)

        self.app.push_screen(FeedsScreen(self.db_path), chosen)

    def action_add_feed(self, error: str = "", value: str = "", full_text: bool = False) -> None:
        """Add feed… (palette; `a` in the feeds list): ask for a URL, then subscribe in the background."""
        if self.refuse_write("added"):
            return

        def done(answer) -> None:
            from tui.app.dialogs.feed import OpmlFile

            if isinstance(answer, OpmlFile):
                self.feed_changes.import_opml(answer, self._opml_imported)
                self.update_library_status()
                return
            if answer:
                url, full = answer
                from tui.cells import echoed  # (not imported at start-up)

                self.feed_changes.add(url, full)
                self.update_library_status()
                self.notify(f"Adding {echoed(visible(url))} in the background…", timeout=3, markup=False)

        from tui.app.dialogs import AddFeedDialog

        self.app.push_screen(AddFeedDialog(error, value, full_text), done)

    def _opml_imported(self, path: str, got, error: str) -> None:
        """The feeds of an OPML file given to the add-feed dialog are subscribed (not fetched: R does that, as the
        feeds list says under each, "not fetched yet (R)"; `newsreader feed import` fetches none either)."""
        import os

        from tui.cells import echoed  # (not imported at start-up)

        self.update_library_status()
        name = echoed(visible(os.path.basename(path)), 80)
        if got is None:
            self.notify(f"Feeds not added: {name}: {echoed(error, 200)}", severity="error", timeout=10, markup=False)
            return
        plural = "feed" if got.added == 1 else "feeds"
        also = [f"{got.present} already subscribed{_aliases(got.aliases)}"] if got.present else []
        also += [f"{len(got.skipped)} skipped: {echoed(got.skipped[0][1], 80)}"] if got.skipped else []
        fetch = " · R fetches them" if got.added else ""
        self.notify(f"Subscribed to {got.added} {plural} from {name}" + (f" ({', '.join(also)})" if also else "")
                    + fetch, severity="information" if got.added or got.present else "warning", timeout=8,
                    markup=False)
        self._feeds_changed(None)

    def remove_feed(self, feed_id: int, name: str, keep_articles: bool) -> None:
        """Unsubscribe (in the background); the articles go too unless kept."""
        if not self.refuse_write("removed"):
            self.feed_changes.remove(feed_id, name, keep_articles)

    def _feed_added(self, result) -> None:
        self.update_library_status()
        if result.error:
            from tui.cells import echoed  # (not imported at start-up)

            self.notify(f"Feed not added: {echoed(visible(result.url))}: {echoed(result.error, 200)}",
                        severity="error", timeout=10, markup=False)
            return
        if result.known:
            from tui.cells import UNREADABLE_ADDRESS  # (a feed with no title whose stored URL reads as nothing)

            self.notify(f"Already subscribed: {result.title or UNREADABLE_ADDRESS}", severity="warning", timeout=5,
                        markup=False)
        else:
            items = f"{result.items} item{'s' if result.items != 1 else ''}"
            note = f"\n{result.note[:1].upper()}{result.note[1:]}" if result.note else ""  # (walk36: said nowhere)
            self.notify(f"Feed added: {result.title} · {items}{note}", timeout=10 if note else 6, markup=False)
            if result.items:
                self.reload_list()
                self.background.start()  # the new articles join the background analysis pass
        self._feeds_changed(result.feed_id)

    def _feed_removed(self, feed_id: int, name: str, gone: int, error: str) -> None:
        if error:
            self.notify(f"Feed not removed: {error}", severity="error", timeout=10, markup=False)
            return
        kept = f"{gone} article{'s' if gone != 1 else ''} deleted" if gone else "its articles kept"
        from tui.cells import cut  # (not imported at start-up)

        self.notify(f"Feed removed: {cut(name)} ({kept})", timeout=6, markup=False)
        if self.listing.feed and self.listing.feed[0] == feed_id:
            self.listing.set_feed(None)  # the library was narrowed to that feed
        elif gone:
            self.reload_list()
        self._feeds_changed(None)

    def _feeds_changed(self, feed_id: int | None) -> None:
        from tui.app.screens.feeds import FeedsScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.reread(feed_id)

    def action_refresh(self) -> None:
        if self.refuse_write("refreshed"):
            return
        self.sources.refresh()

    def _sources_done(self, added: int, lines: list[str], title: str) -> None:
        """A refresh or folder scan ended: toast what is new (and each failure), show the new articles."""
        if added:
            self.reload_list()
            self.follow_open_article()  # an article updated in place may be the one open
            self.background.start()  # new articles join the background analysis pass
        if title and (added or lines):
            # The feeds list (F), if it is open: its unread counts, refresh times and errors are this refresh's
            # (they stayed as they were when it opened, the toast saying "6 new" beside a count of 0); the briefing
            # (b) takes the new stories in (R pressed there left it saying "No unread stories")
            from tui.app.screens.briefing import BriefingScreen
            from tui.app.screens.feeds import FeedsScreen

            for screen in self.app.screen_stack:
                if isinstance(screen, FeedsScreen):
                    screen.reread(keep=True)
                elif isinstance(screen, BriefingScreen) and added:
                    screen.reload()
                elif added and hasattr(screen, "follow_library"):
                    screen.follow_library()  # a story view: the story may have grown
        if lines:
            failed = any(line.startswith("✗") for line in lines)
            from tui.app.parts.sources import for_toast

            shown = "\n".join(for_toast(self.app, line) for line in lines[:6]) + (
                f"\n… and {len(lines) - 6} more" if len(lines) > 6 else "")
            self.notify(shown, title=title, severity="warning" if failed else "information",
                        timeout=12 if failed else 6, markup=False)

    def _stories_settled(self) -> None:
        """The feeds went quiet and the articles waiting for their window were regrouped (tui.stories.settle):
        the stories on screen are read again, as after a refresh that brought articles (the list, the briefing, an
        open story view), with no toast and no analysis pass (no article is new)."""
        self._follow_library()

    def _follow_library(self) -> None:
        """Articles came or went (another program: `newsreader remove`, `add`, a second window; or a settle): the
        list and the pages over it that show them are read again. A story view and the briefing on screen kept
        listing an article another program had removed (enter on it: "That article is no longer in the library")."""
        self.reload_list()
        self.follow_open_article()
        from tui.app.screens.briefing import BriefingScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, BriefingScreen):
                screen.reload()
            elif hasattr(screen, "follow_library"):
                screen.follow_library()  # a story view: the story may have gained or lost articles

    def _library_moved(self) -> None:
        """Another program committed something that changed none of the figures LibraryWatch compares: a story view
        checks its story is still there (a story deleted by hand was shown until it was read again), and the stories
        list counts its stories (one count through the stories' index): a story deleted by hand stayed listed until
        something moved the figures (a grouping), and is gone from it at the tick now."""
        for screen in self.app.screen_stack:
            if hasattr(screen, "library_moved"):
                screen.library_moved()
        source = self.articles.source
        if source is not None and source.kind == "stories" and not self.listing.loading:
            from tui.store.stories import story_count

            try:
                now = story_count(self.lib, counted=getattr(source, "counted", False))
            except sqlite3.DatabaseError:
                return
            if now != source.count:
                self.reload_list()

    def follow_open_article(self) -> None:
        """The open article may have been changed in place (its feed rewrote the item, its watched file was
        edited): if what it shows differs from the library's, show the library's, where the reader was, and
        analyse it again. It kept the old title, text and summary (the library held the new ones). One
        primary-key read, after a refresh or scan that brought something, or another program's change."""
        shown = self.article
        if shown is None or shown.id is None:
            return
        try:
            fresh = self.lib.get(shown.id)
        except sqlite3.DatabaseError:
            return  # a damaged or busy library: keep what is shown
        fields = ("title", "body", "source", "byline", "published", "tags", "url")
        if fresh is None or all(getattr(fresh, f) == getattr(shown, f) for f in fields):
            return  # gone (the list says so when it is opened) or unchanged
        fresh.read, fresh.starred = shown.read, shown.starred  # the marks shown (a write of them may be queued)
        fresh.feed = getattr(shown, "feed", "") or feed_name(self.lib, fresh.id)
        fresh.file_gone = file_gone(self.lib, fresh.id)
        fresh.outlets = all_outlets(self.lib, fresh.id, fresh.source)
        place = self.body.place() if fresh.body == shown.body else 0  # a new text: from its top
        self.forget_ready()
        self.article = fresh
        self.analysis = None
        self.body.show(fresh, ())
        if place:
            self.body.go_to_place(place)
        self.summary.show(None)
        self.analyse()
        why = (f"updated by its feed ({clean(fresh.feed)})" if fresh.feed
               else "changed in the library (its file edited, or by another program)")
        self.notify(f"The open article was {why}: it shows the new text.", markup=False, timeout=6)

    # -- copy -------------------------------------------------------------------------------

    def _open_first(self) -> None:
        """A key of the open article pressed with none open (in the stories list they act on the story: on_story)."""
        self.notify("Open an article first (enter on a row).", severity="warning")

    def _copy(self, what: str, make, command: str) -> None:
        if self.article is None:
            self._open_first()
            return
        if self.analysis is None:
            self.notify("Still analysing this article; try again in a moment.", severity="warning")
            return
        from tui.app import copytext

        text = make(copytext)
        if not text.strip():
            self.notify(f"Nothing to copy: this article has no {what}.", severity="warning")
            return
        if not self.query_one("#article-pane").display:
            # The article is open but not on screen (a narrow terminal showing the library, or the list of stories):
            # the toast says whose summary went ("Sent summary to the terminal" named nothing there)
            # (on a narrow screen folded to a line of the toast, whose short form keeps to two or three lines)
            what = f"{what} of “{toast_title(' '.join(clean(self.article.title).split()), toast_fold(self.app))}”"
        self.app.copy_out(text, what, command.format(id=self.article.id, shown=self._summary_options()))

    def _summary_options(self) -> str:
        """The summary's method and length as `newsreader summary` options ("" for the defaults), so the command a
        copy's toast names prints the summary that was copied (it named `summary 7` for a 7-sentence LexRank one)."""
        from tui.engine.analysis import DEFAULT_METHOD

        # the analysis copied (shown), not the one asked for: + then Y before the longer summary came copied the
        # shorter one under a toast naming `--sentences 4`
        method, sentences = self.analyser.shown_key or self.analyser.key
        return ((f" --method {method}" if method != DEFAULT_METHOD else "")
                + (f" --sentences {sentences}" if sentences else ""))

    def action_copy_summary(self) -> None:
        if self.on_story():  # the story under the cursor's, as in the story view (parts/story_keys.py)
            self.story_keys.copy("summary")
            return
        self._copy("summary", lambda copytext: copytext.summary_text(self.analysis),
                   "newsreader summary {id}{shown}")

    def action_copy_quotes(self) -> None:
        if self.on_story():  # the story under the cursor's, as in the story view (parts/story_keys.py)
            self.story_keys.copy("quotes")
            return
        self._copy("key quotes", lambda copytext: copytext.quotes_text(self.analysis),
                   "newsreader quotes {id}")

    def action_copy_markdown(self) -> None:
        if self.on_story():  # the story under the cursor's, as in the story view (parts/story_keys.py)
            self.story_keys.copy("markdown")
            return
        self._copy("summary + quotes as Markdown", lambda copytext: copytext.markdown(self.article, self.analysis),
                   "newsreader summary {id}{shown} --format md --quotes")


def _entity_short(name: str, kind: str) -> str:
    """The short form of an entity filter in the status line: "@Name" for a name (a person, organisation, place or
    other), "has €9" for a date or a figure ("@€9" and "@Tuesday" read as nothing; "mentions €4.2 million" is cut in
    the 32 cells of the library at 120x30). `kind`: the entity's type key, "" when unknown (then a name that starts
    with no letter is taken for a figure or a date: "€9", "2026")."""
    if kind in ("date", "number") or (not kind and not name[:1].isalpha()):
        return f"has {name}"
    return f"@{name}"


def _filters_fitted(filters: list[tuple[str, str]], counted: str, number: str, cells: int) -> str:
    """The active filters (long and short forms), "esc clears" and the count as they fit in `cells` (0: not laid
    out yet, all of it): "tag Farming · search “cider” · esc clears · 1 article" when it fits, else the short
    forms after the count, "1 article · #Farming · “cider” · esc ✕" or "1 · #Farming · “cider” · esc ✕", the
    longest filter cut with "…" first until the line fits (each keeps a few cells: both names stay readable)."""
    from tui.cells import clip, width  # (not imported at start-up)

    whole = f"{' · '.join(long for long, _ in filters)} · esc clears · {counted}"
    if cells <= 0 or width(whole) <= cells:
        return whole
    short = [s for _, s in filters]
    for head in (counted, number):
        line = f"{head} · {' · '.join(short)} · esc ✕"
        if width(line) <= cells:
            return line
    room = max(1, cells - width(f"{number} · ") - width(" · esc ✕") - 3 * (len(short) - 1))
    sizes = [width(s) for s in short]
    while sum(sizes) > room and max(sizes) > 4:
        sizes[sizes.index(max(sizes))] -= 1
    cut = [clip(s, n).replace(" …", "…") for s, n in zip(short, sizes)]
    return f"{number} · {' · '.join(cut)} · esc ✕"


def _parts_fitted(parts: list[str], cells: int) -> list[str]:
    """The status line's parts that fit whole in `cells`, then "…" when some were left off (not "2 …" cut from
    "2 articles"; left off too when it does not fit). The first part (the filters, fitted already) is always kept."""
    from tui.cells import width  # (not imported at start-up)

    kept = parts[:1]
    for i, part in enumerate(parts[1:], 1):
        room = cells if i == len(parts) - 1 else cells - 2
        if width(" · ".join(kept + [part])) > room:
            shown = " · ".join(kept)
            return [shown + " …" if width(shown) + 2 <= cells else shown]
        kept.append(part)
    return kept


def _name_cut(name: str) -> str:
    """A tag's or feed's name for the status line: one clean line, cut at 40 cells with "…" (not mid-word as if
    that were the whole name)."""
    from tui.cells import clip  # (not imported at start-up)

    return clip(" ".join(clean(name).split()), 40)


def _freeze_and_collect(idle_gc=None) -> None:
    """After the first paint: collect the start-up's garbage once, keep the rest out of future collections;
    from now on full collections wait for the reader to pause (`idle_gc`, tui/app/idle_gc.py)."""
    gc.collect()
    gc.freeze()
    gc.enable()
    if idle_gc is not None:
        idle_gc.start()
    # The threads made from now on (analysis, warm-ups, background pass) share one malloc arena (tui/app/heap.py).
    from tui.app import heap

    heap.limit_arenas()


def _warm_nltk() -> None:
    """Import NLTK and make the stemmer (tui.engine.tokens), as the first analysis, story or briefing would; then the
    modules of a story summary and of an analysis (the quote finder compiles ~100 patterns as it is imported): ~0.3 s
    of the first briefing's sentences after NLTK (0.74-0.89 -> 0.49-0.56 s on the seed library, load 12-15), +0.2 MB
    once an article has been analysed (which loads most of them anyway). Not the term tables: +5-7 MB (session 16)."""
    try:
        from tui.engine.tokens import stem

        stem("warming")
        import tui.engine.analysis  # noqa: F401
        import tui.engine.summarize  # noqa: F401
        import tui.stories.briefing  # noqa: F401
        import tui.stories.story  # noqa: F401
        import tui.stories.summary  # noqa: F401
    except Exception:
        pass  # whatever uses it says what is wrong


def _named(text: str) -> str:
    """A search, an entity, a tag or a feed's name in a toast: one clean line, cut to fit."""
    return toast_title(" ".join(clean(text).split()))


def _aliases(aliases: list[tuple[str, str]]) -> str:
    """": URL as FEED URL, URL2 as FEED URL2 and 1 more by another URL": the listed URLs of an OPML file subscribed
    under another URL (one a feed's fetch last ended at), as `newsreader feed import` prints each of them; the toast
    names two."""
    from tui.cells import feed_address  # (not imported at start-up)

    if not aliases:
        return ""
    # each URL in 60 cells, cut in its middle: its host and its end kept (the start alone hid where two URLs differ)
    named = ", ".join(f"{feed_address(url, 60)} as {feed_address(feed, 60)}" for url, feed in aliases[:2])
    more = f" and {len(aliases) - 2} more by another URL" if len(aliases) > 2 else ""
    return f": {named}{more}"
