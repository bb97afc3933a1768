"""First run: fill a new library with the sample articles we ship in assets/articles."""

from __future__ import annotations

import os

from tui.assets import asset

# The samples as the importers read them, in one JSON file beside their folder (bench/build_samples.py writes it):
# a new library's first command read the files themselves, and the one HTML sample's trafilatura alone cost a first
# `add` of a text file ~0.19 s of its ~0.26 s of seeding CPU (session 35; bench/first_add.py: the seed 351-490 ms ->
# 33-54 ms). Used only while made from the very
# files shipped (PARSED's "made_from", a digest of their names and bytes), else the files are parsed as before;
# tests/test_assets_and_seed.py checks that it is what the importers make of them today.
PARSED = "samples.json"
_FIELDS = ("title", "body", "source", "byline", "published", "tags", "url", "published_at")


def sample_files() -> list[str]:
    """The shipped sample articles' files, in order (the folder's README describes them; it is not one of them)."""
    folder = asset("articles")
    if not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.iterdir() if p.is_file() and p.name.lower() != "readme.md")


def samples_digest(files: list[str]) -> str:
    """A digest of the sample files' names and bytes: what PARSED was made from."""
    import hashlib

    h = hashlib.sha256()
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        h.update(f"{os.path.basename(path)}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def parse_samples(files: list[str]) -> list:
    """The samples as the importers read their files."""
    from tui.importers import import_paths

    return [item.article for item in import_paths(files) if item.article is not None]


def sample_articles() -> list:
    """The samples as articles: from PARSED when it was made from these files, else parsed from them."""
    import json

    from tui.models import Article

    files = sample_files()
    try:
        with asset(PARSED).open(encoding="utf-8") as f:
            parsed = json.load(f)
        if parsed["made_from"] == samples_digest(files) and len(parsed["articles"]) <= len(files):
            return [Article(**{k: a[k] for k in _FIELDS if k in a}) for a in parsed["articles"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return parse_samples(files)


def samples_json(files: list[str]) -> str:
    """PARSED's text for these files (bench/build_samples.py)."""
    import json

    articles = [{k: getattr(a, k) for k in _FIELDS} for a in parse_samples(files)]
    return json.dumps({"made_from": samples_digest(files), "articles": articles}, ensure_ascii=False, indent=1) + "\n"


def seed(lib) -> int:
    """Import the shipped sample articles into `lib`; returns how many were added."""
    if os.environ.get("NEWSREADER_NO_SEED"):
        return 0
    articles = sample_articles()
    if not articles:
        return 0
    added = sum(1 for status, _ in lib.add_many(articles) if status == "added")
    if added:
        from tui.stories import group_new

        group_new(lib)  # as after `add`: the first `v` shows the samples' stories, not an empty list
    return added
