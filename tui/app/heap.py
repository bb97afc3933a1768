"""Keeping the C heap small: fewer malloc arenas, and freed memory given back to the system while the reader pauses.

glibc's malloc gives each new thread an arena of its own (up to 8 per core) and keeps what is freed in each for
reuse: the analysis, warm-up and background threads each left one holding what they had used, and the main arena
kept megabytes freed after an article's analysis (a free hole below memory still in use does not shrink the heap).
The app's threads run Python under one lock (the GIL), so arenas of their own gain them little.

`limit_arenas` caps the arenas (MainScreen sets it after the first paint: threads made after it share the arenas
there are); `trim` hands the heap's free pages back (`malloc_trim`; idle_gc calls it when the reader pauses after
keys or an analysis). Elsewhere than on glibc (macOS, musl) both do nothing. Session 20, the memory bench at 100
articles, 8-12 runs each under load 14-25: 112.6-116.2 MB (median 113.4) before; with the pause's trim and 2
arenas 105.9-107.9; with 1 arena 105.5-105.9.
"""

from __future__ import annotations

import os
import sys

ARENAS = 1  # every thread made after the cap shares the arenas there are (the main one, and any made before)
M_ARENA_MAX = -8  # glibc's malloc.h

_libc = None  # loaded on first use; False: not glibc, or it could not be loaded


def _glibc():
    global _libc
    if _libc is None:
        _libc = False
        try:
            if sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):
                import ctypes

                libc = ctypes.CDLL(None)
                if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt"):
                    _libc = libc
        except (AttributeError, OSError, ValueError):
            pass
    return _libc


def limit_arenas(count: int = ARENAS) -> bool:
    """Threads made from now on share `count` malloc arenas (True when glibc took the setting)."""
    libc = _glibc()
    return bool(libc and libc.mallopt(M_ARENA_MAX, count))


def trim() -> bool:
    """Give the heap's free pages back to the system (True when some were)."""
    libc = _glibc()
    return bool(libc and libc.malloc_trim(0))
