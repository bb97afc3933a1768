"""One remark printed by two outlets, the first a few words shorter, is one quote wherever a speaker's quotes
are gathered (the story view, `y`, the briefing, the person page and `who`), with both outlets named and the fuller
wording shown; the second half of a quotation split by its attribution, opening "But", is no quote of its own. Our
own footbridge story (tests/stories/copy_samples.py), imported, analysed and grouped as the library does."""

from __future__ import annotations

import json

from tests.stories.added_steps import added_fixture, only_story, run
from tests.stories.copy_samples import (ALL, ENGINEER, FIRST_HALF, FULLER, GAZETTE, PARENT, POST, REOPEN,
                                        SECOND_HALF, SHORTER)
from tui.engine.analysis import cached_analysis
from tui.stories import group_new, story_of
from tui.stories.same_quote import fold, names, same_words
from tui.stories.story import story_summary

SPLIT = f"{FIRST_HALF} … {SECOND_HALF}"  # as every list shows a quotation split by its attribution


def _library(lib) -> int:
    ids = [lib.add_many([a])[0][1] for a in ALL]
    for i, a in zip(ids, ALL):
        cached_analysis(lib, i, a.body, title=a.title)
    group_new(lib)
    assert story_of(lib, ids[0]) == story_of(lib, ids[1])
    return story_of(lib, ids[0])


def _gazette(lib) -> int:
    return _of(lib, GAZETTE)


def _of(lib, article) -> int:
    [row] = lib.db.execute("SELECT id FROM articles WHERE source = ?", (article.source,)).fetchall()
    return row[0]


def _quotes(summary, speaker):
    [group] = [g for g in summary.quotes if g.speaker == speaker]
    return group.quotes


def test_the_story_view_lists_a_remark_two_outlets_printed_once(lib):
    from tui.app.screens.story_items import _side

    summary = story_summary(lib, _library(lib))
    quotes = _quotes(summary, ENGINEER)
    assert [q.text for q in quotes] == [REOPEN.rstrip(","), FULLER]  # it was listed twice: FULLER, then SHORTER
    piers = quotes[1]
    # dated by its first printing (the Gazette's shorter wording), the fuller wording shown with the article and outlet
    # that printed it: the view's enter (a "q:" line opens .article) opened the Gazette's shorter wording (quotes34
    # mended who and the person page so); the first printing's article kept for the briefing's latest reports
    assert piers.sources == [GAZETTE.source, POST.source] and piers.day == GAZETTE.published
    assert (piers.article, piers.source) == (_of(lib, POST), POST.source)
    assert (piers.first, piers.first_article) == (_gazette(lib), _gazette(lib))
    assert quotes[0].first is None and quotes[0].first_article == quotes[0].article  # printed once
    options, _names = _side(summary)
    shown = [o.prompt.plain for o in options if (o.id or "").startswith("q:")]
    assert sum(FULLER in x for x in shown) == 1 and not any(SHORTER in x for x in shown)
    assert any(x.endswith(f"{GAZETTE.source}, {POST.source}, {GAZETTE.published}") for x in shown), shown


def test_the_second_half_of_a_split_quotation_is_joined_to_its_first(lib):
    summary = story_summary(lib, _library(lib))
    assert [q.text for q in _quotes(summary, PARENT)] == [SPLIT]  # "But we have been asking ..." stood alone first


def test_y_and_the_briefing_name_both_outlets_once(lib):
    from tui.app.copytext import story_quotes_text
    from tui.stories.briefing import brief_item
    from tui.store.stories import story_row

    story = _library(lib)
    summary = story_summary(lib, story)
    text = story_quotes_text(summary)
    assert text.count("The piers are holding") == 1, text
    assert f"“{FULLER}” — {ENGINEER} ({GAZETTE.source}, {POST.source})" in text.splitlines()
    assert not any(line.startswith("“But") for line in text.splitlines())
    # the latest report's own quotation: the piers remark, printed whole on the latest day too, was first printed
    # the day before (it is no news of the latest day, though two outlets printed it)
    item = brief_item(lib, story_row(lib, story), 1.0, sentences=1)
    assert item.quote is not None and item.quote.text == REOPEN.rstrip(",")


def test_brief_quotes_and_the_briefing_s_y_name_every_outlet_as_story_does(lib):
    """`brief --quotes` and the briefing's `y` (quote_lines) named the quote's own outlet alone, and the briefing's
    quote line its first four, where `story`'s quote lines (and the story view's `y`) name every outlet that printed
    it. The same outlets now: every one in the copies and the Markdown, six and "+N more" in the text, as `story`."""
    from dataclasses import replace

    from tui.app.copytext import story_quotes_text
    from tui.stories.briefing import brief_item, markdown_blocks, quote_lines, text_blocks
    from tui.store.stories import story_row

    story = _library(lib)
    summary = story_summary(lib, story)
    piers = _quotes(summary, ENGINEER)[1]
    item = replace(brief_item(lib, story_row(lib, story), 1.0, sentences=1), quote=piers)
    [copied] = list(quote_lines([item]))
    assert copied.endswith(f"— {ENGINEER} ({GAZETTE.source}, {POST.source})"), copied
    assert copied in story_quotes_text(summary).splitlines()  # the story view's `y` copies the same line
    eight = replace(piers, sources=[f"Lisk Outlet {n}" for n in range(1, 9)])
    item = replace(item, quote=eight)
    [copied] = list(quote_lines([item]))
    assert copied.endswith("(" + ", ".join(eight.sources) + ")"), copied
    text = "\n".join(text_blocks([item]))
    assert "Lisk Outlet 6 +2 more, " in text and "Lisk Outlet 7" not in text, text
    md = "\n\n".join(markdown_blocks([item]))
    assert "Lisk Outlet 8, " in md, md


def test_who_lists_the_remark_once_with_both_outlets(lib):
    from tui.stories.people import who

    _library(lib)
    quotes = who(lib, ENGINEER).quotes
    assert [q["text"] for q in quotes] == [REOPEN.rstrip(","), FULLER]
    assert quotes[1]["sources"] == [GAZETTE.source, POST.source] and quotes[1]["day"] == GAZETTE.published
    # the article (and outlet) whose words are shown, the Post's fuller wording: the page's enter opens it (it was the
    # Gazette's, which printed the shorter wording); both printings in "articles", the shown one first
    assert (quotes[1]["article"], quotes[1]["source"]) == (_of(lib, POST), POST.source)
    assert quotes[1]["articles"] == [_of(lib, POST), _gazette(lib)]
    assert [q["text"] for q in who(lib, PARENT).quotes] == [SPLIT]


added = added_fixture(ALL)  # the samples, imported with `newsreader add`


def test_story_json_and_who_json_give_one_quote(added):
    _row, story = only_story()
    piers = [q for q in story["quotes"] if "The piers are holding" in q["text"]]
    assert [(q["text"], q["sources"], q["date"]) for q in piers] == [(FULLER, [GAZETTE.source, POST.source],
                                                                      GAZETTE.published)]
    person = json.loads(run("who", ENGINEER, "--json").stdout)
    assert [q["text"] for q in person["quotes"]] == [REOPEN.rstrip(","), FULLER]
    ids = {a["source"]: a["id"] for a in person["articles"]}
    gazette, post = ids[GAZETTE.source], ids[POST.source]
    assert (person["quotes"][1]["article"], person["quotes"][1]["articles"]) == (post, [post, gazette])
    # the text names the article whose words it shows first: "[Quillford Gazette, Marsh Valley Post, #2, also #1]"
    [line] = [x for x in run("who", ENGINEER).stdout.splitlines() if "The piers are holding" in x]
    assert line.endswith(f"[{GAZETTE.source}, {POST.source}, #{post}, also #{gazette}]"), line


# same_quote on its own: which wordings are one quotation

def test_a_wording_a_few_words_shorter_is_the_same_quotation():
    assert same_words(FULLER, SHORTER)
    # punctuation and marks do not count, nor a cut in the middle shown as "..."
    assert same_words("The piers are holding - but the gravel under the middle arch has moved.",
                      "The piers are holding, but the gravel ... has moved.")


def test_different_remarks_and_short_phrases_stay_apart():
    # the same opening, another remark
    assert not same_words("The piers are holding, but the divers have not been down yet.", FULLER)
    # a phrase of fewer than six words inside a longer quotation of the same speaker's
    assert not same_words("a temporary measure", "It is a temporary measure to save money.")
    assert fold(["The footbridge stays shut for now.", REOPEN, FULLER, SHORTER, FULLER.upper()]) == [[0], [1], [2, 3, 4]]


def test_one_sentence_said_of_two_towns_or_two_figures_is_two_remarks():
    # a minister's stock phrase about each town she visits: every word alike but the town
    brook = "We intend to review what happened in Ashcombe Brook and learn from it."
    assert not same_words(brook, "We intend to review what happened in Tolley Vale and learn from it.")
    assert not same_words("The offer of 4 per cent is the best the county can make this year.",
                          "The offer of 5 per cent is the best the county can make this year.")
    # an outlet that cut the town (or the day) from the same remark still prints the same quotation
    assert same_words(brook, "We intend to review what happened and learn from it.")
    assert fold([brook, "We intend to review what happened in Tolley Vale and learn from it.",
                 "We intend to review what happened in Ashcombe Brook, and learn from it."]) == [[0, 2], [1]]


def test_a_shorter_wording_repeating_its_words_is_still_the_same_quotation():
    # the word-set bound before the alignment counts a repeated word as often as the wording repeats it: eleven
    # words, six different, all in the longer (a bound of the shared words alone, six of eleven, would part them)
    said = "We will mend it and mend it and mend it again, said the warden at Pellow Cross."
    cut = "We will mend it and mend it and mend it again"
    assert same_words(said, cut)
    assert fold([said, "The ferry at Pellow Cross runs on Sundays from May.", cut]) == [[0, 2], [1]]
    # the repeats counted no more often than the longer holds them: "mend" thrice against once
    assert not same_words("We will mend it and then we will paint it and then we will sell it.",
                          "mend mend mend it and it and it again")


def test_names_are_capitalised_words_opening_no_sentence_and_figures():
    assert names("Ask Fenwick. They said 12 trains. I know it. “Which Tuesday?” Nobody in Carrow Hythe knew.") \
        == {"fenwick", "12", "tuesday", "carrow", "hythe"}
    assert names("THE OFFER OF 4 PER CENT STANDS") == {"4"}  # a wording in capitals: only its figures


def test_a_word_in_every_wording_proposes_no_candidates_but_rarer_ones_do():
    # 100 different remarks sharing "the footbridge", then a copy of the 60th a word shorter: found by its own words
    texts = ["The footbridge " + " ".join(f"w{n}{c}" for c in "abcdef") for n in range(100)]
    texts.append("The footbridge w60a w60b w60c w60d w60e")
    folds = fold(texts)
    assert len(folds) == 100 and [60, 100] in folds


def _aligned(monkeypatch) -> list[tuple[int, int]]:
    """The lengths of the two wordings of every ordered match (difflib) the fold runs, recorded."""
    from difflib import SequenceMatcher

    from tui.stories import same_quote

    seen: list[tuple[int, int]] = []

    def recording(junk, a, b, autojunk=True):
        seen.append((len(a), len(b)))
        return SequenceMatcher(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(same_quote, "SequenceMatcher", recording)
    return seen


def test_huge_stored_wordings_are_compared_on_their_first_words(monkeypatch):
    """Two stored quotations of 20,000 words of one repeated word (a library written by another program): the ordered
    match took minutes (`story` on them was stopped at 2 minutes); each is compared on its first COMPARED words."""
    from tui.stories.same_quote import COMPARED

    seen = _aligned(monkeypatch)
    texts = ["We will keep " + "the " * 20_000 + "open", "We will keep " + "the " * 19_990 + "open"]
    assert fold(texts) == [[0, 1]]
    assert seen and max(max(pair) for pair in seen) <= COMPARED
    assert same_words(texts[0], texts[1])
    assert fold(["\x00" * 50, "", "\x00 \x1b[2J Brenmoor ferries sail at dawn every day", "Brenmoor ferries sail at "
                 "dawn every day"]) == [[0], [1], [2, 3]]  # (NUL, escape and empty wordings: words only)


def test_a_fold_aligns_at_most_its_budget(monkeypatch):
    """300 wordings of the same 400 words each in another order: every pair passes the words' count bound and fails
    the order, each compared with up to COMMON others; the fold stops aligning at BUDGET and the rest stand alone."""
    import random

    from tui.stories.same_quote import BUDGET, COMPARED

    seen = _aligned(monkeypatch)
    rng = random.Random(7)
    texts = []
    for _ in range(300):
        ws = [f"brenmoor{k}" for k in range(200)]
        rng.shuffle(ws)
        texts.append(" ".join(ws * 2))
    assert len(fold(texts)) == 300
    assert sum(a * b for a, b in seen) <= BUDGET + COMPARED * COMPARED
