"""Sentence splitting on our own small news-like texts."""

from tui.engine.sentences import BODY, BYLINE, DATELINE, HEADING, split_sentences, split_with_kinds


def texts(text):
    return [s.text for s in split_sentences(text)]


def assert_spans(text):
    for s, _kind in split_with_kinds(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text


def test_abbreviations_do_not_end_sentences():
    text = "The U.S. Army met Dr. Ruiz on Jan. 5 in St. Louis. Gov. Hale of Acme Inc. was late."
    assert texts(text) == [
        "The U.S. Army met Dr. Ruiz on Jan. 5 in St. Louis.",
        "Gov. Hale of Acme Inc. was late.",
    ]
    assert_spans(text)


def test_abbreviation_at_the_end_of_a_sentence_still_splits():
    assert texts("Sales doubled in the U.S. The firm is pleased.") == [
        "Sales doubled in the U.S.",
        "The firm is pleased.",
    ]


def test_initials_stay_inside_the_sentence():
    assert texts("J. R. Smith scored twice. Fans cheered.") == ["J. R. Smith scored twice.", "Fans cheered."]


def test_number_sign_and_ordinary_no():
    assert texts("She lives at No. 10 Downing Street. He said no. Then he left.") == [
        "She lives at No. 10 Downing Street.",
        "He said no.",
        "Then he left.",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert texts('He said "It is over." Then he left.') == ['He said "It is over."', "Then he left."]
    assert texts("She wrote “We are done.” Nobody replied.") == ["She wrote “We are done.”", "Nobody replied."]


def test_question_in_quotes_followed_by_attribution_is_one_sentence():
    assert texts('"Why now?" she asked. "Because," he said.') == ['"Why now?" she asked.', '"Because," he said.']
    assert texts("“Is it safe?” the mayor asked. Nobody knew.") == ["“Is it safe?” the mayor asked.", "Nobody knew."]


def test_lower_cased_text_splits_after_numbers_and_keeps_attribution():
    text = 'the u.s. team won in 2014. then it lost. "really?" she asked.'
    assert texts(text) == ["the u.s. team won in 2014.", "then it lost.", '"really?" she asked.']


def test_paragraphs_never_join_and_are_numbered():
    text = "First point here\n\nSecond paragraph starts. It goes on.\n\n\nThird one."
    sents = split_sentences(text)
    assert [s.paragraph for s in sents] == [1, 1, 2]
    assert_spans(text)


def test_wrapped_lines_continue_a_sentence():
    text = (
        "The council approved the plan on Monday after a debate that ran\n"
        "late into the night and drew a large crowd of residents to the\n"
        "hall. The vote was close."
    )
    assert len(split_sentences(text)) == 2


def test_heading_byline_and_dateline_are_not_body():
    text = "Council Backs Rail Plan\n\nBy Jane Smith\n\nLISBON (Reuters) - The council backed the plan. It cost $5 million."
    kinds = [(s.text, k) for s, k in split_with_kinds(text)]
    assert kinds == [
        ("Council Backs Rail Plan", HEADING),
        ("By Jane Smith", BYLINE),
        ("LISBON (Reuters)", DATELINE),
        ("The council backed the plan.", BODY),
        ("It cost $5 million.", BODY),
    ]
    assert texts(text) == ["The council backed the plan.", "It cost $5 million."]
    assert_spans(text)


def test_lower_case_agency_dateline():
    assert texts("washington (cnn) the senate voted. it passed.") == ["the senate voted.", "it passed."]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences("  \n\n \t") == []


def test_one_sentence_text_without_punctuation_is_kept():
    assert texts("Just one line") == ["Just one line"]


def test_spans_are_exact_with_odd_spacing():
    text = "  Leading spaces.   Two   spaces inside.\r\n\r\n  Trailing line.  "
    assert texts(text) == ["Leading spaces.", "Two   spaces inside.", "Trailing line."]
    assert_spans(text)


def test_chinese_full_stops_split():
    assert texts("这是第一句话。这是第二句话！") == ["这是第一句话。", "这是第二句话！"]


def test_opening_quote_after_a_final_abbreviation_starts_a_sentence():
    text = '"It was long," the mayor said shortly after 4 a.m. "But the vote is done." Then she left.'
    assert texts(text) == ['"It was long," the mayor said shortly after 4 a.m.', '"But the vote is done."', "Then she left."]
    assert texts("The plant opened at 9 a.m. “Nothing worked,” a worker said.") == [
        "The plant opened at 9 a.m.",
        "“Nothing worked,” a worker said.",
    ]
    # a title abbreviation before a quote is not a sentence end
    assert texts('A letter from Dr. "Doc" Ames arrived.') == ['A letter from Dr. "Doc" Ames arrived.']


def test_initials_before_a_name_and_more_sentence_openers():
    assert texts("J.K. Rowling met A.J.P. Taylor in 1960. They talked.") == [
        "J.K. Rowling met A.J.P. Taylor in 1960.",
        "They talked.",
    ]
    assert texts("He arrived at 4 a.m. Tonight it decided.") == ["He arrived at 4 a.m.", "Tonight it decided."]
    assert texts("He moved to Washington, D.C. Then he ran.") == ["He moved to Washington, D.C.", "Then he ran."]
    # a day after a time is part of the same sentence (news style "at 9 a.m. Monday")
    assert texts("The hearing starts at 9 a.m. Monday in the hall.") == ["The hearing starts at 9 a.m. Monday in the hall."]


def test_a_lower_case_attribution_after_a_quotation_s_full_stop_continues_its_sentence():
    # '“... on Sunday.” county engineer Tamsin Elderkin said.' was split after the mark, and a summary then picked
    # the bare "county engineer Tamsin Elderkin said."
    text = ("The lane to Carrow Mill flooded at noon. “We will reopen it on Sunday.” county engineer Tamsin Elderkin "
            "said. “The pumps are on their way.” she said on Friday. Drivers were sent round by the quarry road.\n\n"
            "“The quarry road is open.” Tamsin Elderkin said the county would pay for the detour. Tamsin Elderkin "
            "called the lane “a disgrace.” county officials have not replied.")
    assert [s.text for s in split_sentences(text)] == [
        "The lane to Carrow Mill flooded at noon.",
        "“We will reopen it on Sunday.” county engineer Tamsin Elderkin said.",
        "“The pumps are on their way.” she said on Friday.",
        "Drivers were sent round by the quarry road.",
        "“The quarry road is open.”",
        "Tamsin Elderkin said the county would pay for the detour.",
        "Tamsin Elderkin called the lane “a disgrace.”",
        "county officials have not replied."]


def test_a_summary_keeps_the_quotation_with_its_lower_case_attribution():
    _summary_keeps_the_tag_with_its_quotation(
        "The lane to Carrow Mill flooded at noon on Friday, and the county closed it within the hour.\n\n"
        "“We will reopen the lane to Carrow Mill on Sunday.” county engineer Tamsin Elderkin said.\n\n"
        "Drivers were sent round by the old quarry road, a detour of eleven miles.",
        "county engineer Tamsin Elderkin said.", "We will reopen the lane to Carrow Mill on Sunday.")


def _summary_keeps_the_tag_with_its_quotation(text: str, tag: str, quotation: str) -> None:
    """A 3-sentence summary of `text` never shows the attribution `tag` alone, shows the quotation with it, and the
    quotation is the article's one quote, by Tamsin Elderkin."""
    from tui.engine.analysis import analyze

    an = analyze(text, sentences=3)
    shown = [s.text for s in an.summary.sentences]
    assert tag not in shown, shown
    assert any(s.startswith("“" + quotation[:14]) and s.endswith("Tamsin Elderkin said.") for s in shown), shown
    assert [(q.text, q.speaker) for q in an.quotes] == [(quotation, "Tamsin Elderkin")]


def test_a_capitalised_bare_attribution_after_a_quotation_s_full_stop_continues_its_sentence():
    # '“... on Monday.” Tamsin Elderkin said.' was two sentences, and a summary could pick "Tamsin Elderkin said." alone;
    # the writer's own sentence that goes on after the verb stays apart, and so does "Nobody replied."
    text = ("The ford at Quillby flooded on Friday. “The road will reopen on Monday.” Tamsin Elderkin said. “The pumps "
            "are on their way.” County engineer Tamsin Elderkin told reporters on Saturday. Drivers were sent round "
            "by the quarry road.\n\n“The quarry road is open.” Tamsin Elderkin said the county would pay for the "
            "detour. “Who pays for the diesel?” Nobody replied. “We do.” He said.")
    assert texts(text) == [
        "The ford at Quillby flooded on Friday.",
        "“The road will reopen on Monday.” Tamsin Elderkin said.",
        "“The pumps are on their way.” County engineer Tamsin Elderkin told reporters on Saturday.",
        "Drivers were sent round by the quarry road.",
        "“The quarry road is open.”",
        "Tamsin Elderkin said the county would pay for the detour.",
        "“Who pays for the diesel?”",
        "Nobody replied.",
        "“We do.” He said."]


def test_a_summary_shows_a_quotation_with_its_capitalised_bare_attribution():
    # split, the quotation was a bare one (a summary leaves those out: filters.quote_flags) and the tag a scrap of its
    # own; joined, the summary can show the quotation with its speaker, and never the tag alone
    _summary_keeps_the_tag_with_its_quotation(
        "The ford at Quillby flooded on Friday night, and the county closed the road within the hour.\n\n"
        "“The road will reopen on Monday once the pumps have cleared the culvert.” Tamsin Elderkin said.\n\n"
        "Drivers were sent round by the old quarry road, a detour of eleven miles.",
        "Tamsin Elderkin said.", "The road will reopen on Monday once the pumps have cleared the culvert.")


def test_a_clause_of_the_writer_s_after_a_question_in_quotes_is_its_own_sentence():
    # '“Will the county pay?” county officials have not replied.' was one sentence: after ?/!/, and a closing mark any
    # lower-case piece, and "replied" after any three words, went on with the quotation
    text = ("The ford at Quillby flooded on Friday. “Will the county pay for the pumps?” county officials have not "
            "replied. “Who pays?” Officials at Quillby haven’t said. “Why now?” Nobody replied. “Is it safe?” the "
            "ferry master asked on Saturday. “Who knows?” is all the county would say.")
    assert texts(text) == [
        "The ford at Quillby flooded on Friday.",
        "“Will the county pay for the pumps?”",
        "county officials have not replied.",
        "“Who pays?”",
        "Officials at Quillby haven’t said.",
        "“Why now?”",
        "Nobody replied.",
        "“Is it safe?” the ferry master asked on Saturday.",
        "“Who knows?” is all the county would say."]
