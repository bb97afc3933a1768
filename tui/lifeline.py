"""Child processes that never outlive their parent.

A parent killed with SIGKILL (or SIGTERM, or a closed terminal) runs no clean-up, so its worker
processes must notice by themselves. Two independent ways, both cheap:
- Linux: PR_SET_PDEATHSIG (through ctypes), so the kernel kills the worker when the thread that
  created it ends. Only for workers created by a thread that lives as long as the process
  (the main thread of `newsreader add` / `analyze`), since that is what the kernel watches;
- everywhere: a daemon thread that checks every WATCH_SECONDS whether the worker was re-parented
  (`os.getppid()` changes when the parent dies) and then ends the worker at once.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

WATCH_SECONDS = 0.5
PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None, kernel: bool = True) -> None:
    """Call first thing in a child process: it ends when `parent_pid` (default: its parent now) dies.

    `kernel=False` skips PR_SET_PDEATHSIG (for a child started from a short-lived thread, which the
    kernel would take for the parent) and relies on the watching thread alone.
    """
    parent_pid = parent_pid or os.getppid()
    if kernel and sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # it died before we could ask to follow it
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="lifeline", daemon=True).start()


def _watch(parent_pid: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(1)
