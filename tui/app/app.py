"""The newsreader Textual app: opens the library, applies the user's config, owns the clipboard."""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path
from typing import Iterable

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.app import css_cache, failure, full_update, heap, keymap, partial_update, textual_fixes  # noqa: F401
from tui.app.idle_gc import CHECK as IDLE_GC_CHECK
from tui.app.idle_gc import IdleCollector
from tui.app.screens.main import MainScreen
from tui.config import Config, load_config, save_theme
from tui.store import Library
from tui.textsafe import clean, even_width

textual_fixes.install()
css_cache.install()  # parsed stylesheets kept between runs (css_cache.py)
partial_update.install()  # compose only what changed (partial_update.py)
full_update.install()  # a full update draws only what shows (full_update.py)


# textual-light's $text-accent (its accent mixed 66% into black) is 3.3:1 on its background; mixed 50% it is
# 5.1:1 (tests/ui/test_colours.py checks every theme's title and headings reach 4.5:1).
LIGHT_TEXT_ACCENT = "#7F5315"
# Toasts that say what a key set (the latest replaces the earlier of its kind; NewsreaderApp._on_notify)
_TOAST_KINDS = (("Summary method:", "method"), ("Longest summary", "length"), ("Shortest summary", "length"),
                ("Summary length:", "length"), ("Story summary length:", "length"), ("Briefing summaries:", "length"),
                ("Longest summaries", "length"), ("Shortest summaries", "length"), ("Briefing: ", "since"),
                ("Entity highlights ", "highlights"), ("Highlights: ", "highlights"),
                ("Library: ", "library"), ("Marked read", "read"), ("Marked unread", "read"),
                ("Marked starred", "star"), ("Marked unstarred", "star"),
                # a mark that could not be written takes the place of the toast that said it was made: on a full disk
                # `f` showed "Marked starred: …" and under it "Could not mark the article starred: disk I/O error"
                ("Could not mark the article read", "read"), ("Could not mark the article unread", "read"),
                ("Could not mark every article of the story", "read"),
                ("Could not mark the article starred", "star"), ("Could not mark the article unstarred", "star"),
                # z undoes the last delete only: its toast replaces the earlier "Deleted — z to undo", which
                # stayed on screen beside "Restored: …"
                ("Deleted — ", "delete"), ("Restored: ", "delete"), ("It is back in the library", "delete"),
                # a feed's "Adding … in the background…" stayed on screen under "Feed not added: … 404" (seen in tmux)
                ("Adding ", "feed"), ("Feed added: ", "feed"), ("Feed not added: ", "feed"),
                ("Already subscribed: ", "feed"),
                # R: "Refreshing … in the background…" stayed above the refresh's result for its 3 s (80x24: two toasts,
                # nine rows); the result ("Feeds: 2 new …", "Watched folders: …") takes its place
                ("Refreshing ", "refresh"), ("Feeds: ", "refresh"), ("Watched folders: ", "refresh"),
                # d on a page's article line says how to delete one (PageScreen.action_elsewhere): one at a time
                ("To delete an article: ", "no use here"))


# "n (Next unread article) works in the library and the article view, not on this page: …", "t (since when) works
# in the briefing.": a key with no use where it was pressed. One at a time: a word typed on a page (a search begun with `/` there) stacked a toast for each letter that
# is a key, a column of them over the whole page.
_NO_USE_HERE = re.compile(r"\S{1,30} \([^()]*\) works in ")
# A's "Marked 300 articles read — z undoes." stayed on screen beside z's "Mark all read undone: …"
# (and z's "Marking 100,000 articles unread again…" beside its result)
_MARKED_ALL = re.compile(r"Marked [\d,]+ articles? (of [\d,]+ stor(y|ies) )?read — |Mark all read undone: "
                         r"|(Still m|M)arking [\d,]+ articles? (un)?read( again)?…")


def _toast_kind(message) -> str:
    """The kind of a toast that a newer one of the same kind replaces ("" for every other toast)."""
    text = message if isinstance(message, str) else str(message)
    kind = next((kind for prefix, kind in _TOAST_KINDS if text.startswith(prefix)), "")
    if not kind and _MARKED_ALL.match(text):
        return "mark all"
    return kind or ("no use here" if _NO_USE_HERE.match(text) else "")


COPY_TOAST_TITLE = "Clipboard"  # the title of a copy's toast (a new copy replaces the toasts with it)


def copy_toast_seconds(message: str) -> float:
    """How long the toast of a copy not confirmed stays: 2 s to see it, then its words at 4 a second (a fix such as
    "Fix tmux: `set -g set-clipboard on`" read with the rest), from 6 s (a confirmed copy's) to 10 s. It stayed 12 s
    over the page the reader stayed on."""
    return min(max(2 + len(message.split()) / 4, 6.0), 10.0)


def _readable_light_accent(app: App) -> None:
    """Give textual-light a darker $text-accent (the article title and the summary headings use it)."""
    from dataclasses import replace

    from textual.theme import BUILTIN_THEMES

    light = BUILTIN_THEMES.get("textual-light")
    if light is not None:
        app.register_theme(replace(light, variables={**light.variables, "text-accent": LIGHT_TEXT_ACCENT}))


class NewsreaderApp(App):
    """Library | article | summary; every key is in keymap.py and rebindable in config.toml."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    # esc closes the palette's "Keys" panel (Textual's HelpPanel, docked on the screen the palette was opened over):
    # only the palette's "Keys" again closed it (close-s34). A priority binding, so the panel goes before the
    # screen's own esc (clearing a search, going back); with no panel shown it skips, and esc does what it did.
    BINDINGS = [*keymap.bindings(keymap.APP),
                Binding("escape", "hide_keys_panel", "Close the keys panel", show=False, priority=True)]

    def __init__(self, db_path: Path, config: Config | None = None, background: bool | None = None,
                 lib: Library | None = None) -> None:
        super().__init__()
        from tui.app import applog

        applog.install()  # what the app's code logs (a failed grouping's traceback) to a file, never the terminal
        self.db_path = Path(db_path)
        self.config = config if config is not None else load_config()
        # Analyse the whole library in worker processes after start-up (config or $NEWSREADER_NO_BACKGROUND
        # turn it off; tests do, for stable pictures).
        if background is None:
            background = self.config.background and not os.environ.get("NEWSREADER_NO_BACKGROUND")
        self.background = background
        # Timers that scan watched folders and refresh feeds while the app runs (`R` works either way);
        # off with the background pass's switch in tests, for stable pictures.
        self.sources = not os.environ.get("NEWSREADER_NO_BACKGROUND")
        # `lib`: the library already opened by the command line (the app closes it on exit).
        self.lib = lib if lib is not None else Library(self.db_path)
        keys, problems = keymap.check_overrides(self.config.keys)
        self.user_keys = keys
        self.config_problems = self.config.problems + problems
        self.last_copy = None  # the last clipboard.CopyResult
        self._copy_failures_logged: set[tuple] = set()  # the ways an unconfirmed copy failed, logged once each
        self._copy_failures_said: set[tuple] = set()  # ... and said on a toast (the next such toast is shorter)
        self._page = None  # the page (a screen that is no dialog) shown last: another one clears the copy toasts
        # Full garbage collections run while the reader pauses (started after the first paint's freeze).
        self.idle_gc = IdleCollector(release=heap.trim, pending=self._input_waiting)
        _readable_light_accent(self)
        # The saved theme is set before anything is styled: changing it after the first layout
        # would restyle every widget again.
        theme = self.config.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.config_problems.append(f"unknown theme {theme!r}; pick one with ctrl+p → Theme")

    def get_default_screen(self) -> Screen:
        # The main screen is the first screen (no empty default screen composed and painted first).
        return MainScreen(self.lib, self.db_path)

    def on_mount(self) -> None:
        self.set_interval(IDLE_GC_CHECK, self.idle_gc.tick)
        if self.user_keys:
            self.set_keymap(self.user_keys)
        # Subscribe after applying the saved theme, so only the user's choices are written back.
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.screen_change_signal.subscribe(self, self._page_changed)
        self._page = self._top_page()  # (the main screen, shown before this subscription)
        self._say_config_problems()

    def _say_config_problems(self) -> None:
        """The settings file's problems in one toast, the file named once: one toast each (eight for a file of
        wrong types) stacked past the top of a 24-row screen, each repeating the file's path."""
        problems = self.config_problems
        if len(problems) <= 1:
            for problem in problems:
                self.notify(problem, title="Settings", severity="warning", timeout=12, markup=False)
            return
        from tui.textsafe import visible

        where = f"{visible(str(self.config.path))}: "
        shown = [p[len(where):] if p.startswith(where) else p for p in problems]
        more = f"\n… and {len(shown) - 8} more" if len(shown) > 8 else ""
        self.notify("\n".join(f"• {p}" for p in shown[:8]) + more, markup=False, severity="warning", timeout=20,
                    title=f"Settings: {len(problems)} problems in {visible(str(self.config.path))}")

    def _theme_changed(self, theme) -> None:
        error = save_theme(theme.name, self.config.path)
        if error:
            self.notify(error, severity="warning", markup=False)

    def on_unmount(self) -> None:
        self.idle_gc.stop()
        self.lib.close()

    # -- keys and palette -------------------------------------------------------------------

    def _input_waiting(self) -> bool:
        """A key or mouse event is queued and not handled yet: in the app's queue (where the terminal's driver puts
        it) or the screen's or the focused widget's (where the app forwards it). (Textual's queues, textual._queue,
        hold their items in `values`: read without taking them.)"""
        # (the screen's focused widget, not self.focused: a tick as the app shut down, its screens gone, raised
        # ScreenStackError through App.screen: a traceback at exit)
        screen = self._screen_stack[-1] if self._screen_stack else None
        for pump in (self, screen, screen.focused if screen is not None else None):
            queue = getattr(getattr(pump, "_message_queue", None), "values", None) if pump is not None else None
            try:
                if queue and any(isinstance(m, (events.Key, events.MouseEvent)) for m in list(queue)):
                    return True
            except RuntimeError:  # (changed while read: another thread posted) look again at the next tick
                return True
        return False

    async def on_event(self, event) -> None:
        # A key still queued while the app shuts down (its screens and widgets going or gone) ran
        # bindings on a screen without widgets (NoMatches) or found no screen (ScreenStackError).
        if isinstance(event, events.Key) and (not self._running or not self._screen_stack):
            return
        if isinstance(event, (events.Key, events.MouseEvent)):
            self.idle_gc.input()
        await super().on_event(event)

    def action_command_palette(self) -> None:
        """ctrl+p: open the palette, unless one is open or still closing (its id would clash).

        ctrl+p esc ctrl+p in one burst pushed a second palette while the first was still being
        removed: Textual's DuplicateIds (issue 14, item 11).
        """
        from textual.command import CommandPalette

        if any(isinstance(screen, CommandPalette) for screen in self._registry):
            return
        if self.use_command_palette:
            self.push_screen(textual_fixes.safe_palette(CommandPalette)(id="--command-palette"))

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen, also_on, page_keys

        if not isinstance(self.screen, HelpScreen):
            path = str(self.config.path) if self.config.path else ""
            # Help for the pane you are in first (its HELP text), then every key.
            focused = self.focused
            pane_help = "" if focused is None else (focused.pane_help() if hasattr(focused, "pane_help")
                                                    else getattr(focused, "HELP", ""))
            self.push_screen(HelpScreen(self.user_keys, path, pane_help, page_keys(self.screen),
                                        getattr(self.screen, "KEY_NAMES", None), also_on(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands plus every action of keymap.py, each with its key."""
        yield from super().get_system_commands(screen)
        main = next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)
        from tui.app.screens.help import page_keys

        # a page's own keys of the library (m, f, o, n on the story view) act on the page, under its words for them:
        # the palette's "Next unread article" there opened the library's next, out of sight under the page
        own = page_keys(screen) or set()
        on_page = getattr(screen, "IS_PAGE", False)
        names = getattr(screen, "KEY_NAMES", {}) if own else {}
        page_commands: dict[str, tuple[list[str], str]] = {}  # a page's own commands by title: (keys, action)
        for spec in keymap.KEYS:
            if not spec.palette:
                continue
            keys = keymap.display_keys(self.user_keys.get(spec.id, spec.keys))
            if keymap.FEEDS in spec.scopes:
                # The feeds list's add / remove there; "Add feed…" from the library too.
                if getattr(screen, "IS_FEEDS", False):  # here: the key alone, as the page's other keys
                    yield SystemCommand(spec.description, f"key: {keys}",
                                        partial(screen.run_action, spec.action))
                elif main is not None and not on_page and hasattr(main, f"action_{spec.action}"):
                    yield SystemCommand(spec.description, f"key: {keys} in the feeds list",
                                        partial(main.run_action, spec.action))
            elif on_page and {keymap.PAGE, keymap.MAIN, keymap.ARTICLE_PAGES} & set(spec.scopes) and spec.id in own:
                # On a story, person, briefing or feeds page, its own keys in its own words (the help's "On this
                # page"): the palette of the entity page offered "Copy summary" for what copies their quotes. Two
                # keys that do the same there (c and Y on the briefing) are one command.
                listed = page_commands.setdefault(names.get(spec.id, spec.description), ([], spec.action))
                listed[0].append(keys)
            elif on_page and keymap.PAGE in spec.scopes:
                continue  # a page key this page has no use for (+ on the entity page): help lists it "not on this page"
            elif keymap.MAIN in spec.scopes and main is not None:
                if on_page and spec.id == getattr(screen, "OPENED_BY", ""):
                    continue  # the page itself ("Briefing …, key: b in the library" offered in the briefing)
                if on_page:  # the library's key, run there (it ran under the page, out of sight: "Search" focused a
                    # search box nobody could see, "Mark read / unread" marked the library's article)
                    yield SystemCommand(spec.description, f"key: {keys} in the library (goes back to it)",
                                        partial(self._in_library, spec.action))
                else:  # (in the stories list the keys of "the article" act on the story: in its words there)
                    # (A in the stories list marks every story's articles, whatever pane has the focus)
                    stories = main.on_story() or (spec.id == "mark_all_read" and main.listing.stories)
                    words = main.STORY_KEY_NAMES.get(spec.id) if screen is main and stories else None
                    yield SystemCommand(words or spec.description, f"key: {keys}", partial(main.run_action, spec.action))
            elif keymap.APP in spec.scopes and spec.id != "quit":
                yield SystemCommand(spec.description, f"key: {keys}", partial(self.run_action, spec.action))
        for title, (keys, action) in page_commands.items():
            yield SystemCommand(title, f"key: {' / '.join(keys)}", partial(screen.run_action, action))
        if main is not None and not getattr(screen, "IS_PAGE", False):
            for title, action in keymap.COMMANDS:
                # the key that steps through them, as every other command names its key ("the library list" alone)
                step, what = ("view", "views") if action.startswith("set_view") else ("sort", "orders")
                keys = keymap.display_keys(self.user_keys.get(step, keymap.BY_ID[step].keys))
                yield SystemCommand(title, f"the library list; key: {keys} steps through the {what}",
                                    partial(main.run_action, action))

    async def _in_library(self, action: str) -> None:
        """Run a library key's action from the palette of a page: back to the library first, where it shows."""
        screen = self.screen
        main = screen.back_to_main() if getattr(screen, "IS_PAGE", False) else None
        if main is None:
            main = next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)
        if main is not None:
            await main.run_action(action)

    # -- the clipboard service --------------------------------------------------------------

    def _on_notify(self, event) -> None:
        """A toast of a setting stepped by a key (s, +/-, u / O, m / f) replaces the earlier one of its kind: s pressed
        four times stacked four "Summary method" toasts over half of an 80x24 screen."""
        new = event.notification
        kind = _toast_kind(new.message)
        for earlier in [n for n in self._notifications
                        if (kind and _toast_kind(n.message) == kind) or (n.message, n.title) == (new.message, new.title)]:
            # (the same toast again replaces itself too: R pressed twice with no feed stacked two "No feeds yet")
            self._unnotify(earlier, refresh=False)
        super()._on_notify(event)

    def notify(self, message: str, *, title: str = "", **options) -> None:
        """Every toast, from any screen or widget (theirs call this), with its text cleaned: a message that names a
        file, a feed or an error can carry escape sequences from untrusted input (issue 14 item 1's class). Always
        plain text: a screen's or widget's notify asks Textual to read it as markup, and a feed's title "[/]" in
        "Refreshing … in the background…" stopped the app with a MarkupError ("[@click=app.quit]": a click on the
        toast quit it). No toast of ours is written in markup."""
        options["markup"] = False
        if " (details: " in message:  # a failure's line pointing at the app's log: the log's path on a line of its own
            from tui.app.parts.sources import for_toast

            message = for_toast(self, message)
        super().notify(even_width(clean(message)), title=even_width(clean(title)), **options)

    def action_hide_keys_panel(self) -> None:
        """esc while the palette's "Keys" panel is shown: it closes; otherwise the key goes on (SkipAction)."""
        from textual.actions import SkipAction

        panels = self.screen.query("HelpPanel")
        if not panels:
            raise SkipAction()
        panels.remove()

    def action_help_quit(self) -> None:
        """ctrl+c, which does not quit: Textual's toast saying which key does is markup ("Press [b]ctrl+q[/b] to quit
        the app"), shown as typed since every toast is plain text (notify): here in plain words."""
        keys = [key for key, active in self.active_bindings.items() if active.binding.action in ("quit", "app.quit")]
        if keys:
            self.notify(f"Press {keymap.display_keys(keys[0])} to quit the app", title="Do you want to quit?")

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        """The palette's Screenshot (Textual's): its toast names the file in markup ("Saved screenshot to
        [$text-success]'…'"), shown as typed since every toast is plain text (notify): here in plain words, before
        (and instead of) Textual's."""
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(f"Saved screenshot to {event.path}" if event.path else "Saved screenshot", title="Screenshot")

    def copy_out(self, text: str, what: str, elsewhere: str = "") -> None:
        """Copy by every route (terminal OSC 52 + system clipboard) and toast what worked.

        `elsewhere`: a command that prints the same text, named in the toast when no copy is confirmed.
        """
        from tui.app.widgets.status import toast_text_cells

        self._copy_worker(text, what, elsewhere, toast_text_cells(self))

    def terminal_copy(self, text: str) -> None:
        """OSC 52 through Textual; inside tmux also the passthrough-wrapped form (see clipboard.py)."""
        from tui import clipboard

        self.copy_to_clipboard(text)
        if clipboard.inside_tmux() and self._driver is not None:
            self._driver.write(clipboard.tmux_passthrough(clipboard.osc52_sequence(text)))

    def has_terminal(self) -> bool:
        """Whether there is a terminal to send OSC 52 to."""
        return self._driver is not None

    @work(thread=True, exclusive=True, group="clipboard")
    def _copy_worker(self, text: str, what: str, elsewhere: str, cells: int) -> None:
        # The system tools run as subprocesses: keep them off the UI thread.
        from tui import clipboard

        terminal = (lambda t: self.call_from_thread(self.terminal_copy, t)) if self.has_terminal() else None
        result = clipboard.copy_text(text, terminal)
        message, severity = clipboard.describe(what, result, elsewhere, cells)
        failed = (result.ok, tuple(result.problems), tuple(result.hints))
        again = not result.confirmed and failed in self._copy_failures_said  # (its fix was on a toast already)
        self._copy_failures_said.add(failed)
        if not result.confirmed and cells < clipboard.NARROW_TOAST and failed not in self._copy_failures_logged:
            # The short toast leaves out why a route failed: the long form, with every reason, goes to the app's log,
            # once a session for each way of failing (a line at each copy made `doctor`'s "last line written" a copy's).
            import logging

            self._copy_failures_logged.add(failed)
            logging.getLogger(__name__).warning(
                "copy: %s (not logged again this session while the routes fail the same way)",
                " ".join(clipboard.describe(what, result, elsewhere)[0].split()))
        try:
            self.call_from_thread(self._copied, result, message, severity, again)
        except RuntimeError:
            pass

    def _page_changed(self, screen) -> None:
        """Another page is shown (a page opened or left; not a dialog or help over it): a copy's toast goes. The one
        of a copy not confirmed stayed 12 s and covered the page the reader moved on to (at 80x24, `Y` on the story
        view then `enter` on a person: over the person's quotes)."""
        page = self._top_page()
        if page is self._page:
            return  # (a dialog or help over the page, or the page again when it closes)
        self._page = page
        for earlier in [n for n in self._notifications if n.title == COPY_TOAST_TITLE]:
            self._unnotify(earlier)

    def _top_page(self):
        """The screen shown under any dialog or help (a ModalScreen) over it."""
        from textual.screen import ModalScreen

        return next((s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)), None)

    def _copied(self, result, message: str, severity: str, again: bool = False) -> None:
        self.last_copy = result
        # A copy's toast replaces the copy toasts before it: c, y, Y in a row stacked three over half of an
        # 80x24 screen. (Textual has no public call to drop one notification; `_unnotify` is what its toasts use.)
        for earlier in [n for n in self._notifications if n.title == COPY_TOAST_TITLE]:
            self._unnotify(earlier, refresh=False)
        # A copy not confirmed: the toast stays as long as it takes to read (its fix included), not 12 s over the page
        # the reader stays on; the same failure again, its fix read already, as long as a confirmed copy's.
        timeout = 6 if result.confirmed or again else copy_toast_seconds(message)
        self.notify(message, title=COPY_TOAST_TITLE, severity=severity, timeout=timeout, markup=False)
