"""Handing a worker thread's result back to the UI thread."""

from __future__ import annotations


def deliver(host, callback, *args) -> None:
    """Call `callback(*args)` on the UI thread of `host`'s app; nothing if the app is closing."""
    try:
        host.app.call_from_thread(callback, *args)
    except RuntimeError:
        pass  # the app is closing
