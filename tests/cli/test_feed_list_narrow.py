"""`feed list` on a narrow terminal: at 80 columns the URL had 12 cells ("http…rss.xml": not even its host) and the
title 17 (close-s34). Where the URL would get fewer than URL_ON_ITS_LINE cells, each URL takes a line of its own
under its feed's row and the title the rest of the row; beside the title, a URL cut keeps its host and its file.
Into a pipe rows stay whole, on one line each."""

from __future__ import annotations

import subprocess

import pytest
from command import newsreader_cmd, on_a_terminal

from tui.cells import url_cell, width
from tui.store import Library

FEEDS = (("https://www.quarrendon-herald.example/feeds/news/valley-and-moor/rss.xml",
          "The Quarrendon Herald — Valley and Moor"),
         ("https://news.ostlebury.example/rss", "Ostlebury Evening Post"),
         ("https://feeds.pellingwire.example/world/europe/latest.atom", "Pelling Wire: Europe"))


@pytest.fixture
def feeds(lib_path):
    from tui.store.feeds import add_feed, update_feed

    with Library(lib_path) as lib:
        for url, title in FEEDS:
            feed, _ = add_feed(lib, url, title)
            update_feed(lib, feed, last_status="not_modified", last_refresh="2026-12-06T07:41:21Z")
    return lib_path


def test_at_80_columns_each_url_is_whole_on_its_own_line_and_the_titles_too(feeds):
    lines = on_a_terminal(["feed", "list"], 80)
    assert all(width(line) <= 80 for line in lines), lines
    for url, title in FEEDS:
        row = next(line for line in lines if title[:12] in line)
        assert title[:30] in row and "0/0" in row and "unchanged" in row, lines  # (the title was cut at 17 cells)
        assert lines[lines.index(row) + 1].strip() == url, lines


def test_at_120_columns_a_url_beside_its_title_keeps_its_host_and_file(feeds):
    lines = on_a_terminal(["feed", "list"], 120)
    assert all(width(line) <= 120 for line in lines), lines
    assert lines[0].split()[-1] == "url"
    for url, title in FEEDS:
        row = next(line for line in lines if title[:12] in line)
        host = url.split("/")[2].removeprefix("www.")
        assert host in row and row.endswith(url.rsplit("/", 1)[1]), row


def test_into_a_pipe_rows_stay_whole_on_one_line(feeds):
    r = subprocess.run(newsreader_cmd() + ["feed", "list"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 1 + len(FEEDS)
    for url, title in FEEDS:
        assert any(title in line and line.endswith(url) for line in lines), lines


def test_url_cell_keeps_the_host():
    url = "https://www.quarrendon-herald.example/feeds/news/valley-and-moor/rss.xml"
    assert url_cell(url, 200) == url
    assert url_cell(url, 66) == "quarrendon-herald.example/feeds/news/valley-and-moor/rss.xml"
    assert url_cell(url, 40) == "quarrendon-herald.example/…-moor/rss.xml"
    assert url_cell(url, 20) == "quarrendon-herald.e…"
    for cells in range(12, 80):
        assert width(url_cell(url, cells)) <= cells
    assert url_cell("not a url at all, a name of a feed", 12) == "not a url a…"
