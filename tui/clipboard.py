"""One clipboard service for the whole app: the terminal's OSC 52 and the system clipboard.

OSC 52 works over SSH and in most terminals, but the app cannot know whether the terminal took it:
it is reported as "sent to the terminal", never as a copy. The system clipboard counts only when
its tool said so: exit status 0 and, where the tool can read back (xclip, xsel, wl-paste, pbpaste),
the same text read back. A tool's own error output is captured, never written to the terminal
(xclip's "Can't open display" once landed in the search box).

No textual import here: the app passes in a `write` callable that sends bytes to its terminal.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Callable

TERMINAL = "terminal (OSC 52)"
SYSTEM = "system clipboard"
TOOL_TIMEOUT = 3.0  # seconds a clipboard tool may take (a hung X server must not hang the copy)

# (name, copy command, read-back command or None, needs): tried in this order; `needs` is the
# environment variable that must be set for the tool to have anything to talk to.
TOOLS = [
    ("wl-copy", ["wl-copy"], ["wl-paste", "--no-newline"], "WAYLAND_DISPLAY"),
    ("xclip", ["xclip", "-selection", "clipboard", "-in"], ["xclip", "-selection", "clipboard", "-out"], "DISPLAY"),
    ("xsel", ["xsel", "--clipboard", "--input"], ["xsel", "--clipboard", "--output"], "DISPLAY"),
    ("pbcopy", ["pbcopy"], ["pbpaste"], ""),
    ("clip.exe", ["clip.exe"], None, ""),
]


@dataclass
class CopyResult:
    """What happened to one copy: the routes used, whether any is confirmed, why the others failed.

    `routes` lists what was done (OSC 52 sent, system clipboard set); `confirmed` is True only when
    a system tool reported success (OSC 52 cannot be confirmed); `problems` says why a route failed
    and `hints` how to make one work.
    """

    routes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)

    @property
    def confirmed(self) -> bool:
        """True when the system clipboard holds the text (a tool said so)."""
        return SYSTEM in self.routes

    @property
    def ok(self) -> bool:
        """True when the text went somewhere (confirmed or sent to the terminal)."""
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


def tmux_hint() -> str:
    """Inside tmux: a hint when its settings drop an application's OSC 52, else ""."""
    if not inside_tmux() or shutil.which("tmux") is None:
        return ""
    settings = {}
    for option in ("set-clipboard", "allow-passthrough"):
        try:
            out = subprocess.run(["tmux", "show-options", "-gv", option], capture_output=True, text=True,
                                 timeout=TOOL_TIMEOUT, stdin=subprocess.DEVNULL)
            settings[option] = out.stdout.strip() if out.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            settings[option] = ""
    if settings["set-clipboard"] == "on" or settings["allow-passthrough"] in ("on", "all"):
        return ""
    now = settings["set-clipboard"] or "unknown"
    return f"tmux set-clipboard {now} drops it: `set -g set-clipboard on` in ~/.tmux.conf"


def _usable_tools() -> list[tuple[str, list[str], list[str] | None]]:
    tools = []
    for name, copy, paste, needs in TOOLS:
        if needs and not os.environ.get(needs):
            continue
        if shutil.which(copy[0]) is None:
            continue
        tools.append((name, copy, paste if paste and shutil.which(paste[0]) else None))
    return tools


def _run(command: list[str], text: str | None = None) -> tuple[int, str, str]:
    """Run a clipboard tool; returns (exit status, stdout, first line of stderr).

    stdout and stderr go to temporary files, not pipes: xclip and xsel leave a child running to
    serve the selection, and it keeps inherited pipes open (reading them would wait for it).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.run(command, input=None if text is None else text.encode("utf-8"),
                                  stdin=subprocess.DEVNULL if text is None else None,
                                  stdout=out, stderr=err, timeout=TOOL_TIMEOUT, close_fds=True)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            return -1, "", f"no answer in {TOOL_TIMEOUT:g} s"
        except OSError as exc:
            return -1, "", exc.strerror or str(exc)
        out.seek(0)
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip().splitlines()
        return code, out.read().decode("utf-8", "replace"), message[0] if message else ""


def _clean(line: str) -> str:
    from tui.textsafe import clean

    return " ".join(clean(line).split())[:120]


def copy_system(text: str) -> str | None:
    """Copy through the system clipboard; None when a tool confirmed it, else the reason it did not."""
    tools = _usable_tools()
    if not tools:
        return _fallback_copy(text)
    reasons = []
    for name, copy, paste in tools:
        code, _out, err = _run(copy, text)
        if code != 0:
            reasons.append(f"{name} failed" + (f" ({_clean(err)})" if err else f" (exit status {code})"))
            continue
        if paste is None:
            return None
        # xclip and xsel hand the selection to a child they fork: it may take a moment to own it.
        for wait in (0, 0.02, 0.05, 0.1, 0.2, 0.4):
            time.sleep(wait)
            code, back, err = _run(paste)
            if code == 0 and back.rstrip("\n") == text.rstrip("\n"):
                return None
        reasons.append(f"{name} did not keep the text" + (f" ({_clean(err)})" if err else ""))
    return "; ".join(reasons)


def _fallback_copy(text: str) -> str | None:
    """Platforms without one of our tools (Windows without clip.exe on PATH): pyperclip if it has one."""
    if sys.platform not in ("win32", "cygwin"):
        return _no_system_hint()
    try:
        import pyperclip

        pyperclip.copy(text)
    except Exception as exc:  # pyperclip raises its own and OSError subclasses
        return f"system clipboard failed: {_clean(str(exc)) or type(exc).__name__}"
    return None


def system_tool() -> tuple[str | None, str]:
    """The name of the first system clipboard tool this process can use, or (None, why not)."""
    tools = _usable_tools()
    if tools:
        return tools[0][0], tools[0][0]
    if sys.platform in ("win32", "cygwin"):
        return "windows", "windows"
    return None, _no_system_hint()


def _no_system_hint() -> str:
    if os.environ.get("WAYLAND_DISPLAY"):
        return "no system clipboard tool found: install wl-clipboard"
    if os.environ.get("DISPLAY"):
        return "no system clipboard tool found: install xclip or xsel"
    return NO_DISPLAY


# Over SSH (no display) no tool can reach the clipboard of the computer the reader sits at: the terminal's OSC 52
# is the way there, or X forwarding with a tool installed on this side.
NO_DISPLAY = "no system clipboard (no display; common over SSH)"
NO_DISPLAY_FIX = "ssh -X with xclip installed here gives one"


def _short_system(problems: list[str]) -> str:
    """The 80-column toast's line for a system clipboard that is not there and what gets one, or "" (a tool that
    failed: why is in the long form, which the app logs)."""
    for problem in problems:
        if problem.startswith(NO_DISPLAY):
            return "No system clipboard (no display)"
        if problem.startswith("no system clipboard tool found: install "):
            tool = problem.rsplit("install ", 1)[1].split()[0]
            return "No wl-copy: install wl-clipboard" if tool == "wl-clipboard" else f"No clipboard tool: install {tool}"
    return ""


def copy_text(text: str, terminal: Callable[[str], None] | None = None, *, system: bool = True) -> CopyResult:
    """Copy `text` by every route available; `terminal(text)` sends it to the terminal as OSC 52.

    `terminal` is None when there is no real terminal (headless runs): OSC 52 is then skipped.
    """
    result = CopyResult()
    if terminal is not None:
        try:
            terminal(text)
            result.routes.append(TERMINAL)
            hint = tmux_hint()
            if hint:
                result.hints.append(hint)
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


# Cells of text on a toast's line under which a copy's toast takes its short form: a toast is 57 cells from 120
# columns on (tui/app/widgets/status.py toast_text_cells), 39 in the narrow layout below, 37 at 80 columns.
NARROW_TOAST = 57


def describe(what: str, result: CopyResult, elsewhere: str = "", cells: int | None = None) -> tuple[str, str]:
    """The toast text and severity ("information", "warning" or "error") for a copy of `what`.

    Only a confirmed system copy says "Copied". OSC 52 alone is "sent to the terminal" with a
    warning (nothing confirms it arrived); `elsewhere` is where the text can still be had
    (e.g. "newsreader summary 12"). `cells`: the cells of text on a toast's line; under NARROW_TOAST
    (a screen under 120 columns) the short form (`describe_short`).
    """
    if cells is not None and cells < NARROW_TOAST:
        return describe_short(what, result, elsewhere)
    also = f" The text is also in `{elsewhere}`." if elsewhere else ""
    if result.confirmed:
        extra = " (and sent to the terminal as OSC 52)" if TERMINAL in result.routes else ""
        return f"Copied {what} to the system clipboard{extra}.", "information"
    problems = "; ".join(result.problems)
    if result.ok:
        # Kept short: at 80 columns a toast is ~40 cells wide, and this one used to fill ten lines of the screen.
        lines = [f"Sent {what} to the terminal (OSC 52), unconfirmed."]
        lines += result.hints
        if problems.startswith(NO_DISPLAY) and not result.hints:  # (the tmux fix is the one to make, said above)
            lines.append(f"No system clipboard (no display; common over SSH): {NO_DISPLAY_FIX}.")
        elif problems.startswith("no system clipboard"):
            lines.append(problems[0].upper() + problems[1:] + ".")
        elif problems:
            lines.append(f"System clipboard: {problems}.")
        if elsewhere:
            lines.append(f"Also in `{elsewhere}`.")
        return "\n".join(lines), "warning"
    return (f"Could not copy {what}: {problems}. Use a terminal with OSC 52 (tmux: set -g set-clipboard on) "
            f"or install xclip / wl-clipboard.{also}", "error")


def describe_short(what: str, result: CopyResult, elsewhere: str = "") -> tuple[str, str]:
    """The copy toast for a narrow screen (an 80-column one has 37 cells a line): what went, then where on a line of
    its own; when no copy is confirmed the command that prints the text; a fix only for a route known not to work
    (tmux dropping OSC 52, nothing copied); that there is no system clipboard, with no display (as over SSH) or with
    no tool to reach it (the tool to install), in a line of its own: the 80-column toast said only "Sent ... to the
    terminal", and over SSH a reader could not tell the system clipboard from the terminal's. Why a tool failed is
    left out: `describe`'s long form says it, and the app logs that form."""
    if result.confirmed:
        how = " + terminal" if TERMINAL in result.routes else ""
        return f"Copied {what}\nto the system clipboard{how}", "information"
    also = [f"Also in `{elsewhere}`."] if elsewhere else []
    if result.ok:
        # No system clipboard is said with what gets one (a tool to install), or, with no display (over SSH), where
        # the copy went is all there is: the tmux fix when tmux drops it
        system = [line] if (line := _short_system(result.problems)) else []
        fix = ["Fix tmux: `set -g set-clipboard on`"] if any(h.startswith("tmux ") for h in result.hints) else []
        return "\n".join([f"Sent {what}\nto the terminal (OSC 52), unconfirmed", *system, *fix, *also]), "warning"
    return "\n".join([f"Could not copy {what}.", "Fix: tmux `set -g set-clipboard on`, or install xclip / wl-clipboard.",
                      *also]), "error"
