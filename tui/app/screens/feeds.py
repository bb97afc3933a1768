"""The feeds list (`F`): every feed with its unread and total counts, when it was refreshed and why it
failed; `enter` narrows the library to a feed ("All articles" lifts it), `R` refreshes the feed under the
cursor (on "All articles": every feed and folder), `a` adds a feed (fetched in the background by the main
screen's FeedChanges, so it lands even if this page is closed), `d` removes one (asks: keep its articles or
not). Watched folders are listed too, with their unread and total counts; `enter` on one narrows the library to
the articles its files became."""

from __future__ import annotations

import os

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.app import keymap
from tui.app.screens.page import PageScreen, line
from tui.cells import clip, when_said
from tui.textsafe import visible
from tui.app.widgets.pane import Pane
from tui.app.widgets.scroll_size import content_width
from tui.app.widgets.story_list import StoryList, heading
from tui.app.widgets.summary_items import Option
from tui.app.textual_fixes import closed_before_mount

FEED_TITLE = 160  # cells of a feed's title at most (a long one wraps under itself; a feed may call itself anything)


def read_feeds(lib):
    """(feeds with counts, watched folders, unread rows from any of them, each once, (the library's unread, its
    articles)) — empty lists and 0 when this library has none."""
    from tui.store.feeds import list_feeds, unread_in_sources
    from tui.store.reader import unread_count

    from tui.store.watch import FolderFiles, folder_counts, folder_files, list_watched, skipped_files

    watched = list_watched(lib)
    counts = folder_counts(lib) if watched else {}
    skipped = skipped_files(lib) if watched else {}
    files = folder_files(lib) if watched else {}
    for folder in watched:
        folder.unread, folder.total = counts.get(folder.id, (0, 0))
        folder.skipped = skipped.get(folder.id, [])
        folder.counted = files.get(folder.id, FolderFiles())
    feeds = list_feeds(lib)
    # the library's own figures, as its status line counts them (both kept by triggers: one row read each)
    library = (unread_count(lib), lib.count())
    return feeds, watched, unread_in_sources(lib) if feeds or watched else 0, library


def skipped_line(skipped: list[tuple[str, int]], room: int, counted=None) -> str:
    """One line of `room` cells for what a folder's files became when not all became articles of their own: "2
    imported, 1 duplicate, 2 skipped: binary file (PNG image) ×2; not a feed (neither RSS, Atom nor RDF)", the counts
    adding up to its files (`counted`, a FolderFiles; without it the skipped alone: "3 files skipped: ..."),
    the commonest reasons first (the count beside a reason when it is more than one file and not every one), cut with
    "…" where the line ends."""
    from tui.store.watch import files_line, reasons_line

    if counted is not None:
        whys = f": {reasons_line(skipped, line)}" if skipped else ""
        return clip(f"{files_line(counted, total=False)}{whys}", max(10, room))
    files = sum(count for _why, count in skipped)
    return clip(f"{files:,} file{'s' if files != 1 else ''} skipped: {reasons_line(skipped, line)}", max(10, room))


def _folder_label(path: str, room: int) -> str:
    """A folder's path on one line of `room` cells: the home folder as ~, a longer one cut at the front
    ("…/scratch/clippings"): a path has no spaces to wrap at, and was broken mid-name, its count left alone."""
    home = os.path.expanduser("~")
    if home not in ("", "/") and (path == home or path.startswith(home + os.sep)):
        path = "~" + path[len(home):]
    if len(path) <= room:
        return path
    return "…" + path[-max(1, room - 1):]


class FeedsScreen(PageScreen):
    """Dismissed with (feed id, name) to filter by, (None, "") for every article, or None (esc)."""

    PAGE_NAME = "the feeds list"
    OPENED_BY = "feeds"  # the library key that opens it: pressed here, it says so

    BINDINGS = keymap.bindings(keymap.FEEDS)
    IS_FEEDS = True  # the palette offers add / remove here (app.get_system_commands)
    PANES = ("#feeds-pane",)
    KEY_NAMES = {**PageScreen.KEY_NAMES,
                 "refresh": "Refresh the feed under the cursor (elsewhere: every feed and folder)",
                 "open": "Show the feed's or folder's articles in the library"}
    # R's words follow the cursor: on a feed it refreshes that feed, elsewhere every feed and folder (it said
    # "R refresh it" on "All articles" and on a watched folder too)
    HINT = (("open", "show its articles"), ("add_feed", "add"), ("remove_feed", "remove"), ("refresh", "refresh all"),
            ("back", "back"))
    HINT_ON_FEED = (("open", "show its articles"), ("add_feed", "add"), ("remove_feed", "remove"),
                    ("refresh", "refresh this feed"), ("back", "back"))
    FOLLOW = 1.0  # seconds between looks for feeds and folders another program added, removed or refreshed

    def __init__(self, db_path) -> None:
        super().__init__(db_path)
        self.feeds: list = []
        self.folders: list = []
        self._select: int | None = None  # a feed id to put the cursor on when the list is read again
        self._keep: str | None = None  # or the option (its id) the cursor was on, after a refresh
        self._version: int | None = None  # the library's data_version and
        self._sources: tuple | None = None  # its feeds' and folders' state (sources_state) when last read

    def compose_panes(self) -> ComposeResult:
        with Pane(id="feeds-pane"):
            yield Static(Text("Reading the feeds…"), id="feeds-head")
            yield StoryList(id="feeds-list", help="enter on a feed or a watched folder shows its articles; on All "
                            "articles, every article.")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#feeds-pane").border_title = "Feeds"
        listing = self.query_one("#feeds-list", StoryList)
        self.set_focus(listing)
        super().on_mount()
        self.watch(listing, "highlighted", lambda: self.query_one("#page-hint").refresh(), init=False)
        self._follow_sources(read=False)
        self.load(read_feeds)
        self.set_interval(self.FOLLOW, self._follow_sources)

    def hint_line(self, width: int = 0) -> Text:
        if self.is_mounted and self.feed_under_cursor() is not None:
            return self._hint_text(self.HINT_ON_FEED)
        return super().hint_line(width)

    def _follow_sources(self, read: bool = True) -> None:
        """A feed or watched folder another program added, removed or refreshed (`newsreader feed add`, `feed import`,
        `refresh`, `watch add` in a second terminal) shows while the list is open: the list stayed as it was opened
        until it was opened again. One `data_version` read a second while nothing is written; when something was,
        a look at the two small tables (sources_state), and the list is read again only when they changed."""
        from tui.store.changes import data_version, sources_state

        main = self.main_screen()
        if main is None:
            return
        try:
            version = data_version(main.lib)
            if version == self._version:
                return
            self._version = version
            state = sources_state(main.lib)
        except Exception:  # locked or damaged for a moment: the next look tries again
            return
        changed, self._sources = state != self._sources, state
        if read and changed and not self.loader.loading:
            self.reread(keep=True)

    def loaded(self, result, error: str) -> None:
        head = self.query_one("#feeds-head", Static)
        if error:
            head.update(Text(f"The feeds cannot be read: {error}", style="bold red"))
            return
        self.feeds, watched, unread, (library_unread, library_total) = result  # unread: an article in two feeds, or
        # a feed and a folder, once
        self.folders = watched
        n = len(self.feeds)
        folders = f" · {len(watched)} watched folder{'s' if len(watched) != 1 else ''}" if watched else ""
        # the head's unread counts the feeds' and folders' articles (each once), "All articles" the library's: the
        # head said "9 unread" over "19 All articles", and nothing said the figure before each name is its unread
        theirs = f" · {unread:,} unread from {'them' if n + len(watched) > 1 else 'it'}" if n or watched else ""
        head.update(Text.assemble((f"{n} feed{'s' if n != 1 else ''}", "bold"), folders, theirs,
                                  f" ({library_unread:,} in the library)" if n or watched else "",
                                  (f" · {keymap.first_key('add_feed', getattr(self.app, 'user_keys', {}))} adds one"
                                   if not n else "", "dim"),
                                  ("\nThe figure before each name: its unread articles.", "dim")))
        width = max((len(f"{f.unread:,}") for f in [*self.feeds, *watched]), default=1)
        width = max(width, len(f"{library_unread:,}"))
        # "213 All articles  (the whole library: 214 articles)": its unread before the name, as a feed's line (it had no
        # figures: the library's were on another screen); its total said as the library's ("213 All articles  214
        # articles" read as two counts of the same thing)
        every = Text()
        every.append(f"{library_unread:>{width},} ", style="bold" if library_unread else "dim")
        every.append("All articles", style="bold")
        every.append(f"  (the whole library: {library_total:,} article{'s' if library_total != 1 else ''})", style="dim")
        options = [Option(every, id="all", indent=width + 1)]
        if self.feeds:
            options.append(heading("Feeds"))
        if any(f.full_text and f.pages_failed for f in self.feeds):
            from tui.sources.refresh import pages_waiting  # (only for a feed with failed pages: not at start-up)
        for number, feed in enumerate(self.feeds):
            # "12 Title  30 articles · refreshed ...": a long title wraps under itself, not under the count, and
            # the figures after it stay on one line; a failed feed's reason on a line of its own, under the title
            entry = Text()
            entry.append(f"{feed.unread:>{width},} ", style="bold" if feed.unread else "dim")
            entry.append(clip(line(feed.name), FEED_TITLE), style="bold" if feed.unread else "")
            keep = len(entry.plain) + 2
            entry.append(f"  {feed.total:,} article{'s' if feed.total != 1 else ''}", style="dim")
            failed = feed.last_status == "error" and feed.last_error
            if feed.last_refresh:  # the last try: "refreshed" above a "✗ could not connect" said it worked
                entry.append(f" · {'tried' if failed else 'refreshed'} {when_said(feed.last_refresh)}", style="dim")
            elif not failed:  # subscribed (an OPML list, offline) and never fetched: "0 articles" alone read as empty
                entry.append(f" · not fetched yet ({keymap.first_key('refresh', getattr(self.app, 'user_keys', {}))})",
                             style="dim")
            if failed:
                entry.append(f"\n✗ {line(feed.last_error)[:300]}", style="red")
                from tui.sources.refresh import next_try_said  # (only for a failed feed: not at start-up)

                if waits := next_try_said(feed):  # (R on it tries it now)
                    entry.append(f"\n{waits}", style="dim")
            elif feed.last_error:  # a note of what its last refresh left out ("cut: 500 of its 80,000 items kept ...")
                entry.append(f"\n{line(feed.last_error)[:300]}", style="dim")
            # its link-only items whose pages failed, and when they are tried again (the app said it nowhere)
            waiting = pages_waiting(feed) if feed.full_text and feed.pages_failed else ""
            if waiting:
                entry.append(f"\n{waiting}", style="dim")
            options.append(Option(entry, id=f"f:{number}", indent=width + 1,
                                  keep=0 if feed.last_error or waiting else keep))
        if watched:
            options.append(heading("Watched folders (scanned at start and every 30 s)"))
            listing = self.query_one("#feeds-list", StoryList)
            room = content_width(listing) if listing.is_mounted else 0
            room = room if room > 20 else 78
            for number, folder in enumerate(watched):
                # as a feed: unread, the folder, its articles and when it was scanned; enter shows its articles
                entry = Text()
                entry.append(f"{folder.unread:>{width},} ", style="bold" if folder.unread else "dim")
                # (spelled out, as `watch list` and the toasts spell it: cleaned, "news<U+200B>" read as the folder "news")
                entry.append(_folder_label(visible(folder.path), room - width - 1), style="bold" if folder.unread else "")
                keep = len(entry.plain) + 2
                entry.append(f"  {folder.total:,} article{'s' if folder.total != 1 else ''}", style="dim")
                if folder.last_scan:
                    entry.append(f" · scanned {when_said(folder.last_scan)}", style="dim")
                counted = folder.counted
                if folder.skipped or (counted is not None and counted.files != counted.imported):
                    # said once, in the toast of the scan that met them: what its files became, adding up, and why
                    entry.append(f"\n{skipped_line(folder.skipped, room - width - 1, counted)}", style="dim")
                options.append(Option(entry, id=f"w:{number}", indent=width + 1, keep=keep))
        if not watched:  # the app cannot add one: say where it is done (nothing here told of folders)
            options.append(heading("Watched folders"))
            options.append(Option(Text("None. `newsreader watch add DIR` imports a folder's new and changed files as "
                                       "they appear (scanned at start and every 30 s)."),
                                  disabled=True, indent=2))
        widget = self.query_one("#feeds-list", StoryList)
        widget.show_options(options)
        chosen = next((i for i, f in enumerate(self.feeds) if f.id == self._select), None)
        keep, self._select, self._keep = self._keep, None, None
        if chosen is not None:
            widget.highlighted = widget.get_option_index(f"f:{chosen}")
        else:
            try:
                widget.highlighted = widget.get_option_index(keep) if keep else 0
            except Exception:  # the row is gone (a feed removed meanwhile)
                widget.highlighted = 0

    def reread(self, select: int | None = None, keep: bool = False) -> None:
        """Read the feeds again (one was added or removed, a refresh ended); the cursor goes to feed `select` if
        given, else (`keep`) stays on its row, else goes to the top."""
        self._select = select
        if keep and select is None:
            widget = self.query_one("#feeds-list", StoryList)
            index = widget.highlighted
            self._keep = (widget.get_option_at_index(index).id or None) if index is not None else None
        self.load(read_feeds)

    def feed_under_cursor(self):
        """The feed the cursor is on, or None ("All articles", a heading, nothing yet)."""
        widget = self.query_one("#feeds-list", StoryList)
        index = widget.highlighted
        kind, _, rest = ((widget.get_option_at_index(index).id or "") if index is not None else "").partition(":")
        return self.feeds[int(rest)] if kind == "f" and rest else None

    def _folder_under_cursor(self):
        widget = self.query_one("#feeds-list", StoryList)
        index = widget.highlighted
        kind, _, rest = ((widget.get_option_at_index(index).id or "") if index is not None else "").partition(":")
        return self.folders[int(rest)] if kind == "w" and rest else None

    def on_summary_list_option_selected(self, event: StoryList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
        if kind == "all":
            self.dismiss((None, ""))
        elif kind == "f" and rest:
            feed = self.feeds[int(rest)]
            self.dismiss((feed.id, feed.name))
        elif kind == "w" and rest:
            folder = self.folders[int(rest)]
            self.dismiss((("folder", folder.id), visible(os.path.basename(folder.path.rstrip(os.sep)) or folder.path)))

    def action_refresh(self) -> None:
        """`R` on a feed: that feed now (tried even while it backs off); elsewhere every feed and folder."""
        feed = self.feed_under_cursor()
        main = self.main_screen()
        if feed is None or main is None:
            super().action_refresh()
            return
        main.sources.refresh([feed.id])
        self.notify(f"Refreshing {clip(line(feed.name), 60)} in the background…", timeout=3)

    def action_add_feed(self) -> None:
        """`a`: the add-feed prompt; the feed is fetched in the background and this list shows it after."""
        main = self.main_screen()
        if main is not None:
            main.action_add_feed()

    def action_remove_feed(self) -> None:
        """`d` on a feed: asks whether its articles go too, then unsubscribes in the background."""
        from tui.app.dialogs import RemoveFeedDialog

        feed = self.feed_under_cursor()
        main = self.main_screen()
        if feed is None or main is None:
            if self._folder_under_cursor() is not None:
                self.notify("A watched folder is removed from the command line: newsreader watch remove DIR "
                            "(its articles stay).", severity="warning", timeout=6)
            else:
                self.notify("Put the cursor on a feed to remove it.", severity="warning", timeout=3)
            return
        name = clip(line(feed.name), 80)

        def answered(answer: str | None) -> None:
            if answer:
                main.remove_feed(feed.id, name, keep_articles=answer == "keep")

        self.app.push_screen(RemoveFeedDialog(name, feed.total), answered)

    def action_back(self) -> None:
        self.dismiss(None)
