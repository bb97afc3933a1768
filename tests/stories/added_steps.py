"""Story tests through the command line, as a user runs it: `newsreader` in its own process, and articles written as
Markdown files (front matter: title, source, date) and imported with `newsreader add`, which groups them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from command import newsreader_cmd


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(newsreader_cmd() + list(args), capture_output=True, text=True, env=dict(os.environ),
                          timeout=120)


def add_as_markdown(folder: Path, articles) -> None:
    """`articles`: (file stem, title, source, date, body) each, written to `folder` (made here) and added."""
    folder.mkdir()
    for stem, title, source, day, body in articles:
        (folder / f"{stem}.md").write_text(f"---\ntitle: {title}\nsource: {source}\ndate: {day}\n---\n\n{body}\n",
                                           encoding="utf-8")
    r = run("add", str(folder))
    assert r.returncode == 0, r.stderr


def add_articles(folder: Path, articles) -> None:
    """`articles` (each with title, source, published and body: tui.models.Article) written as Markdown files in
    `folder` (made here), in order, and added."""
    add_as_markdown(folder, [(f"{n:02}", a.title, a.source, a.published, a.body) for n, a in enumerate(articles)])


def only_story() -> tuple[dict, dict]:
    """The library's one story: its `stories --json` line and its `story ID --format json`."""
    [row] = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    return row, json.loads(run("story", str(row["id"]), "--format", "json").stdout)


def added_fixture(articles):
    """A module's `added` fixture: `articles` written as Markdown files and imported with `newsreader add` (which
    groups them) into the test's library (lib_path, which it returns). In a test module: added = added_fixture(ALL)."""

    @pytest.fixture
    def added(tmp_path, lib_path):
        add_articles(tmp_path / "in", articles)
        return lib_path

    return added
