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
