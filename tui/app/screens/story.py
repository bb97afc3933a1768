"""The story view: one event across outlets — its summary (each sentence with its source), what is new,
its articles, the quotes by speaker and the merged entities. Opened with `enter` in story mode (`v`)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.app import copytext, keymap
from tui.app.screens.page import PageScreen, line
from tui.app.widgets.entity_types import TYPES, type_of
from tui.app.widgets.pane import Pane
from tui.app.widgets.story_list import StoryList, heading
from tui.app.widgets.summary_items import Option


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


def _kept_now(lib, story_id: int):
    """read_story's answer when the story's summary is kept and the story unchanged (a few indexed reads on
    the UI thread), else None."""
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


def _where(source: str, day: str) -> str:
    return ", ".join(x for x in (line(source), (day or "")[:10]) if x)


VIEW = "story-view"  # the story view is installed under this name and kept between openings


def story_view(app, db_path, story_id: int, lib=None) -> "StoryScreen":
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
    screen.open(story_id, lib)
    return screen


class StoryScreen(PageScreen):
    """Summary · what's new · articles on the left; quotes by speaker and entities on the right.

    One screen is kept and shown again for each story (`story_view`); `open` says which story."""

    PANES = ("#story-pane", "#story-side")
    # m and f act on the article of the line under the cursor, as in the library (rebound keys follow)
    BINDINGS = [b for b in keymap.bindings(keymap.MAIN) if b.id in ("toggle_read", "star")]
    HINT = (("open", "open"), ("longer", "longer"), ("shorter", "shorter"),
            ("copy_summary", "copy"), ("copy_quotes", "quotes"), ("copy_markdown", "Markdown"), ("back", "back"))

    def __init__(self, db_path, story_id: int | None = None, lib=None) -> None:
        """`story_id`: the story to show (or call `open` later); `lib`: the UI thread's library, to show a kept
        summary at once (else everything is read in a worker)."""
        super().__init__(db_path)
        self.story_id: int | None = None
        self.sentences: int | None = None  # None: the engine's default length
        self.row = None
        self.summary = None
        self.entity_names: list[tuple[str, str]] = []
        self._pending = None  # what to show when the screen is mounted: ("kept", result) or ("read", None)
        if story_id is not None:
            self.open(story_id, lib)

    def open(self, story_id: int, lib=None) -> None:
        """Show this story: a kept summary at once (before the screen is pushed, so its first frame shows
        it), else "Reading the story…" while a worker reads it."""
        new = story_id != self.story_id
        self.story_id, self.sentences = story_id, None
        kept = _kept_now(lib, story_id) if lib is not None else None
        if not self.is_mounted:
            self._pending = ("kept", kept) if kept is not None else ("read", None)
            return
        if kept is not None:
            self.loaded(kept, "", new)
        else:
            self.row = self.summary = None
            self.query_one("#story-head", Static).update(Text("Reading the story…"))
            self.query_one("#story-pane").border_title = "Story"
            for selector in ("#story-text", "#story-quotes"):
                self.query_one(selector, StoryList).show_options([])
                self.query_one(selector, StoryList).top()
            self.load(read_story, self.story_id, self.sentences, False)
        if new:
            self.set_focus(self.query_one("#story-text"))

    def compose_panes(self) -> ComposeResult:
        with Pane(id="story-pane"):
            yield Static(Text("Reading the story…"), id="story-head")
            yield StoryList(id="story-text")
        with Pane(id="story-side"):
            yield StoryList(id="story-quotes")

    def on_mount(self) -> None:
        self.query_one("#story-pane").border_title = "Story"
        self.query_one("#story-side").border_title = "Quotes by speaker · entities"
        self.set_focus(self.query_one("#story-text"))
        super().on_mount()
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == "kept":  # opened before and unchanged since: in the first frame
            self.loaded(pending[1], "")
        elif pending is not None:
            self.load(read_story, self.story_id, self.sentences, False)  # sentence splits only: at once

    def loaded(self, result, error: str, new: bool = False) -> None:
        head = self.query_one("#story-head", Static)
        if error:
            head.update(Text(f"This story cannot be read: {error}", style="bold red"))
            return
        if result is None:
            head.update(Text("This story is no longer in the library (esc goes back).", style="bold"))
            return
        self.row, self.summary, rows = result
        self.show(rows)
        if new:
            for selector in ("#story-text", "#story-quotes"):
                self.query_one(selector, StoryList).top()
        if not self.summary.analysed:
            self.load(read_story, self.story_id, self.sentences, True)  # quotes and entities need analyses

    def show(self, rows: dict) -> None:
        """Fill both panes from `self.summary`; the cursors stay where they were when they can."""
        summary, row = self.summary, self.row
        count = len(summary.articles)
        # one line each (app.tcss cuts them with an ellipsis): a long title wrapped over the head's four lines
        # and hid the figures and the "analysing" line at 80x24; the outlets come last, as the part best cut
        head = Text(line(row.title) or "(untitled story)", style="bold")
        sources = ", ".join(line(s) for s in summary.sources[:6])
        more = f" and {len(summary.sources) - 6} more" if len(summary.sources) > 6 else ""
        span = " – ".join(dict.fromkeys(x[:10] for x in (summary.first or "", summary.last or "") if x))
        head.append("\n" + " · ".join(x for x in (
            f"{count} article{'s' if count != 1 else ''}", span,
            # "1 outlet (X)"; no outlet named: nothing ("0 outlets ()" said nothing either)
            f"{len(summary.sources)} outlet{'s' if len(summary.sources) != 1 else ''} ({sources}{more})"
            if summary.sources else "") if x), style="dim")
        if not summary.analysed:
            head.append("\n⏳ analysing its articles for quotes and entities…", style="bold")
        self.query_one("#story-head", Static).update(head)
        n = len(summary.sentences)
        self.query_one("#story-pane").border_title = f"Story · {n} sentence{'s' if n != 1 else ''}"
        text = [heading(f"Summary · {n} sentence{'s' if n != 1 else ''}")]
        marked, rest = summary.news()  # a new sentence the summary shows is marked "new" there, not repeated
        for number, sent in enumerate(summary.sentences):
            text.append(Option(self._sentence(number + 1, sent, (sent.article, sent.index) in marked), id=f"s:{number}"))
        if rest:
            text.append(heading("What's new"))
            for sent in rest:
                text.append(Option(self._sentence(None, sent), id=f"n:{summary.new.index(sent)}"))
        copies = getattr(summary, "copies", {}) or {}
        repeats = {c for cs in copies.values() for c in cs}
        text.append(heading(f"Articles ({count - len(repeats)})" if repeats else f"Articles ({count})"))
        for article_id in reversed(summary.articles):  # newest first, as in the library
            article = rows.get(article_id)
            if article is None or article_id in repeats:
                continue  # the same text from another outlet: one row with every outlet that printed it
            others = [rows[c] for c in copies.get(article_id, ()) if c in rows]
            unread = not article.read or any(not o.read for o in others)
            entry = Text(f"{'●' if unread else ' '} {line(article.title)}")
            if article.starred or any(o.starred for o in others):
                entry.append(" ★", style="bold")
            outlets = ", ".join(dict.fromkeys(line(x.source) for x in [article, *others] if line(x.source)))
            entry.append(f"  {_where(outlets, article.published or '')}", style="dim")
            if others:
                entry.append(f" · same text in {len(others) + 1} outlets", style="dim italic")
            text.append(Option(entry, id=f"a:{article_id}"))
        self._fill("#story-text", text)
        self._fill("#story-quotes", self._side())

    @staticmethod
    def _sentence(number: int | None, sent, new: bool = False) -> Text:
        out = Text(f"{number}. " if number else "• ")
        out.append(line(sent.text))
        out.append(f"\n   — {_where(sent.source, sent.day)}", style="dim italic")
        if new:
            out.append(" · new", style="bold")
        return out

    def _side(self) -> list[Option]:
        summary = self.summary
        out = [heading("Quotes by speaker")]
        if not summary.quotes:
            out.append(Option(Text("No quotes found yet.", style="dim"), disabled=True))
        for g, group in enumerate(summary.quotes):
            out.append(Option(Text(line(group.speaker) or "Unknown speaker", style="bold"), disabled=True))
            for q, quote in enumerate(group.quotes):
                entry = Text(f"“{line(quote.text)}”")
                outlets = ", ".join(line(x) for x in quote.sources[:4]) if len(quote.sources) > 1 else ""
                where = f"{outlets}, {quote.day[:10]}" if outlets else _where(quote.source, quote.day)
                entry.append(f"\n   — {where}", style="dim italic")
                out.append(Option(entry, id=f"q:{g}:{q}"))
        self.entity_names = []
        by_type: dict[str, list] = {}
        for entity in summary.entities:
            by_type.setdefault(type_of(entity.label), []).append(entity)
        if by_type:
            out.append(heading("Entities"))
        for key, _name, plural, _labels in TYPES:
            for number, entity in enumerate(by_type.get(key, [])):
                if number == 0:
                    out.append(Option(Text(plural, style="bold"), disabled=True))
                self.entity_names.append((key, entity.name))
                arts = entity.articles  # how many of the story's articles mention it
                entry = Text(line(entity.name))
                entry.append(f"  {entity.count}× in {arts} article{'s' if arts != 1 else ''}", style="dim")
                out.append(Option(entry, id=f"e:{len(self.entity_names) - 1}"))
        return out

    def _fill(self, selector: str, options: list[Option]) -> None:
        self.query_one(selector, StoryList).show_options(options)

    # -- keys -------------------------------------------------------------------------------

    def on_summary_list_option_selected(self, event: StoryList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
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
                self.filter_library(name)

    def _line_article(self) -> int | None:
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

    def action_toggle_read(self) -> None:
        self._flip("read", "read", "unread")

    def action_toggle_star(self) -> None:
        self._flip("starred", "starred", "unstarred")

    def _flip(self, field: str, yes: str, no: str) -> None:
        """Mark the line's article (and so every copy of its text) in the library, then show it here and
        in the library's list at once."""
        main, article_id = self.main_screen(), self._line_article()
        if main is None or article_id is None:
            self.notify("Put the cursor on a summary sentence, a quote or an article first.", severity="warning")
            return
        if main.refuse_write(f"marked {yes if field == 'starred' else 'read/unread'}"):
            return
        main.marks.settle()  # an open's read mark is written before it is toggled
        article = main.lib.get(article_id)
        if article is None:
            return
        value = not getattr(article, field)
        (main.lib.set_starred if field == "starred" else main.lib.set_read)(article_id, value)
        if main.article is not None and main.article.id == article_id:
            setattr(main.article, field, value)
        main.forget_ready()
        main.articles.refresh_rows()  # the library's rows and a story's unread figure, as the store has them
        main.count_unread()
        self.show({r.id: r for r in main.lib.rows_by_id(list(self.summary.articles))})  # the ● marks here
        self.notify(f"Marked {yes if value else no}: {line(article.title)[:60]}", markup=False)

    def _resize(self, step: int) -> None:
        if self.summary is None:
            return
        current = len(self.summary.sentences)
        wanted = max(1, current + step)
        if wanted == current or (step > 0 and current >= 40):
            return
        self.sentences = wanted
        self.load(read_story, self.story_id, self.sentences, True)

    def action_longer(self) -> None:
        self._resize(+1)

    def action_shorter(self) -> None:
        self._resize(-1)

    def _ready(self) -> bool:
        if self.summary is None:
            self.notify("Still reading the story; try again in a moment.", severity="warning")
            return False
        return True

    def action_copy_summary(self) -> None:
        if self._ready():
            self.copy(copytext.story_text(self.summary), "story summary")

    def action_copy_quotes(self) -> None:
        if self._ready():
            self.copy(copytext.story_quotes_text(self.summary), "story quotes")

    def action_copy_markdown(self) -> None:
        if self._ready():
            self.copy(copytext.story_markdown(self.row.title, self.summary), "story as Markdown")

