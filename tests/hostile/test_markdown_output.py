"""An article's words in the Markdown the commands print (`brief`, `story`, `summary`, `quotes`, `entities` with
`--format md`) and the app copies: they were put in as they were, so a title or a sentence holding "[this](javascript:…)"
was a live link, and "<script>…" or "<img onerror=…>" HTML, to whatever renders the Markdown; an article's link was
an autolink whatever its scheme ("<javascript:…>"). Each output is rendered here by a CommonMark renderer
(markdown-it-py, which Textual brings) and must hold no link, image or HTML of the article's, and still its words."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from hostile_helpers import run_cli

TITLE = "Ferry notice [Tap here](javascript:alert(1)) <img src=x onerror=alert(2)>"
BODY = ("The harbour master of Pellworth, Odile Marrack, said \"Read [the notice](javascript:alert(3)) and "
        "<script>alert(4)</script> before Monday.\" The ferry of Pellworth sails again on Friday with `rm -rf ~` on "
        "board.\n\nThe council of Pellworth met on Friday and agreed to the new timetable for the ferry.\n")


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def _inert(markdown: str) -> None:
    html = _html(markdown)
    assert "<a " not in html and "<img" not in html and "<script" not in html and "<code" not in html, html
    assert "javascript:alert(1)" in html and "&lt;script&gt;alert(4)&lt;/script&gt;" in html, html


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("markdown")
    (folder / "src").mkdir()
    (folder / "src" / "a.txt").write_text(f"Title: {TITLE}\n\n{BODY}")
    db = folder / "lib.db"
    r = run_cli("add", str(folder / "src"), db=db)
    assert r.returncode == 0, r.stderr
    return db


@pytest.mark.parametrize("command", [
    ["brief", "--format", "md"],
    ["story", "1", "--format", "md"],
    ["summary", "1", "--format", "md"],
    ["summary", "1", "--format", "md", "--quotes"],
    ["quotes", "1", "--format", "md"],
])
def test_an_articles_links_and_html_are_words_in_the_markdown(library, command):
    r = run_cli(*command, db=library)
    assert r.returncode == 0, r.stderr
    _inert(r.stdout.decode())


def test_entity_names_in_the_markdown_are_words(library):
    r = run_cli("entities", "1", "--format", "md", db=library)
    assert r.returncode == 0, r.stderr
    html = _html(r.stdout.decode())
    assert "<a " not in html and "<img" not in html, html
    assert "Odile Marrack" in html


def test_the_copied_markdown_links_only_http():
    """The app's copy (`Y`) and `summary --format md --quotes`: an http(s) link is an autolink, any other is text."""
    from tui.app.copytext import markdown
    from tui.models import Article

    for url, live in [("https://pellworth.example/ferry", True), ("javascript:alert(5)", False),
                      ("file:///home/ana/.ssh/id_rsa", False), ("data:text/html,<b>x</b>", False),
                      ("https://pellworth.example/a><script>alert(6)</script>", False)]:
        html = _html(markdown(Article(title="Ferry notice", body=BODY, url=url), None))
        links = html.count("<a href=")
        assert links == (1 if live else 0), (url, html)
        assert "<script" not in html and "<b>" not in html, html


def test_a_persons_page_copied_as_markdown_holds_no_live_link(library):
    """The person page's `Y`: the titles of their articles and their quotes as words."""
    from tui.app.copytext import person_markdown
    from tui.store.library import Library
    from tui.stories.people import who

    lib = Library(library)
    try:
        person = who(lib, "Odile Marrack")
        assert person is not None and person.articles
        html = _html(person_markdown(person))
    finally:
        lib.close()
    assert "<a " not in html and "<img" not in html and "<script" not in html, html
    assert "javascript:alert(1)" in html, html


def test_export_markdown_holds_the_articles_words_and_no_live_link(library, tmp_path):
    """`export --format md` (cli38): the article's title and text went in as they were, a live link and HTML in the
    Markdown the other commands escape since session 37; a paragraph of its text opening with "#" was a heading (read
    as another article's title); its link an autolink whatever its scheme."""
    r = run_cli("export", "--format", "md", db=library)
    assert r.returncode == 0, r.stderr
    _inert(r.stdout.decode())
    records = tmp_path / "links.jsonl"
    import json

    records.write_text("".join(json.dumps({"title": f"Ferry notice {n}", "url": url, "body": (
        f"# Pellworth timetable {n}\n\nThe ferry of Pellworth sails again on Friday, said [the notice](javascript:x) "
        f"of the harbour master, Odile Marrack. <b>Fares</b> stay as they were, number {n}.")}) + "\n"
        for n, url in enumerate(["https://pellworth.example/ferry", "javascript:alert(5)",
                                 "file:///home/ana/.ssh/id_rsa", "https://pellworth.example/a><script>x</script>"])))
    db = tmp_path / "links.db"
    assert run_cli("add", str(records), db=db).returncode == 0
    html = _html(run_cli("export", "--format", "md", db=db).stdout.decode())
    assert html.count("<h1>") == 4 and "<h2" not in html, html  # each article's title, no heading of their texts
    assert html.count("<a href=") == 1 and '<a href="https://pellworth.example/ferry">' in html, html
    assert "<b>" not in html and "<script" not in html and "# Pellworth timetable 2" in html, html
