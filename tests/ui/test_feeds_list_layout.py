"""The feeds list (`F`) at 80 columns, as a reader sees it: a long feed title wraps under itself (a hanging indent,
not back under the unread count), shown whole (it was cut at 70 characters with nothing to say so), its figures on
one line, a failed feed's reason under the title; the library's status line after choosing that feed ends the cut
name with "…"."""

from __future__ import annotations

from pilot_steps import settle, wait_until

from tui.store import Library

LONG = ("The Northern Harbour and Coastal Communities Weekly Gazette: Ferries, Fisheries, Port Politics and "
        "Everything Else Along the Fjords")


def feeds_with_long_title(path) -> None:
    from tui.store.feeds import add_feed, update_feed

    with Library(path) as lib:
        add_feed(lib, "http://127.0.0.1:9/short.xml", "Island Ferry News")
        add_feed(lib, "http://127.0.0.1:9/long.xml", LONG)
        gone, _ = add_feed(lib, "http://127.0.0.1:9/gone.xml", "A Feed That Went Away")
        update_feed(lib, gone, last_status="error", last_refresh="2026-12-04T10:00:00",
                    last_error="HTTP 404 Not Found: the server says this feed no longer exists at this address")


def shown(widget) -> list[str]:
    return ["".join(s.text for s in widget.render_line(y)).rstrip() for y in range(widget.size.height)]


async def feeds_page_lines(pilot, showing: str) -> list[str]:
    """`F`, then wait until the feeds page (it reads the feeds and folders in a worker) has a line holding `showing`;
    returns its lines, settled."""
    def lines() -> list[str]:
        found = pilot.app.screen.query("#feeds-list")
        return shown(found.first()) if found else []

    await pilot.press("F")
    await wait_until(pilot, lambda: any(showing in x for x in lines()),
                     lambda: f"{showing!r} on the feeds page: {lines()}")
    await settle(pilot)
    return lines()


async def test_a_long_feed_title_wraps_under_itself_and_the_status_line_cuts_it_with_an_ellipsis(library, make_app):
    path, _ids = library
    feeds_with_long_title(path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F")
        await settle(pilot)
        await settle(pilot)
        lines = shown(app.screen.query_one("#feeds-list"))
        at = next(i for i, x in enumerate(lines) if "The Northern Harbour" in x)
        assert lines[at].startswith("0 The Northern Harbour"), lines
        # the wrapped line starts under the title (two cells in: "0 "), and the whole title is there, its figures
        # after it on one line (a line of their own under the title: never fetched, they say so)
        assert lines[at + 1].startswith("  Fisheries,"), lines
        assert lines[at + 2] == "  0 articles · not fetched yet (R)", lines
        assert " ".join(x.strip() for x in lines[at:at + 2]) == "0 " + LONG, lines
        gone = next(i for i, x in enumerate(lines) if "A Feed That Went Away" in x)
        assert lines[gone + 1].startswith("  ✗ HTTP 404"), lines  # the reason under the title, wrapped under it
        assert lines[gone + 2].startswith("  address"), lines
        listing = app.screen.query_one("#feeds-list")
        number = next(n for n, f in enumerate(app.screen.feeds) if f.name == LONG)
        listing.highlighted = listing.get_option_index(f"f:{number}")
        await pilot.press("enter")
        await settle(pilot)
        status = str(app.screen.query_one("#library-status").render())
        assert "feed The Northern Harbour and Coastal Commun…" in status, status


async def test_a_watched_folder_shows_its_counts_and_filters_the_library(library, make_app, tmp_path):
    """A watched folder was a dim line with its path and nothing else: no unread count, no article count, no cursor
    (enter could not show its articles). It is now a row like a feed's; enter narrows the library to it."""
    from tui.sources.watch import scan_watched
    from tui.store.watch import add_watch

    folder = tmp_path / ("newsroom-desk-archive-" * 3) / "clippings"  # longer than the 80-column list
    folder.mkdir(parents=True)
    (folder / "quay.md").write_text("# Quay lights switched on early\n\nThe harbour board switched the new quay "
                                    "lights on a week early after two boats scraped the old pier in the fog.\n")
    (folder / "ferry.md").write_text("# Night ferry keeps its late crossing\n\nThe island council kept the late "
                                     "ferry crossing on weekdays after traders and the night shift asked for it.\n")
    path, _ids = library
    with Library(path) as lib:
        add_watch(lib, str(folder))
        scan_watched(lib)
        lib.db.execute("UPDATE articles SET read = 1 WHERE title LIKE 'Quay lights%'")
        lib.db.commit()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await feeds_page_lines(pilot, "clippings")
        at = next((i for i, x in enumerate(lines) if "clippings" in x), None)
        assert at is not None, lines
        # the path on the count's line, whole or cut at the front ("…/clippings": it has no spaces to wrap at),
        # then its figures
        assert lines[at].startswith("1 …") and lines[at].endswith("-newsroom-desk-archive-/clippings"), lines
        row = " ".join(x.strip() for x in lines[at:at + 2])
        assert "clippings  2 articles · scanned " in row or "clippings 2 articles · scanned " in row, lines
        assert "0 feeds · 1 watched folder · 1 unread" in str(app.screen.query_one("#feeds-head").render())
        listing = app.screen.query_one("#feeds-list")
        assert "watched folder" in listing.HELP  # what help (?) says enter does here
        listing.highlighted = listing.get_option_index("w:0")
        await pilot.press("d")  # not removed here: it says how
        await pilot.pause()
        assert "newsreader watch remove" in str(list(app._notifications)[-1].message)
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        status = str(main.query_one("#library-status").render())
        assert "folder clippings · esc clears · 2 articles · 1 unread" in status, status
        assert {main.articles.source.row(i).title for i in range(len(main.articles.source))} == {
            "Quay lights switched on early", "Night ferry keeps its late crossing"}


async def test_no_watched_folder_says_how_to_add_one(library, make_app):
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await feeds_page_lines(pilot, "Watched folders")
        at = lines.index("Watched folders")
        assert " ".join(x.strip() for x in lines[at + 1:at + 3]).startswith(
            "None. `newsreader watch add DIR` imports a folder's new and changed files"), lines


async def test_the_header_counts_an_article_of_a_feed_and_a_watched_folder_once(library, make_app, tmp_path):
    """The header's unread total added every feed's and folder's own count: an article a feed delivered and a
    watched folder's file also became (the same text) was counted twice, as was one two feeds delivered."""
    from tui.models import Article
    from tui.sources.watch import scan_watched
    from tui.store.feeds import Entry, add_feed, store_entries
    from tui.store.watch import add_watch

    quay = ("The harbour board switched the new quay lights on a week early after two boats scraped the old pier in "
            "the fog.")
    ferry = "The island council kept the late ferry crossing on weekdays after traders and the night shift asked for it."
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "quay.md").write_text(f"# Quay lights switched on early\n\n{quay}\n")
    path, _ids = library
    with Library(path) as lib:
        before = lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]
        one, _ = add_feed(lib, "http://127.0.0.1:9/one.xml", "Harbour Wire")
        two, _ = add_feed(lib, "http://127.0.0.1:9/two.xml", "Island Post")
        store_entries(lib, one, [Entry("q", None, "h-q", Article(title="Quay lights switched on early", body=quay)),
                                 Entry("f", None, "h-f", Article(title="Night ferry keeps its late crossing",
                                                                 body=ferry))])
        store_entries(lib, two, [Entry("f2", None, "h-f2", Article(title="Night ferry keeps its late crossing",
                                                                   body=ferry))])
        add_watch(lib, str(folder))
        scan_watched(lib)
        assert lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0] == before + 2
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F")
        await wait_until(pilot, lambda: "unread" in str(app.screen.query_one("#feeds-head").render()),
                         "the page's head counted (the page reads the feeds and folders in a worker)")
        await settle(pilot)
        head = str(app.screen.query_one("#feeds-head").render())
        lines = shown(app.screen.query_one("#feeds-list"))
        # each row keeps its own count (the ferry is in both feeds, the quay in a feed and the folder) ...
        assert any(x.startswith("2 Harbour Wire") for x in lines), lines
        assert any(x.startswith("1 Island Post") for x in lines), lines
        assert any(x.startswith("1 ") and "clippings" in x for x in lines), lines
        # ... and the total counts the two articles once each (it said 4)
        assert "2 feeds · 1 watched folder · 2 unread" in head, head
        # ... and says what it counts beside the library's unread, which "All articles" shows: they said "2 unread"
        # over "N All articles", two counts with nothing to tell them apart, the column's figures with no unit
        assert f"2 unread from them ({before + 2} in the library)" in head, head
        assert any(x.startswith(f"{before + 2} All articles") for x in lines), lines
        assert "The figure before each name: its unread articles." in head, head


async def test_a_watched_folder_says_how_many_files_it_skipped_and_why(library, make_app, tmp_path):
    """A watched folder's files that became no article (a picture, a word list) were said once, in the toast of the
    scan that met them; the feeds list showed the folder's articles and nothing of them. It now counts them under the
    folder, with why, on one line."""
    from tui.sources.watch import scan_watched
    from tui.store.watch import add_watch

    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "quay.md").write_text("# Quay lights switched on early\n\nThe harbour board switched the new quay "
                                    "lights on a week early after two boats scraped the old pier in the fog.\n")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)) * 4)
    path, _ids = library
    with Library(path) as lib:
        add_watch(lib, str(folder))
        scan_watched(lib)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await feeds_page_lines(pilot, "desk")
        at = next(i for i, x in enumerate(lines) if "desk" in x)
        assert "article · scanned " in " ".join(" ".join(lines[at:at + 2]).split()), lines  # (wrapped under a long TMPDIR)
        skipped = next(x for x in lines[at:] if "skipped" in x)
        # on one line under the folder's, what its files became and the reasons of its two skipped files (one each)
        assert skipped == "  1 imported, 2 skipped: binary file (PNG image); binary file (binary data)", lines
        assert not lines[lines.index(skipped) + 1].startswith("  "), lines  # nothing wrapped


def test_a_folder_s_skipped_files_are_one_line_the_commonest_reason_first():
    from tui.app.screens.feeds import skipped_line

    assert skipped_line([("binary data", 3)], 60) == "3 files skipped: binary data"
    assert skipped_line([("binary data", 3), ("not a feed", 1)], 60) == "4 files skipped: binary data ×3; not a feed"
    cut = skipped_line([("no prose: a word list, not sentences", 1200), ("binary data", 7)], 40)
    assert cut == "1,207 files skipped: no prose: a word l…" and len(cut) == 40


async def test_a_watched_folder_counts_its_duplicates_with_its_files(library, make_app, tmp_path):
    """A watched folder's file whose text the library held (a copy) was said once, in the scan's toast at best: the
    feeds list showed the folder's articles and nothing of it. Its files are counted under it now, adding up."""
    import shutil

    from tui.sources.watch import scan_watched
    from tui.store.watch import add_watch

    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "quay.md").write_text("# Quay lights switched on early\n\nThe harbour board switched the new quay "
                                    "lights on a week early after two boats scraped the old pier in the fog.\n")
    shutil.copy(folder / "quay.md", folder / "quay copy.md")
    path, _ids = library
    with Library(path) as lib:
        add_watch(lib, str(folder))
        assert scan_watched(lib).duplicates == 1
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await feeds_page_lines(pilot, "clips")
        at = next(i for i, x in enumerate(lines) if "clips" in x)
        assert "article · scanned " in " ".join(" ".join(lines[at:at + 2]).split()), lines  # (wrapped under a long TMPDIR)
        assert next(x for x in lines[at:] if "imported" in x) == "  1 imported, 1 duplicate", lines
