"""A text box that completes a file or folder path on `tab`, as a shell does (walk35: the add dialogs had none, and a
long path was typed by hand): the one match whole (a folder's with "/"), several extended to what they share and
listed on the line under the box (a few of them and how many more), `~` read as the home folder. The rest of the one
match is also shown dimmed as the path is typed (Textual's suggester; `right` at the end takes it).

A folder is read in a thread, at most LIST_LIMIT entries of it: a folder that cannot be read (no permission, a
dangling link, a slow mount) or holds 10,000 files never stops the screen; one read past the limit completes nothing
and says so. With nothing to complete (an empty box, a URL), `tab` moves the focus on as everywhere else.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field

from rich.text import Text
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input, Static

from tui.textsafe import visible

LIST_LIMIT = 50_000  # entries of one folder read to complete a name in it (a folder of more is not completed)
SHOWN = 8  # matches listed under the box (then "… and N more")


@dataclass
class Completion:
    """What `tab` does to `value`: the new value (the same when nothing more is shared), the matching names (a
    folder's ending in "/"), at most SHOWN of them, `total` of them, and a one-line `note` (nothing matches, the folder
    cannot be read, too many entries)."""

    value: str
    shown: list[str] = field(default_factory=list)
    total: int = 0
    note: str = ""


def complete(value: str, limit: int | None = None) -> Completion:
    """Complete the last part of the path `value` among its folder's entries (plain; no Textual); at most `limit`
    entries read (LIST_LIMIT)."""
    limit = LIST_LIMIT if limit is None else limit
    folder_typed, _, start = value.rpartition("/")
    folder_typed = folder_typed + "/" if _ else ""
    if value == "~":  # the home folder itself: "~/"
        return Completion("~/", total=1)
    folder = os.path.expanduser(folder_typed) if folder_typed else "."
    said = visible(folder_typed) or "this folder"  # (what was typed, hidden characters spelled out)
    names: list[tuple[str, bool]] = []
    try:
        with os.scandir(folder) as entries:
            for seen, entry in enumerate(entries):
                if seen >= limit:
                    return Completion(value, note=f"{said} holds more than {limit:,} "
                                                  f"entries: type more of the path")
                if entry.name.startswith(start) and (start.startswith(".") or not entry.name.startswith(".")):
                    try:
                        is_dir = entry.is_dir()  # (a dangling link is no folder)
                    except OSError:
                        is_dir = False
                    names.append((entry.name, is_dir))
    except PermissionError:
        return Completion(value, note=f"cannot read {said}: permission denied")
    except FileNotFoundError:
        return Completion(value, note=f"no folder {said}")
    except NotADirectoryError:
        return Completion(value, note=f"{said.rstrip('/')} is a file, not a folder")
    except (OSError, ValueError) as exc:  # (a NUL in the path is a ValueError)
        return Completion(value, note=f"cannot read {said}: "
                                      f"{getattr(exc, 'strerror', None) or exc}")
    if not names:
        return Completion(value, note=f"no file or folder starts with {visible(start)!r}" if start
                          else "an empty folder")
    names.sort(key=lambda n: (n[0].casefold(), n[0]))
    shared = os.path.commonprefix([n for n, _ in names])
    plain = next((at for at, ch in enumerate(shared) if not ch.isprintable()), len(shared))
    if len(names) == 1 and plain == len(shared):
        name, is_dir = names[0]
        return Completion(folder_typed + name + ("/" if is_dir else ""), total=1)
    # a name with a hidden character (an escape, a newline) is listed spelled out and never typed into the box: the
    # completion stops before the character
    shown = [visible(n) + ("/" if d else "") for n, d in names[:SHOWN]]
    return Completion(folder_typed + shared[:plain], shown, len(names))


def path_like(value: str) -> bool:
    """Whether `value` reads as a path on this machine (the feed dialog's box also takes URLs and host names)."""
    return value.startswith(("/", "~", "./", "../"))


class _OneMatch(Suggester):
    """The rest of the one entry that completes the path typed, shown inline (Textual's suggester)."""

    def __init__(self, wanted) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.wanted = wanted

    async def get_suggestion(self, value: str) -> str | None:
        if not self.wanted(value) or value.endswith("/") or not value.strip():
            return None
        done = await asyncio.to_thread(complete, value)
        return done.value if done.total == 1 and done.value != value else None


class PathInput(Input):
    """An Input whose `tab` completes a path (see the module). `paths`: which values are paths to complete (the add
    dialog: any but a URL; the feed dialog: one that starts with /, ~, ./ or ../)."""

    BINDINGS = [Binding("tab", "complete", "Complete the path", show=False)]

    def __init__(self, *args, paths=None, **kwargs) -> None:
        self.paths = paths or (lambda v: bool(v.strip()) and "://" not in v)
        super().__init__(*args, suggester=_OneMatch(lambda v: self.paths(v)), **kwargs)
        self._busy = False

    def action_complete(self) -> None:
        value = self.value
        if not self.paths(value):
            self.screen.focus_next()  # nothing to complete: on to the next control, as tab does elsewhere
            return
        if self._busy:  # a folder still being read (a slow mount): this tab waits for it
            return
        self._busy = True
        self.run_worker(self._complete(value), exclusive=True, group="path-complete")

    async def _complete(self, value: str) -> None:
        try:
            done = await asyncio.to_thread(complete, value)
        finally:
            self._busy = False
        if self.value != value or not self.is_attached:  # typed on meanwhile: the answer is for an older value
            return
        if done.value != value:
            self.value = done.value
            self.cursor_position = len(self.value)
        self._say(done)

    def _say(self, done: Completion) -> None:
        """The matches (or why there are none) on the line under the box; nothing when one match completed it."""
        words = ""
        if done.note:
            words = done.note
        elif done.total > 1:
            words = "  ".join(done.shown) + (f"  … and {done.total - len(done.shown):,} more"
                                             if done.total > len(done.shown) else "")
        line = self.matches_line()
        if line is not None:
            line.update(Text(words))
            line.display = bool(words)

    def matches_line(self) -> Static | None:
        """The line under the box that lists the matches, made on first use."""
        if self.parent is None:
            return None
        found = self.parent.query(f"#{self.id}-matches") if self.id else self.parent.query(".path-matches")
        if found:
            return found.first(Static)
        line = Static("", id=f"{self.id}-matches" if self.id else None, classes="path-matches")
        self.parent.mount(line, after=self)
        return line

    def _watch_value(self, value: str) -> None:
        """Typing on hides the listed matches (they were for what was typed before)."""
        super()._watch_value(value)
        if self.parent is not None and self.id:
            for line in self.parent.query(f"#{self.id}-matches"):
                if line.display and not self._busy:
                    line.display = False
