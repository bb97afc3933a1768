"""`1`-`6` after `e` turned every highlight off: the type's key shows that type, with the rest that were on. It flipped
the type's own mark instead, so `1` there hid people, brought the five other kinds back and said "Highlights: people
off" of the one kind that had been off already and stayed so (walk31)."""

from __future__ import annotations

from pilot_steps import opened_first, settle, toasts_stay


def said(app) -> list[str]:
    return [str(n.message) for n in app._notifications if str(n.message).startswith("Highlights")]


def kinds(main) -> set[str]:
    return {kind for kind, _ in main.body.drawn}


async def test_a_type_key_after_all_off_shows_that_type(library, make_app, monkeypatch):
    path, _ = library
    app = make_app(path)
    toasts_stay(app, monkeypatch)  # (the app's 2 s can be over before a look, under load)
    async with opened_first(app) as (pilot, main):
        every = kinds(main)
        assert {"person", "place"} <= every, every
        await pilot.press("e")
        await settle(pilot)
        assert main.body.drawn == []
        await pilot.press("1")
        await settle(pilot)
        assert kinds(main) == every  # people shown, and the others that were on before e
        assert said(app) == ["Highlights: on, people too"], said(app)
        await pilot.press("1")  # with the layer on, the key toggles as before
        await settle(pilot)
        assert kinds(main) == every - {"person"}
        assert said(app) == ["Highlights: people off"], said(app)


async def test_a_type_turned_off_before_e_stays_off_and_is_named(library, make_app, monkeypatch):
    path, _ = library
    app = make_app(path)
    toasts_stay(app, monkeypatch)
    async with opened_first(app) as (pilot, main):
        every = kinds(main)
        await pilot.press("3", "e")  # places off, then everything
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert kinds(main) == every - {"place"}
        assert said(app) == ["Highlights: on, people too (places still off)"], said(app)
        await pilot.press("e", "3")  # off again; 3 shows places (people were on when e hid them all)
        await settle(pilot)
        assert kinds(main) == every
        assert said(app) == ["Highlights: on, places too"], said(app)
