"""A refresh of PARSE_POOL_FROM feeds or more parses small documents in worker processes, each given a deadline for
its answer (session 33). That deadline counted from when the document was handed to the pool, so a document that
waited in the pool's queue behind the other feeds' counted the wait: on a busy machine the last feeds of a big refresh
failed with "its parser did not answer". A document is now handed to the pool only when a worker is free for it."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from feedserver import FAST, body_text, rss
import tui.sources.parse as parse_module

_REAL_PARSE = parse_module.parse_feed_bytes  # (this module is imported again in the worker: the real one there too)
FEEDS = 8
PARSE_SECONDS = 1.0


def _slow_parse(body: bytes, url: str, content_type: str = "", **kwargs):
    """parse_feed_bytes taking PARSE_SECONDS more: eight of them one after another take twice the deadline."""
    time.sleep(PARSE_SECONDS)
    return _REAL_PARSE(body, url, content_type, **kwargs)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@pytest.mark.skipif(_cores() < 2, reason="the parse pool runs with two cores or more")
def test_a_feed_waiting_for_a_parse_worker_does_not_time_out(lib, site, monkeypatch):
    import importlib

    import tui.child as child_module
    from tui.sources import refresh, subscribe

    refresh_module = importlib.import_module("tui.sources.refresh")  # (the package's `refresh` is the function)

    ids = []
    for n in range(FEEDS):
        site.feed(f"/q{n}.xml", rss([{"title": f"Lock report {n}", "guid": f"l{n}", "link": f"/l/{n}",
                                      "body": body_text(n)}], title=f"Quay Courier {n}"))
        ids.append(subscribe(lib, site.url(f"/q{n}.xml"), limits=FAST).feed_id)
    for n in range(FEEDS):  # a second item each: every feed has something new to parse
        site.feed(f"/q{n}.xml", rss([{"title": f"Lock report {n}", "guid": f"l{n}", "link": f"/l/{n}",
                                      "body": body_text(n)},
                                     {"title": f"Weir report {n}", "guid": f"w{n}", "link": f"/w/{n}",
                                      "body": body_text(n + 40)}], title=f"Quay Courier {n}"))
    monkeypatch.setattr(refresh_module, "PARSE_POOL_FROM", FEEDS)
    monkeypatch.setattr(refresh_module, "PARSE_WORKERS", 1)  # one worker: the documents queue for it
    # each document's answer may take 6 s; all eight take 8 s or more one after another
    monkeypatch.setattr(child_module, "wall_limit", lambda seconds: 6.0)
    monkeypatch.setattr(parse_module, "parse_feed_bytes", _slow_parse)
    began = time.monotonic()
    results = {r.feed_id: r for r in refresh(lib, force=True, limits=FAST)}
    took = time.monotonic() - began
    assert [(results[i].status, results[i].new, results[i].error) for i in ids] == [("ok", 1, None)] * FEEDS
    assert took >= FEEDS * PARSE_SECONDS  # (they were parsed in the worker, one after another)
    assert multiprocessing.active_children() == []
