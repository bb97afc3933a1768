"""Files that are no documents: the kernel's files (/proc, /sys), devices, sockets and named pipes found in a folder.
Each is one skip line saying what it is, read not at all. `add /proc/self/status` stored the process's status as an
article titled "Name: newsreader" (/proc files say they hold 0 bytes and were read on to the 20 MB limit), and
`summary /proc/cpuinfo` summarised it; a device or a socket was "not a regular file"."""

from __future__ import annotations

import os
import socket
import sys

import pytest

from tui.cli import main

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/mountinfo") or not sys.platform.startswith("linux"),
                                reason="Linux /proc only")


def test_add_skips_the_kernels_files_saying_what_they_are(lib_path, capsys):
    paths = ["/proc/self/status", "/proc/cpuinfo"] + [p for p in ("/sys/kernel/mm/transparent_hugepage/enabled",
                                                                  "/sys/power/state") if os.path.exists(p)]
    assert main(["add", "--dry-run", *paths]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:-1] == [f"skipped {p}: a system file ({'proc' if p.startswith('/proc') else 'sysfs'} file system), "
                        "not an article" for p in paths], err
    assert err[-1] == f"parsed 0 articles, 0 duplicates, {len(paths)} skipped (a dry run: nothing stored)"


def test_summary_of_a_kernel_file_or_a_device_is_one_line(lib_path, capsys):
    for path, what in (("/proc/self/status", "a system file (proc file system), not an article"),
                       ("/dev/zero", "a character device, not a file to read")):
        assert main(["summary", path]) == 1
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err == f"newsreader: error: {path}: {what}\n", captured


def test_a_folder_holding_links_to_odd_files_skips_each_in_one_line(tmp_path, lib_path, capsys):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferry runs late\n\nThe winter ferry ran two hours late on Friday, the harbour "
                                      "office said, after a storm closed the channel for the night.\n")
    listening = socket.socket(socket.AF_UNIX)
    try:
        listening.bind(str(tmp_path / "s"))
        os.mkfifo(tmp_path / "p")
        for name, target in (("sock.txt", tmp_path / "s"), ("pipe.txt", tmp_path / "p"), ("null.txt", "/dev/null"),
                             ("status.txt", "/proc/self/status")):
            (folder / name).symlink_to(target)
        assert main(["add", "--dry-run", str(folder)]) == 0
    finally:
        listening.close()
    err = capsys.readouterr().err.splitlines()
    assert err == [f"skipped {folder}/null.txt: a character device, not a file to read",
                   f"skipped {folder}/pipe.txt: a named pipe, not a file to read",
                   f"skipped {folder}/sock.txt: a socket, not a file to read",
                   f"skipped {folder}/status.txt: a system file (proc file system), not an article",
                   "parsed 1 article, 0 duplicates, 4 skipped (a dry run: nothing stored)"], err


def test_a_kernels_folder_is_one_skip_not_a_walk(lib_path, capsys):
    """`add /proc` walked it, saying "folder not readable (Permission denied)" of dozens of /proc/1/... folders."""
    assert main(["add", "--dry-run", "/proc", "/sys"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "skipped /proc: a system folder (proc file system), not articles",
        "skipped /sys: a system folder (sysfs file system), not articles",
        "parsed 0 articles, 0 duplicates, 2 skipped (a dry run: nothing stored)"]


def test_watch_add_refuses_a_kernels_folder(lib_path, capsys):
    """`watch add /proc` watched it, every scan saying "skipped /proc: a system folder ..."."""
    assert main(["watch", "add", "/proc"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "newsreader: error: /proc: a system folder (proc file system), not " \
                                                  "articles\n"
    assert main(["watch", "list"]) == 0 and capsys.readouterr().out == ""
