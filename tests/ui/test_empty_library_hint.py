"""An empty library says how news gets in: a file or folder (`a`), or a feed (`F`, then `a`), with the keys as the
user bound them. It said "press a to add a file or folder." whatever `a` was bound to, and nothing of feeds."""

from __future__ import annotations

from pilot_steps import settle

from tui.store import Library


def hint(screen) -> str:
    """The list's first lines (the hint wraps over as many as it takes; it was one line, cut at the pane's edge)."""
    lines = [screen.articles.render_line(y).text.strip() for y in range(4)]
    return " ".join(x for x in lines if x)


async def test_the_empty_library_names_the_keys_that_bring_news(tmp_path, make_app):
    path = tmp_path / "empty.db"
    Library(path).close()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert hint(app.screen) == ("No articles yet: a adds a file or folder; F, then a, subscribes to a "
                                          "feed.")


async def test_the_hint_follows_rebound_keys(tmp_path, make_app):
    path = tmp_path / "empty.db"
    Library(path).close()
    (tmp_path / "config.toml").write_text('[keys]\nadd = "ctrl+o"\nfeeds = "ctrl+f"\n')
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert hint(app.screen).startswith("No articles yet: ctrl+o adds a file or folder; ctrl+f, then a,")


async def test_a_search_that_finds_nothing_in_the_starred_view_names_the_view(library, make_app):
    """The view (`u`) is remembered across runs: a search in the starred view that found nothing said "Nothing
    matches", though unstarred articles held the words (walk28: "storm" typed the morning after starring one
    article)."""
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u", "u")  # all -> unread -> starred: nothing is starred
        await settle(pilot)
        assert app.screen.articles.source.view == "starred"
        await pilot.press("/", *"harbour")
        await settle(pilot)
        assert hint(app.screen) == "No starred article matches (u changes the view; esc clears)."
        await pilot.press("enter", "u")  # to the list, then every article: the search finds some
        await settle(pilot)
        assert len(app.screen.articles.source) > 0
        await pilot.press("/", "ctrl+u", *"zzyzx")
        await settle(pilot)
        assert hint(app.screen) == "Nothing matches (esc clears)."
