"""A file removed from a watched folder (session 32): its article stayed in the library, silently in no source (the
folder forgot the file, its filter and counts dropped the article). The article is kept (what was read is never lost)
and stays in its folder, its file said gone: `show` and the app's article header say so, `show --json` gives
"file_gone", `watch list` and the feeds list count it ("1 gone (article kept)"). A file that comes back, under its
name or another, is the same article, no longer gone. A gone file that became no article is forgotten, as before."""

from __future__ import annotations

import json
import os

from tui.cli import main
from tui.sources.watch import scan_watched
from tui.store.reader import mark_read
from tui.store.watch import add_watch, folder_article_ids, folder_counts, folder_files, gone_file

NOTES = {
    "lock.md": "# Canal lock repaired\n\nThe lock gates at Hessle Bridge were rehung on Thursday, and boats passed "
               "through again by evening, the canal trust said.\n",
    "mill.md": "# Mill race cleared\n\nVolunteers cleared the mill race at Tarrow Green of fallen branches over the "
               "weekend, the first clearing since the spring floods.\n",
}


def _folder(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "words.txt").write_text("apple\npear\nplum\nquince\n", encoding="utf-8")  # not prose: skipped
    return folder


def _ids(lib) -> dict[str, int]:
    return {lib.get(i).title: i for i in lib.ids()}


def test_a_removed_file_keeps_its_article_in_its_folder_said_gone(lib, tmp_path, capsys):
    folder = _folder(tmp_path)
    watch_id, _ = add_watch(lib, str(folder))
    assert scan_watched(lib).new == 2
    ids = _ids(lib)
    lock = ids["Canal lock repaired"]
    assert gone_file(lib, lock) is None

    (folder / "lock.md").unlink()
    (folder / "words.txt").unlink()
    result = scan_watched(lib)
    assert (result.new, result.updated, result.errors) == (0, 0, [])
    assert lib.get(lock) is not None and lib.count() == 2
    assert sorted(folder_article_ids(lib, watch_id)) == sorted(ids.values())  # (main: the mill note alone)
    assert folder_counts(lib)[watch_id] == (2, 2)
    path, since = gone_file(lib, lock)
    assert path == str(folder / "lock.md") and len(since) == 20 and since.endswith("Z")
    assert gone_file(lib, ids["Mill race cleared"]) is None
    counted = folder_files(lib)[watch_id]
    assert (counted.imported, counted.gone, counted.skipped, counted.files) == (1, 1, 0, 2)  # the word list forgotten

    assert main(["show", str(lock)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"File gone: {folder / 'lock.md'} (the article is kept)" in out[:4], out
    assert main(["show", "--json", str(lock)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["file_gone"] == {"path": str(folder / "lock.md"), "since": since}
    assert main(["watch", "list"]) == 0
    assert "(2 files: 1 imported, 1 gone (article kept); last scan " in capsys.readouterr().out

    from tui.app.widgets.article_body import header_lines

    article = lib.get(lock)
    article.file_gone = gone_file(lib, lock)
    assert ("File gone: lock.md (the article is kept)", "meta") in header_lines(article)

    # a scan again: nothing changes, the time it was found gone stays
    scan_watched(lib)
    assert gone_file(lib, lock) == (path, since)


def test_a_file_that_comes_back_is_the_same_article(lib, tmp_path):
    folder = _folder(tmp_path)
    watch_id, _ = add_watch(lib, str(folder))
    scan_watched(lib)
    lock = _ids(lib)["Canal lock repaired"]
    mark_read(lib, [lock])
    (folder / "lock.md").unlink()
    scan_watched(lib)
    assert gone_file(lib, lock) is not None

    (folder / "lock.md").write_text(NOTES["lock.md"], encoding="utf-8")  # back, as it was
    result = scan_watched(lib)
    assert (result.new, result.updated, result.duplicates) == (0, 0, 0)
    assert gone_file(lib, lock) is None and lib.get(lock).read and lib.count() == 2
    assert folder_files(lib)[watch_id].gone == 0

    # gone again, then back under another name (moved): the same article, its old name forgotten
    (folder / "lock.md").unlink()
    scan_watched(lib)
    os.makedirs(folder / "archive")
    (folder / "archive" / "canal-lock.md").write_text(NOTES["lock.md"], encoding="utf-8")
    result = scan_watched(lib)
    assert (result.new, result.duplicates) == (0, 1)
    assert gone_file(lib, lock) is None and lib.count() == 2
    counted = folder_files(lib)[watch_id]
    assert (counted.gone, counted.files) == (0, 3), counted


def test_a_gone_files_article_deleted_leaves_nothing_gone(lib, tmp_path):
    folder = _folder(tmp_path)
    watch_id, _ = add_watch(lib, str(folder))
    scan_watched(lib)
    lock = _ids(lib)["Canal lock repaired"]
    (folder / "lock.md").unlink()
    scan_watched(lib)
    lib.remove(lock)
    scan_watched(lib)
    assert folder_files(lib)[watch_id].gone == 0
    assert folder_counts(lib)[watch_id] == (1, 1)


def _file_rows(lib, watch_id) -> list[tuple[str, bool]]:
    return sorted((os.path.basename(p), gone is not None) for p, gone in lib.db.execute(
        "SELECT path, gone FROM watched_files WHERE watch_id = ? AND path LIKE '%.md'", (watch_id,)))


def test_a_gone_file_whose_articles_are_all_deleted_is_forgotten(lib, tmp_path, capsys):
    """Session 33: the gone file's row stayed, counted nowhere, once its last article was deleted; back in the folder
    as it was, the file was then known and not read again. Now the delete forgets it (`remove`, the app's d), and d's
    undo (z) puts it back with its article; the file that comes back, as it was, is read as a new one."""
    from tui.store.undo import remove_saving, restore

    folder = _folder(tmp_path)
    watch_id, _ = add_watch(lib, str(folder))
    scan_watched(lib)
    ids = _ids(lib)
    (folder / "lock.md").rename(tmp_path / "lock.md")  # moved out, to come back as it was (size and time)
    (folder / "mill.md").unlink()
    scan_watched(lib)
    assert _file_rows(lib, watch_id) == [("lock.md", True), ("mill.md", True)]

    saved = remove_saving(lib, ids["Canal lock repaired"])  # the app's d
    assert _file_rows(lib, watch_id) == [("mill.md", True)]  # (main: lock.md's row stayed)
    assert restore(lib, saved)  # z
    assert _file_rows(lib, watch_id) == [("lock.md", True), ("mill.md", True)]
    assert gone_file(lib, ids["Canal lock repaired"])[0] == str(folder / "lock.md")
    assert folder_files(lib)[watch_id].gone == 2

    assert main(["remove", str(ids["Mill race cleared"])]) == 0
    capsys.readouterr()
    assert _file_rows(lib, watch_id) == [("lock.md", True)]
    assert folder_files(lib)[watch_id].gone == 1

    assert main(["remove", str(ids["Canal lock repaired"])]) == 0
    assert _file_rows(lib, watch_id) == []
    (tmp_path / "lock.md").rename(folder / "lock.md")  # back as it was: read as a new file (main: known, never read)
    assert scan_watched(lib).new == 1
    assert _file_rows(lib, watch_id) == [("lock.md", False)]
