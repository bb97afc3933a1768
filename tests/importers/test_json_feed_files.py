"""`add` of a JSON Feed file (jsonfeed.org, saved to disk or piped in): its items become articles, as an RSS file's do.
It went to the reader of our own JSON export and was skipped whole: "JSON record has no "body" text"."""

from __future__ import annotations

import json
import subprocess

import pytest

from tui.cli import main

FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Orrin Valley Post",
    "home_page_url": "https://orrin.example/",
    "authors": [{"name": "Desk of the Orrin Valley Post"}],
    "items": [
        {"id": "tc-1", "url": "https://orrin.example/bridge", "title": "Bridge reopens at Tallow Cross",
         "content_text": "The bridge at Tallow Cross reopened on Monday after four months of repairs.\n\n"
                         "Buses return to the old route next week, the county engineer said.",
         "date_published": "2026-11-30T18:45:00+02:00", "authors": [{"name": "Ines Varga"}], "tags": ["roads"]},
        {"id": "tc-2", "title": "Market moves to the rail yard",
         "content_html": "<p>The Saturday market in Tallow Cross moves to the old rail yard from January.</p>",
         "date_published": "2026-11-29"},
        {"id": "tc-3", "title": "A title and nothing else"},
    ],
}


def _listed(lib):
    return sorted((a.title, a.source, a.byline, a.published, a.url, a.tags, a.body)
                  for a in (lib.get(i) for i in lib.ids()))


EXPECTED = [
    ("Bridge reopens at Tallow Cross", "Orrin Valley Post", "Ines Varga", "2026-11-30", "https://orrin.example/bridge",
     ["roads"], "The bridge at Tallow Cross reopened on Monday after four months of repairs.\n\n"
                "Buses return to the old route next week, the county engineer said."),
    ("Market moves to the rail yard", "Orrin Valley Post", "Desk of the Orrin Valley Post", "2026-11-29", None, [],
     "The Saturday market in Tallow Cross moves to the old rail yard from January."),
]


@pytest.mark.parametrize("name", ["orrin.json", "orrin-feed"], ids=["json", "no-extension"])
def test_add_reads_a_json_feed_file_item_by_item(lib, tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text(json.dumps(FEED, indent=1), encoding="utf-8")
    assert main(["add", str(path)]) == 0
    captured = capsys.readouterr()
    assert "JSON record" not in captured.err
    assert captured.err.splitlines() == [
        f"skipped {path}#entry-3: no article text found (feed entry has no content)",
        "imported 2 articles, 0 duplicates, 1 skipped"]
    assert _listed(lib) == EXPECTED
    assert main(["add", str(path)]) == 0  # the same file again: its items are known
    assert "imported 0 articles, 2 duplicates, 1 skipped" in capsys.readouterr().err
    assert lib.count() == 2


def test_add_reads_a_json_feed_from_standard_input(lib_path, tmp_path):
    import os
    import sys

    from tui.store import Library

    env = {**os.environ, "NEWSREADER_DB": str(lib_path)}
    done = subprocess.run([sys.executable, "-m", "tui.cli", "add", "-"], input=json.dumps(FEED).encode(), env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    library = Library(lib_path)
    try:
        assert [row for row in _listed(library) if row[1] == "Orrin Valley Post"] == EXPECTED
    finally:
        library.close()


@pytest.mark.parametrize("doc,why", [
    ({"version": "https://jsonfeed.org/version/1", "title": "Empty", "items": []}, "feed has no entries"),
    ({"version": "https://jsonfeed.org/version/1", "title": "Odd", "items": "none"}, "not a JSON Feed (no items list)"),
    ({"version": "https://jsonfeed.org/version/1", "items": [{"id": 1, "title": "Half", "content_text": "Half a line"}
      ] + [None]}, None),
])
def test_odd_json_feeds_say_why_in_one_line(lib, tmp_path, capsys, doc, why):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["add", str(path)]) == (1 if why else 0)  # (nothing imported: 1, as for any file)
    err = capsys.readouterr().err
    if why:
        assert err.splitlines()[0] == f"skipped {path}: {why}"
    else:  # an item that is not an object is skipped, the others read
        assert f"skipped {path}#entry-2: JSON Feed item is not an object" in err
        assert [a.title for a in (lib.get(i) for i in lib.ids())] == ["Half"]


def test_our_own_json_export_is_still_read_as_articles(lib, tmp_path, capsys):
    """A record whose body quotes a JSON Feed's version line is an export record, not a feed."""
    record = {"title": "Feeds explained", "body": 'A feed file starts with {"version": '
              '"https://jsonfeed.org/version/1.1"} and a list of items.', "published": "2026-11-02"}
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["add", str(path)]) == 0
    [article] = [lib.get(i) for i in lib.ids()]
    assert (article.title, article.published) == ("Feeds explained", "2026-11-02")
