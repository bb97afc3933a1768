"""Titles made of a text's first sentence (a pasted paragraph, a sentence-a-line text, an untitled feed post) were cut
after an abbreviation's full stop: "The U.S.", "Harrow Co.", "Dr." (micro33). The importers now read the abbreviations
the engine's sentence splitter reads (assets/models/abbreviations.txt), without importing the engine."""

from __future__ import annotations

from tui.importers.text import parse_text
from tui.importers.titles import first_sentence, title_from_text


def _titled_by_first_sentence(cases: dict[str, str]) -> None:
    """Each text, pasted as a file and as an untitled post, is titled by the sentence given and keeps its whole body."""
    for text, title in cases.items():
        a = parse_text(text + "\n")
        assert (a.title, a.body) == (title, text)
        assert title_from_text(text) == title


def test_a_pasted_paragraph_is_not_titled_up_to_an_abbreviation():
    cases = {
        "Harrow Co. said on Monday that it would close its Wexmoor mill by spring. Forty staff were told.":
            "Harrow Co. said on Monday that it would close its Wexmoor mill by spring.",
        "The Brenmoor delegation flew to the U.S. capital on Sunday for the lock talks. It returns on Friday.":
            "The Brenmoor delegation flew to the U.S. capital on Sunday for the lock talks.",
        "Speaking for the clinic, Dr. Ilsa Varn said the Wexmoor ward would reopen on Monday. Patients were moved.":
            "Speaking for the clinic, Dr. Ilsa Varn said the Wexmoor ward would reopen on Monday.",
        "The ferry operator named Capt. R. Tallow of Brenmoor as its new master on Friday. He starts in May.":
            "The ferry operator named Capt. R. Tallow of Brenmoor as its new master on Friday.",
    }
    for text, title in cases.items():
        a = parse_text(text + "\n")
        assert (a.title, a.body) == (title, text)


def test_an_untitled_post_is_not_titled_up_to_an_abbreviation():
    assert title_from_text("Tea with Harrow Co. staff at the Wexmoor lock today. Lovely.") == \
        "Tea with Harrow Co. staff at the Wexmoor lock today."
    assert title_from_text("Met Gov. Hessel at the Brenmoor fair. Long queue.") == "Met Gov. Hessel at the Brenmoor fair."
    assert title_from_text('She told us "the lock opens at six." We went.') == 'She told us "the lock opens at six."'


def test_a_short_text_with_no_sentence_end_in_reach_is_kept_whole():
    """A text under the limit whose only sentence end comes too early was cut a word short ("Yes. It is…")."""
    a = parse_text("Yes. It is done.\n")
    assert (a.title, a.body) == ("Yes. It is done.", "Yes. It is done.")


def test_first_sentence_bounds():
    text = "A quay wall at Wexmoor fell. The harbour board met."
    assert first_sentence(text, 10, 60) == "A quay wall at Wexmoor fell."
    assert first_sentence(text, 30, 60) == text
    assert first_sentence(text, 10, 20) is None
    assert first_sentence("Built by Harrow Co. in Wexmoor", 5, 60) is None


def test_the_engine_and_the_importers_read_one_list_of_abbreviations():
    from tui.engine.sentences import ABBREVIATIONS, split_sentences
    from tui.importers.titles import _abbreviations

    assert ABBREVIATIONS == _abbreviations() and {"u.s", "co", "dr", "capt"} <= ABBREVIATIONS
    text = "Harrow Co. said on Monday that it would close its Wexmoor mill by spring. Forty staff were told."
    assert [s.text for s in split_sentences(text)][0] == parse_text(text + "\n").title


def test_an_abbreviation_before_a_sentence_opener_ends_the_title_as_it_ends_the_engine_s_sentence():
    """"U.S.", "Co." and the like end a sentence before "The", "He" or an opening quote (the engine's splitter's rule,
    tui/sentence_ends.py): a title made of the first sentence ran on past them to the next full stop or the cut."""
    from tui.engine.sentences import split_sentences

    pasted = {
        "Quay repairs at Wexmoor were handed to Tallow and Harrow Co. He said the work would start in spring. "
        "Boats will moor at the east pier.": "Quay repairs at Wexmoor were handed to Tallow and Harrow Co.",
        'The Fenwick pier reopened to the public at 6 a.m. "It is a fine day," the harbour master said. '
        "Crowds came early.": "The Fenwick pier reopened to the public at 6 a.m.",
    }
    for text, title in pasted.items():
        a = parse_text(text + "\n")
        assert (a.title, a.body) == (title, text)
        assert split_sentences(text)[0].text == title
    assert title_from_text("Back from Harrow Co. The Brenmoor stall sold out by noon. More on Friday.") == \
        "Back from Harrow Co."
    lower = "back from harrow ltd. the brenmoor stall sold out by noon. more on friday."
    assert title_from_text(lower) == "back from harrow ltd." == split_sentences(lower)[0].text
    # an abbreviation before a word that opens no sentence, or a title such as "Dr." before any word, ends none
    assert title_from_text("Talks with U.S. Fenwick traders ran late at the Brenmoor hall. Tea after.") == \
        "Talks with U.S. Fenwick traders ran late at the Brenmoor hall."
    assert title_from_text("Seen by Dr. The Brenmoor clinic ran late all week. Tea after.") == \
        "Seen by Dr. The Brenmoor clinic ran late all week."


def test_a_title_is_never_cut_after_a_country_s_or_a_state_s_abbreviation():
    """A re-cased line ("U.S. And ...", every word capitalised) was titled up to "U.S.": the splitter's openers ("And",
    "In", "Officials") are a re-cased headline's next words. A country's or a state's abbreviation (U.S., U.K., N.Y.)
    now never ends a title made of a first sentence, whatever follows it; "Co." before an opener still does."""
    from tui.importers.titles import first_sentence

    recased = {
        "Kessland Cuts Ferry Fares To The U.S. And Vellmark After Talks In Brenmoor. Traders were relieved.":
            "Kessland Cuts Ferry Fares To The U.S. And Vellmark After Talks In Brenmoor.",
        "Wexmoor Lock Keepers Take Their Dispute To The U.K. In A Test Case On Pay. The hearing opens in May.":
            "Wexmoor Lock Keepers Take Their Dispute To The U.K. In A Test Case On Pay.",
        "Brenmoor Ferry Firm Opens Office In N.Y. Officials Say More Routes Will Follow. Bookings open today.":
            "Brenmoor Ferry Firm Opens Office In N.Y. Officials Say More Routes Will Follow.",
    }
    _titled_by_first_sentence(recased)
    # sentence-cased, the same: the title runs on to the next sentence end rather than stop at "U.S."
    text = "The Brenmoor lock keepers flew home from talks in the U.S. The ferry deal is now expected in May. More soon."
    assert first_sentence(text, 20, 120) == "The Brenmoor lock keepers flew home from talks in the U.S. The ferry deal " \
        "is now expected in May."
    assert title_from_text("back from the u.s. the brenmoor stall sold out by noon. more on friday.") == \
        "back from the u.s. the brenmoor stall sold out by noon."
    # too long to reach the next end: the first words, cut after a word, never "... the U.S."
    long = ("Talks on Kessland ferry fares with the U.S. And Vellmark ran on all night at the Brenmoor harbour office "
            "while traders waited outside")
    assert title_from_text(long) == \
        "Talks on Kessland ferry fares with the U.S. And Vellmark ran on all night at the Brenmoor harbour…"
    # a text that ends at "U.S." is its own title
    assert title_from_text("Brenmoor ferries sail for the U.S.") == "Brenmoor ferries sail for the U.S."


def test_a_title_is_never_cut_after_the_initials_of_a_body_of_nations():
    """"U.N. And ..." / "E.U. In ..." re-cased lines were still titled up to the initials (feeds36's noticed: only a
    country's or a state's were left out). A title never ends there now; the engine's splitter is unchanged (it still
    ends a sentence after "U.N." before "The")."""
    from tui.engine.sentences import split_sentences

    recased = {
        "Brenmoor Lock Keepers Take Their Case To The U.N. And Ask For A Ruling. The hearing opens in May.":
            "Brenmoor Lock Keepers Take Their Case To The U.N. And Ask For A Ruling.",
        "Kessland Fishing Quotas Go Before The E.U. In A Test Case On Nets. Skippers wait for word.":
            "Kessland Fishing Quotas Go Before The E.U. In A Test Case On Nets.",
        "Wexmoor Envoy Returns From The U.N. Officials Say Talks Will Resume. More on Friday.":
            "Wexmoor Envoy Returns From The U.N. Officials Say Talks Will Resume.",
    }
    _titled_by_first_sentence(recased)
    assert title_from_text("back from the e.u. the kessland skippers sold out by noon. more on friday.") == \
        "back from the e.u. the kessland skippers sold out by noon."
    assert title_from_text("Kessland skippers appeal to the E.U.") == "Kessland skippers appeal to the E.U."
    # "Co." before an opener still ends a title, as before
    assert title_from_text("Ferries Sold To Brenmoor Co. The Sale Closes Today. More soon.") == "Ferries Sold To Brenmoor Co."
    # the engine's sentences: unchanged
    assert [s.text for s in split_sentences("Brenmoor took its case to the U.N. The hearing opens in May.")] == [
        "Brenmoor took its case to the U.N.", "The hearing opens in May."]
