"""A summary sentence shown alone has balanced quotation marks: the splitter ends sentences inside a quotation that
runs over two or more of them (by design), so a line cut from it lacks its opening or closing mark. One helper
(tui.engine.summarize.filters.shown_texts / whole_quote) puts the mark back for every place a summary line is shown."""

from __future__ import annotations

from tui.engine.analysis import analyze
from tui.engine.sentences import split_sentences
from tui.engine.summarize.filters import inside_quote, shown_texts, whole_quote
from tui.engine.types import ScoredSentence

# Our own text: a quotation of two sentences, attributed before it ("According to Varga, ...").
FERRY = ('The ferry line from Kessel to Ormund reopened on Monday after a winter of repairs. '
         'Harbour master Ilse Varga was pleased with the crews. According to Varga, "they worked through every storm '
         'of the winter and never missed a tide. Nobody in this port will forget it." The first crossing carried 212 '
         'passengers.\nTickets for the summer timetable went on sale on Friday at the harbour office.')


def balanced(text: str) -> bool:
    """Straight double marks come in pairs, curly ones open before they close."""
    depth = 0
    for c in text:
        if c in "“”":
            depth += 1 if c == "“" else -1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


def picks(sents, *indices) -> list[ScoredSentence]:
    return [ScoredSentence(sents[i].start, sents[i].end, sents[i].text, 0.0, i) for i in indices]


def test_both_halves_of_a_quotation_cut_by_the_splitter_get_their_missing_mark():
    sents = split_sentences(FERRY)
    assert sents[2].text.endswith('missed a tide.') and sents[3].text == 'Nobody in this port will forget it."'
    shown = shown_texts(sents, picks(sents, 0, 2, 3))
    assert shown == [sents[0].text,
                     'According to Varga, "they worked through every storm of the winter and never missed a tide."',
                     '"Nobody in this port will forget it."']


def test_the_news_summary_of_the_text_shows_only_balanced_lines_and_keeps_its_spans():
    analysis = analyze(FERRY, sentences=5)
    picked = analysis.summary.sentences
    assert any("missed a tide" in s.text for s in picked)
    assert not all(balanced(s.text) for s in picked)  # the engine's result is the body's spans as they are
    assert all(FERRY[s.start:s.end] == s.text for s in picked)
    shown = shown_texts(analysis.sentences, picked)
    assert all(balanced(t) for t in shown), shown
    assert [t.strip('"') for t in shown] == [s.text.strip('"') for s in picked]  # only marks were added


def test_the_middle_sentence_of_a_long_quotation_gets_both_marks():
    text = ('Coach Aino Palm spoke after the final whistle. She said: "We started slowly. We lost the ball too often '
            'in midfield. We will train on it all week," and left for the bus.')
    sents = split_sentences(text)
    middle = next(i for i, s in enumerate(sents) if s.text.startswith("We lost the ball"))
    assert shown_texts(sents, picks(sents, middle)) == ['"We lost the ball too often in midfield."']


def test_a_sentence_s_own_marks_say_what_is_missing_when_its_neighbours_cannot():
    # a quotation still open where the sentence (and its paragraph) ends: closed
    assert whole_quote("The minister told reporters: “We will build the bridge.") == \
        "The minister told reporters: “We will build the bridge.”"
    # a closing mark before any opening one: opened
    assert whole_quote('We never gave up."') == '"We never gave up."'
    assert whole_quote("It will open in May,” the engineer said.") == "“It will open in May,” the engineer said."


def test_balanced_sentences_and_marks_that_quote_nothing_are_left_as_they_are():
    for text in ('The centre, who is 6\'3", joined in June.', 'A 24" screen costs more.',
                 'He called the plan “unworkable.”', '„Wir schaffen das“, sagte sie am Montag.',
                 '“It is unusual,“ said Lind.', '"We won," she said, "and we earned it."', "No quotation here.",
                 "The players' union agreed."):
        assert whole_quote(text) == text, text


def test_reading_only_the_sentences_just_before_a_line_gives_the_answer_the_whole_paragraph_gives():
    # one paragraph of 90 sentences with quotations every few sentences: shown_texts reads at most LOOK_BACK of them
    parts = []
    for n in range(30):
        parts.append(f'Inspector Rhea Moll reviewed site {n} on the coast road.')
        parts.append(f'She said: "The wall at site {n} is sound.' if n % 3 else f'The wall at site {n} was rebuilt.')
        parts.append(f'It will stand for years {n}," she added.' if n % 3 else f'Work at site {n} ended early.')
    sents = split_sentences(" ".join(parts))
    assert len(sents) == 90 and len({s.paragraph for s in sents}) == 1
    whole = [whole_quote(s.text, *flags) for s, flags in zip(sents, inside_quote(sents))]
    assert shown_texts(sents, picks(sents, *range(90))) == whole
    assert all(balanced(t) for t in whole)
