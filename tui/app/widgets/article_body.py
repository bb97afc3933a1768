"""The article pane: header and body as wrapped lines (Line API), entity highlights, a marked span.

Article text is untrusted: it only ever becomes `rich.text.Text` (never markup) and control
characters are blanked before drawing, keeping every character offset the engine's spans use.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app import keymap
from tui.app.widgets.direct import DirectLines
from tui.app.widgets.focus_style import QuietFocus
from tui.app.widgets.scrollbar import QuickScrollBars
from tui.app.widgets.entity_types import KEYS as TYPE_KEYS, type_style, type_of
from tui.app.widgets.runs import StyleRuns, text_segments
from tui.app.widgets.scroll_size import content_width, quiet_virtual_size, relayout_if_needed
from tui.app.widgets.wrap import wrap_spans
from tui.textsafe import clean, even_width

WORDS_PER_MINUTE = 230


def safe_same_length(text: str) -> str:
    """`text` with every unsafe character replaced by a space, and every character terminals and Textual measure
    differently (an emoji's skin tone) by a zero-width non-joiner, so span offsets stay valid."""
    text = even_width(text, keep_length=True)
    if clean(text) == text:
        return text
    return "".join(ch if clean(ch) == ch else " " for ch in text)


EMPTY_HINT = ("No article open: enter opens what the library's cursor is on; / searches the library; a adds articles (a file, "
              "a folder or a web page's URL).")  # (a first run showed the samples and no word of adding one's own)


def story_hint(keys: dict[str, str]) -> str:
    """The empty pane's words in the stories list (`v`), in the user's keys: the keys that act on the story under the
    cursor there (parts/story_keys.py), where EMPTY_HINT's "enter opens what the library's cursor is on" named none."""
    from tui.app.keymap import first_key

    def k(action: str) -> str:
        return first_key(action, keys).replace("⏎", "enter")  # (a word in a sentence, as EMPTY_HINT's)

    return (f"No story open: {k('open')} opens the story under the cursor. On it, {k('copy_summary')}/"
            f"{k('copy_quotes')}/{k('copy_markdown')} copy its summary, its quotes by speaker, it as Markdown; "
            f"{k('open_link')} opens its latest article's link; {k('reanalyse')} makes its summary again; "
            f"{k('toggle_read')} marks it read. {k('stories')} lists the articles again.")


def header_lines(article, open_key: str = "o") -> list[tuple[str, str]]:
    """(text, style name) lines above the body: title, source/byline/date, words/reading time, tags, feed and link."""
    words = len(article.body.split())
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    # a title, source, byline, feed or link is cut at its own width: a feed that calls itself anything (a title
    # of 500 characters) filled the header of every one of its articles, and at 80x24 the body did not show
    # the title at HEADER_TITLE_CELLS (a feed item's 2,000-character title filled the pane), a source's, byline's or
    # feed's name at NAME_CELLS (tui.cells: not imported at start-up, an article is opened later)
    from tui.cells import HEADER_TITLE_CELLS, cut as _cut, published_label, source_and_byline

    source, byline = source_and_byline(article.source, article.byline)  # "Green Ledger Staff" names the source too
    # the time its feed gave, on the reader's clock ("2026-12-06 18:45"), else its day; an undated article, when it was
    # added, said so ("added 2026-12-07 10:28": the list sorts and dates it by that, marked "~")
    when = published_label(article.published, getattr(article, "published_at", None), getattr(article, "added_at", None))
    where = " · ".join(x for x in (_cut(source), _cut(byline), when) if x)
    lines = [(_cut(article.title, HEADER_TITLE_CELLS), "title")]
    if where:
        lines.append((even_width(clean(where)), "meta"))
    also = [_cut(s) for s in getattr(article, "outlets", ())[1:] if s]  # the same text from other outlets (twins.py)
    if also:
        lines.append((even_width(clean("Same text also in: " + ", ".join(also))), "meta"))
    feed = getattr(article, "feed", "")  # set by the screen when a feed delivered the article
    # a feed's item of a few lines whose page was not read (full text off and its page failed, or shorter): the
    # feed's summary, not the article (feeds39: it read as a two-line article); `o` opens the page
    from tui.sources.parse import TEASER_WORDS

    if feed and article.url and words < TEASER_WORDS:
        lines.append((f"{words:,} words · the feed's summary only: {open_key} opens the article", "meta"))
    else:
        lines.append((f"{words:,} words · {minutes} min read", "meta"))
    if article.tags:
        lines.append(("Tags: " + ", ".join(_cut(t) for t in article.tags), "meta"))
    if feed or article.url:
        link = " · ".join(x for x in (f"Feed: {_cut(feed)}" if feed else "", _cut(article.url or "", URL_CELLS)) if x)
        lines.append((even_width(clean(link)), "meta"))
    gone = getattr(article, "file_gone", None)  # set by the screen: a watched file it came from, gone from its folder
    if gone:
        import os

        lines.append((even_width(clean(f"File gone: {_cut(os.path.basename(gone[0]))} (the article is kept)")), "meta"))
    return lines


URL_CELLS = 200  # an article's link in the header at most (`o` opens the whole of it)


def _piece(text: Text, start: int, end: int) -> Text:
    """text[start:end] without trailing spaces (Text.rstrip works in place)."""
    piece = text[start:end] if end > start else Text("")
    piece.rstrip()
    return piece


class Layout:
    """An article laid out for one width and palette (see ArticleBody.prepare)."""

    def __init__(self, article, look, text, lines, runs, drawn) -> None:
        self.article, self.look, self.width = article, look, look[0]
        self.text, self.lines, self.runs, self.drawn = text, lines, runs, drawn
        self.strips: dict[int, Strip] = {}

    def fits(self, body: "ArticleBody") -> bool:
        """Whether the pane would lay the article out and draw it the same way now."""
        return self.look == body._look() and not body.marked


class ArticleBody(QuietFocus, QuickScrollBars, DirectLines, ScrollView, can_focus=True):
    """Shows one article; `show_types` picks which entity types are highlighted."""

    BINDINGS = keymap.bindings(keymap.ARTICLE)
    HELP = ("The article with its entities highlighted, one colour per type (see the legend). "
            "e turns highlights off and on; 1-6 toggle one type each.")
    COMPONENT_CLASSES = {
        "article-body--title",
        "article-body--meta",
        "article-body--mark",
    }
    MARK_SECONDS = 4.0  # a jumped-to sentence stays marked this long, or until the next move

    virtual_size = quiet_virtual_size()
    auto_links = Reactive(False)  # plain text, no links (and see direct.py)
    FOCUS_RULES = False  # no :focus rule in app.tcss (see focus_style.QuietFocus)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = None
        self.entities = []
        self.highlights = True
        self.hidden_types: set[str] = set()
        self.marked: tuple[int, int] | None = None
        self._mark_timer = None
        self.drawn: list[tuple[str, str]] = []  # (entity type, text) of each highlight now drawn
        self._strips: dict[int, Strip] = {}  # drawn lines, until the next rebuild
        self._palette: tuple = ()
        self._render_base = None  # (style, width) while render_lines runs
        # Header lines are Text; body lines are (start, end) into the body, drawn on demand.
        self._lines: list = []
        self._text = ""
        self._runs = StyleRuns([])
        self._width = 0
        self.empty_hint = EMPTY_HINT  # what the pane says with no article open (story_hint in the stories list)
        self.open_key = "o"  # the key that opens an article's link, as the user bound it (a summary-only header names it)

    def on_mount(self) -> None:
        self.open_key = keymap.first_key("open_link", getattr(self.app, "user_keys", None) or {})

    # -- content ----------------------------------------------------------------------------

    def show(self, article, entities=(), ready: "Layout | None" = None) -> None:
        """Display an article (entities may follow later with `set_entities`).

        `ready` is a layout made earlier by `prepare` for this article and entities; it is used
        when it still fits (same width and colours), which makes showing it almost free.
        """
        self.article = article
        self.entities = list(entities)
        self.marked = None
        if ready is not None and ready.article is article and ready.fits(self):
            self._adopt(ready)
        else:
            self._rebuild()
        self.scroll_to(y=0, animate=False)

    def prepare(self, article, entities=()) -> "Layout":
        """Lay out an article ahead of `show`, and draw its first screen of lines."""
        width = self._content_width()
        text = safe_same_length(article.body)
        lines = self._header(article, width) + self._body_lines(text, width)
        runs, drawn = self._runs_for(text, list(entities))
        layout = Layout(article, self._look(), text, lines, runs, drawn)
        base = self.rich_style
        for number in range(min(len(lines), self.size.height)):
            layout.strips[number] = self._draw(layout.lines[number], text, runs, width, base)
        return layout

    def clear(self) -> None:
        self.article = None
        self.entities = []
        self.marked = None
        self._rebuild()

    def set_empty_hint(self, text: str) -> None:
        """What the pane says with no article open: laid out again at once when it shows."""
        if text != self.empty_hint:
            self.empty_hint = text
            if self.article is None:
                self._rebuild()
                self.refresh()

    def set_entities(self, entities) -> None:
        self.entities = list(entities)
        self._restyle()

    def set_highlights(self, on: bool, hidden: set[str]) -> None:
        self.highlights = on
        self.hidden_types = set(hidden)
        self._restyle()

    def type_style(self, kind: str):
        """The highlight style of an entity type: its own background and text colour (entity_types.COLOURS)."""
        return type_style(kind)

    def mark(self, start: int, end: int) -> None:
        """Mark body[start:end] and scroll so it is in view, a little below the top."""
        self.marked = (start, end)
        self._restyle()
        line = self.line_of(start)
        if line is not None:
            self.scroll_to(y=max(0, line - 2), animate=False)
        if self._mark_timer is not None:
            self._mark_timer.stop()
        self._mark_timer = self.set_timer(self.MARK_SECONDS, self.unmark)

    def unmark(self) -> None:
        """Clear the mark (the next move, or MARK_SECONDS after it was set)."""
        if self._mark_timer is not None:
            self._mark_timer.stop()
            self._mark_timer = None
        if self.marked is not None:
            self.marked = None
            self._restyle()

    def line_of(self, offset: int) -> int | None:
        """The display line holding body character `offset`."""
        found = None
        for number, line in enumerate(self._lines):
            if isinstance(line, Text):
                continue
            if line[0] > offset:
                break
            found = number
        return found

    def place(self) -> int:
        """Where the reader is: the body offset of the top line shown (0 at the top, and at the end, when
        the article has been read through)."""
        if int(self.scroll_y) >= self.max_scroll_y:
            return 0
        return self._top_offset()

    def _top_offset(self) -> int:
        """The body offset of the top line shown (0 when the pane is at the top or shows no body line there)."""
        top = int(self.scroll_y)
        if top <= 0:
            return 0
        for line in self._lines[top:top + 3]:  # the top line, or the next line with text
            if not isinstance(line, Text):
                return line[0]
        return 0

    def go_to_place(self, offset: int) -> None:
        """Scroll so the body line holding `offset` is the top line (see `place`)."""
        line = self.line_of(offset) if offset > 0 else None
        if line is None:
            return
        if line <= self.max_scroll_y:
            self.scroll_to(y=line, animate=False)
        else:  # not laid out at this size yet (the pane was hidden, as at a narrow width): after the layout
            article = self.article

            def later() -> None:
                if self.article is article:  # not another article opened meanwhile
                    self.scroll_to(y=line, animate=False)

            self.call_after_refresh(later)

    def line_text(self, number: int) -> str:
        """Plain text of one display line (for tests and debugging)."""
        if not 0 <= number < len(self._lines):
            return ""
        line = self._lines[number]
        return line.plain if isinstance(line, Text) else self._text[line[0]:line[1]]

    # -- layout -----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Highlight colours come from the theme: redraw when they change (not on every focus change).
        palette = self._current_palette()
        if palette is None:  # styles not computed yet (still composing): _look asks again
            return
        if palette != self._palette:
            self._palette = palette
            if self.article is not None:
                self._rebuild()

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        relayout_if_needed(self, old, new)

    def on_resize(self) -> None:
        if content_width(self) != self._width:
            top = self._top_offset()  # the text at the top stays there: lines of another width, another line number
            self._rebuild()
            if top:
                self.go_to_place(top)

    def _current_palette(self) -> tuple | None:
        """The highlight styles now (None while the component styles are not computed yet)."""
        try:
            return tuple(self.get_component_rich_style(name, partial=False) for name in sorted(self.COMPONENT_CLASSES))
        except KeyError:
            return None

    def _look(self) -> tuple:
        """What a layout depends on besides the article: width, colours, which highlights show."""
        if not self._palette:
            # Styled only while composing (the screen had its width class from the start: no restyle after), the
            # pane has no palette yet; without it here, the first focus change found a new one and laid out again
            # the article just opened from the layout prepared ahead.
            self._palette = self._current_palette() or ()
        return (self._content_width(), self._palette, self.rich_style, self.highlights, frozenset(self.hidden_types))

    def _content_width(self) -> int:
        return max(10, content_width(self) or 80)

    def _rebuild(self) -> None:
        """Lay out the lines for the current width, then apply the highlights."""
        width = self._content_width()
        self._width = width
        self._lines = []
        if self.article is not None:
            self._text = safe_same_length(self.article.body)
            self._lines = self._header(self.article, width) + self._body_lines(self._text, width)
        else:  # nothing open (a wide screen shows this pane from the start): say how to fill it, not a blank pane
            self._text = ""
            hint = Text(self.empty_hint, self.get_component_rich_style("article-body--meta", partial=True))
            self._lines = [_piece(hint, a, b) for a, b in wrap_spans(self.empty_hint, max(1, width))]
        self.virtual_size = Size(width, len(self._lines))
        self._restyle()

    def _adopt(self, layout: "Layout") -> None:
        self._width, self._text, self._lines = layout.width, layout.text, layout.lines
        self._runs, self.drawn, self._strips = layout.runs, layout.drawn, dict(layout.strips)
        self.virtual_size = Size(layout.width, len(layout.lines))
        self.refresh()

    def _restyle(self) -> None:
        """Recompute which characters are highlighted (no re-layout: lines are cut when drawn)."""
        self._runs, self.drawn = self._runs_for(self._text, self.entities, self.marked)
        self._strips = {}
        self.refresh()

    def _runs_for(self, body: str, entities, marked=None) -> tuple[StyleRuns, list[tuple[str, str]]]:
        """The highlight runs over `body`, and (type, text) of every highlight drawn."""
        drawn, spans, styles = [], [], {}
        if self.highlights:
            for ent in entities:
                kind = type_of(ent.label)
                if kind not in self.hidden_types and 0 <= ent.start < ent.end <= len(body):
                    style = styles.get(kind) or styles.setdefault(kind, self.type_style(kind))
                    spans.append((ent.start, ent.end, style))
                    drawn.append((kind, body[ent.start:ent.end]))
        mark_style = self.get_component_rich_style("article-body--mark", partial=True) if marked else None
        return StyleRuns(spans, marked, mark_style), drawn

    def _header(self, article, width: int) -> list:
        out: list = []
        for text, style in header_lines(article, self.open_key):
            styled = Text(text, self.get_component_rich_style(f"article-body--{style}", partial=True))
            for a, b in wrap_spans(text, width):
                out.append(_piece(styled, a, b))
        out.append(Text(""))
        return out

    @staticmethod
    def _body_lines(body: str, width: int) -> list:
        """(start, end) of every wrapped body line; an empty Text for the blank line between paragraphs."""
        lines: list = []
        for para in re.finditer(r"[^\n]+", body):
            if lines and body[max(0, para.start() - 2):para.start()] == "\n\n":
                lines.append(Text(""))
            base = para.start()
            for a, b in wrap_spans(para.group(), width):
                end = base + a + len(body[base + a:base + b].rstrip())
                lines.append((base + a, end))
        return lines

    # -- drawing ----------------------------------------------------------------------------

    def render_lines(self, crop):
        # The widget's style and width are the same for every line of one render: look them up
        # once (rich_style walks up the DOM; per line it was ~40% of drawing an empty pane).
        self._render_base = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._render_base = None

    def render_line(self, y: int) -> Strip:
        number = int(self.scroll_y) + y
        base, width = self._render_base or (self.rich_style, self.scrollable_content_region.width)
        if not 0 <= number < len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(number)
        if strip is None or strip.cell_length != width:
            strip = self._draw(self._lines[number], self._text, self._runs, width, base)
            self._strips[number] = strip
        return strip

    def _draw(self, line, text: str, runs: StyleRuns, width: int, base) -> Strip:
        """One display line as a strip: a header Text, or body[start:end] cut into style runs."""
        if isinstance(line, Text):
            segments = text_segments(line, self.app.console)
        else:
            segments = runs.segments(text, *line)
        return Strip(segments).crop_extend(0, width, base).apply_style(base)

    # -- keys -------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.unmark()
        self.scroll_relative(y=1, animate=False)

    def action_cursor_up(self) -> None:
        self.unmark()
        self.scroll_relative(y=-1, animate=False)

    def action_first(self) -> None:
        self.unmark()
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        self.unmark()
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.unmark()
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.unmark()
        self.scroll_page_up(animate=False)
