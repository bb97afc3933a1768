"""A copy's toast goes when the reader moves to another page: the toast of a copy not confirmed (no system clipboard,
as over SSH) stays 12 s, and at 80x24 it covered the page the reader went on to (`Y` on the story view, then `enter`
on a person: over the person page's quotes). A dialog or help opened over the page, and closed, leaves it."""

from __future__ import annotations

from pilot_steps import NO_SYSTEM_CLIPBOARD, open_first_story, open_person_from_story, settle, toasts_stay
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui import clipboard
from tui.app.app import COPY_TOAST_TITLE


def copy_toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications if n.title == COPY_TOAST_TITLE]


async def test_an_unconfirmed_copy_s_toast_goes_when_another_page_opens(stories, make_app, monkeypatch):  # noqa: F811
    monkeypatch.setattr(clipboard, "copy_system", lambda text: NO_SYSTEM_CLIPBOARD)
    app = make_app(stories)
    toasts_stay(app, monkeypatch, 60)  # (its own 12 s could run out under load before the test looks)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.has_terminal = lambda: True
        await open_first_story(pilot)
        await pilot.press("Y")
        await settle(pilot)
        said = copy_toasts(app)
        assert said and "unconfirmed" in said[-1], said
        await pilot.press("question_mark")  # help over the story view, then closed: the toast stays
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert copy_toasts(app) == said
        await open_person_from_story(pilot, "Bram Oduya")
        assert copy_toasts(app) == []
        await pilot.press("y")  # a copy on the new page has its toast
        await settle(pilot)
        assert copy_toasts(app)
        await pilot.press("escape")  # back to the story view
        await settle(pilot)
        assert copy_toasts(app) == []
