"""Every key of the app as data: id, default keys, action, description, where it applies.

Widgets build their BINDINGS from here, the help screen and the command palette are generated
from here, and users rebind any id in config.toml `[keys]` (Textual's keymap does the rest).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from textual.binding import Binding
from textual.keys import Keys, _character_to_key, format_key

UNDO_SECONDS = 8.0  # how long "z" can bring a deleted article back, or undo an `A` (mark all read) or a story's `m`
UNDO_SAID = f"for {UNDO_SECONDS:g} s"  # how help says it (the README says the same figure: tests/ui/test_undo_seconds_said)

# Scopes: which widget owns the binding (and the help-screen section it is listed under).
APP, MAIN, LIST, ARTICLE, SUMMARY = "app", "main", "list", "article", "summary"
PAGE = "page"  # the story view, the entity page, the briefing and the feeds list
FEEDS = "feeds"  # the feeds list only (F); the palette offers these elsewhere when the main screen has the action
ARTICLE_PAGES = "article_pages"  # the pages that list articles under other things: the story view, the entity page
SCOPE_TITLES = {
    APP: "Everywhere",
    MAIN: "Reading",
    LIST: "Moving (library list, article text, summary: enter opens or jumps to it)",
    ARTICLE: "Article text",
    SUMMARY: "Summary, quotes and entities",
    PAGE: "Story, person, briefing and feeds pages",
    ARTICLE_PAGES: "Story view and entity page",
    FEEDS: "Feeds list (F)",
}


class KeySpec(NamedTuple):
    """One rebindable key: `id` is what users write in config.toml."""

    id: str
    keys: str
    action: str
    description: str
    scopes: tuple[str, ...]
    show: bool = False  # shown in the footer
    palette: bool = True  # offered in the command palette
    priority: bool = False  # handled before the focused widget sees the key


def _k(id, keys, action, description, *scopes, show=False, palette=True, priority=False) -> KeySpec:
    return KeySpec(id, keys, action, description, tuple(scopes), show, palette, priority)


KEYS: list[KeySpec] = [
    # q goes back first (reading view at narrow widths, a page) and quits from the library; Q always quits.
    _k("quit", "Q,ctrl+q", "quit", "Quit", APP),
    _k("back_or_quit", "q", "back_or_quit", "Back to the library, or quit from it", MAIN, PAGE, show=True),
    _k("help", "question_mark,f1", "help", "Help", APP, show=True),
    _k("next_pane", "tab", "app.focus_next", "Next pane", MAIN, PAGE, palette=False, show=True),
    _k("previous_pane", "shift+tab", "app.focus_previous", "Previous pane", MAIN, PAGE, palette=False),
    # Priority: the action runs before the next key is dispatched, so "/word" typed fast all lands
    # in the search box (otherwise keys queued behind "/" go to the old focus).
    _k("search", "slash", "search", "Search", MAIN, show=True, priority=True),
    _k("back", "escape", "back", "Back / clear search and filter", MAIN, PAGE),
    _k("library", "l", "toggle_library", "Show / hide the library", MAIN),
    _k("copy_summary", "c", "copy_summary", "Copy summary", MAIN, PAGE, show=True),
    _k("copy_quotes", "y", "copy_quotes", "Copy quotes", MAIN, PAGE),
    _k("copy_markdown", "Y", "copy_markdown", "Copy summary + quotes + source as Markdown", MAIN, PAGE),
    _k("next_method", "s", "next_method", "Next method", MAIN, show=True),
    _k("longer", "plus,equals_sign", "longer", "Longer summary", MAIN, PAGE),
    _k("shorter", "minus", "shorter", "Shorter summary", MAIN, PAGE),
    _k("entities", "e", "toggle_entities", "Entity highlights on / off", MAIN),
    _k("entity_type_1", "1", "toggle_type(0)", "Toggle people", MAIN),
    _k("entity_type_2", "2", "toggle_type(1)", "Toggle organisations", MAIN),
    _k("entity_type_3", "3", "toggle_type(2)", "Toggle places", MAIN),
    _k("entity_type_4", "4", "toggle_type(3)", "Toggle dates and times", MAIN),
    _k("entity_type_5", "5", "toggle_type(4)", "Toggle money and quantities", MAIN),
    _k("entity_type_6", "6", "toggle_type(5)", "Toggle other entities", MAIN),
    _k("toggle_read", "m", "toggle_read", "Mark read / unread (on a story: all its articles)", MAIN),
    _k("star", "f", "toggle_star", "Star / unstar", MAIN),
    _k("add", "a", "add", "Add articles from a file, a folder or a URL", MAIN, show=True),
    _k("delete", "d", "delete", "Delete the article (asks first)", MAIN),
    _k("reanalyse", "r", "reanalyse", "Re-analyse the article", MAIN),
    _k("open_link", "o", "open_link", "Open the article's link in the browser ($BROWSER)", MAIN),
    _k("next_unread", "n", "next_unread", "Next unread article (stories list: next story with unread)", MAIN),
    _k("previous_unread", "N", "previous_unread", "Previous unread article (stories list: previous story with unread)",
       MAIN),
    _k("mark_all_read", "A", "mark_all_read",
       "Mark every article shown read (asks above 20; stories list: every story's)", MAIN),
    _k("undo", "z", "undo", f"Undo the last delete or mark all read ({UNDO_SAID})", MAIN),
    _k("view", "u", "cycle_view", "Library view: all / unread / starred articles", MAIN),
    _k("sort", "O", "cycle_sort", "Library order: newest first / title / source / longest", MAIN),
    _k("tag", "T", "filter_tag", "Filter by tag…", MAIN),
    _k("stories", "v", "toggle_stories", "Library: articles / stories", MAIN, show=True),
    _k("briefing", "b", "briefing", "Briefing: the unread stories, ranked", MAIN, show=True),
    _k("feeds", "F", "feeds", "Feeds: unread counts, filter the library", MAIN, show=True),
    _k("refresh", "R", "refresh", "Refresh feeds and watched folders", MAIN, PAGE, show=True),
    _k("add_feed", "a", "add_feed", "Add feed…", FEEDS),
    _k("remove_feed", "d", "remove_feed", "Remove the feed (asks: keep its articles or not)", FEEDS),
    # the story view's articles sit under its summary and what's new (an entity page's under the timeline): pgdn was
    # the way to them, tab going to the other pane (walk35) (`a` adds nothing on those pages: it said where it works)
    _k("to_articles", "a", "to_articles", "The page's articles: the cursor to the first (again: back to the top)",
       ARTICLE_PAGES),
    _k("briefing_since", "t", "since", "Briefing: since when (all unread, today, 24h, 3 days, a week)", PAGE,
       palette=False),
    _k("down", "j,down", "cursor_down", "Down", LIST, ARTICLE, SUMMARY, PAGE, palette=False),
    _k("up", "k,up", "cursor_up", "Up", LIST, ARTICLE, SUMMARY, PAGE, palette=False),
    _k("first", "g,home", "first", "First / top", LIST, ARTICLE, SUMMARY, PAGE, palette=False),
    _k("last", "G,end", "last", "Last / bottom", LIST, ARTICLE, SUMMARY, PAGE, palette=False),
    _k("page_down", "pagedown,space", "page_down", "Page down", LIST, ARTICLE, SUMMARY, PAGE, palette=False),
    _k("page_up", "pageup", "page_up", "Page up", LIST, ARTICLE, SUMMARY, PAGE, palette=False),
    _k("open", "enter", "select", "Open", LIST, SUMMARY, PAGE, palette=False, show=True),
]

BY_ID = {spec.id: spec for spec in KEYS}
# Palette-only commands of the main screen (no key of their own: `u`, `O` cycle through them).
COMMANDS = [
    ("View: all articles", "set_view('all')"),
    ("View: unread articles", "set_view('unread')"),
    ("View: starred articles", "set_view('starred')"),
    ("Sort: newest first", "set_sort('date')"),
    ("Sort: by title (A-Z)", "set_sort('title')"),
    ("Sort: by source (A-Z)", "set_sort('source')"),
    ("Sort: longest first", "set_sort('length')"),
]
# Keys Textual itself provides; listed in help so nothing is hidden.
BUILTIN = [("ctrl+p", "Command palette: every action, themes"),
           ("tab", "In the add dialogs: complete a path")]


def bindings(scope: str) -> list[Binding]:
    """The Textual bindings of one scope, each carrying its id so the keymap can rebind it."""
    return [
        Binding(spec.keys, spec.action, spec.description, show=spec.show, id=spec.id, priority=spec.priority)
        for spec in KEYS
        if scope in spec.scopes
    ]


_NAMED = {k.value for k in Keys} | {"space", "escape", "enter", "tab", "backspace", "delete"}
_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


def normalize_key(key: str) -> str | None:
    """A key as Textual names it ("?" -> "question_mark", "Ctrl+Y" -> "ctrl+y"), or None if unknown."""
    key = key.strip()
    if not key:
        return None
    if len(key) == 1:
        return _character_to_key(key) if unicodedata.category(key)[0] != "C" else None
    *mods, base = key.split("+") if not key.endswith("++") else [*key[:-2].split("+"), "+"]
    mods = [m.lower() for m in mods]
    if any(m not in _MODIFIERS for m in mods):
        return None
    if len(base) == 1:
        # Textual names ctrl/alt letters in lower case ("ctrl+y"); a bare "Y" is shift+y.
        base = _character_to_key(base.lower() if mods and base.isalpha() else base)
    elif base.lower() in _NAMED or base in _NAMED:
        base = base.lower()
    elif not _is_character_name(base):
        return None
    return "+".join([*mods, base])


def _is_character_name(name: str) -> bool:
    # Textual names punctuation by its Unicode name ("question_mark", "full_stop").
    try:
        unicodedata.lookup(name.replace("_", " "))
        return True
    except KeyError:
        return name in ("slash", "backslash", "at", "minus", "plus", "underscore")


def check_overrides(overrides: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Valid overrides as a Textual keymap, plus one friendly line per bad entry (which is ignored)."""
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for action_id, value in overrides.items():
        if action_id not in BY_ID:
            key = action_id.replace("-", "_").strip()
            near = [i for i in BY_ID if key and (key in i or i in key)]  # ("" is in every id: no hint for it)
            hint = f" (did you mean {near[0]!r}?)" if near else " (press ? in the app for the list of ids)"
            problems.append(f"[keys] {action_id!r} is not an action id{hint}")
            continue
        keys = [normalize_key(k) for k in value.split(",")]
        if not keys or None in keys:
            problems.append(f"[keys] {action_id} = {value!r}: not a key name (examples: \"x\", \"ctrl+y\", \"f5\", \"?\")")
            continue
        keymap[action_id] = ",".join(k for k in keys if k)
    return keymap, problems + clashes(keymap)


def clashes(keymap: dict[str, str]) -> list[str]:
    """One line per key that the user's keymap (over the defaults) binds to two actions in one place.

    Textual would run one of them silently; saying so at start lets the user fix config.toml.
    """
    where: dict[str, list[KeySpec]] = {}
    for spec in KEYS:
        for key in keymap.get(spec.id, spec.keys).split(","):
            where.setdefault(key, []).append(spec)
    problems = []
    for key, specs in where.items():
        for i, a in enumerate(specs):
            for b in specs[i + 1:]:
                if APP in a.scopes or APP in b.scopes or _reach(a) & _reach(b):
                    problems.append(f"[keys] {display_keys(key)} is bound to both {a.id!r} and {b.id!r}; "
                                    "only one of them will run: give one another key")
    return problems


_PAGES = {"story view", "entity page", "briefing", "feeds list"}  # where a PAGE key is live
_ON_PAGES = {FEEDS: {"feeds list"}, ARTICLE_PAGES: {"story view", "entity page"}, PAGE: _PAGES}


def _reach(spec: KeySpec) -> set[str]:
    """Where a key's binding is live, by page: the feeds list is a page too, so its keys meet the PAGE keys there, and
    so do the story view's and the entity page's own (ARTICLE_PAGES), which never meet the feeds list's."""
    out: set[str] = set()
    for scope in spec.scopes:
        out |= _ON_PAGES.get(scope, {scope})
    return out


def display_keys(keys: str) -> str:
    """Keys for people: "question_mark,f1" -> "? / f1"."""
    out = []
    for key in keys.split(","):
        *mods, base = key.split("+")
        out.append("+".join([*mods, format_key(base)]))
    return " / ".join(out)


def first_key(action_id: str, overrides: dict[str, str]) -> str:
    """The first key bound to an action, for hints in the UI ("s", or the user's own key)."""
    return display_keys(overrides.get(action_id, BY_ID[action_id].keys).split(",")[0])
