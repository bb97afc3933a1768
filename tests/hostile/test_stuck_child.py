"""A child that never reads its document (stopped, stuck in its start): the document's send to it had no deadline of
its own, and a document is larger than the pipe's buffer, so the send waited for good and `add` (or the app's
refresh) with it. The send now has SEND_SECONDS; the child is killed then and the caller gets one line."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from tui.cli import main

DOCUMENT = b"<p>The ferry to Kelsby Sound ran late again.</p>" * 40_000  # 1.9 MB: far more than a pipe's buffer


def _stopped_start(start):
    """tui.child._start, its child stopped (SIGSTOP) before it can read anything."""
    def start_stopped():
        child, mine = start()
        os.kill(child.pid, signal.SIGSTOP)
        return child, mine
    return start_stopped


def test_a_child_that_never_reads_its_document_is_killed_at_the_send_deadline(monkeypatch):
    import tui.child as child_module
    from tui.child import ChildError, in_child, kept

    monkeypatch.setattr(child_module, "SEND_SECONDS", 2.0)
    with kept():
        first = in_child(os.getpid, (), seconds=120, size=0)  # a child that answered, kept for the next document
        [(_owner, _since, kept_child, _mine)] = child_module._idle
        assert kept_child.pid == first
        os.kill(first, signal.SIGSTOP)  # alive, so it is taken again: it never reads
        began = time.monotonic()
        with pytest.raises(ChildError) as raised:
            in_child(len, (DOCUMENT,), seconds=120, size=len(DOCUMENT))
        assert time.monotonic() - began < 60  # (the parse's own deadline is 120 s of CPU, its wall 240 s)
        assert str(raised.value) == "its parser did not take the document in 2 s (stuck?); given up this time"
        assert not kept_child.is_alive()
        # the next document gets a new child, which reads it
        assert in_child(len, (DOCUMENT,), seconds=120, size=len(DOCUMENT)) == len(DOCUMENT)
    assert multiprocessing.active_children() == []


def test_add_of_a_large_page_whose_child_is_stuck_says_so_in_one_line(lib, tmp_path, capsys, monkeypatch):
    import tui.child as child_module

    monkeypatch.setattr(child_module, "SEND_SECONDS", 2.0)
    monkeypatch.setattr(child_module, "_start", _stopped_start(child_module._start))
    page = tmp_path / "ferry.html"
    page.write_bytes(b"<html><head><title>Ferry late</title></head><body><article><h1>Ferry late</h1>" + DOCUMENT
                     + b"</article></body></html>")
    assert main(["add", str(page)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("added #1  Ferry late"), captured
    [line] = captured.err.splitlines()[:1]  # (then the summary)
    assert line.startswith("note: ") and line.endswith(": its parser did not take the document in 2 s (stuck?); "
                                                       "imported as rough text (tags stripped, its first 200,000 "
                                                       "characters)"), line
    assert lib.count() == 1 and "ran late again" in lib.get(lib.ids()[0]).body
    assert multiprocessing.active_children() == []
