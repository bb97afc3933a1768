"""The add dialog (`a`) asked for "a .txt, .md or .html file, a feed, or a folder" and took a web page's URL too,
unsaid (walk24): it says so now, and a page served on 127.0.0.1 lands as an article."""

from __future__ import annotations

from pilot_steps import settle, started, toasts_of

PAGE = ("<html><head><title>Pier lights switched on early</title></head><body><nav>Home · News · Sport</nav><article>"
        "<h1>Pier lights switched on early</h1><p>The pier's lights were switched on a week early after two boats "
        "scraped the old pier in the fog on Thursday night, the harbour master said.</p><p>Both boats came in "
        "with scratched hulls and nobody was hurt, and the lights will now stay on from dusk until the spring "
        "tides are over.</p></article></body></html>").encode()


async def test_the_add_dialog_says_it_takes_a_url_and_does(library, make_app, site, monkeypatch):
    site.routes["/pier.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    path, _ = library
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), keys="a") as (pilot, _dialog):
        title = str(app.screen.query_one(".dialog-title").render())
        assert "a web page's URL" in title, title
        app.screen.query_one("#add-path").value = site.url("/pier.html")
        await pilot.press("enter")
        await settle(pilot)
        assert "Added: Pier lights switched on early" in toasts, toasts
        assert app.screen.articles.source.row(0).title == "Pier lights switched on early"
