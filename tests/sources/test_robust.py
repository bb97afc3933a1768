"""Refresh beside other writers, a refresh killed with SIGKILL, and a folder filling while it is watched."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time

from command import newsreader_cmd
from feedserver import FAST, body_text, rss

from tui.models import Article
from tui.sources import refresh, scan_watched
from tui.store import Library
from tui.store.feeds import add_feed, list_feeds
from tui.store.watch import add_watch


def _slow_feeds(site, n: int, delay: float, items: int = 5) -> None:
    for f in range(n):
        doc = rss([{"title": f"Feed {f} item {i}", "guid": f"{f}-{i}", "body": body_text(f * 100 + i)}
                   for i in range(items)], title=f"Feed {f}")

        def slow(req, doc=doc):
            site.stop.wait(delay)
            return 200, {"Content-Type": "application/rss+xml"}, doc

        site.routes[f"/f{f}.xml"] = slow


def test_refresh_while_another_connection_reads_and_writes(lib_path, site):
    _slow_feeds(site, 12, 0.05)
    with Library(lib_path) as lib:
        for f in range(12):
            add_feed(lib, site.url(f"/f{f}.xml"))
    errors: list[BaseException] = []
    done = threading.Event()

    def other_connection():
        n = 0
        with Library(lib_path) as other:
            while not done.is_set():
                try:
                    [(status, ident)] = other.add_many([Article(title=f"Local {n}", body=body_text(90_000 + n))])
                    other.set_read(ident)
                    other.rows(0, 50)
                    n += 1
                except BaseException as exc:  # noqa: BLE001 - every failure counts
                    errors.append(exc)

    writer = threading.Thread(target=other_connection)
    writer.start()
    try:
        with Library(lib_path) as lib:
            results = refresh(lib, concurrency=4, limits=FAST)
    finally:
        done.set()
        writer.join(30)
    assert errors == []
    assert [r.status for r in results] == ["ok"] * 12 and sum(r.new for r in results) == 60


def test_refresh_while_newsreader_add_writes(lib_path, site, tmp_path):
    _slow_feeds(site, 20, 0.05)
    with Library(lib_path) as lib:
        for f in range(20):
            add_feed(lib, site.url(f"/f{f}.xml"))
    drop = tmp_path / "drop"
    drop.mkdir()
    for i in range(400):
        (drop / f"{i}.txt").write_text(f"Ferry note {i}\n\n{body_text(50_000 + i, 60)}\n")
    adder = subprocess.Popen(newsreader_cmd() + ["add", str(drop)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    try:
        with Library(lib_path) as lib:
            results = refresh(lib, concurrency=4, limits=FAST)
    finally:
        _out, err = adder.communicate(timeout=120)
    assert adder.returncode == 0 and "locked" not in err and "imported 400 articles" in err
    assert [r.status for r in results] == ["ok"] * 20
    with Library(lib_path) as lib:
        assert lib.count() == 400 + 100 and lib.check() == "ok"


def test_kill_9_during_refresh_leaves_the_library_intact(lib_path, site):
    _slow_feeds(site, 30, 0.15)
    with Library(lib_path) as lib:
        for f in range(30):
            add_feed(lib, site.url(f"/f{f}.xml"))
    proc = subprocess.Popen(newsreader_cmd() + ["refresh", "--jobs", "2", "--timeout", "5"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with Library(lib_path) as lib:
                stored = sum(1 for f in list_feeds(lib) if f.last_status)
            if stored >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "refresh finished before it could be killed"
        children = _children(proc.pid)  # the parsing workers (30 feeds: parsed in processes)
        assert children
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(c) for c in children):
        time.sleep(0.05)
    assert not [c for c in children if _alive(c)], "worker processes outlived the killed refresh"
    with Library(lib_path) as lib:
        assert lib.check() == "ok"
        feeds = list_feeds(lib)
        done = [f for f in feeds if f.last_status == "ok"]
        assert 3 <= len(done) < 30
        assert all(f.total == 5 for f in done) and all(f.total == 0 for f in feeds if not f.last_status)
        assert lib.count() == 5 * len(done)  # whole feeds or nothing
    again = subprocess.run(newsreader_cmd() + ["refresh", "--json", "--timeout", "5"], capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0
    with Library(lib_path) as lib:
        assert lib.count() == 150 and all(f.total == 5 for f in list_feeds(lib))


def _children(pid: int) -> list[int]:
    """Pids of a process's children (Linux /proc)."""
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _write(path, i: int, halves: bool) -> None:
    text = f"Quay ledger entry {i}\n\n{body_text(i, 60)}\n\n{body_text(i + 5000, 60)}\n"
    with open(path, "w", encoding="utf-8") as fh:
        if halves:  # a scraper mid-write: the scan may see half a file
            fh.write(text[: len(text) // 2])
            fh.flush()
            time.sleep(0.001)
        fh.write(text[len(text) // 2:] if halves else text)


def test_watched_folder_receiving_500_files_imports_each_once(lib, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / ".hidden.txt").write_text("not for us")
    add_watch(lib, str(folder))
    writing = threading.Event()
    writing.set()

    def scraper():
        for i in range(500):
            sub = folder / f"day{i % 5}"
            sub.mkdir(exist_ok=True)
            _write(sub / f"story-{i}.txt", i, halves=i % 7 == 0)
        writing.clear()

    t = threading.Thread(target=scraper)
    t.start()
    scans = 0
    while writing.is_set():
        scan_watched(lib)
        scans += 1
    t.join()
    time.sleep(0.01)  # mtimes of the last writes are distinct from the last scan's view
    scan_watched(lib)
    assert scans >= 1
    assert lib.count() == 500
    titles = {lib.get(i).title for i in lib.ids()}
    assert titles == {f"Quay ledger entry {i}" for i in range(500)}
    assert all(len(lib.get(i).body.split()) > 100 for i in lib.ids())  # completed, not the half a scan saw
    nothing = scan_watched(lib)
    assert (nothing.new, nothing.updated, nothing.files) == (0, 0, 0)
    # a file changed later updates its article in place
    target = folder / "day0" / "story-0.txt"
    ident = next(i for i in lib.ids() if lib.get(i).title == "Quay ledger entry 0")
    lib.set_starred(ident)
    target.write_text("Quay ledger entry 0\n\n" + body_text(123456, 80) + "\n")
    changed = scan_watched(lib)
    assert (changed.new, changed.updated) == (0, 1) and lib.count() == 500
    assert lib.get(ident).starred and lib.get(ident).body.startswith("Report 123456")


def test_a_file_seen_half_written_is_completed_in_place(lib, tmp_path):
    add_watch(lib, str(tmp_path))
    text = "Pier survey results\n\n" + body_text(7, 80) + "\n\n" + body_text(8, 80) + "\n"
    path = tmp_path / "pier.txt"
    path.write_text(text[: len(text) // 2])
    first = scan_watched(lib)
    path.write_text(text)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))  # a later mtime even on coarse clocks
    second = scan_watched(lib)
    assert (first.new, second.new, second.updated) == (1, 0, 1)
    [ident] = lib.ids()
    assert len(lib.get(ident).body.split()) > 150
