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
    ("12 March 2019 — Tarrow Gazette", "Tarrow Gazette", "2019-03-12"),  # date first, a spaced dash between
    ("Tarrow Gazette – 12 March 2019", "Tarrow Gazette", "2019-03-12"),  # outlet first, an en dash
    ("12 March 2019 — Tarrow council", "", "2019-03-12"),  # no outlet's name after the dash: the date alone
    ("Background", "", None),  # a subheading
    ("", "", None),  # no header at all
])
def test_the_header_lines_of_a_stored_text_are_read_again(top, outlet, day):
    body = f"{top}\n\n{TEXT}" if top else TEXT
    assert header_of_stored("Ferry late again", body) == (outlet, day)


def test_a_labelled_outlet_line_is_read_at_import():
    a = parse_text(f"Ferry late again\n\nOutlet: Fenland Post\nDate: 2026-12-01\n\n{TEXT}\n")
    assert (a.source, a.published, a.body) == ("Fenland Post", "2026-12-01", TEXT)


@pytest.mark.parametrize("top", ["12 March 2019 — Tarrow Gazette", "Tarrow Gazette — 12 March 2019"])
def test_a_date_and_an_outlet_either_side_of_a_dash_are_read_at_import(top):
    """close-s36: an old note's first line "12 March 2019 — Brenmoor Gazette" was read whole as a date, the outlet lost
    (by `add`, and so by `doctor --fill-headers`, which reads the header lines as `add` does)."""
    a = parse_text(f"Ferry late again\n\n{top}\n\n{TEXT}\n")
    assert (a.source, a.published, a.body) == ("Tarrow Gazette", "2019-03-12", TEXT)


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
    assert body == TEXT  # the header paragraph filled from left the text, as a fresh import leaves it out
    assert said[1].startswith("took the header lines out of 3 texts (the app or `newsreader analyze` analyses them"), said
    assert main(["doctor", "--fill-headers"]) == 0  # again: nothing left to fill (the note with no header lines)
    again = capsys.readouterr().out.splitlines()
    assert again[:2] == ["read the header lines of 1 article with no outlet or no date: filled 0 outlets and 0 dates "
                         "(none replaced)", "took the header lines out of 0 texts"], again


def test_the_header_lines_filled_from_leave_the_text_and_nothing_else(lib_path, tmp_path, capsys):
    """keys36's noticed: the header paragraph ("Fenland Post 2026-12-01") stayed the first paragraph of the text after
    its outlet and date were filled from it. It goes, and only it: the rest of the text is kept character for
    character, the article's analysis and mentions are dropped (made again from the new text), its search finds the
    text and not the header, and its content hash is the one a fresh `add` of the same note gives (so that add says
    it is already in the library). A note whose text without its header is another article's of the same outlet keeps
    its header; of another outlet, it is that article's copy and holds the same text (cli38: it kept its header)."""
    from tui.models import content_hash

    odd = "Its crew blamed the tide at Wexcombe.\n\nThe next day, Fenland Post 2026-12-01 said, it was late again."
    with Library(lib_path) as lib:
        note = _stored(lib, "Ferry late again", f"Fenland Post 2026-12-01\n\n{odd}")
        twice = _stored(lib, "Weir gates ordered", f"Outlet: Oldbrook Herald Date: 2026-11-30\n\n{TEXT}")
        copy = _stored(lib, "Weir gates", TEXT, source="Marsh Star", published="2026-11-29")  # added since
        same = _stored(lib, "Weir gates again", f"Marsh Star 2026-11-29\n\n{TEXT}")  # the same outlet's
        lib.db.execute("INSERT INTO analysis (article_id, key, data) VALUES (?, 'x', '{}')", (note,))
        lib.db.execute("INSERT INTO mentions (article_id, label, name, count) VALUES (?, 'PLACE', 'Wexcombe', 1)",
                       (note,))
        lib.db.commit()
    assert main(["doctor", "--fill-headers"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[1] == ("took the header lines out of 2 texts (the app or `newsreader analyze` analyses them again); "
                       "1 kept them: without them the text is another article's of the same outlet (or of none)"), said
    with Library(lib_path) as lib:
        got = {i: lib.get(i) for i in (note, twice, copy, same)}
        row = lib.db.execute("SELECT hash FROM articles WHERE id = ?", (note,)).fetchone()
        twin = lib.db.execute("SELECT twin_of FROM articles WHERE id = ?", (twice,)).fetchone()[0]
        assert lib.db.execute("SELECT count(*) FROM analysis WHERE article_id = ?", (note,)).fetchone()[0] == 0
        assert lib.db.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (note,)).fetchone()[0] == 0
        assert note in lib.ids("Wexcombe")  # the search index follows the new text
    assert (got[note].source, got[note].published, got[note].body) == ("Fenland Post", "2026-12-01", odd)
    assert row[0] == content_hash("Ferry late again", odd)
    assert (got[twice].source, got[twice].published) == ("Oldbrook Herald", "2026-11-30")
    assert got[twice].body == got[copy].body == TEXT and twin == copy  # another outlet's copy of `copy`'s text
    assert (got[same].source, got[same].body) == ("Marsh Star", f"Marsh Star 2026-11-29\n\n{TEXT}")  # kept


LABELLED = "Councillor Wenna Drace asked for a new footbridge at Orlby Mill.\n\nThe vote was put off to April."


def test_a_title_stored_with_its_label_loses_it(lib_path, capsys):
    """cli38: notes stored before session 37 left the "Title:" label out kept it in their title; the fill takes it out
    (a note with its outlet and date too), reads the header lines under it as it reads a fresh import's, and the
    story the note is in is titled without it. A web page's title and one that only begins like a label are kept."""
    with Library(lib_path) as lib:
        old = _stored(lib, "Title: Notes from the Orlby council",
                      f"Author: Ana Liss\n\nDate: 2019-03-14\n\nSource: my notebook\n\n{LABELLED}")
        whole = _stored(lib, "HEADLINE: Orlby weir to be mended", "The weir at Orlby will be mended in spring, the "
                        "council said.\n\nWork starts in March.", source="Orlby Echo", published="2026-11-30")
        page = _stored(lib, "Title: a page's own", "A page of the web.\n\nIts second paragraph.",
                       url="https://example.org/page")
        word = _stored(lib, "Titles: a history of the Orlby crown", "The crown of Orlby is old.\n\nIt is gold.",
                       source="Orlby Echo", published="2026-11-29")
    assert main(["stories"]) == 0
    capsys.readouterr()
    assert main(["doctor", "--fill-headers"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == ("read the header lines of 1 article with no outlet or no date: filled 1 outlet and 1 date "
                       "(none replaced)"), said
    assert 'took the "Title:" or "Headline:" label out of 2 titles, as `add` leaves it out now' in said, said
    with Library(lib_path) as lib:
        got = {i: lib.get(i) for i in (old, whole, page, word)}
        stories = [r[0] for r in lib.db.execute("SELECT title FROM stories")]
        found = lib.ids("Orlby council")
    assert (got[old].title, got[old].source, got[old].published, got[old].body) == (
        "Notes from the Orlby council", "my notebook", "2019-03-14", LABELLED)
    assert got[whole].title == "Orlby weir to be mended" and got[whole].source == "Orlby Echo"
    assert got[page].title == "Title: a page's own" and got[word].title == "Titles: a history of the Orlby crown"
    assert {"Notes from the Orlby council", "Orlby weir to be mended"} <= set(stories), stories
    assert not {"Title: Notes from the Orlby council", "HEADLINE: Orlby weir to be mended"} & set(stories), stories
    assert old in found  # the search index follows the title
    assert main(["doctor", "--fill-headers"]) == 0  # again: nothing left to mend
    assert not any("label" in line for line in capsys.readouterr().out.splitlines())
