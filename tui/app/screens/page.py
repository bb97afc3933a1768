"""What the story view, the entity page, the briefing and the feeds list share: a list widget with the
app's keys, a hint line, loading off the UI thread, copy, and opening an article in the main screen."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.app import keymap
from tui.app.parts import Loader, PaneBorders, set_focus_flags
from tui.app.screens.switch import QuickSwitch
# line: one clean line; title, outlet: a list's title or outlet name cut with "…" (a feed item titled with 2,000
# characters wrapped over 26 lines of the briefing at 80 columns; a 300-character feed title filled four lines of
# every briefing entry)
from tui.cells import OUTLET_CELLS, TITLE_CELLS, cut_outlet as outlet, cut_title as title, one_line as line  # noqa: F401
from tui.app.textual_fixes import closed_before_mount
from tui.app.failure import could_not

# Actions the list widget handles itself (StoryList's); the rest of the PAGE keys go to the screen.
LIST_ACTIONS = {"cursor_down", "cursor_up", "first", "last", "page_down", "page_up", "select"}


def _page_bindings(on_list: bool) -> list[Binding]:
    return [b for b in keymap.bindings(keymap.PAGE) if (b.action in LIST_ACTIONS) == on_list]


def _elsewhere_bindings(own_ids: set[str]) -> list[Binding]:
    """The reading view's keys a page has no use for (`s`, `e`, `n`, `/` ...): each says where it works, instead of
    doing nothing without a word. Not the keys the page binds itself (its own, the pages', the app's)."""
    taken = {key for spec in keymap.KEYS if spec.id in own_ids or {keymap.APP, keymap.PAGE} & set(spec.scopes)
             for key in spec.keys.split(",")}
    out = []
    for spec in keymap.KEYS:
        if keymap.MAIN in spec.scopes and keymap.PAGE not in spec.scopes and spec.id not in own_ids:
            keys = ",".join(k for k in spec.keys.split(",") if k not in taken)
            if keys:
                out.append(Binding(keys, f"elsewhere('{spec.id}')", spec.description, show=False, id=spec.id))
    return out


def pages_answering(key_id: str, but: type | None = None) -> list[str]:
    """The names of the pages (other than `but`) that bind the reading view's key `key_id` themselves: ["the story
    view"] for `m`, `f`, `o`, `n`, `N` (they act on the story's line's article there). A page where such a key only
    says where it works named the library and the article view alone, and so did its help."""
    from tui.app.screens import briefing, feeds, person, story  # noqa: F401  (every page class defined)

    spec = keymap.BY_ID[key_id]
    action = f"action_{spec.action}"

    def answers(cls) -> bool:
        if key_id in ("next_pane", "previous_pane") and len(cls.PANES) < 2:
            return False  # no other pane to go to (the feeds list, the briefing): help on the briefing said tab
            # worked "also in ... the feeds list", whose own help leaves it out (help.page_keys)
        if any(isinstance(b, Binding) and b.id == key_id and not b.action.startswith("elsewhere(")
               for b in cls.__dict__.get("BINDINGS", [])):
            return True  # its own binding (m, f, o, n, N on the story view)
        # a pages' key (`t`, `+`): every page binds it; those that only say where it works keep PageScreen's action
        return keymap.PAGE in spec.scopes and (action not in PageScreen.SAYS_NOT_HERE
                                               or getattr(cls, action, None) is not getattr(PageScreen, action))

    # in a fixed order: the classes' own (the order they were made in) put the entity page first whenever a test or a
    # command had imported its module before the story view's
    pages = sorted(PageScreen.__subclasses__(), key=lambda cls: PAGE_ORDER.index(cls.PAGE_NAME)
                   if cls.PAGE_NAME in PAGE_ORDER else len(PAGE_ORDER))
    return [cls.PAGE_NAME for cls in pages if cls is not but and answers(cls)]


PAGE_ORDER = ("the story view", "the entity page", "the briefing", "the feeds list")  # how where_it_works lists them


def where_it_works(key_id: str, but: type | None = None) -> str:
    """"the library and the article view", or "the library, the article view and the story view"."""
    return in_words(["the library", "the article view", *pages_answering(key_id, but)])


def in_words(places: list[str]) -> str:
    """Places as a sentence lists them: "a", "a and b", "a, b and c" (help said "a and b and c")."""
    return ", ".join(places[:-1]) + " and " + places[-1] if len(places) > 1 else "".join(places)


class PageHint(Static):
    """A page's key line at the bottom: the page's full words where they fit, its short ones where not (the story
    view names every key in 80 columns, its copy keys in full from ~100)."""

    def render(self) -> Text:
        return self.screen.hint_line(self.size.width)


class PageScreen(QuickSwitch, Screen):
    """A full screen over the main one: esc goes back; subclasses fill `compose_panes` and `loaded`.

    Parts: `loader` (Loader: `self.load(fn, ...)` -> `loaded(result, error)`), `borders` (PaneBorders
    over `PANES`).
    """

    BINDINGS = _page_bindings(on_list=False)

    def __init_subclass__(cls, **kwargs) -> None:
        own = list(cls.__dict__.get("BINDINGS", []))
        cls.BINDINGS = own + _elsewhere_bindings({b.id for b in own if isinstance(b, Binding) and b.id})
        super().__init_subclass__(**kwargs)

    IS_PAGE = True  # the palette offers this screen's own PAGE actions (app.get_system_commands)
    PAGE_NAME = "this page"  # how other screens' words name it ("the story view")
    OPENED_BY = ""  # the id of the library's key that opens this page ("briefing": b), if one does
    ARTICLE_LINES = False  # lines of articles `enter` opens (the story view, the entity page): d says how to delete one
    # The PAGE keys' actions that here only say there is nothing to do on this page (a page that has a use for one
    # defines its own); the help screen leaves them out of "On this page" (help.page_keys).
    SAYS_NOT_HERE = ("action_copy_summary", "action_copy_quotes", "action_copy_markdown", "action_longer",
                     "action_shorter", "action_since")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # as the main screen: panes stack below 120
    PANES: tuple[str, ...] = ()
    # key id -> what it does on this page, where that differs from the keymap's words (help's "On this page")
    KEY_NAMES: dict[str, str] = {"back_or_quit": "Back to where this page was opened from",
                                 "back": "Back to where this page was opened from"}
    # (key id, what it does); a tuple of key ids shows their keys joined: ("longer", "shorter") -> "+/-"
    HINT: tuple[tuple[str | tuple[str, ...], str], ...] = (("open", "open"), ("back", "back"))
    # the same keys in fewer words, shown where HINT does not fit the line (80 columns); () = HINT cut with "…"
    HINT_NARROW: tuple[tuple[str | tuple[str, ...], str], ...] = ()
    # where HINT_NARROW does not fit either: its keys less the least needed (() = HINT_NARROW cut with "…")
    HINT_NARROWEST: tuple[tuple[str | tuple[str, ...], str], ...] = ()
    # where HINT_NARROWEST does not fit either (80 columns, when the page has four forms)
    HINT_TIGHTEST: tuple[tuple[str | tuple[str, ...], str], ...] = ()

    def __init__(self, db_path) -> None:
        super().__init__()
        self.db_path = db_path
        self.loader = Loader(self, db_path, self.loaded)
        self.borders = PaneBorders(self, self.PANES)

    def compose(self) -> ComposeResult:
        yield from self.compose_panes()
        yield PageHint(id="page-hint")

    def hint_line(self, width: int = 0) -> Text:
        """The keys of this page as the user bound them: "enter open · c copy · esc back"; in HINT_NARROW's words
        when HINT's take more than `width` cells (0: any width), in HINT_NARROWEST's when those do too, and in
        HINT_TIGHTEST's (the story view at 80 columns) when even those do."""
        line = self._hint_text(self.HINT)
        for shorter in (self.HINT_NARROW, self.HINT_NARROWEST, self.HINT_TIGHTEST):
            if width and line.cell_len > width and shorter:
                line = self._hint_text(shorter)
        return line

    def _hint_text(self, hint) -> Text:
        overrides = getattr(self.app, "user_keys", {})
        out = Text(no_wrap=True, overflow="ellipsis")
        for number, (key_id, what) in enumerate(hint):
            if number:
                out.append(" · ", style="dim")
            ids = key_id if isinstance(key_id, tuple) else (key_id,)
            out.append("/".join(keymap.first_key(i, overrides) for i in ids), style="bold")
            out.append(f" {what}", style="dim")
        return out

    def compose_panes(self) -> ComposeResult:
        """The page's panes (bordered Pane containers with ids from PANES)."""
        return iter(())

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.borders.mark()

    def watch_focused(self, old, new) -> None:
        set_focus_flags(old, new)
        if self.is_mounted:
            self.borders.mark()

    def load(self, fn, *args, **kwargs) -> None:
        """Read `fn(lib, *args)` in a worker; `loaded(result, error)` gets it."""
        self.loader.load(fn, *args, **kwargs)

    def loaded(self, result, error: str) -> None:
        """What `load` read (error: "" or why it failed)."""

    # -- keys shared by every page ------------------------------------------------------------

    def action_elsewhere(self, key_id: str) -> None:
        """A key of the library and the article view pressed on a page: say so (see _elsewhere_bindings)."""
        overrides = getattr(self.app, "user_keys", {})
        if key_id == self.OPENED_BY:  # b in the briefing: "b (Briefing) works in the library ..., not on this page"
            self.notify(f"This is {self.PAGE_NAME} already: {keymap.first_key('back', overrides)} goes back to the "
                        "library.", timeout=4)
            return
        if key_id == "delete" and self.ARTICLE_LINES:
            # walk37: d on an article's line of a story said "works in the library …: esc goes back", no way to it
            # "enter", as the stories list's "open a story (enter)" says it
            opens = keymap.first_key('open', overrides).replace("⏎", "enter")
            self.notify(f"To delete an article: {opens} on its line "
                        f"({keymap.first_key('to_articles', overrides)}: the articles), then "
                        f"{keymap.first_key('delete', overrides)}.", severity="warning", timeout=4)
            return
        spec = keymap.BY_ID[key_id]
        # "d (Delete the article) works …", not "d (Delete the article (asks first)) works …"
        what = spec.description.split(" (")[0].rstrip("…")
        self.notify(f"{keymap.first_key(key_id, overrides)} ({what}) works in {where_it_works(key_id, type(self))}, "
                    f"not on this page: {keymap.first_key('back', overrides)} goes back.", severity="warning", timeout=4)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_back_or_quit(self) -> None:
        """q on a page: back to where it was opened from."""
        self.action_back()

    def copy(self, text: str, what: str, elsewhere: str = "") -> None:
        """Copy by every route (the app's clipboard service), or say there is nothing. `elsewhere`: the command that
        prints the same (the toast names it when no copy is confirmed, as the article view's does)."""
        if not text.strip():
            self.notify(f"Nothing to copy: no {what} here.", severity="warning")
            return
        self.app.copy_out(text, what, elsewhere)

    def action_copy_summary(self) -> None:
        self.notify("Nothing to copy on this page.", severity="warning")

    def action_copy_quotes(self) -> None:
        self.action_copy_summary()

    def action_copy_markdown(self) -> None:
        self.action_copy_summary()

    def action_longer(self) -> None:
        # every place + works (it named the story view and the briefing alone, as if the article's summary had no
        # length to change: walk31)
        self._not_here("longer", where_it_works("longer", type(self)))

    def action_refresh(self) -> None:
        main = self.main_screen()
        if main is not None:
            main.sources.refresh()
            self.notify("Refreshing the feeds and watched folders in the background…", timeout=3)

    def action_shorter(self) -> None:
        self._not_here("shorter", where_it_works("shorter", type(self)))

    def action_since(self) -> None:
        self._not_here("briefing_since", "the briefing")

    def _not_here(self, key_id: str, where: str) -> None:
        """A page key this page has no use for (`+` on an entity page, `t` outside the briefing): it did nothing."""
        spec = keymap.BY_ID[key_id]
        description = "since when" if key_id == "briefing_since" else spec.description
        self.notify(f"{keymap.first_key(key_id, getattr(self.app, 'user_keys', {}))} ({description}) works in {where}.",
                    severity="warning", timeout=4)

    # -- the article of the line under the cursor (a page that lists articles: m, f, o there) ----------------------

    LINE_HINT = "Put the cursor on an article first."  # said when m / f / o meet a line that is no article

    def line_article(self) -> int | None:
        """The article of the highlighted line, or None (a page with such lines overrides it)."""
        return None

    def flip_line_mark(self, field: str, yes: str, no: str, after=None) -> None:
        """m / f: mark the line's article (and so every copy of its text) in the library; `after` shows it here."""
        main, article_id = self.main_screen(), self.line_article()
        if main is None or article_id is None:
            self.notify(self.LINE_HINT, severity="warning")
            return
        if main.refuse_write(f"marked {yes if field == 'starred' else 'read/unread'}"):
            return
        if field == "read" and main.still_marking():  # an A's (z's) marks being written: m waits for them
            return
        article = main.lib.get(article_id)
        if article is None:
            return
        # Written by parts/marks.py's thread (and shown by `after` at once): on the UI thread the write waited for
        # the library's write lock while another program held it.
        value = not main.mark_of(article, field)
        main.set_mark(article_id, field, value, after=after)
        self.marks_changed_under()
        if after is not None:
            after()
        from tui.app.widgets.status import toast_title

        self.notify(f"Marked {yes if value else no}: {toast_title(line(article.title))}", markup=False)

    # -- A on a page that lists articles (the story view, the entity page): every article of it read ---------------

    def page_article_ids(self) -> list[int]:
        """Every article the page lists (a page with article lines overrides it)."""
        return []

    def action_mark_all_read(self) -> None:
        """A: every article of the page read (and every other record of each one's text, as `m` marks them), asking
        first above CONFIRM_ABOVE as the library does. It said A works in the library only."""
        import sqlite3

        from tui.app.parts.reader import CONFIRM_ABOVE
        from tui.store import StoreError

        main, ids = self.main_screen(), list(dict.fromkeys(self.page_article_ids()))
        if main is None or not ids or main.refuse_write("marked read") or main.still_marking():
            return
        from tui.store.twins import twins_of

        try:
            rows = main.lib.rows_by_id(ids)
            unread = sum(1 for r in rows if not main.marks.patch(r).read)
            every = list(dict.fromkeys(ids + [t for i in ids for t, _ in twins_of(main.lib, i)]))
        except (StoreError, sqlite3.DatabaseError) as exc:
            self.notify(could_not("read the articles' marks", exc), severity="warning",
                        markup=False)
            return
        articles = f"{unread:,} unread article{'s' if unread != 1 else ''} {self.UNREAD_OF}"
        if not unread:
            self.notify(f"Every article {self.UNREAD_OF} is read already.", timeout=3)
            return

        def mark(yes: bool | None = True) -> None:
            if not yes or main.still_marking():
                return
            if not main.marks.settle():  # an m still queued would be written after this
                self.notify("The library is busy (another program is writing): try again in a moment.",
                            severity="warning", timeout=4)
                return
            from tui.store.reader import mark_all_read_saving

            main.write_marks(unread, f"marking {unread:,} article{'s' if unread != 1 else ''} read",
                             lambda lib: mark_all_read_saving(lib, every), marked, (every, True), shown)

        def shown() -> None:  # the page's lines with the marks held (and the library's again if the write fails)
            if self in self.app.screen_stack:
                self.show_page_marks()

        def marked(changed: list[int]) -> None:
            # z (here, or in the library) marks just these unread again for UNDO_SECONDS: the page's A had no undo
            main.undo.keep_unread(changed)
            main.forget_ready()
            main.reload_list()  # the rows' marks and the stories' unread figures
            if main.articles.source is None or main.articles.source.kind != "stories":
                main.count_unread()  # (the stories list's comes with its reload: the one it holds is from before)
            if self in self.app.screen_stack:  # (the page may have been closed while they were written)
                self.show_page_marks()
                self.marks_changed_under()
            key = keymap.first_key("undo", getattr(self.app, "user_keys", {}))
            self.notify(f"Marked {unread:,} article{'s' if unread != 1 else ''} read — {key} undoes.")

        if unread > CONFIRM_ABOVE:
            from tui.app.dialogs import ConfirmDialog

            self.app.push_screen(ConfirmDialog(f"Mark the {articles} read?"), mark)
        else:
            mark()

    def action_undo(self) -> None:
        """z on a page that has `A` (the story view, the entity page): undo the last `A`, this page's or the library's,
        for UNDO_SECONDS after it, as in the library. A delete is undone in the library (z there)."""
        main = self.main_screen()
        if main is None or main.refuse_write("marked unread"):
            return
        if main.undo_mark_all(lambda: self.undone() if self in self.app.screen_stack else None):
            self.marks_changed_under()
            return
        if main.undo.saved is not None and main.undo.unread is None and time.monotonic() <= main.undo.until:
            back = keymap.first_key("back", getattr(self.app, "user_keys", {}))
            self.notify(f"{keymap.first_key('undo', getattr(self.app, 'user_keys', {}))} puts the deleted article "
                        f"back in the library: {back} goes back.", severity="warning", timeout=4)
            return
        self.notify("Nothing to undo.", severity="warning", timeout=3)

    def show_page_marks(self) -> None:
        """The page's article lines show the library's marks again (after A)."""

    def library_changed(self) -> None:
        """The page is shown again over a library another program may have changed meanwhile (back from an article
        opened from it; an article of it found gone): its article lines as the library has them. The story view
        reads its story again when it changed (story.follow_library)."""
        self.show_page_marks()

    def undone(self) -> None:
        """z's undo of an `A` (or of `m` on a story) is written: the page shows it."""
        self.show_page_marks()

    # A mark was given on a page over this one (m, A on the entity page over the story view): shown again, this page
    # shows the library's marks, not the ones it was left with. Only then: a story view opened anew reads its rows
    # once already, and a story of 1,000 articles takes 40-120 ms to read them again. (Back from an article opened
    # from a page: main._back_to_pages shows them.)
    marks_stale = False

    def on_screen_resume(self) -> None:
        if self.marks_stale:
            self.marks_stale = False
            self.show_page_marks()

    def marks_changed_under(self) -> None:
        """Marks were given on this page: the pages under it show them when they are shown again."""
        for screen in self.app.screen_stack:
            if isinstance(screen, PageScreen) and screen is not self:
                screen.marks_stale = True

    # n / N on a page that lists articles (the story view, the entity page): the list whose article lines ("a:ID",
    # marked ● when unread) they step through, and how the toasts name those articles
    UNREAD_LIST = ""
    UNREAD_OF = "on this page"

    def action_to_articles(self) -> None:
        """a (the story view, the entity page): the cursor to the first article line of UNREAD_LIST, the list scrolled
        so their heading ("Articles (N)") is at its top; pressed on an article line, back to the top of the list. The
        articles sat under the summary and what's new, reached only by paging (walk35)."""
        from tui.app.widgets.story_list import StoryList

        widget = self.query_one(self.UNREAD_LIST, StoryList)
        lines = [i for i in range(widget.option_count) if (widget.get_option_at_index(i).id or "").startswith("a:")]
        if not lines:
            self.notify(self.no_articles(), severity="warning", timeout=3)
            return
        heading = lines[0] - 1
        start = heading if heading >= 0 and widget.get_option_at_index(heading).disabled else lines[0]
        # there already (an article under the cursor, the heading as high as the list scrolls): back to the top (the
        # entity page's cursor starts on its first article, under the timeline)
        there = self.focused is widget and widget.highlighted in lines and widget.scroll_y >= widget.top_of(start)
        self.set_focus(widget)
        if there:
            widget.top()
            return
        widget.highlighted = lines[0]
        widget.show_from(start)

    def no_articles(self) -> str:
        """Why `a` found no article line here."""
        return "No articles on this page yet."

    def step_to_unread(self, step: int) -> None:
        """The cursor to the next (previous) article line marked unread (●) of UNREAD_LIST, below (above) the cursor
        there; from another pane, the first (last) of them; a toast when there is none."""
        from tui.app.widgets.story_list import StoryList

        widget = self.query_one(self.UNREAD_LIST, StoryList)
        lines = [i for i in range(widget.option_count)
                 if (widget.get_option_at_index(i).id or "").startswith("a:")]
        if not lines:
            return
        unread = [i for i in lines if widget.get_option_at_index(i).prompt.plain.startswith("●")]
        at = widget.highlighted if self.focused is widget and widget.highlighted is not None else None
        if at is None:
            ahead = unread if step > 0 else unread[::-1]
        else:
            ahead = [i for i in unread if i > at] if step > 0 else [i for i in reversed(unread) if i < at]
        if ahead:
            self.set_focus(widget)
            widget.highlighted = ahead[0]
            return
        if not unread:
            self.notify(f"Every article {self.UNREAD_OF} is read ({len(lines)} article{'s' if len(lines) != 1 else ''}).",
                        timeout=3)
            return
        other = keymap.first_key("previous_unread" if step > 0 else "next_unread", getattr(self.app, "user_keys", {}))
        where, back = ("below", "above") if step > 0 else ("above", "below")
        self.notify(f"No more unread articles {self.UNREAD_OF} {where}: {other} looks {back} ({len(unread)} unread).",
                    timeout=4)

    def open_line_link(self) -> None:
        """o: the link of the line's article in the browser (as `o` in the library)."""
        main, article_id = self.main_screen(), self.line_article()
        if main is None or article_id is None:
            self.notify(self.LINE_HINT, severity="warning")
            return
        main.open_link_of(article_id)

    # -- going to the main screen -------------------------------------------------------------

    def main_screen(self):
        """The main screen under this page."""
        from tui.app.screens.main import MainScreen

        return next((s for s in reversed(self.app.screen_stack) if isinstance(s, MainScreen)), None)

    def back_to_main(self):
        """Close every page above the main screen; returns it."""
        main = self.main_screen()
        while main is not None and self.app.screen is not main and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        return main

    def open_article(self, article_id: int) -> None:
        """Open an article in the main screen, as `enter` in the library does; esc / q there come back to this page
        (over the pages it was opened from), as it was (main.back_pages)."""
        main = self.main_screen()
        if main is None:
            return
        try:
            gone = not main.lib.rows_by_id([article_id])
        except Exception:  # a damaged library: opening it says why
            gone = False
        if gone:
            # (deleted by another program while the page was open: the pages were closed, the library shown with
            # "That article is no longer in the library", and the page lost)
            self.notify("That article is no longer in the library.", severity="warning")
            self.library_changed()
            return
        stack = self.app.screen_stack
        pages = [s for s in stack[stack.index(main) + 1:] if isinstance(s, PageScreen)]
        main.back_pages.hold(pages)
        self.back_to_main()
        main.open_article(article_id)
        if main.article is not None and main.article.id == article_id:
            main.back_pages.keep(pages)
        else:
            main.back_pages.let_go(pages)

    def open_person(self, name: str) -> None:
        """The entity page of a person (over this page)."""
        from tui.app.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(self.db_path, name))

    def filter_library(self, name: str, kind: str | None = None) -> None:
        """Back to the library, listing the articles that mention `name` (`kind`: its type key, if known)."""
        main = self.back_to_main()
        if main is not None:
            main.listing.stories = False
            main.set_filter("", name, kind)
            main.set_reading(False)
            main.notify(f"Library: articles that mention {line(name)} (esc clears)", markup=False)
