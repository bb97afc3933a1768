"""What a demanding user met walking the command line on a day's library (walk31): `list --entity` found nobody by
the last word `who` finds a person by, `who` typed in lower case headed its page with the typed words, `feed list`
printed the stored status code "not_modified", and `--help` showed "--sentences SENTENCES, -n SENTENCES"."""

from __future__ import annotations

import json

from command import command_parsers
from tui.cli import build_parser, main

DAM = """---
title: Cracks found in the Corran Weir spillway
source: Lindale Courier
date: 2026-11-03
---

Engineers from the Lindale Water Board found three cracks in the spillway of the Corran Weir on Sunday, the board said.

"Nobody downstream is in danger today," said Orsolya Brandt, the mayor of Lindale. "But we will not wait for the spring
rains to find out what those cracks mean."

Brandt said the town would publish the survey in full by Friday.
"""

BUS = """---
title: Kessford council keeps its night buses
source: Kessford Gazette
date: 2026-11-02
---

Kessford's council voted 9 to 4 on Thursday to keep the town's three night bus routes running through next year.

"We are paying for empty seats," said councillor Tobiah Renk, who had proposed the cut.
"""


def _added(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dam.md").write_text(DAM, encoding="utf-8")
    (folder / "bus.md").write_text(BUS, encoding="utf-8")
    assert main(["add", str(folder)]) == 0
    assert main(["analyze"]) == 0
    capsys.readouterr()


def _titles(out: str) -> list[str]:
    return [line.split("  ")[-1].strip() for line in out.splitlines()]


def test_list_entity_reads_a_last_word_as_who_does(lib_path, tmp_path, capsys):
    _added(tmp_path, capsys)
    assert main(["list", "--entity", "Orsolya Brandt"]) == 0
    whole = capsys.readouterr()
    assert _titles(whole.out) == ["Cracks found in the Corran Weir spillway"] and whole.err == "", whole
    assert main(["list", "--entity", "Brandt"]) == 0  # it said "no articles"
    short = capsys.readouterr()
    assert short.out == whole.out, short
    assert short.err == "--entity 'Brandt': the articles that mention Orsolya Brandt\n", short.err
    assert main(["list", "--entity", "Brandt", "--json"]) == 0
    assert [json.loads(x)["title"] for x in capsys.readouterr().out.splitlines()] == [
        "Cracks found in the Corran Weir spillway"]
    assert main(["list", "--entity", "Zellweger"]) == 0  # nobody: as before
    assert capsys.readouterr().err == "no articles\n"


def test_who_names_a_page_as_its_articles_spell_it(lib_path, tmp_path, capsys):
    _added(tmp_path, capsys)
    for typed in ("lindale water board", "orsolya brandt", "LINDALE WATER BOARD"):
        assert main(["who", typed]) == 0
        head = capsys.readouterr().out.splitlines()[0]
        assert head.split(" (")[0] in ("Lindale Water Board", "Orsolya Brandt") and "also written" not in head, head
    assert main(["who", "lindale water board", "--json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["name"] == "Lindale Water Board" and page["aliases"] == ["Lindale Water Board"], page


def test_feed_list_says_an_unchanged_feed_in_words(lib, capsys):
    from tui.store.feeds import add_feed, update_feed

    for url, name, status in (("http://127.0.0.1:9/a.xml", "Kessford Gazette", "not_modified"),
                              ("http://127.0.0.1:9/b.xml", "Lindale Courier", "ok")):
        feed, _ = add_feed(lib, url, name)
        update_feed(lib, feed, last_status=status, last_refresh="2026-12-06T07:41:21Z")
    assert main(["feed", "list"]) == 0
    rows = {line.split()[1]: line for line in capsys.readouterr().out.splitlines()[1:]}
    assert " unchanged " in rows["Kessford"] and "not_modified" not in rows["Kessford"], rows
    assert " ok " in rows["Lindale"], rows
    assert main(["feed", "list", "--json"]) == 0  # JSON keeps the stored status
    assert [json.loads(x)["last_status"] for x in capsys.readouterr().out.splitlines()] == ["not_modified", "ok"]


def test_a_number_option_names_its_value_n_or_seconds():
    """`--sentences SENTENCES, -n SENTENCES`, `--limit LIMIT`, `--timeout TIMEOUT`: the option's name again in
    capitals where `list --limit N` says what to give."""
    echoed = [f"{name} {action.option_strings[0]}" for name, parser in command_parsers(build_parser())
              for action in parser._actions
              if action.option_strings and action.nargs != 0 and action.choices is None and action.type is not None
              and action.metavar is None]
    assert echoed == [], echoed
    helped = build_parser()._subparsers._group_actions[0].choices["brief"].format_help()
    assert "--sentences N, -n N" in helped and "--limit N" in helped, helped


class _Mentions:
    """The mention index `who`'s page reads, as three articles gave it: "Kessford" an organisation in two of them
    (nine mentions) and a place in one, written there in two cases (one mention each)."""

    skipped: list = []

    def named(self, last, full):
        return [("ORG", "Kessford", 9), ("LOC", "Kessford", 1), ("LOC", "KESSFORD", 1)]

    def articles(self, names, limit):
        return [(3, "Kessford mill reopens", "Lindale Courier", "2026-11-03", 4),
                (2, "Kessford mill sold", "Lindale Courier", "2026-11-02", 5),
                (1, "Floods in Kessford", "Kessford Gazette", "2026-11-01", 2)]

    def around(self, ids):
        return []


def test_who_gives_a_name_the_kind_most_of_its_mentions_have(lib):
    """The page's kind counted the (kind, spelling) pairs of a set: "Kessford" read as an organisation in two articles
    and a place in one was either from one run to the next (the hash seed ordered the tie), and a kind written in two
    spellings outvoted nine mentions of the other."""
    from tui.stories.people import _page

    page = _page(lib, "Kessford", _Mentions(), 50)
    assert (page.name, page.label) == ("Kessford", "ORG"), (page.name, page.label)
