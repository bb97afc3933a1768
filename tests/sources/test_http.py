"""The fetcher against a real local server: status codes, redirects, compression, limits, timeouts."""

from __future__ import annotations

import gzip
import time

import pytest

from feedserver import FAST, rss
from tui.sources.http import Fetcher, FetchError, Limits, retry_after_seconds


def test_200_sends_user_agent_and_reuses_the_connection(site):
    site.feed("/a.xml", rss([{"title": "One", "guid": "1"}]))
    with Fetcher(FAST) as f:
        r1 = f.get(site.url("/a.xml"))
        r2 = f.get(site.url("/a.xml"))
    assert r1.status == 200 and r1.body.startswith(b"<?xml") and r2.body == r1.body
    ua = site.headers["/a.xml"][0]["User-Agent"]
    assert ua.startswith("newsreader/") and ua.split("/")[1][0].isdigit()
    # one keep-alive connection served both requests: the server saw one client port
    assert r1.url == site.url("/a.xml")


def test_conditional_get_etag_and_last_modified(site):
    site.feed("/e.xml", rss([{"title": "E"}]), etag='"v1"')
    site.feed("/m.xml", rss([{"title": "M"}]), modified=1_700_000_000)
    with Fetcher(FAST) as f:
        first = f.get(site.url("/e.xml"))
        again = f.get(site.url("/e.xml"), etag=first.headers["etag"])
        first_m = f.get(site.url("/m.xml"))
        again_m = f.get(site.url("/m.xml"), last_modified=first_m.headers["last-modified"])
    assert (first.status, again.status, again.body) == (200, 304, b"")
    assert (first_m.status, again_m.status) == (200, 304)
    assert site.headers["/e.xml"][1]["If-None-Match"] == '"v1"'


def test_redirect_chain_and_permanent_url(site):
    site.routes["/old"] = (301, {"Location": "/older"}, b"")
    site.routes["/older"] = (308, {"Location": site.url("/new.xml")}, b"")
    site.routes["/temp"] = (302, {"Location": "/old"}, b"")
    site.feed("/new.xml", rss([{"title": "Moved"}]))
    with Fetcher(FAST) as f:
        perm = f.get(site.url("/old"))
        temp = f.get(site.url("/temp"))
    assert perm.url == site.url("/new.xml") and perm.permanent_url == site.url("/new.xml")
    assert temp.url == site.url("/new.xml") and temp.permanent_url is None  # a temporary hop first: keep the URL


def test_redirect_loop_too_many_and_file_scheme_refused(site):
    site.routes["/a"] = (302, {"Location": "/b"}, b"")
    site.routes["/b"] = (302, {"Location": "/a"}, b"")
    for i in range(7):
        site.routes[f"/r{i}"] = (302, {"Location": f"/r{i + 1}"}, b"")
    site.routes["/file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with Fetcher(FAST) as f:
        with pytest.raises(FetchError, match="loop"):
            f.get(site.url("/a"))
        with pytest.raises(FetchError, match="more than 5 redirects"):
            f.get(site.url("/r0"))
        with pytest.raises(FetchError, match="refused URL.*file"):
            f.get(site.url("/file"))
        with pytest.raises(FetchError, match="only http and https"):
            f.get("file:///etc/passwd")
    assert site.hits["/r5"] == 1 and site.hits["/r6"] == 0


def test_gzip_is_decoded(site):
    doc = rss([{"title": "Zipped"}])
    site.routes["/z.xml"] = (200, {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}, gzip.compress(doc))
    with Fetcher(FAST) as f:
        assert f.get(site.url("/z.xml")).body == doc
    assert "gzip" in site.headers["/z.xml"][0]["Accept-Encoding"]


def test_gzip_bomb_stops_at_the_cap(site):
    bomb = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)  # 200 MB -> ~200 KB
    assert len(bomb) < 1024 * 1024
    site.routes["/bomb.xml"] = (200, {"Content-Encoding": "gzip"}, bomb)
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="decompressed"):
        f.get(site.url("/bomb.xml"))


def test_25_mb_body_refused_while_streaming(site):
    big = b"<rss>" + b"x" * (25 * 1024 * 1024)

    def no_length(req):  # no Content-Length: the cap must hit while reading
        req.send_response(200)
        req.send_header("Connection", "close")
        req.end_headers()
        try:
            for i in range(0, len(big), 1 << 20):
                req.wfile.write(big[i:i + (1 << 20)])
        except OSError:
            pass
        req.close_connection = True

    site.routes["/big-declared.xml"] = (200, {}, big)
    site.routes["/big.xml"] = no_length
    with Fetcher(FAST) as f:
        with pytest.raises(FetchError, match="larger than 20 MB"):
            f.get(site.url("/big-declared.xml"))
        with pytest.raises(FetchError, match="larger than 20 MB"):
            f.get(site.url("/big.xml"))


def test_stall_after_headers_times_out(site):
    def stall(req):
        req.send_response(200)
        req.send_header("Content-Length", "1000")
        req.end_headers()
        req.wfile.write(b"<rss>")
        req.wfile.flush()
        site.stop.wait(10)

    def trickle(req):  # a byte every 0.3 s: under the read timeout, over the total
        req.send_response(200)
        req.send_header("Content-Length", "1000")
        req.end_headers()
        for _ in range(100):
            if site.stop.wait(0.3):
                return
            try:
                req.wfile.write(b"x")
                req.wfile.flush()
            except OSError:
                return

    site.routes["/stall.xml"] = stall
    site.routes["/trickle.xml"] = trickle
    with Fetcher(Limits(connect=1, read=0.5, total=1.5)) as f:
        t = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            f.get(site.url("/stall.xml"))
        assert time.monotonic() - t < 3
        t = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            f.get(site.url("/trickle.xml"))
        assert time.monotonic() - t < 4


def test_429_and_503_carry_retry_after_and_500_is_an_error(site):
    site.routes["/busy"] = (429, {"Retry-After": "120"}, b"slow down")
    site.routes["/down"] = (503, {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}, b"")
    site.routes["/broken"] = (500, {}, b"oops")
    with Fetcher(FAST) as f:
        with pytest.raises(FetchError) as busy:
            f.get(site.url("/busy"))
        with pytest.raises(FetchError) as down:
            f.get(site.url("/down"))
        with pytest.raises(FetchError, match="HTTP 500") as broken:
            f.get(site.url("/broken"))
    assert busy.value.status == 429 and busy.value.retry_after == 120
    assert down.value.retry_after > 3600
    assert broken.value.retry_after is None


def test_retry_after_forms():
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
    assert 0 < retry_after_seconds("Thu, 01 Jan 2099 00:00:00 GMT") < 80 * 365 * 86400


def test_refused_connection_is_one_line():
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="could not connect"):
        f.get("http://127.0.0.1:9/feed.xml")


def _errors_said(site, routes) -> dict:
    """Each route served by `site` and fetched once: the FetchError it raised, in words, by path."""
    site.routes.update(routes)
    said = {}
    with Fetcher(FAST) as f:
        for path in routes:
            with pytest.raises(FetchError) as caught:
                f.get(site.url(path))
            said[path] = str(caught.value)
    return said


def test_a_broken_connection_is_said_in_words(site):
    """A server that hung up without answering, cut its answer off or reset the connection was shown as urllib3's
    tuple cut at 80 characters: "connection broken (('Connection aborted.', RemoteDisconnected('Remote end closed
    connection without)" (walk27: the add dialog's error and a feed's line in the feeds list)."""
    import socket
    import struct

    def hang_up(req):
        req.close_connection = True  # nothing written: the connection closes with no answer

    def cut_off(req):
        req.send_response(200)
        req.send_header("Content-Length", "5000")
        req.end_headers()
        req.wfile.write(b"<rss><channel><title>Quay")
        req.close_connection = True

    def reset(req):
        req.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST on close
        req.connection.close()
        req.close_connection = True

    said = _errors_said(site, {"/hang": hang_up, "/cut": cut_off, "/reset": reset})
    assert said == {"/hang": "connection broken: the server closed it without answering",
                    "/cut": "connection broken: the server's answer was cut off",
                    "/reset": "connection broken: reset by the server"}, said


def test_too_many_headers_or_one_too_long_is_said_in_words(site):
    """200 headers, or one of 100 KB (more than http.client reads), were "connection broken: Connection aborted"."""

    def many(req):
        req.send_response(200)
        for i in range(200):
            req.send_header(f"X-Quay-{i}", "berth")
        req.send_header("Content-Length", "0")
        req.end_headers()

    def long_one(req):
        req.send_response(200)
        req.send_header("X-Quay", "b" * 100_000)
        req.send_header("Content-Length", "0")
        req.end_headers()

    def long_status(req):
        req.wfile.write(b"HTTP/1.1 200 " + b"O" * 70_000 + b"\r\n\r\n")
        req.close_connection = True

    said = _errors_said(site, {"/many": many, "/long": long_one, "/status": long_status})
    assert said == {"/many": "connection broken: the server sent too many headers (more than 100)",
                    "/long": "connection broken: the server sent a header line longer than 64 KB",
                    "/status": "connection broken: the server sent a status line longer than 64 KB"}, said


def test_one_deadline_thread_serves_every_request_and_ends_with_the_fetcher(site, monkeypatch):
    import threading
    from concurrent.futures import ThreadPoolExecutor

    site.feed("/a.xml", rss([{"title": "One", "guid": "1"}]))
    timers = []
    monkeypatch.setattr(threading, "Timer", lambda *a, **k: timers.append(a) or threading._Timer(*a, **k))

    def watchers() -> int:
        return sum(t.name == "newsreader-fetch-deadlines" for t in threading.enumerate())

    with Fetcher(FAST, per_host=4) as f, ThreadPoolExecutor(4) as pool:
        bodies = list(pool.map(lambda _: f.get(site.url("/a.xml")).body, range(40)))
        assert watchers() == 1 and len(set(bodies)) == 1
    assert watchers() == 0 and timers == []  # no thread per request


def test_a_url_without_its_scheme_says_what_is_missing():
    """`feed add example.org/feed.xml` said "only http and https URLs are fetched, not a relative URL:" (a colon
    left over from "not file:")."""
    from tui.sources.http import check_url

    for url in ("example.org/feed.xml", "notaurl", "/feed.xml"):
        with pytest.raises(FetchError) as caught:
            check_url(url)
        assert str(caught.value) == "not a full URL: it needs http:// or https:// in front"
    with pytest.raises(FetchError, match="^only http and https URLs are fetched, not ftp:$"):
        check_url("ftp://example.org/feed.xml")


def test_a_redirect_to_a_host_no_url_can_have_is_refused_in_one_line(site):
    """A Location whose host Python cannot even split ("http://[::1", an unclosed IPv6 address; "http://[zz]/", no
    address at all) raised urljoin's ValueError past the fetcher: `feed add A B` stopped at A with
    "newsreader: error: ValueError: Invalid IPv6 URL" and B was never added; a refresh said "ValueError: ..."."""
    site.routes["/v6"] = (301, {"Location": "http://[::1"}, b"")
    site.routes["/zz"] = (302, {"Location": "http://[zz]/feed.xml"}, b"")
    with Fetcher(FAST) as f:
        for path in ("/v6", "/zz"):
            with pytest.raises(FetchError, match=r"^redirected to a refused URL \(not a valid URL\)$"):
                f.get(site.url(path))


def test_304_to_a_request_that_named_no_copy_is_an_error(site):
    """A server answering 304 Not Modified to a plain GET gives nothing to read: `feed add` said "not a feed (neither
    RSS, Atom nor JSON Feed)", and a refresh of a feed without validators stored "not_modified" every time, forever."""
    site.routes["/always-304"] = (304, {}, b"")
    site.feed("/e.xml", rss([{"title": "E"}]), etag='"v1"')
    with Fetcher(FAST) as f:
        with pytest.raises(FetchError, match="304 Not Modified.*nothing to read") as caught:
            f.get(site.url("/always-304"))
        assert caught.value.status == 304
        assert f.get(site.url("/e.xml"), etag='"v1"').status == 304  # asked about a copy: fine as before


def test_urls_with_c1_controls_or_invisible_characters_are_refused():
    """check_url refused C0 controls and DEL only: a U+009B (an 8-bit CSI to a terminal), a bidi override that shows
    "lmth.exe" as "exe.html", a zero-width space or a line separator passed, and the feed was stored under that URL
    (typed, or where a permanent redirect moved it) and carried them to `feed export`."""
    from tui.sources.http import check_url

    for hidden in ("\x9b31m", "\x85", "\u202eevil", "\u2066x\u2069", "\u200b", "\u200e", "\u2028", "\ufeff", "\u061c"):
        with pytest.raises(FetchError, match="not a valid URL"):
            check_url(f"http://example.org/feed{hidden}.xml")
    # letters of any script are no problem (an IRI), nor are percent-escapes of anything
    for fine in ("http://example.org/café/ниво.xml", "http://example.org/feed%9B%E2%80%AE.xml", "https://例え.jp/rss"):
        assert check_url(fine) == fine


def test_a_redirect_to_a_url_with_a_bidi_override_is_refused(site):
    site.routes["/moved"] = (301, {"Location": "/feed.xml?\u202elmth.exe".encode().decode("latin-1")}, b"")
    site.routes["/c1"] = (301, {"Location": "/feed.xml?\x9b31m"}, b"")
    with Fetcher(FAST) as f:
        for path in ("/moved", "/c1"):
            with pytest.raises(FetchError, match="redirected to a refused URL"):
                f.get(site.url(path))


def test_a_redirect_to_a_path_in_utf8_is_followed_to_that_path(site):
    """A Location sent as UTF-8 bytes was read as Latin-1: "/café.xml" was fetched as "/cafÃ©.xml" (a 404)."""
    site.routes["/old"] = (301, {"Location": "/café.xml".encode().decode("latin-1")}, b"")
    site.feed("/caf%C3%A9.xml", rss([{"title": "Moved to an accented path"}]))
    with Fetcher(FAST) as f:
        r = f.get(site.url("/old"))
    assert r.status == 200 and b"accented path" in r.body
    assert r.url == site.url("/café.xml")


def test_a_server_trickling_its_status_line_or_headers_is_cut_at_the_deadline(site):
    """The total deadline stopped only a body's read: a server sending its status line or a header a byte every 0.3 s
    (each under the 0.5 s read timeout) held the fetch until it stopped, 20-30 s here, with no end at the defaults
    (a byte every 19 s under the 20 s read timeout). A connection used afterwards is not touched."""
    def trickle(req, start: bytes, then: bytes):
        req.wfile.write(start)
        req.wfile.flush()
        for byte in then:
            if site.stop.wait(0.3):
                return
            try:
                req.wfile.write(bytes([byte]))
                req.wfile.flush()
            except OSError:
                return

    site.routes["/status"] = lambda req: trickle(req, b"", b"HTTP/1.1 200 OK and the rest, said very slowly " * 2)
    site.routes["/header"] = lambda req: trickle(req, b"HTTP/1.1 200 OK\r\nX-Slow: ", b"y" * 100)
    site.feed("/a.xml", rss([{"title": "One", "guid": "1"}]))
    with Fetcher(Limits(connect=1, read=0.5, total=1.5)) as f:
        for path in ("/status", "/header"):
            t = time.monotonic()
            with pytest.raises(FetchError, match=r"^timed out \(more than 1.5 s in all\)$"):
                f.get(site.url(path))
            assert time.monotonic() - t < 4, path
        for _ in range(3):  # the next requests (a fresh connection, then one reused) are not cut short
            assert f.get(site.url("/a.xml")).status == 200
        time.sleep(1.6)  # past the deadlines of those requests: nothing fires on the pooled connection
        assert f.get(site.url("/a.xml")).status == 200
