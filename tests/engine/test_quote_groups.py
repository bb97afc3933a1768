"""Pieces of one quotation split by an attribution are shown as one quote (the engine keeps the pieces)."""

from __future__ import annotations

from tui.engine.quotes import extract_quotes
from tui.engine.quotes.groups import group_span, group_text, quote_groups
from tui.engine.types import Quote

TEXT = (
    "\"Shopkeepers,\" said Jorge Amaral, who chairs the traders' association, \"are not against buses. "
    "They are against guessing.\"\n\n"
    "The mayor, Helena Matos, disagreed. \"We had a hard night,\" Matos said. \"It was an honest vote.\"\n\n"
    "\"Nobody asked us,\" said Amaral, standing outside his shop on the square later that evening, after the "
    "council had gone home and the square was empty again. \"not once.\""
)


def test_a_quote_split_by_its_attribution_is_one_group():
    quotes = extract_quotes(TEXT)
    groups = quote_groups(quotes)
    texts = [group_text(g) for g in groups]
    assert texts[0] == "Shopkeepers … are not against buses. They are against guessing."
    assert groups[0][0].speaker == "Jorge Amaral" and len(groups[0]) == 2
    start, end = group_span(groups[0])
    assert TEXT[start:end].startswith("Shopkeepers") and TEXT[start:end].endswith("guessing.")
    # The mayor's second sentence is a new sentence, not the rest of the first: two quotes.
    assert "We had a hard night" in texts and "It was an honest vote." in texts
    # Every piece is still there, each with its own span.
    assert sum(len(g) for g in groups) == len(quotes)


def test_pieces_far_apart_or_of_different_speakers_stay_apart():
    a = Quote(0, 10, "First part,", "Ann Lee")
    near_other = Quote(30, 45, "and more words", "Bo Kim")
    far_same = Quote(200, 220, "and more words", "Ann Lee")
    unattributed = Quote(12, 30, "and more", None)
    assert quote_groups([a, near_other]) == [[a], [near_other]]
    assert quote_groups([a, far_same]) == [[a], [far_same]]
    assert quote_groups([Quote(0, 10, "First part,", None), unattributed]) == [[Quote(0, 10, "First part,", None)], [unattributed]]
    # A complete sentence followed by a new one that starts in capitals, with a long gap: two quotes.
    done = Quote(0, 20, "It is finished.", "Ann Lee")
    later = Quote(120, 140, "We go on.", "Ann Lee")
    assert len(quote_groups([done, later])) == 2


def test_groups_come_in_article_order():
    b = Quote(50, 60, "later words here", "Ann Lee")
    a = Quote(0, 10, "early words here", "Bo Kim")
    assert [g[0].start for g in quote_groups([b, a])] == [0, 50]


def test_only_a_sentence_split_by_its_attribution_is_joined():
    text = ("Rita Voss runs the shelter.\n\n"
            "“We had,” she said, “a hard night with the river so high.”\n\n"
            "“Honestly,” Voss said, “I did not think the wall would hold.”\n\n"
            "She said the town would “make a deal with the farmers upstream” and was “talking to the dam "
            "operators every week.”")
    texts = [group_text(g) for g in quote_groups(extract_quotes(text))]
    assert "We had … a hard night with the river so high." in texts
    assert "Honestly … I did not think the wall would hold." in texts
    # two phrases the writer quotes in one sentence of hers, with no attribution between them
    assert not any("make a deal" in t and "talking to" in t for t in texts)


def test_a_reply_of_two_words_is_shown_with_what_its_speaker_says_next():
    # The football sample's "Sixteen thousand," stood alone in the key quotes: a quotation (the engine keeps it, as
    # annotated news does), but a bare fragment to a reader.
    text = ("The hall in Portville seats 200.\n\n"
            "“Two hundred,” Ida Brandt said, smiling. “We will need a bigger hall for the next meeting,” she said.\n\n"
            "“Maybe,” said Tomas Reyes. “The school gym is free on Fridays.”\n\n"
            "“Well, honestly,” Brandt said. “Nobody reads the minutes anyway.”")
    quotes = extract_quotes(text)
    assert ("Two hundred,", "Ida Brandt") in [(q.text, q.speaker) for q in quotes]  # still a quote of its own
    texts = [group_text(g) for g in quote_groups(quotes)]
    assert "Two hundred … We will need a bigger hall for the next meeting" in texts, texts
    assert "Maybe … The school gym is free on Fridays." in texts, texts
    assert sum(len(g) for g in quote_groups(quotes)) == len(quotes)  # every piece still there
    # a longer quote ended by a comma, then a new sentence: two quotes (test_a_quote_split_by_its_attribution...)
    texts = [group_text(g) for g in quote_groups(extract_quotes(
        "“We had a hard night,” Ida Brandt said. “It was an honest vote.”"))]
    assert texts == ["We had a hard night", "It was an honest vote."], texts


def test_a_but_piece_after_a_whole_sentence_and_a_bare_attribution_goes_on_with_it():
    # '“...” Idris Pellow said. “But ...”': the second piece stood alone at full rank, first in the key quotes
    text = ("The county closed the Lisk footbridge at Quillford on Saturday. “The footbridge has been the school run "
            "for forty years.” Idris Pellow said. “But we have been asking the county for three years and nobody has "
            "answered.”\n\n“Who will walk the children to school now?” asked Wenna Caddick. “But nobody at the county "
            "has answered a single letter from the parents.”")
    texts = [group_text(g) for g in quote_groups(extract_quotes(text))]
    assert texts == ["The footbridge has been the school run for forty years. … But we have been asking the county "
                     "for three years and nobody has answered.",
                     "Who will walk the children to school now? … But nobody at the county has answered a single "
                     "letter from the parents."], texts


def test_a_but_quotation_after_a_sentence_of_the_writer_s_stays_apart_and_ranks_below_a_whole_one():
    from tui.engine.quotes import rank_quotes
    from tui.engine.quotes.rank import score_quotes
    from tui.stories.quote_order import reads_alone

    text = ("The county closed the Lisk footbridge at Quillford on Saturday.\n\n“We kept the Lisk ferry going through "
            "two winters.” Marit Olsby said the crews were tired. “But the county has never paid them on time, and "
            "the crews at Quillford have had enough of waiting.”")
    quotes = score_quotes(extract_quotes(text), len(text))
    assert [len(g) for g in quote_groups(quotes)] == [1, 1]  # a sentence of the writer's between: two quotations
    first, but = quotes
    assert but.score < first.score  # it was 0.88 against 0.83: the "But" led the article's key quotes
    assert [q.text for q in rank_quotes(quotes, 1, len(text))] == [first.text]
    # in a story's or a person's list: below a whole quotation of its day, above a scrap
    assert reads_alone(but.text, but.lead) == 1 and reads_alone(first.text, first.lead) == 2


def test_a_but_piece_after_a_sentence_of_the_writer_s_is_a_quotation_of_its_own():
    # the comma rule (connective-goes-on-after-attribution) joined across "The county has not said when ...": a
    # reader saw one quotation where the writer had ended it
    from tui.engine.sentences import split_sentences

    text = ("The ford at Skarn Bridge flooded again on Friday.\n\n“We kept the school bus running through two winters,” "
            "said Wenna Caddick, who drives it. The county has not said when the divers will come. “But the bus "
            "cannot cross the ford until they do.”\n\n“We kept the Lisk ferry going through two winters,” said Marit "
            "Olsby, who skippers it. “But the county has never paid the crews on time.”")
    quotes = extract_quotes(text)
    texts = [group_text(g) for g in quote_groups(quotes, split_sentences(text))]
    assert texts == ["We kept the school bus running through two winters",
                     "But the bus cannot cross the ford until they do.",
                     "We kept the Lisk ferry going through two winters … But the county has never paid the crews on "
                     "time."], texts
    # the app's lists read the stored analysis' sentences
    from tui.engine.analysis import analyze

    an = analyze(text)
    assert [group_text(g) for g in quote_groups(an.quotes, an.sentences)] == texts


# two pieces of Wenna Caddick's with a whole sentence of the writer's between them: two quotations, each long enough
# (their starts more than 300 characters apart) for a ranking to keep both
TWO_OF_ONE_SPEAKER = (
    "“We kept the school bus running through two winters on the old ford road above Quillby, with chains on the "
    "wheels, sand in the boot and a shovel in the back for the drifts at Quillby Top every single morning,” said "
    "Wenna Caddick, who drives it. The county has not said when the divers will come to look at the piers. “But the "
    "bus cannot cross the ford until they do, and forty children from the farms above Quillby will have no way to "
    "reach the school.”")


def test_rank_quotes_and_key_quotes_group_with_the_article_s_sentences():
    from tui.engine.quotes import key_quotes, rank_quotes
    from tui.engine.sentences import split_sentences

    text = TWO_OF_ONE_SPEAKER
    quotes = extract_quotes(text)
    assert len(quotes) == 2 and {q.speaker for q in quotes} == {"Wenna Caddick"}
    assert quotes[1].start - quotes[0].start > 300
    sentences = split_sentences(text)
    assert [len(g) for g in quote_groups(quotes, sentences)] == [1, 1]
    # as the lists group them: both quotations stand (they were one group without the sentences, one piece kept)
    assert len(rank_quotes(quotes, 2, len(text), sentences=sentences)) == 2
    assert len(key_quotes(text, n=2)) == 2
    # without the sentences (only the quotes at hand) the pieces still count as one quotation
    assert len(rank_quotes(quotes, 2, len(text))) == 1
