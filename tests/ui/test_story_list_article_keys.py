"""In the stories list (`v`) the keys that act on "the article" act on the story under the cursor, as they do in the
story view (walk29's question, the lead's decision in session 30): `c` / `y` / `Y` copy that story's summary, quotes
and Markdown with the story view's words, `o` opens its latest article's link and names it, `r` makes its summary
again. They copied the article open behind the list (which that screen hides), or said "open a story first"."""

from __future__ import annotations

import contextlib

from pilot_steps import fake_browser, press_o_for_link, settle, started, toasts_of, wait_until
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.store import Library

STORY_WORDS = {"c": "story summary", "y": "story quotes", "Y": "story as Markdown"}


def _rows(main) -> list:
    source = main.articles.source
    return [source.row(i) for i in range(len(source))]


async def _copies_in_the_story_view(pilot, main, at: int, copied: list[str]) -> dict[str, str]:
    """What c / y / Y copy in the story view of the story at list place `at` (then back to the list)."""
    main.articles.cursor = at
    await pilot.press("enter")
    await settle(pilot)
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == "StoryScreen"
    got = {}
    for key in STORY_WORDS:
        copied.clear()
        await pilot.press(key)
        await settle(pilot)
        assert len(copied) == 1, (key, copied)
        got[key] = copied[0]
    await pilot.press("escape")
    await settle(pilot)
    assert pilot.app.screen is main
    return got


async def test_c_y_Y_in_the_stories_list_copy_the_story_under_the_cursor(stories, make_app, monkeypatch, copied):  # noqa: F811
    """At 80x24, with an article of another story open behind the list (opened, then q and v): c / y / Y on a
    story copy that story's summary, quotes and Markdown, as its story view does, and say so in its words; they
    copied the open article's summary ("Copied summary of “…”")."""
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    with Library(stories) as lib:
        story, = lib.db.execute("SELECT id FROM stories WHERE size >= 3").fetchone()
        members = {a for (a,) in lib.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story,))}
    async with started(app, (80, 24)) as (pilot, main):
        main.articles.cursor = next(i for i, r in enumerate(_rows(main)) if r.id not in members)
        await pilot.press("enter")  # an article of another story open
        await settle(pilot)
        opened = main.article.id
        await pilot.press("q", "v")  # back to the list, the stories list
        await settle(pilot)
        assert main.listing.stories and main.articles.has_focus and main.article.id == opened
        at = next(i for i, r in enumerate(_rows(main)) if r.id == story)
        expected = await _copies_in_the_story_view(pilot, main, at, copied)
        assert " (Coastline Gazette" in expected["c"] and "“The fishing families" in expected["y"], expected
        assert expected["Y"].startswith("# "), expected["Y"]
        assert main.article.id == opened
        main.articles.cursor = at
        await settle(pilot)
        for key, words in STORY_WORDS.items():
            copied.clear()
            said.clear()
            await pilot.press(key)
            await settle(pilot)
            assert copied == [expected[key]], (key, copied)
            assert any(s.startswith(f"Copied {words}\nto the system clipboard") for s in said), (key, said)  # (80x24)


async def test_c_in_the_stories_list_with_nothing_open_copies_the_story(stories, make_app, monkeypatch, copied):  # noqa: F811
    """With no article open c said "In the stories list: enter opens the story, where c/y/Y copy …": now it copies
    the story under the cursor; a story not read before is read for it (a worker), the second one too."""
    from tui.stories.story_memo import forget_kept

    forget_kept()  # nothing kept from another test: the story is read for the copy
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        assert main.article is None
        first = []
        for at in (0, 1):
            main.articles.cursor = at
            copied.clear()
            await pilot.press("c")
            await settle(pilot)
            assert len(copied) == 1 and copied[0].strip(), copied
            first.append(copied[0])
        assert first[0] != first[1]  # each story its own
        assert not any("enter opens the story" in s for s in said), said


@contextlib.asynccontextmanager
async def stories_with_links(stories, make_app, monkeypatch, tmp_path):
    """The stories list at 80x24, every article with a link, a fake browser (`got`: the file it writes the link to)
    and the toasts said."""
    with Library(stories) as lib:
        lib.db.execute("UPDATE articles SET url = 'https://example.org/story/' || id")
    got = fake_browser(tmp_path, monkeypatch)
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        yield app, pilot, main, got, said


async def test_o_in_the_stories_list_opens_the_link_of_the_story_s_latest_article(stories, make_app, monkeypatch,  # noqa: F811
                                                                                  tmp_path):
    """o on a story opened the open article's link, or said "open a story first": it opens the link of the story's
    latest article and the toast names that article; a story whose latest article has no link opens the latest one
    that has."""
    async with stories_with_links(stories, make_app, monkeypatch, tmp_path) as (app, pilot, main, got, said):
        rows = _rows(main)
        at, row = next((i, r) for i, r in enumerate(rows) if r.size >= 3)
        with Library(stories) as lib:
            newest = lib.db.execute("SELECT a.id, a.title FROM story_articles s JOIN articles a ON a.id = s.article_id"
                                    " WHERE s.story_id = ? ORDER BY a.published DESC, a.id DESC", (row.id,)).fetchall()
        main.articles.cursor = at
        await settle(pilot)
        assert await press_o_for_link(pilot, got) == f"https://example.org/story/{newest[0][0]}"
        assert any(s.startswith("Latest article: “") and newest[0][1][:20] in s for s in said), said
        assert app.screen is main
        got.unlink()
        with Library(stories) as lib:  # its latest article has no link: the latest that has one
            lib.db.execute("UPDATE articles SET url = NULL WHERE id = ?", (newest[0][0],))
        said.clear()
        assert await press_o_for_link(pilot, got) == f"https://example.org/story/{newest[1][0]}"
        assert any(s.startswith("Latest article with a link: “") for s in said), said


async def test_o_takes_the_latest_article_by_its_date_and_an_undated_one_by_the_day_it_was_stored(
        stories, make_app, monkeypatch, tmp_path):  # noqa: F811
    """An undated note (pasted, watched) stored on the day of the story's latest dated article sorted after it (a
    date is a day, the note's stored time "…T23:00:00" sorts later), and `o` named that dated article "the latest
    article with a link" though nothing of the story came after it (walk30). By the day: the dated one is the latest;
    a note stored a day later is."""
    async with stories_with_links(stories, make_app, monkeypatch, tmp_path) as (app, pilot, main, got, said):
        at, row = next((i, r) for i, r in enumerate(_rows(main)) if r.size >= 3)
        with Library(stories) as lib:
            (latest, title, day), *_, (note, _, _) = lib.db.execute(
                "SELECT a.id, a.title, a.published FROM story_articles s JOIN articles a ON a.id = s.article_id"
                " WHERE s.story_id = ? ORDER BY a.published DESC, a.id DESC", (row.id,)).fetchall()
            assert len(day) == 10, day  # a date is a day
            member = lib.db.execute("SELECT * FROM story_articles WHERE article_id = ?", (note,))
            columns, values = [d[0] for d in member.description], member.fetchone()
            lib.db.execute("UPDATE articles SET published = NULL, url = NULL, added_at = ?, sort_key = ? WHERE id = ?",
                           (f"{day}T23:00:00", f"{day}T23:00:00", note))  # undated, no link, stored that day
            lib.db.execute(f"INSERT OR REPLACE INTO story_articles ({', '.join(columns)}) VALUES"
                           f" ({', '.join('?' * len(columns))})", values)  # still of the story (a new date left it)
        main.articles.cursor = at
        await settle(pilot)
        assert await press_o_for_link(pilot, got) == f"https://example.org/story/{latest}"
        assert any(s.startswith("Latest article: “") and title[:20] in s for s in said), said
        got.unlink()
        said.clear()
        import datetime

        after = (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat() + "T08:00:00"
        with Library(stories) as lib:  # the note stored the next day, with a link: it is the latest
            lib.db.execute("UPDATE articles SET url = 'https://example.org/note', added_at = ?, sort_key = ?"
                           " WHERE id = ?", (after, after, note))
        assert await press_o_for_link(pilot, got) == "https://example.org/note", said
        assert any(s.startswith("Latest article: “") for s in said), said


async def test_r_in_the_stories_list_makes_the_story_s_summary_again(stories, make_app, monkeypatch):  # noqa: F811
    import asyncio
    import threading

    from tui.stories import story_memo
    """r on a story said "In the stories list: open a story (enter) and an article from it.": it analyses the
    articles the story's summary reads again (their stored analyses replaced), says so while it runs, then what it
    made."""
    go, remade = threading.Event(), story_memo.remade
    monkeypatch.setattr(story_memo, "remade", lambda *a, **k: (go.wait(30), remade(*a, **k))[1])  # held till go
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        rows = _rows(main)
        at, row = next((i, r) for i, r in enumerate(rows) if r.size >= 3)
        with Library(stories) as lib:
            members = [a for (a,) in lib.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?",
                                                     (row.id,))]
            lib.db.execute(f"UPDATE analysis SET data = '{{}}' WHERE article_id IN ({','.join('?' * len(members))})",
                           members)  # a stored analysis that no longer reads: replaced by the new one
        main.articles.cursor = at
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert main.story_keys.remaking == row.id and "re-analysing a story…" in str(
            main.query_one("#library-status").render())
        await asyncio.to_thread(go.set)
        await settle(pilot)
        await wait_until(pilot, lambda: main.story_keys.remaking is None)
        assert said[0] == "Re-analysing this story…", said
        done = [s for s in said if s.startswith("Re-analysed in ")]
        assert done and f"{len(members)} articles," in done[0] and "-sentence summary" in done[0], said
        with Library(stories) as lib:
            assert all(data != "{}" for (data,) in lib.db.execute(
                f"SELECT data FROM analysis WHERE article_id IN ({','.join('?' * len(members))})", members))
        assert "re-analysing" not in str(main.query_one("#library-status").render())


async def test_d_in_the_stories_list_keeps_its_message_and_the_articles_list_is_as_before(stories, make_app,  # noqa: F811
                                                                                          monkeypatch, copied):
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        await pilot.press("d")
        await settle(pilot)
        # it said "In the stories list: open a story (enter) and an article from it.", not that it was about d
        # (walk38); now in the story view's words, and f says how to star one
        assert said == ["To delete an article: enter on its story, then on the article's line (a: the articles), "
                        "then d."], said
        said.clear()
        await pilot.press("f")
        await settle(pilot)
        assert said == ["To star an article: enter on its story, then f on the article's line (a: the articles)."], said
        await pilot.press("v")  # the articles list: c with nothing open says so, as before
        await settle(pilot)
        said.clear()
        await pilot.press("c")
        await settle(pilot)
        assert said == ["Open an article first (enter on a row)."] and not copied, said


async def test_the_words_of_d_in_the_stories_list_lead_to_the_delete_question(stories, make_app,  # noqa: F811
                                                                              monkeypatch):
    """What `d` on a story says, followed key by key: enter on the story, a (the articles), enter on the article's
    line, d: the question to delete that article."""
    from tui.app.dialogs import ConfirmDialog

    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        await pilot.press("d")
        await settle(pilot)
        assert said and said[0].startswith("To delete an article: enter on its story, then on the article's line (a: "), said
        for key in ("enter", "a", "enter", "d"):
            await pilot.press(key)
            await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog), app.screen


async def test_help_footer_and_palette_in_the_stories_list_say_the_keys_act_on_the_story(stories, make_app):  # noqa: F811
    """Help (`?`, the pane's words first), the key line and the palette said "Copy summary" in the stories list as
    in the articles list; there they say the keys act on the story under the cursor, and in the articles list, as
    before, on the article."""
    from tui.app.screens.help import HelpScreen
    from tui.app.widgets.footer import KeyBar

    app = make_app(stories)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        line = str(main.query_one(KeyBar).render())
        assert "c Copy story" in line and "? Help" in line and "a Add" in line, line  # at 80 columns, with the rest
        titles = {c.title: c.help for c in app.get_system_commands(main)}
        assert titles.get("Copy the story's summary") == "key: c", sorted(titles)
        assert "Open the link of the story's latest article in the browser ($BROWSER)" in titles
        assert "Make the story's summary again (its articles analysed again)" in titles and "Copy summary" not in titles
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        said = app.screen.pane_help
        assert "c / y / Y copy its summary, its quotes by speaker, its Markdown" in said, said
        assert "o opens its latest article's link" in said and "r makes its summary again" in said, said
        await pilot.press("escape", "v")  # the articles list: the article's words
        await settle(pilot)
        line = str(main.query_one(KeyBar).render())
        assert "c Copy " in line and "Copy story" not in line, line
        titles = {c.title for c in app.get_system_commands(main)}
        assert "Copy summary" in titles and "Copy the story's summary" not in titles
        await pilot.press("question_mark")
        await settle(pilot)
        assert app.screen.pane_help.startswith("Your library, newest first"), app.screen.pane_help


async def test_r_in_the_story_view_makes_its_summary_again_as_in_the_stories_list(stories, make_app, monkeypatch):  # noqa: F811
    """r in the story view said "r (Re-analyse the article) works in the library and the article view, not on this
    page", though r on the same story one step back, in the stories list, makes its summary again: it does so here
    too, the toasts over the view, which shows the summary made again. Another page names the story view for r."""
    from pilot_steps import open_first_story

    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        said = []
        story.notify = lambda message, **kw: said.append(message)
        before = story.summary
        await pilot.press("r")
        await settle(pilot)
        main = story.main_screen()
        await wait_until(pilot, lambda: main.story_keys.remaking is None)
        await settle(pilot)
        assert said[0] == "Re-analysing this story…", said
        assert any(s.startswith("Re-analysed in ") and "-sentence summary" in s for s in said), said
        assert app.screen is story and story.summary is not before and story.summary.sentences, said
        await pilot.press("escape", "b")  # the briefing: r names the story view where it works
        await settle(pilot)
        briefing = app.screen
        said.clear()
        briefing.notify = lambda message, **kw: said.append(message)
        await pilot.press("r")
        await settle(pilot)
        assert any(s.startswith("r (Re-analyse the article) works in the library, the article view and the story view")
                   for s in said), said
