"""A watched file holding several articles (a feed file, a JSON Lines export) counts and lists every one of them in
its folder's figures and filter: the folder kept the file's first article only (watched_files.article_id), so a
feed file of four items showed as one article in the feeds list (F) and in the folder's filter."""

from __future__ import annotations

import sqlite3

from tui.sources.watch import scan_watched
from tui.store import Library
from tui.store.library import _statements
from tui.store.undo import remove_saving, restore
from tui.store.schema import MIGRATIONS, SCHEMA_VERSION
from tui.store.watch import add_watch, folder_article_ids, folder_counts, gone_file

ITEMS = [("Ferry timetable changes for the winter", "The island ferry will sail twice a day from November, the "
          "operator said, after a summer of four daily crossings to Skelly Island and back."),
         ("Harbour board names a new pilot master", "The harbour board named Ines Carrow its pilot master on Monday; "
          "she has guided ships into the estuary for eleven years."),
         ("Fish market reopens after the storm repairs", "The fish market on the quay reopened on Tuesday after six "
          "weeks of repairs to its roof and cold store, traders said."),
         ("Lifeboat crew trains with a new engine", "The lifeboat crew spent the weekend training with the boat's new "
          "engine, which the station bought with money raised in the town.")]


def feed_file(items) -> str:
    entries = "".join(f"<item><title>{t}</title><guid>g{n}</guid><description>{b}</description></item>"
                      for n, (t, b) in enumerate(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quay digest</title>'
            f"<link>http://example.invalid/</link>{entries}</channel></rss>")


def titles(lib, ids) -> set[str]:
    return {lib.get(i).title for i in ids}


def test_every_article_of_a_watched_feed_file_counts_in_its_folder(lib, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "digest.xml").write_text(feed_file(ITEMS), encoding="utf-8")
    (folder / "note.md").write_text("# Pier lights\n\nThe pier's lights were switched on a week early after two "
                                    "boats scraped the old pier in the fog.\n", encoding="utf-8")
    watch_id, _ = add_watch(lib, str(folder))
    result = scan_watched(lib)
    assert result.new == 5
    assert folder_counts(lib)[watch_id] == (5, 5)  # was (2, 2): the feed file's first item and the note
    assert titles(lib, folder_article_ids(lib, watch_id)) == {t for t, _ in ITEMS} | {"Pier lights"}

    # delete one of the file's articles: the folder counts one fewer; undo puts it back in the folder
    gone = next(i for i in folder_article_ids(lib, watch_id) if lib.get(i).title == ITEMS[2][0])
    removed = remove_saving(lib, gone)
    assert folder_counts(lib)[watch_id] == (4, 4)
    assert restore(lib, removed)
    assert folder_counts(lib)[watch_id] == (5, 5)

    # the file changes (an item dropped, one added): the folder follows what it holds now
    (folder / "digest.xml").write_text(feed_file(ITEMS[1:] + [("Quay crane back in service", "The quay's old crane "
                                       "lifted its first load in a year on Wednesday after its gears were rebuilt.")]),
                                       encoding="utf-8")
    scan_watched(lib)
    shown = titles(lib, folder_article_ids(lib, watch_id))
    assert "Quay crane back in service" in shown and ITEMS[0][0] not in shown, shown
    assert folder_counts(lib)[watch_id] == (5, 5)

    # the file goes: its articles stay in the library and in the folder, its file said gone (session 32: they were
    # dropped from the folder, left in no source)
    (folder / "digest.xml").unlink()
    scan_watched(lib)
    assert titles(lib, folder_article_ids(lib, watch_id)) == shown
    assert {gone_file(lib, i)[0] for i in folder_article_ids(lib, watch_id) if lib.get(i).title != "Pier lights"} == {
        str(folder / "digest.xml")}
    assert gone_file(lib, next(i for i in folder_article_ids(lib, watch_id) if lib.get(i).title == "Pier lights")) is None


def test_a_library_from_before_keeps_its_folders_first_articles(lib_path, tmp_path):
    """Upgraded in place (migration 20): each watched file's article as it was recorded stays in its folder."""
    before = 19  # a library from before migration 20 (SCHEMA_VERSION - 1 once migration 21 came)
    db = sqlite3.connect(lib_path)
    for number in range(before):
        for stmt in _statements(MIGRATIONS[number]):
            db.execute(stmt)
    db.execute("INSERT INTO watched (id, path, added_at) VALUES (1, ?, 'x')", (str(tmp_path / "drop"),))
    db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES ('Pier lights', 'b', 'h1', 'x', 'x')")
    db.execute("INSERT INTO watched_files (watch_id, path, size, mtime_ns, article_id) VALUES (1, ?, 1, 1, 1)",
               (str(tmp_path / "drop" / "a.md"),))
    db.execute("UPDATE counts SET value = 1")
    db.execute(f"PRAGMA user_version = {before}")
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert folder_article_ids(lib, 1) == [1]
        assert folder_counts(lib)[1] == (1, 1)


def test_a_folder_keeps_why_its_files_became_no_article(lib, tmp_path):
    """Files that became no article are counted per folder with why (migration 29; the feeds list says it): a file
    that changes into an article leaves the count, a deleted article's file never enters it, one that goes leaves."""
    from tui.store.watch import skipped_files

    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "note.md").write_text("# Pier lights\n\nThe pier's lights were switched on a week early after two "
                                    "boats scraped the old pier in the fog.\n", encoding="utf-8")
    (folder / "a.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "b.txt").write_bytes(bytes(range(256)) * 5)
    (folder / "c.xml").write_text("<rss><channel><title>x</title>", encoding="utf-8")
    watch_id, _ = add_watch(lib, str(folder))
    scan_watched(lib)
    found = skipped_files(lib)[watch_id]
    assert sum(n for _why, n in found) == 3 and found[0][1] == 2 and found[0][0].startswith("binary"), found
    assert found[1][0].startswith("not a readable feed") or found[1][0].startswith("not a feed"), found

    (folder / "a.txt").write_text("# Quay crane back\n\nThe quay's old crane lifted its first load in a year on "
                                  "Wednesday after its gears were rebuilt.\n", encoding="utf-8")
    (folder / "c.xml").unlink()
    scan_watched(lib)
    assert [n for _why, n in skipped_files(lib)[watch_id]] == [1], skipped_files(lib)
    remove_saving(lib, next(i for i in folder_article_ids(lib, watch_id) if lib.get(i).title == "Pier lights"))
    assert [n for _why, n in skipped_files(lib)[watch_id]] == [1], skipped_files(lib)  # a deleted article: no skip
