"""The app's log: what the app's own code logs (a grouping that failed, with its traceback) goes to a file the user
can read, never to the terminal.

Before, `tui`'s loggers had no handler: Python's last-resort handler wrote each record to stderr. While the app ran,
Textual swallowed it (its capture of stderr shows it nowhere), so the traceback was lost; once the app had given the
terminal back (a worker still grouping at exit, a suspend to the shell) it landed on the terminal.

The file: $NEWSREADER_LOG if set, else `newsreader.log` in the user's log folder (platformdirs: on Linux
$XDG_STATE_HOME/newsreader/log, ~/.local/state/newsreader/log by default). Each record opens the file, appends and
closes it (the app logs a failure, not a stream: no handle held, no file made until something is logged), and a
file past MAX_BYTES is moved to `newsreader.log.1` first (one older file kept). A log that cannot be written (a
read-only home) drops the record: still never the terminal.

The handler sits on the root logger while the app runs, so the libraries' loggers (trafilatura, htmldate, feedparser,
asyncio's "Task exception was never retrieved") go there too: theirs, with no handler of their own but a NullHandler,
reached Python's last-resort handler as the package's did (swallowed by Textual, or on the terminal after it).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

MAX_BYTES = 512 * 1024


def log_path() -> Path:
    """Where the app's log is written (it may not exist yet)."""
    chosen = os.environ.get("NEWSREADER_LOG", "").strip()
    if chosen:
        return Path(chosen)
    from platformdirs import user_log_path

    return user_log_path("newsreader", appauthor=False) / "newsreader.log"


class AppLog(logging.Handler):
    """Appends each record, formatted with its time and traceback, to `log_path()` (read at each record)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
            path = log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                if path.stat().st_size > MAX_BYTES:
                    os.replace(path, path.with_name(path.name + ".1"))
            except FileNotFoundError:
                pass
            # Only a regular file: a named pipe as $NEWSREADER_LOG blocked the opening thread until some program read
            # it (a copy's worker at the first unconfirmed copy: the app hung at quit, waiting for it), and a device
            # such as /dev/tty wrote the log's lines over the app's screen. Opened without waiting, then looked at.
            flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
            with open(os.open(path, flags, 0o666), "a", encoding="utf-8", errors="backslashreplace") as out:
                if stat.S_ISREG(os.fstat(out.fileno()).st_mode):
                    out.write(text + "\n")
        except Exception:
            pass  # no log to be had: dropped, never printed (logging's handleError prints to stderr)


def install() -> None:
    """Send every log record of WARNING and above to the app's log (once per process): the package's and the
    libraries' (a record that meets a handler on its way up is never given to the last-resort handler, stderr). On
    the root logger, beside any handler a program embedding the app (or a test's log capture) set there."""
    logger = logging.getLogger()
    if not any(isinstance(h, AppLog) for h in logger.handlers):
        logger.addHandler(AppLog())


def where() -> str:
    """The log's path for a message, the home folder as ~ ("~/.local/state/newsreader/log/newsreader.log")."""
    from tui.textsafe import visible

    path, home = str(log_path()), os.path.expanduser("~")
    if home not in ("", "/") and path.startswith(home + os.sep):
        path = "~" + path[len(home):]
    return visible(path)
