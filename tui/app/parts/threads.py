"""Handing a worker thread's result back to the UI thread."""

from __future__ import annotations


def deliver(host, callback, *args) -> None:
    """Call `callback(*args)` on the UI thread of `host`'s app; nothing if the app is closing."""
    try:
        app = host.app  # NoActiveAppError (a RuntimeError) once the app has gone

        def on_ui_thread() -> None:
            # Checked when it runs, not when it was sent: a worker that finished just before the app began to
            # close (quit, or the end of a test) would otherwise look up widgets that are being removed ("No nodes
            # match '#articles'", a traceback at exit).
            if app.is_running:
                callback(*args)

        app.call_from_thread(on_ui_thread)
    except RuntimeError:
        pass  # the app is closing
