"""A watched folder's path in the app's feeds list and in the library's status line once it filters the library: spelled
out as `newsreader watch list` and the app's toasts spell it (tui.textsafe.visible), never cleaned into another
folder's name. The feeds list removed a zero-width space, a bidi override or an escape sequence from the path, so
"/home/ana/news<U+200B>" read as "/home/ana/news", a folder of that name too (session 32)."""

from __future__ import annotations

import asyncio

from hostile_helpers import make_app

from tui.store import Library


def _lines(widget) -> list[str]:
    return ["".join(s.text for s in widget.render_line(y)).rstrip() for y in range(widget.size.height)]


def test_a_watched_folder_with_hidden_characters_is_spelled_out_in_the_feeds_list(tmp_path, app_env):
    from tui.sources.watch import scan_watched
    from tui.store.watch import add_watch

    plain = tmp_path / "desk"
    hidden = tmp_path / "desk\u200b"  # looks the same as the folder beside it
    odd = tmp_path / "pier\u202exob\x1b[2J"
    for n, folder in enumerate((plain, hidden, odd)):
        folder.mkdir()
        (folder / f"note{n}.txt").write_text(f"Quay note {n}\n\nThe harbour board of Vellport met about crane {n}.\n")
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        for folder in (plain, hidden, odd):
            add_watch(lib, str(folder))
        scan_watched(lib)

    async def run() -> None:
        app = make_app(db)
        async with app.run_test(size=(200, 50)) as pilot:
            await pilot.pause()
            await pilot.press("F")
            for _ in range(200):
                await asyncio.sleep(0.05)
                found = app.screen.query("#feeds-list")
                if found and any("desk" in x for x in _lines(found.first())):
                    break
            lines = _lines(app.screen.query_one("#feeds-list"))
            rows = [x for x in lines if "desk" in x or "pier" in x]
            assert any("desk\\u200b" in x for x in rows), rows
            assert any("pier\\u202exob\\x1b[2J" in x for x in rows), rows
            assert len({x.split("  ")[0] for x in rows}) == 3, rows  # three folders, three names
            listing = app.screen.query_one("#feeds-list")
            listing.highlighted = listing.get_option_index("w:1")
            await pilot.press("enter")
            for _ in range(200):
                await asyncio.sleep(0.05)
                if app.screen.query("#library-status"):
                    status = str(app.screen.query_one("#library-status").render())
                    if "folder" in status:
                        break
            assert "folder desk\\u200b" in status, status

    asyncio.run(run())
