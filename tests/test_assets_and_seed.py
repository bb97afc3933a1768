"""Shipped assets are found wherever newsreader is installed, and a new library is seeded from them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import tui
from command import newsreader_cmd
from tui.assets import asset, assets_dir


def test_sample_articles_are_shipped():
    folder = asset("articles")
    files = [p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"}]
    assert len(files) >= 8
    installed = "site-packages" in str(Path(tui.__file__))
    if installed:  # a wheel install must carry its own copy, not point back at a checkout
        assert Path(tui.__file__).parent in assets_dir().parents


def test_first_run_seeds_the_library(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_NO_SEED"}
    env["NEWSREADER_DB"] = str(tmp_path / "new" / "library.db")
    cmd = newsreader_cmd()
    # The library file does not exist yet: it is made and seeded on first run (its folder must exist: a folder named
    # by NEWSREADER_DB that does not is refused, tests/cli/test_library_path.py; the default data folder is made).
    (tmp_path / "new").mkdir()
    out = subprocess.run(cmd + ["list", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(rows) >= 8
    assert all(r["title"] and r["title"] != "(untitled)" for r in rows)
    assert not any("sample articles" in r["title"].lower() for r in rows)  # the folder README is not an article
    # Newest first.
    dates = [r["published"] for r in rows if r["published"]]
    assert dates == sorted(dates, reverse=True)
    # Seeding happens once: a second run finds the same library.
    again = subprocess.run(cmd + ["list", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert len(again.stdout.splitlines()) == len(rows)


def test_seeded_samples_are_grouped_into_stories(tmp_path, monkeypatch):
    # A new user's first `v` must show the samples as stories, not "No stories yet".
    monkeypatch.delenv("NEWSREADER_NO_SEED", raising=False)
    from tui.seed import seed
    from tui.store import Library
    from tui.store.stories import story_count, ungrouped_count

    with Library(tmp_path / "library.db") as lib:
        added = seed(lib)
        assert added >= 8
        assert ungrouped_count(lib) == 0
        assert 1 <= story_count(lib) <= added


def test_every_seeded_sample_has_a_title_source_date_and_byline(tmp_path, monkeypatch):
    # The football club's and the opera's samples had no date (the list showed the day they were seeded), no source
    # and no byline: the reader's first library should show what an article's header can hold.
    monkeypatch.delenv("NEWSREADER_NO_SEED", raising=False)
    from tui.seed import seed
    from tui.store import Library

    with Library(tmp_path / "library.db") as lib:
        added = seed(lib)
        rows = lib.db.execute("SELECT title, source, published, byline FROM articles").fetchall()
    assert len(rows) == added >= 10
    for title, source, published, byline in rows:
        assert title and source and byline, (title, source, byline)
        assert published and published[:2] in ("20",) and len(published) >= 10, (title, published)


def test_the_samples_are_seeded_from_their_parsed_copy_without_the_html_importer(tmp_path):
    """A user's first command seeds the library: the samples were parsed from their files, and the HTML sample's
    trafilatura alone cost a first `add` of a text file ~0.19 s CPU (bench/first_add.py: seed 278 -> 61 ms)."""
    code = ("import sys\nfrom tui.seed import seed\nfrom tui.store import Library\n"
            f"lib = Library({str(tmp_path / 'library.db')!r})\nprint(seed(lib), 'trafilatura' in sys.modules)\nlib.close()")
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_NO_SEED"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["10", "False"]


def test_the_parsed_samples_are_what_the_importers_make_of_the_files_today():
    from tui.seed import PARSED, parse_samples, sample_articles, sample_files, samples_json

    files = sample_files()
    assert asset(PARSED).read_text(encoding="utf-8") == samples_json(files), \
        "assets/samples.json is out of date: run `python bench/build_samples.py`"
    assert sample_articles() == parse_samples(files)


def test_samples_changed_since_their_parsed_copy_are_parsed_from_their_files(monkeypatch):
    """A sample edited (or one added) without bench/build_samples.py: the copy was made from other bytes, and the
    files are read as before."""
    import tui.seed as seed_module

    files = seed_module.sample_files()
    real = seed_module.parse_samples(files)
    calls = []
    monkeypatch.setattr(seed_module, "parse_samples", lambda fs: calls.append(fs) or real)
    assert seed_module.sample_articles() == real and calls == []
    monkeypatch.setattr(seed_module, "samples_digest", lambda fs: "another digest")
    assert seed_module.sample_articles() == real and calls == [files]
