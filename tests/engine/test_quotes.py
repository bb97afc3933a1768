"""Key quotes: spans, speakers, scare quotes and hostile input, on hand-written paragraphs."""

import pytest
from cpu_bound import run_cpu_bounded

from tui.engine.quotes import display_text, extract_quotes, key_quotes, rank_quotes
from tui.engine.quotes.names import NameBook
from tui.engine.types import Entity, Quote


def by_text(quotes, words):
    """The quote whose text contains `words`."""
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote containing {words!r} in {[q.text for q in quotes]}"
    return found[0]


def test_straight_quote_said_after_name():
    text = 'The mayor spoke on Tuesday.\n\n"We will rebuild the bridge before winter," Maria Lopez said.'
    [q] = extract_quotes(text)
    assert q.text == "We will rebuild the bridge before winter,"
    assert text[q.start : q.end] == q.text
    assert q.speaker == "Maria Lopez"
    assert text[q.speaker_start : q.speaker_end] == "Maria Lopez"


def test_curly_quote_said_before_name():
    text = "“The harvest came three weeks early this year,” said Tom Reyes, a farmer near the river."
    [q] = extract_quotes(text)
    assert q.text == "The harvest came three weeks early this year,"
    assert q.speaker == "Tom Reyes"


def test_quote_split_by_attribution_keeps_one_speaker():
    text = "Anna Berg runs the clinic.\n\n“We had,” she said, “a good call with the ministry this morning.”"
    quotes = extract_quotes(text)
    first = by_text(quotes, "We had")
    second = by_text(quotes, "a good call")
    assert first.speaker == second.speaker == "Anna Berg"
    assert text[second.speaker_start : second.speaker_end] == "she"


# The one quotation of each text and who says it (the same check for every row: its id names the case).
ONE_QUOTE = [
    pytest.param("Ana Ruiz took the stage. She said, “That makes no sense at all,” when Bob Hart interrupted her.",
                 "Ana Ruiz", id="a-following-clause-is-not-an-attribution-tag"),
    pytest.param("Michael Grant met Susan Hale at the station.\n\n"
                 "Hale was not impressed. “These trains have been late every day this month,” she said.",
                 "Susan Hale", id="pronoun-skips-a-person-of-the-other-gender"),
    # "The Radio host said": "Radio" is no person speaking, so the "he" after it is still Ivo Brandt
    pytest.param("Ivo Brandt presents the late news on Harbour Radio.\n\nThe Radio host said the ferries would stop. "
                 "“Nobody will cross the water this winter,” he said.",
                 "Ivo Brandt", id="a-pronoun-is-not-the-word-before-a-role-that-speaks"),
    pytest.param("Mara Holm is a reporter. The BBC presenter said the ferries would stop. "
                 "“Nobody will cross the water this winter,” she said.",
                 "Mara Holm", id="a-pronoun-is-not-the-word-before-a-role-that-speaks-2"),
    # a word between a one-word name and its verb still makes the name a speaker
    pytest.param("The harbour board met on Monday. Holm later told reporters the ferries would stop. "
                 "“Nobody will cross the water this winter,” she said.",
                 "Holm", id="a-pronoun-is-not-the-word-before-a-role-that-speaks-3"),
    pytest.param("According to a statement from the labour ministry, “the government will review the plan within 30 "
                 "days.”", "the labour ministry", id="a-statement-from-someone-is-theirs"),
    # "Sen." and "(R-Ga.)" do not end a sentence, so "he" finds the senator, not the man he talked about
    pytest.param("Sen. David Perkins (R-Ga.) said he did not think the attacks hurt Mitt Ramsey in 2012. "
                 "“Those are just distractions,” he said.",
                 "David Perkins", id="pronoun-looks-past-title-and-party-label-dots"),
    pytest.param("In a statement, President Okafor condemned the test. He said the allies would act under the U.N. "
                 "Charter.\n\n“We will not accept this under any circumstances,” he said.",
                 "Okafor", id="a-titled-surname-is-a-person-and-a-dotted-abbreviation-is-not"),
    pytest.param("Mia Kerr backed the plan in March. Although Kerr voted yes, the council did not. "
                 "Neither Kerr nor her aides would comment.\n\n“We had no choice at all in the end,” Kerr said.",
                 "Mia Kerr", id="a-capitalised-conjunction-is-not-part-of-a-name"),
    pytest.param("Green Party presidential candidate Ruth Olsen's doctor is calling her “fit for the job in every way.”",
                 "Ruth Olsen's doctor", id="a-modifier-before-a-name-is-not-the-speaker"),
    pytest.param("His record is long.\n\nCalls his rivals names, like “a total clown in a cheap suit,” and never "
                 "apologises.", None, id="a-sentence-opening-with-a-verb-has-no-speaker"),
    # "Bill" is a first name here, not a piece of legislation
    pytest.param("Former Governor Bill Hardy criticized the health law during a campaign stop for his wife, Ann Hardy.\n\n"
                 "“It makes no sense at all for working people,” Hardy said.",
                 "Bill Hardy", id="of-two-people-sharing-a-surname-the-one-written-as-subject-speaks"),
    pytest.param("Secrecy surrounds Ann Hardy’s health, says a doctor who served under former Governor Tom Hardy.\n\n"
                 "“I had a big clot behind my knee that needed treatment,” Hardy wrote in her book.",
                 "Ann Hardy", id="of-two-people-sharing-a-surname-neither-a-subject-the-first-introduced-wins"),
    pytest.param("Rakeyia Lane can be heard on the video. Lane's family has called on the police to release the tapes "
                 "“as a matter of trust and basic transparency.”",
                 "Lane's family", id="a-noun-ending-in-ly-is-not-skipped-as-an-adverb"),
    pytest.param("“The industry will work with the artists,” according to media and PR strategist Glen Yarwood, who "
                 "runs it.", "Glen Yarwood", id="and-inside-the-role-before-a-name"),
    pytest.param("Eva Lund lost the final in three sets on Sunday.\n\n“I had my chances and did not take them,” said the "
                 "Norwegian.", "the Norwegian", id="a-nationality-after-the-is-a-description-not-a-name"),
    pytest.param("Eva Lund lost the final in three sets on Sunday.\n\n“I had my chances and did not take them,” the "
                 "Norwegian said.", "the Norwegian", id="a-nationality-after-the-is-a-description-not-a-name-2"),
    pytest.param("Eva Lund lost the final in three sets on Sunday.\n\n“I had my chances and did not take them,” said Mr "
                 "Norway.", "Norway", id="a-nationality-after-the-is-a-description-not-a-name-3"),
    pytest.param("Ivo Lund chairs the ferry board and wants the night crossings cut.\n\nA Harbour Board spokeswoman "
                 "said the timetable was under review. She added: “No crossing will be cut before the summer.”",
                 "A Harbour Board spokeswoman", id="a-pronoun-after-a-spokesman-of-a-named-body-is-that-spokesman"),
    # a given name that is also a speech verb's irregular form stays
    pytest.param("Sang Lee chairs the harbour board. “We will not sell the pier to anyone,” Lee said.", "Sang Lee",
                 id="a-name-that-only-looks-like-a-speech-verb-is-kept"),
    # not at a sentence's start: a name run the verb does not open
    pytest.param("The chair of the board is Mara Holm. “We will not sell the pier to anyone,” Holm said.", "Mara Holm",
                 id="a-name-that-only-looks-like-a-speech-verb-is-kept-2"),
    # a place in capitals before a dash at the start of a paragraph is where the story was filed, not who spoke
    pytest.param("PORTVILLE — Mayor Ida Brandt on Monday attacked the ferry board while praising the harbour crews as "
                 "“the best in the north.”", "Ida Brandt", id="a-dateline-is-never-the-speaker-0"),
    pytest.param("Ferry row\n\nEASTON, N.H. (AP) -- Ida Brandt, the mayor, backed the new pier on Monday, calling it “a "
                 "gift to the whole town.”", "Ida Brandt", id="a-dateline-is-never-the-speaker-1"),
    pytest.param("KINGSTON — Tom Reyes attacked the old board on Friday while praising the crews as \"the best news the "
                 "port has had in years.\"", "Tom Reyes", id="a-dateline-is-never-the-speaker-2"),
    pytest.param("NATO — the alliance of thirty countries — met on Monday, calling the plan “a gift to the whole "
                 "alliance.”", "NATO", id="a-name-in-capitals-before-a-dash-and-its-aside-still-speaks"),
]


@pytest.mark.parametrize("text, speaker", ONE_QUOTE)
def test_the_speaker_of_a_text_s_one_quote(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


# Texts of several quotations: words of a quotation -> who says it (the same check for every row).
SPEAKERS = [
    pytest.param("Senator Paul Okafor was blunt. He told reporters: “This budget does not add up at all.”\n\n"
                 "According to the county auditor, “the numbers were checked twice by two separate teams.”",
                 {"budget": "Paul Okafor", "numbers were checked": "the county auditor"},
                 id="colon-and-according-to-patterns"),
    pytest.param("“The levee held for the third straight year,” Rep. Dana Cole (D-Ohio), a member of the panel, said.\n\n"
                 "“Nobody expected the rain to last a week,” said radio host Ben Ward, who lives by the river.\n\n"
                 "“We rebuilt the pumps ourselves this spring,” one county engineer said.",
                 {"levee": "Dana Cole", "rain": "Ben Ward", "pumps": "one county engineer"},
                 id="appositions-and-party-labels-between-name-and-verb"),
    pytest.param("Sen. Robert Keane introduced the bill last year.\n\n"
                 "“It will pass this time, I am certain of it,” Keane said.\n\n"
                 "“We will see about that in the committee,” said Mr. Keane's rival, Dana Whitfield.",
                 {"pass this time": "Robert Keane"}, id="surname-resolves-to-full-name-and-titles-are-dropped"),
    pytest.param("“The river does not care about our borders,” said Chile's water minister, Elisa Montt, who led the "
                 "talks.\n\n“We will open the depot in March,” said Brightfield's chief executive, Omar Haddad.\n\n"
                 "According to the union's treasurer, Lena Fisk, “the strike fund can last another month.”\n\n"
                 "“Nothing has been decided about the depot,” said a spokeswoman for the council, Ruth Ames.",
                 {"borders": "Elisa Montt", "depot in March": "Omar Haddad", "strike fund": "Lena Fisk",
                  "Nothing has been decided": "Ruth Ames"},
                 id="role-after-a-possessive-gives-way-to-the-name-in-apposition"),
    pytest.param("“We are not worried about the audit,” said the firm's spokeswoman.\n\n"
                 "“The audit found nothing unusual at all,” said Acme's chief executive, adding that shares would rise.",
                 {"not worried": "the firm's spokeswoman", "audit found": "Acme's chief executive"},
                 id="a-role-without-a-name-stays-a-description"),
    pytest.param("“The pumps are old and the pipes are older,” said Dr. Ana Ruiz, an engineer at the Southern Water "
                 "Observatory. “Nobody should be surprised by the leaks,” she said.",
                 {"Nobody should be": "Ana Ruiz"}, id="a-named-organisation-is-not-taken-for-a-person-by-a-pronoun"),
    pytest.param("“We had the boats but no phone number,” said Vice Admiral Ravi Kumar, who leads the group.\n\n"
                 "“I just had to be brave,” Substitute Karl Zammit said after the match.",
                 {"boats": "Ravi Kumar", "brave": "Karl Zammit"}, id="job-titles-before-a-speaker-are-dropped"),
    pytest.param("“Nobody reads the standard,” said Marieke van Houten, the alliance's chair.\n\n"
                 "Van Houten said she had met two operators. “They will join within a year,” she said.",
                 {"join within": "Marieke van Houten"}, id="a-particle-surname-resolves-to-the-full-name"),
    pytest.param("The fund's main test is a “lawful source of investment income for the project,” as a Treasury memo "
                 "put it.\n\nThe rule is “the oldest trick in the whole book,” as Mara Quint said.",
                 {"lawful source": "a Treasury memo", "oldest trick": "Mara Quint"}, id="as-someone-put-it-after-a-quote"),
    pytest.param("After a short meeting, the Harbor Council issued a statement calling the spill “a clear breach of every "
                 "permit.”\n\nThe Green nominee also outlined her plan and vowed to fine “anyone who dumps waste in the "
                 "bay.”", {"clear breach": "the Harbor Council", "dumps waste": "The Green nominee"},
                 id="a-subject-stops-at-the-verb-that-takes-an-object"),
    pytest.param("Jean-Luc Morel, the trade minister of Belgium, a founding member of the pact, said the deal "
                 "“cannot be signed without changes to the farm chapter.”\n\n"
                 "Officials at Harbor Freight Lines, a unit of Coastal Holdings, said the ships were “never at any risk.”",
                 {"cannot be signed": "Jean-Luc Morel", "never at any risk": "Harbor Freight Lines"},
                 id="a-name-inside-an-apposition-is-not-the-speaker"),
    pytest.param("Ana Ruiz says the new levy is “a tax on the poorest renters.” She says it underscores that the council "
                 "is “completely out of touch with the city.”",
                 {"out of touch": "Ana Ruiz"}, id="it-as-the-nearest-subject-gives-way-to-the-person-speaking"),
    pytest.param("“We should have a plan ready by tonight,” said Don Farrow, who ran the party in the 1990s.\n\n"
                 "Farrow noted that he once backed a decision to replace a nominee.\n\n"
                 "It worked once, he said, but a second contest would pull in backers of Hanna Lindqvist and Marco Bellini. "
                 "That is why, he argued, the party must prepare.\n\n"
                 "“This is a different time, with a lot more people who want control,” he said.",
                 {"different time": "Don Farrow"}, id="names-after-a-speaking-pronoun-are-not-its-antecedent"),
    pytest.param("Pierre Morel, the foreign minister, said the test was “a provocation that cannot go unanswered.”\n\n"
                 "Envoy Tomas Varga condemned what he called a “reckless step away from every agreement.”\n\n"
                 "“I count on the council to stay united,” he told reporters.",
                 {"count on the council": "Tomas Varga"}, id="a-name-before-a-speaking-pronoun-stays-its-antecedent"),
    pytest.param("“We will get ninety percent of that vote,” said Larry King, a party strategist.\n\n"
                 "“It is not automatic,” Mr. King said.",
                 {"not automatic": "Larry King"}, id="a-surname-that-is-also-a-title-word-resolves"),
    pytest.param("The vote would not move the race, noted CBS’s Omar Reyes.\n\n"
                 "“By the time the debates start, most people have decided,” he wrote.\n\n"
                 "“We need a common border force for the whole bloc,” Chancellor Ida Brandt told reporters.",
                 {"debates start": "Omar Reyes", "border force": "Ida Brandt"},
                 id="an-outlet-or-a-chancellor-before-a-name-is-dropped"),
    pytest.param("“Though the decade is young, the city honored the builder yesterday,” the article read.\n\n"
                 "In May, several river groups granted Mr. Hale an extension, saying his “start-up money was thinner "
                 "than expected.”", {"decade is young": "the article", "start-up money": "several river groups"},
                 id="sources-that-are-documents-or-groups"),
    pytest.param("The vote is on Friday.\n\n“The bill is dead,” one senior Democrat said.\n\nA Republican said: “We will "
                 "try again.”", {"The bill": "one senior Democrat", "try again": "A Republican"},
                 id="a-capitalised-head-after-an-indefinite-article-is-a-description"),
    pytest.param("The pier has been shut since the storm.\n\nAnother harbour official speaking to the local radio said: "
                 "“We cannot keep the pier open.”\n\n“Nobody will fish here this winter,” a second harbour official "
                 "speaking to the local radio said.",
                 {"keep the pier": "Another harbour official", "Nobody will": "a second harbour official"},
                 id="the-object-of-a-participle-after-the-subject-is-not-the-speaker"),
]


@pytest.mark.parametrize("text, speakers", SPEAKERS)
def test_the_speakers_of_a_text_s_quotes(text, speakers):
    quotes = extract_quotes(text)
    assert {words: by_text(quotes, words).speaker for words in speakers} == speakers


# Texts with no quotation: scare quotes, titles, inch marks, stray closing marks, nothing at all.
NO_QUOTE = [
    pytest.param("The so-called “reforms” changed little. Critics called it a “paper tiger” at best.\n\n"
                 "Her book, “The Long Road Home To The Valley,” sold well.\n\n"
                 'The governor spoke at length, Ellis said on "Meet the Press Today."',
                 id="scare-quotes-and-titles-are-not-quotes"),
    pytest.param('The new center is 6\'3" tall and weighs 240 pounds, the team said in a statement today.\n\n'
                 'He walked through the review of his systems" and then left the building without a word.',
                 id="inch-marks-and-stray-closing-marks-open-nothing"),
    pytest.param("", id="empty"),
    pytest.param("Nothing here is quoted at all. Not even once.", id="quote-free-text"),
    pytest.param("“”", id="empty-quote"),
    pytest.param('"', id="one-mark"),
]


@pytest.mark.parametrize("text", NO_QUOTE)
def test_texts_with_no_quotation(text):
    assert extract_quotes(text) == []


def test_pronoun_resolves_to_last_named_speaker():
    text = (
        "Lena Fischer, who chairs the water board, visited the dam on Monday.\n\n"
        "“The walls are older than anyone admits,” she said after the tour."
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Lena Fischer"
    assert text[q.speaker_start : q.speaker_end] == "she"


def test_a_team_or_a_cup_the_tagger_names_is_no_one_a_pronoun_stands_for():
    from tui.engine.entities import extract_entities

    for text, who in [
        ("Coach Tom Reyes spoke after the game. Arsenal said the referee had been wrong.\n\n"
         "“We did not deserve to win,” he said.", "Tom Reyes"),
        ("Coach Ola Berg spoke after the race. The Tour de France starts in July.\n\n"
         "“We did not deserve to win,” she said.", "Ola Berg"),
    ]:
        [q] = extract_quotes(text, extract_entities(text))
        assert q.speaker == who


def test_entities_canonicalise_speakers_when_given():
    text = "“The port reopens next week for all the ships,” Ortiz said."
    start = text.index("Ortiz")
    ents = [Entity(start, start + 5, "PERSON", "Ortiz", "Carmen Ortiz")]
    [q] = extract_quotes(text, ents)
    assert q.speaker == "Carmen Ortiz"


def test_multi_sentence_quote_stays_whole():
    text = "“We tried. We failed. We will try again next spring,” the coach said."
    [q] = extract_quotes(text)
    assert q.text.startswith("We tried.") and q.text.endswith("next spring,")
    assert q.speaker == "the coach"


def test_quote_running_over_paragraphs_ends_at_each_paragraph():
    text = (
        "Rosa Diaz spoke last.\n\n"
        "“The first year was hard. Nobody believed we could finish the road.\n\n"
        "“But the second year the whole village helped,” she said."
    )
    quotes = extract_quotes(text)
    first = by_text(quotes, "The first year")
    assert "village" not in first.text  # an unclosed quote stops at its paragraph end
    assert by_text(quotes, "second year").speaker == "Rosa Diaz"


def test_unbalanced_quote_does_not_swallow_the_article():
    para = "The council met again and argued about the parking rules for an hour. "
    text = "“This is where it begins, said nobody. " + para * 50 + "\n\n" + para * 50
    quotes = extract_quotes(text)
    assert all(q.end <= text.index("\n\n") for q in quotes)


def test_other_languages_keep_their_quotes_without_guessing_speakers():
    german = "„Wir schaffen das, ganz sicher“, sagte die Kanzlerin am Montag in Berlin."
    [q] = extract_quotes(german)
    assert q.text == "Wir schaffen das, ganz sicher"
    french = "« Nous allons gagner cette bataille », a déclaré le ministre."
    [q] = extract_quotes(french)
    assert q.text == "Nous allons gagner cette bataille" and q.speaker is None


def test_only_quotes():
    text = "“One two three four five.”\n\n“Six seven eight nine ten.”"
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["One two three four five.", "Six seven eight nine ten."]
    assert all(q.speaker is None for q in quotes)


def test_huge_single_line_is_fast():
    """1,000,000 characters of unbalanced quotes on one line: a CPU bound, not a wall one (tests/cpu_bound.py):
    ~0.1 s of CPU for the quotes, ~1 s with the imports; a hang or a quadratic pairing is stopped at 10 s."""
    code = """
        from tui.engine.quotes import extract_quotes
        chunk = 'He said "yes" and she said “no, never again” while “they' + " word" * 20 + " "
        text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
        print(len(extract_quotes(text)))
    """
    run_cpu_bounded(code, 10, "quotes of a 1,000,000-character line")


def test_rank_prefers_named_substantial_quotes():
    text = (
        "Officials met on Friday.\n\n"
        "“Fine,” someone muttered.\n\n"
        "“The new line will carry 40,000 passengers a day by 2030,” said Transport Minister Ada Obi.\n\n"
        "“It is a good plan for the region and for the towns along the coast,” a resident said."
    )
    quotes = extract_quotes(text)
    top = rank_quotes(quotes, 1, len(text))
    assert len(top) == 1 and top[0].speaker == "Ada Obi"
    assert top[0].score > 0
    both = rank_quotes(quotes, 2, len(text))
    assert [q.start for q in both] == sorted(q.start for q in both)  # article order
    assert key_quotes(text, n=1)[0].text == top[0].text


def test_display_text_trims_at_sentence_or_word():
    long = "First sentence is here. " + "and then it goes on " * 20
    q = Quote(0, len(long), long, "X")
    shown = display_text(q, 60)
    assert shown == "First sentence is here."
    words = Quote(0, 0, "word " * 100, None)
    cut = display_text(words, 50)
    assert cut.endswith("…") and len(cut) <= 50
    assert display_text(Quote(0, 5, "Short", None)) == "Short"


def test_they_is_not_resolved_to_the_last_named_person():
    text = (
        "Tomas Berg, a farmer, has opposed the plan for years.\n\n"
        "Critics in the farm lobby say the scheme amounts to what they describe as “a tax on working the land”."
    )
    quotes = extract_quotes(text)
    assert all(q.speaker != "Tomas Berg" for q in quotes if "tax on working" in q.text)


def test_display_text_of_the_pieces_of_a_split_quote():
    text = "“We had,” she said, “a hard night and an honest vote.”"
    first, second = extract_quotes("Mayor Rita Lenz spoke.\n\n" + text)
    assert first.text.endswith(",") and display_text(first) == "We had"
    assert display_text(second) == "…a hard night and an honest vote."


def test_entity_names_are_cleaned_to_the_article_form():
    # the NER pass may hand over a title glued to the name, or a nickname seen only inside a quote
    text = (
        "Mayor Dana Whitlock spoke first: “The port opens next week for every ship.”\n\n"
        "Her rival mocked her: “Nobody trusts Sleepy Dana Whitlock on the port.”\n\n"
        "“We are ready for the boats and the crews,” Whitlock said."
    )
    first, last = text.index("Mayor Dana Whitlock"), text.rindex("Whitlock said")
    ents = [
        Entity(first, first + 19, "PERSON", "Mayor Dana Whitlock", "Mayor Dana Whitlock"),
        Entity(last, last + 8, "PERSON", "Whitlock", "Sleepy Dana Whitlock"),
    ]
    quotes = extract_quotes(text, ents)
    assert by_text(quotes, "port opens").speaker == "Dana Whitlock"
    assert by_text(quotes, "ready for the boats").speaker == "Dana Whitlock"


def test_a_quote_over_several_paragraphs_takes_the_attribution_at_its_end():
    text = (
        "The road opened on Friday.\n\n"
        "“The first year was hard. Nobody believed we could finish it.\n\n"
        "“The second year was no easier, and the money ran out twice.\n\n"
        "“But in the third year the whole village helped,” said Maria Lopez, the engineer.\n\n"
        "“Nobody was paid for any of it.”"
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Maria Lopez"] * 4


def test_learned_verb_words_hold_verbs_not_nouns():
    """The shipped verb list (bench/build_verb_words.py) ends descriptions at verbs, so it must hold the verbs of
    our rule examples and none of the nouns that head a description or the determiners that open one."""
    from tui.engine.lexicon import verb_words

    words = verb_words()
    assert {"refused", "put", "appeared", "said"} <= words
    assert not words & {"spokesman", "office", "statement", "campaign", "official", "the", "a", "his"}


def test_find_quoted_with_a_most_gives_the_same_first_spans():
    """_quote_bound reads only as many paragraphs as it needs for MAX_QUOTES + 1 quotations: the first spans are
    those of reading the whole text (nested quotes, quotes left open at a paragraph's end, several per line)."""
    from tui.engine.quotes.marks import find_quoted

    paras = ["“We will mend bridge {i},” said Vera Lind. “It is „fine“ and {i} more.”",
             "He said: “the {i}th “inner” quote” and left.", "“An open quote {i} runs on", "No quote here {i}.",
             "'Single' and “two {i}” and “three” in one line"]
    text = "\n".join(paras[i % len(paras)].format(i=i) for i in range(60))
    whole = find_quoted(text)
    assert len(whole) > 60
    for most in (0, 1, 2, 5, 17, 60, len(whole), len(whole) + 5):
        got = find_quoted(text, most)
        assert got == whole[:len(got)] and len(got) >= min(most, len(whole))


def test_quotes_whose_paragraph_breaks_were_lost_are_read_as_quotes():
    """A text that lost its paragraph breaks writes '... for repairs. "The pier ...' inside one line: the straight
    mark after the sentence's end opens the next quote. Paired the old way, the second quote was read as the text
    between two quotes, and the words between them ("he said. ") as a quote."""
    from tui.engine.quotes.marks import find_quoted

    text = ('Ivo Lind runs the harbour. "The docks will close for a year. We have no money for repairs. "The pier is '
            'next. Nobody here believes the ferry will run," he said. "Ask the council."')
    got = [text[s:e] for s, e, _ in find_quoted(text)]
    assert got == ["The docks will close for a year. We have no money for repairs.",
                   "The pier is next. Nobody here believes the ferry will run,", "Ask the council."]
    assert [q.speaker for q in extract_quotes(text)] == ["Ivo Lind"] * 3
    # a quote closed before a new sentence starts, and a quote inside a sentence, are as before
    for keep, spans in (('"We are late. Sorry," he said. "The ferry runs at noon."', ["We are late. Sorry,",
                                                                                    "The ferry runs at noon."]),
                        ('She called it "a mess. Really" and left.', ["a mess. Really"])):
        assert [keep[s:e] for s, e, _ in find_quoted(keep)] == spans


def test_a_sentence_adverb_before_a_comma_is_not_the_next_sentence_speaker():
    # '” Honestly, he said, ...' opens a new sentence: "Honestly" is no speaker of the quote before it
    text = ("Tom Rask has sailed the fjord ferry for thirty years. “The boat is late again,” Rask said. “Nobody tells "
            "us why.” Honestly, he said, the new timetable “was written by people who never take the ferry.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Rask", "Tom Rask", "Tom Rask"]


def test_an_ing_verb_right_after_a_quote_names_no_speaker_after_it():
    # '“...,” saying the town ...': the words after "saying" are what is said, not who says it
    text = ("Mara Holm spoke for an hour at the fishermen's hall in defence of “the old quays,” saying the harbour board "
            "had shown “no respect at all for the people who built them.”")
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("no respect at all for the people who built them.", "Mara Holm")]


def test_a_phrase_inside_the_verb_group_is_not_the_speaker():
    # "has in the past called": "the past" sits between the auxiliary and the verb; the subject is before it
    text = ("Ida Berg runs the ferry union. Berg, who has in the past called the timetable “a joke that nobody in town "
            "laughs at,” met the mayor on Monday.")
    assert [q.speaker for q in extract_quotes(text)] == ["Ida Berg"]
    text = "The ferry union has in the past called the timetable “a joke that nobody in town laughs at.”"
    assert [q.speaker for q in extract_quotes(text)] == ["The ferry union"]


_HOLM = "Mara Holm chairs the harbour board. She spoke for an hour on the pier's future.\n\n"


@pytest.mark.parametrize("opening", ["Added Holm:", "Continued Holm:", "Explained Holm,", "Insists Holm:", "Adds Holm:",
                                     "Wrote Holm in her letter:", "Noted Holm, the board's chair:"])
@pytest.mark.parametrize("with_entities", [False, True])
def test_a_speech_verb_opening_the_sentence_is_not_part_of_the_speakers_name(opening, with_entities):
    # "Added Holm: “...”": the verb is put before its speaker; it gave "Added Holm" (a name of its own)
    from tui.engine.entities import extract_entities

    text = f"{_HOLM}{opening} “We will not sell the pier to anyone who asks.”"
    ents = extract_entities(text) if with_entities else None
    assert [q.speaker for q in extract_quotes(text, ents)] == ["Mara Holm"]


_TOAST = ("the retired ferry captain raised a glass, recalling her first winter on the water: “The ice came in "
          "overnight and stayed until April.”")


@pytest.mark.parametrize("place", ["Durango, Colo.", "Trenton, N.J.", "Bend, Ore.", "Austin, Texas", "Lyon, France",
                                   "Kelowna, B.C."])
@pytest.mark.parametrize("lead", ["At a fundraiser in {},", "{},"])
def test_a_state_or_country_after_a_place_is_not_the_speaker(place, lead):
    # "in Durango, Colo., the retired ferry captain ...": it gave "Colo" (and "Durango" when the place opens it)
    text = f"{lead.format(place)} {_TOAST}"
    assert [q.speaker for q in extract_quotes(text)] == ["the retired ferry captain"]


_ICE = "“The ice came in overnight and stayed until April.”"


@pytest.mark.parametrize("text, speaker", [
    (f"A nurse from Durango, Colo., said: {_ICE}", "A nurse from Durango, Colo."),
    ("“The ice came in overnight and stayed until April,” a nurse from Bend, Ore., said.", "a nurse from Bend, Ore."),
    # after the quote: the place and its state before a description and a name ("Bend, Ore., resident ...")
    ("“The ice came in overnight and stayed until April,” Bend, Ore., resident Vera Lund said.", "Vera Lund"),
    ("“The ice came in overnight and stayed until April,” Austin, Texas, nurse Ida Berg said.", "Ida Berg"),
    # a person before the place keeps the quote (in an apposition, or before "during"); a person after it speaks
    (f"Vera Lund, a nurse from Bend, Ore., said: {_ICE}", "Vera Lund"),
    (f"Vera Lund, of Durango, Colo., said: {_ICE}", "Vera Lund"),
    (f"Vera Lund ran the ferry. Lund, during a visit to Bend, Ore., said: {_ICE}", "Vera Lund"),
    (f"At a fundraiser in Durango, Colo., Vera Lund raised a glass, recalling her first winter: {_ICE}", "Vera Lund"),
    (f"At a fundraiser in Durango, Vera Lund raised a glass, recalling her first winter: {_ICE}", "Vera Lund"),
])
def test_a_place_with_its_state_inside_an_attribution(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]



def _quotes(text: str, with_entities: bool) -> list[Quote]:
    """The quotes of TEXT, with the tagger's entities passed in as the app does, or without any."""
    from tui.engine.entities import extract_entities

    return extract_quotes(text, extract_entities(text) if with_entities else None)


def _tagged_people(text, names):
    """The tagger's PERSON entities for every occurrence of each of `names` in text (a stand-in for the tagger)."""
    import re

    return [Entity(m.start(), m.end(), "PERSON", m.group(), m.group()) for n in names for m in re.finditer(n, text)]


def test_a_tagged_one_word_name_is_an_antecedent_only_where_it_opens_a_sentence():
    # rule "tagged-one-word-antecedent": "Rivka" opening a sentence is what a later "she" may stand for; "The Rivka
    # fans", "Rivka drummer Ivo Holm" and "Rivka's mother Ida Holm" name someone else as the subject
    from tui.engine.quotes.resolve import Resolver

    text = ("Rivka won the prize for music on Saturday.\n\nThe Rivka fans sang all night. Rivka drummer Ivo Holm "
            "thanked them. Rivka's mother Ida Holm had sewn the flags. “Thank you,” she said. Rivka, who is 19, went home.")
    people = Resolver(text, _tagged_people(text, ["Rivka", "Ivo Holm", "Ida Holm"]), []).people
    assert [p for p, _, _ in people.tagged_one] == [0, text.index("Rivka, who")]
    assert [(text[p : p + 5], name) for p, name, _ in people.tagged_one] == [("Rivka", "Rivka"), ("Rivka", "Rivka")]
    assert Resolver(text, None, []).people.tagged_one == []  # without the tagger's entities: none


def test_she_goes_to_a_tagged_one_word_name_that_opens_the_nearer_sentence():
    from tui.engine.entities import extract_entities

    text = ("The harbour festival gave its prizes on Saturday to the poet Ilse Marten and to Rivka, the singer.\n\n"
            "Meanwhile Rivka, who won the prize for music, spoke about her first years on the ferries. “Nobody paid "
            "us, and we sang every night anyway,” she said.")
    [q] = extract_quotes(text, extract_entities(text))  # the tagger reads "Meanwhile Rivka" as a person
    assert q.speaker == "Rivka"


def test_a_headline_line_is_cut_into_names_at_its_lower_case_words():
    # rule "headline-words-split-names": only a line whose words are all capitalised; "Ferry" and "Fares" are words
    # news mostly writes in lower case too
    from tui.engine.quotes.names import name_runs

    text = ("Ida Brandt Blasts Tomas Lind Over Ferry Fares\n\n"
            "The ferry board met on Monday, and Harbour Master Tomas Lind Blasts nobody in the harbour paper.")
    runs = [m.group() for m in name_runs(text)]
    assert runs[:2] == ["Ida Brandt", "Tomas Lind"]
    assert "Harbour Master Tomas Lind Blasts" in runs  # a sentence of prose: its runs stay whole


def test_writing_on_a_platform_is_the_subject_writing():
    text = "Ida Brandt answered the question on Facebook writing, “Yes, I will. That was a poor choice of words.”"
    [q] = extract_quotes(text)
    assert q.speaker == "Ida Brandt"


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_question_then_asked_and_a_name_is_the_named_persons(with_entities):
    # rule "asked-then-its-speaker": '...?” asked Mara Quist.' was read as an opening phrase ("Asked about ..., ")
    text = ("Ivo Berg showed the council his plans for the harbour wall on Monday.\n\n"
            "“How much of the old pier will the new wall cover?” asked Mara Quist, who runs the ferry company.")
    [q] = _quotes(text, with_entities)
    assert q.speaker == "Mara Quist"


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_possessive_apostrophe_after_s_is_not_shown_in_the_speakers_name(with_entities):
    # "Andres' speech": a possessive written as a bare apostrophe after an s was shown as part of the speaker's name
    # ("Andres'"), a name no other mention of the person has
    for text, name in [
            ("The vote followed Andres' speech on the ferries. "
             "“Nobody here wants the night crossings to stop, but the money is gone.”", "Andres"),
            ("It was a version of Jonas’ stump speech, and a stark contrast to the mayor. "
             "“We will not close the harbour while I sit on this board.”", "Jonas")]:
        [q] = _quotes(text, with_entities)
        assert q.speaker == name
        assert text[q.speaker_start:q.speaker_end].rstrip("'’") == name


@pytest.mark.parametrize("with_entities", [False, True])
def test_the_speaker_after_a_verb_ends_with_its_sentence(with_entities):
    # "..., said Mayor Ann Tolley. Work on the bridge ...": the name after the verb ran on past the full stop, and the
    # next sentence's opener ("Work") was shown as the speaker
    text = ("The council met on Monday to discuss the river crossing.\n\n“We will open it by spring,” said Mayor Ann "
            "Tolley. Work on the bridge began in March and has run over budget.\n\n“Nobody in this town wants "
            "another winter without the crossing.”")
    quotes = _quotes(text, with_entities)
    assert [q.speaker for q in quotes] == ["Ann Tolley", "Ann Tolley"]


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_title_run_after_the_verb_is_no_name(with_entities):
    # "said former Vermont Gov. and ... Chairman Ed Rendell": the name after the verb stopped at the title ("Vermont
    # Gov"), and the next quote inherited it
    text = ("“Our ports cannot wait another decade,” said former Vermont Gov. and Harbour Trust Chairman Ed Rendell."
            "\n\nThe trust meets again in June.\n\n“Every year we wait, the repairs cost the towns more.”")
    quotes = _quotes(text, with_entities)
    assert [q.speaker for q in quotes] == ["Ed Rendell", "Ed Rendell"]
    text = "“The ferry will run until the new pier opens,” said Tom Judge, who chairs the trust."
    assert [q.speaker for q in _quotes(text, with_entities)] == ["Tom Judge"]


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_short_month_name_without_a_date_can_be_a_name(with_entities):
    # "columnist Ai Jun wrote": "Jun" was read as the month, so the tag found no speaker and the quote went to the
    # president named before it
    from tui.engine.quotes.names import name_runs

    text = ("Protests spread across the capital on Sunday. President Tomas Ortiz said nothing.\n\n“The government has "
            "lost the trust of the young,” columnist Ai Jun wrote in a weekly column.")
    [q] = _quotes(text, with_entities)
    assert q.speaker == "Ai Jun"
    # with a dot or a number after it, it is still a date, not part of a name
    text = "The ferry board met Tomas Ortiz Jun. 5 and Ida Brandt Sept 12 to talk about the pier."
    assert [m.group() for m in name_runs(text)] == ["The", "Tomas Ortiz", "Ida Brandt"]


def test_the_month_short_form_switch_is_never_read_stale_from_a_cache():
    # the names functions are cached (is_person, the ranker's name facts): the rule's switch is read outside them or
    # is part of their key, so on / off / on again gives on's answers again (bench --ablate runs rules in turn)
    from tui.engine import rules
    from tui.engine.quotes.names import is_person, name_runs

    text = ("Protests spread across the capital on Sunday. President Tomas Ortiz said nothing.\n\n“The government has "
            "lost the trust of the young,” columnist Ai Jun wrote in a weekly column.")
    dated = "The ferry board met Tomas Ortiz Jun. 5 to talk about the pier."
    for off in (False, True, False):
        with rules.disabled("month-short-form-may-be-a-name") if off else rules.disabled():
            [q] = extract_quotes(text)
            assert (q.speaker, is_person("Ai Jun")) == (("Tomas Ortiz", False) if off else ("Ai Jun", True))
            assert [m.group() for m in name_runs(dated)][1] == ("Tomas Ortiz Jun" if off else "Tomas Ortiz")


def test_a_person_the_tagger_reads_in_a_headline_is_not_named_by_the_headline_s_words():
    # the tagger read "Kind Thing Ortiz" in a headline as a person (on a real article: "... Reveals Stunning Thing
    # Trump Did ..."), linked every later "Ortiz" to it, and the quotes were shown as that name's
    text = ("Widow Recalls Kind Thing Ortiz Did For Her Farm\n\nMara Quist of Lund knows Tomas Ortiz better than "
            "most voters do.\n\nOrtiz told the crowd in Lund about her farm on Monday.\n\n“She was having a very "
            "hard time, and I paid the bank,” Ortiz said.")
    first = text.index("Kind Thing Ortiz")
    full = text.index("Tomas Ortiz")
    later = [i for i in range(len(text)) if text.startswith("Ortiz", i) and i > full + 6]
    entities = [Entity(first, first + 16, "PERSON", "Kind Thing Ortiz", "Kind Thing Ortiz"),
                Entity(text.index("Mara Quist"), text.index("Mara Quist") + 10, "PERSON", "Mara Quist", "Mara Quist"),
                Entity(full, full + 11, "PERSON", "Tomas Ortiz", "Tomas Ortiz")]
    entities += [Entity(i, i + 5, "PERSON", "Ortiz", "Kind Thing Ortiz") for i in later]
    [q] = extract_quotes(text, sorted(entities, key=lambda e: e.start))
    assert q.speaker == "Tomas Ortiz"


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_quote_that_finishes_a_sentence_of_the_writer_s_is_kept_with_that_sentence(with_entities):
    # walk29 saw 'the crews would “listen before they walk out.”' in the key quotes as “listen before they walk out.”
    # alone. PolNeAR train marks such quotations as speech (1,086 of the 1,119 of 4+ words starting in lower case after
    # a word or a comma), so the quote stays; the writer's words that lead into it come with it (Quote.lead)
    text = ("Ferry crews at Port Marrow stopped work on Monday night.\n\nThe council has asked both sides to meet "
            "again, and the union has said the crews would “listen before they walk out.” Tomas Brenn runs the "
            "line. He said: “we will talk to them on Friday about the rota.”\n\n“Nobody wants a strike,” Brenn said, "
            "“least of all the crews themselves.”")
    quotes = _quotes(text, with_entities)
    leads = {q.text: q.lead for q in quotes}
    assert leads["listen before they walk out."] == "…and the union has said the crews would"
    # a mark after a colon or a comma, or opening the sentence, leads into nothing of the writer's
    assert leads["we will talk to them on Friday about the rota."] == ""
    assert leads["Nobody wants a strike,"] == leads["least of all the crews themselves."] == ""
    text = "Passengers waited on the quay. Tomas Brenn said the crews would “come back to work on Friday.”"
    [q] = _quotes(text, with_entities)
    assert (q.lead, q.speaker) == ("Tomas Brenn said the crews would", "Tomas Brenn")


def test_rank_keeps_the_continuation_of_a_split_quote_not_its_two_word_opener():
    # the lower-case continuation is scored x0.7 (a scrap alone), which put the two-word "The footbridge," first
    text = ("The county closed the Lisk footbridge at Quillford on Saturday.\n\n"
            "“The footbridge,” said Tamsin Elderkin, “stays shut for the winter.”")
    [top] = rank_quotes(extract_quotes(text), 1, len(text))
    assert (top.text, top.speaker) == ("stays shut for the winter.", "Tamsin Elderkin")
    assert key_quotes(text, n=1)[0].text == top.text


def test_a_scare_quote_goes_to_the_writer_s_subject_not_the_next_clause_s_speaker():
    text = ("The Kestrel Vale council called the closure “a temporary measure to save money” before the vote, and "
            "councillor Maren Alsop said, “We will fight it at every meeting until the spring.”")
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("a temporary measure to save money", "The Kestrel Vale council"),
        ("We will fight it at every meeting until the spring.", "Maren Alsop")]


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_full_stop_after_the_closing_mark_ends_the_quote_s_sentence(with_entities):
    # the stop outside the marks ends the sentence: the next sentence's subject ("The council said") is no tag
    text = ('Colm Tressel said drivers had been "patient for long enough". The council said talks would go on.\n\n'
            "The harbour board met on Friday. Ardith Penmore told it the crews were “tired of waiting for an answer "
            "from anyone”. Its chair, Wendel Ashby, said the board would reply in May.")
    quotes = _quotes(text, with_entities)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("patient for long enough", "Colm Tressel"),
        ("tired of waiting for an answer from anyone", "Ardith Penmore")]


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_person_of_a_named_body_is_the_speaker_not_the_body(with_entities):
    # "X of the Harbour Pilots' Guild said" gave the speaker "Pilots' Guild" (the name run before the verb)
    text = ("The pilots met in Tolverne on Monday. Oswin Tarrant of the Harbour Pilots' Guild said the pilots were "
            "“ready to talk to anyone”.\n\n“The boats stay in port until Friday,” Marisol Quenby of the Fenwick "
            "Boatmen's Society said.\n\nThe Tolverne Harbour Board said talks would go on.")
    quotes = _quotes(text, with_entities)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("ready to talk to anyone", "Oswin Tarrant"), ("The boats stay in port until Friday,", "Marisol Quenby")]


@pytest.mark.parametrize("with_entities", [False, True])
def test_a_body_of_a_body_before_its_verb_is_the_outer_body(with_entities):
    # "The Harbour Council of the Port of Tolverne said" gave "the Port of Tolverne" (the inner phrase read alone),
    # "The Harbour Council of the Port said" gave "Port"; after the quote the whole phrase was kept
    text = ("The quay at Penhallow stayed shut on Monday.\n\nThe Harbour Council of the Port of Tolverne said the quay "
            "would “stay shut until the spring tides have passed”.\n\n“The fishing boats can use the north slipway "
            "until then,” the Harbour Council of the Port of Tolverne said.\n\nOswin Tarrant of the Port of Tolverne "
            "said, “Nobody asked the crews before the quay was shut.”")
    quotes = _quotes(text, with_entities)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("stay shut until the spring tides have passed", "The Harbour Council of the Port of Tolverne"),
        ("The fishing boats can use the north slipway until then,", "the Harbour Council of the Port of Tolverne"),
        ("Nobody asked the crews before the quay was shut.", "Oswin Tarrant")]
