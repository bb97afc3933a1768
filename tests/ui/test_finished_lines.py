"""Finished lines (widgets/direct.py): the article and summary panes pad and filter each drawn line once,
and an article prepared while the cursor rested has its first screen finished before `enter`."""

from __future__ import annotations

from textual.geometry import Region

from pilot_steps import settle, started, wait_prepared


def as_terminal(app, strips) -> list[str]:
    return [strip.render(app.console) for strip in strips]


async def _rest_on_row(pilot, row: int) -> None:
    await pilot.press("g", *["j"] * row)
    await wait_prepared(pilot)


def _kept(widget) -> dict:
    return widget._finished[1] if getattr(widget, "_finished", None) else {}


async def test_a_prepared_article_opens_with_its_lines_finished_ahead(cached_library, make_app):
    path, _ = cached_library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await _rest_on_row(pilot, 1)
        ready = screen.ahead.ready
        assert ready.body is not None and ready.body.strips
        body_kept, summary_kept = _kept(screen.body), _kept(screen.summary)
        for strip in ready.body.strips.values():
            assert body_kept[id(strip)][0] is strip
        for strips in (ready.summary.strips.values() if ready.summary is not None else ()):  # when analysed
            for strip in strips:
                assert summary_kept[id(strip)][0] is strip
        finished = {id(line) for _strip, line in body_kept.values()}
        await pilot.press("enter")
        await settle(pilot)
        # The open drew the lines finished ahead (no padding or filtering on the key) ...
        crop = Region(0, 0, *screen.body.region.size)
        drawn = screen.body.render_lines(crop)
        assert sum(id(line) in finished for line in drawn) >= len(ready.body.strips) - 1
        # ... and they are what Textual itself draws.
        assert as_terminal(app, drawn) == as_terminal(app, screen.body._styles_cache.render_widget(screen.body, crop))


async def test_an_analysed_article_has_its_summary_finished_ahead(cached_library, make_app):
    from ui_sample import HARBOUR

    path, ids = cached_library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        source = screen.articles.source
        row = next(i for i in range(len(source)) if source.row(i).id == ids[HARBOUR.title])
        await pilot.press("j" if row == 0 else "g")  # away first, so the rest below prepares it anew
        await _rest_on_row(pilot, row)
        ready = screen.ahead.ready
        assert ready.summary is not None and ready.summary.strips
        kept = _kept(screen.summary)
        for strips in ready.summary.strips.values():
            for strip in strips:
                assert kept[id(strip)][0] is strip


async def test_finished_lines_follow_the_theme(cached_library, make_app):
    path, _ = cached_library
    app = make_app(path)
    async with started(app, keys=("g", "enter")) as (pilot, _):
        body = app.screen.body
        crop = Region(0, 0, *body.region.size)
        dark = as_terminal(app, body.render_lines(crop))
        app.theme = "textual-light"
        await pilot.pause()
        light = as_terminal(app, body.render_lines(crop))
        assert light != dark  # not the dark theme's lines kept from before
        assert light == as_terminal(app, body._styles_cache.render_widget(body, crop))


async def test_past_the_limit_the_oldest_finished_lines_go_not_all(cached_library, make_app, monkeypatch):
    """All the finished lines were dropped at once past the limit: the lines on screen and those finished
    ahead for the next open were finished again, and freeing hundreds of lines stalled that frame (an open
    of 33-47 ms UI CPU every eighth one or so, against ~11)."""
    from tui.app.widgets import ArticleBody

    path, _ = cached_library
    app = make_app(path)
    monkeypatch.setattr(ArticleBody, "FINISHED_KEPT", 5)
    async with started(app, keys=("g", "enter")) as (pilot, _):
        body = app.screen.body
        assert len(_kept(body)) > 5
        latest = list(_kept(body).items())[-3:]  # the lines finished last
        body.refresh()  # drawn again: past the limit
        await pilot.pause(0.05)
        kept = _kept(body)
        assert all(kept.get(key, (None, None))[1] is line for key, (_strip, line) in latest)  # kept, not redone
        assert len(kept) <= 5 + body.size.height  # the oldest went


async def test_the_lines_dropped_past_the_limit_are_freed_after_the_screen_update(cached_library, make_app,
                                                                                  monkeypatch):
    """Freeing the lines dropped past the limit (an article's worth on every open: the lines, their cut pieces
    and terminal bytes) was ~1 ms of the open's frame; they are now let go after the update."""
    from tui.app.widgets import ArticleBody

    path, _ = cached_library
    app = make_app(path)
    monkeypatch.setattr(ArticleBody, "FINISHED_KEPT", 5)
    async with started(app, keys=("g", "enter")) as (pilot, _):
        body = app.screen.body
        oldest = list(_kept(body).values())[:3]
        body._finisher()  # past the limit: the oldest go out of the kept lines ...
        assert all(_kept(body).get(id(strip)) is None for strip, _line in oldest)
        waiting = [entry for dropped in (body._dropped or ()) for entry in dropped]
        assert any(entry[1] is oldest[0][1] for entry in waiting)  # ... but are not freed during the update
        await pilot.pause()
        assert body._dropped is None  # after it, they are let go
