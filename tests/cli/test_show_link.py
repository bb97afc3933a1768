"""`newsreader show ID` prints the article's link, as the app's article header shows it (and `export --format md`
lists it): the text form gave the title, the source line and the body, and no link (walk24)."""

from __future__ import annotations

from pathlib import Path

from test_cli import run

ARTICLE_MD = Path(__file__).parents[1] / "importers" / "fixtures" / "article.md"  # url: https://example.org/tram-airport


def test_show_prints_the_link_under_the_source_line(lib_path):
    added = run("add", str(ARTICLE_MD))
    assert added.returncode == 0, added.stderr
    lines = run("show", "1").stdout.splitlines()
    assert lines[0] == "Tram Line to the Airport Opens Two Years Late"
    assert lines[1].startswith("Danube Observer · Ines Varga · 2025-09-18")
    assert lines[2] == "https://example.org/tram-airport"
    assert lines[3] == "" and lines[4].startswith("The new tram line")


def test_show_spells_out_what_a_stored_link_must_not_do_to_the_terminal(lib):
    """The library is untrusted (another program may have written it): a link holding an escape sequence is shown
    with it spelled out, as the app shows URLs."""
    from tui.models import Article

    lib.add(Article(title="Ferry notes", url="https://example.org/a\x1b[2Jb",
                    body="The island ferry runs twice a day from spring, the operator said on Monday."))
    out = run("show", "1").stdout
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[0] == "Ferry notes" and lines[1].startswith("added "), out  # (undated: when it was added, session 33)
    assert lines[2:4] == ["https://example.org/a\\x1b[2Jb", ""], out
