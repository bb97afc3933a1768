"""One clipboard service for the whole app: the terminal's OSC 52 and the system clipboard.

OSC 52 works over SSH and in most terminals, but the app cannot know whether the terminal took it.
The system clipboard (wl-copy, xclip/xsel, pbcopy, clip.exe through pyperclip) works only when one
is reachable from this process. We try both and report which routes were used.

No textual import here: the app passes in a `write` callable that sends bytes to its terminal.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field
from typing import Callable

TERMINAL = "terminal (OSC 52)"
SYSTEM = "system clipboard"


@dataclass
class CopyResult:
    """What happened to one copy: the routes that worked and why the others did not."""

    routes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.routes)


def osc52_sequence(text: str) -> str:
    """The OSC 52 "set clipboard" sequence for `text` (what Textual's `App.copy_to_clipboard` writes)."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\a"


def tmux_passthrough(sequence: str) -> str:
    """`sequence` wrapped in tmux's DCS passthrough (every ESC doubled).

    tmux only forwards an application's plain OSC 52 with `set-clipboard on`; with
    `allow-passthrough on` the wrapped form reaches the outer terminal instead. The app sends
    both inside tmux, which covers either setting.
    """
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def inside_tmux() -> bool:
    """True when running inside tmux (its passthrough wrapping is then needed)."""
    return bool(os.environ.get("TMUX"))


def system_tool() -> tuple[Callable[[str], None] | None, str]:
    """The system clipboard copy function and its name, or (None, reason) when none is reachable."""
    try:
        import pyperclip
    except ImportError:
        return None, "pyperclip is not installed"
    # determine_clipboard() re-checks the environment each time (DISPLAY may appear or vanish).
    copy, _paste = pyperclip.determine_clipboard()
    name = getattr(copy, "__name__", "")
    if "no_clipboard" in name or type(copy).__name__ == "ClipboardUnavailable":
        return None, _no_system_hint()
    return copy, name.replace("copy_", "").replace("_", " ") or "system"


def _no_system_hint() -> str:
    if os.environ.get("WAYLAND_DISPLAY"):
        return "no system clipboard tool found: install wl-clipboard"
    if os.environ.get("DISPLAY"):
        return "no system clipboard tool found: install xclip or xsel"
    return "no system clipboard here (no display; common over SSH)"


def copy_system(text: str) -> str | None:
    """Copy through the system clipboard; returns None on success, else the reason it failed."""
    copy, info = system_tool()
    if copy is None:
        return info
    try:
        copy(text)
    except Exception as exc:  # pyperclip raises its own and OSError subclasses
        return f"system clipboard failed ({info}): {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    return None


def copy_text(text: str, terminal: Callable[[str], None] | None = None, *, system: bool = True) -> CopyResult:
    """Copy `text` by every route available; `terminal(text)` sends it to the terminal as OSC 52.

    `terminal` is None when there is no real terminal (headless runs): OSC 52 is then skipped.
    """
    result = CopyResult()
    if terminal is not None:
        try:
            terminal(text)
            result.routes.append(TERMINAL)
        except OSError as exc:
            result.problems.append(f"terminal write failed: {exc}")
    else:
        result.problems.append("no terminal to send OSC 52 to")
    if system:
        problem = copy_system(text)
        if problem is None:
            result.routes.append(SYSTEM)
        else:
            result.problems.append(problem)
    return result


def describe(what: str, result: CopyResult) -> tuple[str, str]:
    """The toast text and severity ("information" or "error") for a copy of `what`."""
    if result.ok:
        return f"Copied {what} to the " + " and ".join(result.routes) + ".", "information"
    hint = "; ".join(result.problems)
    return (f"Could not copy {what}: {hint}. Use a terminal with OSC 52 (tmux: set -g set-clipboard on) "
            "or install xclip / wl-clipboard.", "error")
