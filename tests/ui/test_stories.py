"""Story mode (`v`), the story view, the entity page and the briefing, driven with Pilot."""

from __future__ import annotations

from contextlib import asynccontextmanager

import pytest

from pilot_steps import open_briefing, open_first_story, settle, wait_until
from story_sample import EVENING, WIRE, make_story_library
from ui_sample import HARBOUR, ORCHARD

from tui.app import keymap
from tui.app.screens.briefing import NEW_KEY
from tui.store import Library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


def rows(screen) -> list:
    source = screen.articles.source
    return [source.row(i) for i in range(len(source))]


def status(screen) -> str:
    return str(screen.query_one("#library-status").render())


def options(screen, selector: str) -> list[str]:
    widget = screen.query_one(selector)
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def option_index(screen, selector: str, prefix: str) -> int:
    widget = screen.query_one(selector)
    return next(i for i in range(widget.option_count) if (widget.get_option_at_index(i).id or "").startswith(prefix))


async def open_story(pilot):
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("g", "enter")
    await settle(pilot)
    await settle(pilot)  # the second, complete read (analyses) if the first was partial
    return pilot.app.screen


async def test_v_switches_the_library_between_articles_and_stories(stories, make_app):
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        assert len(rows(main)) == 6 and "6 articles" in status(main)
        await pilot.press("v")
        await settle(pilot)
        story_rows = rows(main)
        assert [r.size for r in story_rows] == [3, 1, 1, 1] and "4 stories" in status(main)
        harbour = story_rows[0]
        # headed by its latest article's title (the evening paper's report of the 15th)
        assert harbour.title == EVENING.title and harbour.unread == 3 and harbour.outlets == 3
        assert main.query_one("#library-pane").border_title == "Stories"
        line = main.articles.render_line(0).text
        # its unread count with the unread dot (a bare "3" read like a row number), articles, latest day (in the year
        # of the latest story: without its year, the title's cells)
        assert line.startswith("  ●3 Storm wall vote splits") and line.endswith(" 01-15  3 art")
        # A mark key on a story row must not touch the article that happens to have the story's id: m marks the
        # story's own articles (all of them: session 23), f nothing.
        from tui.store import Library

        with Library(path) as lib:
            before = {i: lib.get(i).read for i in ids.values()}
        await pilot.press("f", "m")
        await settle(pilot)
        assert main.marks.settle(30)
        await settle(pilot)
        mine = {ids[HARBOUR.title], ids[WIRE.title], ids[EVENING.title]}
        with Library(path) as lib:
            assert all(lib.get(i).read for i in mine)
            assert all(lib.get(i).read == before[i] and not lib.get(i).starred for i in ids.values() if i not in mine)
        await pilot.press("v")
        await settle(pilot)
        assert len(rows(main)) == 6 and main.query_one("#library-pane").border_title == "Library"
        # esc in story mode goes back to articles too; / searches articles.
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert main.articles.source.kind == "articles"


async def test_story_view_shows_sources_quotes_entities_and_opens_articles(stories, make_app, copied):
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        story = await open_story(pilot)
        assert type(story).__name__ == "StoryScreen" and story.summary is not None
        text = options(story, "#story-text")
        sentences = [t for t in text if t[:2] in {f"{n}." for n in range(1, 10)}]
        assert sentences and all("— " in s for s in sentences)  # every sentence says where it is from
        # from two outlets (the first line the event sentence itself, the Coastline Gazette's lead: summary.select)
        assert any("Coastline Gazette" in s for s in sentences) and any("Kellmouth Evening Post" in s for s in sentences)
        assert "Articles (3)" in text
        side = options(story, "#story-quotes")
        assert "Agnes Trewin" in side and "Bram Oduya" in side
        assert any("The fishing families have waited long enough" in s for s in side)
        assert any(s.startswith("  Solent Marine Works ×") for s in side)
        # Copy: summary with sources, quotes by speaker, Markdown.
        await pilot.press("c")
        await settle(pilot)
        assert "(Coastline Gazette, 2026-01-14)" in copied[-1] and "\x1b" not in copied[-1]
        await pilot.press("y")
        await settle(pilot)
        assert "“Port Ellin should not carry this alone” — Bram Oduya" in copied[-1]  # no comma of "he said"
        await pilot.press("Y")
        await settle(pilot)
        assert copied[-1].startswith(f"# {EVENING.title}\n") and "## Summary" in copied[-1]
        # the story's figures as every view says them (tui.cells.story_figures), outlets whole in Markdown
        assert ("\n*3 articles · 2026-01-14 to 2026-01-15 · 3 outlets (Coastline Gazette, Shoreline Wire, "
                "Kellmouth Evening Post)*\n") in copied[-1], copied[-1]
        # Length: + one sentence more, - one fewer.
        before = len(story.summary.sentences)
        await pilot.press("minus")
        await settle(pilot)
        assert len(story.summary.sentences) == before - 1
        await pilot.press("plus")
        await settle(pilot)
        assert len(story.summary.sentences) == before
        # enter on an article of the story opens it in the main screen, as from the library.
        widget = story.query_one("#story-text")
        widget.highlighted = option_index(story, "#story-text", f"a:{ids[WIRE.title]}")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen" and app.screen.article.title == WIRE.title


async def test_enter_on_a_person_opens_the_entity_page(stories, make_app, copied):
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")  # HARBOUR, with its fixed analysis
        await settle(pilot)
        main = app.screen
        index = next(i for i, (kind, name) in enumerate(main.summary.entity_names) if name == "Agnes Trewin")
        main.set_focus(main.summary)
        main.summary.highlighted = main.summary.get_option_index(f"e:{index}")
        await pilot.press("enter")
        await settle(pilot)
        page = app.screen
        assert type(page).__name__ == "PersonScreen" and page.person is not None
        left = options(page, "#person-articles")
        assert "Articles (3)" in left
        # articles of two days in January: a bar a day (tests/ui/test_page_polish.py), their counts the three articles
        bars = [s for s in left if s.startswith("2026-01-") and "█" in s]
        assert [s[:10] for s in bars] == ["2026-01-14", "2026-01-15"] and sum(int(s.split()[-1]) for s in bars) == 3
        right = options(page, "#person-quotes")
        assert any("We cannot ask the fishing families" in s for s in right)
        assert any(s.startswith("  Bram Oduya · ") for s in right)  # appears with
        await pilot.press("y")
        await settle(pilot)
        assert copied[-1].splitlines()[0].startswith("“")
        # An organisation in a summary still filters the library (only people have a page).
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main
        index = next(i for i, (kind, _name) in enumerate(main.summary.entity_names) if kind == "org")
        main.summary.highlighted = main.summary.get_option_index(f"e:{index}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main and main.entity


async def test_briefing_lists_unread_stories_and_opens_one(stories, make_app, copied):
    path, _ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("b")
        await settle(pilot)
        await settle(pilot)
        page = app.screen
        assert type(page).__name__ == "BriefingScreen"
        text = options(page, "#briefing-list")
        assert text, str(page.query_one("#briefing-head").render())
        assert text[0].startswith(f"1. {EVENING.title}\n3 articles · 3 unread · 2026-01-14 to 2026-01-15 · "
                                  "3 outlets (")
        assert not any(ORCHARD.title in t for t in text)  # all read: left out
        assert any("Bram Oduya" in t for t in text)  # the strongest quote
        # with where it was said, as the story view's quotes have it (the line named no outlet)
        quote = next(t for t in text if t.startswith("“"))
        assert quote.endswith("— Bram Oduya (Coastline Gazette, Kellmouth Evening Post, 2026-01-14)"), quote
        head = await wait_until(pilot, lambda: "summarising" not in (t := str(page.query_one(
            "#briefing-head").render())) and t, "the briefing summarised")
        # what "new" means (new against a story's earlier reports, not unread: sum34) is said under the first story
        # that marks a line, here the only one (walk36: the head said it whether or not a line was marked)
        assert head == "1 unread story · ranked by size and recency", head
        text = options(page, "#briefing-list")
        assert any(t.endswith(", new)") for t in text) and text[0].endswith("\n" + NEW_KEY), text
        assert sum(t.count(NEW_KEY) for t in text) == 1, text
        await pilot.press("Y")
        await settle(pilot)
        assert copied[-1].startswith("# Briefing") and f"## 1. {EVENING.title}" in copied[-1]
        # the head's words under the heading, as `brief --format md` prints them (walk32: `brief` said "Briefing")
        assert copied[-1].splitlines()[:3] == ["# Briefing", "", f"*{head}*"], copied[-1]
        await pilot.press("t")  # since today: nothing (the sample news is from January)
        await settle(pilot)
        await settle(pilot)
        # what t brings next: the last 24 hours (it said "all unread stories", three presses early; walk25)
        assert options(page, "#briefing-list")[0].endswith(": t widens the time (since 24h)."), options(page, "#briefing-list")
        await pilot.press("t", "t", "t")
        await settle(pilot)
        await settle(pilot)
        assert options(page, "#briefing-list")[0].endswith(": t widens the time (all unread stories)."), options(page, "#briefing-list")
        await pilot.press("t")  # round to every unread story again
        await settle(pilot)
        await settle(pilot)
        page.query_one("#briefing-list").highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen" and app.screen.row.title == EVENING.title
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MainScreen"


async def test_new_keys_are_in_help_palette_and_rebindable(stories, make_app):
    from tui.app.screens.help import help_table

    ids = ("stories", "briefing", "feeds", "refresh", "briefing_since")
    for key_id in ids:
        assert key_id in keymap.BY_ID
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(help_table({}))
    shown = console.export_text()
    for key_id in ids:
        assert key_id in shown
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for key_id in ("stories", "briefing", "feeds", "refresh"):
            assert keymap.BY_ID[key_id].description in titles


async def test_palette_on_a_page_runs_the_page_s_own_copy(stories, make_app, copied):
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        story = await open_story(pilot)
        commands = {c.title: c for c in app.get_system_commands(story)}
        await commands[story.KEY_NAMES["copy_markdown"]].callback()  # (in the page's words, as its help says)
        await settle(pilot)
        assert copied[-1].startswith(f"# {EVENING.title}\n") and "## Summary" in copied[-1]


async def test_story_view_at_80x24_stacks_its_panes(stories, make_app):
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        story = await open_story(pilot)
        main_pane, side = story.query_one("#story-pane"), story.query_one("#story-side")
        assert main_pane.region.width == side.region.width == 80
        assert main_pane.region.y < side.region.y


async def test_an_added_article_joins_its_story(stories, make_app, tmp_path):
    from story_sample import WIRE

    path, _ = stories
    extra = tmp_path / "harbour-followup.txt"
    body = WIRE.body.replace("Tuesday", "Thursday").replace("approved", "confirmed")
    extra.write_text("Europe\nPort Ellin storm wall: the quay reopens\nPort Ellin storm wall: the quay reopens\n"
                     "Source: Harbour Radio\n• Published January 16, 2026\n\n" + body
                     + "\n\nThe harbour master said the quay would reopen.\n")
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        main.importer.add(str(extra))
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        sizes = {r.title: r.size for r in rows(main)}
        assert len(sizes) == 4 and sorted(sizes.values()) == [1, 1, 1, 4], sizes  # joined, not a fifth story


async def test_story_of_one_article_with_no_outlet_says_nothing_empty(stories, make_app):
    from tui.models import Article
    from tui.store import Library
    from tui.stories import group_new

    path, _ = stories
    with Library(path) as lib:  # a pasted text: no source, dated later than the others (the top story)
        lib.add_many([Article(title="Night ferry timetable changes", source="", published="2026-02-20",
                              body="The night ferry to the islands will leave an hour later from March. "
                                   "The operator said the change follows a survey of its passengers.")])
        group_new(lib)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        story = await open_story(pilot)
        head = str(story.query_one("#story-head").render())
        # (its unread article counted as the briefing counts it, walk33)
        assert "Night ferry timetable changes" in head and "1 article · 1 unread · 2026-02-20" in head, head
        assert "outlet" not in head and "()" not in head
        await pilot.press("escape", "b")  # its briefing entry ends with its date, not a dangling " · "
        await settle(pilot)
        await settle(pilot)
        entry = next(t for t in options(app.screen, "#briefing-list") if "Night ferry" in t)
        assert entry.split("\n")[1].endswith("1 unread · 2026-02-20"), entry


async def test_a_story_row_with_no_outlet_says_so_and_not_zero(stories, make_app):
    from tui.models import Article
    from tui.store import Library
    from tui.stories import group_new

    path, _ = stories
    with Library(path) as lib:  # a pasted text: no source (the top story)
        lib.add_many([Article(title="Night ferry timetable changes", source="", published="2026-02-20",
                              body="The night ferry to the islands will leave an hour later from March.")])
        group_new(lib)
    app = make_app(path)
    async with app.run_test(size=(260, 48)) as pilot:  # wide enough for the row's long form ("3 art 2 src")
        await pilot.press("v")
        await settle(pilot)
        lines = [app.screen.articles.render_line(i).text for i in range(2)]
        assert "Night ferry" in lines[0] and " 2026-02-20   1 art  – src" in lines[0] and "0 src" not in lines[0], lines
        assert " 3 art  3 src" in lines[1], lines


async def test_a_story_of_notes_marks_its_day_as_the_library_marks_a_notes(stories, make_app):
    """walk36: the library marks an undated article's date, the day it was added, "~" ("~18:51", "~12-07"); the
    stories list dated a story of such notes "2026-12-07" / "12-07" as if the day were the notes' own. A story none of
    whose articles has a date of its own is marked "~" at every width; a dated story is not."""
    from tui.models import Article
    from tui.stories import group_new

    path, _ = stories
    with Library(path) as lib:  # two notes of one event, no date of their own (the top story: stored today)
        lib.add_many([Article(title="Ossvale weir gates stuck open", source="", published="",
                              body="The weir gates at Ossvale stuck open overnight and the mill leat ran dry."),
                      Article(title="Ossvale weir gates still stuck", source="", published="",
                              body="The Ossvale weir gates stuck open overnight; the mill leat stayed dry by noon.")])
        group_new(lib)
    app = make_app(path)
    async with app.run_test(size=(260, 48)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        notes = next(i for i, r in enumerate(rows(app.screen)) if "Ossvale" in r.title)
        assert rows(app.screen)[notes].notes_only and not any(r.notes_only for r in rows(app.screen) if "Ossvale" not in r.title)
        day = rows(app.screen)[notes].last
        line = app.screen.articles.render_line(notes).text
        assert f" ~{day} " in line and "– src" in line, line
        dated = [app.screen.articles.render_line(i).text for i in range(len(rows(app.screen))) if i != notes]
        assert dated and not [x for x in dated if "~" in x], dated
    app = make_app(path)
    async with app.run_test(size=(60, 24)) as pilot:  # the narrow form: month and day
        await pilot.press("v")
        await settle(pilot)
        line = app.screen.articles.render_line(notes).text
        assert f" ~{day[5:]} " in line, line


async def test_story_view_marks_a_new_sentence_in_the_summary_instead_of_repeating_it(stories, make_app):
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        story = await open_story(pilot)
        text = options(story, "#story-text")
        new = story.summary.new
        assert new
        for sent in new:
            assert sum(sent.text in t for t in text) == 1, text  # once, never in both places
        marked, rest = story.summary.news()
        assert sum(t.rstrip().endswith(", new") for t in text) == len(marked)
        assert ("What's new" in text) == bool(rest)


async def test_the_same_wire_text_from_two_outlets_is_one_row_of_the_story_with_both(stories, make_app):
    from tui.models import Article
    from tui.store import Library
    from tui.stories import duplicates, group_new

    path, ids = stories
    with Library(path) as lib:  # a second paper prints the wire report under its own headline
        (_, copy), = lib.add_many([Article(title="Storm wall rebuild approved in Port Ellin", source="Harbour Radio",
                                           published=WIRE.published, body=WIRE.body + "\n\nHarbour Radio news desk.")])
        group_new(lib)
        assert duplicates(lib, copy) == [ids[WIRE.title]]  # both records stay stored
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        story = await open_story(pilot)
        text = options(story, "#story-text")
        rows = [t for t in text if WIRE.title in t or "Storm wall rebuild approved" in t]
        assert len(rows) == 1 and "Shoreline Wire, Harbour Radio" in rows[0] and "same text in 2 outlets" in rows[0]
        assert "Articles (3)" in text and len(story.summary.articles) == 4


async def test_a_story_opened_again_is_shown_in_its_first_frame(stories, make_app):
    """The second opening of an unchanged story shows its kept summary at once: no reading in a worker, no
    "Reading the story…" frame; a changed story is read again."""
    path, _ = stories
    from tui.stories.story_memo import forget_kept

    forget_kept()
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        story = await open_story(pilot)
        first = [str(x.prompt) for x in story.query_one("#story-text")._options]
        assert story.summary is not None and story.summary.analysed
        await pilot.press("escape")
        await settle(pilot)
        workers = []
        story_screen = type(story)
        real_load = story_screen.load
        story_screen.load = lambda self, *a, **k: (workers.append(a[0].__name__), real_load(self, *a, **k))
        try:
            await pilot.press("enter")
            await pilot.pause()
            again = app.screen
            assert again is story  # the story view is kept and shown again (no new screen to compose)
            assert again.summary is not None and workers == []  # shown from the kept summary, nothing read
            assert "Reading the story" not in str(again.query_one("#story-head").render())
            assert [str(x.prompt) for x in again.query_one("#story-text")._options] == first
            await pilot.press("escape")
            await settle(pilot)
            forget_kept()  # as after a change of the story: read in a worker again
            await pilot.press("enter")
            await pilot.pause()
            assert workers == ["read_story"]
            await settle(pilot)
            assert app.screen.summary is not None
        finally:
            story_screen.load = real_load


async def test_m_and_f_in_the_story_view_mark_the_line_s_article_everywhere(stories, make_app):
    path, ids = stories
    from tui.store import Library

    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        story = await open_story(pilot)
        main = story.main_screen()
        at = option_index(story, "#story-text", "a:")
        article_id = int(story.query_one("#story-text").get_option_at_index(at).id[2:])
        story.query_one("#story-text").highlighted = at
        with Library(path) as lib:
            was = lib.get(article_id)
        await pilot.press("f")
        await settle(pilot)
        with Library(path) as lib:
            assert lib.get(article_id).starred != was.starred
        line = options(story, "#story-text")[at]
        assert ("★" in line) != was.starred
        await pilot.press("m")
        await settle(pilot)
        with Library(path) as lib:
            now = lib.get(article_id)
        assert now.read != was.read
        assert options(story, "#story-text")[at].startswith("●" if not now.read else " ")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("v")  # the article list: the row shows both marks
        await settle(pilot)
        source = main.articles.source
        row = next(source.row(i) for i in range(len(source)) if source.row(i).id == article_id)
        assert row.read == now.read and row.starred == now.starred


async def test_an_empty_briefing_says_what_to_do(stories, make_app):
    """Everything read: the briefing said "0 unread stories · ranked by size and recency" and "No unread stories."
    and nothing else; it names the keys that bring news (R) or show every story (v)."""
    path, _ids = stories
    with Library(path) as lib:
        lib.db.execute("UPDATE articles SET read = 1")
        lib.db.commit()
    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        page = await open_briefing(pilot)
        assert str(page.query_one("#briefing-head").render()) == "0 unread stories"
        assert options(page, "#briefing-list")[0] == (
            "No unread stories: everything is read. R fetches new articles from your feeds and folders; v in the "
            "library lists every story, read or not.")


@asynccontextmanager
async def first_story_open(app):
    """`app` (on the `stories` library) running at 160x48 with its first story (3 articles) open: (app, pilot,
    the main screen, the story view)."""
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        await open_first_story(pilot)
        view = app.screen
        head = str(view.query_one("#story-head").render())
        assert "3 articles" in head, head
        yield app, pilot, main, view


async def test_an_open_story_view_follows_a_refresh_that_grows_it(stories, make_app):
    """A refresh ending while a story view is open, one of its new articles joining that story: the head said
    "3 articles" until the story was opened again."""
    from story_sample import WIRE

    from tui.models import Article
    from tui.stories import group_new

    path, _ = stories
    async with first_story_open(make_app(path)) as (app, pilot, main, view):
        with Library(path) as lib:  # what a refresh stores and groups
            lib.add(Article(title="Port Ellin storm wall: the quay reopens", source="Harbour Radio",
                            published="2026-01-16",
                            body=WIRE.body.replace("Tuesday", "Thursday").replace("approved", "confirmed")
                            + "\n\nThe harbour master said the quay would reopen."))
            group_new(lib)
        main._sources_done(1, ["Feeds: 1 new, 0 updated · 1/1 ok"], "Refresh")
        await settle(pilot)
        await settle(pilot)
        assert app.screen is view
        head = str(view.query_one("#story-head").render())
        assert "4 articles" in head, head


async def test_the_story_list_and_an_open_story_follow_a_settle_of_the_quiet_feed(stories, make_app):
    """The feeds went quiet and the articles waiting for their window were regrouped (a round that brought nothing,
    tui.stories.settle): the story list and an open story view show the stories as they are now, as after a refresh
    that brought articles. (The regroup is stood in for by a merge: a settle can join two stories.)"""
    from tui.stories import merge

    path, _ = stories
    async with first_story_open(make_app(path)) as (app, pilot, main, view):
        with Library(path) as lib:
            shown = [r.id for r in rows(main)]
            merge(lib, shown[0], shown[1])  # the open story (the first row) gains the second's article
        main.sources._finished(0, [], False, 4)  # the quiet round's end, on the UI thread: 4 articles regrouped
        await settle(pilot)
        await settle(pilot)
        assert app.screen is view
        assert "4 articles" in str(view.query_one("#story-head").render())
        assert [r.size for r in rows(main)] == [4, 1, 1]


async def test_the_briefing_lists_its_stories_before_they_are_summarised(stories, make_app, monkeypatch):
    """The first `b` after start waited ~1 s cold (the stemmer and the story engine loading) on a screen saying only
    "Putting the briefing together…". Its stories' headings now come from the stored figures first; the sentences
    follow."""
    import threading

    from tui.app.screens import briefing

    gate = threading.Event()
    real = briefing.read_one  # each story's summary, read one story at a time

    def slow_read(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(briefing, "read_one", slow_read)
    path, _ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        text = await wait_until(pilot, lambda: type(app.screen).__name__ == "BriefingScreen" and options(
            app.screen, "#briefing-list"), "the briefing's headings, while the summaries are held back", step=0.02)
        page = app.screen
        assert text[0].startswith(f"1. {EVENING.title}\n3 articles · 3 unread"), text
        assert text[1] == "summarising…", text
        heading = text[0]
        assert "summarising…" in str(page.query_one("#briefing-head").render())
        await pilot.press("Y")  # nothing half-made is copied
        await pilot.pause()
        assert "still being summarised" in " ".join(str(n.message) for n in app._notifications)
        gate.set()
        await settle(pilot)
        await settle(pilot)
        await settle(pilot)
        text = options(page, "#briefing-list")
        assert text[0].startswith(f"1. {EVENING.title}") and not any(t == "summarising…" for t in text), text
        # the heading as it was first shown, its outlets too: nothing moves; under it what its "new" marks mean, as it
        # marks a line (walk36)
        assert text[0] == heading + "\n" + NEW_KEY, (text[0], heading)
        assert any("Bram Oduya" in t for t in text)  # the strongest quote, from the complete reading
        assert "summarising" not in str(page.query_one("#briefing-head").render())


@pytest.mark.parametrize("size", [(160, 48), (72, 24)])  # 72: this library's four stories wrap as ten did at 80
async def test_the_briefing_shows_each_story_s_sentences_as_it_is_summarised(tmp_path, make_app, monkeypatch, size):
    """The briefing summarised all its stories before it showed any sentence (over a minute at 100,000 articles, its
    first story 697 articles, the head saying "summarising…" all along). Its stories are now read one at a time,
    best first: the first shows its sentences while the second is still being read, and the head says how far it
    has come, in words kept on one line (at 80 columns they wrapped and left "done" alone on the head's next line)."""
    from textual.geometry import Region

    import threading

    from tui.app.screens import briefing

    gate = threading.Event()
    real = briefing.read_one

    def held(lib, story, score, index, *args, **kwargs):
        if index >= 1:  # the stories after the first wait
            gate.wait(10)
        return real(lib, story, score, index, *args, **kwargs)

    monkeypatch.setattr(briefing, "read_one", held)
    path = tmp_path / "library.db"
    make_story_library(path)  # every article unread: several stories in the briefing
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("b")
        text = await wait_until(pilot, lambda: type(app.screen).__name__ == "BriefingScreen" and (
            lines := options(app.screen, "#briefing-list")) and lines[1].startswith("• ") and lines,
            "the first story's sentences while the others are held back", step=0.02)
        page = app.screen
        n = len(page.items)
        assert n >= 2 and text[0].startswith("1. "), text
        second = next(i for i, t in enumerate(text) if t.startswith("2. "))
        assert text[second + 1] == "summarising…", text  # the second: its heading alone, for now
        head = page.query_one("#briefing-head")
        shown = [strip.text.strip() for strip in head.render_lines(Region(0, 0, head.size.width, head.size.height))]
        assert any(f"summarising… 1 of {n} done" in x for x in shown) and "done" not in shown, shown
        gate.set()
        await wait_until(pilot, lambda: page._stage == 2 and not page.loader.loading, "every story read")
        assert "summarising" not in str(page.query_one("#briefing-head").render())
        assert not any(t == "summarising…" for t in options(page, "#briefing-list"))


def test_the_briefing_s_headings_load_neither_the_stemmer_nor_the_story_engine(stories):
    """What the first showing reads is cheap cold: a fresh process reading the headings imports no NLTK, numpy or
    story summariser (importing them was the ~1 s of the first `b`)."""
    import subprocess
    import sys

    path, _ids = stories
    code = ("import sys; from tui.store import Library; from tui.app.screens.briefing import read_headings\n"
            f"lib = Library({str(path)!r}); items, day, total = read_headings(lib, '')\n"
            "print(len(items), total, items[0].story.title)\n"
            "print(sorted(m for m in ('nltk', 'numpy', 'tui.stories.story', 'tui.engine.tokens') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    first, loaded = out.stdout.splitlines()
    assert first.endswith(EVENING.title) and int(first.split()[0]) >= 1, first
    assert loaded == "[]", loaded


async def test_the_briefing_of_an_empty_library_says_how_to_add_articles(tmp_path, make_app):
    """With no article at all the briefing said "No unread stories: everything is read." (tmux, a new library)."""
    from pilot_steps import open_briefing

    app = make_app(tmp_path / "empty.db")
    async with app.run_test(size=(80, 24)) as pilot:
        page = await open_briefing(pilot)
        hint = options(page, "#briefing-list")[0]
        assert hint.startswith("No articles yet: a in the library adds a file or folder; F, then a, subscribes"), hint
        assert "everything is read" not in hint
