"""Waiting for a condition in a running app (Pilot tests: tests/ui, tests/hostile), never for a fixed time."""

from __future__ import annotations

import time


async def wait_until(pilot, check, what="", seconds: float = 10.0, step: float = 0.05, *, nudge: bool = True):
    """Let the app run (workers, timers, the library watch) until `check()` holds, at most `seconds`; returns its
    value. Fails with `what` (a text, or a callable giving one: the state seen at the deadline) when it never holds:
    a wait for the condition, where a fixed pause is too short under load and too long otherwise.
    `nudge=False` only sleeps between looks (pilot.pause also waits for the screen and updates it)."""
    import asyncio

    deadline = time.monotonic() + seconds
    while not (got := check()):
        if time.monotonic() > deadline:
            detail = what() if callable(what) else what
            raise AssertionError(f"not so after {seconds:g} s: {detail or getattr(check, '__name__', check)}")
        await (pilot.pause(step) if nudge else asyncio.sleep(step))
    return got
