"""Drive the real app (or the bare one) with Textual's pilot in a child process; print one JSON object.

    python -m bench.measures.app_driver keys   DB REPS [STORY_ID,...]  # key -> repaint times
    python -m bench.measures.app_driver memory DB        # RSS after scrolling the whole list (DB "-" = bare app)

Key -> repaint is timed from just before the key event is handed to the app until the end of the last screen
update it causes. Headless Textual skips turning an update into terminal bytes, so the hook below does that
work too (render_segments), to cost what a real terminal write costs. Updates come from Textual's own
screen timer, exactly as in a terminal; we never force one.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from pathlib import Path

SIZE = (200, 50)
SETTLE = 0.06  # a key's work is done when no update came for this long
MAX_WAIT = 1.0


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# Widgets whose repaint is never a key's doing: the library status line shows the background
# analysis's progress (a few times a second while it runs).
BACKGROUND_ONLY = {"library-status"}
# The UI thread's CPU time (time.thread_time) at each entry of the `stamps` list: a key's CPU time is
# what the UI thread spent from the key to its last update (other processes' load does not count).
_CPU: list[float] = []


def _hook_display(app, stamps: list[float], background: list[float] | None = None) -> None:
    """Stamp the end of every screen update (rendered to terminal bytes, as a real driver would).

    An update that redraws nothing but the background-progress status line is stamped in
    `background` instead: it happens on its own timer, whatever key was pressed.
    """
    from textual._compositor import Compositor, CompositorUpdate

    original = app._display
    drawn: list[set] = [set()]
    update_widgets = Compositor.update_widgets

    def record(compositor, widgets):
        drawn[0] = {widget.id for widget in widgets}
        return update_widgets(compositor, widgets)

    Compositor.update_widgets = record

    def display(screen, renderable):
        original(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)  # what the terminal driver would write
        now = time.perf_counter()
        if background is not None and drawn[0] and drawn[0] <= BACKGROUND_ONLY:
            background.append(now)
        else:
            stamps.append(now)
            _CPU.append(time.thread_time())
        drawn[0] = set()

    app._display = display


async def _timed_press(pilot, stamps: list[float], key: str, firsts: list | None = None,
                       cpus: list | None = None) -> float | None:
    """Seconds from the key to the last screen update it caused (None: it changed nothing on screen).

    The time to the first update is appended to `firsts` when given, the UI thread's CPU seconds
    from the key to that last update to `cpus`.
    """
    start = len(stamps)
    c0 = time.thread_time()
    t0 = time.perf_counter()
    await pilot.app._press_keys([key])
    while True:
        last = stamps[-1] if len(stamps) > start else t0
        now = time.perf_counter()
        if now - last >= SETTLE or now - t0 >= MAX_WAIT:
            break
        await asyncio.sleep(0.005)
    if firsts is not None and len(stamps) > start:
        firsts.append(stamps[start] - t0)
    if cpus is not None and len(stamps) > start and len(_CPU) == len(stamps):
        cpus.append(_CPU[-1] - c0)
    return stamps[-1] - t0 if len(stamps) > start else None


async def _timed_story_open(pilot, stamps: list[float], key: str, shown: list[int], cpus: list | None = None,
                            analysed: list | None = None) -> float | None:
    """Seconds from `key` (enter on a story row) to the first screen update that shows the story's summary
    (None: not shown within MAX_WAIT * 3). `shown` is the list the hooked StoryScreen.show appends the
    stamp count to when it fills the panes. Then waits for the screen to settle (a second reading, for
    quotes and entities of articles not analysed yet, may repaint it later: not counted)."""
    start, first_show = len(stamps), len(shown)
    c0 = time.thread_time()
    t0 = time.perf_counter()
    await pilot.app._press_keys([key])
    got = None
    while time.perf_counter() - t0 < 3 * MAX_WAIT:
        if len(shown) > first_show and len(stamps) > shown[first_show]:
            got = shown[first_show]
            break
        await asyncio.sleep(0.002)
    if got is None:
        return None
    if cpus is not None and len(_CPU) == len(stamps):
        cpus.append(_CPU[got] - c0)
    if analysed is not None:
        analysed.append(bool(getattr(getattr(pilot.app.screen, "summary", None), "analysed", False)))
    elapsed = stamps[got] - t0
    while time.perf_counter() - (stamps[-1] if len(stamps) > start else t0) < SETTLE:
        await asyncio.sleep(0.005)
    return elapsed


def _hook_story_view(shown: list[int], stamps: list[float]) -> None:
    """Note, each time the story view fills its panes, how many updates the screen had had."""
    from tui.app.screens.story import StoryScreen

    original = StoryScreen.show

    def show(self, rows):
        original(self, rows)
        shown.append(len(stamps))

    StoryScreen.show = show


async def _settle(pilot, stamps: list[float]) -> None:
    await pilot.pause()
    while stamps and time.perf_counter() - stamps[-1] < 0.2:
        await asyncio.sleep(0.02)


def _app(db: str):
    from tui.app.app import NewsreaderApp

    return NewsreaderApp(Path(db))


async def keys(db: str, reps: int, story_ids: list[int] = ()) -> dict:
    """Time moving in the list, opening analysed articles, and switching panes; then in story mode moving,
    opening each story of `story_ids` (the cursor put on its row, then enter), going back (esc), and opening
    them again."""
    app = _app(db)
    stamps: list[float] = []
    progress: list[float] = []  # background-progress repaints, not counted for any key
    _hook_display(app, stamps, progress)
    out: dict[str, list] = {"move": [], "open": [], "switch": [], "page": [], "last": [],
                            "move_first": [], "open_first": [], "switch_first": [],
                            "move_cpu": [], "open_cpu": [], "switch_cpu": []}
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot, stamps)
        for i in range(reps):
            out["move"].append(await _timed_press(pilot, stamps, "j" if i % 4 != 3 else "k", out["move_first"],
                                                  out["move_cpu"]))
        await _timed_press(pilot, stamps, "g")
        # The first rows were analysed beforehand (see keys.py): open each, go back, move down.
        for i in range(reps):
            out["open"].append(await _timed_press(pilot, stamps, "enter", out["open_first"], out["open_cpu"]))
            # Must come from the cache: an analysis running in a worker would mean the setup went wrong.
            out["open_not_cached"] = out.get("open_not_cached", 0) + bool(getattr(app.screen, "analysing", False))
            await _timed_press(pilot, stamps, "escape")
            await _timed_press(pilot, stamps, "j")
        # The same without the copy prepared while the cursor rested (enter pressed at once after a move).
        out["open_cold"] = []
        for i in range(max(3, reps // 2)):
            await _timed_press(pilot, stamps, "j")
            app.screen.forget_ready()
            out["open_cold"].append(await _timed_press(pilot, stamps, "enter"))
            await _timed_press(pilot, stamps, "escape")
        for i in range(reps):
            out["switch"].append(await _timed_press(pilot, stamps, "tab", out["switch_first"], out["switch_cpu"]))
        await _timed_press(pilot, stamps, "escape")
        for i in range(max(3, reps // 3)):
            out["page"].append(await _timed_press(pilot, stamps, "pagedown"))
        out["last"].append(await _timed_press(pilot, stamps, "G"))
        # Story mode (`v`): the library's rows are stories (issue 13: the same key budgets).
        await _timed_press(pilot, stamps, "g")
        out["stories_toggle"] = [await _timed_press(pilot, stamps, "v")]
        await _settle(pilot, stamps)
        out["stories_count"] = len(app.screen.articles.source or ())
        out["stories_move"] = [await _timed_press(pilot, stamps, "j" if i % 4 != 3 else "k") for i in range(reps)]
        out["stories_page"] = [await _timed_press(pilot, stamps, "pagedown") for _ in range(max(3, reps // 3))]
        out["stories_last"] = [await _timed_press(pilot, stamps, "G")]
        # enter on a story (its members analysed beforehand, as the background pass would have: see keys.py),
        # esc back to the list, j; then the same stories again (their summaries kept, tui/stories/story_memo.py)
        shown: list[int] = []
        _hook_story_view(shown, stamps)
        for name in ("story_open", "story_open_cpu", "story_open_analysed", "story_back", "story_back_cpu",
                     "story_open_again", "story_open_again_cpu"):
            out[name] = []
        listed = app.screen.articles
        where = {listed.source.row(i).id: i for i in range(min(len(listed.source), 2000))}
        out["stories_missing"] = [sid for sid in story_ids if sid not in where]
        for again in (False, True):
            for sid in story_ids:
                if sid not in where:
                    continue
                listed.cursor = where[sid]  # not timed: the key measured is enter on that row
                await _settle(pilot, stamps)
                name = "story_open_again" if again else "story_open"
                out[name].append(await _timed_story_open(pilot, stamps, "enter", shown, out[name + "_cpu"],
                                                         None if again else out["story_open_analysed"]))
                if again:
                    await _timed_press(pilot, stamps, "escape")
                else:
                    out["story_back"].append(await _timed_press(pilot, stamps, "escape", cpus=out["story_back_cpu"]))
                await _settle(pilot, stamps)
        await _timed_press(pilot, stamps, "v")
    out["progress_repaints"] = len(progress)
    out["background"] = bool(getattr(app, "background", False))
    return out


SAMPLES = 5  # RSS read this many times, SAMPLE_GAP apart, once the app has settled: the median is the figure
SAMPLE_GAP = 0.2
SETTLE_LIMIT = 120.0  # seconds to wait for the start-up work before sampling anyway (the result says so)
PAGE_WAIT = 2.0  # seconds a pagedown may take to show its page


async def _sample_rss() -> list[float]:
    gc.collect()
    samples = []
    for i in range(SAMPLES):
        if i:
            await asyncio.sleep(SAMPLE_GAP)
        samples.append(_rss_mb())
    return samples


def _hook_background(events: list[str]) -> None:
    """Note when the background analysis pass has done its checks in this process (it is about to start its child
    process, or found nothing to do) and when it ended."""
    import tui.app.parts.background as parts
    import tui.background as child

    command, done = child.child_command, parts.BackgroundPass._done

    def child_command(*args, **kwargs):
        events.append("child")
        return command(*args, **kwargs)

    def _done(self, *args, **kwargs):
        events.append("done")
        return done(self, *args, **kwargs)

    child.child_command = child_command
    parts.BackgroundPass._done = _done


async def _settle_startup(app, screen, background: list[str], last_key: float) -> dict:
    """Wait until everything the app schedules at start-up has run, so that the sample is taken at the same point
    of its life whatever the library size (at 100 articles the list is paged in 0.1 s, at 100,000 in minutes):
    the background analysis pass has done its checks and started its child process (or ended), the warm-ups
    (the engine's import 1 s after start, NLTK and the story modules once the reader has paused IDLE_WARM
    seconds) have run, no worker but the background pass is running, and the app has done what it does when the
    reader pauses (idle_gc: a full collection if due, the heap's free pages given back)."""
    from textual.worker import WorkerState

    from tui.app.screens.main import IDLE_WARM

    t0 = time.perf_counter()
    waited = {}
    while True:
        idle_warm = getattr(screen, "_idle_warm", None)
        pending = {
            "background pass": app.background and not background,
            "idle warm-up": idle_warm is not None and getattr(idle_warm, "_task", None) is not None,
            "reader's pause": time.perf_counter() - last_key < IDLE_WARM + 0.5,
            "workers": any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) and w.group != "background"
                           for w in app.workers),
            # the pause's housekeeping (tui/app/idle_gc.py): the heap's free pages given back after the analysis
            "idle release": getattr(getattr(app, "idle_gc", None), "release_due", False),
        }
        if not any(pending.values()):
            break
        if time.perf_counter() - t0 > SETTLE_LIMIT:
            waited["unsettled"] = [name for name, left in pending.items() if left]
            break
        await asyncio.sleep(0.05)
    waited["settle_s"] = time.perf_counter() - t0
    return waited


async def memory(db: str) -> dict:
    """RSS after paging from the top of the list to the bottom and opening the last article (engine loaded), once the
    app's start-up work has all run (`_settle_startup`): the median of SAMPLES readings."""
    if db == "-":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from bare_app import BareApp

        async with BareApp("bare app").run_test(size=SIZE) as pilot:
            await pilot.pause()
            samples = await _sample_rss()
            return {"rss_mb": sorted(samples)[len(samples) // 2], "samples": samples, "pages": 0}
    background: list[str] = []
    _hook_background(background)
    app = _app(db)
    stamps: list[float] = []
    _hook_display(app, stamps)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        articles = screen.query_one("#articles")
        total = len(articles.source)
        pages = 0
        t0 = time.perf_counter()
        from textual import events

        while articles.cursor < total - 1:
            # A real key event, then wait for the screen update that shows the new page (pilot.press would
            # add its own idle waits: ~80 ms a page, minutes for 100,000 rows).
            before, seen = articles.cursor, len(stamps)
            app._driver.send_message(events.Key("pagedown", None))
            deadline = time.perf_counter() + PAGE_WAIT
            while (articles.cursor == before or len(stamps) == seen) and time.perf_counter() < deadline:
                await asyncio.sleep(0.002)
            if articles.cursor == before:
                raise SystemExit(f"pagedown stopped moving the list at row {before} of {total}")
            pages += 1
        scroll_s = time.perf_counter() - t0
        await pilot.press("enter")  # the last article: analysed now, so the engine is loaded
        last_key = time.perf_counter()
        for _ in range(600):
            await pilot.pause(0.05)
            if not getattr(screen, "analysing", False):
                break
        loaded_by_app = "tui.engine.summarize" in sys.modules
        if not loaded_by_app:  # the analysis came from the cache: load the engine the way a re-analysis would
            from tui.engine.analysis import analyze

            article = screen.article
            analyze(article.body, title=article.title)
        settled = await _settle_startup(app, screen, background, last_key)
        samples = await _sample_rss()
        return {"rss_mb": sorted(samples)[len(samples) // 2], "samples": samples, "pages": pages, "rows": total,
                "scroll_s": scroll_s, "engine_loaded": "by the app" if loaded_by_app else "by the driver",
                "analysis_error": str(getattr(screen, "analysis_error", "")), "modules": len(sys.modules),
                "background": background[:1], **settled}


def main(argv: list[str]) -> None:
    mode, db = argv[0], argv[1]
    if mode == "keys":
        ids = [int(x) for x in argv[3].split(",") if x] if len(argv) > 3 else []
        result = asyncio.run(keys(db, int(argv[2]), ids))
    else:
        result = asyncio.run(memory(db))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
