"""The library list: a Line API scroll view that renders only the visible rows (fine for 100k articles)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app import keymap
from tui.app.widgets.rows import RowSource
from tui.textsafe import clean


class ArticleList(ScrollView, can_focus=True):
    """Title, source, date and read/star marks; `enter` opens the article under the cursor."""

    BINDINGS = keymap.bindings(keymap.LIST)
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--meta",
        "article-list--star",
        "article-list--open",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Opened(Message):
        """The user chose an article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: RowSource | None = None
        self.open_id: int | None = None

    # -- data -------------------------------------------------------------------------------

    def load(self, source: RowSource, keep_id: int | None = None) -> None:
        """Show a new view of the library; the cursor stays on `keep_id` when it is still there."""
        self.source = source
        self.virtual_size = Size(self.size.width, len(source))
        index = source.index_of(keep_id) if keep_id is not None else None
        self.cursor = index if index is not None else 0
        if index is None:
            self.scroll_to(y=0, animate=False)
        self.refresh()

    def refresh_rows(self) -> None:
        """Re-read the visible rows (a mark changed)."""
        if self.source is not None:
            self.source.forget()
        self.refresh()

    @property
    def current(self):
        """The row under the cursor, or None for an empty list."""
        return self.source.row(self.cursor) if self.source else None

    # -- cursor -----------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        count = len(self.source) if self.source else 0
        return max(0, min(value, count - 1)) if count else 0

    def watch_cursor(self, value: int) -> None:
        height = self.scrollable_content_region.height or 1
        if value < self.scroll_y:
            self.scroll_to(y=value, animate=False)
        elif value >= self.scroll_y + height:
            self.scroll_to(y=value - height + 1, animate=False)
        self.refresh()

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

    def on_click(self, event) -> None:
        self.cursor = int(self.scroll_y) + event.y
        self.action_select()

    def on_resize(self) -> None:
        if self.source is not None:
            self.virtual_size = Size(self.size.width, len(self.source))

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        row = self.source.row(index) if self.source else None
        base = self.rich_style
        if row is None:
            if index == 0 and self.source is not None and len(self.source) == 0:
                return Strip([Segment(" No articles here.".ljust(width), base + self.get_component_rich_style("article-list--meta"))])
            return Strip.blank(width, base)
        text = self._row_text(row, width)
        if index == self.cursor:
            text.stylize(self.get_component_rich_style("article-list--cursor", partial=True))
        segments = list(text.render(self.app.console))
        return Strip(segments, width).crop_extend(0, width, base).apply_style(base)

    def _row_text(self, row, width: int) -> Text:
        meta_style = self.get_component_rich_style("article-list--meta", partial=True)
        title_style = self.get_component_rich_style(
            "article-list--read" if row.read else "article-list--unread", partial=True)
        marks = Text()
        marks.append("●" if not row.read else " ", title_style)
        marks.append("★" if row.starred else " ", self.get_component_rich_style("article-list--star", partial=True))
        marks.append(" ")
        date = (row.published or "")[:10]
        source = " ".join(clean(row.source or "").split())[:16]
        # Fixed-width columns so sources and dates line up; fewer columns as the pane narrows.
        if width >= 64:
            meta = f" {source:<16} {date:<10}"
        elif width >= 30:
            meta = f" {date[5:]:<5}"
        else:
            meta = ""
        room = max(4, width - len(marks) - len(meta))
        title = Text(clean(row.title).replace("\n", " "), title_style)
        title.truncate(room, overflow="ellipsis", pad=True)
        line = marks + title + Text(meta, meta_style)
        if row.id == self.open_id:
            line.stylize(self.get_component_rich_style("article-list--open", partial=True))
        line.truncate(width, pad=True)
        return line
