"""Guards around Textual 8 behaviour that keys typed in a burst can trip (issue 14, item 11).

Keys arriving together (a fast typist, a paste, a terminal replaying input) are handled before the
screen they open has been laid out or the screen they close has gone. Each guard below turns one
such crash into "the key does nothing yet".
"""

from __future__ import annotations

import functools

from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Input, OptionList

from tui.textsafe import clean

_original_move_page = OptionList._move_page
_original_paste = Input._on_paste
_original_dismiss = Screen.dismiss


def _move_page(self: OptionList, direction) -> None:
    """PageUp/PageDown in an OptionList that has no size yet (a palette opened in the same burst).

    Textual looks the highlighted option's line up in a table filled at the first layout: before it,
    `KeyError: 0`. Without lines there is no page to move by, so the key is ignored.
    """
    lines = self._index_to_line
    if not lines or (self.highlighted or 0) not in lines:
        return
    _original_move_page(self, direction)


async def _nothing() -> None:
    return None


def _dismiss(self: Screen, result=None) -> AwaitComplete:
    """Dismiss a screen only while it is the top screen; later calls do nothing.

    Textual's dismiss pops whatever screen is on top: a dialog or the command palette that got
    enter twice in one burst dismissed itself, then the main screen (ScreenStackError), and ran
    its result callback twice.
    """
    try:
        on_top = self.app.screen is self
    except Exception:
        on_top = False
    if not on_top:
        return AwaitComplete(_nothing())
    return _original_dismiss(self, result)


def closed_before_mount(screen: Screen) -> bool:
    """True in a screen's Mount handler when the screen was closed before it was mounted: the key that opens it and
    esc (or enter) in one burst, handled before its first frame (the palette's enter enter under load opened a dialog
    and closed it so). Textual has removed its widgets by then, and the handler's first query raised NoMatches, which
    ends the app. Such a screen has nothing to set up. An installed screen (the story view) keeps its widgets and
    is mounted once: it is set up as usual."""
    app = screen.app
    return screen not in app.screen_stack and not app.is_screen_installed(screen)


@functools.cache
def safe_palette(palette_class):
    """A command palette whose search worker stops quietly when the palette closed under it.

    Keys typed into the palette in a burst with esc: its search worker ran on after the palette's
    widgets were gone (WorkerFailed: NoMatches 'CommandList'), which ends a Textual app.
    """
    from textual import work
    from textual.css.query import NoMatches

    gather = palette_class._gather_commands.__wrapped__

    class SafeCommandPalette(palette_class):
        @work(exclusive=True, group=palette_class._GATHER_COMMANDS_GROUP)
        async def _gather_commands(self, search_value: str) -> None:
            try:
                await gather(self, search_value)
            except NoMatches:
                if self.is_attached and self.is_active:
                    raise

    return SafeCommandPalette


def _not_caching_itself(method, cache_slot: str):
    """`method` of Strip, except that a result which is the strip itself is not kept in its own cache.

    `adjust_cell_length` to the length a strip already has, `divide` at its own end (`[self]`) and `crop_extend`
    over its whole width return the strip itself, and Textual keeps that result in the strip's own FIFOCache: a
    reference cycle. Every line drawn that way (most of them) was freed only by the cyclic garbage collector, not
    when its last user dropped it: per 100 page-downs of the library ~95,000 objects (47,607 FIFOCaches, 6,801
    strips, 20,333 segments) waited for a collection, and those collections came about once a second, walking the
    whole process (20-130 ms of the UI thread at 100,000 articles). Such a result costs nothing to make again.
    """
    slot = getattr(Strip, cache_slot)  # the slot's own descriptor: reads an unset cache as AttributeError, not a new one

    @functools.wraps(method)
    def call(self: Strip, *args, **kwargs):
        result = method(self, *args, **kwargs)
        if result is self or (type(result) is list and len(result) == 1 and result[0] is self):
            try:
                kept = slot.__get__(self, Strip)._cache
            except AttributeError:  # never made (tui/app/textual_fixes.py _lazy_strip_caches): nothing kept
                return result
            last = next(reversed(kept), None)  # the entry just made (a hit returns before storing)
            if last is not None and kept[last] is result:
                del kept[last]
        return result

    call.__wrapped_by_newsreader__ = True
    return call


def _lazy_strip_caches() -> bool:
    """Each drawn line (Strip) made its seven small caches (FIFOCache) when it was made, and most lines use one or
    two of them, or none: seven objects the cyclic garbage collector walks at each full collection for every line
    kept. In the stories list at 100,000 articles (`bench/gc_pauses.py`) 38,668 of the 94,819 objects a full
    collection walked were these caches (5,524 strips, exactly 7 each). Now a strip's cache is made the first time
    it is used (`__getattr__`: a slot not yet set), of the size Textual gives it, and the rest are never made.

    The sizes and names are read from a strip made by Textual's own `__init__`; if that `__init__` sets anything
    else this does not know (a later Textual), nothing is changed (returns False)."""
    from textual.cache import FIFOCache

    if getattr(Strip.__init__, "__wrapped_by_newsreader__", False):
        return True
    probe = Strip([])
    sizes: dict[str, int] = {}
    for name in Strip.__slots__:
        value = getattr(probe, name, None)
        if type(value) is FIFOCache:
            sizes[name] = value._maxsize
        elif name not in ("_segments", "_cell_length") and value is not None:
            return False  # an __init__ this does not know: Textual's is kept
    if not sizes:
        return False
    others = tuple(n for n in Strip.__slots__ if n not in sizes and n not in ("_segments", "_cell_length"))
    setattr_ = object.__setattr__

    def __init__(self, segments, cell_length=None) -> None:
        self._segments = list(segments)
        self._cell_length = cell_length
        for name in others:
            setattr_(self, name, None)

    def __getattr__(self, name: str):
        size = sizes.get(name)
        if size is None:
            raise AttributeError(f"'Strip' object has no attribute {name!r}")
        cache = FIFOCache(size)
        setattr_(self, name, cache)
        return cache

    __init__.__wrapped_by_newsreader__ = True
    Strip.__init__ = __init__  # type: ignore[method-assign]
    Strip.__getattr__ = __getattr__  # type: ignore[attr-defined]
    return True


def _paste(self: Input, event) -> None:
    """A paste into a text box (the search box, the add and feed dialogs) without its escape sequences and control
    characters: Textual put the text in as it came, so a pasted ESC [2J reached the terminal as the box was drawn
    (and NUL, BEL and the like too). Tabs become spaces; the first line is taken, as Textual does, and in a box with
    a `max_length` as much of it as fits."""
    text = clean(event.text or "").replace("\t", " ")
    if self.max_length:  # as much as the box takes (Textual refused the whole paste, with a bell)
        text = (text.splitlines() or [""])[0]
        text = text[:max(0, self.max_length - len(self.value) + len(self.selected_text))]
    if text != event.text:
        event.text = text
    _original_paste(self, event)


_SELF_CACHING = (("adjust_cell_length", "_line_length_cache"), ("divide", "_divide_cache"),
                 ("crop_extend", "_crop_extend_cache"))


def install() -> None:
    """Put the guards in place (idempotent; called when the app module is imported)."""
    OptionList._move_page = _move_page  # type: ignore[method-assign]
    Screen.dismiss = _dismiss  # type: ignore[method-assign]
    Input._on_paste = _paste  # type: ignore[method-assign]
    _lazy_strip_caches()
    for name, slot in _SELF_CACHING:
        method = getattr(Strip, name)
        if not getattr(method, "__wrapped_by_newsreader__", False):
            setattr(Strip, name, _not_caching_itself(method, slot))
