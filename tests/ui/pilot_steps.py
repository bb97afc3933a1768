"""Steps the Pilot tests share."""

from __future__ import annotations


async def settle(pilot) -> None:
    """Wait for every worker (analysis, search, clipboard) and the repaint after it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_first(pilot):
    """Open the newest article and wait for its analysis; returns the main screen."""
    await pilot.press("g", "enter")
    await settle(pilot)
    return pilot.app.screen
