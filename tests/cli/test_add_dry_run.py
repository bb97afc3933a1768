"""`add --dry-run` says what a real `add` would: new, duplicate (of a stored article, by its id, or of a file earlier
in the same run) or skipped with the reason, and stores nothing. Before: every parsed article was "parsed" and the
count said "0 duplicates" though the library held them. Our own texts."""

from __future__ import annotations

import json

from tui.cli import main

STORED = ("Harbour dues rise\n\nThe port board raised harbour dues by four percent on Monday, the first rise in ten "
          "years, and said the money would pay for a new crane on the north quay.\n")
NEW = ("Ferry keeps its late boat\n\nThe harbour board voted on Tuesday to keep the late ferry to Skerrvik through "
       "the winter, after islanders said it was the only way home from their shifts in town.\n")


def _folder(tmp_path):
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "a-dues.txt").write_text(STORED, encoding="utf-8")  # already in the library
    (folder / "b-ferry.txt").write_text(NEW, encoding="utf-8")
    (folder / "c-ferry-again.txt").write_text(NEW, encoding="utf-8")  # the same text as b, in the same run
    (folder / "d-words.txt").write_text("pear\nplum\nquince\nmedlar\nsloe\n", encoding="utf-8")
    return folder


def test_a_dry_run_counts_what_a_real_add_would(lib, lib_path, tmp_path, capsys):
    folder = _folder(tmp_path)
    stored = tmp_path / "stored.txt"
    stored.write_text(STORED, encoding="utf-8")
    assert main(["add", str(stored)]) == 0
    capsys.readouterr()
    count, before = lib.count(), lib_path.read_bytes()

    assert main(["add", "--dry-run", str(folder)]) == 0
    dry = capsys.readouterr()
    assert main(["add", "--dry-run", "--json", str(folder)]) == 0
    records = {rec["origin"].rsplit("/", 1)[-1]: rec for rec in map(json.loads, capsys.readouterr().out.splitlines())}
    assert lib.count() == count and lib_path.read_bytes() == before  # nothing written

    dues = lib.db.execute("SELECT id FROM articles WHERE title = 'Harbour dues rise'").fetchone()[0]
    lines = dry.out.splitlines()
    assert lines[0] == f"duplicate  #{dues}  Harbour dues rise  ({folder / 'a-dues.txt'})"
    assert lines[1].startswith("parsed  Ferry keeps its late boat  [")
    assert lines[2] == (f"duplicate  Ferry keeps its late boat  ({folder / 'c-ferry-again.txt'}; the same text as "
                        f"{folder / 'b-ferry.txt'})")
    assert f"skipped {folder / 'd-words.txt'}: no prose" in dry.err
    assert dry.err.splitlines()[-1] == "parsed 1 article, 2 duplicates, 1 skipped (a dry run: nothing stored)"
    assert [(records[n]["status"], records[n].get("id")) for n in sorted(records)] == [
        ("duplicate", dues), ("parsed", None), ("duplicate", None), ("error", None)]

    # the real add says the same
    assert main(["add", str(folder)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "imported 1 article, 2 duplicates, 1 skipped"


def test_a_dry_run_without_a_library_creates_none(lib_path, tmp_path, capsys):
    folder = _folder(tmp_path)
    assert main(["add", "--dry-run", str(folder)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "parsed 2 articles, 1 duplicate, 1 skipped (a dry run: nothing stored)")
    assert not lib_path.exists()


def test_a_dry_run_beside_a_file_that_is_no_library_says_so_once(lib_path, tmp_path, capsys):
    lib_path.write_text("not a database at all, just words in a file\n" * 20, encoding="utf-8")
    folder = _folder(tmp_path)
    assert main(["add", "--dry-run", str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("note: duplicates not checked: ")
    assert err[-1] == "parsed 2 articles, 1 duplicate, 1 skipped (a dry run: nothing stored)"
    assert lib_path.read_text(encoding="utf-8").startswith("not a database")
