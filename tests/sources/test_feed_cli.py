"""`newsreader feed ...` and `refresh` through the installed command, against a local server."""

from __future__ import annotations

import json
import os
import subprocess

from command import newsreader_cmd
from feedserver import rss


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(newsreader_cmd() + list(args), capture_output=True, text=True, timeout=120,
                          env=dict(os.environ))


def _items(n, prefix="Item"):
    return [{"title": f"{prefix} {i}", "guid": f"{prefix}-{i}"} for i in range(n)]


def test_feed_add_list_refresh_remove(lib_path, site):
    site.feed("/a.xml", rss(_items(3), title="Alpha News"), etag='"1"')
    site.feed("/b.xml", rss(_items(2, "Beta"), title="Beta \x1b[31mDaily"))
    r = run("feed", "add", site.url("/a.xml"), site.url("/b.xml"), "file:///etc/passwd", "--timeout", "3")
    assert r.returncode == 0
    assert "Alpha News  3 items" in r.stdout and "\x1b" not in r.stdout
    assert r.stderr.strip() == "newsreader: error: file:///etc/passwd: only http and https URLs are fetched, not file:"
    listed = [json.loads(line) for line in run("feed", "list", "--json").stdout.splitlines()]
    assert [(f["title"], f["unread"], f["total"], f["last_status"]) for f in listed] == [
        ("Alpha News", 3, 3, "ok"), ("Beta Daily", 2, 2, "ok")]  # the escape sequence never stored
    assert "Alpha News" in run("feed", "list").stdout

    site.routes["/b.xml"] = (500, {}, b"")
    r = run("refresh", "--json", "--timeout", "3")
    lines = {json.loads(x)["feed"]: json.loads(x) for x in r.stdout.splitlines()}
    assert r.returncode == 1
    assert lines[site.url("/a.xml")]["status"] == "not_modified"
    assert lines[site.url("/b.xml")]["status"] == "error" and lines[site.url("/b.xml")]["error"].startswith("HTTP 500")
    assert set(lines[site.url("/a.xml")]) >= {"feed", "status", "new", "updated", "error"}
    r = run("refresh", "1", "--json")  # only the healthy feed: exit 0
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1

    assert run("feed", "remove", site.url("/b.xml")).returncode == 0
    r = run("feed", "remove", "1", "--keep-articles")
    assert r.returncode == 0 and "articles kept" in r.stdout
    assert len(run("list", "--json").stdout.splitlines()) == 3  # Beta's went with it, Alpha's were kept
    assert run("feed", "remove", "99").returncode == 1


def test_feed_add_fails_with_one_line_each(lib_path, site):
    site.routes["/bad"] = (404, {}, b"")
    r = run("feed", "add", site.url("/bad"), "not a url")
    assert r.returncode == 1
    # (the shape of every command's error line: cli28)
    assert r.stderr.splitlines() == [f"newsreader: error: {site.url('/bad')}: HTTP 404 Not Found",
                                     "newsreader: error: not a url: not a valid URL (spaces or control characters)"]


OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Tech"><outline text="Gadgets" type="rss" xmlUrl="http://a.invalid/gadgets.xml"/>
    <outline text="Chips" type="rss" xmlUrl="http://a.invalid/chips.xml" category="/Hardware,/Weekly"/></outline>
  <outline text="Loose" type="rss" xmlUrl="https://b.invalid/feed"/>
  <outline text="Bad" type="rss" xmlUrl="ftp://c.invalid/feed"/>
</body></opml>"""


def test_opml_round_trip(lib_path, tmp_path):
    src = tmp_path / "in.opml"
    src.write_bytes(OPML)
    r = run("feed", "import", str(src))
    assert r.returncode == 0 and "imported 3 feeds" in r.stdout and "ftp://" in r.stderr
    first = [json.loads(x) for x in run("feed", "list", "--json").stdout.splitlines()]
    assert {f["url"]: f["tags"] for f in first} == {
        "http://a.invalid/gadgets.xml": ["Tech"], "http://a.invalid/chips.xml": ["Tech", "Hardware", "Weekly"],
        "https://b.invalid/feed": []}
    out = tmp_path / "out.opml"
    exported = run("feed", "export", "-o", str(out))
    assert exported.returncode == 0 and exported.stdout == f"wrote 3 feeds to {out}\n"  # it said nothing
    assert out.read_text().startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    other = tmp_path / "other.db"
    assert run("--db", str(other), "feed", "import", str(out)).returncode == 0
    second = [json.loads(x) for x in run("--db", str(other), "feed", "list", "--json").stdout.splitlines()]
    assert sorted((f["url"], f["title"], sorted(f["tags"])) for f in second) == \
        sorted((f["url"], f["title"], sorted(f["tags"])) for f in first)
    again = run("feed", "import", str(out))
    assert again.stdout == "imported 0 feeds, 3 already subscribed, 0 skipped\n"  # no "(run refresh to fetch)"


def test_opml_refuses_entities_and_junk(lib_path, tmp_path):
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "xxxxxxxx">]><opml><body></body></opml>')
    junk = tmp_path / "junk.opml"
    junk.write_text("<html>not opml")
    for path, why in ((bomb, "entities"), (junk, "not valid XML")):
        r = run("feed", "import", str(path))
        assert r.returncode == 1 and why in r.stderr and len(r.stderr.splitlines()) == 1


def test_opml_files_that_are_not_there_are_said_as_add_and_summary_say_it(lib_path, tmp_path):
    """`feed import missing.opml` said "No such file or directory" (the system's capital) where `add` and `summary`
    say "missing.txt: no such file or directory"; `feed export -o` into a missing folder the same."""
    missing = tmp_path / "missing.opml"
    r = run("feed", "import", str(missing))
    assert r.returncode == 1 and r.stderr == f"newsreader: error: {missing}: no such file or directory\n", r.stderr
    r = run("feed", "export", "-o", str(tmp_path / "gone" / "feeds.opml"))
    assert r.returncode == 1 and r.stderr.endswith("feeds.opml: no such file or directory\n"), r.stderr
    assert run("summary", str(tmp_path / "missing.txt")).stderr.endswith("missing.txt: no such file or directory\n")


def test_opml_nested_thousands_deep_is_read_without_crashing(lib_path, tmp_path):
    from tui.sources.opml import parse_opml

    depth = 5000
    doc = ('<opml version="2.0"><body>' + '<outline text="f">' * depth +
           '<outline text="Deep" xmlUrl="http://d.invalid/feed"/>' + "</outline>" * depth +
           '<outline text="Top" xmlUrl="http://t.invalid/feed"/></body></opml>')
    assert [f.url for f in parse_opml(doc.encode())] == ["http://t.invalid/feed"]  # the deep one is past MAX_DEPTH
    path = tmp_path / "deep.opml"
    path.write_text(doc)
    r = run("feed", "import", str(path))
    assert r.returncode == 0 and "imported 1 feed," in r.stdout
    assert r.stderr.splitlines() == [f"{path}: outlines nested more than 64 deep were skipped"]  # said, once


def test_a_feed_waiting_out_its_back_off_is_not_fetched_and_not_a_failure(lib_path, site):
    site.feed("/a.xml", rss(_items(2), title="Alpha News"), etag='"1"')
    site.feed("/b.xml", rss(_items(1, "Beta"), title="Beta Daily"))
    assert run("feed", "add", site.url("/a.xml"), site.url("/b.xml")).returncode == 0
    site.routes["/b.xml"] = (500, {}, b"")
    for _ in range(2):  # two failures in a row: the feed backs off
        assert run("refresh", "--timeout", "3").returncode == 1
    hits = site.hits["/b.xml"]
    r = run("refresh", "--json", "--timeout", "3")
    lines = {json.loads(x)["feed"]: json.loads(x) for x in r.stdout.splitlines()}
    waiting = lines[site.url("/b.xml")]
    assert r.returncode == 0 and site.hits["/b.xml"] == hits  # not asked again, and nothing failed now
    assert (waiting["status"], waiting["error"], waiting["new"]) == ("not_modified", None, 0)
    assert waiting["skipped"].startswith("backing off after 2 failures; next try after ")
    assert "HTTP 500" in waiting["skipped"] and lines[site.url("/a.xml")]["skipped"] is None
    r = run("refresh", "--timeout", "3")
    assert r.returncode == 0
    assert "Beta Daily: not fetched: backing off after 2 failures" in r.stderr
    assert "0 failed, 1 waiting (not fetched)" in r.stderr.splitlines()[-1]
    r = run("refresh", "2", "--timeout", "3")  # named: tried anyway, and it fails
    assert r.returncode == 1 and site.hits["/b.xml"] == hits + 1


def test_watch_list_shows_a_path_with_a_newline_on_one_line(lib_path, tmp_path):
    folder = tmp_path / "in\nbox\x1b[2J"
    folder.mkdir()
    assert run("watch", "add", str(folder)).returncode == 0
    r = run("watch", "list")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1, r.stdout
    assert "in\\nbox\\x1b[2J" in r.stdout and "\x1b" not in r.stdout


def test_watch_scan_says_how_many_files_were_unchanged(lib_path, tmp_path):
    """A second scan said "imported 0 new, 0 updated articles from 0 files", as if the folder were empty."""
    folder = tmp_path / "drop"
    folder.mkdir()
    for n in range(2):
        (folder / f"note-{n}.md").write_text(f"# Quay note {n}\n\nThe harbour board met on the quay again, note {n}, "
                                             "about the lights and the old pier.\n")
    first = run("watch", "add", str(folder))
    assert first.returncode == 0 and "imported 2 new, 0 updated articles from 2 new or changed files" in first.stderr
    again = run("watch", "scan")
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip() == "imported 0 new, 0 updated articles from 0 new or changed files (2 unchanged)"


def test_watch_scan_counts_a_copy_as_a_duplicate(lib_path, tmp_path):
    """A copy of a file under another name (its text stored already) was one of the "new or changed files" and said
    nowhere: "imported 0 new, 0 updated articles from 1 new or changed file". It is counted as a duplicate, as `add`
    names one; a copy made in the same scan too."""
    import shutil

    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "quay.md").write_text("# Quay lights\n\nThe harbour board met on the quay about the lights and the old "
                                    "pier, and agreed to mend both before winter.\n")
    assert run("watch", "add", str(folder)).returncode == 0
    shutil.copy(folder / "quay.md", folder / "quay copy.md")
    r = run("watch", "scan")
    assert r.returncode == 0 and r.stderr.strip() == ("imported 0 new, 0 updated articles, 1 duplicate (already in the "
                                                      "library) from 1 new or changed file (1 unchanged)"), r.stderr
    (folder / "pier.md").write_text("# Pier shut\n\nThe old pier was shut on Monday after a storm loosened its "
                                    "boards, the harbour board said.\n")
    shutil.copy(folder / "pier.md", folder / "pier again.md")
    r = run("watch", "scan")
    assert r.returncode == 0 and r.stderr.strip() == ("imported 1 new, 0 updated article, 1 duplicate (already in the "
                                                      "library) from 2 new or changed files (2 unchanged)"), r.stderr
    assert len(run("list", "--json").stdout.splitlines()) == 2


def test_nothing_to_refresh_or_scan_says_how_to_add_some(lib_path):
    """With no feed and no watched folder, `refresh` said "refreshed 0 feeds: 0 new, 0 updated, 0 failed", `watch list`
    printed nothing and `watch scan` "imported 0 new, 0 updated articles from 0 files"."""
    r = run("refresh")
    assert r.returncode == 0 and r.stderr.strip() == "no feeds to refresh (add one with: newsreader feed add URL)"
    for args in (("watch", "list"), ("watch", "scan")):
        r = run(*args)
        assert r.returncode == 0 and r.stdout == "", args
        assert r.stderr.strip() == "no watched folders (add one with: newsreader watch add DIR)", (args, r.stderr)


def test_a_feed_item_the_library_already_holds_is_counted_where_feed_list_counts_it(lib_path, site, tmp_path):
    """An item whose text the library held (an article `add` stored) is the feed's too: `feed list` counted it (1/1)
    where `feed add` said "0 items" and `refresh` "0 new". Both now say it: "1 item, 1 already in the library"."""
    from feedserver import body_text

    held, later = body_text(11), body_text(12)
    for name, text in (("held.txt", held), ("later.txt", later)):
        (tmp_path / name).write_text(f"Quay story {name}\n\n{text}\n", encoding="utf-8")
    assert run("add", str(tmp_path / "held.txt")).returncode == 0
    site.feed("/q.xml", rss([{"title": "Quay news", "guid": "q-1", "body": held}], title="Quay Post"))
    r = run("feed", "add", site.url("/q.xml"), "--timeout", "3")
    assert r.returncode == 0 and "Quay Post  1 item, 1 already in the library  (" in r.stdout, r.stdout
    listed = json.loads(run("feed", "list", "--json").stdout)
    assert (listed["unread"], listed["total"]) == (1, 1)
    assert " 1/1 " in run("feed", "list").stdout

    assert run("add", str(tmp_path / "later.txt")).returncode == 0
    site.feed("/q.xml", rss([{"title": "Quay news", "guid": "q-1", "body": held},
                             {"title": "Quay later", "guid": "q-2", "body": later},
                             {"title": "Quay new", "guid": "q-3"}], title="Quay Post"))
    r = run("refresh", "--timeout", "3")
    assert "Quay Post: 1 new, 1 already in the library, 0 updated" in r.stdout, r
    assert r.stderr.splitlines()[-1] == "refreshed 1 feed: 1 new, 1 already in the library, 0 updated, 0 failed"
    listed = json.loads(run("feed", "list", "--json").stdout)
    assert (listed["unread"], listed["total"]) == (3, 3)  # 1 + 1 new + 1 already in the library
    site.feed("/q.xml", rss([{"title": "Quay newest", "guid": "q-4"}], title="Quay Post"))
    line = json.loads(run("refresh", "--json", "--timeout", "3").stdout)
    assert (line["new"], line["known"]) == (1, 0)


def test_feed_export_to_a_terminal_writes_c1_and_bidi_characters_as_references(lib_path, tmp_path):
    """`feed export` writes the OPML to stdout as it is: a feed's name or site holding U+009B (an 8-bit CSI), a bidi
    override or a zero-width space reached the terminal raw (XML can hold them; only C0 controls were dropped). Now
    they are character references, and importing the export gives every name and URL back as it was."""
    from tui.store import Library
    from tui.store.feeds import add_feed, list_feeds

    names = {"http://a.invalid/one.xml": ("Quay \x9b31mNews", "http://a.invalid/\x85home"),
             "http://a.invalid/two.xml": ("Harbour \u202eetteza\u202c Gazette", None),
             "http://a.invalid/three.xml": ("Pier\u200b\u2066Post\u2069\x7f", "http://a.invalid/\u200e")}
    with Library(lib_path) as lib:
        for url, (title, site) in names.items():
            add_feed(lib, url, title, tags=["Local\x9d"], site_url=site)
    r = subprocess.run(newsreader_cmd() + ["feed", "export"], capture_output=True, timeout=120, env=dict(os.environ))
    assert r.returncode == 0
    text = r.stdout.decode("utf-8")
    assert not [c for c in text if "\x7f" <= c <= "\x9f" or c in "\u202e\u202c\u200b\u2066\u2069\u200e"], text
    assert "Quay &#x9b;31mNews" in text and "&#x202e;etteza&#x202c;" in text
    out = tmp_path / "out.opml"
    out.write_bytes(r.stdout)
    other = tmp_path / "other.db"
    assert run("--db", str(other), "feed", "import", str(out)).returncode == 0
    with Library(other) as lib:
        back = {f.url: f for f in list_feeds(lib)}
    assert {url: (f.title, f.site_url, f.tags) for url, f in back.items()} == {
        url: (title, site, ["Local\x9d"]) for url, (title, site) in names.items()}


def test_watch_scan_and_watch_list_count_a_folders_files_so_they_add_up(lib_path, tmp_path):
    """`watch list` said "(4 files, last scan …)" of a folder whose files were one article, two copies of texts the
    library held and a picture; the scan's line left the skipped file out of its counts. Both count each file once
    now: imported, duplicates, skipped (and why), adding up to the files."""
    import shutil

    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "quay.md").write_text("# Quay lights\n\nThe harbour board met on the quay about the lights and the old "
                                    "pier, and agreed to mend both before winter.\n")
    shutil.copy(folder / "quay.md", folder / "quay again.md")
    held = tmp_path / "pier.md"
    held.write_text("# Pier shut\n\nThe old pier was shut on Monday after a storm loosened its boards, the harbour "
                    "board said.\n")
    assert run("add", str(held)).returncode == 0
    shutil.copy(held, folder / "pier.md")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 8)
    r = run("watch", "add", str(folder))
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines()[-1] == ("imported 1 new, 0 updated article, 2 duplicates (already in the library), "
                                         "1 file skipped from 4 new or changed files"), r.stderr
    listed = run("watch", "list")
    assert listed.returncode == 0, listed.stderr
    row, why = listed.stdout.splitlines()
    assert row.startswith(f"   1  {folder}  (4 files: 1 imported, 2 duplicates, 1 skipped; last scan "), row
    assert why == "      skipped: binary file (binary data)", why
    # a folder whose files all became articles is said as before
    other = tmp_path / "plain"
    other.mkdir()
    (other / "ferry.md").write_text("# Ferry late\n\nThe winter ferry ran two hours late on Friday after a storm "
                                    "closed the channel for the night.\n")
    assert run("watch", "add", str(other)).returncode == 0
    rows = run("watch", "list").stdout.splitlines()
    assert rows[2].startswith(f"   2  {other}  (1 file; last scan "), rows


def test_refresh_of_a_feed_not_subscribed_is_one_clear_line(lib_path, site):
    """`refresh 99` said "error  #-  99: no such feed" (an id column of "#-" and the 99 beside it): it names the
    feed asked for now, as a feed's id or URL, and where the feeds are listed; exit 1 as before."""
    site.feed("/a.xml", rss(_items(1), title="Alpha News"))
    assert run("feed", "add", site.url("/a.xml"), "--timeout", "3").returncode == 0
    r = run("refresh", "99", "http://127.0.0.1:9/none.xml", "--timeout", "3")
    assert r.returncode == 1
    said = [line for line in r.stderr.splitlines() if line.startswith("error")]
    assert said == ["error  #99: no such feed (`newsreader feed list` shows the feeds)",
                    "error  http://127.0.0.1:9/none.xml: no such feed (`newsreader feed list` shows the feeds)"], r.stderr


def test_refresh_counts_only_subscribed_feeds_in_its_total(lib_path, site):
    """`refresh 1 99 URL` said "refreshed 3 feeds: ... 2 failed" of one feed refreshed: names that are no subscribed
    feed are said apart from the total (and still make the exit 1)."""
    site.feed("/a.xml", rss(_items(1), title="Alpha News"))
    assert run("feed", "add", site.url("/a.xml"), "--timeout", "3").returncode == 0
    r = run("refresh", "1", "99", "http://127.0.0.1:9/none.xml", "--timeout", "3")
    assert r.returncode == 1
    assert r.stderr.splitlines()[-1] == "refreshed 1 feed: 0 new, 0 updated, 0 failed; 2 names not subscribed", r.stderr
    r = run("refresh", "99", "--timeout", "3")
    assert r.returncode == 1
    assert r.stderr.splitlines()[-1] == "no feed refreshed: 1 name not subscribed", r.stderr
    r = run("refresh", "1", "--timeout", "3")
    assert r.returncode == 0
    assert r.stderr.splitlines()[-1] == "refreshed 1 feed: 0 new, 0 updated, 0 failed", r.stderr
