"""The user's settings file: `config.toml` in the per-user config folder (or $NEWSREADER_CONFIG).

    theme = "nord"            # remembered when you pick a theme in the app
    view = "unread"           # the library's view: all, unread or starred (remembered when changed in the app)
    sort = "date"             # the library's order: date, title, source or length (remembered too)
    background_analysis = true  # analyse the whole library in the background (all cores)
    refresh_on_start = false  # refresh every feed when the app starts
    refresh_every = "30m"     # refresh the feeds while the app runs ("90s", "30m", "2h"; "" or 0: never)

    [keys]                    # rebind any action by its id (see `?` in the app)
    copy_summary = "ctrl+y"
    next_method = "s,S"

No textual import: the app validates key names; this module only reads and writes the file.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from tui.filekinds import os_reason
from tui.textsafe import visible


@dataclass
class Config:
    """Settings read from the file; `problems` holds one friendly line per thing that was ignored."""

    theme: str | None = None
    """Name of the Textual theme last chosen in the app."""
    background: bool = True
    """Analyse every article in worker processes after start-up (entity filters then cover everything)."""
    refresh_on_start: bool = False
    """Refresh every feed when the app starts."""
    refresh_every: float | None = None
    """Seconds between feed refreshes while the app runs (None: only when asked, `R`)."""
    view: str = "all"
    """The library list's view: all, unread or starred articles."""
    sort: str = "date"
    """The library list's order: date (newest first), title, source or length."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, overriding the defaults."""
    path: Path | None = None
    """Where the settings were read from (and where the theme is saved)."""
    problems: list[str] = field(default_factory=list)
    """Why parts of the file were ignored, for a toast at start-up."""


def config_path() -> Path:
    """$NEWSREADER_CONFIG if set, else config.toml in the platform's user config folder."""
    env = os.environ.get("NEWSREADER_CONFIG")
    if env:
        return Path(env).expanduser()
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without importing it before the first paint.
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return Path(base) / "newsreader" / "config.toml"
    from platformdirs import user_config_path

    return user_config_path("newsreader", appauthor=False) / "config.toml"


MAX_BYTES = 1024 * 1024  # a settings file is a few hundred bytes


def _read(path: Path) -> str:
    """The settings file's text. OSError when it cannot be opened (FileNotFoundError: there is none); ValueError, with
    what it is, when it is no regular file (a named pipe blocked the app's start for good, /dev/zero filled the memory),
    is larger than MAX_BYTES or is not UTF-8 (UnicodeDecodeError stopped the app with a traceback)."""
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("not a regular file")
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start + 1})") from None


def load_config(path: Path | None = None) -> Config:
    """Read the settings; a missing file is fine, a broken one gives a problem line, never a crash."""
    path = path or config_path()
    cfg = Config(path=path)
    try:
        raw = _read(path)
    except FileNotFoundError:
        return cfg
    except OSError as exc:
        cfg.problems.append(f"cannot read {visible(path)}: {os_reason(exc)}")
        return cfg
    except ValueError as exc:
        cfg.problems.append(f"{visible(path)} is {exc}; using defaults")
        return cfg
    import tomllib  # only when there is a file to read

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        cfg.problems.append(f"{visible(path)} is not valid TOML ({exc}); using defaults")
        return cfg
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        cfg.theme = theme.strip()
    elif theme is not None:
        cfg.problems.append(f"{visible(path)}: theme must be a string like \"nord\"")
    background = data.get("background_analysis", True)
    if isinstance(background, bool):
        cfg.background = background
    else:
        cfg.problems.append(f"{visible(path)}: background_analysis must be true or false")
    on_start = data.get("refresh_on_start", False)
    if isinstance(on_start, bool):
        cfg.refresh_on_start = on_start
    else:
        cfg.problems.append(f"{visible(path)}: refresh_on_start must be true or false")
    every, problem = parse_every(data.get("refresh_every", ""))
    cfg.refresh_every = every
    if problem:
        cfg.problems.append(f"{visible(path)}: {problem}")
    for name, choices in (("view", VIEWS), ("sort", SORTS)):
        value = data.get(name, getattr(cfg, name))
        if isinstance(value, str) and value.strip().lower() in choices:
            setattr(cfg, name, value.strip().lower())
        else:
            cfg.problems.append(f"{visible(path)}: {name} must be one of {', '.join(choices)}")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        cfg.problems.append(f"{visible(path)}: [keys] must be a table of id = \"key\" lines")
        keys = {}
    for action_id, value in keys.items():
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        if not isinstance(value, str) or not value.strip():
            cfg.problems.append(f"{visible(path)}: keys.{visible(str(action_id))} must be a string like \"ctrl+y\"")
            continue
        cfg.keys[str(action_id)] = value
    return cfg


VIEWS = ("all", "unread", "starred")  # as tui.store.reader.VIEWS / SORTS (not imported: no sqlite here)
SORTS = ("date", "title", "source", "length")

MIN_EVERY = 60.0  # seconds: refreshing more often than once a minute hammers the servers
MAX_EVERY = 7 * 86400.0  # seconds: a week (a timer cannot wait for inf)
_EVERY = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|sec|min|hours?|days?)?\s*", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "hours": 3600, "d": 86400, "day": 86400,
         "days": 86400}


def parse_every(value) -> tuple[float | None, str]:
    """`refresh_every` ("30m", "2h", "90s", or a number of minutes) as seconds, and a problem line or "".

    "", 0 or false mean never; below a minute is raised to a minute (with a line saying so).
    """
    if value in ("", 0, False, None):
        return None, ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None, 'refresh_every must be a duration like "30m" or "2h"'
    match = _EVERY.fullmatch(str(value)) if isinstance(value, str) else None
    if isinstance(value, (int, float)):
        seconds = float(value) * 60
    elif match:
        seconds = float(match.group(1)) * _UNIT[(match.group(2) or "m").lower()]
    else:
        return None, f'refresh_every = {str(value)[:40]!r} is not a duration like "30m" or "2h"; not refreshing'
    if seconds != seconds:  # nan (TOML has it): the app's timer spun on it, a blank screen at full CPU
        return None, f'refresh_every = {str(value)[:40]} is not a duration like "30m" or "2h"; not refreshing'
    if seconds < 0:
        return None, f"refresh_every = {str(value)[:40]} is negative; not refreshing"
    if seconds <= 0:
        return None, ""
    if seconds > MAX_EVERY:  # inf, 1e308: no timer can wait that long
        return MAX_EVERY, "refresh_every is more than a week; using 1 week"
    if seconds < MIN_EVERY:
        return MIN_EVERY, "refresh_every is less than a minute; using 1m"
    return seconds, ""


def save_theme(name: str, path: Path | None = None) -> str | None:
    """Remember the theme, keeping the rest of the file as the user wrote it. Returns an error line or None."""
    if not re.fullmatch(r"[\w.-]+", name):
        return f"not saving odd theme name {name!r}"
    return save_setting("theme", name, path)


def save_setting(key: str, value: str, path: Path | None = None) -> str | None:
    """Set one top-level `key = "value"` line (theme, view, sort), keeping the rest of the file as the user
    wrote it. Returns an error line or None."""
    path = path or config_path()
    if not re.fullmatch(r"[\w.-]+", value):
        return f"not saving odd {key} {value!r}"
    line = f'{key} = "{value}"'
    pattern = re.compile(rf"^{re.escape(key)}\s*=.*$", re.MULTILINE)
    try:
        try:
            text = _read(path)
        except FileNotFoundError:
            text = ""
        except ValueError as exc:  # not rewritten: what it holds would be lost
            return f"not saving the {key}: {visible(path)} is {exc}"
        first_table = re.search(r"^\[", text, re.MULTILINE)
        top = text[: first_table.start()] if first_table else text
        if pattern.search(top):
            text = pattern.sub(line, top, count=1) + text[len(top):]
        else:
            text = line + "\n" + text
        _write_whole(path, text)
    except OSError as exc:
        return f"cannot save the {key} to {visible(path)}: {os_reason(exc)}"
    return None


def _write_whole(path: Path, text: str) -> None:
    """Write the settings file whole or not at all. `write_text` emptied the file first and then wrote it: a full
    disk or a file size limit (`ulimit -f`) left it cut, the keys and notes after the cut lost, for changing the view.
    An existing file is replaced by a copy written beside it (its permissions kept; a link, e.g. to a dotfiles folder,
    stays a link: its target is replaced); where no file can be made beside it (a folder the user cannot write), it
    is written in place as before."""
    import stat
    import tempfile

    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    if mode is None:  # a new file: nothing to lose
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except PermissionError:
        target.write_text(text, encoding="utf-8")
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
