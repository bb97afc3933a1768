"""Keys pressed where they have no use say why instead of doing nothing: the library's and the article view's keys on a
page (story view, entity page, briefing, feeds list). (`n` / `N` and `A` in the stories list said so too; they work
there now: test_story_list_keys.py.)"""

from __future__ import annotations

import pytest

from pilot_steps import (fake_browser, open_first_story, open_person_from_story, press_o_for_link, settle, started,
                         toasts_of, wait_until)
from story_sample import make_story_library

from tui.store import Library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


async def test_reading_keys_pressed_on_a_page_say_where_they_work(stories, make_app, monkeypatch):
    """On the story view, the entity page, the briefing and the feeds list, the library's and the article view's keys
    (`s` next method, `e` highlights, `n`, `/`, `a` add ...) did nothing, without a word; each now says where it
    works. The page's own keys keep their meaning: `m` marks the story line's article, `t` in the briefing (and `a`
    on the story view goes to its articles, keys36: in the briefing it says where it adds)."""
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        for key, name in (("s", "Next method"), ("e", "Entity highlights on / off"), ("slash", "Search"),
                          ("l", "Show / hide the library")):  # (d says how to delete: test_delete_on_a_page)
            said.clear()
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is story
            shown = "/" if key == "slash" else key
            assert any(s.startswith(f"{shown} ({name}) works in the library and the article view") for s in said), said
        said.clear()
        await pilot.press("t")  # the briefing's key
        await settle(pilot)
        assert any(s.startswith("t (since when) works in the briefing") for s in said), said
        said.clear()
        await pilot.press("m")  # the story view's own: the article of the line under the cursor
        await settle(pilot)
        assert said and not any("works in the library" in s for s in said), said
        await pilot.press("escape", "escape", "b")
        await settle(pilot)
        assert type(app.screen).__name__ == "BriefingScreen"
        said.clear()
        await pilot.press("o")
        await settle(pilot)
        assert any(s.startswith("o (Open the article's link") for s in said), said
        said.clear()
        await pilot.press("a")
        await settle(pilot)
        assert any(s.startswith("a (Add articles from a file, a folder or a URL) works in the library and the "
                                "article view") for s in said), said
        said.clear()
        await pilot.press("escape", "F", "plus")
        await settle(pilot)
        assert type(app.screen).__name__ == "FeedsScreen"
        # every place it works, the article view's summary first (it named the story view and the briefing alone)
        assert "+ (Longer summary) works in the library, the article view, the story view and the briefing." in said, said
        said.clear()
        await pilot.press("minus")
        await settle(pilot)
        assert "- (Shorter summary) works in the library, the article view, the story view and the briefing." in said, said


async def test_o_in_the_story_view_opens_the_link_of_the_lines_article(stories, make_app, tmp_path, monkeypatch):
    """`o` in the story view opens the article of the line under the cursor, as `m` and `f` mark it (it said that it
    works in the library only, so a reader had to go back, find the article in the list and open it first)."""
    with Library(stories) as lib:
        lib.db.execute("UPDATE articles SET url = 'https://example.org/story/' || id")
    got = fake_browser(tmp_path, monkeypatch)
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        await pilot.press("j")  # the summary's second sentence
        await settle(pilot)
        lines = story.query_one("#story-text")
        kind, _, number = (lines.get_option_at_index(lines.highlighted).id or "").partition(":")
        assert kind == "s"  # a summary sentence's line ("s:N": the story summary's sentence N)
        article = story.summary.sentences[int(number)].article
        assert await press_o_for_link(pilot, got) == f"https://example.org/story/{article}"
        assert app.screen is story


async def test_copy_toasts_on_the_pages_name_the_command_that_prints_the_same(stories, make_app, monkeypatch):
    """With no system clipboard the article view's copy toast names `newsreader summary ID`; the story view's, the
    entity page's and the briefing's named nothing (over SSH the reader had no way to the text)."""
    from tui import clipboard

    monkeypatch.setattr(clipboard, "copy_system", lambda text: "no system clipboard here (no display)")
    app = make_app(stories)
    toasts = toasts_of(app, monkeypatch)

    async def copied_with(key: str) -> str:
        toasts.clear()
        await pilot.press(key)
        await wait_until(pilot, lambda: any("Also in `" in t or "The text is also in" in t or "Could not copy" in t
                                            for t in toasts), lambda: f"the copy's toast after {key}: {toasts}")
        return next((t for t in toasts if "copy" in t.lower() or "Sent" in t), str(toasts))

    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert f"`newsreader story {story.story_id}`" in await copied_with("c")
        assert f"`newsreader story {story.story_id} --format md`" in await copied_with("Y")
        await open_person_from_story(pilot, "Agnes Trewin")
        assert type(app.screen).__name__ == "PersonScreen"
        assert "`newsreader who 'Agnes Trewin'`" in await copied_with("y")
        # the page, not the person, is what Y sends ("Sent Agnes Trewin as Markdown to the terminal"); at 80x24 where it
        # went is the toast's second line
        assert (await copied_with("Y")).startswith("Sent the page of Agnes Trewin as Markdown\nto the terminal")
        await pilot.press("escape", "escape", "escape", "b")
        await settle(pilot)
        await settle(pilot)
        assert "`newsreader brief --format md`" in await copied_with("Y")
        await pilot.press("minus")  # 2 sentences a story: the command prints that briefing (`brief` had no way to)
        await settle(pilot)
        await settle(pilot)
        assert "`newsreader brief --sentences 2 --format md`" in await copied_with("Y")


def help_sections(app) -> dict[str, list[str]]:
    """The help screen's key table as {section heading: [key descriptions under it]}."""
    renderable = app.screen.keys_table  # the rich Table the screen shows
    sections: dict[str, list[str]] = {}
    current = ""
    for key, what in zip(renderable.columns[0]._cells, renderable.columns[1]._cells):
        text = str(getattr(what, "plain", what))
        if not key and text and getattr(what, "style", "") and "underline" in str(what.style):
            current = text
            sections[current] = []
        elif key:
            sections.setdefault(current, []).append(text)
    return sections


async def test_help_on_a_page_lists_the_page_s_keys_first(stories, make_app):
    """`?` on a page listed every key by where it is defined: `s` (Next method) beside `c` (Copy), with nothing to
    tell that one works on the story view and the other says "not on this page". The page's keys come first now."""
    app = make_app(stories)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        assert "On this page" not in help_sections(app)  # the library: every key by where it is defined, as before
        await pilot.press("escape", "v")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        await pilot.press("question_mark")
        await settle(pilot)
        sections = help_sections(app)
        here = sections["On this page"]
        # (in the page's own words: KEY_NAMES)
        for what in ("Copy the story's summary", "Longer story summary", "Open", "Down",
                     "Mark the line's article read / unread"):
            assert what in here, here
        for what in ("Next method", "Search", "Entity highlights on / off", "Briefing: since when"):
            assert not any(w.startswith(what) for w in here), (what, here)
            assert any(w.startswith(what) for key, ws in sections.items() if key != "On this page" for w in ws), what
        assert "Quit" in sections["Everywhere"]
        await pilot.press("escape", "escape", "escape", "b")
        await settle(pilot)
        assert type(app.screen).__name__ == "BriefingScreen"
        await pilot.press("question_mark")
        await settle(pilot)
        here = help_sections(app)["On this page"]
        assert any(w.startswith("Briefing: since when") for w in here) and "Mark read / unread" not in here, here


async def test_help_on_a_page_says_what_its_keys_do_there(stories, make_app):
    """`?` on the briefing listed "c Copy summary", "Y Copy summary + quotes + source as Markdown", "+ Longer summary"
    under "On this page": the article view's words; there c and Y copy the briefing as Markdown and + gives each story
    another sentence. The story view's and the entity page's keys too."""
    from tui.app.screens.help import HelpScreen

    def rows(app) -> dict[str, str]:
        table = app.screen.keys_table
        keys, what, ids = (list(c.cells) for c in table.columns)
        return {str(i): str(w) for i, w in zip(ids, what) if str(i)}

    def help_shown() -> bool:
        return isinstance(app.screen, HelpScreen) and hasattr(app.screen, "keys_table")  # composed

    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, help_shown, lambda: app.screen)
        here = rows(app)
        assert here["copy_summary"] == "Copy the briefing as Markdown" and here["longer"] == "More sentences a story"
        assert here["copy_quotes"] == "Copy the briefing's quotes"
        await pilot.press("escape", "escape", "F")  # the feeds list: R refreshes the feed under the cursor
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, help_shown, lambda: app.screen)
        assert rows(app)["refresh"].startswith("Refresh the feed under the cursor")
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MainScreen", lambda: app.screen)
        await pilot.press("question_mark")  # the library: the keymap's words
        await wait_until(pilot, help_shown, lambda: app.screen)
        assert rows(app)["copy_summary"] == "Copy summary"


async def test_n_and_N_in_the_story_view_go_to_the_story_s_unread_articles(stories, make_app, monkeypatch):
    """`n` in the story view said it works in the library only. It puts the cursor on the story's next article line
    marked unread (N: the previous), enter opening it; past the last it says where the others are, and once every
    article is read it says so. The palette's "Next unread article" runs it there too (it opened the library's)."""
    from tui.app import keymap

    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        lines = story.query_one("#story-text")
        articles = [i for i in range(lines.option_count) if (lines.get_option_at_index(i).id or "").startswith("a:")]
        assert len(articles) >= 2

        def at() -> tuple[int, str]:
            return lines.highlighted, lines.get_option_at_index(lines.highlighted).prompt.plain

        await pilot.press("n")  # from the summary's first sentence: the first article line, unread
        await settle(pilot)
        assert at()[0] == articles[0] and at()[1].startswith("●"), at()
        await pilot.press("m")  # read now: n skips it, N finds nothing above
        await settle(pilot)
        assert not at()[1].startswith("●"), at()
        await pilot.press("n")
        await settle(pilot)
        assert at()[0] == articles[1], at()
        said.clear()
        await pilot.press("N")
        await settle(pilot)
        assert at()[0] == articles[1] and app.screen is story
        assert said == [f"No more unread articles of this story above: n looks below ({len(articles) - 1} unread)."]
        for _ in articles[1:]:
            await pilot.press("m", "n")
            await settle(pilot)
        assert not any(lines.get_option_at_index(i).prompt.plain.startswith("●") for i in articles)
        said.clear()
        await pilot.press("n")
        await settle(pilot)
        assert said == [f"Every article of this story is read ({len(articles)} articles)."], said
        assert not any("works in the library" in s for s in said)
        lines.highlighted = articles[-1]
        await pilot.press("m", "g")  # the last article unread again; the palette's command finds it
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(story)}
        assert keymap.BY_ID["next_unread"].description not in commands
        await commands[story.KEY_NAMES["next_unread"]].callback()
        await settle(pilot)
        assert app.screen is story and at()[0] == articles[-1] and at()[1].startswith("●"), at()


async def test_a_word_typed_on_a_page_leaves_one_toast_not_one_for_each_key(stories, make_app):
    """`/` and a word typed on the briefing (where there is no search) stacked a "works in the library …" toast for
    each letter that is a key: eleven over the whole page at 80x24 for "/arlen bridge". The latest replaces the
    others of its kind; other toasts stay."""
    from pilot_steps import open_briefing

    app = make_app(stories)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_briefing(pilot)
        assert type(app.screen).__name__ == "BriefingScreen"
        app.notify("Refreshing the feeds and watched folders in the background…")
        await pilot.press("slash", *"arlen")
        await settle(pilot)
        shown = [str(n.message) for n in app._notifications]
        assert len(shown) == 2 and shown[0].startswith("Refreshing"), shown
        assert shown[1].startswith("n (Next unread article) works in the library"), shown
        await pilot.press("escape", "v", "n")  # n in the stories list moves to a story with unread: no toast
        await settle(pilot)
        shown = [str(n.message) for n in app._notifications]
        assert sum("does nothing" in s or "works in" in s for s in shown) == 1, shown


async def test_the_briefing_s_y_toast_names_a_command_that_prints_the_quotes_copied(stories, make_app, monkeypatch,
                                                                                     capsys):
    """The briefing's `y` copies each story's strongest quote, one a line, and its toast named `brief --format md`,
    which prints the whole briefing. It names `brief --quotes` now, which prints the very lines copied (after `-`
    too: a story's quote is one its sentences do not hold already)."""
    import shlex

    from pilot_steps import open_briefing
    from tui import clipboard
    from tui.cli import main

    monkeypatch.setattr(clipboard, "copy_system", lambda text: "no system clipboard here (no display)")
    monkeypatch.setenv("NEWSREADER_DB", str(stories))
    app = make_app(stories)
    toasts = toasts_of(app, monkeypatch)
    copies = []
    async with app.run_test(size=(120, 40)) as pilot:
        briefing = await open_briefing(pilot)
        for keys in ((), ("minus",)):
            await pilot.press(*keys)
            await settle(pilot)
            await wait_until(pilot, lambda: briefing._stage == 2 and not briefing.loader.loading,  # the quotes last
                             "the briefing's third reading (its quotes)")
            toasts.clear()
            await pilot.press("y")
            await wait_until(pilot, lambda: any("Also in `" in t for t in toasts), lambda: f"y's toast: {toasts}")
            message = next(t for t in toasts if "Also in `" in t)
            copies.append((app.clipboard, message[message.index("`") + 1:message.rindex("`")]))
    assert [command for _, command in copies] == ["newsreader brief --quotes", "newsreader brief --sentences 2 --quotes"]
    for text, command in copies:
        assert text.startswith("“") and " — " in text, text
        assert main(shlex.split(command)[1:]) == 0
        assert capsys.readouterr().out == text + "\n", command


async def test_a_reading_key_on_a_page_names_the_story_view_where_it_works_too(stories, make_app, monkeypatch):
    """`m`, `f`, `o`, `n` and `N` act in the story view (on the line's article) as in the library. On the entity page
    and the briefing they said "works in the library and the article view" and their help listed them under the
    library's sections alone: both name the story view now. Keys the story view has no use for name it nowhere."""
    from pilot_steps import open_briefing

    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        briefing = await open_briefing(pilot)
        assert type(briefing).__name__ == "BriefingScreen"
        both = "the library, the article view, the story view and the entity page"  # m, f, o: the line's article
        for key, name, where in (("f", "Star / unstar", both),  # (m marks the line's story read there: test_page_marks_shown)
                                 ("n", "Next unread article", both),  # n / N: the page's next unread article (walk25)
                                 ("N", "Previous unread article", both),
                                 ("o", "Open the article's link in the browser", both)):
            said.clear()
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is briefing
            assert any(s.startswith(f"{key} ({name}) works in {where}, not on this page") for s in said), said
        said.clear()
        await pilot.press("s")
        await settle(pilot)
        assert any(s.startswith("s (Next method) works in the library and the article view, not on this page")
                   for s in said), said
        await pilot.press("question_mark")
        await settle(pilot)
        rows = [w for ws in help_sections(app).values() for w in ws]
        assert "Star / unstar — also in the story view and the entity page" in rows, rows
        # m marks the line's story there (the briefing's own words)
        assert "Mark the line's story read: all its articles (it leaves the briefing)" in help_sections(app)["On this page"]
        assert ("Next unread article (stories list: next story with unread) — also in the story view and the entity "
                "page") in rows, rows
        assert "Next method" in rows and not any("also in" in w for w in rows if w.startswith("Next method")), rows
        await pilot.press("escape", "escape")
        await settle(pilot)
        await open_first_story(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        await pilot.press("question_mark")  # the story view answers them: no "also" there
        await settle(pilot)
        assert not any("also in" in w for ws in help_sections(app).values() for w in ws)


async def test_the_palette_on_a_page_says_what_its_keys_do_there(stories, make_app, monkeypatch, copied):
    """On the entity page the palette offered "Copy summary" and "Copy summary + quotes + source as Markdown" (they copy
    the person's quotes and the page), "Longer summary" (which only says it works elsewhere), and the library's keys
    ran under the page, out of sight ("Mark read / unread" marked the library's article, "Search" focused a search box
    nobody could see). It offers the page's keys in the page's words now (the help's "On this page"; c and Y, both
    "Copy the briefing as Markdown" on the briefing, are one command), no page key the page has no use for, and the
    library's keys as "in the library", going back to it first."""
    from pilot_steps import open_briefing

    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        assert type(person).__name__ == "PersonScreen"
        commands = {c.title: c for c in app.get_system_commands(person)}
        assert commands["Copy their quotes"].help == "key: c / y"
        assert commands["Copy the page as Markdown"].help == "key: Y"
        for library_words in ("Copy summary", "Copy quotes", "Copy summary + quotes + source as Markdown",
                              "Longer summary", "Shorter summary"):
            assert library_words not in commands, library_words
        assert commands["Search"].help == "key: / in the library (goes back to it)"
        await commands["Search"].callback()
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen" and app.focused is not None and app.focused.id == "search"
        await pilot.press("escape")  # out of the search box
        briefing = await open_briefing(pilot)
        assert type(briefing).__name__ == "BriefingScreen"
        commands = {c.title: c for c in app.get_system_commands(briefing)}
        assert commands["Copy the briefing as Markdown"].help == "key: c / Y"
        assert commands["More sentences a story"].help == "key: + / ="
        await commands["Copy the briefing as Markdown"].callback()
        await settle(pilot)
        assert copied and copied[-1].startswith("# Briefing"), copied


async def test_t_and_l_in_the_library_say_why_they_do_nothing(stories, make_app, monkeypatch):
    """`t` (the briefing's "since when") and `l` (hide the library) with no article open did nothing in the library,
    without a word (found by pressing every key on every screen: notes/s20/polish10-scratch/silent_keys.py)."""
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24)) as (pilot, main):
        for key, words in (("t", "t (since when) works in the briefing (b opens it)."),
                           ("l", "l hides the library while an article is open: ⏎ opens one.")):
            said.clear()
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is main and said == [words], said
        await pilot.press("v", "t")  # the stories list too
        await settle(pilot)
        assert said[-1] == "t (since when) works in the briefing (b opens it).", said
        await pilot.press("v", "g", "enter", "l")  # with an article open, l shows and hides the library, as before
        await settle(pilot)
        assert main.article is not None and not any("hides the library" in s for s in said[-1:]), said


async def test_m_f_and_o_on_the_entity_page_act_on_the_line_s_article(stories, make_app, monkeypatch, tmp_path):
    """The entity page lists the person's articles and quotes, but m, f and o there said they work elsewhere: they
    mark, star and open the link of the line's article now (a quote's line: the article it is from), as in the
    story view."""
    with Library(stories) as lib:
        lib.db.execute("UPDATE articles SET url = 'https://example.org/person/' || id")
    got = fake_browser(tmp_path, monkeypatch)
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        assert type(person).__name__ == "PersonScreen"
        articles = person.query_one("#person-articles")
        person.set_focus(articles)
        first = next(i for i in range(articles.option_count)
                     if (articles.get_option_at_index(i).id or "").startswith("a:"))
        articles.highlighted = first
        ident = int(articles.get_option_at_index(first).id.split(":")[1])
        main = person.main_screen()
        read_before = main.lib.get(ident).read
        said.clear()
        await pilot.press("m", "f")
        await settle(pilot)
        assert app.screen is person
        assert [s.split(":")[0] for s in said] == [f"Marked {'unread' if read_before else 'read'}", "Marked starred"], said
        assert main.marks.settle(30)  # the marks' thread has written them
        with Library(stories) as lib:
            article = lib.get(ident)
        assert (article.read, article.starred) == (not read_before, True)
        assert await press_o_for_link(pilot, got) == f"https://example.org/person/{ident}"
        quotes = person.query_one("#person-quotes")
        person.set_focus(quotes)
        quotes.highlighted = quotes.get_option_index("q:0")
        said.clear()
        await pilot.press("f")
        await settle(pilot)
        quote_article = person.person.quotes[0]["article"]
        assert said and said[0].startswith("Marked starred" if quote_article != ident else "Marked unstarred"), said


def test_where_a_key_works_names_the_pages_in_one_order_whatever_was_imported_first():
    """The toast's list of pages followed the order their classes were made in: a process that had imported the
    entity page before the story view said "… the entity page and the story view" (test_story_mode_keys failed after
    test_page_polish in one run). In a fresh process, the entity page imported first."""
    import subprocess
    import sys

    code = ("import tui.app.screens.person; from tui.app.screens.page import where_it_works; "
            "print(where_it_works('toggle_read'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == ("the library, the article view, the story view, the entity page and the briefing"), out


async def test_help_on_a_one_pane_page_does_not_list_tab(stories, make_app):
    """`?` on the feeds list listed "tab Next pane" and "shift+tab Previous pane" under "On this page", where there is
    no other pane to go to (tab left the cursor where it was); the briefing too. Pages of two panes keep them."""
    app = make_app(stories)
    async with started(app, (120, 40)) as (pilot, _main):
        for keys, name, panes in ((("F",), "FeedsScreen", 1), (("b",), "BriefingScreen", 1),
                                  (("v", "g", "enter"), "StoryScreen", 2)):
            await pilot.press(*keys)
            await settle(pilot)
            await settle(pilot)
            assert type(app.screen).__name__ == name
            focused = app.focused
            await pilot.press("tab")
            await settle(pilot)
            assert (app.focused is focused) == (panes == 1), (name, focused, app.focused)  # tab moves only there
            await pilot.press("question_mark")
            await settle(pilot)
            here = help_sections(app)["On this page"]
            named = any(line.startswith("Next pane") for line in here) and "Previous pane" in here
            assert named == (panes == 2), (name, here)  # (the story view says what its panes are)
            await pilot.press("escape", "escape")
            await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_story_view_names_tab_and_its_panes_in_help_and_on_its_key_line(stories, make_app, size):
    """walk35: at 80 columns the story view's key line did not name tab (its quotes and entities are a second pane,
    below the story there), and help said only "Next pane". Both name it now, at 80x24 and 200x50 alike."""
    app = make_app(stories)
    async with started(app, size) as (pilot, _main):
        await open_first_story(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        line = str(app.screen.query_one("#page-hint").render())
        assert ("tab pane" if size[0] == 80 else "tab next pane") in line, line
        assert "esc back" in line and "⏎ open" in line and "n/N unread" in line, line
        await pilot.press("question_mark")
        await settle(pilot)
        here = help_sections(app)["On this page"]
        assert "Next pane: the story, its quotes and entities (below it under 120 columns)" in here, here
