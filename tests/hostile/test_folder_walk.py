"""Folders that fight back (issue 14 items 4, 5 and the unreadable subfolder): a file swapped for a named
pipe during the import, a folder nested 1,000 deep, a subfolder that cannot be read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from hostile_helpers import run_cli

TEXT = "Headline {n} on the harbour\n\nThe council met on Monday and voted to expand the harbour. Marker {n}.\n"


def write(path: Path, n: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT.format(n=n))
    return path


# -- item 4: swapped for a FIFO between the check and the open ------------------------------------------

SWAP_AT_CHECK = textwrap.dedent("""
    import os, sys
    from tui.importers import dispatch
    target = sys.argv[1]
    real_stat = os.stat

    def stat_then_swap(path, *a, **k):
        # The attacker's move, at the worst moment: right after the importer looked at the file.
        result = real_stat(path, *a, **k)
        if os.fspath(path) == target and not os.path.exists(target + ".done"):
            os.unlink(target)
            os.mkfifo(target)
            open(target + ".done", "w").close()
        return result

    dispatch.os.stat = stat_then_swap
    items = list(dispatch.import_paths([os.path.dirname(target)]))
    print(sum(it.article is not None for it in items), [it.error for it in items if it.origin == target])
""")


def test_file_swapped_for_fifo_after_the_check(tmp_path):
    folder = tmp_path / "src"
    for i in range(5):
        write(folder / f"a{i}.txt", i)
    target = folder / "a2.txt"
    try:
        r = subprocess.run([sys.executable, "-c", SWAP_AT_CHECK, str(target)], capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the import blocked opening a file swapped for a named pipe")
    assert r.returncode == 0, r.stderr.decode()[-800:]
    assert r.stdout.decode().strip() == "4 ['a named pipe, not a file to read']", r.stdout


def swap_race(tmp_path: Path, runs: int, files: int = 300) -> list[float]:
    """Real races (no hooks): a thread keeps swapping files for pipes and back while `add --dry-run` runs."""
    times = []
    for run in range(runs):
        folder = tmp_path / f"race{run}"
        for i in range(files):
            write(folder / f"a{i:04d}.txt", i)
        stop = threading.Event()

        def swapper():
            i = 0
            while not stop.is_set():
                p = folder / f"a{i % files:04d}.txt"
                try:
                    p.unlink()
                    os.mkfifo(p)
                    time.sleep(0.0005)
                    p.unlink()
                    write(p, i)
                except OSError:
                    pass
                i += 7

        t = threading.Thread(target=swapper, daemon=True)
        t.start()
        t0 = time.perf_counter()
        try:
            r = run_cli("add", "--dry-run", str(folder), timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail(f"run {run}: the import hung on a file swapped for a named pipe")
        finally:
            stop.set()
            t.join()
        times.append(time.perf_counter() - t0)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr[-500:]
        shutil.rmtree(folder)
    return times


def test_fifo_swap_race_bounded(tmp_path):
    times = swap_race(tmp_path, 3)
    print(f"FIFO swap race: {len(times)} runs, none hung, slowest {max(times):.1f} s")


@pytest.mark.slow
def test_fifo_swap_race_full(tmp_path):
    times = swap_race(tmp_path, 30)
    print(f"FIFO swap race: {len(times)} runs, none hung, slowest {max(times):.1f} s")


# -- item 5: nested 1,000 deep ----------------------------------------------------------------------------

def deep_folder(root: Path, depth: int, extra: int = 0) -> Path:
    top = root / "deep"
    write(top / "top.txt", 0)
    for i in range(extra):  # enough files for the parallel importer
        write(top / "many" / f"m{i:04d}.txt", 10_000 + i)
    # Build the chain with relative steps: a 1,000-deep absolute path is longer than PATH_MAX.
    fd = os.open(top, os.O_RDONLY)
    try:
        for level in range(1, depth + 1):
            os.mkdir("d", dir_fd=fd)
            nxt = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
            if level in (5, 60, 500, depth):
                with open(os.open(f"level{level}.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
                    f.write(TEXT.format(n=level))
    finally:
        os.close(fd)
    return top


@pytest.mark.parametrize("extra", [0, 250])  # the plain walk and the parallel one
def test_folder_nested_1000_deep(tmp_path, extra):
    top = deep_folder(tmp_path, 1000, extra)
    t0 = time.perf_counter()
    r = run_cli("add", "--dry-run", str(top), timeout=300)
    took = time.perf_counter() - t0
    err = r.stderr.decode()
    assert r.returncode == 0 and "Traceback" not in err and "RecursionError" not in err, err[-800:]
    out = r.stdout.decode()
    assert "Headline 0 " in out and "Headline 5 " in out and "Headline 60 " in out  # the rest is imported
    assert "Headline 500 " not in out
    deep_lines = [ln for ln in err.splitlines() if "nested" in ln]
    assert len(deep_lines) == 1, err[-800:]
    assert f"parsed {3 + extra} articles" in err
    print(f"1,000-deep folder (+{extra} files): {took:.1f} s, one line: {deep_lines[0][-80:]}")
    subprocess.run(["rm", "-rf", str(top)], check=False)


# -- an unreadable subfolder is reported -------------------------------------------------------------------

def test_unreadable_subfolder_is_reported(tmp_path):
    if not shutil.which("setpriv"):
        pytest.skip("needs setpriv to drop root's permission override")
    folder = tmp_path / "src"
    write(folder / "a.txt", 1)
    write(folder / "locked" / "b.txt", 2)
    write(folder / "z" / "c.txt", 3)
    os.chmod(folder / "locked", 0)
    try:
        # Root reads every folder: drop the capabilities that let it, so the permission bits count.
        r = run_cli("add", "--dry-run", str(folder), env_extra={})
        r = subprocess.run(["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] + r.args,
                           capture_output=True, env=dict(os.environ, NEWSREADER_NO_SEED="1"), timeout=120)
    finally:
        os.chmod(folder / "locked", 0o755)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    lines = [ln for ln in err.splitlines() if "locked" in ln]
    assert len(lines) == 1 and "not readable" in lines[0], err
    assert "parsed 2 articles" in err
