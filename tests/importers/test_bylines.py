"""Byline choice: labels and glued dates cleaned off, a publisher name passed over."""

from html_pages import page_article, paragraphs

from tui.importers.bylines import choose_byline, clean_byline


def test_form_labels_are_no_byline():
    for label in ("Name", "Username", "Follow", "作者"):
        assert clean_byline(label) == ""


def test_label_prefix_month_tail_and_repeats_are_removed():
    assert clean_byline("责任编辑：王小明") == "王小明"
    assert clean_byline("Autor www.tinytravels.example") == "www.tinytravels.example"
    assert clean_byline("Priya Nandakumar Ramesh July") == "Priya Nandakumar Ramesh"
    assert clean_byline("June Carter") == "June Carter"  # a short name keeps its month-like word
    assert clean_byline("Tomas Berg; TOMAS BERG") == "Tomas Berg"


def test_publisher_byline_gives_way_to_the_visible_author():
    got = choose_byline("The Harbour Gazette", ["Lena Vogt"], [], [], site="Storm Warning | The Harbour Gazette")
    assert got == "Lena Vogt"
    # with nothing better on the page, the extractor's answer stands
    assert choose_byline("The Harbour Gazette", [], [], [], site="The Harbour Gazette") == "The Harbour Gazette"


def test_label_byline_falls_back_to_metadata():
    assert choose_byline("Username", [], ["Karim Osei"], [], site="Town Crier") == "Karim Osei"
    assert choose_byline("", [], ["https://social.example/towncrier"], ["Ada Kowalczyk"]) == "Ada Kowalczyk"


def test_rel_author_link_is_read_from_the_page():
    paras = paragraphs("The allotment society counted {i} plots in use this spring, the most since the site opened, "
                       "and a waiting list of families hoping for a patch of their own.", first=40)
    a = page_article('<title>Allotments Full Again</title><meta name="author" content="Name">',
                     '<article><h1>Allotments Full Again</h1><p class="meta">Posted by <a rel="author" href="/u/rb">'
                     f"Rosa Bianchi</a></p>{paras}</article>", "plots.html")
    assert a.byline == "Rosa Bianchi"
