"""Story tests through the command line, as a user runs it: `newsreader` in its own process, and articles written as
Markdown files (front matter: title, source, date) and imported with `newsreader add`, which groups them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

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
