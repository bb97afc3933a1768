"""Full garbage collections wait for the reader to pause (tui/app/idle_gc.py)."""

from __future__ import annotations

import asyncio
import gc

import pytest

from pilot_steps import settle
from tui.app import idle_gc
from tui.app.idle_gc import IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def python_threshold():
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def _middle_collection_since_the_last_full() -> None:
    gc.collect(2)
    gc.collect(1)  # counts one middle collection towards the next full one
    assert gc.get_count()[2] >= 1


def test_the_full_collection_runs_when_the_reader_pauses_not_while_keys_come(python_threshold):
    clock = Clock()
    idle = IdleCollector(clock)
    assert idle.tick() is False  # not started: Python's own timing
    idle.start()
    assert gc.get_threshold()[2] == idle_gc.HOLD  # Python's own full collections: never, in practice
    assert gc.get_threshold()[:2] == python_threshold[:2]  # young objects are collected as before
    _middle_collection_since_the_last_full()
    idle.input()
    clock.now += idle_gc.IDLE / 2
    assert idle.tick() is False and gc.get_count()[2] >= 1  # a key came half a second ago: nothing runs
    clock.now += idle_gc.IDLE
    assert idle.tick() is True and idle.collections == 1
    assert gc.get_count()[2] == 0  # the full collection ran
    clock.now += 10 * idle_gc.IDLE
    assert idle.tick() is False  # nothing collected by a middle pass since: no second full pass
    idle.stop()
    assert gc.get_threshold() == python_threshold


def test_keys_without_a_pause_get_a_full_collection_once_one_is_overdue(python_threshold):
    """Python's own full collection is held (it fired in the middle of keys); a reader who never pauses still gets one,
    between two events, after FULL_EVERY middle collections and OVERDUE seconds since the last."""
    clock = Clock()
    idle = IdleCollector(clock)
    idle.start()
    gc.collect(2)
    for _ in range(idle_gc.FULL_EVERY):
        gc.collect(1)
    for _ in range(int(idle_gc.OVERDUE / 0.5) - 1):  # a key every half second: never a pause
        idle.input()
        clock.now += 0.5
        assert idle.tick() is False
    assert gc.get_count()[2] >= idle_gc.FULL_EVERY  # waiting, not collected
    clock.now += 0.5
    idle.input()
    assert idle.tick() is True and idle.overdue == 1 and gc.get_count()[2] == 0
    gc.collect(1)  # one middle collection since: not overdue again for FULL_EVERY of them and OVERDUE seconds
    clock.now += 2 * idle_gc.OVERDUE
    idle.input()
    assert idle.tick() is False
    idle.stop()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_freeze_asked_for_runs_after_the_waiting_full_collection_at_the_pause(python_threshold):
    """The engine's warm-up called gc.freeze() in its thread, about a second after start: that set the collector's
    counts to 0 (the idle check then saw no full collection waiting and skipped it) and froze the garbage that
    collection was waiting for. It now asks the idle collector, which collects, then freezes, at the reader's pause."""
    import weakref

    clock = Clock()
    idle = IdleCollector(clock)
    idle.start()
    gc.collect(2)
    held = _Cycle()
    gone = weakref.ref(held)
    gc.collect(1)  # the cycle is old now: only a full collection finds it
    del held
    assert gone() is not None and gc.get_count()[2] >= 1  # garbage waiting for the full collection
    frozen = gc.get_freeze_count()
    idle.freeze_soon()  # (the warm-up's thread)
    idle.input()
    clock.now += idle_gc.IDLE / 2
    assert idle.tick() is False and idle.freeze_due and gone() is not None  # keys come: nothing yet
    clock.now += idle_gc.IDLE
    assert idle.tick() is True and idle.freezes == 1 and not idle.freeze_due
    assert gone() is None  # collected, not frozen
    assert gc.get_freeze_count() > frozen
    clock.now += 10 * idle_gc.IDLE
    assert idle.tick() is False and idle.freezes == 1  # once
    idle.freeze_soon()  # asked again with nothing waiting: the pause still runs it
    assert gc.get_count()[2] == 0 and idle.tick() is True and idle.freezes == 2
    idle.stop()


def test_the_warm_up_asks_the_idle_collector_for_its_freeze():
    from tui.app.parts import analysis

    asked: list[int] = []
    frozen = gc.get_freeze_count()
    analysis._warm(lambda: asked.append(1))
    assert asked == [1] and gc.get_freeze_count() == frozen  # no freeze of its own, in its thread


def test_no_full_collection_while_an_analysis_holds_the_collector_off(python_threshold):
    from tui.engine.gcpause import gc_paused

    clock = Clock()
    idle = IdleCollector(clock)
    idle.start()
    _middle_collection_since_the_last_full()
    clock.now += 5 * idle_gc.IDLE
    with gc_paused():
        assert idle.tick() is False
    assert idle.tick() is True
    idle.stop()


async def test_the_app_hands_full_collections_to_the_idle_collector_and_keys_count_as_input(library, make_app,
                                                                                              python_threshold):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(40):  # the first paint's freeze starts it (0.3 s after the main screen mounts)
            if app.idle_gc.started:
                break
            await asyncio.sleep(0.05)
        assert app.idle_gc.started and gc.get_threshold()[2] == idle_gc.HOLD
        before = app.idle_gc.last_input
        await pilot.press("j")
        assert app.idle_gc.last_input > before
    assert gc.get_threshold() == python_threshold  # given back when the app closes


async def test_no_full_collection_lands_while_keys_come_in_story_mode(tmp_path, make_app, python_threshold,
                                                                      monkeypatch):
    """Python's own rule ran a full collection in the middle of keys once FULL_EVERY middle collections had happened
    (the `keys` bench at 100,000 articles: one `enter` on a story in ~200 keys held one of ~100 ms CPU;
    bench/gc_pauses.py). With many middle collections waiting and objects enough to collect, keys in the stories
    list and the story view (the reader's clock never pausing) run none; the reader's pause runs it."""
    from story_sample import make_story_library

    from tui.app.parts import analysis

    warmed: list[int] = []  # the engine's warm-up asks for a freeze, run with the pause's full collection
    warm = analysis._warm
    monkeypatch.setattr(analysis, "_warm", lambda freeze: (warm(freeze), warmed.append(1)))

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    app = make_app(path)
    clock = Clock()
    app.idle_gc.clock = clock
    app.idle_gc.input()
    full: list[float] = []

    def counted(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(clock.now)

    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1200):  # the first paint's freeze starts the idle collector, the engine's warm-up follows
            if app.idle_gc.started and warmed:
                break
            await asyncio.sleep(0.05)
        assert app.idle_gc.started and warmed
        await pilot.press("v")
        await settle(pilot)
        gc.collect(2)
        kept = [[] for _ in range(len(gc.get_objects(2)) + 1000)]  # long-lived objects enough to make one due
        for _ in range(idle_gc.FULL_EVERY + 1):
            gc.collect(1)
        gc.callbacks.append(counted)
        try:
            for key in ("j", "k", "enter", "j", "k", "escape", "j", "enter", "escape", "v", "j", "v") * 3:
                clock.now += 0.1  # keys every tenth of a second: never a pause
                await pilot.press(key)
                await pilot.pause()
            assert full == [], full
            assert gc.get_count()[2] >= idle_gc.FULL_EVERY  # still waiting
            clock.now += idle_gc.IDLE + 0.1  # the reader pauses: the app's next check runs it
            for _ in range(200):
                if full:
                    break
                await asyncio.sleep(0.05)
            assert len(full) == 1 and app.idle_gc.collections >= 1
            assert app.idle_gc.freezes == 1  # the warm-up's freeze, with that collection
        finally:
            gc.callbacks.remove(counted)
    del kept


async def test_nltk_is_loaded_when_the_reader_pauses_not_while_keys_come(library, make_app, monkeypatch):
    """The first briefing's sentences, story view and uncached article each waited ~1 s (more under load) for NLTK's
    import; the app now loads it in a thread once no key has come for IDLE_WARM seconds (the import holds the GIL:
    not while keys come), and not at all when story mode's own warm-up loads it.

    The reader's time is the idle collector's clock, moved by the test (keys 0.5 s apart, a pause of 1.5 s), and each
    step waits for the app's own checks to run, however late the load makes them: at load 26 real keys sent 0.1 s
    apart arrived more than IDLE_WARM apart and the warm-up ran between two of them."""
    from tui.app.screens import main

    warmed: list[float] = []
    checks: list[int] = []
    check = main.MainScreen._warm_when_idle

    def counted(screen) -> None:
        check(screen)
        checks.append(1)

    monkeypatch.setattr(main, "_warm_nltk", lambda: warmed.append(1.0))
    monkeypatch.setattr(main, "IDLE_WARM", 0.6)
    monkeypatch.setattr(main.MainScreen, "_warm_when_idle", counted)
    clock = Clock()

    async def checked(count: int) -> None:
        """`count` more of the app's idle checks have run (one every 0.5 s when the machine keeps up)."""
        until = len(checks) + count
        for _ in range(1200):
            if len(checks) >= until or warmed:  # (loaded: the checks stop, the caller's assert says what happened)
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"the idle check ran {len(checks)} times, not {until}, in 60 s")

    async def loaded() -> None:
        for _ in range(1200):
            if warmed:
                return
            await asyncio.sleep(0.05)

    async def reached(app) -> None:
        """The key pressed has reached the app (press can return first under load: the next 0.5 s then made a
        pause of 1 s)."""
        for _ in range(1200):
            if app.idle_gc.last_input == clock.now:
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the key never reached the app")

    path, _ = library
    app = make_app(path)
    app.idle_gc.clock = clock  # from the start: a start-up slower than IDLE_WARM was a pause in real time
    app.idle_gc.input()
    async with app.run_test(size=(80, 24)) as pilot:
        for number in range(6):  # keys 0.5 s apart in the reader's time, the app's check between two
            clock.now += 0.5
            await checked(1)
            await pilot.press("j" if number % 2 else "k")
            await reached(app)
        assert warmed == []
        clock.now += 1.5  # a pause: loaded once, in a worker
        await checked(1)
        await loaded()
        assert warmed == [1.0]
        clock.now += 1.0
        await asyncio.sleep(1.2)  # the checks stop once it is loaded
        await app.workers.wait_for_complete()
        assert warmed == [1.0]
    app = make_app(path)
    warmed.clear()
    app.idle_gc.clock = clock
    app.idle_gc.input()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # what `v` does, and the pause after it, with no wait between them: a check run while a pressed key was
        # being handled found story mode on and stopped, before the pause this test waits a check for
        app.screen.action_toggle_stories()  # story mode loads the story modules, NLTK with them
        app.idle_gc.input()
        clock.now += 1.5
        await checked(1)
        await app.workers.wait_for_complete()
        assert warmed == []


def test_the_idle_warm_up_loads_the_modules_of_a_briefing_and_an_analysis():
    """After NLTK was warm, the first briefing's sentences still waited ~0.3 s for the story summary's and the quote
    finder's modules (~100 patterns compiled as they are imported): the idle warm-up loads them too (in a fresh
    process: this one has them already)."""
    import subprocess
    import sys

    wanted = ["tui.stories.story", "tui.stories.summary", "tui.stories.briefing", "tui.engine.quotes.extract",
              "tui.engine.summarize.news", "nltk"]
    code = ("import sys; from tui.app.screens.main import _warm_nltk; _warm_nltk(); "
            f"print([m for m in {wanted!r} if m not in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "[]", (out.stdout, out.stderr[-500:])


def test_the_heap_is_given_back_once_per_pause_after_keys_or_an_analysis(python_threshold):
    clock = Clock()
    released: list[float] = []
    idle = IdleCollector(clock, release=lambda: released.append(clock.now))
    idle.start()
    gc.collect(2)  # nothing for a full collection to do: only the release is at stake
    idle.input()
    clock.now += idle_gc.IDLE / 2
    assert idle.tick() is False and released == []  # keys are still coming
    clock.now += idle_gc.IDLE
    idle.tick()
    assert len(released) == 1 and not idle.release_due
    clock.now += 10 * idle_gc.IDLE
    gc.collect(2)
    idle.tick()
    assert len(released) == 1  # the same pause: nothing freed since
    idle.freed()  # an analysis landed while the reader paused
    idle.tick()
    assert len(released) == 2
    _middle_collection_since_the_last_full()
    assert idle.tick() is True and len(released) == 3  # a full collection frees too
    idle.stop()


def test_trim_gives_the_heaps_free_pages_back_to_the_system():
    """What malloc kept after a burst of work (here 60 MB of 4 KB blocks freed below one still in use) leaves the
    process's resident memory when the app trims (tui/app/heap.py), on glibc; elsewhere trim does nothing."""
    import os
    import subprocess
    import sys

    try:
        glibc = os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (ValueError, OSError):
        glibc = False
    if not (sys.platform.startswith("linux") and glibc):
        pytest.skip("malloc_trim is glibc's")
    code = (
        "from pathlib import Path\n"
        "def rss(): return int(next(l for l in Path('/proc/self/status').read_text().splitlines()"
        " if l.startswith('VmRSS')).split()[1]) // 1024\n"
        "from tui.app import heap\n"
        "blocks = [bytearray(4000) for _ in range(15000)]\n"
        "pin = bytearray(4000)\n"
        "del blocks\n"
        "before = rss(); released = heap.trim(); print(before, rss(), released)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    before, after, released = out.stdout.split()
    assert released == "True" and int(before) - int(after) >= 40, out.stdout


def test_a_pause_whose_key_is_already_queued_runs_no_full_collection(python_threshold):
    """The tick runs in its timer's own task: a key the terminal had handed to the app, still queued, waited for the
    whole collection (app32's gc_pauses bench: an idle pass met a `j` as the pause ended). With input waiting the pause
    is over: nothing runs, and the next pause collects."""
    clock, waiting = Clock(), [True]
    idle = IdleCollector(clock, pending=lambda: waiting[0])
    idle.start()
    _middle_collection_since_the_last_full()
    clock.now += 2 * idle_gc.IDLE
    assert idle.tick() is False and idle.put_off == 1 and gc.get_count()[2] >= 1
    waiting[0] = False
    assert idle.tick() is True and idle.collections == 1
    idle.stop()


async def test_the_app_counts_a_key_still_in_its_queue_as_input_waiting(library, make_app, python_threshold):
    from textual import events

    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(40):
            if app.idle_gc.started:
                break
            await asyncio.sleep(0.05)
        assert app.idle_gc.started
        assert not app._input_waiting()
        _middle_collection_since_the_last_full()
        app.idle_gc.last_input -= 2 * idle_gc.IDLE  # the reader has paused
        app.post_message(events.Key("j", "j"))  # the key that ends the pause, not handled yet
        assert app._input_waiting()
        assert app.idle_gc.tick() is False and app.idle_gc.put_off == 1
        await pilot.pause()
        assert not app._input_waiting()


def test_input_waiting_without_screens_is_no_input(library, make_app):
    """An idle tick as the app shuts down, its screens gone: _input_waiting asked App.focused, which raised
    ScreenStackError ("No screens on stack"), a traceback at exit (tests/hostile/test_bad_story_rows, once)."""
    path, _ = library
    app = make_app(path)
    assert not app._screen_stack  # (not started, or shut down: no screen)
    assert app._input_waiting() is False
