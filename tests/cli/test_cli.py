"""The `newsreader` command through its installed entry point: commands, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from command import cli_error, newsreader_cmd

ARTICLE = """Economy Europe

Lisbon approves harbour expansion

Lisbon approves harbour expansion
Source: Lusa
  • Published March 3, 2026

The Lisbon city council approved a €310 million expansion of the Alcântara container terminal on Tuesday, ending two years of argument over dredging in the Tagus estuary.

"This is the largest investment in the port since the 1990s," said Mayor Rita Moniz, who had backed the plan since her election. Moniz said the work would begin in September.

Environmental groups were less pleased. "The estuary is not a car park for ships," said Tiago Serra of the Tagus Watch coalition, which plans an appeal.

Porto Gazette Staff

The Porto Gazette publishes letters, opinions, and tips submissions as a public service. The content does not necessarily reflect the views of the Porto Gazette or its staff.
"""


def run(*args, stdin: str | None = None, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(newsreader_cmd() + list(args), input=stdin, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def dump(tmp_path) -> Path:
    p = tmp_path / "harbour.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_help_and_version_are_fast_and_light():
    r = run("--help")
    assert r.returncode == 0 and "usage: newsreader" in r.stdout
    v = run("--version")
    assert v.returncode == 0 and v.stdout.startswith("newsreader ")
    # --help must not pull in the heavy libraries.
    code = "import sys; from tui import cli\ntry: cli.main(['--help'])\nexcept SystemExit: pass\n" \
           "print(sorted(m for m in ('nltk','sumy','textual') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_usage_errors_exit_2():
    assert run("list", "--bogus").returncode == 2
    assert run("show", "notanumber").returncode == 2


def test_add_list_show_remove(lib_path, dump):
    r = run("add", str(dump))
    assert r.returncode == 0, r.stderr
    assert "Lisbon approves harbour expansion" in r.stdout
    again = run("add", str(dump))
    assert "duplicate" in again.stdout

    rows = [json.loads(line) for line in run("list", "--json").stdout.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Lisbon approves harbour expansion" and row["source"] == "Lusa"
    assert row["published"] == "2026-03-03"

    shown = json.loads(run("show", str(row["id"]), "--json").stdout)
    assert shown["byline"] == "Porto Gazette Staff"
    assert "publishes letters" not in shown["body"]
    assert shown["body"].startswith("The Lisbon city council approved")
    assert shown["tags"]

    assert run("list", "--search", "estuary").stdout.count("Lisbon") == 1
    assert run("list", "--search", "zebra").stdout == ""

    assert run("remove", str(row["id"])).returncode == 0
    assert run("list", "--json").stdout == ""
    gone = run("show", str(row["id"]))
    assert gone.returncode == 1 and gone.stderr.count("\n") == 1 and "no article with id" in gone.stderr


def test_add_dry_run_json_stores_nothing(lib_path, dump):
    r = run("add", "--dry-run", "--json", str(dump))
    rec = json.loads(r.stdout.splitlines()[0])
    assert rec["status"] == "parsed" and rec["title"] == "Lisbon approves harbour expansion"
    assert set(rec) >= {"title", "source", "byline", "published", "tags", "url", "body", "status", "error"}
    assert not lib_path.exists() or run("list", "--json").stdout == ""


def test_add_json_has_ids_and_bad_files_do_not_stop_the_batch(lib_path, dump, tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    r = run("add", "--json", str(bad), str(dump))
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    statuses = sorted(x["status"] for x in recs)
    assert statuses == ["added", "error"]
    err = next(x for x in recs if x["status"] == "error")
    assert err["error"] and "\n" not in err["error"]
    assert next(x for x in recs if x["status"] == "added")["id"] >= 1


def test_add_from_stdin(lib_path):
    r = run("add", "-", stdin="Quiet week in parliament\n\nNothing much happened in the chamber this week, members said.\n")
    assert r.returncode == 0, r.stderr
    assert "Quiet week in parliament" in run("list").stdout


def test_export_formats(lib_path, dump):
    run("add", str(dump))
    md = run("export", "--format", "md").stdout
    assert md.startswith("# Lisbon approves harbour expansion")
    js = [json.loads(x) for x in run("export", "--format", "json").stdout.splitlines()]
    assert js[0]["source"] == "Lusa"


def test_corrupt_library_is_one_line_exit_1(tmp_path):
    bad = tmp_path / "lib.db"
    bad.write_bytes(b"garbage" * 1000)
    r = run("--db", str(bad), "list")
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert bad.read_bytes() == b"garbage" * 1000


def test_doctor(lib_path):
    r = run("doctor")
    assert r.returncode == 0
    assert str(lib_path) in r.stdout and "clipboard" in r.stdout


def test_doctor_names_the_app_s_log_its_size_and_last_line_time(lib_path, tmp_path):
    """The app's log (what goes wrong in the background, with its traceback) was named by one toast, once: doctor
    names it now, with its size and when its last line was written, or says nothing was logged yet."""
    log = tmp_path / "state" / "newsreader.log"
    env = {"NEWSREADER_LOG": str(log), "TZ": "UTC"}
    r = run("doctor", env_extra=env)
    assert r.returncode == 0
    assert f"app log:   {log} (nothing logged yet)" in r.stdout.splitlines(), r.stdout
    log.parent.mkdir()
    log.write_text("2026-12-06 22:05:11,042 WARNING tui.app.parts.sources: the new articles could not be grouped\n"
                   "Traceback (most recent call last):\n  ...\nDatabaseError: database disk image is malformed\n",
                   encoding="utf-8")
    os.utime(log, (1796594711, 1796594711))  # 2026-12-06 22:05:11 UTC
    r = run("doctor", env_extra=env)
    assert f"app log:   {log} ({log.stat().st_size} bytes, last line written 2026-12-06 22:05)" in r.stdout.splitlines()


def test_engine_commands_on_a_file(lib_path, dump):
    s = json.loads(run("summary", str(dump), "--format", "json", "--sentences", "2").stdout)
    assert len(s["sentences"]) == 2
    body = ARTICLE
    for sent in s["sentences"]:
        assert sent["text"] in body
    q = run("quotes", str(dump)).stdout
    assert "Rita Moniz" in q and "car park" in q
    e = run("entities", str(dump)).stdout
    assert "Lisbon" in e


def test_entities_are_named_as_the_app_names_them_and_json_keeps_the_labels(dump):
    """`entities` printed the tagger's labels as headings (PERSON:, GPE:, LOC:, CARDINAL: ...) where the app's
    entities pane says People, Places, Money and quantities: the same headings, in the same order, now; JSON keeps
    each entity's engine label."""
    lines = run("entities", str(dump)).stdout.splitlines()
    headings = [x for x in lines if not x.startswith("  ")]
    assert headings[:3] == ["People:", "Organisations:", "Places:"], headings
    assert set(headings) <= {"People:", "Organisations:", "Places:", "Dates and times:", "Money and quantities:",
                             "Other:"}, headings
    people = lines[1:lines.index("Organisations:")]
    assert any(x.startswith("  Rita Moniz (") for x in people), lines
    places = lines[lines.index("Places:"):lines.index("Dates and times:")]
    assert any(x.startswith("  Lisbon (") for x in places), lines
    md = run("entities", str(dump), "--format", "md").stdout
    assert "**People**" in md and "**PERSON**" not in md, md
    records = json.loads(run("entities", str(dump), "--format", "json").stdout)["entities"]
    assert {e["label"] for e in records if e["text"] == "Rita Moniz"} == {"PERSON"}
    assert {e["label"] for e in records} <= {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "DATE",
                                              "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "MISC", "ORDINAL",
                                              "LAW", "LANGUAGE", "WORK_OF_ART"}


def test_entities_markdown_keeps_each_heading_out_of_the_list_above_it(dump):
    """`entities --format md` wrote "**Organisations**" on the line after the last "- Rita Moniz (1)": Markdown reads
    it as more of that list item ("Rita Moniz (1) Organisations"), and only the first heading was a heading. Each
    heading is a paragraph of its own, each list item an entity alone."""
    from markdown_it import MarkdownIt

    md = run("entities", str(dump), "--format", "md").stdout
    tokens = MarkdownIt().parse(md)
    inline = [(tokens[i - 2].type, t.content) for i, t in enumerate(tokens) if t.type == "inline"
              and tokens[i - 1].type == "paragraph_open"]
    paragraphs = [content for above, content in inline if above != "list_item_open"]
    items = [content for above, content in inline if above == "list_item_open"]
    headings = [line for line in md.splitlines() if line.startswith("**")]
    assert len(headings) >= 3, md
    assert paragraphs == headings, (paragraphs, md)
    assert items and all(item.count("(") == 1 and "\n" not in item and "**" not in item for item in items), items


def test_quotes_are_shown_whole_unless_max_chars_asks(tmp_path):
    long_quote = ("We measured the water every morning for three winters, and every single morning the level "
                  "was higher than the engineers had promised the council it would ever be, so we stopped "
                  "believing the charts and started building the wall ourselves with sandbags.")
    f = tmp_path / "flood.txt"
    f.write_text(f"Lena Ortiz leads the volunteers.\n\n“{long_quote}” Ortiz said.\n", encoding="utf-8")
    whole = run("quotes", str(f)).stdout
    assert long_quote in whole and "— " in whole
    cut = run("quotes", str(f), "--max-chars", "80").stdout
    line = cut.strip().splitlines()[0]
    assert long_quote not in cut and "…" in line and len(line.split("” —")[0]) <= 82
    assert run("quotes", str(f), "--max-chars", "0").returncode == 2


def test_a_quote_that_finishes_a_sentence_is_printed_after_the_writer_s_words(tmp_path):
    # 'the crews would “listen before they walk out.”': the quotation is the end of the writer's sentence; alone it
    # read as a scrap (walk29). Text and Markdown print those words first; JSON gives them as "lead"
    f = tmp_path / "strike.txt"
    f.write_text("Ferry crews at Port Marrow stopped work on Monday.\n\nTomas Brenn said the crews would “come back "
                 "to work on Friday after the vote.”\n", encoding="utf-8")
    said = "Tomas Brenn said the crews would “come back to work on Friday after the vote.” — Tomas Brenn"
    assert run("quotes", str(f)).stdout == said + "\n"
    assert f"\n> {said.replace(' — ', chr(10) + '> — ')}\n" in run("quotes", str(f), "--format", "md").stdout
    [rec] = json.loads(run("quotes", str(f), "--format", "json").stdout)["quotes"]
    assert (rec["lead"], rec["text"]) == ("Tomas Brenn said the crews would", "come back to work on Friday after the vote.")


def test_batch_mode_reports_bad_lines_and_goes_on(tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": "Ana Ruiz won the vote. She thanked her staff. Turnout was 61%.", "budget_sentences": 1}) + "\n"
        + "not json\n"
        + json.dumps({"id": "c", "text": ""}) + "\n", encoding="utf-8")
    r = run("summary", "--batch", str(batch))
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x.get("id") for x in lines] == ["a", 2, "c"]
    assert len(lines[0]["sentences"]) == 1 and lines[0]["summary"]
    assert "error" in lines[1]
    assert lines[2]["sentences"] == []


def test_terminal_escapes_never_printed(lib_path, tmp_path):
    p = tmp_path / "evil.txt"
    p.write_text("Evil \x1b[31mred\x1b[0m title\n\nBody with \x1b]52;c;aGk=\x07 clipboard write and \x1b]8;;http://x\x07link\x1b]8;;\x07 and [bold]markup[/].\n")
    run("add", str(p))
    for args in (("list",), ("show", "1"), ("export",), ("summary", "1"), ("quotes", "1"), ("entities", "1")):
        r = run(*args)
        assert "\x1b" not in r.stdout and "\x07" not in r.stdout, args
    assert "[bold]markup[/]" in run("show", "1").stdout


def test_bad_summary_options_are_usage_errors(lib_path, dump):
    for args in (("--method", "bogus"), ("--ratio", "1.5"), ("--sentences", "0"), ("--sentences", "2", "--ratio", "0.5")):
        r = run("summary", str(dump), *args)
        assert r.returncode == 2, args
        assert "Traceback" not in r.stderr


def test_method_names_match_the_engine():
    from tui.cli import METHOD_NAMES
    from tui.engine.summarize import METHODS

    assert sorted(METHOD_NAMES) == sorted(METHODS)


def test_list_entity_finds_an_article_by_a_variant_of_its_name(tmp_path):
    """Issue 10 item 12: "US" x 3 and "United States" once are one place; `list --entity US` finds it."""
    p = tmp_path / "aid.txt"
    p.write_text("Harbour aid arrives\n\nThe US sent engineers to the harbour on Monday. A US official said the "
                 "US navy would help. The United States has done this before, the mayor said.\n", encoding="utf-8")
    db = str(tmp_path / "lib.db")
    assert run("--db", db, "add", str(p)).returncode == 0
    assert run("--db", db, "analyze").returncode == 0
    for name in ("US", "United States", "U.S."):
        r = run("--db", db, "list", "--entity", name)
        assert r.returncode == 0 and "Harbour aid arrives" in r.stdout, (name, r.stdout, r.stderr)
    assert "Harbour aid arrives" not in run("--db", db, "list", "--entity", "Canada").stdout


def test_a_sumy_method_that_cannot_rank_a_text_prints_no_warning(tmp_path):
    # Only function words: sumy's LexRank divides by a zero norm and numpy warned on stderr, under the output. A method
    # that ranks none of the sentences says so in one line, exit 1 (it printed "(lexrank, 0 sentences)", exit 0).
    path = tmp_path / "small-words.txt"
    path.write_text("Here\n\nIt is in there. It was there for us.\n\nWe are here with them. They were there for "
                    "it.\n", encoding="utf-8")
    for method in ("lexrank", "textrank", "lsa"):
        r = run("--db", str(tmp_path / "lib.db"), "summary", str(path), "--method", method)
        if r.returncode == 0:
            assert r.stderr == "" and f"({method}, " in r.stdout, (method, r)
        else:
            assert r.returncode == 1 and r.stdout == "" and r.stderr == cli_error(  # (as printed: a long TMPDIR cuts it)
                f"{path}: nothing to summarise: {method} could rank none of its sentences (too few words it weighs); "
                "another --method may; read the file itself") + "\n", (method, r)


def test_list_dates_an_undated_article_by_the_day_it_was_added(lib_path):
    """`list` showed "----------" for an article without a date, where the app shows the day it was added; since
    session 33 both show when it was added marked "~", on the reader's clock (tests/cli/test_undated_articles.py)."""
    from datetime import date, datetime

    from tui.store import Library

    assert run("add", "-", stdin="Quiet week in parliament\n\nNothing much happened in the chamber this week.\n").returncode == 0
    with Library(lib_path) as lib:
        added = datetime.fromisoformat(lib.db.execute("SELECT added_at FROM articles").fetchone()[0]).astimezone()
    line = next(x for x in run("list").stdout.splitlines() if "Quiet week" in x)
    shown = added.strftime("~%H:%M" if added.date() == date.today() else "~%y-%m-%d")
    assert f" {shown} " in line and "----------" not in line, line


def test_a_summary_of_no_sentences_fails_in_one_line(tmp_path, lib_path):
    """`summary` of a list of figures printed "Summary of “Lunch orders” (news, 0 sentences)" and exited 0, and of a
    word list its words joined as one "sentence": a file `add` skips as not prose is refused with add's reason, a
    stored article without a sentence (added with --force) says so, both with exit code 1 (README: 1 failure)."""
    figures = tmp_path / "orders.txt"
    figures.write_text("Lunch orders\n12\n7\n30\n4\n", encoding="utf-8")
    words = tmp_path / "fruit.txt"
    words.write_text("pear\nplum\nquince\nmedlar\nsloe\n", encoding="utf-8")
    for path in (figures, words):
        for fmt in ("text", "json"):
            r = run("summary", str(path), "--format", fmt)
            assert r.returncode == 1 and r.stdout == "" and r.stderr.count("\n") == 1, (path, fmt, r)
            assert f"{path.name}: nothing to summarise: no prose" in r.stderr, r.stderr
    assert run("add", "--force", str(figures)).returncode == 0
    r = run("summary", "1")
    assert r.returncode == 1 and r.stdout == "" and r.stderr.count("\n") == 1, r
    assert "article 1: no sentences to summarise" in r.stderr, r.stderr
    e = run("entities", str(words))  # a reading that finds nothing says so, as `quotes` does
    assert e.returncode == 0 and e.stdout == "no entities found\n", e


def test_list_entity_says_which_articles_it_could_not_search(tmp_path):
    """`list --entity` reads the entities analysis stored: an article just added, not analysed yet, is not found, and
    `list --entity "Bryn Adair"` said only "no articles" while `who` found him. It now says how many articles it could
    not search and what analyses them."""
    p = tmp_path / "keepers.txt"
    p.write_text("Lock keepers vote in Tarnley\n\nThe lock keepers of Tarnley voted on Friday to accept the canal "
                 "trust's pay offer, said Bryn Adair, their steward.\n", encoding="utf-8")
    db = str(tmp_path / "lib.db")
    assert run("--db", db, "add", str(p)).returncode == 0
    r = run("--db", db, "list", "--entity", "Bryn Adair")
    assert r.returncode == 0 and r.stdout == "", r
    assert r.stderr.splitlines() == [
        "no articles",
        "note: 1 article not analysed yet, so not searched for 'Bryn Adair': `newsreader analyze` analyses it"], r
    assert run("--db", db, "analyze").returncode == 0
    r = run("--db", db, "list", "--entity", "Bryn Adair")
    assert r.returncode == 0 and "Lock keepers vote in Tarnley" in r.stdout and r.stderr == "", r
