"""A body compressed more than once (Content-Encoding "gzip, gzip", "deflate, gzip") was refused as "unsupported
compression 'gzip, gzip'" (session 33): each coding is decoded in turn, last first, within the size cap; a body
labelled twice and compressed once is decoded once; a coding we never ask for (br, zstd) or more than MAX_CODINGS
is refused in one line that names it, spelled out."""

from __future__ import annotations

import gzip
import zlib

import pytest

from feedserver import FAST, rss
from tui.sources import subscribe
from tui.sources.http import MAX_CODINGS, FetchError, Fetcher

DOC = rss([{"title": "Lock keeper's cottage for sale", "guid": "k1", "link": "/k/1", "date": "Thu, 03 Dec 2026 10:00:00 GMT"}])


def _route(site, path: str, coding: str, body: bytes) -> str:
    site.routes[path] = (200, {"Content-Encoding": coding, "Content-Type": "application/rss+xml"}, body)
    return site.url(path)


@pytest.mark.parametrize("coding, body", [
    ("gzip, gzip", gzip.compress(gzip.compress(DOC))),
    ("deflate, gzip", gzip.compress(zlib.compress(DOC))),
    ("gzip,deflate", zlib.compress(gzip.compress(DOC))),
    ("identity, gzip", gzip.compress(DOC)),
    ("GZIP, x-gzip, gzip", gzip.compress(gzip.compress(gzip.compress(DOC)))),
    ("gzip, gzip", gzip.compress(DOC)),  # labelled twice, compressed once: decoded once
], ids=["gzip-gzip", "deflate-gzip", "gzip-deflate", "identity-gzip", "three-gzips", "labelled-twice"])
def test_stacked_codings_are_decoded(site, coding, body):
    url = _route(site, "/lock.xml", coding, body)
    with Fetcher(FAST) as f:
        assert f.get(url).body == DOC  # (main: "unsupported compression 'gzip, gzip'")


def test_a_feed_compressed_twice_is_subscribed(lib, site):
    r = subscribe(lib, _route(site, "/twice.xml", "gzip, gzip", gzip.compress(gzip.compress(DOC))), limits=FAST)
    assert (r.status, r.new) == ("ok", 1), r.error


@pytest.mark.parametrize("coding, said", [
    ("br", "unsupported compression 'br' (gzip or deflate was asked for)"),
    ("gzip, zstd", "unsupported compression 'zstd' (gzip or deflate was asked for)"),
    ("x\x1b[2J", "unsupported compression 'x\\x1b[2j' (gzip or deflate was asked for)"),
    (", ".join(["gzip"] * (MAX_CODINGS + 1)), f"compressed {MAX_CODINGS + 1} times over (Content-Encoding), refused"),
], ids=["br", "gzip-zstd", "escape", "too-many"])
def test_what_cannot_be_decoded_is_refused_in_one_line(lib, site, coding, said):
    url = _route(site, "/odd.xml", coding, gzip.compress(DOC))
    with Fetcher(FAST) as f, pytest.raises(FetchError) as raised:
        f.get(url)
    assert str(raised.value) == said
    r = subscribe(lib, url, limits=FAST)
    assert r.status == "error" and said in r.error and "\n" not in r.error and "\x1b" not in r.error


def test_a_bomb_inside_a_second_compression_stops_at_the_cap(site):
    bomb = gzip.compress(gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9), compresslevel=9)
    assert len(bomb) < 1024 * 1024
    url = _route(site, "/bomb.xml", "gzip, gzip", bomb)
    with Fetcher(FAST) as f, pytest.raises(FetchError, match="decompressed, refused"):
        f.get(url)
