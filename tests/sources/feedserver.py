"""A real HTTP server on 127.0.0.1 (random port) for the sources tests and bench, and feed writers.

Every text served here is written for these tests.
"""

from __future__ import annotations

import threading
import zlib
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tui.sources.http import Limits

FAST = Limits(connect=2.0, read=1.0, total=3.0)  # short enough that a stalling server costs a second

_WORDS = ("the harbour council met on a wet morning to weigh the ferry timetable while traders on the quay "
          "counted crates of pears and the mayor promised a new pier before the winter storms arrived").split()


def body_text(seed: int, words: int = 120) -> str:
    """A paragraph-ish text of about `words` words, different for every seed."""
    out = [f"Report {seed}:"]
    i = seed
    while len(out) < words:
        out.append(_WORDS[i % len(_WORDS)])
        i = i * 7 + 3
    return " ".join(out) + "."


def rss(items: list[dict], title: str = "Harbour Gazette", link: str = "http://example.invalid/") -> bytes:
    """An RSS 2.0 document; each item dict has title, and optionally guid, link, body, date."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
             f"<link>{link}</link><description>test feed</description>"]
    for it in items:
        parts.append("<item>")
        parts.append(f"<title>{it['title']}</title>")
        if it.get("guid"):
            parts.append(f"<guid isPermaLink=\"false\">{it['guid']}</guid>")
        if it.get("link"):
            parts.append(f"<link>{it['link']}</link>")
        parts.append(f"<pubDate>{it.get('date', 'Tue, 01 Dec 2026 08:00:00 GMT')}</pubDate>")
        parts.append(f"<description><![CDATA[<p>{it.get('body') or body_text(zlib.crc32(it['title'].encode()) % 997)}</p>]]></description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client hanging up early is what some tests do
        pass


class Site:
    """Routes path -> handler(request) returning (status, headers, body) or None (handler wrote itself)."""

    def __init__(self):
        self.routes: dict = {}
        self.hits: Counter = Counter()
        self.headers: dict[str, list] = {}
        self.stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                path = self.path
                site.hits[path] += 1
                site.headers.setdefault(path, []).append(dict(self.headers))
                route = site.routes.get(path.split("?")[0])
                if route is None:
                    self.reply(404, {}, b"not here")
                    return
                if not callable(route):
                    status, headers, body = route
                    self.reply(status, headers, body)
                    return
                answer = route(self)
                if answer is not None:
                    self.reply(*answer)

            def reply(self, status, headers, body):
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base + path

    def feed(self, path: str, body: bytes, *, etag: str | None = None, modified: float | None = None,
             ctype: str = "application/rss+xml") -> None:
        """Serve a document that answers conditional GETs (ETag and/or Last-Modified) with 304."""
        stamp = formatdate(modified, usegmt=True) if modified is not None else None

        def handler(req):
            if etag and req.headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            if stamp and not etag and req.headers.get("If-Modified-Since") == stamp:
                return 304, {"Last-Modified": stamp}, b""
            headers = {"Content-Type": ctype}
            if etag:
                headers["ETag"] = etag
            if stamp:
                headers["Last-Modified"] = stamp
            return 200, headers, body

        self.routes[path] = handler

    def close(self) -> None:
        """Stop serving; stalled handlers are released."""
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
