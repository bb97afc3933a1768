"""One plain line for a failure the app says (a toast, a page's line): why, in words, never a Python error's name, its
repr or a traceback.

Every place in the app that turns a caught exception into text goes through `reason` (and `could_not` for the usual
"Could not X: why"). An exception written for people (newsreader's own, an OSError, a SQLite error, a ValueError) gives
its message, made one safe line; any other is a fault in newsreader itself, logged with its traceback to the app's log
(tui/app/applog.py) and said as such. When the app's code files changed after it started (newsreader updated under a
running app: its lazy imports then meet the new code, "ImportError: cannot import name ..." or "AttributeError:
'StoryRow' object has no attribute ..." reached a toast), it says so: quit and start it again.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)

STARTED = time.time()  # when the app's code was loaded (tui.app.app imports this module at start)
LIMIT = 200  # cells of a reason at most
UPDATED = "newsreader was updated while it ran: quit and start it again"


def reason(exc: BaseException, limit: int = LIMIT, logged: bool = False) -> str:
    """Why `exc` happened, as one plain line of at most `limit` cells. A fault inside newsreader is logged with its
    traceback and its line says where the log is, unless `logged` (the caller logs it and says where itself)."""
    try:
        said = _said(exc)
        if said:  # (newsreader's own messages are whole sentences, a hint at their end: one line, not cut)
            return _line(said, limit if type(exc).__module__.split(".")[0] != "tui" else 10 ** 6)
        if code_changed():
            if not logged:
                log.warning("a failure after the app's code changed", exc_info=(type(exc), exc, exc.__traceback__))
            return UPDATED
        if logged:
            return "a fault inside newsreader"
        log.warning("a failure inside newsreader", exc_info=(type(exc), exc, exc.__traceback__))
        from tui.app.parts.sources import _details

        return "a fault inside newsreader" + _details()  # (a toast puts "Details: LOG" on a line of its own)
    except Exception:  # (never a second failure while saying the first)
        return "a fault inside newsreader"


def could_not(what: str, exc: BaseException, limit: int = LIMIT) -> str:
    """"Could not WHAT: why" (`reason`)."""
    return f"Could not {what}: {reason(exc, limit)}"


def _said(exc: BaseException) -> str:
    """The message of an exception written for people, "" for any other (or one with no message)."""
    if isinstance(exc, OSError):
        from tui.filekinds import os_reason
        from tui.textsafe import visible

        why = os_reason(exc) if exc.strerror else ""
        name = exc.filename
        return f"{why}: {visible(name)}" if why and name not in (None, "") else why
    if isinstance(exc, (sqlite3.Error, ValueError)) or type(exc).__module__.split(".")[0] == "tui":
        return str(exc)
    return ""


def _line(text: str, limit: int) -> str:
    from tui.cells import cut

    return cut(text, limit)


def code_changed() -> bool:
    """Whether a file of newsreader's loaded code was changed (or removed) after the app started."""
    for name, module in list(sys.modules.items()):
        if name != "tui" and not name.startswith("tui."):
            continue
        path = getattr(module, "__file__", None)
        if not path:
            continue
        try:
            if Path(path).stat().st_mtime > STARTED:
                return True
        except OSError:
            return True
    return False
