"""`newsreader add URL` (and the app's add dialog) says why a URL could not be fetched in the words `feed add` uses for
the same URL: "host not found (offline?)", not "could not fetch URL ([Errno -2] Name or service not known)" (walk24,
offline, the same URL given to `add` and to `feed add`). Servers on 127.0.0.1 only."""

from __future__ import annotations

import socket

from tui.importers import import_paths
from tui.sources import subscribe
from tui.store import Library



def closed_port_url() -> str:
    with socket.socket() as sock:  # bound, then closed: nobody listens there
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/story.html"


def both_errors(url: str, tmp_path) -> tuple[str, str]:
    (item,) = import_paths([url])
    assert item.article is None
    with Library(tmp_path / "library.db") as lib:
        feed_error = subscribe(lib, url).error
    return item.error, feed_error


def test_nobody_listening_is_said_as_feed_add_says_it(tmp_path):
    got, feed = both_errors(closed_port_url(), tmp_path)
    assert got == feed == "could not connect (offline, or the server is down)"


def test_a_404_is_said_as_feed_add_says_it(site, tmp_path):
    got, feed = both_errors(site.url("/gone.html"), tmp_path)
    assert got == feed == "HTTP 404 Not Found"


def test_a_host_that_does_not_resolve_is_said_as_feed_add_says_it(tmp_path, monkeypatch):
    def offline(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    got, feed = both_errors("https://news.example.invalid/story.html", tmp_path)
    assert got == feed == "host not found (offline?)"
