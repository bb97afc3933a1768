"""The entity page: one person across the library — articles over time, who appears with them, and
everything they are quoted as saying. Opened with `enter` on a person in an entities list."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from tui.app import copytext, keymap
from tui.app.screens.page import PageScreen, line, outlet, title
from tui.app.widgets.entity_types import TYPES, type_of
from tui.app.widgets.pane import Pane
from tui.app.widgets.story_list import StoryList, heading
from tui.app.widgets.summary_items import Option
from tui.cells import outlets_line, printed_where
from tui.cells import cut
from tui.app.textual_fixes import closed_before_mount

BAR = 24  # cells of the longest month bar


def read_person(lib, name: str):
    """The Person (tui.stories.who) for `name`, from the analyses already stored; None if unknown."""
    from tui.stories import who

    return who(lib, name)


def read_person_page(lib, name: str):
    """(Person, {article id: ArticleRow}) for the page: the person and their articles' rows (their read and starred
    marks, shown on the article lines); None if unknown."""
    import sqlite3

    person = read_person(lib, name)
    if person is None or not hasattr(person, "articles"):  # unknown, or a Several (one word of several names)
        return person
    try:
        return person, _rows(lib, person)
    except sqlite3.DatabaseError:  # a damaged page: the person as who() read it, the lines without marks
        return person, {}


def _rows(lib, person) -> dict:
    ids = [a["id"] for a in person.articles if type(a.get("id")) is int]
    return {r.id: r for r in lib.rows_by_id(ids)}


GAP_ROWS = 2  # empty months (days) in a row drawn as empty bars; a longer run is one "… N months without articles …"
DAY_SPAN = 31  # dated articles all within this many days of each other: a bar per day (a month's one bar said nothing)


def _month_number(month: str) -> int | None:
    """Months since year 0 of a "YYYY-MM", None for anything else (an undated or malformed day)."""
    year, dash, number = month.partition("-")
    if dash and len(year) == 4 and year.isdigit() and len(number) == 2 and number.isdigit() and 1 <= int(number) <= 12:
        return int(year) * 12 + int(number) - 1
    return None


def _day_number(day: str) -> int | None:
    """The ordinal of a "YYYY-MM-DD", None for anything else (an undated or malformed day)."""
    from datetime import date

    if len(day) != 10 or not day[:4].isdigit():
        return None
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def _day_name(number: int) -> str:
    from datetime import date

    return date.fromordinal(number).isoformat()


def timeline_of(days: list[str]) -> tuple[list[tuple[str, int]], str]:
    """The articles' (month, count) bars and "months", or (day, count) and "days" when every dated article is within
    DAY_SPAN days of the others: the morning's people were all one bar, "2026-12 ████ 6", over three days of news."""
    numbers = [n for n in (_day_number(d[:10]) for d in days) if n is not None]
    if numbers and max(numbers) - min(numbers) <= DAY_SPAN:
        return sorted(Counter(d[:10] for d in days).items()), "days"
    return sorted(Counter(d[:7] for d in days).items()), "months"


def timeline_rows(timeline: list[tuple[str, int]], unit: str = "months") -> list[tuple[str | None, int]]:
    """The timeline's (month, articles) with the months between them that have none: up to GAP_ROWS of them as
    (month, 0), a longer run as (None, months in it). A year between two bars was invisible. Articles whose day
    is empty or not a date (the database is untrusted) are one "undated" row after the months. `unit` "days": the
    same by day ("2026-12-04")."""
    number, name = ((_day_number, _day_name) if unit == "days" else
                    (_month_number, lambda m: f"{m // 12:04d}-{m % 12 + 1:02d}"))
    rows: list[tuple[str | None, int]] = []
    before = None
    undated = 0
    for month, count in timeline:
        at = number(month)
        if at is None:
            undated += count
            continue
        if before is not None and at - before > 1:
            empty = at - before - 1
            if empty > GAP_ROWS:
                rows.append((None, empty))
            else:
                rows.extend((name(m), 0) for m in range(before + 1, at))
        rows.append((month, count))
        before = at
    return rows + [("undated", undated)] if undated else rows


def _where(source: str, day: str) -> str:
    return ", ".join(x for x in (outlet(source), line(day)[:10]) if x)


def _quote_where(quote: dict) -> str:
    """"Outlet, date" under a quote, every outlet that printed the same words named (as the story view and `newsreader
    who` name them): a quote printed by two outlets was credited to one of them."""
    sources = [x for x in quote.get("sources") or [] if line(x)]
    return printed_where(outlets_line(sources, 4) if len(sources) > 1 else outlet(quote.get("source", "")),
                         line(quote.get("day", ""))[:10])


class PersonScreen(PageScreen):
    """Articles over time (a bar per month) and the articles on the left; quotes and co-occurring entities on the right."""

    PAGE_NAME = "the entity page"
    ARTICLE_LINES = True

    PANES = ("#person-pane", "#person-side")
    KEY_NAMES = {**PageScreen.KEY_NAMES,
                 "copy_summary": "Copy their quotes", "copy_quotes": "Copy their quotes",
                 "copy_markdown": "Copy the page as Markdown",
                 "toggle_read": "Mark the line's article read / unread", "star": "Star / unstar the line's article",
                 "open_link": "Open the line's article's link in the browser ($BROWSER)",
                 "next_unread": "Next unread article of the page (enter opens it)",
                 "previous_unread": "Previous unread article of the page",
                 "mark_all_read": "Mark every article on this page read (asks above 20)",
                 "undo": f"Undo the last mark all read ({keymap.UNDO_SAID})",
                 "to_articles": "Their articles (under the timeline): the cursor to the first; again: to the top"}
    # m, f and o act on the article of the line under the cursor (an article or a quote), as in the story view (they
    # said they work in the library, the article view and the story view only); n / N go to the page's next /
    # previous unread article line, as in the story view (they said "works in ... the story view, not on this page"
    # beside article lines marked ●) (rebound keys follow)
    BINDINGS = [b for b in keymap.bindings(keymap.MAIN)
                if b.id in ("toggle_read", "star", "open_link", "next_unread", "previous_unread", "mark_all_read",
                            "undo")] + keymap.bindings(keymap.ARTICLE_PAGES)
    UNREAD_LIST = "#person-articles"
    LINE_HINT = "Put the cursor on an article or a quote first."
    # (m and f in 80 columns too: "open the article / entity" left no room for them; o as well)
    # (tab, to the other pane, as the story view's: walk35)
    # (a, to the articles under the timeline, as the story view's: at 80 columns in the place of `o` and `Y`)
    HINT = (("open", "open"), ("next_pane", "next pane"), ("to_articles", "articles"),
            (("copy_summary", "copy_quotes"), "copy quotes"), ("copy_markdown", "Markdown"),
            (("toggle_read", "star"), "marks"), ("open_link", "link"), (("next_unread", "previous_unread"), "unread"),
            ("back", "back"))
    HINT_NARROW = (("open", "open"), ("next_pane", "pane"), ("to_articles", "articles"),
                   (("copy_summary", "copy_quotes", "copy_markdown"), "copy"), (("toggle_read", "star"), "marks"),
                   ("open_link", "link"), (("next_unread", "previous_unread"), "unread"), ("back", "back"))
    HINT_NARROWEST = tuple((("copy_summary", "copy_quotes"), "copy") if part[1] == "copy" else part
                           for part in HINT_NARROW if part[0] != "open_link")

    def __init__(self, db_path, name: str) -> None:
        super().__init__(db_path)
        self.entity_name = name
        self.person = None
        self.several: list[str] = []  # the people a word of several names names (Several), in the lines' order
        self.rows: dict = {}  # article id -> ArticleRow (its read / starred marks)
        self.together: list[tuple[str, str]] = []
        self._following = False  # the page is being read again (follow_library): the cursors stay on their lines

    def compose_panes(self) -> ComposeResult:
        with Pane(id="person-pane"):
            yield Static(Text(f"Looking up {line(self.entity_name)}…"), id="person-head")
            yield StoryList(id="person-articles", help="The articles that mention this person, newest first; enter "
                            "opens one.")
        with Pane(id="person-side"):
            yield StoryList(id="person-quotes", help="What this person is quoted as saying, newest first (enter opens "
                            "the article), and who appears with them (enter: a person's page, else the articles).")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        # a long name is cut with an ellipsis (it was cut at 40 characters with none, as if that were all of it)
        # (plain text: a border title given as a string is read as markup, and a name "[/]" stopped the app)
        self.query_one("#person-pane").border_title = Content(f"Person · {cut(self.entity_name, 40)}")
        self.query_one("#person-side").border_title = "Quotes · appears with"
        self.set_focus(self.query_one("#person-articles"))
        super().on_mount()
        self.load(read_person_page, self.entity_name)

    def loaded(self, result, error: str) -> None:
        head = self.query_one("#person-head", Static)
        if error:
            head.update(Text(f"This page cannot be built: {line(error)}", style="bold red"))
            return
        if result is None:
            gone = self.person is not None  # shown, then every article of theirs removed (follow_library)
            head.update(Text(f"{line(self.entity_name)} is {'no longer' if gone else 'not'} in any analysed article"
                             f"{'' if gone else ' yet'} (esc goes back).", style="bold"))
            if gone:
                self.person, self.rows, self.together = None, {}, []
                for selector in ("#person-articles", "#person-quotes"):
                    self.query_one(selector, StoryList).show_options([])
            self._following = False
            return
        if not isinstance(result, tuple) and hasattr(result, "people"):  # a Several: the people to pick from
            self._show_several(result)
            return
        self.several = []
        person, rows = result if isinstance(result, tuple) else (result, {})  # (a Person alone: no marks known)
        self.person = person
        main = self.main_screen()
        self.rows = {i: main.marks.patch(r) for i, r in rows.items()} if main is not None else rows  # queued marks
        text = Text(cut(person.name), style="bold")  # names cut with "…" as the summary pane cuts them
        aliases = [cut(a) for a in person.aliases if line(a) and line(a) != line(person.name)]
        n = len(self._shown_articles())  # a text printed by two outlets once, as the library and story view count it
        capped = getattr(person, "capped", False)  # more articles than the page lists (walk34: "500 articles" of 655)
        total = len(person.all_days) if capped else n
        text.append(f"\n{total} article{'s' if total != 1 else ''}" + (f" (the newest {n} listed and quoted)" if capped
                    else "") + f" · {len(person.quotes)} quote{'s' if len(person.quotes) != 1 else ''}", style="dim")
        if aliases:
            text.append(f" · also {', '.join(aliases[:4])}", style="dim")
        if person.skipped:  # the library is damaged: say what the page could not read, as `newsreader who` says it
            k = len(person.skipped)
            text.append(f"\nskipped {k} article{'s' if k != 1 else ''} on damaged pages (`newsreader doctor` says "
                        f"how to recover)", style="bold red")
        head.update(text)
        left = [heading("Articles over time")]
        # the months' bars count the articles as listed (a text from two outlets once): "5 articles" over a bar of 6
        timeline, unit = timeline_of(person.all_days if capped else [a.get("day", "") for a in self._shown_articles()])
        most = max((count for _month, count in timeline), default=1) or 1
        for month, count in timeline_rows(timeline, unit):
            if month is None:  # a long run of months without articles: one line, not a column of empty rows
                left.append(Option(Text(f"… {count} {unit} without articles …"), disabled=True))
                continue
            bar = "█" * max(1, round(BAR * count / most)) if count else ""
            left.append(Option(Text.assemble((f"{month} ", "dim"), (bar, "bold"), f" {count}" if count else
                                             ("·", "dim")), disabled=True))
        left += self._article_options()
        right = [heading("Quotes, newest first")]
        if not person.quotes:
            right.append(Option(Text("No quotes found."), disabled=True))
        else:
            from tui.engine.quotes.groups import quoted
        for number, quote in enumerate(person.quotes):
            lead = quote.get("lead")  # the writer's words that lead into a quotation finishing their sentence
            entry = Text(line(quoted(quote["text"], lead)))
            entry.append(f"\n  — {_quote_where(quote)}", style="dim italic")
            # wrapped under the text, not its “ (or under the writer's words that lead into it)
            right.append(Option(entry, id=f"q:{number}", indent=0 if lead else 1))
        self.together = []
        if person.cooccurring:
            right.append(heading("Appears with"))
        by_type: dict[str, list] = {}
        for other in person.cooccurring:  # grouped by type as the story view's entities (most shared first in each)
            by_type.setdefault(type_of(other["label"]), []).append(other)
        for key, _name, plural, _labels in TYPES:
            group = by_type.get(key, [])
            for number, other in enumerate(group):
                if number == 0:
                    right.append(heading(f"{plural} ({len(group)})", "bold"))  # as the summary pane and story view
                self.together.append((key, other["name"]))
                arts = other.get("articles", 0)
                entry = Text("  " + cut(other["name"]))
                entry.append(f" · {arts} article{'s' if arts != 1 else ''}", style="dim")
                right.append(Option(entry, id=f"e:{len(self.together) - 1}", indent=4))
        following, self._following = self._following, False
        for selector, options in (("#person-articles", left), ("#person-quotes", right)):
            widget = self.query_one(selector, StoryList)
            at = widget.highlighted if following else None
            was = widget.options[at].id if at is not None and at < len(widget.options) else None
            widget.show_options(options)
            now = next((i for i, o in enumerate(options) if was and o.id == was and not o.disabled), None)
            if now is None:
                widget.top()
            elif now != widget.highlighted:
                widget.highlighted = now

    def no_articles(self) -> str:
        if self.several:
            return "Pick one of them first: enter opens their page."
        return "Still looking them up; try again in a moment." if self.person is None else super().no_articles()

    def _show_several(self, several) -> None:
        """The name is one word of several people's names ("Anselm"): each of them on a line (enter opens their page),
        as `newsreader who Anselm` lists them."""
        self.person, self.rows, self.together = None, {}, []
        self.several = [nm for nm, _n in several.people]
        self.query_one("#person-head", Static).update(Text.assemble(
            (f"{line(several.query)} is part of {several.total} people's names", "bold"),
            ("\nenter opens one's page · esc goes back", "dim")))
        options = [heading("People")]
        for number, (nm, n) in enumerate(several.people):
            entry = Text("  " + cut(nm))
            entry.append(f" · {n} article{'s' if n != 1 else ''}", style="dim")
            options.append(Option(entry, id=f"p:{number}", indent=4))
        if several.total > len(several.people):
            options.append(Option(Text(f"  … and {several.total - len(several.people)} more", style="dim"),
                                  disabled=True))
        self._following = False
        self.query_one("#person-articles", StoryList).show_options(options)
        self.query_one("#person-articles", StoryList).top()
        self.query_one("#person-quotes", StoryList).show_options([])

    def follow_library(self) -> None:
        """Articles came or went (another program: `newsreader add` / `remove`, a second window; a refresh; a
        settle): read the page again, as the story view and the briefing are (the page kept listing an article
        `newsreader remove` had deleted, and its quotes; enter on it: "That article is no longer in the library").
        The cursors stay on their lines where those are still there."""
        if not self.is_attached:
            return
        self._following = True
        self.load(read_person_page, self.entity_name)

    def _shown_articles(self) -> list[dict]:
        """The person's articles as the library lists them: the same text from another outlet (a twin of an article
        listed here) is not a line of its own, its outlet is named on its text's line (the page listed a wire story
        twice, under the same title, and counted it twice)."""
        ids = {a.get("id") for a in self.person.articles}
        twins = {t for i, r in self.rows.items() if i in ids for t in (getattr(r, "twins", None) or ())}
        return [a for a in self.person.articles if a.get("id") not in twins]

    def _article_options(self) -> list[Option]:
        """The "Articles (N)" heading and a line per article, marked as the story view marks them: ● unread, ★
        starred (m and f changed marks no line showed: the page said "Marked read" and looked the same)."""
        shown = self._shown_articles()
        out = [heading(f"Articles ({len(shown)})")]
        for article in shown:
            row = self.rows.get(article.get("id"))
            unread = row is not None and not row.read
            entry = Text(f"{'●' if unread else ' '} {title(article['title'])}")
            if row is not None and row.starred:
                entry.append(" ★", style="bold")
            # "Outlet, date" on a line of its own under every title, as each quote's source is under it: it followed the
            # title where both fit and went under it where not, so at 80x24 the rows were one line or two by turns
            outlets = [x for x in (getattr(row, "outlets", None) or ()) if line(x)]
            if len(outlets) > 1:  # the same text from several outlets: one line naming them (as the story view does)
                entry.append(f"\n{', '.join(x for x in (outlets_line(outlets, 4), line(article.get('day', ''))[:10]) if x)}"
                             f" · same text in {len(outlets)} outlets", style="dim")
            else:
                entry.append(f"\n{_where(article.get('source', ''), article.get('day', ''))}", style="dim")
            out.append(Option(entry, id=f"a:{article['id']}", indent=2))  # a long title goes on under itself
        return out

    def page_article_ids(self) -> list[int]:
        return [a["id"] for a in self.person.articles if type(a.get("id")) is int] if self.person is not None else []

    def show_page_marks(self) -> None:
        self._show_marks()

    def library_changed(self) -> None:
        self._show_marks()
        listed = {a.get("id") for a in self.person.articles} if self.person is not None else set()
        if listed - set(self.rows):
            # (articles of it deleted by another program while an article opened from it was read: back here, it
            # listed them still, "3 articles", shown read, and n said "Every article on this page is read")
            self.follow_library()

    def _show_marks(self) -> None:
        """After m / f: the article lines show the marks as the library has them, with the marks queued."""
        main = self.main_screen()
        if main is None or self.person is None or not self.is_attached:
            return
        try:
            rows = _rows(main.lib, self.person)
        except Exception:  # a damaged library: the marks stay as shown
            return
        self.rows = {i: main.marks.patch(r) for i, r in rows.items()}
        widget = self.query_one("#person-articles", StoryList)
        options = list(widget.options)
        at = next((i for i, o in enumerate(options) if o.id and o.id.startswith("a:")), None)
        if at is None:
            return
        widget.show_options(options[:at - 1] + self._article_options())

    def on_summary_list_option_selected(self, event: StoryList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
        if kind == "p" and rest and int(rest) < len(self.several):  # one of several people sharing a word
            self.open_person(self.several[int(rest)])
            return
        if self.person is None or not rest:
            return
        if kind == "a":
            self.open_article(int(rest))
        elif kind == "q":
            self.open_article(self.person.quotes[int(rest)]["article"])
        elif kind == "e":
            type_key, name = self.together[int(rest)]
            if type_key == "person":
                self.open_person(name)
            else:
                self.filter_library(name, type_key)

    def line_article(self) -> int | None:
        """The article of the highlighted line (an article, or the article a quote is from), or None."""
        widget = self.focused if isinstance(self.focused, StoryList) else self.query_one("#person-articles", StoryList)
        if self.person is None or widget.highlighted is None:
            return None
        kind, _, rest = (widget.get_option_at_index(widget.highlighted).id or "").partition(":")
        if kind == "a" and rest:
            return int(rest)
        if kind == "q" and rest:
            return self.person.quotes[int(rest)].get("article")
        return None

    def action_toggle_read(self) -> None:
        self.flip_line_mark("read", "read", "unread", after=self._show_marks)

    def action_toggle_star(self) -> None:
        self.flip_line_mark("starred", "starred", "unstarred", after=self._show_marks)

    def action_open_link(self) -> None:
        self.open_line_link()

    def action_next_unread(self, step: int = 1) -> None:
        """n / N: the cursor to the page's next (previous) article line marked unread (●); enter opens it."""
        self.step_to_unread(step)

    def action_previous_unread(self) -> None:
        self.step_to_unread(-1)

    def action_copy_summary(self) -> None:
        self.action_copy_quotes()

    def _command(self) -> str:
        """The command that prints this page (named in the copy toast)."""
        import shlex

        return f"newsreader who {shlex.quote(line(self.person.name))}"

    def _toast_name(self) -> str:
        """The person's name for a copy toast: cut to one line of the toast on a narrow screen, as the library's
        copy toasts cut an article's title (a long name wrapped the short toast over more lines). The command the
        toast names keeps the whole name: cut, it would not run."""
        from tui.app.widgets.status import toast_fold, toast_title

        return toast_title(line(self.person.name), toast_fold(self.app))

    def action_copy_quotes(self) -> None:
        if self.person is not None:
            self.copy(copytext.person_quotes_text(self.person), f"quotes of {self._toast_name()}", self._command())

    def action_copy_markdown(self) -> None:
        if self.person is not None:
            # "Sent Agnes Trewin as Markdown" read as if the person had been sent: the page is
            self.copy(copytext.person_markdown(self.person), f"the page of {self._toast_name()} as Markdown",
                      self._command())
