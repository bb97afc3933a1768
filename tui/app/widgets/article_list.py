"""The library list: a Line API scroll view that renders only the visible rows (fine for 100k articles)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app import keymap
from tui.app.widgets.focus_style import QuietFocus
from tui.app.widgets.readable import readable
from tui.app.widgets.scrollbar import QuickScrollBars
from tui.app.widgets.rows import RowSource
from tui.store.query import wordless
from tui.textsafe import clean, even_width


def date_span(first: str, last: str) -> str:
    """A story's dates in at most 17 cells, its first year written out: "2013-10-22", "2013-10-22–29" (one month),
    "2013-10-22–11-03" (one year), else "13-10-22–14-01-03" (it was always that form: "13-10-22–13-10-29", the
    year hard to tell from the day)."""
    if first == last or not first:
        return last
    if len(first) == len(last) == 10 and first[:4] == last[:4]:
        return f"{first}–{last[8:]}" if first[:7] == last[:7] else f"{first}–{last[5:]}"
    return f"{first[2:]}–{last[2:]}"


def short_day(day: str, this_year: str) -> str:
    """A day ("2026-01-15") in at most 5 cells: "01-15" in `this_year` (the stories list: its latest story's year,
    StorySource.newest_year), the year alone in another ("2024"); anything else cut to 5."""
    if len(day) == 10 and day[4] == "-":
        return day[5:] if day[:4] == this_year else day[:4]
    return day[:5]


def age(day: str, today: str) -> str:
    """How long ago a day ("2026-01-15") was, seen from `today`, in at most 4 cells: "0d" to "13d", then weeks to "8w",
    months to "11mo", then years ("2y"); a day after `today` (a wrong clock, a feed's future date) is "0d"; anything
    else ("", "Tuesday 3rd") is ""."""
    from datetime import date

    try:
        days = (date.fromisoformat(today[:10]) - date.fromisoformat(day[:10])).days
    except ValueError:
        return ""
    days = max(0, days)
    if days < 14:
        return f"{days}d"
    if days < 60:
        return f"{days // 7}w"
    if days < 365:
        return f"{min(11, days // 30)}mo"
    return f"{min(99, days // 365)}y"


class ArticleList(QuietFocus, QuickScrollBars, ScrollView, can_focus=True):
    """Title, source, date and read/star marks; `enter` opens the article under the cursor."""

    BINDINGS = keymap.bindings(keymap.LIST)
    HELP = ("Your library, newest first (O: by title, source or length; best match first while searching). "
            "● unread, ★ starred. u: all / unread / starred; T: a tag; v: as stories. "
            "enter opens; / searches as you type (other forms of a word too, \"words in quotes\" as a phrase; enter "
            "there goes to the results, the cursor on the best match, and enter again opens it; ↓ / ↑ there pick a "
            "result, enter opens it at once); esc clears the search and filters.")
    def pane_help(self) -> str:
        """What help (`?`) says first about this pane: the library's HELP or, in story mode, the stories list's keys
        (as the user bound them): there the keys of "the article" act on the story under the cursor."""
        if not getattr(getattr(self.screen, "listing", None), "stories", False):
            return self.HELP
        overrides = getattr(self.app, "user_keys", {})

        def k(*ids: str) -> str:
            return " / ".join("enter" if key == "⏎" else key for key in (keymap.first_key(i, overrides) for i in ids))

        return ("The stories: one row per event, the story with the latest article first; ● unread articles in it. "
                f"{k('open')} opens the story. On the story under the cursor, as in the story view: "
                f"{k('copy_summary', 'copy_quotes', 'copy_markdown')} copy its summary, its quotes by speaker, its "
                f"Markdown; {k('open_link')} opens its latest article's link; {k('reanalyse')} makes its summary "
                f"again (its articles analysed again); {k('toggle_read')} marks its articles read; "
                f"{k('next_unread', 'previous_unread')}: the next / previous story with unread articles. "
                f"{k('delete')} deletes an article: open the story, then the article. {k('stories')}: the articles.")
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--cursor-focus",
        "article-list--unread",
        "article-list--read",
        "article-list--meta",
        "article-list--star",
        "article-list--open",
    }

    # repaint=False: watch_cursor redraws the two rows that change (a reactive's own repaint redrew the
    # whole list on every move: 45 rows composed and written for j at 200x50)
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    FOCUS_RULES = False  # no :focus rule in app.tcss (see focus_style.QuietFocus)

    class Opened(Message):
        """The user chose an article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class Rested(Message):
        """The cursor has stayed on a row for a moment (the screen may get that article ready)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    REST = 0.03  # seconds without a move before Rested

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: RowSource | None = None
        self.open_id: int | None = None
        self.marks = None  # parts/marks.py's ReadMarks: rows show the marks queued and not written yet
        self._styles: dict[str, Style] | None = None
        self._strips: dict[tuple, Strip] = {}
        self._rest_timer = None
        self._source_fit: tuple[tuple, int] | None = None  # (the rows shown, width) -> the source column's cells

    # -- data -------------------------------------------------------------------------------

    def load(self, source: RowSource, keep_id: int | None = None, near: int | None = None) -> None:
        """Show a new view of the library; the cursor stays on `keep_id` when it is still there, else, given `near`
        (the row a deleted article was on), on the row that took its place (the last row when it was the last),
        else on the first row."""
        self.source = source
        self._source_fit = None
        self.virtual_size = Size(self.size.width, len(source))
        index = source.index_of(keep_id) if keep_id is not None else None
        if index is None and near is not None and len(source):
            index = min(max(near, 0), len(source) - 1)
        self.cursor = index if index is not None else 0
        if index is None:
            self.scroll_to(y=0, animate=False)
        self.refresh()

    def refresh_rows(self) -> None:
        """Re-read the visible rows (a mark changed)."""
        if self.source is not None:
            self.source.forget()
        self._strips.clear()
        self._source_fit = None
        self.refresh()

    def set_open(self, article_id: int) -> None:
        """Underline the open article and show it read, redrawing only the rows that change.

        (refresh_rows would re-read the page and redraw every visible row: a third of the
        cost of opening an article.)
        """
        old, self.open_id = self.open_id, article_id
        if self.source is None or self.source.kind != "articles":
            return
        for ident in {old, article_id} - {None}:
            index = self.source.index_of(ident)
            if index is None:
                # a copy (opened from the story view, a person's page, the briefing): its text's row is
                # another record's, which the store marks read with it and which shows it open
                index = self.source.index_of_copy(ident)
            if index is None:
                continue  # not in a loaded page, so not on screen
            row = self.source.row(index)
            if row is not None and (row.id == article_id or article_id in (row.twins or ())):
                row.read = True  # the store was updated by the caller; keep the cached row in step
            self.refresh_line(index)

    def _is_open(self, row) -> bool:
        """The row is the open article's, or the open article is a copy of its text (opened from the story view)."""
        open_id = self.open_id
        return open_id is not None and (row.id == open_id or open_id in (row.twins or ()))

    @property
    def current(self):
        """The row under the cursor, or None for an empty list."""
        return self.source.row(self.cursor) if self.source else None

    # -- cursor -----------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        count = len(self.source) if self.source else 0
        return max(0, min(value, count - 1)) if count else 0

    def watch_cursor(self, old: int, value: int) -> None:
        # Hidden (the narrow reading view; `n` moves the cursor there), the list has no region: the height it
        # had, and will have when shown again, decides whether the cursor is still on screen (height 1 put
        # every row the cursor moved to on the top line).
        height = self.scrollable_content_region.height or self.container_size.height or 1
        if value < self.scroll_y:
            self.scroll_to(y=value, animate=False)
        elif value >= self.scroll_y + height:
            self.scroll_to(y=value - height + 1, animate=False)
        else:
            # Only the two rows that changed are redrawn (scrolling redraws everything anyway).
            self.refresh_line(old)
            self.refresh_line(value)
        self._await_rest()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new) and not self.size:
            # Hidden, ScrollView's repaint covers `self.size.region`, empty: the lines drawn before the
            # scroll would be shown again as they were (same size, so nothing else clears them).
            self.refresh()

    def _await_rest(self) -> None:
        """Post Rested once the cursor stops moving (every move restarts the wait)."""
        if self._rest_timer is not None:
            self._rest_timer.stop()
        self._rest_timer = self.set_timer(self.REST, self._rested)

    def _rested(self) -> None:
        self._rest_timer = None
        row = self.current
        if row is not None:
            self.post_message(self.Rested(row.id))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.source) - 1 if self.source else 0

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row.id))

    def watch_has_focus(self, has_focus: bool) -> None:
        # The cursor row is the only one whose look depends on focus (its own component class,
        # not a :focus rule, which would restyle and redraw every row).
        super().watch_has_focus(has_focus)
        self.refresh_line(self.cursor)

    def on_click(self, event) -> None:
        self.cursor = int(self.scroll_y) + event.y
        self.action_select()

    def on_resize(self) -> None:
        if self.source is not None:
            self.virtual_size = Size(self.size.width, len(self.source))

    # -- drawing ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._strips.clear()

    def _style(self, name: str) -> Style:
        # Component styles are looked up once per theme/CSS change, not once per row.
        if self._styles is None:
            base = self.rich_style
            parts = {n: self.get_component_rich_style(f"article-list--{n}", partial=True)
                     for n in ("unread", "read", "meta", "star", "open")}
            # The open row's underline is added on top of whatever the row has (the cursor's colours
            # too): base + open would bring the pane's background back and punch a hole in the cursor.
            self._styles_open = parts["open"]
            # Full (not partial) so the theme's translucent cursor colours are blended, as in OptionList.
            for cursor in ("cursor", "cursor-focus"):
                # (its colours raised to 4.5:1 where the theme's are below: readable.py)
                parts[cursor] = readable(self.get_component_rich_style(f"article-list--{cursor}", partial=False))
            self._styles = {"base": base, **{n: base + style for n, style in parts.items()}}
            for n in ("unread", "read", "meta", "star"):
                for cursor in ("cursor", "cursor-focus"):
                    self._styles[f"{n}+{cursor}"] = self._styles[n] + parts[cursor]
        return self._styles[name]

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        row = self.source.row(index) if self.source else None
        if row is None:
            if self.source is not None and len(self.source) == 0:
                hint = _wrapped(self._empty_hint(), width)  # on as many lines as it takes (it was cut at the edge)
                if index < len(hint):
                    return Strip([Segment(set_cell_size(hint[index], width), self._style("meta"))], width)
            return Strip.blank(width, self._style("base"))
        cursor = ("+cursor-focus" if self.has_focus else "+cursor") if index == self.cursor else ""
        story = self.source.kind == "stories"
        if self.marks is not None and not story:
            self.marks.patch(row)
        elif self.marks is not None and self.marks.waiting:
            unread = self.marks.story_unread(row.id, row.unread)  # an A of every story, or a z, being written
            if unread != row.unread:
                from dataclasses import replace

                row = replace(row, unread=unread)  # (the cached row keeps its stored figure)
        cells = 0 if story else self._source_cells(width)
        key = ((row.id, row.unread, row.rows, row.notes_only, cursor, "story", width, self.source.newest_year(), _today()) if story else
               (row.id, row.read, row.starred, cursor, self._is_open(row), width, cells,
                _today() if row.published_at or not row.published else ""))  # "18:45" today, a day tomorrow
        strip = self._strips.get(key)
        if strip is None:
            strip = self._story_strip(row, width, cursor) if story else self._row_strip(row, width, cursor, cells)
            if len(self._strips) > 512:
                self._strips.clear()
            self._strips[key] = strip
        return strip

    def _empty_hint(self) -> str:
        if self.source.kind == "stories":
            return " No stories yet: they form as articles are added (v shows articles)."
        if wordless(self.source.search):  # "(", an emoji alone (query.wordless)
            return " No searchable word: a search needs letters or digits (esc clears)."
        if getattr(self.source, "feed", None) or self.source.search.strip() or self.source.entity or self.source.tag:
            if self.source.view != "all":  # the view is remembered: a search in it alone was "Nothing matches"
                key = keymap.first_key("view", getattr(self.app, "user_keys", {}))
                return f" No {self.source.view} article matches ({key} changes the view; esc clears)."
            return " Nothing matches (esc clears)."
        if self.source.view != "all":
            key = keymap.first_key("view", getattr(self.app, "user_keys", {}))
            return f" No {self.source.view} articles ({key} changes the view)."
        keys = getattr(self.app, "user_keys", {})
        # the keys as bound (it said "press a" whatever a was bound to), and the feeds too: news comes from them
        return (f" No articles yet: {keymap.first_key('add', keys)} adds a file or folder; "
                f"{keymap.first_key('feeds', keys)}, then {keymap.first_key('add_feed', keys)}, subscribes to a feed.")

    def _story_strip(self, row, width: int, tail: str) -> Strip:
        """One story: unread count, best title, then articles/outlets and the date range."""
        title_style = self._style(("unread" if row.unread else "read") + tail)
        first, last = clean(row.first or "")[:10], clean(row.last or "")[:10]  # the database is untrusted
        span = date_span(first, last)
        from tui.cells import ADDED_MARK, outlets_count  # (not imported at start-up)

        outlets = outlets_count(row.outlets)  # no article of the story names its source: "–", not "0 src"
        # a story of notes only (no article has a date of its own): its days are when they were added, marked "~" as
        # the library marks such an article's date ("~2026-12-07", "~12-07", "~3d")
        mark = ADDED_MARK if row.notes_only else ""
        # the dates first, right-aligned against the counts: the counts stay one column and the last days line up,
        # and a one-day story's title gets the cells a range needs (17 were kept for every row). Every count says
        # what it counts ("3 art 4 src"): the narrower forms showed "3/4" and "3", articles or outlets or unread?
        # Below 76 cells the last day is its month and day ("01-15"; in another year than the latest story's: the year
        # alone) and the counts two digits wide: at 120x40 the title had 10 cells of a 32-cell row, the dates and
        # counts 17. Below 44 cells the last day is how long ago it was ("3d", "2w", "10mo", "2y": at most 4 cells, as
        # against the 5 of "01-15" and 6 of "Dec 14"): the title keeps 15 of those 32 cells (the day left it none at
        # all for a while, then 14 with "01-15"), and the row still says when, which nothing else in the list did.
        year = self.source.newest_year()
        if width >= 76:
            meta = f" {mark}{span} {row.rows:>3} art {outlets:>2} src"
        elif width >= 44:
            meta = f" {mark + short_day(last, year):>5} {row.rows:>2} art" + (f" {outlets:>2} src" if width >= 56 else "")
        elif width >= 30:
            meta = f" {mark + age(last, _today()):>4} {row.rows:>2} art"
        else:
            meta = ""
        # "●3", as an article row's unread dot: a bare number leading each row read like the row's own number
        count = str(row.unread) if row.unread < 1000 else "1k+"
        unread = f"{'●' + count:>4} " if row.unread > 0 else "     "  # never "●-5"
        room = max(4, width - len(unread) - cell_len(meta))
        title = even_width(" ".join(clean(row.title or "").split())) or "(untitled story)"
        if cell_len(title) > room:
            title = set_cell_size(title, room - 1) + "…"
        segments = [
            Segment(unread, self._style("star" + tail) if row.unread else title_style),
            Segment(set_cell_size(title, room), title_style),
            Segment(meta, self._style("meta" + tail)),
        ]
        return Strip(segments).crop_extend(0, width, self._style("base"))

    def _source_cells(self, width: int) -> int:
        """The source column's width for the rows on screen: the longest source they show, within the cells a
        width keeps for it (SOURCE_CELLS). A fixed 12 cells at 200 columns (a 69-cell pane) cut "Coast Courier"
        and every longer name on every row; 16 at 80 columns cut "Kellmouth Evening Post"."""
        low, high = source_cells_range(width)
        if high == 0:
            return 0
        first, height = int(self.scroll_y), self.scrollable_content_region.height
        key = (id(self.source), first, height, width)
        if self._source_fit is not None and self._source_fit[0] == key:
            return self._source_fit[1]
        longest = low
        for index in range(first, min(first + height, len(self.source))):
            row = self.source.row(index)
            if row is not None:
                longest = max(longest, _source_need(row))
        cells = min(longest, high)
        self._source_fit = (key, cells)
        return cells

    def _row_strip(self, row, width: int, tail: str, cells: int = 0) -> Strip:
        """One row as segments: unread dot, star, title (cut to fit), then source and date columns (the source
        column `cells` wide, see _source_cells)."""
        # tail: "" or the cursor's style suffix ("+cursor" / "+cursor-focus").
        title_style = self._style(("read" if row.read else "unread") + tail)
        if self._is_open(row):
            title_style += self._styles_open  # set by _style (title_style came from it)
        # Its day; one whose feed gave a time, that time's day on the reader's clock, or today its time alone, "18:45";
        # an undated article, when it was added (it sorts by it), marked "~" (tui.cells.row_date)
        date = (row.published or "")[:10]
        if row.published_at or not row.published:
            from tui.cells import row_date  # (not imported at start-up)

            date = row_date(row, _today())
        source = even_width(" ".join(clean(row.source or "").split()))
        # Fixed-width columns so sources and dates line up; fewer columns as the pane narrows. Dates
        # keep their year (2-digit below 44 columns); a cut source ends in an ellipsis.
        if width >= 56:
            meta = f" {_fit_source(source, row.outlets, cells or source_cells_range(width)[1])} {date:<10}"
        elif width >= 44:
            meta = f" {date:<10}"
        elif width >= 30:
            from tui.cells import narrow_date

            meta = f" {narrow_date(date):<8}"
        else:
            meta = ""
        room = max(4, width - 3 - cell_len(meta))
        title = even_width(" ".join(clean(row.title).split()))
        if cell_len(title) > room:
            title = set_cell_size(title, room - 1) + "…"
        segments = [
            Segment("●" if not row.read else " ", title_style),
            Segment("★" if row.starred else " ", self._style("star" + tail)),
            Segment(" ", title_style),
            Segment(set_cell_size(title, room), title_style),
            Segment(meta, self._style("meta" + tail)),
        ]
        return Strip(segments).crop_extend(0, width, self._style("base"))


def _today() -> str:
    """Today's date on the local clock ("2026-12-06"): the narrow story rows' ages count from it (a row drawn
    yesterday is drawn again: the day is in its key)."""
    from datetime import date

    return date.today().isoformat()


def _wrapped(text: str, width: int) -> list[str]:
    """`text` (one leading space) in lines of at most `width` cells, broken between words, each line but the
    first indented like it."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else f" {word}"
        if line and cell_len(candidate) > width:
            lines.append(line)
            candidate = f" {word}"
        line = candidate
    return [*lines, line] if line else lines


SOURCE_CELLS = (8, 20)  # the source column: at least 8 cells, at most 20 ("The Washington Post" is 19) ...
TITLE_SHARE = 0.6  # ... and no more than leaves the title 60 % of the row (the 12 / 16 cells it always had are kept)


def source_cells_range(width: int) -> tuple[int, int]:
    """The fewest and most cells the source column takes in a row `width` cells wide; (0, 0): no source column
    (below 56 cells the row shows the title and the date alone)."""
    if width < 56:
        return 0, 0
    # the row: dot, star, space (3), the title, a space, the source, a space, the date (10)
    high = min(SOURCE_CELLS[1], max(16 if width >= 72 else 12, width - 3 - 12 - int(width * TITLE_SHARE)))
    return min(SOURCE_CELLS[0], high), high


def _source_need(row) -> int:
    """The cells `row`'s source cell needs whole: its name, and " +N" when it stands for other outlets' copies."""
    need = cell_len(even_width(" ".join(clean(row.source or "").split())))
    return need + len(f" +{len(row.outlets) - 1}") if len(row.outlets) >= 2 else need


def _fit_source(source: str, outlets: tuple[str, ...], cells: int) -> str:
    """The source cell: "Name +1" when the row stands for the same text from other outlets (store/twins.py),
    the name cut before the count so the count always shows."""
    if len(outlets) < 2:
        return _fit(source, cells)
    more = f" +{len(outlets) - 1}"
    return _fit(_fit(source, cells - len(more)).rstrip() + more, cells)


def _fit(text: str, cells: int) -> str:
    """`text` padded or cut to `cells` terminal cells; a cut ends in an ellipsis."""
    if cell_len(text) > cells:
        return set_cell_size(text, cells - 1) + "…"
    return set_cell_size(text, cells)
