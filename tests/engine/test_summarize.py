"""Summaries on our own small hand-written articles."""

import pytest

from tui.engine.sentences import split_sentences
from tui.engine.summarize import METHODS, MethodUnavailable, summarize
from tui.engine.summarize import sumy_methods
from tui.engine.summarize.filters import eligible, is_boilerplate, quote_flags

ARTICLE = """Harbor City Backs New Tram Line

The Harbor City council approved a new tram line on Tuesday, ending a two-year dispute over the route through the old port district.

The line will cost $240 million and link the port district with the university and the central station. Construction is due to start in March and take three years.

"This is the best news the port district has had in decades," said Maria Lopez, who chairs the residents' association.

Critics on the council said the budget was too optimistic. Councillor Tom Berg said the city had underestimated the cost of moving water pipes under the route. He voted against the plan.

The tram line is part of a wider plan to cut car traffic in the centre by a third by 2035. The council will hold public meetings on the timetable next month.

Ok.

The Harbor Gazette publishes letters, opinions and analysis; the views expressed do not necessarily reflect those of the paper."""

TITLE = "Harbor City backs new tram line"


def check_valid(summary, text):
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(indices) and len(set(indices)) == len(indices)
    for s in summary.sentences:
        assert text[s.start : s.end] == s.text
    starts = [s.start for s in summary.sentences]
    assert starts == sorted(starts)


def run_or_skip(text, method, **kw):
    try:
        return summarize(text, method=method, **kw)
    except MethodUnavailable as e:
        pytest.skip(str(e))


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_returns_valid_spans_in_article_order(method):
    summary = run_or_skip(ARTICLE, method, sentences=3, title=TITLE)
    assert summary.method == method
    assert len(summary.sentences) == 3
    check_valid(summary, ARTICLE)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_no_method_picks_boilerplate_fragments_or_bare_quotes(method):
    # Ask for every sentence: only the eligible ones may come back.
    summary = run_or_skip(ARTICLE, method, sentences=50, title=TITLE)
    chosen = {s.text for s in summary.sentences}
    assert not any("publishes letters" in t for t in chosen)
    assert "Ok." not in chosen
    assert not any(t.startswith('"This is the best news') for t in chosen) or any(
        "said Maria Lopez" in t for t in chosen
    )
    for t in chosen:
        assert len(t.split()) >= 4


def test_news_picks_the_lead_and_skips_the_heading():
    summary = summarize(ARTICLE, sentences=2, title=TITLE)
    assert summary.method == "news"
    assert summary.sentences[0].text.startswith("The Harbor City council approved a new tram line")
    assert all("Harbor City Backs" not in s.text for s in summary.sentences)
    check_valid(summary, ARTICLE)


def test_news_avoids_repeating_itself():
    text = (
        "The mayor resigned on Friday after a row over the city budget. "
        "The mayor resigned on Friday after a long row over the city budget. "
        "Her deputy will run the city until an election in May. "
        "Officials said the budget gap was $40 million."
    )
    summary = summarize(text, sentences=2)
    assert summary.sentences[0].index == 0
    assert summary.sentences[1].index != 1


def test_length_by_count_and_by_ratio():
    n = len(split_sentences(ARTICLE))
    assert len(summarize(ARTICLE, sentences=1).sentences) == 1
    assert len(summarize(ARTICLE, sentences=4).sentences) == 4
    assert len(summarize(ARTICLE, ratio=0.5).sentences) == round(0.5 * n)
    assert len(summarize(ARTICLE, ratio=0.01).sentences) == 1


def test_default_length_grows_with_the_article():
    short = summarize(ARTICLE)
    assert len(short.sentences) == 3
    paragraph = " ".join(
        f"The committee met for the {i}th time and reviewed report number {i} on the harbour works." for i in range(1, 120)
    )
    assert len(summarize(paragraph).sentences) == 5


def test_bad_arguments():
    with pytest.raises(KeyError):
        summarize(ARTICLE, method="nope")
    with pytest.raises(ValueError):
        summarize(ARTICLE, ratio=1.5)
    with pytest.raises(ValueError):
        summarize(ARTICLE, sentences=-1)


def test_empty_and_one_sentence_texts():
    assert summarize("").sentences == []
    one = summarize("The bridge reopened to traffic on Monday morning.")
    assert [s.text for s in one.sentences] == ["The bridge reopened to traffic on Monday morning."]


def test_precomputed_sentences_are_used():
    sents = split_sentences(ARTICLE)
    a = summarize(ARTICLE, sents=sents, sentences=3)
    b = summarize(ARTICLE, sentences=3)
    assert [s.index for s in a.sentences] == [s.index for s in b.sentences]


def test_long_text_is_capped_for_slow_methods():
    sentence = "The board of the {n} district approved {n} new homes near the river on Monday."
    text = " ".join(sentence.format(n=i) for i in range(sumy_methods.CAPS["kl"] + 30))
    summary = summarize(text, method="kl", sentences=2)
    assert summary.limited.startswith(f"ranked the first {sumy_methods.CAPS['kl']} of")
    assert all(s.index < sumy_methods.CAPS["kl"] for s in summary.sentences)
    assert summarize(text, method="news", sentences=2).limited == ""


def test_boilerplate_patterns():
    assert is_boilerplate("Sign up for our daily newsletter.")
    assert is_boilerplate("The views expressed here are solely those of the author.")
    assert not is_boilerplate("The council approved the tram line on Tuesday.")


def test_bare_quotes_are_flagged_but_attributed_ones_are_not():
    text = (
        '"We will win this case." The firm said it would appeal. '
        '"It was a long day. Everyone was tired. We are glad it is over," said the coach.\n\n'
        'He told reporters: "The deal is done." ‘Nothing changes,’ she said.'
    )
    sents = split_sentences(text)
    flags = dict(zip([s.text for s in sents], quote_flags(sents)))
    assert flags['"We will win this case."'] is True
    assert flags["The firm said it would appeal."] is False
    assert flags['"It was a long day.'] is True
    assert flags["Everyone was tired."] is True  # inside the quotation
    assert flags['We are glad it is over," said the coach.'] is False
    assert flags['He told reporters: "The deal is done."'] is False
    assert flags["‘Nothing changes,’ she said."] is False
    assert eligible(sents)[1] is True


def test_non_english_text_degrades_gracefully():
    french = (
        "Le conseil municipal a approuvé mardi une nouvelle ligne de tramway. "
        "La ligne reliera le port à l'université et à la gare centrale. "
        "Les critiques estiment que le budget est trop optimiste."
    )
    summary = summarize(french, sentences=2)
    assert [s.index for s in summary.sentences] == [0, 1]
    chinese = "市政府星期二批准了一条新的有轨电车线路。这条线路将连接港口区和大学。批评者说预算过于乐观。"
    summary = summarize(chinese, sentences=1)
    assert [s.text for s in summary.sentences] == ["市政府星期二批准了一条新的有轨电车线路。"]
