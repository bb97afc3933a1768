"""The analysis of the open article: cached results at once, else a thread worker; method and length."""

from __future__ import annotations

import gc
import sys

from functools import partial
from pathlib import Path
from typing import Callable

from textual.worker import get_current_worker

from tui.app.parts.threads import deliver
from tui.app.failure import reason

# Articles this long (~16,000 words) are analysed in a child process, not a thread: seconds of
# pure-Python work in a thread would hold the GIL and make the UI stutter meanwhile.
LONG_TEXT = 100_000

# Used until tui.engine.summarize is loaded (importing it pulls in sumy, so the UI thread never does).
FALLBACK_METHODS = ("news", "lead", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction")


# How the summariser names are shown (the heading, its toast, the status line), as the README's quality table names
# them ("LEAD", the lead baseline: its toast said "lead" next to "LexRank"); the engine, config and the command line
# keep the short names ("lexrank", "lead"). Our own is "News" there too (it was "news" beside "LexRank").
METHOD_TITLES = {"news": "News", "lead": "LEAD", "lexrank": "LexRank", "textrank": "TextRank", "lsa": "LSA",
                 "luhn": "Luhn", "kl": "KL-Sum", "sumbasic": "SumBasic", "edmundson": "Edmundson",
                 "reduction": "Reduction"}


def method_title(name: str) -> str:
    """A summariser's name as the app shows it ("lexrank" -> "LexRank")."""
    return METHOD_TITLES.get(name, name)


def method_names() -> list[str]:
    """Summariser names in cycling order, from the engine's registry once it is loaded."""
    module = sys.modules.get("tui.engine.summarize")
    methods = getattr(module, "METHODS", None)
    return list(methods) if methods else list(FALLBACK_METHODS)


class AnalysisJobs:
    """Which summary to show (method, length) and the worker that computes an analysis.

    `host` runs the workers and timers. Callbacks, all on the UI thread:
    `shown(analysis, ready)` — show this analysis of the requested article (`ready`: its summary
    layout made ahead, or None); `status()` — `analysing` or `error` changed; `finished()` — a
    worker ended (a prepared copy may hold an old analysis).
    """

    def __init__(self, host, db_path: Path, lib, shown: Callable, status: Callable[[], None],
                 finished: Callable[[], None] = lambda: None) -> None:
        self.host = host
        self.db_path = db_path
        self.lib = lib
        self.shown = shown
        self.status = status
        self.finished = finished
        self.method = FALLBACK_METHODS[0]  # the engine's default (tui.engine.analysis.DEFAULT_METHOD)
        self.sentences: int | None = None  # None: the engine's default length
        self.analysing = False
        self.error = ""
        self._wanted: tuple | None = None  # (article id, method, sentences) of the last request
        # (method, sentences) of the analysis shown, which is what a copy copies: while a changed method or length is
        # still being made, the shown one is the one before it (a copy's toast named the new length's command)
        self.shown_key: tuple | None = None

    @property
    def key(self) -> tuple:
        """(method, sentences): what an analysis is looked up by."""
        return self.method, self.sentences

    def warm(self) -> None:
        """Import the NLP engine in the background soon after the first paint.

        The first import takes most of a second (nltk, sumy); doing it before the user opens
        an article makes that first analysis as quick as the rest. It waits a second so the
        import (which holds the GIL) does not slow the first keys pressed after start-up.
        """
        freeze = getattr(getattr(self.host, "app", None), "idle_gc", None)
        warm = partial(_warm, freeze.freeze_soon if freeze is not None else gc.freeze)
        self.host.set_timer(1.0, lambda: self.host.run_worker(warm, name="_warm_worker", group="warm-up",
                                                              thread=True))

    def request(self, article, force: bool = False, cached=None, ready=None) -> None:
        """Show the analysis of `article`: from the cache now, or computed in a worker (always if `force`)."""
        self._wanted = (article.id, self.method, self.sentences)
        if cached is None and not force:
            from tui.engine.analysis import get_cached

            cached = get_cached(self.lib, article.id, self.method, self.sentences)
        if cached is not None:
            self.analysing = False
            self.shown_key = (self.method, self.sentences)
            self.shown(cached, ready)
            return
        self.analysing = True
        self.error = ""
        self.status()
        self.host.run_worker(partial(self._worker, article, self.method, self.sentences, force),
                             name="_analysis_worker", group="analysis", exclusive=True, thread=True)

    def drop(self) -> None:
        """The article was closed: a result still coming for it is not shown."""
        self._wanted = None

    def _worker(self, article, method: str, sentences: int | None, force: bool) -> None:
        # One Library per thread (the store's rule); WAL lets this read while the UI thread reads.
        result, error = None, ""
        try:
            from tui.engine import analysis as engine

            from tui.app.parts.newer import open_library

            with open_library(self.host, self.db_path) as lib:
                if getattr(self.host, "damaged", "") or lib.readonly:
                    # A damaged (parts/health.py) or read-only library is never written: shown, not cached.
                    cached = None if force else engine.get_cached(lib, article.id, method, sentences)
                    result = cached or engine.analyze(article.body, title=article.title, method=method,
                                                      sentences=sentences)
                elif len(article.body) >= LONG_TEXT:
                    cached = None if force else engine.get_cached(lib, article.id, method, sentences)
                    result = cached or _analyse_in_process(self.db_path, lib, article.id, method, sentences)
                    if result is None and get_current_worker().is_cancelled:
                        return  # a newer request replaced this one
                if result is None:  # a usual article (or the child process failed): analyse it here
                    result = _analyse_in_thread(engine, lib, article, method, sentences, force)
        except Exception as exc:  # shown in the pane; the app keeps running
            error = reason(exc)
        deliver(self.host, self._done, article.id, method, sentences, result, error)

    def _done(self, article_id, method, sentences, result, error) -> None:
        self.finished()
        idle = getattr(getattr(self.host, "app", None), "idle_gc", None)
        if idle is not None:
            idle.freed()  # the analysis's working memory: given back to the system at the next pause
        if self._wanted is None or (article_id, method, sentences) != self._wanted:
            return  # a newer request is running; its result will come
        self.analysing = False
        if error:
            self.error = error
            self.status()
            return
        self.shown_key = (method, sentences)
        self.shown(result, None)

    def label_for(self, analysis, shown: tuple | None = None) -> str:
        """"News · 3 sentences", as the summary heading shows it: the method `analysis` was made by (`shown`: its
        (method, sentences); the one asked for when not given), then, while another method or length asked for is
        still being made, which ("News · 3 sentences · LexRank coming…"). The heading named the method asked for
        above the summary of the one before it."""
        summary = analysis.summary if analysis else None
        count = len(summary.sentences) if summary else 0
        method = shown[0] if shown else self.method
        label = f"{method_title(method)} · {count} sentence{'s' if count != 1 else ''}"
        if summary and summary.limited:
            label += f" ({summary.limited})"
        if shown and self.analysing and (self.method, self.sentences) != tuple(shown):
            coming = [method_title(self.method)] if self.method != method else []
            if self.sentences is not None and self.sentences != count:
                coming.append(f"{self.sentences} sentence{'s' if self.sentences != 1 else ''}")
            if coming:
                label += f" · {', '.join(coming)} coming…"
        return label

    # -- changing method and length (the caller then requests the analysis again) ------------

    def next_method(self) -> str:
        """Switch to the next summariser; returns its name."""
        names = method_names()
        index = names.index(self.method) if self.method in names else -1
        self.method = names[(index + 1) % len(names)]
        return self.method

    def _length(self, analysis) -> int:
        """The length + and - step from: the one asked for while its analysis is still being made, else the one shown
        (presses made before the changed summary arrived asked for the shown length + 1 again: six presses of +, one
        sentence more)."""
        if self.analysing and self.sentences:
            return self.sentences
        if analysis and analysis.summary:
            return len(analysis.summary.sentences)
        return self.sentences or 3

    def longer(self, analysis) -> bool:
        """One sentence more than `analysis` shows; False when it already has them all."""
        most = len(analysis.sentences) if analysis and analysis.sentences else 50
        if self._length(analysis) < most:
            self.sentences = self._length(analysis) + 1
            return True
        return False

    def shorter(self, analysis) -> bool:
        """One sentence fewer; False at one."""
        if self._length(analysis) > 1:
            self.sentences = self._length(analysis) - 1
            return True
        return False


def _warm(freeze: Callable[[], object] = gc.freeze) -> None:
    try:
        from tui.engine import entities, quotes, sentences, summarize  # noqa: F401
    except Exception:
        pass  # the analysis worker will report a broken engine when it is used
    # The engine's modules and tables live as long as the app: keep them out of the garbage
    # collector's full passes, which otherwise cost a frame every few key presses. In the app `freeze` is the idle
    # collector's `freeze_soon`: at the reader's next pause, after a full collection (a freeze here, in this thread,
    # set the collector's counts to 0, so the full collection that was waiting was skipped, and froze its garbage).
    freeze()


def _analyse_in_thread(engine, lib, article, method: str, sentences: int | None, force: bool):
    """Analyse in the calling worker thread (cached unless `force`) and store the result."""
    if not force:
        return engine.cached_analysis(lib, article.id, article.body, title=article.title,
                                      method=method, sentences=sentences)
    result = engine.analyze(article.body, title=article.title, method=method, sentences=sentences)
    lib.put_analysis(article.id, engine.cache_key(method, sentences), _json(result), engine.mention_counts(result))
    return result


def _analyse_in_process(db_path, lib, article_id: int, method: str, sentences: int | None):
    """Analyse one article in a child process (see tui.background.one_command); None if that failed or was cancelled."""
    import subprocess

    from tui.background import child_env, one_command
    from tui.engine.analysis import get_cached

    worker = get_current_worker()
    try:
        proc = subprocess.Popen(one_command(db_path, article_id, method, sentences), env=child_env(),
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None
    while True:
        try:
            code = proc.wait(timeout=0.1)
            break
        except subprocess.TimeoutExpired:
            if worker.is_cancelled:  # another article or method was asked for: stop this one now
                proc.terminate()
                proc.wait()
                return None
    return get_cached(lib, article_id, method, sentences) if code == 0 else None


def _json(result) -> str:
    import json

    return json.dumps(result.to_dict())
