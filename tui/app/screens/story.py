"""The story view: one event across outlets — its summary (each sentence with its source), what is new,
its articles, the quotes by speaker and the merged entities. Opened with `enter` in story mode (`v`)."""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.app import copytext, keymap
from tui.app.screens.page import PageScreen, line
from tui.app.widgets.pane import Pane
from tui.app.widgets.story_list import StoryList
from tui.app.widgets.summary_items import Option
from tui.app.screens.story_items import Head, build
from tui.store import StoreError
from tui.app.textual_fixes import closed_before_mount


def warm() -> None:
    """Load what the first story summary needs (the stemmer, stop words, the term table): ~1-3 s once.

    Run in a thread when story mode is first turned on, so the first story opens at once.
    """
    try:
        from tui.engine.tokens import content_terms
        from tui.stories import story, terms

        content_terms("warming the stemmer up")
        terms.idf_table()
        with story.one_blas_thread():  # imports threadpoolctl and finds the BLAS library once
            pass
    except Exception:
        pass  # the story view says what is wrong when it is opened


def read_story(lib, story_id: int, sentences: int | None, analyse: bool):
    """(StoryRow, StorySummary, {article id: ArticleRow}) of a story, or None when it is gone."""
    from tui.stories.story_memo import story_summary_kept

    found = story_summary_kept(lib, story_id, sentences=sentences, analyse=analyse)  # kept while unchanged
    if found is None:
        return None
    row, summary = found
    rows = {r.id: r for r in lib.rows_by_id(list(summary.articles))}
    return row, summary, rows


LONGEST = 40  # summary sentences at most (`+`)
STORY_REST = 0.05  # seconds the cursor rests on a story before its summary is read ahead


def read_ahead(main, story_id: int) -> None:
    """The cursor rests on a story in the stories list: read its summary in a worker thread (kept by
    story_memo while the story is unchanged), so `enter` shows it in the story view's first frame. Waits
    STORY_REST first (moving on through the list reads nothing); one read at a time. A story of any size is: a
    big one is summarised from at most 60 of its articles (tui/stories/articles.py CAP), so its read costs what a
    story of 60 does (bigger ones were left to the opening while a summary read every article). While another
    read runs, the rest is taken again until it has ended: the read that ends asks for the story under the cursor
    (_ahead_next) while its worker is still finishing, and under load it could still be "running" a rest later,
    so the story the cursor rests on was never read. One rest waits at a time (a new one replaces it)."""
    def start() -> None:
        row = main.articles.current if main.listing.stories else None
        if row is None or row.id != story_id or main.app.screen is not main:
            return  # moved on, or the story is open already
        if any(w.group == "story-ahead" and not w.is_finished for w in main.app.workers):
            main._story_rest = main.set_timer(STORY_REST, start)  # one read at a time: rest again
            return
        main._story_rest = None
        main.run_worker(partial(_read_ahead, main, story_id, _list_widths(main), _marks_now(main), _kept_view(main)),
                        name="story-ahead", group="story-ahead", thread=True, exit_on_error=False)

    waiting = main._story_rest
    if waiting is not None:
        waiting.stop()
    main._story_rest = main.set_timer(STORY_REST, start)


def _kept_view(main) -> "StoryScreen | None":
    """The kept story view, when it is there to prepare (built, not shown, of this library), else None."""
    app = main.app
    if not app.is_screen_installed(VIEW):
        return None
    screen = app.get_screen(VIEW)
    if not screen.is_mounted or screen in app.screen_stack or screen.db_path != main.db_path:
        return None
    return screen


def _list_widths(main) -> tuple[int, int] | None:
    """The content widths of the kept story view's two lists (the read ahead lays their items out for them), or
    None when there is no kept view to prepare."""
    from tui.app.widgets.scroll_size import content_width

    screen = _kept_view(main)
    if screen is None:
        return None
    return (content_width(screen.query_one("#story-text", StoryList)),
            content_width(screen.query_one("#story-quotes", StoryList)))


def _marks_now(main) -> int | None:
    """The app's count of read and star marks queued (parts/marks.py `queued`), None while some wait to be written:
    rows read now and shown while it has not moved show every mark (StoryScreen.open)."""
    marks = getattr(main, "marks", None)
    if marks is None or marks.pending:
        return None
    return marks.queued


def _read_ahead(main, story_id: int, widths: tuple[int, int] | None = None, marks: int | None = None,
                view: "StoryScreen | None" = None) -> None:
    from tui.app.parts.threads import deliver
    from tui.store import Library

    try:
        with Library(main.db_path) as lib:
            found, ready = _kept_now(lib, story_id), None  # kept: a few indexed reads
            if found is None:
                found, ready = _made_apart(main, lib, story_id, widths)
            if found is None:
                found = read_story(lib, story_id, None, False)  # no summary process: made here, as before
            if ready is None and widths and found is not None:
                ready = _built_ahead(found, widths, view)
    except Exception:
        deliver(main, _ahead_next, main, story_id)  # the story view reads it again when opened, and says what is wrong
        return
    deliver(main, _prepare_ahead, main, story_id, ready, marks, widths is None)


def _made_apart(main, lib, story_id: int, widths: tuple[int, int] | None = None):
    """(read_story's answer, the view's lists ready for StoryScreen.prepare or None) made by the app's summary process
    (parts/summary_child.py): the summary kept here as read_story keeps its own (story_memo), the lists built and
    wrapped there for `widths` (story_items.plain; only turned back into items here: _from_child). (None, None) when
    there is no such process (the caller makes it). A story gone, or one that process could not read, raises: the
    story view reads it again when opened, and says what is wrong."""
    from tui.app.parts import summary_child

    if not summary_child.enabled():
        return None, None
    child = getattr(main, "summary_child", None)
    if child is None:
        child = main.summary_child = summary_child.SummaryChild()
    answer = child.summarise(main.db_path, story_id, widths)
    if answer is None:
        return None, None
    what, payload = answer
    if what != "ok":
        raise LookupError(payload or "the story is gone")
    from tui.stories.story_memo import keep

    row, summary, rows, items = payload
    keep(lib, story_id, row, summary)
    found = row, summary, rows
    return found, (_from_child(found, items, widths) if items is not None and widths else None)


def _from_child(found, items, widths: tuple[int, int]):
    """The lists the summary process built and wrapped (story_items.plain) as _built_ahead's answer: turned back into
    items a hundred at a time (Polite), a list wrapped at another width than the view's now wrapped here again."""
    from tui.app.screens.story_items import from_plain
    from tui.app.widgets.summary_items import wrap_all

    row, summary, rows = found
    pause = Polite()
    built, wraps = from_plain(items, pause)
    wrapped = tuple(wrap[1] if wrap is not None and wrap[0] == width else
                    (wrap_all(options, width, pause) if width > 0 else None)
                    for options, wrap, width in zip(built[2:4], wraps, widths))
    return row, summary, rows, built, widths, wrapped


def _built_ahead(found, widths: tuple[int, int], view: "StoryScreen | None" = None):
    """In the read ahead's thread: the story's lists (read_story's answer, `found`) built (story_items.build) and
    wrapped for the view's widths (wrap_all), for StoryScreen.prepare; None when its summary is not kept (its articles
    not all analysed). Built on the UI thread they took 50-150 ms of a
    big story (its list of articles holds every one of hundreds), a key pressed then waiting. Lists the view keeps
    already for this very summary, row and marks, wrapped at these widths, are taken as they are (built and wrapped
    again at each rest on a story shown before: 40-110 ms of this thread's Python, the UI thread waiting for the
    GIL meanwhile)."""
    from tui.app.widgets.summary_items import wrap_all

    row, summary, rows = found
    if not summary.analysed:
        return None  # not kept (its articles' analyses are yet to come): the view reads it when opened
    built = view.kept_built(summary, row, rows) if view is not None else None
    if built is not None and view.holds(built, widths):
        return row, summary, rows, built, widths, (None, None)
    pause = Polite()
    built = build(summary, row, rows, pause)
    wrapped = tuple(wrap_all(options, width, pause) if width > 0 else None
                    for options, width in zip(built[2:4], widths))
    return row, summary, rows, built, widths, wrapped


class Polite:
    """Called often from a thread of the app doing pure Python (the read ahead building and wrapping a story's
    hundreds of items: 60+ ms): every SLICE of its CPU it sleeps PAUSE, so a UI thread waiting for the GIL takes it at
    once, not after the interpreter's switch interval (5 ms, each time the UI thread comes back from the terminal: a
    key of 3 ms of CPU took 10-25 ms beside it)."""

    SLICE = 0.002
    PAUSE = 0.0005

    def __init__(self) -> None:
        import time

        self._clock, self._sleep = time.thread_time, time.sleep
        self._since = self._clock()

    def __call__(self) -> None:
        if self._clock() - self._since >= self.SLICE:
            self._sleep(self.PAUSE)
            self._since = self._clock()


def _ahead_next(main, story_id: int) -> None:
    """On the UI thread, once a read ahead ended: the cursor came to rest on another story while it ran (whose own
    rest found the reader busy and read nothing): that story is read now. (A big story's read takes longer than
    a rest between keys: the story `enter` was then pressed on had not been read.)"""
    row = main.articles.current if main.is_attached and main.listing.stories else None
    if row is not None and row.id != story_id and main.app.screen is main:
        read_ahead(main, row.id)


def _prepare_ahead(main, story_id: int, ready=None, marks: int | None = None, no_view: bool = False) -> None:
    """On the UI thread, once a story's summary was read ahead: the kept story view takes its lists (built and
    wrapped by the read ahead: `ready`) and draws their first lines now, between keys (StoryList.prepare: a few at a
    time), so opening the story only copies them. Nothing is built or wrapped here: a read ahead that had no view to
    lay the lists out for (`no_view`: it began while the view was shown, or before it was first opened) is made
    again in its thread, for the view there is now; with none ready otherwise, the view reads the story when opened.
    (The lists of a kept summary were built and wrapped here then: 60-200 ms of the UI thread, keys waiting.)"""
    _ahead_next(main, story_id)
    app = main.app
    if not app.is_screen_installed(VIEW) or app.screen is not main:
        return
    if ready is None:
        if no_view and _kept_view(main) is not None:
            row = main.articles.current if main.listing.stories else None
            if row is not None and row.id == story_id and not any(
                    w.group == "story-ahead" and not w.is_finished for w in main.app.workers):
                main.run_worker(partial(_read_ahead, main, story_id, _list_widths(main), _marks_now(main),
                                        _kept_view(main)),
                                name="story-ahead", group="story-ahead", thread=True, exit_on_error=False)
        return
    screen = app.get_screen(VIEW)
    if screen.is_mounted and screen not in app.screen_stack and screen.db_path == main.db_path:
        screen.prepare(main.lib, story_id, ready, marks)


def _kept_now(lib, story_id: int):
    """read_story's answer when the story's summary is kept and the story unchanged (a few indexed reads on
    the UI thread), else None. (Its rows read 100 at a time with Polite pauses between, in the read ahead, measured
    no better: 3 keys over a frame in 126 against main's 0, at load 18-23; the pauses stretch it over the next key.)"""
    import sqlite3

    from tui.stories.story_memo import kept_story_summary

    try:
        found = kept_story_summary(lib, story_id)
        if found is None:
            return None
        row, summary = found
        return row, summary, {r.id: r for r in lib.rows_by_id(list(summary.articles))}
    except sqlite3.Error:
        return None  # the worker reads it again and says what is wrong


KEPT_VIEWS = 16  # stories whose lists (items, wrapped and drawn lines) the view keeps to show again at once


VIEW = "story-view"  # the story view is installed under this name and kept between openings


def story_view(app, db_path, story_id: int, lib=None, title: str = "") -> "StoryScreen":
    """The story view showing `story_id`, to push: the one kept screen (built and installed the first time),
    or a new one when the kept one is already on the screen stack (a story opened from a page over it).

    Reusing the screen spares the compose, mount and styling of a new one on every opening."""
    screen = app.get_screen(VIEW) if app.is_screen_installed(VIEW) else None
    if screen is None or screen.db_path != db_path:
        if screen is not None and screen not in app.screen_stack:
            app.uninstall_screen(VIEW)
        screen = StoryScreen(db_path)
        if not app.is_screen_installed(VIEW):
            app.install_screen(screen, VIEW)
    elif screen in app.screen_stack:
        screen = StoryScreen(db_path)  # removed again when it is closed
    screen.open(story_id, lib, title)
    return screen


CHECK_AFTER = 0.3  # seconds after a story is shown from its read ahead before it is read again, to check it

WAIT_FOR_READ = 0.15  # seconds the story view waits for its worker before it shows "Reading the story…"


def push_story(app, screen: "StoryScreen") -> None:
    """Show the story view. At once when it shows its story already (a kept summary); else when its worker
    has read the story, so its first frame shows the summary (not "Reading the story…" and then the summary:
    two full repaints, the first competing with the worker), or after WAIT_FOR_READ at the latest."""
    if not screen.reading or not screen.is_mounted:
        app.push_screen(screen)
        return
    token, under = object(), app.screen
    screen.push_token = token

    def push() -> None:
        if screen.push_token is token:
            screen.push_token = screen.when_read = None
            if screen not in app.screen_stack and app.screen is under:  # not over a screen opened meanwhile
                app.push_screen(screen)

    screen.when_read = push
    app.set_timer(WAIT_FOR_READ, push)



class StoryHead(Static):
    """The story's head: laid out again for its width when that changes (the outlets named are those that fit)."""

    head: Text | Head = Text("")

    def on_resize(self) -> None:
        if isinstance(self.head, Head) and isinstance(self.screen, StoryScreen):
            self.screen._head_fit()

class StoryScreen(PageScreen):
    """Summary · what's new · articles on the left; quotes by speaker and entities on the right.

    One screen is kept and shown again for each story (`story_view`); `open` says which story."""

    PAGE_NAME = "the story view"
    ARTICLE_LINES = True

    PANES = ("#story-pane", "#story-side")
    KEY_NAMES = {**PageScreen.KEY_NAMES,
                 "copy_summary": "Copy the story's summary", "copy_quotes": "Copy the story's quotes by speaker",
                 "copy_markdown": "Copy the story as Markdown (summary, quotes, sources)",
                 "longer": "Longer story summary", "shorter": "Shorter story summary",
                 "toggle_read": "Mark the line's article read / unread", "star": "Star / unstar the line's article",
                 "reanalyse": "Make the story's summary again (its articles analysed again)",
                 "open_link": "Open the line's article's link in the browser ($BROWSER)",
                 "next_unread": "Next unread article of the story (enter opens it)",
                 "previous_unread": "Previous unread article of the story",
                 "mark_all_read": "Mark every article of the story read (asks above 20)",
                 "undo": f"Undo the last mark all read ({keymap.UNDO_SAID})",
                 "next_pane": "Next pane: the story, its quotes and entities (below it under 120 columns)",
                 "to_articles": "The story's articles (under its summary): the cursor to the first; again: to the top"}
    # m, f and o act on the article of the line under the cursor, as in the library; n / N go to the story's next /
    # previous unread article (they said they work only in the library) (rebound keys follow)
    BINDINGS = [b for b in keymap.bindings(keymap.MAIN)
                if b.id in ("toggle_read", "star", "open_link", "next_unread", "previous_unread", "mark_all_read",
                            "undo", "reanalyse")] + keymap.bindings(keymap.ARTICLE_PAGES)
    # every key of the view, in 80 columns too (m and f were missing, then o and n / N): the copy keys in one there;
    # tab, to the other pane (the quotes and entities: below the story at 80 columns, unnamed but in help: walk35),
    # from 80 columns, where +/- leaves the line for it (help and the palette name them; the heading says the length)
    # a, to the articles under the summary (walk35 paged down to them): at 80 columns in the place of `o` and `Y`
    # (help and ctrl+p name them), "c/y copy"
    HINT = (("open", "open"), ("next_pane", "next pane"), ("to_articles", "articles"), (("longer", "shorter"), "length"),
            ("copy_summary", "copy"), ("copy_quotes", "quotes"), ("copy_markdown", "Markdown"),
            (("toggle_read", "star"), "marks"), ("open_link", "link"), (("next_unread", "previous_unread"), "unread"),
            ("back", "back"))
    HINT_NARROW = (("open", "open"), ("next_pane", "pane"), ("to_articles", "articles"), (("longer", "shorter"), "length"),
                   (("copy_summary", "copy_quotes", "copy_markdown"), "copy"), (("toggle_read", "star"), "marks"),
                   ("open_link", "link"), (("next_unread", "previous_unread"), "unread"), ("back", "back"))
    HINT_NARROWEST = tuple(part for part in HINT_NARROW if part[0] != ("longer", "shorter"))
    HINT_TIGHTEST = tuple((("copy_summary", "copy_quotes"), "copy") if part[1] == "copy" else part
                          for part in HINT_NARROWEST if part[0] != "open_link")

    def __init__(self, db_path, story_id: int | None = None, lib=None) -> None:
        """`story_id`: the story to show (or call `open` later); `lib`: the UI thread's library, to show a kept
        summary at once (else everything is read in a worker)."""
        super().__init__(db_path)
        self.story_id: int | None = None
        self.sentences: int | None = None  # None: the engine's default length
        self._grown_from: int | None = None  # `+` asked for one sentence more than this many
        self.row = None
        self.summary = None
        self.entity_names: list[tuple[str, str]] = []
        self._shown = None  # what `show` last showed (story_items.build's answer)
        # (story id, length) -> (summary, row, marks, what build made of them), the latest last
        self._built: OrderedDict[tuple, tuple] = OrderedDict()
        self._pending = None  # what to show when the screen is mounted: ("kept", result) or ("read", None)
        self.reading = False  # a worker is reading the story (nothing of it shown yet)
        self.gone = False  # the story was found deleted (merged away, removed by another program): nothing shown
        self._gone_ids: list[int] = []  # the articles the gone story listed (_show_gone says where they are now)
        self._went = None  # where they were found last (stories.WentTo)
        self.when_read = None  # called once when the worker's reading is shown (push_story)
        self.push_token = None  # push_story's latest wait
        # (story id, the app's marks count then, (row, summary, rows)) read ahead for the story under the list's
        # cursor (prepare): `enter` there shows them, not read again first (open)
        self._ahead: tuple | None = None
        self._marks_before: dict | None = None  # ReadMarks.snapshot() taken as open() read the story's rows
        self._lists: tuple[StoryList, StoryList] | None = None  # (text, quotes), once mounted
        if story_id is not None:
            self.open(story_id, lib)

    def open(self, story_id: int, lib=None, title: str = "") -> None:
        """Show this story: a kept summary at once (before the screen is pushed, so its first frame shows
        it), else "Reading the story…" (under `title`, the story's title as listed) while a worker reads it."""
        new = story_id != self.story_id
        self.story_id, self.sentences, self._grown_from = story_id, None, None
        self.push_token = self.when_read = None  # a wait for another story's reading is over
        kept, ahead, self._ahead = None, self._ahead, None
        main = self.main_screen() if lib is not None and ahead is not None and ahead[0] == story_id else None
        if main is not None and ahead[1] is not None and ahead[1] == _marks_now(main):
            # read ahead, no mark given since: shown as read (reading the story's row and its hundreds of articles'
            # rows again took 40-120 ms of the UI thread here for a story of 1,000), then read again to check it
            # once the story is on the screen (a regrouping since: shown as it is now)
            kept = ahead[2]
            self.set_timer(CHECK_AFTER, partial(self._check, story_id))
        elif lib is not None:
            marks = getattr(self.main_screen(), "marks", None)
            before = marks.snapshot() if marks is not None else None  # (see ReadMarks.snapshot)
            kept = _kept_now(lib, story_id)
            self._marks_before = before if kept is not None else None  # for these rows only (a worker reads anew)
        self.reading, self.gone = kept is None, False
        self._gone_ids, self._went = [], None
        if not self.is_mounted:
            self._pending = ("kept", kept) if kept is not None else ("read", None)
            return
        if kept is not None:
            self.loaded(kept, "", new)
        else:
            self.row = self.summary = self._shown = None
            # as many lines as the story's head will have (title, figures): no new layout when it comes
            title = line(title)
            self._head(Text(f"{title or 'Reading the story…'}\n{'Reading the story…' if title else ''}", style="dim"))
            self.query_one("#story-pane").border_title = "Story"
            for selector in ("#story-text", "#story-quotes"):
                self.query_one(selector, StoryList).show_options([])
                self.query_one(selector, StoryList).top()
            self.load(read_story, self.story_id, self.sentences, False)
        if new:
            self.set_focus(self.query_one("#story-text"))

    def _check(self, story_id: int) -> None:
        """The story shown from its read ahead, read again (in a worker): shown again only if it changed."""
        if self.story_id == story_id and not self.reading and self.is_attached and not self.loader.loading:
            self.load(read_story, story_id, self.sentences, False)

    def compose_panes(self) -> ComposeResult:
        with Pane(id="story-pane"):
            yield StoryHead(Text("Reading the story…"), id="story-head")
            yield StoryList(id="story-text")
        with Pane(id="story-side"):
            yield StoryList(id="story-quotes")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#story-pane").border_title = "Story"
        self.query_one("#story-side").border_title = "Quotes by speaker · entities"
        self._lists = (self.query_one("#story-text", StoryList), self.query_one("#story-quotes", StoryList))
        self.set_focus(self.query_one("#story-text"))
        super().on_mount()
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == "kept":  # opened before and unchanged since: in the first frame
            self.loaded(pending[1], "")
        elif pending is not None:
            self.load(read_story, self.story_id, self.sentences, False)  # sentence splits only: at once

    def loaded(self, result, error: str, new: bool = False) -> None:
        if result is not None and getattr(result[0], "id", self.story_id) != self.story_id:
            return  # a reading of the story shown before this one (its check, its analysed reading): not this story's
        self.reading = False
        try:
            self._loaded(result, error, new)
        finally:
            then, self.when_read = self.when_read, None
            if then is not None:
                then()  # push_story: the first frame shows what was read

    def _loaded(self, result, error: str, new: bool) -> None:
        grown_from, self._grown_from = self._grown_from, None  # `+`'s reading (a failed one asks nothing later)
        if error or result is None:
            self._shown = None
        if error:
            self._head(Text(f"This story cannot be read: {line(error)}", style="bold red"))
            return
        if result is None:
            if not self.gone:  # the articles it listed: the view says where they are now (_show_gone)
                self._gone_ids = list(getattr(self.row, "article_ids", None) or
                                      (self.summary.articles if self.summary is not None else ()))
            # its lines go with it (hostile34: the old summary and article lines stayed under that head, and enter
            # opened them as if the story were there); y, A and the rest find no story, as while one is read
            self.row, self.summary, self.gone, self._went = None, None, True, None
            self.query_one("#story-quotes", StoryList).show_options([])
            self._show_gone(force=True)
            return
        new = new or self.summary is None  # a story shown anew (not a second, complete reading of it)
        self.gone, self._gone_ids, self._went = False, [], None  # (back: grouped again under its id)
        self.row, self.summary, rows = result
        if grown_from is not None and len(self.summary.sentences) <= grown_from:  # `+` found no sentence more
            self.sentences = len(self.summary.sentences)
            self._longest(self.sentences)
        main = self.main_screen()
        before, self._marks_before = self._marks_before, None  # the marks queued when open() read these rows
        if main is not None and (main.marks.waiting or before):  # (none waits, most of the time: 1,000 rows gone
            copies = self._copies()                              # through for none)
            for row in rows.values():
                # read/starred marks queued and not written yet (or not yet when the rows were read)
                main.marks.patch(row, copies.get(row.id, ()), before)
        self.show(rows)
        if new:
            for selector in ("#story-text", "#story-quotes"):
                self.query_one(selector, StoryList).top()
        if not self.summary.analysed:
            self.load(read_story, self.story_id, self.sentences, True)  # quotes and entities need analyses

    def prepare(self, lib, story_id: int, ready=None, marks: int | None = None) -> None:
        """Build a story's lists and draw their first lines ahead (its summary is kept: read ahead), while
        this view is not shown; opening the story then copies them. `ready`: the lists built and wrapped by the
        read ahead's thread (_built_ahead), kept here as they are, with the rows they were built from (`marks`: the
        app's marks count when they were read, _marks_now)."""
        if ready is not None:
            row, summary, rows, made, widths, wrapped = ready
            self._ahead = (story_id, marks, (row, summary, rows))
            built = self._build(story_id, None, summary, row, rows, made)
            if built is not made:  # the view kept its own lists of this story: their items wrapped by the list
                wrapped = (None, None)
            self.query_one("#story-text", StoryList).prepare(built[2], (widths[0], wrapped[0]))
            self.query_one("#story-quotes", StoryList).prepare(built[3], (widths[1], wrapped[1]))
            return
        kept = _kept_now(lib, story_id)
        if kept is None:
            return
        row, summary, rows = kept
        built = self._build(story_id, None, summary, row, rows)
        self.query_one("#story-text", StoryList).prepare(built[2])
        self.query_one("#story-quotes", StoryList).prepare(built[3])

    def kept_built(self, summary, row, rows: dict):
        """The lists `_build` keeps for this very summary of the story `row`, with these rows' marks, else None (read
        only: the read ahead's thread asks it)."""
        kept = self._built.get((row.id, None))
        if kept is None or kept[0] is not summary or kept[1] != row:
            return None
        return kept[3] if kept[2] == sorted((r.id, r.read, r.starred) for r in rows.values()) else None

    def holds(self, built: tuple, widths: tuple[int, int]) -> bool:
        """Whether both lists keep these lists' lines wrapped at these widths (read only, as kept_built)."""
        lists = self._lists
        return lists is not None and lists[0].holds(built[2], widths[0]) and lists[1].holds(built[3], widths[1])

    def _build(self, story_id: int, sentences: int | None, summary, row, rows: dict, built=None) -> tuple:
        """story_items.build's answer for this summary, row and read marks: kept for the last KEPT_VIEWS
        stories (a story shown again as it was is not built again, and its lists keep their drawn lines).
        `built`: that answer made already (by the read ahead's thread), kept unless one is kept for them."""
        marks = sorted((r.id, r.read, r.starred) for r in rows.values())
        key = (story_id, sentences)
        kept = self._built.get(key)
        if kept is not None and kept[0] is summary and kept[1] == row and kept[2] == marks:
            self._built.move_to_end(key)
            return kept[3]
        built = build(summary, row, rows) if built is None else built
        self._built[key] = (summary, row, marks, built)
        while len(self._built) > KEPT_VIEWS:
            self._built.popitem(last=False)
        return built

    def show(self, rows: dict) -> None:
        """Fill both panes from `self.summary`; the cursors stay where they were when they can."""
        built = self._build(self.story_id, self.sentences, self.summary, self.row, rows)
        if built is self._shown:
            return
        self._shown = built
        head, title, text, side, self.entity_names = built
        self._head(head)
        self.query_one("#story-pane").border_title = title
        self._fill("#story-text", text)
        self._fill("#story-quotes", side)

    def _head(self, head: Text | Head) -> None:
        """Show `head` in the head (a line each, cut with an ellipsis; a Head laid out for the head's width): the
        screen is laid out again only when the number of lines changes (Static.update lays out every time: a full
        repaint)."""
        widget = self.query_one("#story-head", StoryHead)
        widget.head = head
        self._head_fit()

    def _head_fit(self) -> None:
        """Lay the head out again for its width (shown, or the head resized)."""
        widget = self.query_one("#story-head", StoryHead)
        head = widget.head
        text = head if isinstance(head, Text) else head.text(widget.content_size.width or max(20, self.size.width - 6))
        lines = text.plain.count("\n") + 1
        if text == getattr(widget, "_shown", None):
            return
        widget.update(text, layout=lines != getattr(widget, "_lines", None))
        widget._shown, widget._lines = text, lines

    def _fill(self, selector: str, options: list) -> None:
        """Show `options` in a list; the cursor stays on the line it was on (its id) when that line is still there:
        `+` / `-` and a mark shift the lines, and the cursor kept its place number, landing on another line."""
        widget = self.query_one(selector, StoryList)
        if widget.options is not options:
            at = widget.highlighted
            was = widget.options[at].id if at is not None and at < len(widget.options) else None
            widget.show_options(options)
            if was:
                now = next((i for i, o in enumerate(options) if o.id == was and not o.disabled), None)
                if now is not None and now != widget.highlighted:
                    widget.highlighted = now

    # -- keys -------------------------------------------------------------------------------

    def on_summary_list_option_selected(self, event: StoryList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
        if kind == "g" and self.gone and rest:
            self._open_where_it_went(int(rest))
            return
        if self.summary is None or not rest:
            return
        if kind == "s":
            self.open_article(self.summary.sentences[int(rest)].article)
        elif kind == "n":
            self.open_article(self.summary.new[int(rest)].article)
        elif kind == "a":
            self.open_article(int(rest))
        elif kind == "q":
            g, q = (int(x) for x in rest.split(":"))
            self.open_article(self.summary.quotes[g].quotes[q].article)
        elif kind == "e":
            type_key, name = self.entity_names[int(rest)]
            if type_key == "person":
                self.open_person(name)
            else:
                self.filter_library(name, type_key)

    LINE_HINT = "Put the cursor on a summary sentence, a quote or an article first."

    def no_articles(self) -> str:
        return self._not_shown() if self.summary is None else super().no_articles()

    def line_article(self) -> int | None:
        """The article of the highlighted line (a summary sentence, a quote or an article), or None."""
        widget = self.query_one("#story-text" if self.focused is not self.query_one("#story-quotes")
                                else "#story-quotes", StoryList)
        if self.summary is None or widget.highlighted is None:
            return None
        kind, _, rest = (widget.get_option_at_index(widget.highlighted).id or "").partition(":")
        if kind == "s":
            return self.summary.sentences[int(rest)].article
        if kind == "n":
            return self.summary.new[int(rest)].article
        if kind == "a":
            return int(rest)
        if kind == "q":
            g, q = (int(x) for x in rest.split(":"))
            return self.summary.quotes[g].quotes[q].article
        return None

    def action_open_link(self) -> None:
        """o: the link of the line's article in the browser (as `o` in the library)."""
        self.open_line_link()

    def action_reanalyse(self) -> None:
        """r: the story's summary made again, its articles analysed again, as `r` on the story in the stories list
        (parts/story_keys.py); then shown again at its length. It said r works in the library and the article view."""
        main = self.main_screen()
        if main is None or self.story_id is None:
            return
        story_id = self.story_id

        def again() -> None:
            if self.is_attached and self.story_id == story_id:
                self.load(read_story, story_id, self.sentences, True)

        main.story_keys.remake(story_id, after=again, notify=self.notify)

    UNREAD_LIST = "#story-text"
    UNREAD_OF = "of this story"

    def action_next_unread(self, step: int = 1) -> None:
        """n / N: the cursor to the story's next (previous) article line marked unread (●), below (above) the cursor
        in the summary's list; enter opens it. From the summary or the side list, the first (last) of them."""
        if self.summary is not None:
            self.step_to_unread(step)

    def action_previous_unread(self) -> None:
        self.action_next_unread(-1)

    def action_toggle_read(self) -> None:
        self.flip_line_mark("read", "read", "unread", after=self._show_marks)  # shown here and in the library

    def action_toggle_star(self) -> None:
        self.flip_line_mark("starred", "starred", "unstarred", after=self._show_marks)

    def page_article_ids(self) -> list[int]:
        return list(self.summary.articles) if self.summary is not None else []

    def show_page_marks(self) -> None:
        self._show_marks()

    def _show_marks(self) -> None:
        """Show the ● marks of the story's articles as the library has them, with the marks queued."""
        main = self.main_screen()
        if main is None or self.summary is None or not self.is_attached:
            return
        try:
            rows = main.lib.rows_by_id(list(self.summary.articles))
        except (StoreError, sqlite3.DatabaseError):
            return  # a damaged library: the marks stay as shown
        copies = self._copies()
        self.show({r.id: main.marks.patch(r, copies.get(r.id, ())) for r in rows})

    def _copies(self) -> dict[int, tuple[int, ...]]:
        """Each article of the story -> the other records of its text (one line here): a mark queued for any
        of them is shown on that line at once (the library marks them all: ReadMarks.patch)."""
        out: dict[int, tuple[int, ...]] = {}
        for head, others in (getattr(self.summary, "copies", None) or {}).items():
            group = (head, *others)
            for member in group:
                out[member] = tuple(i for i in group if i != member)
        return out

    def library_changed(self) -> None:
        self._show_marks()
        # (its articles deleted by another program while an article of it was open: back here, the head said "3
        # articles" over the one line left, and the summary quoted the deleted ones)
        self.follow_library()

    def follow_library(self) -> None:
        """New articles were stored (a refresh ended): read the story again if it has grown or shrunk since it was
        read (its head said "3 articles" beside a fourth that had joined), or is gone (deleted, merged into another:
        the head says so, and where its articles are now), the cursor staying on its line. A story gone already: where
        its articles are now is read again (grouped since into a story, or into another)."""
        main = self.main_screen()
        if main is None or self.story_id is None or self.reading or not self.is_attached:
            return
        if self.gone:
            from tui.store.stories import story_exists

            try:
                back = story_exists(main.lib, self.story_id)
            except Exception:
                back = False
            if back:  # grouped again under its own id (a story deleted by hand: its id not remembered as handed out)
                self.load(read_story, self.story_id, self.sentences, True)
            else:
                self._show_gone()
            return
        if self.row is None:
            return
        from tui.store.stories import story_row

        try:
            now = story_row(main.lib, self.story_id)
        except Exception:  # a damaged library: the story stays as read
            return
        if now is None or now.size != self.row.size:
            self.load(read_story, self.story_id, self.sentences, True)

    def library_moved(self) -> None:
        """Another program committed something (LibraryWatch, data_version moved) that changed none of the figures the
        watch compares: a story deleted by hand (the sqlite3 shell) moves neither the articles' nor the stories'
        figures, and the view kept showing it until it was read again (close-s34). One primary-key read."""
        main = self.main_screen()
        if main is None or self.story_id is None or self.row is None or self.gone or self.reading \
                or not self.is_attached:
            return
        from tui.store.stories import story_exists

        try:
            there = story_exists(main.lib, self.story_id)
        except Exception:  # a damaged or busy library: the story stays as read
            return
        if not there:
            self.follow_library()

    def _show_gone(self, force: bool = False) -> None:
        """The story is gone: the head says so, and the text pane lists the stories its articles are in now (enter
        opens one here), else that they are in no story yet (grouped again in a moment: the next change of the library
        shows where) or were deleted."""
        from tui.store.stories import where_they_went

        main = self.main_screen()
        went = None
        if main is not None and self._gone_ids:
            try:
                went = where_they_went(main.lib, self._gone_ids)
            except Exception:  # a damaged or busy library: the story is said gone, no more
                went = None
        if went == self._went and not force:
            return
        self._went = went
        head = Text()
        head.append("This story is no longer in the library (esc goes back).", style="bold")
        options: list = []
        if went is not None:
            # its articles as the library lists them (a text two outlets printed once): the copies counted it twice
            total = sum(n for _id, _title, n in went.stories) + went.ungrouped + went.deleted
            if went.stories:
                some = "Its articles are" if len(went.stories) == 1 else f"Its {total} articles are"
                place = "another story" if len(went.stories) == 1 else f"{len(went.stories)} stories"
                head.append(f"\n{some} now in {place}: enter opens {'it' if len(went.stories) == 1 else 'one'}.")
                for story_id, story_title, n in went.stories:
                    share = ("all its articles" if n >= total
                             else f"{n} of its {total} article{'s' if total != 1 else ''}")
                    options.append(Option(Text(f"→ {line(story_title) or 'Untitled story'}  ({share})"),
                                          id=f"g:{story_id}"))
            elif went.ungrouped:
                head.append("\nIts articles are in no story yet (this view says where once grouped).")
            else:
                head.append("\nIts articles were deleted too.")
            if went.stories and went.ungrouped:
                options.append(Option(Text(f"{went.ungrouped} in no story yet", style="dim"), disabled=True))
            if went.stories and went.deleted:
                options.append(Option(Text(f"{went.deleted} deleted", style="dim"), disabled=True))
        self._head(head)
        widget = self.query_one("#story-text", StoryList)
        widget.show_options(options)
        if options:
            widget.highlighted = 0

    def _open_where_it_went(self, story_id: int) -> None:
        """enter on a story the gone story's articles are in now: that story, in this view."""
        main = self.main_screen()
        if main is None:
            return
        title = next((t for i, t, _n in (self._went.stories if self._went else ()) if i == story_id), "")
        self.open(story_id, main.lib, title)

    def _resize(self, step: int) -> None:
        if self.summary is None:  # (the key did nothing without a word)
            self.notify(self._not_shown(), severity="warning", timeout=3)
            return
        # the length asked for last while it is still being read, else the one shown: presses made before the longer
        # summary arrived asked for the shown length + 1 again (thirty presses of + gave 7 sentences)
        current = self.sentences if self.sentences and self.loader.loading else len(self.summary.sentences)
        wanted = max(1, current + step)
        if wanted == current:  # at the end: say so, not nothing
            self.notify("Shortest summary: one sentence.", timeout=2)
            return
        if step > 0 and current >= LONGEST:
            self._longest(current)
            return
        self.sentences, self._grown_from = wanted, (current if step > 0 else None)
        self.notify(f"Story summary length: {wanted} sentence{'s' if wanted != 1 else ''}", timeout=2)
        self.load(read_story, self.story_id, self.sentences, True)

    def _longest(self, n: int) -> None:
        self.notify(f"Longest summary: {n} sentences." if n > 1 else "Longest summary: the story has one sentence.",
                    timeout=2)

    def action_longer(self) -> None:
        self._resize(+1)

    def action_shorter(self) -> None:
        self._resize(-1)

    def _ready(self) -> bool:
        if self.summary is None:
            self.notify(self._not_shown(), severity="warning")
            return False
        return True

    def _not_shown(self) -> str:
        """Why a key that needs the story's summary did nothing."""
        return ("This story is no longer in the library." if self.gone
                else "Still reading the story; try again in a moment.")

    def _command(self, markdown: bool = False) -> str:
        """The command that prints this story as shown (named in the copy toast)."""
        return (f"newsreader story {self.story_id}" + (f" --sentences {self.sentences}" if self.sentences else "")
                + (" --format md" if markdown else ""))

    def action_copy_summary(self) -> None:
        if self._ready():
            self.copy(copytext.story_text(self.summary), "story summary", self._command())

    def action_copy_quotes(self) -> None:
        if self._ready():
            self.copy(copytext.story_quotes_text(self.summary), "story quotes", self._command())

    def action_copy_markdown(self) -> None:
        if self._ready():
            self.copy(copytext.story_markdown(self.row.title, self.summary), "story as Markdown", self._command(True))

