"""A child that stops halfway through its answer (session 33). The parent saw the answer's first bytes and read the
rest with no deadline of its own, so a child stopped (SIGSTOP) or stuck after a part of a large answer held `add` or a
refresh for good. The read now has RECV_SECONDS; the child is killed then, the caller gets one line, and a refresh
goes on with its other feeds."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import struct
import time

import pytest

from tests.sources.feedserver import FAST, body_text, rss
import tui.sources.parse as parse_module

_REAL_PARSE = parse_module.parse_feed_bytes  # (this module is imported again in the child: the real one there too)


def _answer_in_part() -> None:
    """In the child: write the first bytes of an answer of 1,000 bytes to the parent's pipe, then stop (SIGSTOP)."""
    from multiprocessing.connection import Connection

    [conn] = [c for c in gc.get_objects() if isinstance(c, Connection) and not c.closed]
    os.write(conn.fileno(), struct.pack("!i", 1000) + b"\x80\x04" + b"x" * 40)
    os.kill(os.getpid(), signal.SIGSTOP)


def _parse_or_stop(body: bytes, url: str, content_type: str = "", **kwargs):
    """parse_feed_bytes, but a document of the Stuck Gazette's is answered in part, and its child stops."""
    if b"Stuck Gazette" in body:
        _answer_in_part()
    return _REAL_PARSE(body, url, content_type, **kwargs)


def test_a_child_that_stops_halfway_through_its_answer_is_killed(monkeypatch):
    import tui.child as child_module
    from tui.child import ChildError, in_child

    monkeypatch.setattr(child_module, "RECV_SECONDS", 2.0)
    began = time.monotonic()
    with pytest.raises(ChildError) as raised:
        in_child(_answer_in_part, (), seconds=120, size=300_000)
    assert time.monotonic() - began < 60  # (main: held for good in recv())
    assert str(raised.value) == "its parser stopped halfway through its answer (2 s); given up this time"
    assert in_child(len, (b"abc",), seconds=120, size=3) == 3  # the next document gets a child that answers
    assert multiprocessing.active_children() == []


def test_a_refresh_whose_parser_stops_answering_goes_on_with_the_other_feeds(lib, site, monkeypatch):
    import tui.child as child_module
    from tui.sources import refresh, subscribe
    from tui.sources.parse import CHILD_FROM

    big = [{"title": f"Quay report {n}", "guid": f"q{n}", "link": f"/q/{n}", "body": body_text(n, 400)}
           for n in range(120)]
    site.feed("/stuck.xml", rss(big, title="Stuck Gazette"))
    site.feed("/calm.xml", rss([{"title": "Mill lane reopened", "guid": "m1", "link": "/m/1", "body": body_text(1)}],
                               title="Calm Courier"))
    assert len(rss(big, title="Stuck Gazette")) >= CHILD_FROM  # (parsed in a child)
    first = subscribe(lib, site.url("/stuck.xml"), limits=FAST)
    calm = subscribe(lib, site.url("/calm.xml"), limits=FAST)
    assert (first.status, calm.status) == ("ok", "ok")
    site.feed("/calm.xml", rss([{"title": "Mill lane reopened", "guid": "m1", "link": "/m/1", "body": body_text(1)},
                                {"title": "Mill lane paved", "guid": "m2", "link": "/m/2", "body": body_text(2)}],
                               title="Calm Courier"))
    monkeypatch.setattr(child_module, "RECV_SECONDS", 2.0)
    monkeypatch.setattr(parse_module, "parse_feed_bytes", _parse_or_stop)
    began = time.monotonic()
    results = {r.feed_id: r for r in refresh(lib, force=True, limits=FAST)}
    assert time.monotonic() - began < 60
    stuck, mill = results[first.feed_id], results[calm.feed_id]
    assert (mill.status, mill.new) == ("ok", 1)
    assert stuck.status == "error" and "its parser stopped halfway through its answer (2 s)" in stuck.error
    assert "\n" not in stuck.error
    assert multiprocessing.active_children() == []


def _parse_or_stop_in_pool(body: bytes, url: str, content_type: str = "", **kwargs):
    """parse_feed_bytes, but the worker that gets the Stuck Gazette's document stops (SIGSTOP) before it answers."""
    if b"Stuck Gazette" in body:
        os.kill(os.getpid(), signal.SIGSTOP)
    return _REAL_PARSE(body, url, content_type, **kwargs)


def test_a_refresh_whose_parse_worker_stops_goes_on_with_the_other_feeds(lib, site, monkeypatch):
    """A refresh of PARSE_POOL_FROM feeds or more parses small documents in worker processes: their answer was waited
    for with no deadline, and the pool's shutdown waited on a stopped worker for good."""
    import tui.child as child_module
    from tui.sources import refresh, subscribe
    from tui.sources.refresh import PARSE_POOL_FROM

    ids = []
    for n in range(PARSE_POOL_FROM):
        title = "Stuck Gazette" if n == 0 else f"Calm Courier {n}"
        site.feed(f"/f{n}.xml", rss([{"title": f"Report {n}", "guid": f"g{n}", "link": f"/g/{n}", "body": body_text(n)}],
                                    title=title))
        ids.append(subscribe(lib, site.url(f"/f{n}.xml"), limits=FAST).feed_id)
    for n in range(PARSE_POOL_FROM):  # a second item each: every feed has something new to parse
        title = "Stuck Gazette" if n == 0 else f"Calm Courier {n}"
        site.feed(f"/f{n}.xml", rss([{"title": f"Report {n}", "guid": f"g{n}", "link": f"/g/{n}", "body": body_text(n)},
                                     {"title": f"Later {n}", "guid": f"h{n}", "link": f"/h/{n}",
                                      "body": body_text(n + 50)}], title=title))
    monkeypatch.setattr(child_module, "wall_limit", lambda seconds: 20.0)  # (the others wait for the workers to start)
    monkeypatch.setattr(parse_module, "parse_feed_bytes", _parse_or_stop_in_pool)
    began = time.monotonic()
    results = {r.feed_id: r for r in refresh(lib, force=True, limits=FAST)}
    assert time.monotonic() - began < 60  # (main: held for good)
    stuck = results[ids[0]]
    assert stuck.status == "error" and stuck.error == "its parser did not answer in 20 s (stuck?); given up this time"
    assert all((results[i].status, results[i].new) == ("ok", 1) for i in ids[1:]), [(results[i].status, results[i].new, results[i].error) for i in ids[1:] if results[i].new != 1]
    assert multiprocessing.active_children() == []
