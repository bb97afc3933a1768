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


def test_a_folder_holding_links_to_odd_files_skips_each_in_one_line(tmp_path, lib_path, capsys, monkeypatch):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferry runs late\n\nThe winter ferry ran two hours late on Friday, the harbour "
                                      "office said, after a storm closed the channel for the night.\n")
    listening = socket.socket(socket.AF_UNIX)
    try:
        monkeypatch.chdir(tmp_path)
        listening.bind("s")  # (relative: a socket's path is at most 107 bytes, and a long TMPDIR is longer)
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


@pytest.mark.parametrize("folder", ["/dev", "/sys/fs/cgroup"])
def test_watch_add_and_add_refuse_dev_and_the_cgroup_folders_in_one_line(lib_path, capsys, folder):
    """`watch add /sys/fs/cgroup` (a tmpfs mounted in /sys, holding the cgroup mounts) and `watch add /dev` were
    watched, each scan skipping their subfolders one line each; `add` of them walked them."""
    if not os.path.isdir(folder):
        pytest.skip(f"no {folder} here")
    assert main(["watch", "add", folder]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(f"newsreader: error: {folder}: a system folder ("), captured
    assert captured.err.endswith("), not articles\n") and captured.err.count("\n") == 1, captured
    assert main(["watch", "list"]) == 0 and capsys.readouterr().out == ""
    assert main(["add", "--dry-run", folder]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith(f"skipped {folder}: a system folder ("), err
    assert err[1] == "parsed 0 articles, 0 duplicates, 1 skipped (a dry run: nothing stored)"


def test_which_mounts_are_the_kernels():
    """The kernel's own file systems, and any mount at /dev or in /proc and /sys, are system folders; /dev/shm (a tmpfs
    of its own, for anyone's files) and a disk mounted both at / and bound over a /proc entry are not."""
    from tui.filekinds import read_mounts

    text = "\n".join([
        "20 1 0:20 / /proc rw,nosuid - proc proc rw",
        "21 1 0:21 / /sys rw,nosuid - sysfs sysfs rw",
        "22 21 0:22 / /sys/fs/cgroup rw - tmpfs tmpfs rw,mode=755",
        "23 22 0:23 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu",
        "24 1 0:24 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k",
        "25 24 0:25 / /dev/shm rw - tmpfs shm rw,size=65536k",
        "26 20 0:24 /null /proc/kcore rw - tmpfs tmpfs rw",
        "27 1 8:1 / / rw - ext4 /dev/sda1 rw",
        "28 20 8:1 /srv/stub /proc/driver/stub rw - ext4 /dev/sda1 rw",
        "29 1 0:29 / /home/ana/my\\040news rw - tmpfs tmpfs rw",
    ])
    mounts = read_mounts(text)
    assert mounts[os.makedev(0, 20)] == "proc file system"
    assert mounts[os.makedev(0, 21)] == "sysfs file system"
    assert mounts[os.makedev(0, 22)] == "tmpfs mounted at /sys/fs/cgroup"
    assert mounts[os.makedev(0, 23)] == "cgroup file system"
    assert mounts[os.makedev(0, 24)] == "tmpfs mounted at /dev"
    assert mounts[os.makedev(0, 25)] is None and mounts[os.makedev(8, 1)] is None and mounts[os.makedev(0, 29)] is None
