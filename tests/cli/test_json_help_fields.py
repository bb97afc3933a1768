"""`refresh --help` names every field of a `refresh --json` line: it named five of the ten (not "id", "title",
"known": new items whose text the library held already, "skipped": why the feed was not fetched, nor "note": what of
it was left out)."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

import pytest

from tui.cli import main
from tui.sources.refresh import FeedResult


def help_of(*command: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit):
        main([*command, "--help"])
    return " ".join(out.getvalue().split())


def test_refresh_help_names_every_field_of_its_json_lines():
    shown = help_of("refresh")
    fields = FeedResult("https://news.example/feed.xml", "ok").to_json()
    missing = [key for key in fields if f'"{key}"' not in shown]
    assert not missing, f"refresh --help leaves out {missing}: {shown}"
