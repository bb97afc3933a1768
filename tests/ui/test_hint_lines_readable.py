"""The lines that tell the reader what to do where a list is empty are readable (WCAG 4.5:1) on every theme, in
truecolour and in 256 colours (walk29). They were drawn dim on the muted colour of a disabled line: the feeds list's
"None. `newsreader watch add DIR` imports a folder's …" measured 2.3:1 in truecolour and 2.1:1 in 256 colours on
textual-dark, the briefing's "No unread stories: everything is read. R fetches …" and the summary pane's "No quotes
found." the same. Our own made-up articles (ui_sample.py)."""

from __future__ import annotations

from pilot_steps import settle, started
from test_colours import THEMES, _shown_pairs

from tui.store import Library


async def _low(pilot, widget, words: str) -> list[str]:
    """The drawn parts of `widget`'s line holding `words` under 4.5:1, on every theme (at both depths)."""
    low = []
    for theme in THEMES:
        pilot.app.theme = theme
        await settle(pilot)
        lines = [widget.render_line(y) for y in range(widget.scrollable_content_region.height)]
        hits = [strip for strip in lines if words in "".join(seg.text for seg in strip)]
        assert hits, f"{words!r} not drawn on {theme}"
        for text, fg, bg in (p for strip in hits for p in _shown_pairs(strip)):
            from colour_math import contrast

            if contrast(fg, bg) < 4.5:
                low.append(f"{theme} {text}: {contrast(fg, bg):.2f}")
    return low


async def test_the_feeds_lists_word_on_watched_folders_is_readable(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys="F") as (pilot, page):
        low = await _low(pilot, page.query_one("#feeds-list"), "newsreader watch add DIR")
        assert not low, "\n".join(low)


async def test_the_empty_briefings_word_is_readable(library, make_app):
    path, ids = library
    with Library(path) as lib:
        for ident in ids.values():
            lib.set_read(ident, True)
    app = make_app(path)
    async with started(app, (80, 24), keys="b") as (pilot, page):
        await settle(pilot)
        low = await _low(pilot, page.query_one("StoryList"), "everything is read")
        assert not low, "\n".join(low)


async def test_the_summary_panes_no_quotes_is_readable(library, make_app):
    from ui_sample import ORCHARD

    path, ids = library
    app = make_app(path)
    async with started(app, (160, 48)) as (pilot, main):
        main.open_article(ids["[bold red]Not bold[/] title \x1b]52;c;aGFjaw==\x07"])
        await settle(pilot)
        low = await _low(pilot, main.summary, "No quotes found.")
        assert not low, "\n".join(low)


async def test_the_search_boxs_placeholder_is_readable(library, make_app):
    """The search box's "/ search the library" (Textual's $text-disabled on $boost) read at about 3.3:1 in 256 colours
    on textual-dark, on every main screen (walk30): it reaches 4.5:1 on every theme, at both depths, the box focused
    or not."""
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, main):
        box = main.query_one("#search")
        low = await _low(pilot, box, "search the library")
        await pilot.press("slash")
        await settle(pilot)
        assert box.has_focus
        low += [f"focused: {line}" for line in await _low(pilot, box, "search the library")]
        assert not low, "\n".join(low)
