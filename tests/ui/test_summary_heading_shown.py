"""The summary heading says which summary is shown, and, while another method or length asked for is still being
made, which one is coming: it named the method asked for above the summary of the one before it. Method names have
one casing in the heading and the toasts ("News", where the toast said "news" next to "LexRank"); the command line
keeps taking the short lower-case names."""

from __future__ import annotations

import threading

from pilot_steps import opened_first, settle, shown_toasts, toasts_stay, wait_until

import tui.app.parts.analysis as analysis_part


def heading(main) -> str:
    return main.summary.get_option_at_index(0).prompt.plain


def held_analyses(monkeypatch):
    entered, release = threading.Event(), threading.Event()
    real = analysis_part._analyse_in_thread

    def held(*args, **kwargs):
        entered.set()
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis_part, "_analyse_in_thread", held)
    return entered, release


async def test_the_heading_names_the_summary_shown_and_the_one_coming(library, make_app, monkeypatch):
    path, _ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, main):
        await settle(pilot)
        assert heading(main) == "Summary · News · 3 sentences"
        entered, release = held_analyses(monkeypatch)
        # each key: while its summary is being made, the heading names the one shown and the one coming; then the new
        for key, asked, coming, shown in (
                ("s", "the LEAD summary", "Summary · News · 3 sentences · LEAD coming…",
                 "Summary · LEAD · 3 sentences"),
                ("plus", "the longer summary", "Summary · LEAD · 3 sentences · 4 sentences coming…",
                 "Summary · LEAD · 4 sentences")):
            entered.clear()
            release.clear()
            await pilot.press(key)
            await wait_until(pilot, entered.is_set, f"{asked} was never asked for")
            await pilot.pause()
            assert heading(main) == coming
            release.set()
            await settle(pilot)
            assert heading(main) == shown


async def test_method_names_have_one_casing_in_toasts(library, make_app, monkeypatch):
    path, _ids = library
    app = make_app(path)
    toasts_stay(app, monkeypatch)
    async with opened_first(app) as (pilot, main):
        await settle(pilot)
        names = []
        for _ in analysis_part.method_names():
            await pilot.press("s")
            await pilot.pause()
            names.append(shown_toasts(app)[-1].removeprefix("Summary method: "))
        assert names[-1] == "News", names
        assert all(name[0].isupper() for name in names), names
        await settle(pilot)
        assert heading(main).startswith("Summary · News · ")
