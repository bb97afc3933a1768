"""Marks the pages show for the articles they list: what walk23 found at 80x24 and 200x50 (session 23)."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, open_person_from_story, settle, started, wait_until
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


def article_lines(widget) -> dict[int, str]:
    return {int(o.id.split(":")[1]): o.prompt.plain for o in widget.options if (o.id or "").startswith("a:")}


async def test_the_entity_page_shows_read_and_starred_marks_and_m_f_change_them(stories, make_app):
    """The entity page's article lines had no unread dot and no star, as the story view's have: m and f there said
    "Marked read" / "Marked starred" and the page looked the same as before."""
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        articles = person.query_one("#person-articles")
        lines = article_lines(articles)
        assert lines and all(text.startswith("● ") for text in lines.values()), lines  # nothing is read yet
        person.set_focus(articles)
        first = next(i for i, o in enumerate(articles.options) if (o.id or "").startswith("a:"))
        articles.highlighted = first
        ident = int(articles.options[first].id.split(":")[1])
        await pilot.press("m")
        await settle(pilot)
        assert article_lines(articles)[ident].startswith("  "), article_lines(articles)  # read: no dot
        assert articles.highlighted == first  # the cursor stays on its line
        await pilot.press("f")
        await settle(pilot)
        line = article_lines(articles)[ident]
        assert "★" in line and line.index("★") < line.index("\n"), line  # after the title, before the outlet's line
        others = [text for i, text in article_lines(articles).items() if i != ident]
        assert all(text.startswith("● ") and "★" not in text for text in others), others
        await pilot.press("m")
        await settle(pilot)
        assert article_lines(articles)[ident].startswith("● "), article_lines(articles)


async def test_n_and_N_on_the_entity_page_go_to_its_unread_articles_as_in_the_story_view(stories, make_app):
    """walk25: the entity page lists articles marked ● unread and m marks them, as the story view does, but n there
    said "n (Next unread article) works in the library, the article view and the story view, not on this page"."""
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        articles = person.query_one("#person-articles")
        lines = [i for i, o in enumerate(articles.options) if (o.id or "").startswith("a:")]
        assert len(lines) >= 2, lines
        said = []
        person.notify = lambda message, **kw: said.append(message)
        person.set_focus(person.query_one("#person-quotes"))
        await pilot.press("n")  # from the other pane: the first unread article
        await settle(pilot)
        assert person.focused is articles and articles.highlighted == lines[0], (articles.highlighted, said)
        await pilot.press("m")  # read now: n goes on to the next, N finds none above
        await settle(pilot)
        await pilot.press("n")
        assert articles.highlighted == lines[1], (articles.highlighted, said)
        await pilot.press("N")
        assert articles.highlighted == lines[1] and said[-1].startswith("No more unread articles on this page above"), said
        for _ in lines[1:]:
            articles.highlighted = next(i for i in lines if article_lines(articles)[int(articles.options[i].id[2:])]
                                        .startswith("●"))
            await pilot.press("m")
            await settle(pilot)
        await pilot.press("n")
        assert said[-1] == f"Every article on this page is read ({len(lines)} articles).", said
        assert "n/N unread" in hint(person)


def hint(screen) -> str:
    return str(screen.query_one("#page-hint").render())


async def test_an_open_story_view_follows_an_article_removed_by_another_program(stories, make_app):
    """`newsreader remove ID` (or another window) deleted an article of the story on screen: the stories list under
    it followed, but the story view kept listing the article (and its sentences), and enter on it left the story for
    the library with "That article is no longer in the library"."""
    from tui.store import Library

    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        text = story.query_one("#story-text")
        listed = article_lines(text)
        assert len(listed) == 3, listed
        gone = min(listed)
        with Library(stories) as lib:
            assert lib.remove(gone)
        await wait_until(pilot, lambda: gone not in article_lines(text), lambda: article_lines(text))
        await settle(pilot)
        assert app.screen is story and len(article_lines(text)) == 2
        assert "2 articles" in story.query_one("#story-head").head.figures
        assert all(s.article != gone for s in story.summary.sentences)


async def test_an_open_briefing_follows_articles_removed_by_another_program(stories, make_app):
    """Another program removed the articles of the briefing's story: the briefing on screen still listed it (and
    enter on it opened "This story is no longer in the library")."""
    from pilot_steps import open_briefing
    from tui.store import Library

    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        briefing = await open_briefing(pilot)
        assert len(briefing.items) == 1 and "3 unread" in str(briefing.query_one("#briefing-list").options[0].prompt)
        with Library(stories) as lib:
            for article_id in briefing.items[0].story.article_ids or [a for a, in lib.db.execute(
                    "SELECT article_id FROM story_articles WHERE story_id = ?", (briefing.items[0].story.id,))]:
                lib.remove(article_id)
        await wait_until(pilot, lambda: not briefing.items, lambda: [i.story.title for i in briefing.items])
        await settle(pilot)
        assert app.screen is briefing
        assert "No unread stories" in str(briefing.query_one("#briefing-list").options[0].prompt)


async def test_m_on_a_story_of_the_stories_list_marks_all_its_articles_read_then_unread(stories, make_app, monkeypatch):
    """`m` in the stories list said "open a story (enter) and an article from it": a story read elsewhere (or not
    worth reading) could only be marked article by article. It marks every article of the story read now (unread
    when all are read already), and the story's unread figure follows."""
    from pilot_steps import toasts_of
    from tui.store import Library

    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        row = main.articles.current
        assert main.listing.stories and row.size == 3 and row.unread == 3, row
        await pilot.press("m")
        await settle(pilot)
        assert any(s.startswith("Marked read: 3 articles of") for s in said), said
        assert main.marks.settle(30)
        await settle(pilot)
        with Library(stories) as lib:
            assert [r for r, in lib.db.execute("SELECT a.read FROM story_articles s JOIN articles a "
                                               "ON a.id = s.article_id WHERE s.story_id = ?", (row.id,))] == [1, 1, 1]
        assert main.articles.current.id == row.id and main.articles.current.unread == 0, main.articles.current
        said.clear()
        await pilot.press("m")
        await settle(pilot)
        assert main.marks.settle(30)
        await settle(pilot)
        assert any(s.startswith("Marked unread: 3 articles of") for s in said), said
        assert main.articles.current.unread == 3, main.articles.current


async def test_m_in_the_briefing_marks_the_line_s_story_read_and_it_leaves_the_briefing(stories, make_app):
    """`m` in the briefing said it works elsewhere: a story read in the briefing stayed in it, and in the next one."""
    from pilot_steps import open_briefing

    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        briefing = await open_briefing(pilot)
        assert len(briefing.items) == 1
        assert "m read" in str(briefing.query_one("#page-hint").render())  # on the key line at 80 columns
        await pilot.press("m")
        await settle(pilot)
        assert briefing.main_screen().marks.settle(30)
        await wait_until(pilot, lambda: not briefing.items, lambda: [i.story.title for i in briefing.items])
        await settle(pilot)
        assert app.screen is briefing
        assert "No unread stories" in str(briefing.query_one("#briefing-list").options[0].prompt)


async def test_keys_of_the_open_article_in_the_stories_list_say_what_works_there(stories, make_app, monkeypatch):
    """With no article open, c / y / Y and r in the stories list said "Open an article first (enter on a row)": enter
    there opens a story. (Since session 30 they act on the story under the cursor: test_story_list_article_keys.) And
    s said "Summary method: lead" where + and - say "(for the articles you open)"."""
    from pilot_steps import toasts_of

    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        assert main.listing.stories and main.article is None
        said.clear()
        await pilot.press("s")
        await settle(pilot)
        assert len(said) == 1 and said[0].startswith("Summary method: ") and said[0].endswith(
            " (for the articles you open)"), said
        await pilot.press("v")  # the articles list: as before
        await settle(pilot)
        said.clear()
        await pilot.press("c")
        await settle(pilot)
        assert said == ["Open an article first (enter on a row)."], said


async def test_mark_all_read_says_as_many_articles_as_it_asked_about(tmp_path, make_app, monkeypatch):
    """A text printed by two outlets is one row of the library (two records): A asked "Mark the 23 unread articles
    shown read?" and then said "Marked 24 articles read."."""
    from pilot_steps import toasts_of
    from story_sample import make_twins_library
    from tui.store import Library

    path = tmp_path / "library.db"
    make_twins_library(path)
    with Library(path) as lib:
        records = lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]
    app = make_app(path)
    said = toasts_of(app, monkeypatch)
    async with started(app, (120, 40)) as (pilot, main):
        rows = main.unread.count
        assert rows == records - 1, (rows, records)  # the copy is no row of its own
        await pilot.press("A")
        await settle(pilot)
        if type(app.screen).__name__ == "ConfirmDialog":
            await pilot.press("y")
            await settle(pilot)
        assert f"Marked {rows} articles read — z undoes." in said, said


async def test_the_story_view_cursor_stays_on_its_line_when_the_summary_length_changes(stories, make_app):
    """`-` in the story view made the summary a sentence shorter and the cursor kept its place number: it landed on
    the line that moved there (an article line became another article's, or a sentence)."""
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        text = story.query_one("#story-text")
        story.set_focus(text)
        target = next(i for i, o in enumerate(text.options) if (o.id or "").startswith("a:"))
        text.highlighted = target
        chosen = text.options[target].id
        sentences = len(story.summary.sentences)
        assert sentences > 1
        await pilot.press("minus")
        await settle(pilot)
        await settle(pilot)
        assert len(story.summary.sentences) == sentences - 1
        assert text.options[text.highlighted].id == chosen, (chosen, text.options[text.highlighted].id)
        await pilot.press("plus")
        await settle(pilot)
        await settle(pilot)
        assert text.options[text.highlighted].id == chosen, (chosen, text.options[text.highlighted].id)
