"""The words `?` shows for the focused pane say what its keys do: on the summary pane, enter on a person opens their
page (it said "enter on an entity lists the articles that mention it", for every entity: walk24); on the library,
that `O` changes the order it called "newest first"."""

from __future__ import annotations

from pilot_steps import opened_first, settle, started
from test_reading import select_option


def pane_help(app) -> str:
    return str(app.screen.query_one(".pane-help").render())


async def test_the_summary_panes_help_says_enter_on_a_person_opens_their_page(cached_library, make_app):
    path, _ = cached_library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        index = next(i for i, (_k, name) in enumerate(screen.summary.entity_names) if name == "Agnes Trewin")
        select_option(screen, f"e:{index}")
        await pilot.press("question_mark")
        await settle(pilot)
        said = " ".join(pane_help(app).split())
        assert "enter on a person opens their page" in said, said
        assert "on another entity, lists the articles that mention it" in said, said
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")  # what it says is what enter does there
        await settle(pilot)
        assert type(app.screen).__name__ == "PersonScreen"


async def test_the_librarys_help_says_o_changes_its_order(cached_library, make_app):
    path, _ = cached_library
    app = make_app(path)
    async with started(app, keys="question_mark") as (_pilot, _help):
        said = " ".join(pane_help(app).split())
        assert said.startswith("Your library, newest first (O: by title, source or length;"), said


async def test_help_on_a_page_names_three_other_pages_as_a_list(library, make_app):
    """On the feeds list, help's "Not on this page" rows said "c Copy summary — also in the story view and the entity
    page and the briefing"; now "… in the story view, the entity page and the briefing", as the toasts list places."""
    from test_story_mode_keys import help_sections

    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys=("F", "question_mark")):
        rows = [w for ws in help_sections(app).values() for w in ws]
        assert "Copy summary — also in the story view, the entity page and the briefing" in rows, rows
        assert not any(" and the entity page and " in w for w in rows), rows


async def test_the_palettes_view_and_sort_commands_name_the_key_that_steps_through_them(library, make_app):
    """ctrl+p's "View: …" and "Sort: …" said only "the library list", every other command its key; they name `u` and
    `O` now (as rebound: the user's key)."""
    path, _ = library
    (path.parent / "config.toml").write_text('[keys]\nsort = "ctrl+o"\n')
    app = make_app(path)
    async with started(app, (80, 24)) as (_pilot, main):
        offered = {c.title: c.help for c in app.get_system_commands(main)}
        assert offered["View: unread articles"] == "the library list; key: u steps through the views", offered
        assert offered["Sort: by title (A-Z)"] == "the library list; key: ctrl+o steps through the orders", offered
