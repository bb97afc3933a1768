"""The add-feed dialog (`a` in the feeds list, "Add feed…" in the palette) given the path of an OPML file: a new reader
with an exported list of subscriptions typed its path there and read "URL has no host" (walk35), while the library's
`a` dialog named `newsreader feed import`. The list's feeds are subscribed now, as `feed import` does (none fetched:
the feeds list says "not fetched yet (R)", and the toast that R fetches them); another file, or a path with nothing
there, is said in the prompt. No network: the feeds named are never fetched."""

from __future__ import annotations

from pilot_steps import started, toasts_of, wait_until

from tui.store import Library
from tui.store.feeds import list_feeds

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Valley news</title></head><body>
<outline text="Local" title="Local">
 <outline type="rss" text="Kestrel Vale Post" xmlUrl="https://kestrelvale.example/feed.atom"/>
 <outline type="rss" text="Ossing Radio" xmlUrl="https://ossing.example/news.json"/>
 <outline type="rss" text="Broken" xmlUrl="ftp://ossing.example/old.rss"/>
</outline>
</body></opml>
"""


async def _typed(pilot, app, text: str) -> None:
    await pilot.press("a")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "AddFeedDialog")
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def _subscribed_toast(app, opml, monkeypatch) -> str:
    """The "Subscribed to ..." toast after the OPML file's path is typed into the add-feed dialog (at 80x24)."""
    toasts = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), keys="F") as (pilot, page):
        await _typed(pilot, app, str(opml))
        await wait_until(pilot, lambda: any(t.startswith("Subscribed to") for t in toasts))
        return next(t for t in toasts if t.startswith("Subscribed to"))


async def test_an_opml_file_given_to_the_add_feed_dialog_subscribes_to_its_feeds(library, make_app, tmp_path,
                                                                                 monkeypatch):
    path, _ = library
    opml = tmp_path / "my-feeds.opml"
    opml.write_text(OPML, encoding="utf-8")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), keys="F") as (pilot, page):
        await _typed(pilot, app, str(opml))
        assert app.screen is page  # the dialog closed: no "URL has no host"
        await wait_until(pilot, lambda: any(t.startswith("Subscribed to") for t in toasts))
        said = next(t for t in toasts if t.startswith("Subscribed to"))
        assert said == ("Subscribed to 2 feeds from my-feeds.opml (1 skipped: only http and https URLs are fetched, "
                        "not ftp:) · R fetches them"), said
        await wait_until(pilot, lambda: len(page.feeds) == 2)
        assert sorted(f.name for f in page.feeds) == ["Kestrel Vale Post", "Ossing Radio"]
        # the same list again: nothing doubles
        await _typed(pilot, app, str(opml))
        await wait_until(pilot, lambda: sum(t.startswith("Subscribed to") for t in toasts) == 2)
        assert toasts[-1].startswith("Subscribed to 0 feeds from my-feeds.opml (2 already subscribed, 1 skipped: "), toasts
    with Library(path) as lib:
        feeds = list_feeds(lib)
    assert sorted(f.url for f in feeds) == ["https://kestrelvale.example/feed.atom", "https://ossing.example/news.json"]
    assert all(f.tags == ["Local"] for f in feeds)  # the folder a tag, as `feed import` makes it


async def test_a_file_that_is_no_opml_list_or_no_file_is_said_in_the_add_feed_prompt(library, make_app, tmp_path):
    path, _ = library
    note = tmp_path / "note.txt"
    note.write_text("Ferry times for the winter.\n", encoding="utf-8")
    app = make_app(path)
    async with started(app, (80, 24), keys="F") as (pilot, _page):
        for typed, said in ((str(note), "a file, not a feed's URL nor an OPML list: `a` in the library adds"),
                            (str(tmp_path / "gone.opml"), "gone.opml: no such file (a feed is added by its URL")):
            await _typed(pilot, app, typed)
            dialog = app.screen
            assert type(dialog).__name__ == "AddFeedDialog"
            error = str(dialog.query_one("#feed-error").render())
            assert said in error and "URL has no host" not in error, error
            await pilot.press("escape")
            await pilot.pause()
    with Library(path) as lib:
        assert list_feeds(lib) == []


async def test_the_key_line_says_what_tab_does_for_what_is_typed(library, make_app, tmp_path):
    """keys36: the key line said "tab, space: full text on/off" while a path was typed, where tab completes the path
    (micro35) and the full-text option is no OPML list's; a URL again brings the full-text words back."""
    path, _ = library
    (tmp_path / "my-feeds.opml").write_text(OPML, encoding="utf-8")
    app = make_app(path)
    async with started(app, (80, 24), keys="F") as (pilot, _page):
        await pilot.press("a")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "AddFeedDialog")
        dialog = app.screen

        def keys() -> str:
            return str(dialog.query_one("#feed-keys").render())

        assert "tab, space: full text on/off" in keys(), keys()  # an empty box: tab goes on to the option
        option = dialog.query_one("#feed-full-text")
        assert option.display
        await pilot.press(*f"{tmp_path}/my-f")
        await wait_until(pilot, lambda: "tab: complete the path" in keys(), keys)
        assert keys() == "enter: add · tab: complete the path · esc: cancel", keys()
        assert not option.display  # the full-text option is no OPML list's: not shown, never reached by tab
        await pilot.press("tab")  # completes the path, as the line says
        await wait_until(pilot, lambda: dialog.query_one("#feed-url").value == f"{tmp_path}/my-feeds.opml")
        await pilot.press("ctrl+u", *"example.org/feed.xml")  # (ctrl+u: Textual's delete to the start)
        await wait_until(pilot, lambda: "tab, space: full text on/off" in keys(), keys)
        assert option.display  # a URL again: the option is back
        await pilot.press("tab")
        assert dialog.focused is dialog.query_one("#feed-full-text")


async def test_the_toast_says_as_what_listed_feeds_are_already_subscribed(library, make_app, tmp_path, monkeypatch):
    """`feed import` prints "URL: already subscribed as URL2" for a listed URL that is a feed's final URL (where its
    fetch last ended after redirects); the dialog's toast said only "N already subscribed" (feeds36's noticed). It now
    names two of them and counts the others."""
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, "https://kestrelvale.example/feed.atom", "Kestrel Vale Post")
        for host in ("ossing", "brackwater", "lenthall"):
            add_feed(lib, f"https://{host}.example/old.rss", host.title(), final_url=f"https://{host}.example/feed.rss")
    opml = tmp_path / "moved.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body>'
                    '<outline type="rss" text="Kestrel" xmlUrl="https://kestrelvale.example/feed.atom"/>'
                    + "".join(f'<outline type="rss" text="{h}" xmlUrl="https://{h}.example/feed.rss"/>'
                              for h in ("ossing", "brackwater", "lenthall"))
                    + '<outline type="rss" text="Yarrow" xmlUrl="https://yarrow.example/feed.rss"/></body></opml>',
                    encoding="utf-8")
    said = await _subscribed_toast(make_app(path), opml, monkeypatch)
    assert said == ("Subscribed to 1 feed from moved.opml (4 already subscribed: https://ossing.example/feed.rss as "
                    "https://ossing.example/old.rss, https://brackwater.example/feed.rss as "
                    "https://brackwater.example/old.rss and 1 more by another URL) · R fetches them"), said
    with Library(path) as lib:
        assert len(list_feeds(lib)) == 5


async def test_the_toast_names_the_one_listed_feed_subscribed_by_another_url(library, make_app, tmp_path, monkeypatch):
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, "https://ossing.example/old.rss", "Ossing", final_url="https://ossing.example/feed.rss")
    opml = tmp_path / "one.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body>'
                    '<outline type="rss" text="Ossing" xmlUrl="https://ossing.example/feed.rss"/></body></opml>',
                    encoding="utf-8")
    said = await _subscribed_toast(make_app(path), opml, monkeypatch)
    assert said == ("Subscribed to 0 feeds from one.opml (1 already subscribed: https://ossing.example/feed.rss as "
                    "https://ossing.example/old.rss)"), said
