"""keys36 (walk35's "found, not fixed"): a plain-text note laid out "Headline / outlet / date / text" and added before
the importer read those lines was stored with no outlet and no date, its text opening "Fenland Post 2026-12-01" (the
block's two lines joined). `newsreader doctor --fill-headers` reads the header lines at the top of such stored texts
again and fills what is missing, never replacing an outlet or a date the article has. A labelled "Outlet:" line is
read too, at import and here. Our own notes (invented towns)."""

from __future__ import annotations

import pytest

from tui.cli import main
from tui.importers.text import header_of_stored, parse_text
from tui.models import Article
from tui.store import Library

TEXT = ("The ferry to Skerrvik was late again on Tuesday, the fourth time this month.\n\n"
        "Its crew blamed the tide at Wexcombe.")


@pytest.mark.parametrize("top, outlet, day", [
    ("Fenland Post 2026-12-01", "Fenland Post", "2026-12-01"),  # two lines of one block, joined
    ("Fenland Post\n\n2026-12-01", "Fenland Post", "2026-12-01"),  # in blocks of their own
    ("Kessby Courier · 3 December 2026", "Kessby Courier", "2026-12-03"),
    ("Outlet: Fenland Post Date: 2026-12-01", "Fenland Post", "2026-12-01"),  # labelled lines, joined
    ("Marta Quellin December 3, 2026", "", "2026-12-03"),  # a writer's name above the date: no outlet
    ("Background", "", None),  # a subheading
    ("", "", None),  # no header at all
])
def test_the_header_lines_of_a_stored_text_are_read_again(top, outlet, day):
    body = f"{top}\n\n{TEXT}" if top else TEXT
    assert header_of_stored("Ferry late again", body) == (outlet, day)


def test_a_labelled_outlet_line_is_read_at_import():
    a = parse_text(f"Ferry late again\n\nOutlet: Fenland Post\nDate: 2026-12-01\n\n{TEXT}\n")
    assert (a.source, a.published, a.body) == ("Fenland Post", "2026-12-01", TEXT)


def _stored(lib, title: str, body: str, **fields) -> int:
    (_status, article_id), = lib.add_many([Article(title=title, body=body, **fields)])
    return article_id


def test_doctor_fills_what_is_missing_and_replaces_nothing(lib_path, capsys):
    with Library(lib_path) as lib:
        old_note = _stored(lib, "Ferry late again", f"Fenland Post 2026-12-01\n\n{TEXT}")
        dated = _stored(lib, "Weir gates ordered", "Kessby Courier · 3 December 2026\n\nThe weir at Tarrow Fen will "
                        "get new gates.\n\nWork starts in spring.", published="2026-12-05")
        named = _stored(lib, "Library hours cut", "Oldbrook Herald 2026-11-30\n\nThe Oldbrook library will close on "
                        "Mondays.\n\nVolunteers want it open.", source="Marsh Star")
        linked = _stored(lib, "Bridge repaired", "Pellingham Post 2026-11-29\n\nThe Pellingham bridge reopened.\n\n"
                         "Traffic flowed again.", url="https://example.org/bridge")
        plain = _stored(lib, "Fair returns", "The Wexcombe fair returns in May.\n\nStalls are booked.")
    assert main(["doctor", "--fill-headers"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == ("read the header lines of 4 articles with no outlet or no date: filled 2 outlets and 2 dates "
                       "(none replaced)"), said
    with Library(lib_path) as lib:
        rows = {r.id: r for r in lib.rows_by_id([old_note, dated, named, linked, plain])}
        got = {i: (r.source, r.published, r.sort_key) for i, r in rows.items()}
        body = lib.get(old_note).body
    assert got[old_note] == ("Fenland Post", "2026-12-01", "2026-12-01")
    assert got[dated][:2] == ("Kessby Courier", "2026-12-05")  # its own date kept
    assert got[named][:2] == ("Marsh Star", "2026-11-30")  # its own outlet kept
    assert got[linked][:2] == ("", None) and got[plain][:2] == ("", None)  # a web page's, and no header lines
    assert body.startswith("Fenland Post 2026-12-01\n\n")  # the text stays as it was
    assert main(["doctor", "--fill-headers"]) == 0  # again: nothing left to fill (the note with no header lines)
    assert capsys.readouterr().out.startswith("read the header lines of 1 article with no outlet or no date: filled "
                                              "0 outlets and 0 dates")
