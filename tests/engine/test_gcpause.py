"""The collector pause around an analysis: off while any analysis runs, back as it was afterwards."""

from __future__ import annotations

import gc
import threading

import pytest

from tui.engine.analysis import analyze
from tui.engine.gcpause import gc_paused


@pytest.fixture(autouse=True)
def _restore_gc():
    was = gc.isenabled()
    yield
    gc.enable() if was else gc.disable()


def test_analysis_runs_with_the_collector_off_and_turns_it_back_on(monkeypatch):
    import tui.engine.sentences as sentences

    seen = []
    real = sentences.split_sentences
    monkeypatch.setattr(sentences, "split_sentences", lambda text: seen.append(gc.isenabled()) or real(text))
    gc.enable()
    analyze("The harbour board met on Friday. Ada Brandt said the ferries would come.")
    assert seen == [False] and gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_still_turns_it_back_on():
    gc.enable()
    with pytest.raises(ValueError):
        with gc_paused():
            raise ValueError("boom")
    assert gc.isenabled()


def test_overlapping_analyses_in_threads_turn_it_on_only_when_the_last_ends():
    gc.enable()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    states = {}

    def first():
        with gc_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_out.wait(5)
            states["after first left"] = gc.isenabled()
        states["after both"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert states == {"after first left": False, "after both": True}
