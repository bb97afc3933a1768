"""The story view's read ahead makes the story's summary in a process of its own (tui/app/parts/summary_child.py),
not in a thread of the app: a big story's summary is hundreds of milliseconds of pure Python, and in the app's
thread it held the GIL beside the keys (j/k took 9-43 ms against 6.5-10.4 without the read ahead, session 28). The
app keeps the answer as it kept its own, so `enter` shows it at once; a child that died is started again; none is
left behind when the app closes."""

from __future__ import annotations

import threading

from pilot_steps import settle, wait_until
from test_story_read_ahead import BIG, make_big_story_library

from tui.store import Library


def read_story_kept(path, story_id: int) -> None:
    """The story's summary made and kept (story_memo), as a read ahead that had no view to lay out for left it."""
    from tui.app.screens.story import read_story

    with Library(path) as lib:
        assert read_story(lib, story_id, None, False) is not None


def analysed(path, story_id: int) -> None:
    """Analyse the story's articles (as the background pass would have): its summary is then kept and prepared."""
    from tui.stories.story import story_summary

    with Library(path) as lib:
        assert story_summary(lib, story_id, analyse=True).analysed


async def test_the_read_ahead_makes_the_summary_in_a_child_process(tmp_path, make_app, monkeypatch):
    import tui.stories.story as stories_story
    from tui.app.screens import story as story_view
    from tui.stories.story_memo import forget_kept

    monkeypatch.setenv("NEWSREADER_AHEAD_CHILD", "1")
    path = tmp_path / "library.db"
    big, _small = make_big_story_library(path)
    analysed(path, big)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("enter")  # the story view opened once (kept), then back to the list
        await wait_until(pilot, lambda: getattr(app.screen, "summary", None) is not None, "the story view never opened")
        view = app.screen
        await pilot.press("escape")
        await settle(pilot)
        forget_kept()  # nothing kept: the read ahead has the summary made
        made: list[int] = []  # summaries made in this process, by thread
        real = stories_story.story_summary
        monkeypatch.setattr(stories_story, "story_summary",
                            lambda *a, **k: made.append(threading.get_ident()) or real(*a, **k))
        for started in (1, 2):
            story_view.read_ahead(main, big)  # the cursor rests on the big story
            await wait_until(pilot, lambda: view._ahead is not None, "the read ahead never prepared the story view",
                             seconds=60)
            assert made == [], "the summary was made in the app's process"
            assert main.summary_child is not None and main.summary_child.started == started
            child = main.summary_child._child
            assert child is not None and child.poll() is None  # kept for the next rests
            if started == 1:  # it dies (killed, out of memory): the next read ahead starts another
                child.kill()
                child.wait(10)
                view._ahead = None
                forget_kept()
        await pilot.press("enter")  # shown from the read ahead: nothing read or made on the way
        await wait_until(pilot, lambda: app.screen is view and view.summary is not None, "the story was not shown")
        assert made == []
        text = view.query_one("#story-text")
        articles = [str(text.get_option_at_index(i).prompt) for i in range(text.option_count)]
        assert sum("Tide gauge report" in a for a in articles) >= BIG, articles
        assert view.summary.sentences and view.summary.analysed
        await settle(pilot)
    child.wait(10)  # the app closed: its child ended with it
    assert child.poll() is not None


def test_the_view_s_items_made_in_the_summary_process_are_those_the_app_builds(tmp_path):
    """Since session 30 the summary process also builds and wraps the story view's items (building and wrapping a big
    story's hundreds of items was ~60 ms of the app's thread beside the keys), sent as plain data and made items again
    in the app, each Text made when first drawn: the same items, styles and wrapped lines as built in the app."""
    from tui.app.parts.summary_child import SummaryChild
    from tui.app.screens.story_items import build, from_plain
    from tui.app.widgets.summary_items import wrap_all
    from tui.stories.story_memo import story_summary_kept

    path = tmp_path / "library.db"
    big, _small = make_big_story_library(path)
    analysed(path, big)
    child = SummaryChild()
    try:
        what, (row, summary, rows, items) = child.summarise(path, big, (70, 38))
        assert child.summarise(path, big)[1][3] is None  # no widths: no items
    finally:
        child.stop()
    assert what == "ok" and items is not None
    made, wraps = from_plain(items)
    with Library(path) as lib:
        own_row, own_summary = story_summary_kept(lib, big, sentences=None, analyse=False)
        own = build(own_summary, own_row, {r.id: r for r in lib.rows_by_id(list(own_summary.articles))})
    assert made[0] == own[0] and made[1] == own[1] and made[4] == own[4]  # head, pane title, entity names

    def seen(options):
        return [(o.prompt.plain, str(o.prompt.style), [(s.start, s.end, str(s.style)) for s in o.prompt.spans], o.id,
                 o.disabled, o.heading, o.rule, o.indent, o.keep, o.hang, list(o.spans), o.pads) for o in options]

    for options, own_options, wrap, width in zip(made[2:4], own[2:4], wraps, (70, 38)):
        assert wrap[0] == width and wrap[1] == wrap_all(own_options, width)
        assert seen(options) == seen(own_options)
        assert sum("Tide gauge report" in o.prompt.plain for o in options) >= (BIG if width == 70 else 0)


async def test_a_read_ahead_that_had_no_view_to_lay_out_for_is_laid_out_in_its_thread(tmp_path, make_app, monkeypatch):
    """A read ahead that began with no story view to lay the lists out for (before the view was first opened, or while
    it was shown) used to have the view build and wrap the kept summary's lists on the UI thread when it ended: 60-200
    ms of a big story, keys waiting behind it. Now a read ahead is made again in its thread for the view there is."""
    import threading

    from tui.app.screens import story as story_view
    from tui.app.widgets import story_list, summary_items

    path = tmp_path / "library.db"
    big, _small = make_big_story_library(path)
    analysed(path, big)
    built_on: list[int] = []
    real_build, real_wrap = story_view.build, summary_items.wrap_all
    monkeypatch.setattr(story_view, "build", lambda *a, **k: built_on.append(threading.get_ident()) or real_build(*a, **k))
    for module in (summary_items, story_list):
        monkeypatch.setattr(module, "wrap_all",
                            lambda *a, **k: built_on.append(threading.get_ident()) or real_wrap(*a, **k))
    monkeypatch.setattr(story_view, "STORY_REST", 1e6)  # no read ahead of its own: the one below is the test's
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        await pilot.press("v")
        await settle(pilot)
        read_story_kept(path, big)
        await pilot.press("j", "enter")  # the view opened once (kept), on the small story
        await wait_until(pilot, lambda: getattr(app.screen, "summary", None) is not None, "the story view never opened")
        view = app.screen
        await pilot.press("escape", "k")  # back on the big story
        await settle(pilot)
        assert main.articles.current.id == big
        view._ahead, built_on[:] = None, []
        ui = threading.get_ident()
        # a read ahead of the kept summary that had no view to lay out for, ended
        story_view._prepare_ahead(main, big, None, story_view._marks_now(main), True)
        assert built_on == []  # nothing built or wrapped on the UI thread
        await wait_until(pilot, lambda: view._ahead is not None and view._ahead[0] == big,
                         "the read ahead was not made again for the view", seconds=30)
        assert built_on and ui not in built_on, built_on
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is view and view.summary is not None, "the story was not shown")
        assert ui not in built_on
