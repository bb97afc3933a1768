"""Reader basics on the main screen (issue 10): open the link, next/previous unread, mark all read,
the unread count, undo of a delete or of mark all read, reading positions, and the library's views and orders."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from tui.app.keymap import UNDO_SECONDS  # noqa: F401 (how long z works: help says it from there)
from tui.app.parts.threads import deliver
from tui.store import Library
from tui.app.failure import reason

UNDO_SAY_ABOVE = 2000  # a z undoing an A of this many articles or more says it is under way (it takes a moment)
CONFIRM_ABOVE = 20  # "A" asks first when it would mark more articles than this
SMALL = 2000  # views up to this many articles get their unread count at once
VIEWS = ("all", "unread", "starred")  # the order `u` cycles through (tui.store.reader.VIEWS)
SORTS = ("date", "title", "source", "length")  # the order `O` cycles through (tui.store.reader.SORTS)
VIEW_NAMES = {"all": "all articles", "unread": "unread articles", "starred": "starred articles"}
SORT_NAMES = {"date": "newest first", "title": "by title", "source": "by source", "length": "longest first"}


def next_in(choices: tuple[str, ...], current: str) -> str:
    """The choice after `current` (the first after the last, or when `current` is unknown)."""
    return choices[(choices.index(current) + 1) % len(choices)] if current in choices else choices[0]


class UnreadCount:
    """The unread count of the list's view, counted off the UI thread; `text` for the status line."""

    def __init__(self, host, db_path: Path, changed: Callable[[], None]) -> None:
        self.host = host
        self.db_path = db_path
        self.changed = changed
        self.count: int | None = None
        self.of_stories = False  # `count` is story mode's (stories with unread), set by the screen
        self._generation = 0

    @property
    def text(self) -> str:
        """"3 unread", or "" while not counted yet."""
        return "" if self.count is None else f"{self.count:,} unread"

    def refresh(self, ids: list[int] | None, lib=None, size: int = 0, after: Callable[[], None] | None = None,
                held: list | None = None) -> None:
        """Count again for a view (`ids`: a filtered view's ids; None: the whole library).

        The whole library (one row the store keeps) and a view of at most SMALL articles are counted
        at once on `lib` (the status line is complete in the first frame); larger views in a worker.
        `after`: something to wait for before counting (the queued read marks being written; it returns False
        when it gave up waiting); given, the count is always made in the worker, which waits for it (never the
        UI thread), and waits again as long as it is not done (the last count shows meanwhile).
        `held`: the marks of an A or a z being written meanwhile (ReadMarks.held), counted as written (a list read
        again during the write showed the stored count, the old one, until it was done); counted in the worker.
        """
        self._generation += 1
        if held and any(every is None and read for every, read in held):
            self.count = 0  # an A of every article is being written
            self.changed()
            return
        if lib is not None and after is None and not held and (ids is None or size <= SMALL):
            from tui.store.reader import unread_count

            try:
                self.count = unread_count(lib, ids)
            except Exception:
                self.count = None
            self.changed()
            return
        generation = self._generation
        self.host.run_worker(lambda: self._worker(ids, generation, after, held), name="unread", group="unread",
                             exclusive=True, thread=True)

    def _worker(self, ids, generation: int, after: Callable[[], None] | None = None, held: list | None = None) -> None:
        from tui.store.reader import unread_count, unread_count_marked

        if after is not None:
            while after() is False:  # still not done (another program holds the lock): wait again
                if generation != self._generation or not self.host.is_attached:
                    return  # another count was asked for, or the screen is gone
        try:
            with Library(self.db_path) as lib:
                count = unread_count_marked(lib, ids, held) if held else unread_count(lib, ids)
        except Exception:  # a damaged or locked library: the status line just shows no count
            count = None
        deliver(self.host, self._done, count, generation)

    def _done(self, count, generation: int) -> None:
        if generation == self._generation:
            self.count = count
            self.changed()


class UndoDelete:
    """The last delete, or the last `A` (mark all read), whichever came last: `z` undoes it for UNDO_SECONDS."""

    def __init__(self) -> None:
        self.saved = None
        self.title = ""
        self.until = 0.0
        self.reading: int | None = None  # the reading position when the article was open as it was deleted
        self.reopen = False  # and whether it was on the screen then (undo opens it again)
        self.unread: list[int] | None = None  # the articles `A` marked read (unread before it)
        self.given: set[int] = set()  # articles given a read mark since that `A`: `z` leaves their marks alone
        self.what = "Mark all read"  # how z's toast names what it undid: an `A`, or `m` on a story ("Mark read")
        self.story: int | None = None  # the story that `m` marked read (its `m` again, marking it unread, ends it)

    def keep(self, saved, title: str, reading: int | None = None, reopen: bool = True) -> None:
        """Remember a delete (undo.Saved) for the next few seconds, and where the reader was in it if it was
        the open article (`reading`, its place; None when it was deleted from the list); `reopen`: it was on the
        screen (not behind the list of a narrow screen), so undo opens it again."""
        self.saved, self.title, self.until = saved, title, time.monotonic() + UNDO_SECONDS
        self.reading, self.reopen = reading, reopen
        self.unread = None

    def keep_unread(self, ids: list[int], what: str = "Mark all read", story: int | None = None) -> None:
        """Remember the articles an `A` just marked read (the ones that were unread) for the next few seconds; or
        `m` on a story (the stories list, the briefing), `story` its id."""
        self.saved, self.title, self.reading = None, "", None
        self.unread, self.given = list(ids), set()
        self.what, self.story = what, story
        self.until = time.monotonic() + UNDO_SECONDS

    def marked(self, ids) -> None:
        """Read marks were given to `ids` (an open, `m`, a page's `A`) after the `A` kept: `z` does not undo them."""
        if self.unread is not None:
            self.given.update(ids)

    def take(self):
        """The delete to undo, or None when there is none or it is too late (or the last was an `A`)."""
        saved, self.saved = self.saved, None
        return saved if saved is not None and time.monotonic() <= self.until else None

    def take_unread(self) -> list[int] | None:
        """The articles to mark unread again (an `A` within UNDO_SECONDS, less those marked since), or None."""
        ids, self.unread = self.unread, None
        if ids is None or time.monotonic() > self.until:
            return None
        return [i for i in ids if i not in self.given]


def link_problem(url: str) -> str:
    """Why `url` is not opened ("" when it is an http(s) link with a host: see open_link)."""
    from urllib.parse import urlsplit

    from tui.textsafe import visible

    try:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() in ("http", "https") and parts.hostname:
            return ""
    except ValueError:
        pass
    return f"not opened: only http(s) links are opened, and this one is {visible(url.strip()[:80])}"


def open_link(url: str) -> str:
    """Open `url` in the user's browser (webbrowser honours $BROWSER); "" or why it failed.

    Only an http(s) link with a host is opened. An article's link comes from a feed, a JSON record or a page's
    metadata and was handed over as it was: "javascript:…" or "file:///…" to the browser, and a link starting with
    "-" reached the $BROWSER command as an option of its own ("--renderer-cmd-prefix=…" runs a program)."""
    import webbrowser

    problem = link_problem(url)
    if problem:
        return problem
    url = url.strip()
    try:
        opened = webbrowser.open(url, new=2)
    except Exception as exc:  # a broken $BROWSER command
        return f"Not opened: could not start the browser: {reason(exc)}"
    # said after the toast "Opening <link>" (the app cannot know first: finding a browser can take a while): alone,
    # "no browser found" read as if the link had opened (walk36)
    return "" if opened else "Not opened: no browser found (set $BROWSER)"


class ReadingPlaces:
    """Reading position per article (tui/store/reader.py positions): where the reader left an article is
    saved when another one opens (after that repaint, and only when it moved) or the app closes, and an
    article reopens there. Costs one primary-key lookup per open. The save is written by `writer`'s thread
    (parts/marks.py's ReadMarks: on the UI thread it waited for the write lock while another connection
    wrote); a place queued this session is remembered here, so reopening sees it before it is written."""

    def __init__(self, host, lib, writer) -> None:
        self.host = host
        self.lib = lib
        self.writer = writer
        self._queued: dict[int, int] = {}  # article id -> place handed to the writer this session
        self.article_id: int | None = None
        self.restored = 0  # the place the open article was reopened at
        self.body = None  # the article pane it is shown in

    def opened(self, article_id: int, body) -> None:
        """An article was just shown in `body`: scroll it to where the reader left it."""
        from tui.store.reader import saved_position

        place = self._queued.get(article_id)
        if place is None:
            try:
                place = saved_position(self.lib, article_id)
            except Exception:  # a damaged or locked library: start at the top
                place = 0
        self.article_id, self.restored, self.body = article_id, place, body
        if place:
            body.go_to_place(place)

    def leave(self, now: bool = False) -> None:
        """The open article is about to be replaced (or the app closes): remember where the reader was."""
        article_id, self.article_id = self.article_id, None
        if article_id is None or self.body is None:
            return
        place = self.body.place()
        if place == self.restored:
            return  # not moved: nothing to write
        self._queued[article_id] = place  # at once: the same article opened again now (esc, enter) finds it
        if now:
            self._save(article_id, place)
        else:
            self.host.call_after_refresh(self._save, article_id, place)

    def forget(self) -> None:
        """The open article was deleted: nothing to remember."""
        self.article_id = None

    def put_back(self, article_id: int, place: int) -> None:
        """A deleted article that was open is restored (undo): it reopens at `place`, where the reader was when
        it was deleted (not saved then: it is saved now)."""
        self._save(article_id, place)

    def _save(self, article_id: int, place: int) -> None:
        self._queued[article_id] = place
        self.writer.save_position(article_id, place)
