"""A worker's result that reaches the UI thread after the app began to close is dropped, not applied."""

from __future__ import annotations

from tui.app.parts.threads import deliver


async def test_a_list_load_delivered_while_the_app_closes_is_dropped(cached_library, make_app, monkeypatch):
    app = make_app(cached_library[0])
    sent = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = app.screen
        source = main.articles.source
        # What a list-loading worker hands over, held back until the app has shut down (as when it finishes
        # in the moment the user quits): the app's own call_from_thread is replaced by a recorder.
        monkeypatch.setattr(app, "call_from_thread", lambda fn, *a: sent.append((fn, a)))
        deliver(main, main._list_loaded, source)
    assert sent and not app.is_running
    fn, args = sent[0]
    fn(*args)  # the screen's widgets are gone: applying the load now raised NoMatches('#articles')


async def test_a_result_delivered_after_the_app_has_gone_is_dropped_quietly(cached_library, make_app):
    import threading

    app = make_app(cached_library[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = app.screen
    errors = []
    # A worker thread finishing after the app is gone (no active app in its context): nothing raised in it.
    worker = threading.Thread(target=lambda: _deliver_catching(main, errors))
    worker.start()
    worker.join()
    assert errors == []


def _deliver_catching(host, errors: list) -> None:
    try:
        deliver(host, lambda: errors.append("ran"))
    except Exception as exc:  # what would be an unhandled exception in a worker thread
        errors.append(repr(exc))
