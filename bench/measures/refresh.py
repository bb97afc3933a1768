"""Feed refresh (issue 11): 300 feeds x 25 items from a local server with 100 ms latency per response.

The server (bench/feed_server.py) runs in its own process over 4 ports, so per-host caps apply as they
would on the internet; each refresh runs in a fresh child process on a library that has the feeds
subscribed but never fetched. Reported: the first refresh at the default concurrency (tui.sources.CONCURRENCY
requests in flight, at most PER_HOST to one host) against the same refresh one feed at a time (newsboat's
default), a second refresh where every feed answers 304 (at the default, and at 8 in flight overall for
comparison with the issue's first reading of "default 8"), and the resident memory the first refresh adds
(VmRSS after - before, and the peak VmHWM - before). The CPU of the refreshing process alone is given
beside the total: parsing runs in worker processes, so that figure is the writer's floor on the wall time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measures.common import NotAvailable, Result, child_env, need_module

_CHILD = """
import json, os, sys, time
from tui.store import Library
from tui.sources import refresh
def vm(key):
    for line in open('/proc/self/status'):
        if line.startswith(key):
            return int(line.split()[1]) / 1024
db, jobs = sys.argv[1], int(sys.argv[2])
lib = Library(db)
before = vm('VmRSS')
t, c = time.perf_counter(), os.times()
results = refresh(lib, concurrency=jobs) if jobs else refresh(lib)
wall, c2 = time.perf_counter() - t, os.times()
cpu = c2.user + c2.system - c.user - c.system + c2.children_user + c2.children_system - c.children_user - c.children_system
own = c2.user + c2.system - c.user - c.system
print(json.dumps({"wall": wall, "cpu": cpu, "own_cpu": own, "rss_growth": vm('VmRSS') - before, "peak_growth": vm('VmHWM') - before,
                  "status": [r.status for r in results], "new": sum(r.new for r in results),
                  "errors": sorted({r.error for r in results if r.error})[:3]}))
"""


def _subscribe(db: Path, urls: list[str]) -> None:
    from tui.store import Library
    from tui.store.feeds import add_feed

    with Library(db) as lib:
        for url in urls:
            add_feed(lib, url)


def _refresh(db: Path, jobs: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(db), str(jobs)], env=child_env(), capture_output=True,
                          text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError((proc.stderr.strip().splitlines() or ["refresh child failed"])[-1])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(ctx) -> list:
    need_module("tui.sources", "refresh")
    from tui.sources import CONCURRENCY, PER_HOST

    default = f"concurrency {CONCURRENCY} (default), at most {PER_HOST} per host"
    feeds, items = (20, 5) if ctx.smoke else (300, 25)
    server = subprocess.Popen([sys.executable, "-m", "bench.feed_server", "--feeds", str(feeds), "--items", str(items),
                               "--ports", "4", "--latency", "0.1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, env=child_env())
    try:
        line = server.stdout.readline().split()
        if not line or line[0] != "READY":
            raise NotAvailable("the feed server did not start")
        ports = line[1].split(",")
        urls = [f"http://127.0.0.1:{ports[i % len(ports)]}/feed/{i}.xml" for i in range(feeds)]
        with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
            fast_db, slow_db = Path(tmp) / "c8.db", Path(tmp) / "c1.db"
            _subscribe(fast_db, urls)
            _subscribe(slow_db, urls)
            ctx.log(f"   first refresh, {default}")
            fast = _refresh(fast_db, 0)
            ctx.log(f"   {fast['wall']:.1f} s; first refresh, concurrency 1")
            slow = _refresh(slow_db, 1)
            ctx.log(f"   {slow['wall']:.1f} s; second refresh (all 304)")
            second = _refresh(fast_db, 0)
            second8 = _refresh(fast_db, 8)
    finally:
        server.stdin.close()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    expected = feeds * items
    for name, r, status in (("first", fast, "ok"), ("serial", slow, "ok"), ("second", second, "not_modified")):
        if set(r["status"]) != {status}:
            raise RuntimeError(f"{name} refresh: statuses {sorted(set(r['status']))}, errors {r['errors']}")
    if fast["new"] != expected or slow["new"] != expected:
        raise RuntimeError(f"stored {fast['new']} / {slow['new']} articles, expected {expected}")
    size = f"{feeds} feeds x {items} items, 4 ports, 100 ms per response"
    in_flight = min(CONCURRENCY, PER_HOST * 4)
    floor = feeds * 0.1 / in_flight
    return [
        Result("refresh.first.wall", fast["wall"], "s", note=f"{default}; {size}"),
        Result("refresh.first.serial_wall", slow["wall"], "s", note="concurrency 1 (one download at a time)"),
        Result("refresh.first.cpu", fast["cpu"], "s", note="CPU of the refresh and its parsing processes"),
        Result("refresh.first.writer_cpu", fast["own_cpu"], "s",
               note="CPU of the refreshing process alone (its one writing thread + fetch threads; parsing excluded)"),
        Result("refresh.first.speedup", slow["wall"] / fast["wall"], "x", 6.0, ">=", "concurrency 1 / default"),
        Result("refresh.second.wall", second["wall"], "s", 2.0, "<=",
               f"every feed 304, {default} (latency floor {floor:.2f} s = {feeds} x 0.1 s / {in_flight} in flight)"),
        Result("refresh.second.wall_c8", second8["wall"], "s",
               note=f"every feed 304, 8 in flight overall (latency floor {feeds * 0.1 / 8:.2f} s)"),
        Result("refresh.rss_growth", fast["rss_growth"], "MB", 50.0, "<=", "VmRSS after - before the first refresh"),
        Result("refresh.rss_peak_growth", fast["peak_growth"], "MB", note="VmHWM - VmRSS before"),
    ]
