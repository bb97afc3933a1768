"""Analyse a whole library in the background, on every core, writing results to the cache as they come.

Worker processes (not threads: the analysis is pure Python and would hold the GIL) read the
articles themselves and send back JSON, so the calling process does little more than write
results. The caller's thread can stop the pass at any moment (`cancel`): the workers are
terminated and reaped at once, never left running behind a closing app.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections import deque
from pathlib import Path
from typing import Callable

from tui.engine.analysis import DEFAULT_METHOD, cache_key

CHUNK = 4  # articles per task: few enough that progress moves smoothly
POLL = 0.1  # seconds between checks of `cancel` while waiting for results

_lib = None  # each worker process's own connection (opened by _init_worker)


def _init_worker(path: str, nice: int, parent_pid: int = 0) -> None:
    """Worker set-up: dies with its parent, own library connection, lower priority, no Ctrl+C tracebacks."""
    global _lib
    from tui.lifeline import die_with_parent

    # Pool workers are started by the thread that creates the pool or by the pool's own worker-handler
    # thread: the kernel's parent-death signal would follow the wrong one, so only watch the parent.
    die_with_parent(parent_pid or None, kernel=False)
    # The parent decides when to stop (Ctrl+C in the CLI, quit in the app) and terminates us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        lower_priority(nice)
    from tui.store import Library

    _lib = Library(path)


def lower_priority(nice: int) -> None:
    """Run this process at `nice` and, on Linux, in the idle scheduling class.

    Nice 19 alone still takes a slice of a core the UI wants: with both cores busy analysing,
    opening an article took twice as long. An idle-class process runs only when a core would
    otherwise be idle, so the UI preempts it at once.
    """
    try:
        os.nice(nice)
    except OSError:
        pass
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        except OSError:
            pass


def _analyse(ids: list[int]) -> list[tuple[int, str | None, list]]:
    """Worker: analyse some articles; one (id, JSON or None when it failed or is gone, mentions) each."""
    from tui.engine.analysis import analyze, mention_counts

    out = []
    for ident in ids:
        try:
            article = _lib.get(ident)
            if article is None:
                out.append((ident, None, []))
                continue
            result = analyze(article.body, title=article.title)
            out.append((ident, json.dumps(result.to_dict()), mention_counts(result)))
        except Exception:  # one broken article must not stop the pass
            out.append((ident, None, []))
    return out


def analyse_library(path: str | Path, *, jobs: int | None = None, progress: bool = False,
                    on_progress: Callable[[int, int], None] | None = None,
                    cancel: Callable[[], bool] | None = None, nice: int = 0) -> int:
    """Analyse every article without a cached default analysis. Returns how many were analysed.

    `jobs` worker processes (default: every core); `progress` draws a bar on stderr;
    `on_progress(done, total)` is called after each batch of results; `cancel()` returning True
    stops the pass within about POLL seconds (work already written stays written); `nice` lowers
    the workers' priority so an interactive app keeps the CPU it needs.
    """
    from tui.store import Library

    with Library(path) as lib:
        key = cache_key(DEFAULT_METHOD)
        todo = lib.unanalysed_ids(key)
        total, done = len(todo), 0
        if not total:
            return 0
        jobs = max(1, min(jobs or os.cpu_count() or 1, (total + CHUNK - 1) // CHUNK))
        bar = _Bar(total) if progress else None
        chunks = iter([todo[i:i + CHUNK] for i in range(0, total, CHUNK)])
        # spawn, not fork: forking a process that runs threads (the app's) can copy a held lock.
        import multiprocessing

        pool = multiprocessing.get_context("spawn").Pool(
            jobs, initializer=_init_worker, initargs=(str(lib.path), nice, os.getpid()))
        pending: deque = deque()
        try:
            while True:
                # A small window of tasks in flight: the pool never queues the whole library.
                while len(pending) < 2 * jobs:
                    chunk = next(chunks, None)
                    if chunk is None:
                        break
                    pending.append(pool.apply_async(_analyse, (chunk,)))
                if not pending:
                    break
                if cancel is not None and cancel():
                    break
                pending[0].wait(POLL)
                if not pending[0].ready():
                    continue
                for ident, data, mentions in pending.popleft().get():
                    if data is not None:
                        lib.put_analysis(ident, key, data, mentions)
                    done += 1
                if bar:
                    bar.update(done)
                if on_progress:
                    on_progress(done, total)
        finally:
            # terminate + join: workers stop now (mid-article if need be) and are reaped, no zombies.
            pool.terminate()
            pool.join()
            if bar:
                bar.finish()
    return done


def child_command(path: str | Path, nice: int = 0) -> list[str]:
    """The command that runs `analyse_library` in a child process reporting "done total" lines (see `child_main`).

    The app runs the pass this way rather than owning a pool itself: the child has ordinary
    stdio (multiprocessing needs a real stderr, which a full-screen app has replaced), and
    stopping it is one terminate() of one process.
    """
    return [sys.executable, "-c", "import sys; from tui.background import child_main; child_main(sys.argv[1:])",
            str(path), str(nice)]


def child_env() -> dict[str, str]:
    """Environment for `child_command`: finds this very `tui` package (a checkout or an install)."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def child_main(argv: list[str]) -> None:
    """Entry of the child process: prints "done total" after each batch, then "finished N"."""
    from tui.lifeline import die_with_parent

    die_with_parent(kernel=False)  # the app started us from a worker thread: watch the app itself
    path, nice = argv[0], int(argv[1]) if len(argv) > 1 else 0
    # SIGTERM (the app quitting) unwinds through analyse_library's `finally`, which stops the workers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        lower_priority(nice)  # this process stores the results: it too must not delay the UI
    try:
        print("grouped", group_apart(path, nice), flush=True)  # first: it takes seconds, analysis hours
        done = analyse_library(path, nice=nice, on_progress=lambda d, t: print(d, t, flush=True))
        print("finished", done, flush=True)
    except BrokenPipeError:  # the app is gone
        pass
    except Exception as exc:
        print("error", str(exc).splitlines()[0] if str(exc) else type(exc).__name__, flush=True)


def group_stories(path: str | Path, settle: bool = False) -> int:
    """Put every article that is in no story yet into one (what `add` leaves to the background when
    it imports more than GROUP_ON_ADD articles); returns how many were placed. `settle`: tui.stories.settle's
    work instead (also the window of articles placed a few at a time regrouped; placed + regrouped)."""
    from tui.store import Library
    from tui.stories import group_new
    from tui.stories import settle as settle_now

    with Library(path) as lib:
        return settle_now(lib) if settle else group_new(lib)


def group_apart(path: str | Path, nice: int = 0) -> int:
    """Group the library's backlog in a process of its own (`group_command`), wait for it, and return how many it
    placed (0 at once when no article waits: no process). For the analysis pass's child, which goes on for hours
    after: grouped in its own process it kept the grouping's heap all that time (a 100,000-article backlog: ~290 MB
    at its peak, which Python does not give back); a process that ends gives it all back. Raises RuntimeError with
    the grouping's one-line error."""
    import subprocess

    from tui.store import Library

    try:
        from tui.store.stories import ungrouped_count
    except ImportError:  # no stories package: nothing to group
        return 0
    with Library(path) as lib:
        if not ungrouped_count(lib):
            return 0
    proc = subprocess.Popen(group_command(path, False, nice), env=child_env(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    grouped, error = 0, ""
    try:
        for line in proc.stdout:
            word, _, rest = line.strip().partition(" ")
            if word == "grouped" and rest.isdigit():
                grouped = int(rest)
            elif word == "error":
                error = rest
    finally:  # (SIGTERM here, the app quitting: the grouping stops too, its transaction rolled back)
        proc.stdout.close()
        if proc.poll() is None:
            proc.terminate()
        code = proc.wait()
    if error or (code and not grouped):
        raise RuntimeError(error or f"the grouping process stopped (exit code {code})")
    return grouped


def group_command(path: str | Path, settle: bool = False, nice: int = 0) -> list[str]:
    """The command that groups a library's backlog in a child process (see `group_main`): the app has a backlog of
    thousands of articles (a big folder scanned, a library imported with `add`) grouped there, never in its own
    process, whose memory it would grow by hundreds of MB for good (100,000 articles: ~3 KB each held while
    grouping) and whose keys it would slow (the grouping holds the GIL)."""
    return [sys.executable, "-c", "import sys; from tui.background import group_main; group_main(sys.argv[1:])",
            str(path), "settle" if settle else "group", str(nice)]


def group_main(argv: list[str]) -> None:
    """Entry of `group_command`'s child: prints "grouped N" (articles placed or regrouped), or "error WHY"."""
    from tui.lifeline import die_with_parent

    die_with_parent(kernel=False)  # started from a worker thread: watch the app itself
    path, mode, nice = argv[0], argv[1], int(argv[2]) if len(argv) > 2 else 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # the app quitting: the grouping's transaction rolls back
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        lower_priority(nice)
    try:
        print("grouped", group_stories(path, settle=mode == "settle"), flush=True)
    except BrokenPipeError:  # the app is gone
        pass
    except Exception as exc:
        print("error", f"{type(exc).__name__}: {str(exc).splitlines()[0]}" if str(exc) else type(exc).__name__,
              flush=True)


def one_command(path: str | Path, article_id: int, method: str, sentences: int | None) -> list[str]:
    """The command that analyses one stored article in a child process and caches the result (see `one_main`).

    The app uses it for very long articles: a pure-Python analysis of many seconds in one of the
    app's threads would hold the GIL and make every key press wait.
    """
    return [sys.executable, "-c", "import sys; from tui.background import one_main; one_main(sys.argv[1:])",
            str(path), str(article_id), method, str(sentences or 0)]


def one_main(argv: list[str]) -> None:
    """Entry of `one_command`'s child: analyse the article, store the analysis; exit code 1 if it is gone."""
    from tui.engine import analysis as engine
    from tui.lifeline import die_with_parent
    from tui.store import Library

    die_with_parent(kernel=False)
    path, ident, method, sentences = argv[0], int(argv[1]), argv[2], int(argv[3]) or None
    with Library(path) as lib:
        article = lib.get(ident)
        if article is None:
            sys.exit(1)
        result = engine.analyze(article.body, title=article.title, method=method, sentences=sentences)
        lib.put_analysis(ident, engine.cache_key(method, sentences), json.dumps(result.to_dict()),
                         engine.mention_counts(result))


class _Bar:
    """A plain progress bar on stderr (only redrawn a few times a second)."""

    def __init__(self, total: int):
        self.total, self.start, self.last = total, time.monotonic(), 0.0
        self.tty = sys.stderr.isatty()
        self.tenth = 0  # without a terminal: one line per tenth done

    def update(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 and done < self.total:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-6)
        width = 30
        filled = int(width * done / self.total)
        line = f"analysing [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total}  {rate:.0f}/s"
        if self.tty:
            sys.stderr.write("\r" + line)
        elif done * 10 // self.total > self.tenth:
            self.tenth = done * 10 // self.total
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
