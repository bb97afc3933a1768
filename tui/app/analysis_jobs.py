"""The main screen's analysis side: cached results at once, else a thread worker with an indicator."""

from __future__ import annotations

import gc
import sys

from functools import partial

from rich.text import Text
from textual import work
from textual.worker import get_current_worker
from textual.widgets import Static

from tui.app import keymap
from tui.app.widgets.status import set_text
from tui.store import Library

# Articles this long (~16,000 words) are analysed in a child process, not a thread: seconds of
# pure-Python work in a thread would hold the GIL and make the UI stutter meanwhile.
LONG_TEXT = 100_000

# Used until tui.engine.summarize is loaded (importing it pulls in sumy, so the UI thread never does).
FALLBACK_METHODS = ("news", "lead", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction")


def method_names() -> list[str]:
    """Summariser names in cycling order, from the engine's registry once it is loaded."""
    module = sys.modules.get("tui.engine.summarize")
    methods = getattr(module, "METHODS", None)
    return list(methods) if methods else list(FALLBACK_METHODS)


class AnalysisJobs:
    """Mixin for MainScreen: method/length state, the analysis worker and the summary pane status."""

    def init_analysis(self) -> None:
        self.method = FALLBACK_METHODS[0]  # the engine's default (tui.engine.analysis.DEFAULT_METHOD)
        self.sentences: int | None = None  # None: the engine's default length
        self.analysing = False
        self.analysis_error = ""

    def warm_engine(self) -> None:
        """Import the NLP engine in the background soon after the first paint.

        The first import takes most of a second (nltk, sumy); doing it before the user opens
        an article makes that first analysis as quick as the rest. It waits a second so the
        import (which holds the GIL) does not slow the first keys pressed after start-up.
        """
        self.set_timer(1.0, self._warm_worker)

    @work(thread=True, group="warm-up")
    def _warm_worker(self) -> None:
        try:
            from tui.engine import entities, quotes, sentences, summarize  # noqa: F401
        except Exception:
            pass  # the analysis worker will report a broken engine when it is used
        # The engine's modules and tables live as long as the app: keep them out of the garbage
        # collector's full passes, which otherwise cost a frame every few key presses.
        gc.freeze()

    def analyse(self, force: bool = False, cached=None, ready=None) -> None:
        """Show the analysis of the open article: from the cache now, or computed in a worker.

        `ready`: the summary pane's layout of `cached`, made ahead (open_ahead.py).
        """
        if self.article is None:
            return
        if cached is None and not force:
            from tui.engine.analysis import get_cached

            cached = get_cached(self.lib, self.article.id, self.method, self.sentences)
        if cached is not None:
            self.analysing = False
            self.show_analysis(cached, ready)
            return
        self.analysing = True
        self.analysis_error = ""
        self.update_summary_status()
        self._analysis_worker(self.article, self.method, self.sentences, force)

    @work(thread=True, exclusive=True, group="analysis")
    def _analysis_worker(self, article, method: str, sentences: int | None, force: bool) -> None:
        # One Library per thread (the store's rule); WAL lets this read while the UI thread reads.
        result, error = None, ""
        try:
            from tui.engine import analysis as engine

            with Library(self.db_path) as lib:
                if len(article.body) >= LONG_TEXT:
                    cached = None if force else engine.get_cached(lib, article.id, method, sentences)
                    result = cached or _analyse_in_process(self.db_path, lib, article.id, method, sentences)
                    if result is None and get_current_worker().is_cancelled:
                        return  # a newer request replaced this one
                if result is None:  # a usual article (or the child process failed): analyse it here
                    result = _analyse_in_thread(engine, lib, article, method, sentences, force)
        except Exception as exc:  # shown in the pane; the app keeps running
            error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        try:
            self.app.call_from_thread(self._analysis_done, article.id, method, sentences, result, error)
        except RuntimeError:
            pass  # the app is closing

    def _analysis_done(self, article_id, method, sentences, result, error) -> None:
        self.forget_ready()  # it may hold this article's old analysis
        if self.article is None or (article_id, method, sentences) != (self.article.id, self.method, self.sentences):
            return  # a newer request is running; its result will come
        self.analysing = False
        if error:
            self.analysis_error = error
            self.update_summary_status()
            return
        self.show_analysis(result)

    def show_analysis(self, analysis, ready=None) -> None:
        self.analysis = analysis
        if self.body.entities != analysis.entities:
            self.body.set_entities(analysis.entities)
        self.summary.show(analysis, self.method_label(), ready=ready)
        self.update_summary_status()

    def method_label(self) -> str:
        return self.method_label_for(self.analysis)

    def method_label_for(self, analysis) -> str:
        """"news · 3 sentences", as the summary heading shows it."""
        summary = analysis.summary if analysis else None
        count = len(summary.sentences) if summary else 0
        label = f"{self.method} · {count} sentence{'s' if count != 1 else ''}"
        if summary and summary.limited:
            label += f" ({summary.limited})"
        return label

    def update_summary_status(self) -> None:
        status = self.query_one("#summary-status", Static)
        if self.article is None:
            set_text(status, Text("Open an article (enter) to see its summary."))
        elif self.analysis_error:
            set_text(status, Text(f"Analysis failed: {self.analysis_error} (r retries)", style="bold red"))
        elif self.analysing:
            set_text(status, Text(f"⏳ analysing ({self.method})…", style="bold"))
        else:
            key = partial(keymap.first_key, overrides=self.app.user_keys)
            set_text(status, Text(f"{key('next_method')} method · {key('longer')}/{key('shorter')} length · "
                               f"{key('copy_summary')} copy"))
        self.set_class(self.analysing, "-analysing")

    # -- keys -------------------------------------------------------------------------------

    def action_next_method(self) -> None:
        names = method_names()
        index = names.index(self.method) if self.method in names else -1
        self.method = names[(index + 1) % len(names)]
        self.notify(f"Summary method: {self.method}", timeout=2, markup=False)
        self.analyse()

    def _length(self) -> int:
        if self.analysis and self.analysis.summary:
            return len(self.analysis.summary.sentences)
        return self.sentences or 3

    def action_longer(self) -> None:
        most = len(self.analysis.sentences) if self.analysis and self.analysis.sentences else 50
        if self._length() < most:
            self.sentences = self._length() + 1
            self.analyse()

    def action_shorter(self) -> None:
        if self._length() > 1:
            self.sentences = self._length() - 1
            self.analyse()

    def action_reanalyse(self) -> None:
        self.analyse(force=True)


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
