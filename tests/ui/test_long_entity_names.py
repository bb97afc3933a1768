"""A name the tagger takes from a long capitalised run (1,919 characters: a hostile or broken text) filled the article's
summary pane, the story view's entities and a briefing's quote line at 80 columns, line after line; a speaker's or an
entity's name is cut with "…" at 60 cells there, as the article header cuts a byline (the copies keep it whole)."""

from __future__ import annotations

from rich.text import Text

from tui.cells import NAME_CELLS

HUGE_NAME = ("Extraordinarily " * 120).strip()
BODY = ("Councillors in Wexmoor voted on Tuesday to reopen the old ferry pier after a two-year closure, the council "
        f"said.\n\nRepairs by Calder Marine are due to begin in April, and {HUGE_NAME} plans wait.")


def _cut_once(plain: str) -> bool:
    return "Extraordinarily Extraordinarily" in plain and "…" in plain and len(plain) < NAME_CELLS + 30


async def test_the_summary_pane_cuts_a_huge_entity_name(library, make_app):
    from tui.engine.analysis import analyze

    analysis = analyze(BODY, title="Wexmoor pier")
    assert any(e.text == HUGE_NAME for e in analysis.entities)  # the tagger's one name, as the pane gets it
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)):
        names: list = []
        options = app.screen.summary._entities(analysis, names)
        [shown] = [o.prompt.plain for o in options if "Extraordinarily" in o.prompt.plain]
        assert _cut_once(shown), shown
        assert HUGE_NAME in {name for _key, name in names}  # enter still filters by the whole name


def test_the_story_view_cuts_a_huge_speaker_and_entity_name():
    from tui.app.screens.story_items import _side
    from tui.stories.story import SpeakerQuotes, StoryEntity, StoryQuote, StorySummary

    quote = StoryQuote(text="We will reopen it", speaker=HUGE_NAME, article=1, source="Tideline", day="2026-03-03")
    summary = StorySummary(id=1, title="Wexmoor pier", sentences=[], quotes=[SpeakerQuotes(HUGE_NAME, [quote])],
                           entities=[StoryEntity("MISC", HUGE_NAME, 1, 1)], new=[], sources=["Tideline"],
                           first="2026-03-03", last="2026-03-03", articles=[1], analysed=True)
    options, names = _side(summary)
    shown = [o.prompt.plain for o in options if isinstance(o.prompt, Text) and "Extraordinarily" in o.prompt.plain]
    assert len(shown) == 2 and all(_cut_once(x) for x in shown), shown
    assert [name for _key, name in names] == [HUGE_NAME]  # enter still finds the whole name


async def test_the_entity_page_cuts_a_huge_name_in_its_head_and_company(library, make_app):
    from tui.app.screens.person import PersonScreen
    from tui.stories.people import Person

    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        page = PersonScreen(path, HUGE_NAME)
        await app.push_screen(page)
        await pilot.pause()
        assert _cut_once(str(page.query_one("#person-pane").border_title))
        page.loaded(Person(name=HUGE_NAME, label="PERSON", aliases=[HUGE_NAME + " Junior"],
                           articles=[{"id": 1, "title": "Wexmoor pier", "source": "Tideline", "day": "2026-03-03"}],
                           cooccurring=[{"label": "PERSON", "name": HUGE_NAME + " Senior", "articles": 1}],
                           timeline=[("2026-03", 1)]), "")
        head = str(page.query_one("#person-head").render()).splitlines()
        assert _cut_once(head[0]) and head[1].count("…") == 1 and len(head[1]) < NAME_CELLS + 40, head
        side = page.query_one("#person-quotes")
        company = [side.get_option_at_index(i).prompt.plain for i in range(side.option_count)]
        [shown] = [x for x in company if "Extraordinarily" in x]
        assert _cut_once(shown), shown
