"""What a path is when it is no document (nor a library file): a device, a socket, a named pipe, or a file or folder
of the kernel's views (/proc, /sys, /dev). Plain `os` and `stat`: the importers, the store and the commands ask it."""

from __future__ import annotations

import os
import stat


def not_a_file(mode: int) -> str:
    """Why a path that is no regular file is not read: what it is (a device read forever, /dev/zero, or waits, a
    terminal; a socket cannot be opened; a named pipe found in a folder would wait for its writer)."""
    kind = file_kind(mode)
    return kind if kind.startswith("not") else f"{kind}, not a file to read"


def file_kind(mode: int) -> str:
    """"a character device", "a block device", "a socket", "a named pipe", "a folder" or "not a regular file"."""
    return ("a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "a named pipe" if stat.S_ISFIFO(mode) else
            "a folder" if stat.S_ISDIR(mode) else "not a regular file")


# File systems whose files are the kernel's views, not documents: their sizes say nothing (/proc files say 0 and
# are read whole, /sys files say 4096), some block (/proc/kmsg), some are huge (/proc/kcore). `add /proc/self/status`
# stored the process's status as an article titled "Name: newsreader".
SYSTEM_FILE_SYSTEMS = {"proc", "sysfs", "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2", "configfs", "pstore",
                       "bpf", "fusectl", "binfmt_misc", "efivarfs", "nsfs", "rpc_pipefs", "mqueue", "devpts", "devtmpfs"}
# Where the kernel's views are mounted whatever their file system says: a tmpfs holding the cgroup folders at
# /sys/fs/cgroup (`watch add /sys/fs/cgroup` was watched, each scan skipping its subfolders one line each), /dev as a
# container mounts it (a tmpfs of devices), /proc/kcore bound to a container's /dev/null. /dev/shm is a mount of its
# own (a tmpfs for anyone's files) and stays a folder like any other.
SYSTEM_PLACES = ("/proc", "/sys")
SYSTEM_ROOTS = ("/dev",)

_mounts: dict[int, str | None] | None = None


def _unescape(path: str) -> str:
    """A mount point as /proc/self/mountinfo writes it: space, tab, newline and backslash as octal escapes."""
    return path.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _system_place(point: str) -> bool:
    return point in SYSTEM_ROOTS or any(point == p or point.startswith(p + "/") for p in SYSTEM_PLACES)


def read_mounts(text: str) -> dict[int, str | None]:
    """device -> what its file system is when every mount of it is the kernel's ("proc file system", "tmpfs mounted at
    /sys/fs/cgroup"), None for any other device, from the text of /proc/self/mountinfo. A device mounted both in a
    system place and elsewhere (a folder of the disk bound under /proc) is not one: the file may be the disk's."""
    found: dict[int, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        fields, _, after = line.partition(" - ")
        parts = fields.split()
        if len(parts) < 5 or not after or ":" not in parts[2]:
            continue
        major, minor = parts[2].split(":", 1)
        if major.isdigit() and minor.isdigit() and after.split():
            found.setdefault(os.makedev(int(major), int(minor)), []).append((after.split()[0], _unescape(parts[4])))
    out: dict[int, str | None] = {}
    for dev, mounts in found.items():
        if all(kind in SYSTEM_FILE_SYSTEMS or _system_place(point) for kind, point in mounts):
            kind, point = next(((k, p) for k, p in mounts if k in SYSTEM_FILE_SYSTEMS), mounts[0])
            out[dev] = f"{kind} file system" if kind in SYSTEM_FILE_SYSTEMS else f"{kind} mounted at {point}"
        else:
            out[dev] = None
    return out


def system_kind(dev: int) -> str | None:
    """What kernel's file system the device `dev` is ("proc file system"), None for any other (looked up in
    /proc/self/mountinfo, read once; where it cannot be read, nothing is one)."""
    global _mounts
    if _mounts is None:
        try:
            with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as f:
                _mounts = read_mounts(f.read())
        except (OSError, ValueError, AttributeError):
            _mounts = {}
    return _mounts.get(dev)


def system_files(dev: int, what: str = "file", not_what: str = "an article") -> str | None:
    """The skip reason for a file (or a folder: `what`) on a kernel's file system (/proc, /sys ...), None for any
    other."""
    kind = system_kind(dev)
    return f"a system {what} ({kind}), not {not_what}" if kind else None


# Folders too wide to watch: the root of the file system and the system's own folders at its top, whose walk reads a
# whole disk's files (`watch add /` walked every file of the machine, the app's refresh waiting behind it).
SYSTEM_TOPS = frozenset({"/bin", "/boot", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt",
                         "/nix", "/opt", "/root", "/run", "/sbin", "/snap", "/srv", "/tmp", "/usr", "/var",
                         "/Applications", "/Library", "/System", "/Users", "/Volumes", "/private"})


def too_wide(path: str, home: str | None = None, verb: str = "watch") -> str | None:
    """Why the folder `path` is too wide to watch (or import: `verb`), None for any other: the root of the file system,
    a system folder at its top (/usr, /etc, /home), or a folder above the user's home folder (`home`, default $HOME).
    Links are resolved (a link to / is /)."""
    real = os.path.realpath(path)
    if os.path.dirname(real) == real:
        return f"the root of the file system (its walk would read the whole disk); {verb} a folder of your own"
    home = os.path.realpath(os.path.expanduser("~") if home is None else home)
    above_home = home != real and home.startswith(real.rstrip(os.sep) + os.sep) and os.path.dirname(home) != home
    if above_home or real in ("/home", "/Users"):
        return f"the folder of the home folders (its walk would read every user's files); {verb} a folder of your own"
    if real in SYSTEM_TOPS:
        return f"a system folder (its walk would read the system's files); {verb} a folder of your own"
    return None


def os_reason(exc: OSError) -> str:
    """The system's reason for `exc` in the words every message uses: lower-case, one line ("file name too long",
    not "File name too long"); the exception's name when it gives none."""
    why = " ".join((exc.strerror or str(exc) or type(exc).__name__).split())
    return why[:1].lower() + why[1:]
