"""The user's settings file: `config.toml` in the per-user config folder (or $NEWSREADER_CONFIG).

    theme = "nord"            # remembered when you pick a theme in the app
    background_analysis = true  # analyse the whole library in the background (all cores)

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
from tui.textsafe import visible


@dataclass
class Config:
    """Settings read from the file; `problems` holds one friendly line per thing that was ignored."""

    theme: str | None = None
    """Name of the Textual theme last chosen in the app."""
    background: bool = True
    """Analyse every article in worker processes after start-up (entity filters then cover everything)."""
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


def load_config(path: Path | None = None) -> Config:
    """Read the settings; a missing file is fine, a broken one gives a problem line, never a crash."""
    path = path or config_path()
    cfg = Config(path=path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return cfg
    except OSError as exc:
        cfg.problems.append(f"cannot read {visible(path)}: {exc.strerror or exc}")
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


_THEME_LINE = re.compile(r"^theme\s*=.*$", re.MULTILINE)


def save_theme(name: str, path: Path | None = None) -> str | None:
    """Remember the theme, keeping the rest of the file as the user wrote it. Returns an error line or None."""
    path = path or config_path()
    if not re.fullmatch(r"[\w.-]+", name):
        return f"not saving odd theme name {name!r}"
    line = f'theme = "{name}"'
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        first_table = re.search(r"^\[", text, re.MULTILINE)
        top = text[: first_table.start()] if first_table else text
        if _THEME_LINE.search(top):
            text = _THEME_LINE.sub(line, top, count=1) + text[len(top):]
        else:
            text = line + "\n" + text
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        return f"cannot save the theme to {visible(path)}: {exc.strerror or exc}"
    return None
