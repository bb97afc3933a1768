"""The app's add dialog (`a`) skips a file that is not prose, as `newsreader add` does (README: "a file that is not
prose, e.g. a word list, is skipped; --force takes it"): walk24 added a folder with a word list in it from the dialog
and got an article titled "apple" that the command line had skipped."""

from __future__ import annotations

from pilot_steps import settle, started, toasts_of, wait_until

from tui.app.dialogs import AddDialog

STORY = ("Ferry crossings to the island double from spring\n\n"
         "The harbour board voted on Tuesday to run the island ferry twice a day from March, after a winter of "
         "cancelled crossings left families waiting on the quay for hours.\n\n"
         "The board's chair said the second boat would be leased for two years while the old pier is mended.\n")
WORDS = "apple\nbanana\ncherry\ndamson\nelderberry\nfig\ngrape\n"


async def test_a_word_list_in_an_added_folder_is_skipped_with_its_reason(library, make_app, tmp_path, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "ferry.txt").write_text(STORY, encoding="utf-8")
    (folder / "fruit.txt").write_text(WORDS, encoding="utf-8")
    path, _ = library
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, (80, 24)) as (pilot, main):
        before = len(main.articles.source)
        await pilot.press("a")
        app.screen.query_one("#add-path").value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        titles = [app.screen.articles.source.row(i).title for i in range(len(app.screen.articles.source))]
        assert "apple" not in titles and "Ferry crossings to the island double from spring" in titles
        assert len(titles) == before + 1
        assert "Added: Ferry crossings to the island double from spring" in toasts, toasts
        skipped = next(t for t in toasts if "fruit.txt" in t)
        assert "fruit.txt: no prose" in skipped and "newsreader add --force" in skipped, skipped


async def test_a_word_list_added_alone_asks_again_with_the_reason(library, make_app, tmp_path):
    words = tmp_path / "fruit.txt"
    words.write_text(WORDS, encoding="utf-8")
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, main):
        before = len(main.articles.source)
        await pilot.press("a")
        app.screen.query_one("#add-path").value = str(words)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AddDialog)
        assert "no prose" in str(app.screen.query_one("#add-error").render())
        await pilot.press("escape")
        assert len(app.screen.articles.source) == before


async def test_a_watched_folders_skipped_file_is_named_by_the_start_and_end_of_its_path(
        library, make_app, tmp_path, monkeypatch):
    """The refresh toast named a skipped file by the last 60 characters of its path, the start dropped unsaid; now
    its start, "…", its end (the file name), as the app echoes a long path elsewhere."""
    from tui.store import Library
    from tui.store.watch import add_watch

    folder = tmp_path / ("wexmoor-harbour-archive-" * 4) / "drop"
    folder.mkdir(parents=True)
    (folder / "fruit.txt").write_text(WORDS, encoding="utf-8")
    path, _ = library
    with Library(path) as lib:
        add_watch(lib, str(folder))
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), keys="R") as (pilot, _main):
        await wait_until(pilot, lambda: any("fruit.txt" in t for t in toasts), toasts)
        line = next(x for t in toasts for x in t.splitlines() if "fruit.txt" in x)
        named = line.removeprefix("✗ ").split(": no prose")[0]
        assert named.startswith(str(folder)[:15]) and "…" in named and named.endswith("/drop/fruit.txt"), line
        assert len(named) <= 60, line
