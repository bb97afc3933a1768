"""First run: fill a new library with the sample articles we ship in assets/articles."""

from __future__ import annotations

import os

from tui.assets import asset


def seed(lib) -> int:
    """Import the shipped sample articles into `lib`; returns how many were added."""
    if os.environ.get("NEWSREADER_NO_SEED"):
        return 0
    from tui.importers import import_paths

    folder = asset("articles")
    if not folder.is_dir():
        return 0
    # The folder's README describes the samples; it is not one of them.
    files = sorted(str(p) for p in folder.iterdir() if p.is_file() and p.name.lower() != "readme.md")
    articles = [item.article for item in import_paths(files) if item.article is not None]
    added = sum(1 for status, _ in lib.add_many(articles) if status == "added")
    if added:
        from tui.stories import group_new

        group_new(lib)  # as after `add`: the first `v` shows the samples' stories, not an empty list
    return added
