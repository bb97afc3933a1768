"""The whole-library background pass: worker processes analyse every article, the entity filter then covers all."""

from __future__ import annotations

import multiprocessing
import time

from pilot_steps import toasts_of
from ui_sample import HARBOUR, HOSTILE, ORCHARD, ROBOTS

from tui.background import analyse_library
from tui.engine.analysis import DEFAULT_METHOD, cache_key
from tui.store import Library

KEY = cache_key(DEFAULT_METHOD)


def titles(screen) -> list[str]:
    source = screen.articles.source
    return [source.row(i).title for i in range(len(source))]


async def test_app_analyses_the_whole_library_then_filters_by_entity(cached_library, make_app, monkeypatch):
    path, ids = cached_library
    monkeypatch.delenv("NEWSREADER_NO_BACKGROUND")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        with Library(path) as lib:
            assert len(lib.unanalysed_ids(KEY)) == 3  # HARBOUR came analysed
        screen.background.start()  # not waiting for the start-up delay
        await pilot.pause()
        assert screen.background.running, (app.background, toasts)
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Three articles are analysed unsaid (the status line showed the pass): no toast after a refresh's few
        assert not [t for t in toasts if t.startswith("Analysed")], toasts
        assert screen.background.progress == ""
        with Library(path) as lib:
            assert lib.unanalysed_ids(KEY) == []
            assert lib.get_analysis(ids[ORCHARD.title], KEY) is not None
            # The filter index has every analysed article, not just the ones opened.
            assert ids[ORCHARD.title] in lib.ids(entity="Ruth Calloway")
        screen.set_filter("", "Ruth Calloway")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert titles(screen) == [ORCHARD.title]
        assert "mentions Ruth Calloway" in str(screen.query_one("#library-status").render())
        # Nothing left to do: the next pass ends after one query, without a process or a toast.
        toasts.clear()
        monkeypatch.setattr("subprocess.Popen", None)  # starting a process now would fail loudly
        screen.background.start()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert toasts == [] and not screen.background.running


def test_progress_reaches_the_total_and_a_second_pass_finds_nothing(library):
    path, _ = library
    seen: list[tuple[int, int]] = []
    assert analyse_library(path, jobs=2, on_progress=lambda done, total: seen.append((done, total))) == 4
    assert seen[-1] == (4, 4) and all(total == 4 for _, total in seen)
    assert multiprocessing.active_children() == []  # the workers were reaped
    assert analyse_library(path, jobs=2) == 0
    with Library(path) as lib:
        assert lib.ids(entity="Agnes Trewin") == [lib.ids(search="storm wall")[0]]


def test_cancel_stops_at_once_and_leaves_no_process(library, monkeypatch):
    """A cancel stops the pass at its first check that says so, and the workers are terminated where they are
    (starting, importing or analysing), not waited for: measured as how the workers ended (killed by SIGTERM, not
    exited after their work) rather than as wall time, which heavy load stretches (it had a 5 s bound)."""
    import multiprocessing.pool
    import signal

    path, _ = library
    workers: list = []
    terminate = multiprocessing.pool.Pool.terminate
    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate",
                        lambda pool: (workers.extend(pool._pool), terminate(pool))[1])
    asked: list[bool] = []
    start = time.monotonic()

    def cancel() -> bool:
        asked.append(time.monotonic() - start > 0.05)
        return asked[-1]

    done = analyse_library(path, jobs=2, cancel=cancel)
    assert asked.count(True) == 1 and asked[-1]  # it stopped at the first check that said so, waiting for nothing
    assert workers and {w.exitcode for w in workers} == {-signal.SIGTERM}  # terminated where they were
    assert done < 4
    assert multiprocessing.active_children() == []
    with Library(path) as lib:
        assert len(lib.unanalysed_ids(KEY)) == 4 - done


async def test_a_very_long_article_is_analysed_in_a_child_process(library, make_app, monkeypatch):
    from tui import background
    from tui.app.parts import analysis as analysis_jobs

    path, ids = library
    monkeypatch.setattr(analysis_jobs, "LONG_TEXT", 500)  # HARBOUR (~1,000 characters) counts as long
    started: list[int] = []
    command = background.one_command
    monkeypatch.setattr(background, "one_command", lambda *a: (started.append(a[1]), command(*a))[1])

    def not_here(*_args):
        raise AssertionError("analysed in the app's thread")

    monkeypatch.setattr(analysis_jobs, "_analyse_in_thread", not_here)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert started == [ids[HARBOUR.title]]
        assert screen.article.title == HARBOUR.title and not screen.analysing and not screen.analysis_error
        assert screen.analysis.summary.sentences
        assert any(q.speaker == "Agnes Trewin" for q in screen.analysis.quotes)
        with Library(path) as lib:
            assert lib.get_analysis(ids[HARBOUR.title], KEY) is not None


async def test_only_the_first_big_pass_is_said_and_again_after_a_big_add(cached_library, make_app, monkeypatch,
                                                                         tmp_path):
    """walk35: "Analysed N articles: entity filters cover the whole library" came back after every refresh that
    brought articles (refresh_every, the watched folders' scans), with no key pressed. Now a pass says it ended
    only when it analysed BIG_PASS articles or more, once, and again after an `a` that added as many (here
    BIG_PASS is 2, the library's 3 unanalysed articles a big first pass)."""
    from tui.app.screens import main
    from tui.models import Article

    monkeypatch.setattr(main, "BIG_PASS", 2, raising=False)  # (raising: main had none)
    path, ids = cached_library
    monkeypatch.delenv("NEWSREADER_NO_BACKGROUND")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)

    def more(*titles: str) -> None:  # articles come in as a refresh stores them, unanalysed
        with Library(path) as lib:
            lib.add_many([Article(title=title, body=f"{title}. The council of Quennock met on Tuesday about it, "
                                  "and Marit Oslund said the work would start in spring.", source="Quennock Gazette")
                          for title in titles])

    async def a_pass() -> None:
        screen.background.start()
        await app.workers.wait_for_complete()
        await pilot.pause()

    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        await a_pass()
        assert "Analysed 3 articles: entity filters cover the whole library" in toasts, toasts
        toasts.clear()
        more("Quennock ferry timetable changes", "Quennock school roof mended")
        await a_pass()  # as big, not asked for: unsaid
        with Library(path) as lib:
            assert lib.unanalysed_ids(KEY) == []  # (it did run)
        assert not [t for t in toasts if t.startswith("Analysed")], toasts
        # an `a` that adds as many asks for it: its pass is said again
        folder = tmp_path / "notes"
        folder.mkdir()
        for name, title in (("one.txt", "Quennock library hours"), ("two.txt", "Quennock market moves")):
            (folder / name).write_text(f"{title}\n\nThe town of Quennock said on Monday that {title.lower()} "
                                       "would change from next week, after a vote of the council.\n")
        screen.importer.add(str(folder))  # what `a` with the folder's path does; its end starts the pass
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()  # the pass the import started
        await pilot.pause()
        with Library(path) as lib:
            assert lib.unanalysed_ids(KEY) == []
        assert "Analysed 2 articles: entity filters cover the whole library" in toasts, toasts
