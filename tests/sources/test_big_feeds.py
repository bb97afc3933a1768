"""Feeds too big to take whole, against a real local server: the document is cut at a size, the items at a count (the
newest kept), a large document parses in a child process given a deadline; each cut is said in one line."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import time
from dataclasses import replace
from email.utils import formatdate

from command import newsreader_cmd
from feedserver import FAST, body_text, rss
from tui.child import wall_limit
from tui.sources import refresh, subscribe
from tui.sources.parse import FEED_ITEMS
from tui.store.feeds import feed_article_ids, get_feed

DAY = 86400.0
START = 1_700_000_000.0  # 2023-11-14: item i a day later than item i - 1, all in the past


def _dated(n: int, order: list[int] | None = None) -> list[dict]:
    """Items 0..n-1, item i dated i days after START (item n-1 is the newest), listed in `order` (default newest first)."""
    order = order if order is not None else list(range(n - 1, -1, -1))
    return [{"title": f"Ferry notice {i}", "guid": f"n{i}", "link": f"/n/{i}",
             "date": formatdate(START + i * DAY, usegmt=True), "body": body_text(i)} for i in order]


def test_a_feed_larger_than_the_cap_is_read_up_to_it_not_refused(lib, site):
    """25 MB of feed (the 20 MB cap on a response refused it whole: "response larger than 20 MB, refused", nothing
    stored, the feed failing every refresh): now its first 4 MB are read, the items whole in them stored, and the
    feed says it was cut."""
    items = _dated(2000)
    filler = "<p>" + "tide table and harbour dues " * 400 + "</p>"
    doc = rss([{**it, "body": f"{it['title']} {filler}"} for it in items])
    assert len(doc) > 20 * 1024 * 1024
    site.feed("/huge.xml", doc)
    limits = replace(FAST, total=60.0)
    r = subscribe(lib, site.url("/huge.xml"), limits=limits)
    assert r.status == "ok", r.error
    assert r.note == "cut: the feed is larger than 4 MB: only its first 4 MB were read"
    stored = [lib.get(i).title for i in feed_article_ids(lib, r.feed_id)]
    assert len(stored) == doc[:4 * 1024 * 1024].count(b"</item>") == 367  # ~11 KB an item: the whole ones of 4 MB
    assert set(stored) == {f"Ferry notice {i}" for i in range(1999, 1999 - len(stored), -1)}  # the first ones: newest
    assert get_feed(lib, r.feed_id).last_error == r.note and get_feed(lib, r.feed_id).last_status == "ok"


def test_more_items_than_the_cap_keeps_the_newest_and_says_so(lib, site):
    n = FEED_ITEMS + 150
    order = [(i * 7919) % n for i in range(n)]  # every item once, dates in no order
    site.feed("/many.xml", rss(_dated(n, order)), etag='"1"')
    r = subscribe(lib, site.url("/many.xml"), limits=FAST)
    assert r.status == "ok" and r.new == FEED_ITEMS
    assert r.note == f"cut: {FEED_ITEMS} of its {n} items kept, the newest"
    kept = {lib.get(i).title for i in feed_article_ids(lib, r.feed_id)}
    assert kept == {f"Ferry notice {i}" for i in range(n - FEED_ITEMS, n)}
    [again] = refresh(lib, limits=FAST)  # 304: the same document, cut as it was
    assert again.status == "not_modified" and again.note == r.note
    site.feed("/many.xml", rss(_dated(3)), etag='"2"')
    [small] = refresh(lib, limits=FAST)
    assert small.status == "ok" and small.note is None and get_feed(lib, r.feed_id).last_error is None


def test_a_document_that_parses_too_long_is_given_up_at_the_deadline_in_a_child(lib, site):
    """Dense markup (an element every 7 bytes, 2.2 MB: ~6 s of feedparser's CPU, 10 us an element) parses in a child
    process, killed at the deadline: the feed fails in one line, promptly, and no process is left behind. It parsed in
    a thread of the app's process (holding the interpreter, the app's screen) for as long as it took."""
    nested = "<b>" * 20_000 + "x" + "</b>" * 20_000
    doc = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Deep</title>'
           + "".join(f'<entry><title>E{i}</title><id>e{i}</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/'
                     f'xhtml">{nested}</div></content></entry>' for i in range(16)) + "</feed>").encode()
    assert 2 * 1024 * 1024 < len(doc) < 4 * 1024 * 1024
    site.feed("/deep.xml", doc, ctype="application/atom+xml")
    started = time.monotonic()
    r = subscribe(lib, site.url("/deep.xml"), limits=replace(FAST, parse=0.5))
    took = time.monotonic() - started
    assert r.status == "error" and r.error == "took more than 0.5 s of CPU to read (2.1 MB of markup); given up this time"
    assert took < wall_limit(0.5) + 4, took  # (the deadline is the child's CPU; the wall clock ends it there at most)
    assert multiprocessing.active_children() == []
    assert lib.count() == 0


def test_the_cut_is_said_by_refresh_and_feed_list(lib_path, site):
    n = FEED_ITEMS + 20
    site.feed("/many.xml", rss(_dated(n)))

    def run(*args):
        return subprocess.run(newsreader_cmd() + list(args), capture_output=True, text=True, timeout=120,
                              env=dict(os.environ))

    added = run("feed", "add", site.url("/many.xml"), "--timeout", "5")
    assert added.returncode == 0
    assert f"    cut: {FEED_ITEMS} of its {n} items kept, the newest" in added.stdout.splitlines()
    site.feed("/many.xml", rss(_dated(n + 1)))
    line = json.loads(run("refresh", "--json", "--timeout", "5").stdout)
    assert (line["status"], line["new"], line["note"]) == ("ok", 1, f"cut: {FEED_ITEMS} of its {n + 1} items kept, "
                                                                    "the newest")
    text = run("refresh", "--timeout", "5")
    assert f"0 new, 0 updated (cut: {FEED_ITEMS} of its {n + 1} items kept, the newest)" in text.stdout
    rows = run("feed", "list").stdout.splitlines()
    assert rows[2] == f"      cut: {FEED_ITEMS} of its {n + 1} items kept, the newest", rows
    [listed] = [json.loads(x) for x in run("feed", "list", "--json").stdout.splitlines()]
    assert listed["last_status"] == "ok" and listed["last_error"].startswith("cut: ")


def _teaser_feed(site, page_path: str) -> None:
    site.feed("/teasers.xml", rss([{"title": "Storm wall plan", "guid": "t1", "link": page_path,
                                    "body": "The council backs a storm wall."}]))


def _page(paragraphs: str) -> bytes:
    return ("<html><head><title>Storm wall plan</title></head><body><article><h1>Storm wall plan</h1>"
            + paragraphs + "</article></body></html>").encode()


def test_a_large_teaser_page_is_read_in_a_child_and_a_slow_one_given_up(lib, site):
    """An item's page (fetched for its full text) of 256 KB or more is extracted in a child process given the parse
    deadline: a page of 70,000 paragraphs (~1.2 MB, seconds of the extractor's CPU) held the refresh's thread of the
    app's process for all of them; now the item keeps its feed text at the deadline. A large page that reads in time
    gives its text as before."""
    real = "".join(f"<p>Paragraph {i} of the storm wall report: the harbour council weighed the cost of the wall, the "
                   f"ferry timetable and the quay repairs before the winter storms arrived.</p>" for i in range(1800))
    site.routes["/long.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, _page(real))
    assert len(_page(real)) > 256 * 1024
    _teaser_feed(site, "/long.html")
    r = subscribe(lib, site.url("/teasers.xml"), limits=replace(FAST, total=30.0, parse=60.0))
    assert r.status == "ok" and r.new == 1
    [article] = [lib.get(i) for i in feed_article_ids(lib, r.feed_id)]
    assert "Paragraph 1799 of the storm wall report" in article.body  # the page's text, read in a child

    site.routes["/slow.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, _page("<p>Quay words.</p>" * 70_000))
    site.feed("/teasers2.xml", rss([{"title": "Pier closed", "guid": "t2", "link": "/slow.html",
                                     "body": "The pier is closed for repairs."}], title="Quay Post"))
    started = time.monotonic()
    r = subscribe(lib, site.url("/teasers2.xml"), limits=replace(FAST, total=30.0, parse=0.5))
    took = time.monotonic() - started
    # given up at 0.5 s of the child's CPU (seconds of it to read whole), the wall clock ending it by wall_limit at most
    assert r.status == "ok" and r.new == 1 and took < wall_limit(0.5) + 4, took
    [article] = [lib.get(i) for i in feed_article_ids(lib, r.feed_id)]
    assert article.body == "The pier is closed for repairs."  # the feed's text: the page was given up
    assert multiprocessing.active_children() == []


def test_a_1_mb_title_author_or_feed_name_is_cut_and_its_categories_counted(lib, site, tmp_path):
    """A feed item's 1 MB title (or author, or the feed's name) was stored whole: `show`, `story` and the app printed a
    megabyte as a title; its 20,000 categories cost the RSS reader 10 s of CPU (each compared with every one before
    it) and were all stored. Now the title is cut at 1,000 characters, the outlet at 200, the byline at 300, with "…";
    50 tags at most; the body keeps its text. The same for a file `add` imports."""
    from tui.importers.dispatch import parse_bytes

    huge = "Quay " * 200_000
    doc = rss([{"title": huge, "guid": "h1", "body": body_text(5)}], title=huge.strip())
    doc = doc.replace(b"<item>", b"<item><author>" + huge.encode() + b"</author>"
                      + b"".join(b"<category>berth %d</category>" % i for i in range(20_000)))
    site.feed("/huge-fields.xml", doc)
    r = subscribe(lib, site.url("/huge-fields.xml"), limits=FAST)
    assert r.status == "ok" and r.new == 1
    [a] = [lib.get(i) for i in feed_article_ids(lib, r.feed_id)]
    assert len(a.title) == 1000 and a.title.endswith("Quay\u2026") and a.title.startswith("Quay Quay")
    assert len(a.source) <= 200 and a.source.endswith("\u2026") and len(get_feed(lib, r.feed_id).title) <= 200
    assert len(a.byline) <= 300 and a.tags == [f"berth {i}" for i in range(50)]
    assert a.body == body_text(5)
    md = f"---\ntitle: {huge}\nsource: {huge}\n---\n\n{body_text(9)}\n".encode()
    [item] = parse_bytes(md, "huge.md")
    assert len(item.article.title) == 1000 and len(item.article.source) == 200 and item.article.body == body_text(9)


def test_an_opml_list_of_more_than_10000_feeds_imports_the_first_10000_and_says_so(lib_path, tmp_path):
    """100,000 outlines (7.8 MB) were all subscribed: 41 s and 126 MB at import (a commit a feed), then a refresh asked
    100,000 servers. Now the first 10,000 are read, the rest said in one line; a 1 MB name is cut to 200 characters."""
    n = 10_050
    outlines = "".join(f'<outline type="rss" text="Quay feed {i}" xmlUrl="http://127.0.0.1:9/q{i}.xml"/>' for i in range(n))
    huge = '<outline type="rss" text="' + "Quay " * 200_000 + '" xmlUrl="http://127.0.0.1:9/huge.xml"/>'
    opml = tmp_path / "many.opml"
    opml.write_text(f'<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>Quays</title></head>'
                    f"<body>{huge}{outlines}</body></opml>")
    r = subprocess.run(newsreader_cmd() + ["feed", "import", str(opml)], capture_output=True, text=True, timeout=300,
                       env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines()[0] == f"{opml}: more than 10,000 feeds: the first 10,000 were read"
    assert r.stdout.startswith("imported 10000 feeds, 0 already subscribed, 0 skipped")
    listed = subprocess.run(newsreader_cmd() + ["feed", "list", "--json"], capture_output=True, text=True,
                            timeout=300, env=dict(os.environ)).stdout.splitlines()
    assert len(listed) == 10_000
    first = json.loads(listed[0])
    assert first["url"] == "http://127.0.0.1:9/huge.xml" and len(first["title"]) == 200
    assert json.loads(listed[-1])["title"] == "Quay feed 9998"


def test_a_gzip_bomb_of_a_feed_is_read_up_to_the_cap_its_items_kept(lib, site):
    """A feed whose gzip body (Content-Encoding) unpacks to 200 MB (three items, then blank space) was refused whole
    ("larger than 20 MB once decompressed"), at every refresh; now what the first 4 MB hold is read, in bounded memory."""
    import resource
    import zlib

    head = rss(_dated(3)).replace(b"</channel></rss>", b"")
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(head)]
    blank = b" " * (1 << 20)
    parts += [packer.compress(blank) for _ in range(200)]
    parts.append(packer.compress(b"</channel></rss>") + packer.flush())
    bomb = b"".join(parts)
    assert len(bomb) < 1024 * 1024
    site.routes["/bomb.xml"] = (200, {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}, bomb)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    r = subscribe(lib, site.url("/bomb.xml"), limits=FAST)
    assert r.status == "ok" and r.new == 3, r.error
    assert r.note == "cut: the feed is larger than 4 MB: only its first 4 MB were read"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: under 100 MB more


def test_many_categories_or_keywords_read_by_feedparser_are_bounded():
    """feedparser (Atom, or RSS it reads itself) compared each category of an item with every one before it: 10,000
    Atom categories (240 KB) cost 2.3 s of CPU and 36,000 iTunes keywords in one element (240 KB) 25 s, in the
    refresh's thread (a document under 256 KB is parsed there, not in a child given a deadline), or in `add`. Now it
    keeps the first 200 of an item (50 are stored): 0.3 s and 0.04 s, the same 50 tags. Counted in CPU seconds of a
    child process (the bound covers both documents and the imports)."""
    from cpu_bound import run_cpu_bounded

    run = run_cpu_bounded("""
        from tui.sources.parse import parse_feed_bytes
        cats = "".join(f'<category term="b{i}"/>' for i in range(10_000))
        atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Berths</title><entry>'
                '<title>Quay berths</title><id>b1</id><content type="text">The harbour board gave every berth a name '
                f'on Tuesday, its chair said.</content>{cats}</entry></feed>').encode()
        words = ",".join(f"q{i}" for i in range(36_000))
        podcast = ('<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">'
                   '<channel><title>Quay talk</title><item><title>Berths</title><guid>p1</guid><description>The '
                   'harbour board gave every berth a name on Tuesday, its chair said.</description><itunes:keywords>'
                   f'{words}</itunes:keywords></item></channel></rss>').encode()
        for doc in (atom, podcast):
            assert len(doc) < 256 * 1024
            [entry] = parse_feed_bytes(doc, "http://127.0.0.1:9/f.xml").entries
            print(entry.article.tags[0], entry.article.tags[-1], len(entry.article.tags))
        """, cpu_seconds=8, what="a feed of 10,000 categories and one of 36,000 keywords")
    assert run.stdout.splitlines() == ["b0 b49 50", "q0 q49 50"]
