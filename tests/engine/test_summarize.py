"""Summaries on our own small hand-written articles."""

import pytest

from tui.engine.sentences import split_sentences
from tui.engine.summarize import METHODS, MethodUnavailable, summarize
from tui.engine.summarize import sumy_methods
from tui.engine.summarize.filters import eligible, is_boilerplate, quote_flags
from tui.engine.types import Sentence

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


def test_boilerplate_words_in_ordinary_news_are_not_boilerplate():
    # A story about copyright law, a letter someone wrote, "more from" inside a sentence.
    assert not is_boilerplate("The judges will decide who is liable for copyright infringement online.")
    assert not is_boilerplate("Police found a letter written by the driver the day before the crash.")
    assert not is_boilerplate("Visitors got all that and more from the little museum by the harbour.")
    # The credit lines themselves still are.
    assert is_boilerplate("Copyright 2024 Harbour Gazette Ltd.")
    assert is_boilerplate("Harbour Gazette copyright (c) 2023, used with permission.")
    assert is_boilerplate("Written by Ann Example and Bo Sample.")
    assert is_boilerplate("Read more from our transport desk.")


def flags_by_sentence(text: str) -> dict[str, bool]:
    """Each sentence of `text` (split_sentences) -> its quote flag (quote_flags: a bare quotation)."""
    sents = split_sentences(text)
    return dict(zip([s.text for s in sents], quote_flags(sents)))


def test_bare_quotes_are_flagged_but_attributed_ones_are_not():
    text = (
        '"We will win this case." The firm said it would appeal. '
        '"It was a long day. Everyone was tired. We are glad it is over," said the coach.\n\n'
        'He told reporters: "The deal is done." ‘Nothing changes,’ she said.'
    )
    flags = flags_by_sentence(text)
    assert flags['"We will win this case."'] is True
    assert flags["The firm said it would appeal."] is False
    assert flags['"It was a long day.'] is True
    assert flags["Everyone was tired."] is True  # inside the quotation
    assert flags['We are glad it is over," said the coach.'] is False
    assert flags['He told reporters: "The deal is done."'] is False
    assert flags["‘Nothing changes,’ she said."] is False
    assert eligible(split_sentences(text))[1] is True


def test_a_long_quotation_that_reopens_its_marks_stays_quoted_to_its_end():
    # One speaker's words over seven sentences of a paragraph, each new part opening with a
    # fresh mark and only the last one closed: every sentence after the first is his quote.
    text = (
        "Coach Ann Lee was delighted after the match. "
        '"We did everything we could to win the game. '
        "I am very proud of the players. "
        '"I thought we dominated the second half. '
        "The forwards were superb all afternoon. "
        '"The backs were quick too. '
        'Given the pressure we were under, credit must go to all of them."'
    )
    sents = split_sentences(text)
    assert len(sents) == 7
    assert quote_flags(sents) == [False, True, True, True, True, True, True]


def test_a_possessive_cut_off_at_the_start_of_a_sentence_is_not_a_quotation():
    # A splitter may cut "Act Now!'s" after the exclamation mark; the "'s" left over opens no quote.
    parts = ["Campaigners from the group Act Now!", "'s London branch said the deal was a start.", "They meet in May."]
    sents, start = [], 0
    for part in parts:
        sents.append(Sentence(start, start + len(part), part))
        start += len(part)
    assert quote_flags(sents) == [False, False, False]
    assert eligible(sents)[1] is True


def test_a_quote_closed_by_a_comma_and_a_short_tail_names_its_speaker():
    text = (
        '"We have had an approach from the county," confirmed a club spokesman. '
        '"It took a lot of work to get here," she revealed. '
        '"Why now?" came the reply from the back of the hall.\n\n'
        '"We have had an approach from the county." The club will meet on Friday.'
    )
    flags = flags_by_sentence(text)
    assert flags['"We have had an approach from the county," confirmed a club spokesman.'] is False
    assert flags['"It took a lot of work to get here," she revealed.'] is False
    assert flags['"Why now?" came the reply from the back of the hall.'] is False
    # The same words closed by a full stop, with nothing after them, stay a bare quotation.
    assert flags['"We have had an approach from the county."'] is True


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


# --- coverage, quote anchors and the long-summary regime -------------------------------

from itertools import combinations  # noqa: E402
from math import isclose, sqrt  # noqa: E402

from tui.engine.summarize.coverage import coverage, coverage_terms  # noqa: E402
from tui.engine.summarize.filters import quote_anchors  # noqa: E402
from tui.engine.summarize.news import coverage_weight  # noqa: E402


def test_coverage_terms_drop_function_words_and_numbers_but_keep_the_country():
    terms = coverage_terms("The US said it had sold 40 ships to us in 2004.")
    assert set(terms) == {"us", "said", "sold", "ship"}
    assert terms["us"] == 1  # the capitalised country; the pronoun "us" is a function word


def test_coverage_equals_the_sum_of_pairwise_cosines():
    texts = [
        "The port strike closed the harbour for a week.",
        "Dock workers ended the strike after the harbour owners raised pay.",
        "A new ferry timetable starts in June.",
        "Owners of the harbour said the strike cost them millions.",
    ]
    vecs = [coverage_terms(t) for t in texts]

    def cos(a, b):
        dot = sum(a[w] * b[w] for w in a)
        return dot / sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))

    degree = [0.0] * len(texts)
    for i, j in combinations(range(len(texts)), 2):
        degree[i] += cos(vecs[i], vecs[j])
        degree[j] += cos(vecs[i], vecs[j])
    top = max(degree)
    for got, want in zip(coverage(texts), degree):
        assert isclose(got, want / top, abs_tol=1e-9)
    assert coverage(texts).index(1.0) in (1, 3)  # a strike-and-harbour sentence is the most central
    assert coverage(["Rain.", "Sun shines."]) == [0.0, 0.0]
    assert coverage([]) == []


def test_coverage_reads_a_repeated_sentence_once_and_scores_it_as_each_copy(monkeypatch):
    """A page of one wire line repeated (datelines) has hundreds of word-for-word equal sentences: their terms are
    read once and every copy gets the degree each would get on its own, the same floats as sentences read apart."""
    from tui.engine.summarize import coverage as module

    texts = ["Dock workers ended the strike after the harbour owners raised pay."] * 50 + [
        "The port strike closed the harbour for a week.", "A new ferry timetable starts in June."] * 3
    apart = [t + " " for t in texts]  # no two equal (a trailing space adds no word): each read on its own
    assert coverage(apart) == coverage(texts)
    read = []
    terms = module.coverage_terms
    monkeypatch.setattr(module, "coverage_terms", lambda t: read.append(t) or terms(t))
    got = coverage(texts)
    assert len(read) == 3 and len(set(got)) == 3 and got[0] == 1.0 and got[-1] < got[-2] < 1.0


def test_quote_anchors_point_at_the_sentence_naming_the_speaker():
    text = (
        'The coach said: "We played well. Nobody gave up in the second half."\n\n'
        '"It was a long season. We are glad it is over," said the captain.\n\n'
        '"Everyone knows what happened here tonight in this town."'
    )
    sents = split_sentences(text)
    by_text = {s.text: i for i, s in enumerate(sents)}
    anchors = quote_anchors(sents)
    # continues a quotation opened by its speaker
    assert anchors[by_text["Nobody gave up in the second half.\""]] == by_text['The coach said: "We played well.']
    # opens a quotation that its closing sentence attributes
    assert anchors[by_text['"It was a long season.']] == by_text['We are glad it is over," said the captain.']
    # a paragraph that is only a quotation has no speaker to lean on
    assert by_text['"Everyone knows what happened here tonight in this town."'] not in anchors


def test_coverage_weight_follows_the_requested_share():
    assert coverage_weight(3, 30) == 0.0  # a short summary of a long article: lead first
    assert coverage_weight(5, 10) == 1.0  # half the article: coverage alone
    assert 0.0 < coverage_weight(7, 20) < 1.0
    assert coverage_weight(3, 0) == 0.0


QUOTES = """The city council voted on Monday to close the old harbour bridge to cars from May.

Engineers found cracks in two of the bridge's steel supports during an inspection in March, the council said.

Mayor Ana Reyes said the bridge would stay open to walkers and cyclists. "Repairs to the steel supports will take at least two years. The harbour bridge will be safe for people on foot and on bikes," she said.

Drivers will use the ring road while the harbour bridge is repaired. Traffic on the ring road is expected to rise by a fifth.

"The harbour bridge supports were not checked properly for years and the repairs came too late."

Local shops near the harbour bridge fear a drop in trade while cars are kept away from the bridge."""


def test_long_summaries_never_show_a_quote_without_its_speaker():
    sents = split_sentences(QUOTES)
    anchors = quote_anchors(sents)
    allowed = eligible(sents)
    for count in range(1, len(sents) + 1):
        chosen = {s.index for s in summarize(QUOTES, sentences=count).sentences}
        for i in chosen:
            assert allowed[i] or (i in anchors and anchors[i] in chosen), (count, sents[i].text)
    # The bare closing quotation has no anchor and never appears, however long the summary.
    bare = next(i for i, s in enumerate(sents) if s.text.startswith('"The harbour bridge supports'))
    assert bare not in {s.index for s in summarize(QUOTES, sentences=len(sents)).sentences}


def test_a_large_share_reaches_past_the_lead_for_the_central_sentences():
    # Asking for half the article: the sentences about the bridge's repairs (the story's
    # core vocabulary) beat the lead's neighbours that share little with the rest.
    lead_only = [s.index for s in summarize(QUOTES, sentences=2).sentences]
    assert lead_only[0] == 0
    half = summarize(QUOTES, sentences=len(split_sentences(QUOTES)) // 2)
    assert any(s.index >= 4 for s in half.sentences)


# Our own lines. The pronoun sentence shares the most words with the rest, so centrality alone would pick it.
QUIST = (
    "The island council of Kessel voted on Thursday to keep the harbour ferry running through the winter. "
    "Council leader Mara Quist had asked the harbour board for a second ferry crew in the spring. "
    "The ferry carried islanders, nurses and teachers to the harbour every morning of the summer. "
    "She spent the summer asking the harbour board to pay the ferry crew through the winter for islanders. "
    "Fares stay at four euros for islanders on the ferry. "
    "The first winter ferry leaves the harbour at seven on Monday."
)


def test_news_passes_over_a_sentence_whose_subject_is_an_unnamed_pronoun():
    """Shown without the sentence before it, "She spent ..." leaves the reader asking who. (It loses weight, no
    more: in a longer summary of this text, where it is the most central line, it comes back.)"""
    text, count = QUIST, 2
    picked = [s.text for s in summarize(text, method="news", sentences=count).sentences]
    assert len(picked) == count
    assert not any(t.startswith("She ") for t in picked), picked
    named = text.replace("She spent", "Quist spent")  # the same sentence naming her is a fair pick
    assert any(t.startswith("Quist spent") for t in
               (s.text for s in summarize(named, method="news", sentences=count).sentences))


def test_a_pronoun_sentence_in_the_porto_sample_gives_way_to_the_one_that_names_her():
    from tui.assets import asset

    text = asset("articles", "porto-congestion-charge.txt").read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1]
    picked = [s.text for s in summarize(body, method="news", sentences=4).sentences]
    assert not any(t.startswith(("She ", "He ")) for t in picked), picked


REPEATED = (
    "The council voted to close the old harbour bridge on Monday after engineers found deep cracks in two of its "
    "piers. Residents will have to use the ferry or drive twenty kilometres round the bay until a temporary "
    "crossing opens. THE COUNCIL VOTED to close the old harbour bridge on Monday, after engineers found deep cracks "
    "in two of its piers! Shop owners on the north side said they feared losing most of their trade over the "
    "winter months ahead. The mayor promised a decision on a replacement bridge before the spring budget is set."
)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_no_method_shows_a_sentence_the_article_repeats_twice(method):
    """A sentence printed twice (here in capitals and with other punctuation the second time) is a candidate once:
    lead, lexrank and luhn picked both copies."""
    summary = run_or_skip(REPEATED, method, sentences=3)
    texts = [" ".join(s.text.lower().replace(",", "").replace("!", ".").split()) for s in summary.sentences]
    assert len(summary.sentences) == 3
    assert len(set(texts)) == 3, texts
    assert 2 not in [s.index for s in summary.sentences]


# Short feed items (five sentences, three asked): coverage ranks them, yet the summary opens on the lead and never
# on a quotation whose only speaker is a pronoun.
RESCUE = """Two fishermen were pulled from the sea off Kessby Point on Sunday after their boat capsized in a sudden squall.
The lifeboat crew reached them forty minutes after the alarm was raised by a walker on the cliff path.
“We were lucky the water was calm by then,” he said.
Both men were taken to the county hospital and released the same evening.
The coastguard said the squall had not been forecast and urged crews to check the radio before sailing."""

WAREHOUSE = """Fire crews spent the night at a warehouse on the edge of Dunmore after a blaze broke out late on Friday.
“The bakery next door lost its ovens and the bakery stock in the smoke,” he said.
The bakery owner said the smoke reached the bakery ovens before the crews arrived.
Crews from three stations kept the flames from spreading to the bakery and the houses behind it.
Investigators will return to the warehouse on Monday to look for the cause."""


@pytest.mark.parametrize("text, title", [(RESCUE, "Fishermen rescued off Kessby Point"),
                                         (WAREHOUSE, "Warehouse fire in Dunmore")])
def test_a_short_item_keeps_its_lead_and_no_pronoun_quote(text, title):
    summary = summarize(text, sentences=3, title=title)
    assert [s.index for s in summary.sentences][0] == 0
    assert not any(s.text.startswith("“") for s in summary.sentences)
    check_valid(summary, text)



# A quotation only a pronoun attributes comes into a summary with the sentence before it that says who is speaking:
# four of a short item's five sentences held "she said" without the officer's sentence, and four of a longer
# page's ended on "he added" with nobody before it.
GRAIN_STORE = ("Firefighters in Dunmore rescued six workers from a burning grain store on Tuesday night, the county fire "
               "service said. Station officer Aileen Marsh led the crew that reached the upper floor through a side door "
               "after the stairs gave way. “We had about four minutes before the roof went, and every one of those "
               "minutes counted,” she said. The store, owned by a farming cooperative, held 300 tonnes of barley that "
               "had been harvested only a week earlier. An investigation into the cause of the fire has begun, and the "
               "cooperative said it would rebuild by the spring.")

CHANNEL = "\n\n".join([
    "The port authority in Kellhaven approved a plan on Monday to deepen the harbour channel so that larger cargo ships "
    "can dock there from next year.",
    "The work will cost about 40 million euros and take eighteen months, according to the authority's board papers.",
    "Dredging crews will remove roughly two million cubic metres of silt from the channel and the outer basin.",
    "Fishing crews have asked for guarantees that their moorings in the inner basin will not be moved during the "
    "dredging.",
    "The authority said it would publish a timetable for the work in the autumn.",
    "Environmental groups said they would study the plan for its effect on the seagrass beds near the river mouth.",
    "Tomas Ferrant spoke to the board last.",
    "“A deeper harbour channel means larger cargo ships, and larger cargo ships mean work for Kellhaven's port and its "
    "crews for years,” he added.",
    "The town council is expected to vote on road improvements near the quay next month.",
])


@pytest.mark.parametrize("text, title, count", [
    (GRAIN_STORE, "Six rescued from Dunmore grain store fire", 4),
    (CHANNEL, "Kellhaven harbour channel to be deepened for larger cargo ships", 4),
])
def test_a_pronoun_quote_comes_with_the_sentence_before_it(text, title, count):
    from tui.engine.summarize.news import pronoun_quote

    summary = summarize(text, sentences=count, title=title)
    picked = [s.index for s in summary.sentences]
    assert len(picked) == count
    for s in summary.sentences:
        if pronoun_quote(s.text):
            assert s.index - 1 in picked, (picked, s.text)
    check_valid(summary, text)


@pytest.mark.parametrize("text, expected", [
    ("“We were lucky the water was calm by then,” he said.", True),
    ('"It was over in a minute," said she.', True),
    ("‘We will rebuild,’ they added.", True),
    ("“We were lucky,” said Tom Berg, the skipper.", False),
    ("He said the water was calm.", False),
    ("The skipper said “we were lucky”, he added.", False),
])
def test_pronoun_quote(text, expected):
    from tui.engine.summarize.news import pronoun_quote

    assert pronoun_quote(text) is expected
