"""walk35: `who Anselm` (a given name) found no one. The entity page opened on a one-word name (an article that calls
a person by a given name alone) now shows the one person who has it, or lists the several who do, `enter` opening
one's page, as `newsreader who` lists them."""

from __future__ import annotations

from pilot_steps import settle, started, wait_until

from tests.stories.people_samples import add_report
from tui.store import Library


def _report(lib, title: str, body: str, names: list[str]) -> None:
    add_report(lib, title, body, names, source="Fernhollow Post", published="2026-05-04")


def _library(path) -> None:
    with Library(path) as lib:
        _report(lib, "Ferry timetable changes", "Skipper Anselm Kirby said the ferry would sail at six.",
                ["Anselm Kirby"])
        _report(lib, "Ferry fares rise", "Anselm Kirby said fares would rise in June.", ["Anselm Kirby"])
        _report(lib, "Frost in the orchards", "Grower Anselm Rowe fears frost.", ["Anselm Rowe"])
        _report(lib, "Council meets", "Councillor Hesper Tallow opened the meeting.", ["Hesper Tallow"])


async def test_a_word_of_several_names_lists_them_and_enter_opens_one(tmp_path, make_app):
    from tui.app.screens.person import PersonScreen

    path = tmp_path / "library.db"
    _library(path)
    app = make_app(path)
    async with started(app, (100, 30)) as (pilot, main):
        app.push_screen(PersonScreen(main.db_path, "Anselm"))
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PersonScreen" and app.screen.several,
                         lambda: app.screen)
        await settle(pilot)
        page = app.screen
        head = str(page.query_one("#person-head").render())
        assert "Anselm is part of 2 people's names" in head and "enter opens" in head, head
        lines = [o.prompt.plain for o in page.query_one("#person-articles").options]
        assert [x.strip() for x in lines[1:]] == ["Anselm Kirby · 2 articles", "Anselm Rowe · 1 article"], lines
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: getattr(app.screen, "person", None) is not None, lambda: app.screen)
        assert app.screen.person.name == "Anselm Rowe"


async def test_a_given_name_of_one_person_opens_their_page(tmp_path, make_app):
    from tui.app.screens.person import PersonScreen

    path = tmp_path / "library.db"
    _library(path)
    app = make_app(path)
    async with started(app, (100, 30)) as (pilot, main):
        app.push_screen(PersonScreen(main.db_path, "Hesper"))
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PersonScreen" and app.screen.person is not None,
                         lambda: app.screen)
        assert app.screen.person.name == "Hesper Tallow"
        assert "Hesper Tallow" in str(app.screen.query_one("#person-head").render())


async def test_a_last_name_of_two_people_lists_both(tmp_path, make_app):
    """keys36: the page of "Tefft" (an article that calls someone by the last name alone) was the page of the Tefft
    with more mentions; the library has two, both listed now, as `newsreader who Tefft` lists them."""
    from tests.stories.test_who_last_name import two_teffts
    from tui.app.screens.person import PersonScreen

    path = tmp_path / "library.db"
    two_teffts(path)
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, main):
        app.push_screen(PersonScreen(main.db_path, "Tefft"))
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PersonScreen" and app.screen.several,
                         lambda: app.screen)
        await settle(pilot)
        page = app.screen
        assert "Tefft is part of 2 people's names" in str(page.query_one("#person-head").render())
        lines = [o.prompt.plain.strip() for o in page.query_one("#person-articles").options]
        assert lines[1:] == ["Brannoch Tefft · 2 articles", "Ilsa Tefft · 1 article"], lines
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: getattr(app.screen, "person", None) is not None, lambda: app.screen)
        assert app.screen.person.name == "Ilsa Tefft"
