"""Run a Textual program and write the CPU time it used until its screen first showed a text.

    python -m bench.first_paint_cpu OUT NEEDLE -- SCRIPT.py [ARGS...]
    python -m bench.first_paint_cpu OUT NEEDLE -- -m MODULE [ARGS...]

The program runs in this process (as `python SCRIPT.py` or `python -m MODULE` would run it). After
every screen update, the process's CPU time (user + system, every thread) and the UI thread's are
taken; the first update whose screen holds NEEDLE appends "process_ms ui_thread_ms" to OUT. The
program goes on running (the start-up measure closes its terminal window). CPU time is what the
start-up costs whatever else the machine is doing, where wall-clock time on a shared machine is not.
"""

from __future__ import annotations

import os
import runpy
import sys
import time


def _install(out: str, needle: str) -> None:
    from textual.app import App

    original = App._display
    state = {"done": False}

    def display(self, screen, renderable):
        original(self, screen, renderable)
        if state["done"]:
            return
        times, ui = os.times(), time.thread_time()  # before looking for the needle (that costs too)
        try:
            text = self.screen._compositor.render_full_update().render_segments(self.console)
        except Exception:
            return
        if needle in text:
            state["done"] = True
            with open(out, "a", encoding="utf-8") as f:
                f.write(f"{(times.user + times.system) * 1000:.0f} {ui * 1000:.0f}\n")

    App._display = display


def main(argv: list[str]) -> None:
    """Parse OUT NEEDLE -- program..., hook Textual, run the program."""
    out, needle, sep, *program = argv
    if sep != "--" or not program:
        raise SystemExit(__doc__)
    _install(out, needle)
    if program[0] == "-m":
        sys.argv = [program[1], *program[2:]]
        runpy.run_module(program[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = program
        runpy.run_path(program[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
