"""The briefing (`b`): the unread stories since a time, ranked by size and recency, each in two or three
sentences with their sources and the strongest quote. `enter` opens a story; `c`/`Y` copy it as Markdown."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.app import keymap
from tui.app.screens.page import PageScreen, line, outlet, title
from tui.app.widgets.pane import Pane
from tui.app.widgets.story_list import StoryList
from tui.app.widgets.summary_items import Option
from tui.cells import (NEW_KEY, NO_OUTLET, RANKED, count_words, cut, figures_problem, quote_where, said_where,
                       since_said, story_figures)
from tui.textsafe import clean
from tui.app.textual_fixes import closed_before_mount

SINCE = ("", "today", "24h", "3d", "1w")  # `t` cycles; "" is every unread story
LIMIT = 10
LONGEST = 6  # sentences a story at most (`+`)


@dataclass
class Gone:
    """A story of the briefing that left the library while the briefing was read: its heading, no sentence."""

    story: object
    sentences: tuple = ()
    quote: None = None




@dataclass
class Heading:
    """A story of the briefing before its sentences are read: what its first showing draws (read again: with what it
    showed before, its sentences and quote, until the new ones come)."""

    story: object  # tui.store.stories.StoryRow
    sentences: tuple = ()
    quote: object = None
    score: float = 0.0  # its rank (tui.store.stories.rank_score)
    marked: frozenset = frozenset()  # as BriefItem's: its lines marked "new", or said once (`note`)
    note: str = ""


def read_headings(lib, since: str):
    """(headings, since as an ISO day, how many unread stories there are since then): the briefing's stories, ranked,
    from the stored figures alone. Nothing is summarised, and neither the stemmer nor the story engine is loaded
    (their first load took ~1.2 s of the first `b` after start, the screen saying only "Putting the briefing
    together…"), so the screen lists its stories at once; read_one fills them in."""
    return read_briefing(lib, since)[:3]


def read_briefing(lib, since: str):
    """read_headings' (headings, since as an ISO day, how many unread stories) and why the stories' stored figures
    could not be read ("" when they could): a table of theirs dropped by another program while the app runs, a
    damaged page. The stories are then counted from their articles, and the briefing says so in one line (it said
    "10 unread stories" of 12, or "everything is read", and nothing of the damage)."""
    from tui.store.reader import unread_stories
    from tui.store.stories import ranked_unread, story_row

    if since:
        from tui.stories import parse_since

        day = parse_since(since)
    else:
        day = ""
    problems: list[str] = []
    # each with its outlets (story_row; the ranking's rows have none), as the summarised briefing shows them
    items = [Heading(story_row(lib, row.id) or row, score=score)
             for row, score in ranked_unread(lib, day, LIMIT, problems=problems)]
    total = len(items)
    if len(items) >= LIMIT and not problems:  # (the count is of the stored figures too: 0 when they are gone)
        total = unread_stories(lib, day)
    return items, day, total, problems[0] if problems else ""


@dataclass
class One:
    """One story of the briefing summarised (read_one): its place in the list and its item (None: it is gone)."""

    index: int
    item: object  # tui.stories.briefing.BriefItem | None


def read_one(lib, story, score: float, index: int, sentences: int, analyse: bool) -> One:
    """The briefing's story `index` (`story`, a StoryRow) summarised, alone: the screen fills its stories in one by
    one, best first, so the first shows its sentences while the others are read (all ten were read before any
    showed: over a minute at 100,000 articles, its first story 697 articles)."""
    from tui.stories.briefing import brief_item

    return One(index, brief_item(lib, story, score, sentences, analyse))


def _after_marks(lib, marks, since: str):
    """read_headings once the read marks queued (m in a story view opened from the briefing) are written; waits in
    the worker, never on the UI thread."""
    marks.settle()
    return read_briefing(lib, since)


def _where(source: str, day: str) -> str:
    """"Outlet, day" of a line; "no outlet, day" for an article without one, as `brief` says it (a bare date read as
    the sentence's)."""
    return said_where(outlet(source), line(day or ""))  # the database is untrusted


class BriefingScreen(PageScreen):
    """One pane: a heading per story, its sentences with sources, its strongest quote."""

    PAGE_NAME = "the briefing"
    OPENED_BY = "briefing"  # the library key that opens it: pressed here, it says so

    PANES = ("#briefing-pane",)
    KEY_NAMES = {**PageScreen.KEY_NAMES,
                 "copy_summary": "Copy the briefing as Markdown", "copy_markdown": "Copy the briefing as Markdown",
                 "copy_quotes": "Copy the briefing's quotes", "longer": "More sentences a story",
                 "shorter": "Fewer sentences a story", "open": "Open the story of the line",
                 "toggle_read": "Mark the line's story read: all its articles (it leaves the briefing)",
                 "undo": f"Undo the last m or mark all read ({keymap.UNDO_SAID}): the story comes back"}
    # m marks the line's story read, as m on a story of the stories list: a story read in the briefing stayed in it
    # (m said it works elsewhere), and the next `b` showed it again (rebound keys follow); z undoes it (walk33: a
    # slip of m lost the story's unread marks, the story gone from the screen)
    BINDINGS = [b for b in keymap.bindings(keymap.MAIN) if b.id in ("toggle_read", "undo")]
    HINT = (("open", "open story"), ("toggle_read", "mark read"), ("briefing_since", "since"),
            (("longer", "shorter"), "sentences"), (("copy_summary", "copy_markdown"), "Markdown"),
            ("copy_quotes", "quotes"), ("back", "back"))
    HINT_NARROW = (("open", "open"), ("toggle_read", "read"), ("briefing_since", "since"),
                   (("longer", "shorter"), "length"), (("copy_summary", "copy_markdown"), "Markdown"),
                   ("copy_quotes", "quotes"), ("back", "back"))

    def __init__(self, db_path) -> None:
        super().__init__(db_path)
        self.since = SINCE[0]
        self.sentences = 3
        self.items: list = []
        self.day = ""
        self._version: int | None = None  # the library's data_version when the briefing was last read
        # what was read last: 0 the headings (read_headings), 1 the sentences, 2 with the analyses' quotes
        self._stage = 0
        self._total = 0  # unread stories since the day (the head's "10 of 24")
        self._shown_ids: list[int] = []  # the story of each "b:N:…" line shown, by N (where the cursor was: _anchor)
        self._problem = ""  # why the stories' stored figures could not be read (read_briefing), said under the head

    def compose_panes(self) -> ComposeResult:
        with Pane(id="briefing-pane"):
            yield Static(Text("Putting the briefing together…"), id="briefing-head")
            yield StoryList(id="briefing-list", help="The unread stories, biggest and latest first: each with its "
                            "central sentences and its strongest quote. enter on any of its lines opens the story.")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#briefing-pane").border_title = "Briefing"
        self.set_focus(self.query_one("#briefing-list"))
        super().on_mount()
        self.reload()

    def reload(self) -> None:
        """Read the briefing again: at once from what is analysed, then complete."""
        self._version = self._data_version()
        # The stories' headings first (read_headings), then each story's sentences, one story at a time. Read again
        # (t, +/-, m, back from a story), a story still in the briefing shows what it showed until its new reading
        # comes (the re-reading summarised all ten stories before it showed any).
        main = self.main_screen()
        self._stage = 0
        if main is not None and main.marks.pending:
            self.load(_after_marks, main.marks, self.since)
        else:
            self.load(read_briefing, self.since)

    def _data_version(self) -> int | None:
        from tui.store.changes import data_version

        main = self.main_screen()
        try:
            return data_version(main.lib) if main is not None else None
        except Exception:  # a damaged library: the briefing says so when it reads
            return None

    def on_screen_resume(self) -> None:
        """Back from a story opened from the briefing: an article marked read or unread there (m) changes the
        stories' unread figures and which stories are in it; the briefing showed them as they were."""
        if self._version is None:
            return  # not read yet (the first showing reads it)
        main = self.main_screen()
        if (main is not None and main.marks.pending) or self._data_version() != self._version:
            self.reload()

    def loaded(self, result, error: str) -> None:
        head = self.query_one("#briefing-head", Static)
        if error:
            head.update(Text(f"The briefing cannot be made: {error}", style="bold red"))
            return
        if isinstance(result, One):  # one story more summarised: shown, then the next
            if result.index < len(self.items):
                old = self.items[result.index]
                self.items[result.index] = result.item if result.item is not None else Gone(old.story)
            self._show(head)
            self._next_one(result.index + 1)
            return
        items, self.day, self._total, self._problem = result
        shown = {item.story.id: item for item in self.items if item.sentences}
        for item in items:  # read again: what a story showed stays until its new reading comes
            old = shown.get(item.story.id)
            if isinstance(item, Heading) and old is not None:
                item.sentences, item.quote = tuple(old.sentences), old.quote
                item.marked, item.note = getattr(old, "marked", frozenset()), getattr(old, "note", "")
        self.items = items
        self._show(head)
        if self.items:  # the headings: each story's sentences next, one story at a time
            self._stage = 1
            self._next_one(0)

    def _next_one(self, index: int) -> None:
        """Read the briefing's story `index` (read_one), or, past the last, move on to the next stage: the analyses
        for the quotes after the sentences; nothing after them."""
        if index >= len(self.items):
            if self._stage == 1:
                self._stage = 2
                index = 0
            else:
                return
        if not self.items:
            return
        item = self.items[index]
        self.load(read_one, item.story, getattr(item, "score", 0.0), index, self.sentences, self._stage == 2)

    def _show(self, head: Static) -> None:
        total = self._total
        n = len(self.items)
        # "10 of 24 unread stories": the briefing shows the LIMIT best (it said "10 stories · all unread stories");
        # the words of `brief`'s count line (tui.stories.briefing.count_line)
        waiting = sum(isinstance(x, Heading) for x in self.items)  # how far the summarising has come
        count = Text.assemble((count_words(n, total), "bold"), f" since {since_said(self.day)}" if self.day else "",
                              (f" · {RANKED}" if n else "", "dim"))
        progress = (f"summarising… {n - waiting} of {n} done" if waiting and waiting < n
                    else "summarising…" if waiting else "")
        if progress:
            # on the count's line when the whole fits the head, else on a line of its own: at 80 columns the words
            # wrapped there and left "done" alone on the next line (walk33)
            width = head.content_size.width
            apart = width and count.cell_len + 3 + len(progress) > width
            count.append(("\n" if apart else " · ") + progress, "dim")
        if self._problem:
            count.append("\n" + figures_problem(self._problem), "bold red")
        head.update(count)
        options: list[Option] = []
        if not self.items:
            # what to do next (it said "No unread stories." and nothing else)
            keys = getattr(self.app, "user_keys", {})
            if self.day:  # what t brings next (it said "all unread stories" at every step: t from "today" is 24h)
                wider = SINCE[(SINCE.index(self.since) + 1) % len(SINCE)] if self.since in SINCE else ""
                hint = (f"No unread stories since {since_said(self.day)}: "
                        f"{keymap.first_key('briefing_since', keys)} widens the "
                        f"time ({'since ' + wider if wider else 'all unread stories'}).")
            elif self._problem:  # (not "everything is read": the head says what could not be read)
                hint = (f"No unread story could be read. {keymap.first_key('stories', keys)} in the library lists "
                        "the stories that can be.")
            elif self._library_empty():  # (it said "everything is read" of an empty library)
                hint = (f"No articles yet: {keymap.first_key('add', keys)} in the library adds a file or folder; "
                        f"{keymap.first_key('feeds', keys)}, then {keymap.first_key('add_feed', keys)}, subscribes "
                        "to a feed. Their stories are briefed here.")
            else:
                hint = (f"No unread stories: everything is read. {keymap.first_key('refresh', keys)} fetches new "
                        f"articles from your feeds and folders; {keymap.first_key('stories', keys)} in the library "
                        "lists every story, read or not.")
            options.append(Option(Text(hint), disabled=True))
        from tui.stories.briefing import marks_new

        keyed = False
        for number, item in enumerate(self.items, 1):
            story = item.story
            entry = Text(f"{number}. {title(story.title)}", style="bold")
            # as every view heads a story (the days cut from an untrusted database; six outlets, then "+N more")
            entry.append("\n" + story_figures(story.rows, story.first, story.last, story.sources, unread=story.unread),
                         style="dim")
            marked, note = getattr(item, "marked", frozenset()), getattr(item, "note", "")
            if note:  # nearly all of it new: said once, no line marked (as the story view says it)
                entry.append(f"\n{line(note)}", style="italic")
            if not keyed and marks_new(item):
                # what its "new" marks mean (new against a story's earlier reports, not "unread": walk33 read a line
                # again, unmarked, and took "new" for unread), once, under the first story that marks a line, as
                # `brief` and its Markdown say it; nowhere when none does (walk36: the head said it whatever was
                # marked). The story's entry is made again when its lines come: nothing below moves for it alone
                entry.append("\n" + NEW_KEY, style="dim italic")
                keyed = True
            options.append(Option(entry, id=f"b:{number - 1}:0", indent=len(f"{number}. ")))
            if isinstance(item, Heading) and not item.sentences:  # the headings alone: their sentences come next
                options.append(Option(Text("summarising…", style="dim italic"), id=f"b:{number - 1}:1", indent=2))
            for part, sent in enumerate(item.sentences, 1):
                entry = Text(f"• {line(sent.text)} ")
                keep = len(entry.plain)  # "(Outlet, date)" not broken across two lines
                entry.append(f"({_where(sent.source, sent.day)}", style="dim italic")
                if (sent.article, sent.index) in marked:  # new against the story's earlier reports (the latest
                    # development's among them): "(Outlet, date, new)", as `brief` and the story view say it
                    entry.append(", new", style="bold")
                entry.append(")", style="dim italic")
                options.append(Option(entry, id=f"b:{number - 1}:{part}", indent=2, keep=keep))  # under the text
            if item.quote is not None:
                # after the writer's words that lead into it (plain: they are not what was said), if any
                lead = item.quote.lead
                words = f"{line(lead)} " if lead else ""
                entry = Text(f"{words}“{line(item.quote.text)}” ", style="italic")
                if words:
                    entry.stylize("not italic", 0, len(words))
                keep = len(entry.plain)  # "— Speaker" whole
                entry.append(f"— {cut(item.quote.speaker) or 'unknown'}", style="bold")
                # where it was said, as the story view's quotes say it (the line named no outlet)
                entry.append(f" ({quote_where(item.quote)})", style="dim italic")
                options.append(Option(entry, id=f"b:{number - 1}:q", indent=0 if lead else 1, keep=keep))
        widget = self.query_one("#briefing-list", StoryList)
        anchor = self._anchor(widget)
        widget.show_options(options)
        self._shown_ids = [item.story.id for item in self.items]
        if anchor is not None:
            target = self._line_of(anchor, options)
            if target is not None and target != widget.highlighted:
                widget.highlighted = target

    def _anchor(self, widget) -> tuple[int, str, int] | None:
        """(the story, its line: "0" its heading, "1".. a sentence, "q" its quote; its place) under the cursor, as last
        shown. The cursor kept its line NUMBER when the briefing was read again: back from the story whose last unread
        article was read there (the story left the briefing), or as a story's "summarising…" line became its
        sentences, it landed on another story's line, wherever the new reading put it."""
        if widget.highlighted is None or widget.highlighted >= widget.option_count:
            return None
        parts = (widget.get_option_at_index(widget.highlighted).id or "").split(":")
        if len(parts) != 3 or parts[0] != "b" or not parts[1].isdigit() or int(parts[1]) >= len(self._shown_ids):
            return None
        return self._shown_ids[int(parts[1])], parts[2], int(parts[1])

    def _line_of(self, anchor: tuple[int, str, int], options: list) -> int | None:
        """The line for the cursor after a new reading: the same line of the same story; its heading when that line
        is not there now; the story gone (read), the heading of the story that took its place (the next), or of the
        last one."""
        story_id, part, place = anchor
        ids = [item.story.id for item in self.items]
        if not ids:
            return None
        if story_id in ids:
            number = ids.index(story_id)
        else:
            number, part = min(place, len(ids) - 1), "0"
        where = {o.id: i for i, o in enumerate(options) if o.id}
        return where.get(f"b:{number}:{part}", where.get(f"b:{number}:0"))

    def _library_empty(self) -> bool:
        """The library holds no article at all (the stored count: one row)."""
        main = self.main_screen()
        try:
            return main is not None and main.lib.count() == 0
        except Exception:  # a damaged library: the usual hint
            return False

    @property
    def headings_only(self) -> bool:
        """The briefing shows a story's heading alone (read_headings): its sentences are being read."""
        return any(isinstance(x, Heading) for x in self.items)

    def on_summary_list_option_selected(self, event: StoryList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
        if kind == "b" and rest:
            from tui.app.screens.story import push_story, story_view

            main, story = self.main_screen(), self.items[int(rest.split(":")[0])].story
            push_story(self.app, story_view(self.app, self.db_path, story.id, main.lib if main is not None else None,
                                            story.title))

    def line_story(self):
        """The story (StoryRow) of the highlighted line, or None."""
        widget = self.query_one("#briefing-list", StoryList)
        if widget.highlighted is None:
            return None
        kind, _, rest = (widget.get_option_at_index(widget.highlighted).id or "").partition(":")
        number = rest.split(":")[0]
        if kind != "b" or not number.isdigit() or int(number) >= len(self.items):
            return None
        return self.items[int(number)].story

    def action_toggle_read(self) -> None:
        """m: every article of the line's story read (unread if all are read already); the briefing is read again,
        without it."""
        story, main = self.line_story(), self.main_screen()
        if story is None or main is None:
            self.notify("Put the cursor on a story first.", severity="warning", timeout=3)
            return
        main.mark_story(story.id, story.title, after=self._marked)

    def _marked(self) -> None:
        if self.is_attached:
            self.reload()

    def undone(self) -> None:
        self._marked()  # the stories z marked unread again are in the briefing again

    def action_since(self) -> None:
        self.since = SINCE[(SINCE.index(self.since) + 1) % len(SINCE)]
        self.notify(f"Briefing: {'since ' + self.since if self.since else 'all unread stories'}", timeout=2)
        self.reload()

    def action_longer(self) -> None:
        if self.sentences < LONGEST:
            self.sentences += 1
            self._length_said()
            self.reload()
        else:  # at the end: say so, not nothing
            self.notify(f"Longest summaries: {LONGEST} sentences a story.", timeout=2)

    def action_shorter(self) -> None:
        if self.sentences > 1:
            self.sentences -= 1
            self._length_said()
            self.reload()
        else:
            self.notify("Shortest summaries: one sentence a story.", timeout=2)

    def _length_said(self) -> None:
        """+ / - say what they set (nothing on the page shows the length but the count of each story's lines)."""
        n = self.sentences
        self.notify(f"Briefing summaries: {n} sentence{'s' if n != 1 else ''} a story", timeout=2)

    def markdown(self) -> str:
        """The briefing as Markdown, every line cleaned of control codes."""
        from tui.stories import briefing_markdown

        text = briefing_markdown(self.items, since=self.day, total=self._total)  # `brief --format md`'s count line
        return "\n".join(clean(x) for x in text.splitlines()) + "\n"

    def action_copy_summary(self) -> None:
        self.action_copy_markdown()

    def action_copy_markdown(self) -> None:
        if self.headings_only:
            self.notify("The briefing is still being summarised: copy it in a moment.", severity="warning", timeout=3)
        elif self.items:
            self.copy(self.markdown(), "briefing as Markdown", self._command())
        else:
            self.notify("Nothing to copy: the briefing is empty.", severity="warning")

    def action_copy_quotes(self) -> None:
        if self.headings_only:
            self.action_copy_markdown()  # (says to wait)
            return
        from tui.stories import briefing_quotes

        self.copy(briefing_quotes(self.items), "briefing quotes", self._command(quotes=True))

    def _command(self, quotes: bool = False) -> str:
        """The command that prints what was copied (named in the copy toast): this briefing, or its quotes."""
        # (the length is named for the quotes too: a story's quote is one its sentences do not hold already)
        return ("newsreader brief" + (f" --since {self.since}" if self.since else "")
                + (f" --sentences {self.sentences}" if self.sentences != 3 else "")
                + (" --quotes" if quotes else " --format md"))
