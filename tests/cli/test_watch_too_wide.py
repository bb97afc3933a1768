"""A watched folder too wide to walk (session 31): `watch add /` walked every file of the machine, the app's refresh
waiting behind it. The root of the file system, a system folder at its top and a folder above the home folder are
refused in one line; a very large folder is walked only so far, each scan saying so; the app reads a bounded number of
new files a scan, the rest at the next ones."""

from __future__ import annotations

import os
import sys

import pytest

from command import cli_error
from tui.cli import main

TEXT = "Ferry {n} leaves Quillhaven late\n\nThe morning ferry to Quillhaven left an hour late on Tuesday, the harbour " \
       "office said, after fog held the boats at the pier. Marker {n}.\n"


def _files(folder, count: int, start: int = 0):
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"note{n:03d}.txt").write_text(TEXT.format(n=n))


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX paths")
def test_the_root_a_system_folder_and_the_homes_folder_are_refused_in_one_line(tmp_path, lib_path, capsys,
                                                                                monkeypatch):
    users = tmp_path / "users"
    (users / "ana").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(users / "ana"))
    (tmp_path / "to-root").symlink_to("/")
    root = "the root of the file system (its walk would read the whole disk)"
    system = "a system folder (its walk would read the system's files)"
    cases = {"/": root, "//": root, str(tmp_path / "to-root"): root,
             str(users): "the folder of the home folders (its walk would read every user's files)"}
    if os.path.isdir("/usr"):
        cases["/usr/"] = system
    if os.path.isdir("/etc"):
        cases["/etc"] = system
    for folder, what in cases.items():
        assert main(["watch", "add", folder]) == 1, folder
        captured = capsys.readouterr()
        assert captured.out == "", captured
        assert captured.err == cli_error(f"{folder}: not watched: {what}; watch a folder of your own") + "\n", \
            captured.err
    assert main(["watch", "list"]) == 0 and capsys.readouterr().out == ""
    _files(users / "ana" / "news", 1)  # the home folder's own folders, and the home folder itself, are watched
    for folder in (users / "ana" / "news", users / "ana"):
        assert main(["watch", "add", str(folder)]) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"watching #1  {users / 'ana' / 'news'}", f"watching #2  {users / 'ana'}"]


def test_a_root_watched_before_is_not_walked(lib, capsys, monkeypatch):
    """A library that watched / before `watch add` refused it: each scan says why it is not scanned, and walks
    nothing of it."""
    from tui.importers import dispatch
    from tui.store.watch import add_watch

    add_watch(lib, "/")
    walked = []
    monkeypatch.setattr(dispatch, "walk", lambda *a, **k: walked.append(a) or iter(()))
    assert main(["watch", "scan"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "skipped /: not scanned: the root of the file system (its walk would read the whole disk); " \
                     "watch a folder of your own", err
    assert err[1:] == ["imported 0 new, 0 updated articles from 0 new or changed files"] and walked == [], err


def test_a_folder_of_more_files_than_a_scan_walks_is_read_that_far_and_said(tmp_path, lib, capsys, monkeypatch):
    from tui.sources import watch

    monkeypatch.setattr(watch, "WATCH_FILES", 5)
    folder = tmp_path / "archive"
    _files(folder, 8)
    assert main(["watch", "add", str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"skipped {folder}: more than 5 files: the rest not read (too large to watch whole; watch the "
                   "folders of it you read)",
                   "imported 5 new, 0 updated articles from 5 new or changed files"], err
    # the files past the limit are not forgotten, nor the ones read: the next scan reads nothing again
    assert main(["watch", "scan"]) == 0
    assert capsys.readouterr().err.splitlines()[1:] == ["imported 0 new, 0 updated articles from 0 new or changed "
                                                        "files (5 unchanged)"]
    monkeypatch.setattr(watch, "WATCH_FILES", 100)  # (all of it, once it may)
    assert main(["watch", "scan"]) == 0
    assert capsys.readouterr().err.splitlines() == ["imported 3 new, 0 updated articles from 3 new or changed files "
                                                    "(5 unchanged)"]


def test_the_walks_stop_is_said_before_the_folders_skipped_files(tmp_path, lib, capsys, monkeypatch):
    """`watch scan` prints the first 50 skip lines: the line saying the walk stopped came after the files' own."""
    from tui.sources import watch

    monkeypatch.setattr(watch, "WATCH_FILES", 60)
    folder = tmp_path / "lists"
    folder.mkdir()
    for n in range(70):
        (folder / f"list{n:02d}.txt").write_text("apples\npears\nplums\n")  # (no prose: each file skipped)
    assert main(["watch", "add", str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"skipped {folder}: more than 60 files: the rest not read (too large to watch whole; watch the " \
                     "folders of it you read)", err[:2]
    assert len(err) == 51 and all(line.startswith(f"skipped {folder}/list") for line in err[1:50]), err[-3:]


def test_a_folder_of_more_folders_than_a_scan_walks_is_read_that_far_and_said(tmp_path, lib, capsys, monkeypatch):
    from tui.sources import watch

    monkeypatch.setattr(watch, "WATCH_FOLDERS", 3)
    folder = tmp_path / "years"
    for year in range(2020, 2025):
        _files(folder / str(year), 1, year)
    assert main(["watch", "add", str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"skipped {folder}: more than 3 folders: the rest not read (too large to watch whole; watch the "
                   "folders of it you read)",
                   "imported 2 new, 0 updated articles from 2 new or changed files"], err


def test_a_scan_reads_at_most_its_share_of_new_files_the_rest_at_the_next(tmp_path, lib):
    """The app's scans read a bounded number of new files each (SCAN_READS): a first scan of a large folder never
    holds the refresh for long; what is left waits for the next scans, counted, never lost."""
    from tui.sources import scan_watched
    from tui.store.watch import add_watch

    folder = tmp_path / "inbox"
    _files(folder, 7)
    add_watch(lib, str(folder))
    got = [(r.new, r.files, r.waiting, r.unchanged) for r in (scan_watched(lib, reads=3) for _ in range(4))]
    assert got == [(3, 3, 4, 0), (3, 3, 1, 3), (1, 1, 0, 6), (0, 0, 0, 7)], got
    assert lib.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 7


@pytest.mark.parametrize("parallel", [False, True], ids=["in-process", "workers"])
def test_add_of_the_root_or_a_system_folder_skips_it_unread(tmp_path, lib_path, capsys, monkeypatch, parallel):
    """`add /` (and the app's add dialog, which imports the same way) walked the whole disk."""
    if parallel:
        monkeypatch.setattr("tui.importers.parallel.PARALLEL_FROM", 1)
    (tmp_path / "to-root").symlink_to("/")
    _files(tmp_path / "mine", 1)
    folders = ["/", str(tmp_path / "to-root")] + [p for p in ("/usr", "/etc") if os.path.isdir(p)]
    assert main(["add", "--dry-run", *folders, str(tmp_path / "mine")]) == 0
    err = capsys.readouterr().err.splitlines()
    root = "the root of the file system (its walk would read the whole disk)"
    system = "a system folder (its walk would read the system's files)"
    assert err == [f"skipped {p}: not read: {root if p in folders[:2] else system}; import a folder of your own"
                   for p in folders] + [f"parsed 1 article, 0 duplicates, {len(folders)} skipped (a dry run: nothing "
                                        "stored)"], err
