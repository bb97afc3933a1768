"""A watched folder takes what `newsreader add` takes (README): a word list dropped in it is skipped with the reason,
once, as `add` skips it, not imported as an article titled with its first word (walk24)."""

from __future__ import annotations

from tui.sources.watch import scan_watched
from tui.store.watch import add_watch, folder_article_ids

NOTE = ("# Pier lights switched on early\n\nThe pier's lights were switched on a week early after two boats scraped "
        "the old pier in the fog, the harbour master said on Friday.\n")
WORDS = "apple\nbanana\ncherry\ndamson\nelderberry\nfig\ngrape\n"


def test_a_word_list_in_a_watched_folder_is_skipped_with_its_reason_once(lib, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "note.md").write_text(NOTE, encoding="utf-8")
    (folder / "fruit.txt").write_text(WORDS, encoding="utf-8")
    watch_id, _ = add_watch(lib, str(folder))
    result = scan_watched(lib)
    assert result.new == 1
    assert [lib.get(i).title for i in folder_article_ids(lib, watch_id)] == ["Pier lights switched on early"]
    assert [(path.rsplit("/", 1)[-1], why.split(":")[0]) for path, why in result.errors] == [("fruit.txt", "no prose")]
    again = scan_watched(lib)  # unchanged: not read, not said again
    assert again.new == 0 and again.errors == [] and again.unchanged == 2
