"""Sorting the library by title or source puts letters outside ASCII where a reader looks for them
(issue 10 reader basics): Łódź with the Ls, Émile with the Es, whatever the case."""

from __future__ import annotations

from tui.models import Article
from tui.store import Library
from tui.store import reader


def test_title_and_source_sorts_fold_accents_and_letters(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        ids = {}
        for title, source in [("Zurich trams run late", "Zeitung"), ("Łódź bets on batteries", "Łowicz Daily"),
                              ("émile wins the prize", "Echo"), ("Lisbon ferries return", "Lantern"),
                              ("Ørsted builds a wind farm", "Oslo Post"), ("Madrid opens a library", "Mundo")]:
            _status, ids[title.split()[0]] = lib.add(Article(title=title, source=source,
                                                    body=f"{title}. The council met on Tuesday about it. " * 3))
        by_title = [lib.get(i).title.split()[0] for i in reader.view_ids(lib, sort="title")]
        assert by_title == ["émile", "Lisbon", "Łódź", "Madrid", "Ørsted", "Zurich"]  # Łódź and émile were last
        by_source = [lib.get(i).source for i in reader.view_ids(lib, sort="source")]
        assert by_source == ["Echo", "Lantern", "Łowicz Daily", "Mundo", "Oslo Post", "Zeitung"]
        lib.set_read(ids["Lisbon"], True)
        unread = [lib.get(i).title.split()[0] for i in reader.view_ids(lib, view="unread", sort="title")]
        assert unread == ["émile", "Łódź", "Madrid", "Ørsted", "Zurich"]


def _adder(lib):
    """add(title, source, published) -> the id of a short article of ours stored in `lib`."""
    def add(title, source, published):
        return lib.add(Article(title=title, source=source, published=published,
                               body=f"{title}. The harbour board met on Monday about it. " * 3))[1]
    return add


def test_articles_with_no_source_come_after_every_named_source(tmp_path):
    """Sorted by source, the articles with none (pasted text, a file with no "Source:" line)
    sat first, above every outlet; they come last, newest first among themselves, in the plain-ASCII order and
    in the re-sort for letters outside ASCII alike."""
    with Library(tmp_path / "lib.db") as lib:
        add = _adder(lib)

        older_blank = add("Pasted note on the ferry timetable", "", "2026-02-01")
        mill = add("Mill reopens", "Ashby Courier", "2026-02-02")
        newer_blank = add("Another pasted note on the pier", "", "2026-02-03")
        zine = add("Zine fair returns", "Zeal Monthly", "2026-02-04")
        assert reader.view_ids(lib, sort="source") == [mill, zine, newer_blank, older_blank]
        lodz = add("Łódź trams", "Łowicz Daily", "2026-02-05")  # the re-sort's path
        assert reader.view_ids(lib, sort="source") == [mill, lodz, zine, newer_blank, older_blank]
        lib.set_read(newer_blank, True)
        assert reader.view_ids(lib, view="unread", sort="source") == [mill, lodz, zine, older_blank]


def test_sorted_by_source_a_leading_the_a_or_an_is_not_where_an_outlet_is_filed(tmp_path):
    """walk29: sorted by source, "The Lantern Post" sat under T, after "Tidewater Times". It is filed under L now
    (as "A Harbour Diary" under H, "An Ferry Log" under F), any case, the name shown whole; each outlet's
    articles stay together, newest first; a name that only starts with the letters ("Anchor Weekly", "Theatre
    Notes") or is the word alone ("The") is filed as it reads; no source still last."""
    with Library(tmp_path / "lib.db") as lib:
        add = _adder(lib)

        old_lantern = add("Quay lights fixed", "The Lantern Post", "2026-02-01")
        tidewater = add("Tide tables printed", "Tidewater Times", "2026-02-02")
        new_lantern = add("Quay lights fail again", "the lantern post", "2026-02-06")
        diary = add("A week on the pier", "A Harbour Diary", "2026-02-03")
        anchor = add("Anchor chains sold", "Anchor Weekly", "2026-02-04")
        ferry = add("Ferry late twice", "An  Ferry Log", "2026-02-05")
        theatre = add("Pier play opens", "Theatre Notes", "2026-02-07")
        word = add("A note from the word", "The", "2026-02-08")
        blank = add("Pasted note on the pier", "", "2026-02-09")
        order = reader.view_ids(lib, sort="source")
        assert order == [anchor, ferry, diary, new_lantern, old_lantern, word, theatre, tidewater, blank], [
            lib.get(i).source for i in order]
        assert lib.get(old_lantern).source == "The Lantern Post"  # shown whole
        lib.set_read(anchor, True)
        assert reader.view_ids(lib, view="unread", sort="source")[:3] == [ferry, diary, new_lantern]
        lodz = add("Łódź trams", "The Łowicz Daily", "2026-02-10")  # folded too
        order = reader.view_ids(lib, sort="source")
        assert order.index(lodz) == order.index(old_lantern) + 1, [lib.get(i).source for i in order]
