"""HTTP(S) fetching for feeds and pages, safe against untrusted servers.

Built on urllib3: thread-safe connection pools (keep-alive reuse per host), separate connect and
read timeouts, streaming reads we can cap, and `HTTPResponse.shutdown()` to stop a read from
another thread (the total deadline). We follow redirects ourselves (only http/https, at most five,
loops refused) and decompress ourselves so a gzip bomb stops at the size cap instead of in memory.
"""

from __future__ import annotations

import email.utils
import functools
import heapq
import itertools
import re
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tui import __version__

USER_AGENT = f"newsreader/{__version__} (terminal feed reader)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
               "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT = {301, 308}


@dataclass
class Limits:
    """Timeouts (seconds) and size caps for one fetch. Tests use short ones."""

    connect: float = 10.0
    read: float = 20.0  # longest silence while waiting for headers or body bytes
    total: float = 60.0  # a whole fetch, redirects included (a trickling server is cut here)
    max_bytes: int = 20 * 1024 * 1024  # both on the wire and after decompression
    max_redirects: int = 5
    # A feed document is read up to this many bytes (after decompression) and cut there: what it holds past them is
    # left out (feedparser costs ~20 us an element: a 20 MB feed was 1-2 minutes of CPU). Pages are not cut.
    feed_bytes: int = 4 * 1024 * 1024
    parse: float = 20.0  # seconds a large feed document may take to parse (in a child process) before it is given up


@dataclass
class Response:
    """A fetched resource: 200 with a body, or 304 (not modified, empty body)."""

    url: str  # the URL finally fetched (after redirects)
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    permanent_url: str | None = None  # where the resource now lives when the redirects were permanent
    cut: bool = False  # the body is the first `cut_at` bytes of a longer one (`get(..., cut_at=N)`)

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("" when absent)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class FetchError(Exception):
    """A fetch that failed, with a one-line reason; `retry_after` (seconds) when the server set one."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


# What no URL holds unescaped: spaces and C0 controls, DEL, the C1 controls (U+009B is an 8-bit CSI to a terminal) and
# the invisible format characters (bidi embeddings, overrides, isolates and marks, zero-width spaces and joiners, the
# line and paragraph separators) that make a URL read as another one (RFC 3987 bars the bidi ones from IRIs). A feed
# stored under such a URL (typed, or where a redirect moved it) carried them to `feed export` and every list.
_NOT_IN_URL = re.compile("[\x00-\x20\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def check_url(url: str) -> str:
    """The URL if it is an http(s) URL with a host; FetchError otherwise (file:, ftp:, javascript: ...)."""
    if not isinstance(url, str) or _NOT_IN_URL.search(url):
        raise FetchError("not a valid URL (spaces or control characters)")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise FetchError("not a valid URL") from None
    if not parts.scheme:  # "example.org/feed.xml": it said "..., not a relative URL:", the colon left dangling
        raise FetchError("not a full URL: it needs http:// or https:// in front")
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme}:")
    if not parts.hostname:
        raise FetchError("URL has no host")
    return url


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²" is a digit to str.isdigit, not to float()
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Fetcher:
    """One connection pool shared by every thread of a refresh. Use as a context manager."""

    def __init__(self, limits: Limits | None = None, *, per_host: int = 2, user_agent: str = USER_AGENT):
        import urllib3

        self.limits = limits or Limits()
        self.user_agent = user_agent
        self.per_host = max(1, per_host)
        # maxsize keeps that many idle connections per host for reuse; the per-host cap on requests in
        # flight is ours (`host_slot`), so a waiting request never holds a worker on urllib3's queue.
        self.pool = urllib3.PoolManager(num_pools=64, maxsize=self.per_host, block=False, retries=False)
        self.pool.pool_classes_by_scheme = dict(_pool_classes())  # connections that say which one a thread asks on
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self._watchdog = Watchdog()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection and stop the deadline watcher."""
        self._watchdog.close()
        self.pool.clear()

    def host_slot(self, url: str) -> threading.BoundedSemaphore:
        """The semaphore capping requests in flight to the host (and port) of `url`."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.hostname}:{parts.port or ''}"
        with self._lock:
            slot = self._slots.get(key)
            if slot is None:
                slot = self._slots[key] = threading.BoundedSemaphore(self.per_host)
            return slot

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = FEED_ACCEPT, cut_at: int | None = None) -> Response:
        """GET `url`, following up to `max_redirects` http(s) redirects; conditional when given validators.

        Returns a 200 or 304 Response; raises FetchError with a one-line reason for anything else. With `cut_at`, a
        body longer than that (after decompression) is read up to it and returned cut (`Response.cut`), not refused.
        """
        limits = self.limits
        deadline = time.monotonic() + limits.total
        check_url(url)
        seen = {url}
        permanent: str | None = None
        all_permanent = True
        current = url
        for _hop in range(limits.max_redirects + 1):
            headers = {"User-Agent": self.user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, resp_headers, body, cut = self._one(current, headers, deadline, cut_at)
            if status in REDIRECTS and resp_headers.get("location"):
                try:
                    # (urljoin itself raises ValueError on a host it cannot read: "http://[::1", "http://[zz]/")
                    target = check_url(urljoin(current, _header_text(resp_headers["location"].strip())))
                except ValueError:
                    raise FetchError("redirected to a refused URL (not a valid URL)", status) from None
                except FetchError as exc:
                    raise FetchError(f"redirected to a refused URL ({exc})", status) from None
                if target in seen:
                    raise FetchError("redirect loop", status)
                seen.add(target)
                all_permanent = all_permanent and status in PERMANENT
                if all_permanent:
                    permanent = target
                current = target
                continue
            if status == 304 and not (etag or last_modified):
                # "not modified" since a copy this request did not name: there is nothing to read (a refresh of a feed
                # without validators took it for "unchanged" every time, and `feed add` said "not a feed")
                raise FetchError("HTTP 304 Not Modified, though no earlier copy was asked about: nothing to read", status)
            if status in (200, 203) or status == 304:
                return Response(current, 304 if status == 304 else 200, body, resp_headers, permanent, cut)
            raise FetchError(_status_reason(status), status,
                             retry_after_seconds(resp_headers.get("retry-after")) if status in (429, 503) else None)
        raise FetchError(f"more than {limits.max_redirects} redirects")

    def _one(self, url: str, headers: dict, deadline: float, cut_at: int | None = None) -> tuple[int, dict, bytes, bool]:
        import urllib3

        limits = self.limits
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"timed out (more than {limits.total:g} s in all)")
        timeout = urllib3.Timeout(connect=min(limits.connect, left), read=min(limits.read, left))
        with self.host_slot(url):
            # The deadline stops the wait for the status line and headers too: a server sending them a byte at a time,
            # each under the read timeout, held a fetch for as long as it liked (a `refresh --timeout 5` ran on).
            asking = _Asking()
            _asking.now = asking
            ticket = self._watchdog.watch(asking, deadline)
            try:
                resp = self.pool.request("GET", url, headers=headers, redirect=False, retries=False,
                                         preload_content=False, decode_content=False, timeout=timeout)
            except urllib3.exceptions.HTTPError as exc:
                if time.monotonic() >= deadline:
                    raise FetchError(f"timed out (more than {limits.total:g} s in all)") from None
                raise FetchError(_network_reason(exc, limits)) from None
            finally:
                asking.finish()
                self._watchdog.cancel(ticket)
                _asking.now = None
            # A server that trickles bytes slower than the read timeout notices: stop at the deadline.
            watch = self._watchdog.watch(resp, deadline)
            try:
                resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status != 200 and resp.status != 203:
                    length = resp_headers.get("content-length", "")
                    if resp.status == 304 or (resp.status in REDIRECTS and length.isascii() and length.isdigit() and int(length) < 65536):
                        resp.drain_conn()  # small or empty: read it so the connection is reused
                    else:
                        resp.close()  # an error page of any size: not worth reading
                    return resp.status, resp_headers, b"", False
                body, cut = self._read_body(resp, resp_headers.get("content-encoding", ""), deadline, cut_at)
                return resp.status, resp_headers, body, cut
            except urllib3.exceptions.HTTPError as exc:
                if time.monotonic() >= deadline:
                    raise FetchError(f"timed out (more than {limits.total:g} s in all)") from None
                raise FetchError(_network_reason(exc, limits)) from None
            finally:
                self._watchdog.cancel(watch)
                resp.release_conn()

    def _read_body(self, resp, encoding: str, deadline: float, cut_at: int | None = None) -> tuple[bytes, bool]:
        """The body, and whether it was cut at `cut_at` bytes (decompressed) rather than read whole."""
        limits = self.limits
        cap = limits.max_bytes
        if cut_at is not None and cut_at >= cap:
            cut_at = None  # the cap refuses first
        length = resp.headers.get("content-length", "")
        if cut_at is None and length.isascii() and length.isdigit() and int(length) > cap:
            resp.close()
            raise FetchError(f"response larger than {cap // (1024 * 1024)} MB, refused")
        decoder = _decoder(encoding.strip().lower(), cap)
        raw = 0
        parts: list[bytes] = []
        size = 0
        for chunk in resp.stream(64 * 1024, decode_content=False):
            raw += len(chunk)
            if raw > cap:
                resp.close()
                raise FetchError(f"response larger than {cap // (1024 * 1024)} MB, refused")
            room = (cap if cut_at is None else cut_at) - size
            if decoder is not None:
                try:
                    chunk = decoder.decompress(chunk, room + 1)
                except zlib.error:
                    resp.close()
                    raise FetchError("corrupt compressed response") from None
                if (len(chunk) > room or decoder.unconsumed_tail) and cut_at is None:
                    resp.close()
                    raise FetchError(f"response larger than {cap // (1024 * 1024)} MB once decompressed, refused")
            if cut_at is not None and (len(chunk) > room or (decoder is not None and decoder.unconsumed_tail)):
                parts.append(chunk[:room])  # the rest is left unread: the connection is closed, not reused
                resp.close()
                return b"".join(parts), True
            size += len(chunk)
            parts.append(chunk)
            if time.monotonic() > deadline:
                resp.close()
                raise FetchError(f"timed out (more than {limits.total:g} s in all)")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out (more than {limits.total:g} s in all)")
        return b"".join(parts), False


class Watchdog:
    """One thread for every fetch of a Fetcher that stops a read still running at its deadline.

    (A `threading.Timer` per request started and joined a thread for each of them: 300 feeds, 300 threads.)
    The thread starts with the first request and ends at `close()`.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int]] = []  # (deadline, ticket), earliest first
        self._watched: dict[int, object] = {}  # ticket -> response still being read
        self._tickets = itertools.count()
        self._thread: threading.Thread | None = None
        self._closed = False

    def watch(self, resp, deadline: float) -> int:
        """Stop `resp` (`resp.shutdown()`) if it is still watched at `deadline` (time.monotonic()); a ticket."""
        with self._cond:
            ticket = next(self._tickets)
            self._watched[ticket] = resp
            heapq.heappush(self._heap, (deadline, ticket))
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="newsreader-fetch-deadlines", daemon=True)
                self._thread.start()
            self._cond.notify()
        return ticket

    def cancel(self, ticket: int) -> None:
        """The read ended in time: forget it."""
        with self._cond:
            self._watched.pop(ticket, None)

    def close(self) -> None:
        """End the thread (reads still watched are left alone)."""
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(2.0)

    def _run(self) -> None:
        while True:
            with self._cond:
                late = None
                while late is None and not self._closed:
                    while self._heap and self._heap[0][1] not in self._watched:
                        heapq.heappop(self._heap)  # finished in time
                    if not self._heap:
                        self._cond.wait()
                        continue
                    deadline, ticket = self._heap[0]
                    left = deadline - time.monotonic()
                    if left > 0:
                        self._cond.wait(left)
                        continue
                    heapq.heappop(self._heap)
                    late = self._watched.pop(ticket)
                if self._closed:
                    return
            _shutdown(late)  # outside the lock: it closes a socket


_asking = threading.local()  # .now: the _Asking of the request this thread is making


class _Asking:
    """A request waiting for its answer's status line and headers, for the Watchdog: `shutdown()` at the deadline stops
    the read of the connection it is made on (as urllib3's HTTPResponse.shutdown stops a body's), never once the
    request has its answer (`finish()`), so a connection back in the pool is never touched."""

    def __init__(self) -> None:
        self.conn = None  # set by the connection the request is sent on (_pool_classes)
        self._lock = threading.Lock()
        self._done = False

    def finish(self) -> None:
        with self._lock:
            self._done = True

    def shutdown(self) -> None:
        import socket

        with self._lock:
            sock = getattr(self.conn, "sock", None)
            if not self._done and sock is not None:
                sock.shutdown(socket.SHUT_RD)


@functools.lru_cache(maxsize=None)
def _pool_classes() -> dict:
    """urllib3's pools for http and https, whose connections tell the thread's _Asking that a request goes on them."""
    import urllib3
    from urllib3.connection import HTTPConnection, HTTPSConnection

    class Noted:
        def request(self, *args, **kwargs):
            asking = getattr(_asking, "now", None)
            if asking is not None:
                asking.conn = self
            return super().request(*args, **kwargs)

    class Connection(Noted, HTTPConnection):
        pass

    class SecureConnection(Noted, HTTPSConnection):
        pass

    class Pool(urllib3.HTTPConnectionPool):
        ConnectionCls = Connection

    class SecurePool(urllib3.HTTPSConnectionPool):
        ConnectionCls = SecureConnection

    return {"http": Pool, "https": SecurePool}


def _shutdown(resp) -> None:
    """Stop a read blocked in another thread (the total deadline passed)."""
    try:
        resp.shutdown()
    except Exception:  # already finished or released: nothing to stop
        pass


def _header_text(value: str) -> str:
    """A header's value as the server meant it: http.client reads header bytes as Latin-1, so a Location of UTF-8
    bytes ("/café.xml") came out as "/cafÃ©.xml" (a request for another path, or a C1 control from the bytes
    0x80-0x9F); what is not UTF-8 stays as read."""
    if value.isascii():
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


MAX_CODINGS = 3  # compressions of one body (Content-Encoding "gzip, gzip") decoded at most


def _decoder(encoding: str, cap: int = 20 * 1024 * 1024):
    """A decompressor for a Content-Encoding (None: none): gzip or deflate, or several applied in turn ("gzip, gzip",
    "deflate, gzip": decoded last first; a stacked one was refused as "unsupported compression 'gzip, gzip'"). A coding
    we did not ask for (br, zstd, compress) is refused in one line naming it, as are more than MAX_CODINGS."""
    codings = [c.strip() for c in encoding.split(",") if c.strip() not in ("", "identity")]
    if not codings:
        return None
    for coding in codings:
        if coding not in ("gzip", "x-gzip", "deflate"):
            from tui.textsafe import visible

            raise FetchError(f"unsupported compression '{visible(coding[:20])}' (gzip or deflate was asked for)")
    if len(codings) > MAX_CODINGS:
        raise FetchError(f"compressed {len(codings)} times over (Content-Encoding), refused")
    if len(codings) == 1:
        return _one_decoder(codings[0])
    return _Stacked([_one_decoder(c) for c in reversed(codings)], cap)


def _one_decoder(coding: str):
    if coding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib-wrapped (what the RFC says); auto-detects gzip too
    return zlib.decompressobj(16 + zlib.MAX_WBITS)


class _Stacked:
    """Decompressors applied in turn, with a decompressobj's `decompress(data, max_length)` and `unconsumed_tail` (the
    last one's: what _read_body cuts or refuses at). A layer between them that grows past `cap` is refused as a bomb
    (zlib.error: "corrupt compressed response" would be wrong, so FetchError). A layer whose data does not begin as
    compressed data does (a server that labels a body gzip twice and compressed it once) is passed through as it is:
    what can be decoded is."""

    def __init__(self, layers: list, cap: int) -> None:
        self.layers = layers  # (outermost compression first: the order of decoding)
        self.cap = cap
        self.plain = [False] * len(layers)  # a layer found not compressed
        self.head = [b""] * len(layers)  # a layer's first bytes, until there are two to look at
        self.unconsumed_tail = b""

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        last = len(self.layers) - 1
        for i, layer in enumerate(self.layers):
            if i and not self.plain[i] and self.head[i] is not None:
                data = self.head[i] + data
                if len(data) < 2:
                    self.head[i] = data
                    return b""
                self.head[i] = None
                self.plain[i] = not _looks_compressed(data)
            if self.plain[i]:
                continue
            if i == last:
                data = layer.decompress(data, max_length) if max_length else layer.decompress(data)
                self.unconsumed_tail = layer.unconsumed_tail
            else:
                data = layer.decompress(data, self.cap + 1)
                if len(data) > self.cap or layer.unconsumed_tail:
                    raise FetchError(f"response larger than {self.cap // (1024 * 1024)} MB once decompressed, refused")
        return data


def _looks_compressed(data: bytes) -> bool:
    """gzip's magic number, or a zlib header (deflate, as the RFC says)."""
    return data[:2] == b"\x1f\x8b" or (data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0)


def _status_reason(status: int) -> str:
    from http import HTTPStatus

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "unexpected status"
    return f"HTTP {status} {phrase}"


def _network_reason(exc: Exception, limits: Limits | None = None) -> str:
    """A network failure in words; a timeout with the seconds it allowed ("timed out waiting for the server: nothing
    in 20 s"), which a slow server's refresh line did not say."""
    import urllib3

    # (NewConnectionError is a subclass of ConnectTimeoutError in urllib3 2: test it first.)
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "host not found (offline?)"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "could not connect (offline, or the server is down)"
    if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
        return "timed out connecting" + (f": no connection in {limits.connect:g} s" if limits else "")
    if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
        return "timed out waiting for the server" + (f": nothing in {limits.read:g} s" if limits else "")
    if isinstance(exc, urllib3.exceptions.SSLError):
        return "TLS/certificate error"
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return "connection broken: " + _broken(exc)
    return " ".join(str(exc).split())[:100] or type(exc).__name__


def _broken(exc) -> str:
    """What broke a connection, in words. urllib3's ProtocolError holds its message and the cause as a tuple, whose
    text was shown cut at 80 characters: "connection broken (('Connection aborted.', RemoteDisconnected('Remote end
    closed connection without)"."""
    import http.client

    for cause in (exc, *exc.args):
        if isinstance(cause, http.client.RemoteDisconnected):
            return "the server closed it without answering"
        if isinstance(cause, ConnectionResetError):
            return "reset by the server"
        if isinstance(cause, http.client.IncompleteRead):
            return "the server's answer was cut off"
        if isinstance(cause, BrokenPipeError):
            return "closed by the server while sending"
        if isinstance(cause, http.client.LineTooLong):  # (a subclass of HTTPException: first)
            # "header line", "status line", "chunk size", "trailer line": longer than http.client's 64 KB
            what = str(cause).rpartition("when reading ")[2] or "line"  # "got more than 65536 bytes when reading X"
            return f"the server sent a {what} longer than 64 KB"
        if isinstance(cause, http.client.HTTPException) and str(cause).startswith("got more than"):
            return "the server sent too many headers (more than 100)"
    words = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return " ".join(words.split()).rstrip(".")[:80] or type(exc).__name__
