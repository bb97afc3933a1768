"""The OPML toast cut each URL at 60 cells keeping its start, which hid where two long URLs of one feed differ
(feeds37's noticed); a feed whose stored URL is no text (a BLOB another program wrote) was said "as " with nothing
after it. Each URL is now cut in its middle, its host and its end kept, and such a feed is "a feed with an unreadable
address" (feeds38). No network: nothing is fetched."""

from __future__ import annotations

from test_feed_add_opml import _subscribed_toast

from tui.store import Library
from tui.store.feeds import add_feed

_PATH = "/news/regional/valley-and-coast/2026/winter-timetables"


async def test_long_urls_keep_their_host_and_end_and_an_unreadable_address_is_said(library, make_app, tmp_path,
                                                                                    monkeypatch):
    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"https://ossing.example{_PATH}/old-feed.rss", "Ossing",
                 final_url=f"https://ossing.example{_PATH}/feed.rss")
        ident, _ = add_feed(lib, "https://brackwater.example/old.rss", "Brackwater",
                            final_url="https://brackwater.example/feed.rss")
        lib.db.execute("UPDATE feeds SET url = CAST(X'00FF6F6C64' AS BLOB) WHERE id = ?", (ident,))
        lib.db.commit()
    opml = tmp_path / "long.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body>'
                    f'<outline type="rss" text="Ossing" xmlUrl="https://ossing.example{_PATH}/feed.rss"/>'
                    '<outline type="rss" text="Brackwater" xmlUrl="https://brackwater.example/feed.rss"/>'
                    '</body></opml>', encoding="utf-8")
    said = await _subscribed_toast(make_app(path), opml, monkeypatch)
    # 60 cells each: the host, "/…", and as much of the end as fits (the two differ in their file names)
    listed = "ossing.example/…" + f"{_PATH}/feed.rss"[-(60 - 16):]
    stored = "ossing.example/…" + f"{_PATH}/old-feed.rss"[-(60 - 16):]
    assert len(listed) == len(stored) == 60 and stored.endswith("/winter-timetables/old-feed.rss")
    assert said == ("Subscribed to 0 feeds from long.opml (2 already subscribed: "
                    f"{listed} as {stored}, "
                    "https://brackwater.example/feed.rss as a feed with an unreadable address)"), said
