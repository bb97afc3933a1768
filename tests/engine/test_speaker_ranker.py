"""The learned speaker ranker (tui/engine/quotes/ranker.py) on our own sentences."""

from __future__ import annotations

from itertools import permutations

from tui.engine import rules
from tui.engine.quotes import extract, extract_quotes, ranker
from tui.engine.types import Entity

# "she said" after a sentence whose subject speaks ("Lund said") and whose first name is someone talked about
TEXT = ("Pia Lund runs the ferry company. Officials in Tromsø praised Anders Moe, the harbour master.\n\n"
        "The good news for Moe, Lund said, is that the new quay opens in May. “We will run twice a day,” she said.")


def _candidates(text: str):
    quotes, hows, scan = extract._attributed(text)
    return quotes, ranker.candidates(text, quotes, hows, scan.res, scan.lines.bounds)


def test_a_surname_followed_by_said_speaks():
    # the mention "Lund" ends at its own last letter, so "Lund said" makes Pia Lund a speaking candidate
    _, cands = _candidates(TEXT)
    lund = next(c for c in cands[0] if c.name == "Pia Lund")
    assert "name:b:speaks" in lund.feats and "spoke:b0" in lund.feats


def test_the_coreference_rule_alone_takes_the_first_name_of_the_sentence():
    with rules.disabled("speaker-ranker"):
        assert [q.speaker for q in extract_quotes(TEXT)] == ["Anders Moe"]


def test_the_speaker_of_a_speaking_pronoun_is_one_of_the_two_people_it_can_be():
    # Which of the two wins is a coin flip of the learned weights: each retrain decides it by less than 0.01 point
    # (session 10: Pia Lund by 0.005; session 12: Anders Moe by 0.006, then Pia Lund again), so this asserts only
    # what must hold either way (it was a non-strict xfail, which could not fail). The data itself favours the
    # coreference rule's pick when the two differ (119 to 48 train quotes, session 9; the silver names come from
    # CoreNLP's chains): session 12 tried the speaking name for a speaking pronoun in coref.py (CV 76.93 -> 76.83)
    # and not counting the tag's own pronoun as a mention (76.94, one train half lower)
    assert [q.speaker for q in extract_quotes(TEXT)] in (["Pia Lund"], ["Anders Moe"])


def test_sentence_distance_features():
    quotes, cands = _candidates("Ida Berg chairs the board. The port grew fast.\n\n“We will open a new quay,” she said.")
    berg = next(c for c in cands[0] if c.name == "Ida Berg")
    assert "name:b:s2" in berg.feats  # her sentence is two before the quote's ("The port grew fast." between)
    assert "name:b:first:s2" in berg.feats  # and she is the first person her sentence names
    assert "ante:pron0" in berg.feats  # the nearest fitting person before "she"


def test_a_pronoun_opening_the_sentence_is_its_first_person():
    # "she" opens the sentence, so she is the first person it names and Tomas Ortiz (the first NAME in it) is not
    text = ("Lena Brandt chairs the harbour board.\n\nOn Monday she said Tomas Ortiz had never visited the docks, and "
            "called his plan “a gift to the shipping lines and nothing else.”")
    _, cands = _candidates(text)
    first = {c.name: sorted(f for f in c.feats if ":first:" in f) for c in cands[0]}
    assert first == {"Lena Brandt": ["name:b:first:s1", "pron:b:first:s0"], "Tomas Ortiz": []}


def test_a_first_name_cut_off_before_an_accented_surname_joins_the_full_name():
    # the capitalised run of "Dr. Eva Šimek" stops at "Š": the candidate "Eva" is Eva Šimek, not someone new
    text = ("The chapel in the valley reopened on Sunday after two years of work on its frescoes.\n\n"
            "“She painted her own village on the walls when nobody else cared about it,” said Dr. Eva Šimek, the "
            "conservator who led the work. “The bishop wanted saints from Rome. She gave him shepherds instead.”"
            "\n\nŠimek said the team had found the sketches in a barn.")
    assert [q.speaker for q in extract_quotes(text)] == ["Eva Šimek", "Eva Šimek"]


def test_candidates_carry_the_shape_of_a_persons_name():
    # a person's full name, a name with an organisation word, and a name of one word get different features
    text = ("Ola Brandt runs the ferries. “The quay is not safe for the winter ferries,” Harbour Safety Authority "
            "said on Monday.\n\n“We will close it in December,” she said. Tromsø said nothing.")
    _, cands = _candidates(text)
    shapes = {c.name: sorted(f for f in c.feats if f.startswith("shape:")) for c in cands[1]}
    assert shapes == {"Ola Brandt": ["shape:person"], "Harbour Safety Authority": ["shape:other"],
                      "Tromsø": ["shape:one"]}


def test_remembered_name_facts_give_the_features_of_working_them_out_each_time(monkeypatch):
    """_name_facts is remembered per name (names recur across quotes and articles): every candidate of our texts,
    including one where "Hope" is a person and a common word ("hope"), gets the same features as when the facts are
    worked out afresh each time, the second time the texts are read as well as the first."""
    hope = ("Hope Okafor said there was little hope for the ferry. “We have no money,” Hope said.\n\n"
            "“There is hope,” said Bill Carver of Carver Bank. “The bill is paid,” he said. Hope left.")
    texts = [TEXT, hope, "Ida Berg chairs the board.\n\n“We will open a new quay,” she said. “Soon,” Berg said."]

    def feats():
        out = []
        for text in texts:
            _, cands = _candidates(text)
            out.append([[(c.name, sorted(c.feats)) for c in cs] for cs in cands])
        return out

    ranker._name_facts.cache_clear()
    first, again = feats(), feats()
    monkeypatch.setattr(ranker, "_name_facts", ranker._name_facts.__wrapped__)
    assert first == again == feats()
    assert {"Hope", "Bill Carver"} <= {name for doc in first for cs in doc for name, _ in cs}


def test_remembered_mention_features_equal_building_them_each_time(monkeypatch):
    """`at`'s features are remembered per (kind, side, bucket, paragraph, sentences, first, flags): every candidate
    of our texts (many quotes, pronouns, names before and after, paragraphs apart) gets the same features, in
    the same order, as when they are built afresh for every mention."""
    from bench.instructions import text_of

    texts = [TEXT, text_of("quotes", 6000),
             "Ida Berg chairs the board.\n\n“We will open a new quay,” she said. “Soon,” Berg said.\n\n"
             "Officials met Ola Nordmann. He said “it is fine.” Later, Berg told Nordmann: “No.” “Yes,” he said."]

    def feats():
        return [[[(c.name, list(c.feats), c.mention, c.dist, c.side, dict(c.spoke)) for c in cs]
                 for cs in _candidates(text)[1]] for text in texts]

    ranker._AT_FEATS.clear()
    first, again = feats(), feats()

    class Forgetful(dict):
        def __setitem__(self, key, value):
            pass

    monkeypatch.setattr(ranker, "_AT_FEATS", Forgetful())
    assert first == again == feats()
    assert any("name:b:speaks" in f for doc in first for cs in doc for _, f, *_ in cs)


def test_a_she_tag_does_not_go_to_a_man_while_a_woman_is_near():
    # the ranker's top score goes to Tomas Ortiz ("Mr.", "Tomas": the text says he is a man); Ida Brandt's sex is not
    # written anywhere, so she is the candidate "she" can be
    text = ("Ida Brandt chairs the ferry board. Mr. Tomas Ortiz sold the old pier in March.\n\nSince Ortiz's sale she "
            "has not rested. “We will buy the pier back before the winter,” she said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Ida Brandt"]
    with rules.disabled("pronoun-sex-guard"):
        assert [q.speaker for q in extract_quotes(text)] == ["Tomas Ortiz"]



def test_a_he_tag_does_not_go_to_a_site_or_a_body_while_a_person_is_near():
    # "Twitter to attack" makes the site a speaking one-word name, the first its sentence names: the ranker's top
    # score for "he wrote" goes to it; Ansel Marrow, further back, is the person "he" can be
    text = ("Ansel Marrow opened the Quillby fair on Saturday.\n\nThe ferry runs twice a day in summer. The quay was "
            "built in 1911 and has not been mended since. Fishermen say the night crossings frighten the seals.\n\n"
            "On Monday the mayor used Twitter to attack the ferry board. “Nobody in this town was "
            "asked about the night crossings,” he wrote.")
    assert [q.speaker for q in extract_quotes(text)] == ["Ansel Marrow"]
    with rules.disabled("he-or-she-is-no-body"):
        assert [q.speaker for q in extract_quotes(text)] == ["Twitter"]


def test_a_body_is_a_name_with_an_organisation_word_an_acronym_or_the():
    bodies = ["Twitter", "the Quillby Ferry Board", "Lisk Water Company", "NTSB"]
    people = ["Ansel Marrow", "Bill Carver", "Stefan KA", "Holm", "Ida", "TJ"]
    assert [n for n in bodies + people if ranker._a_body(n)] == bodies


def test_a_body_winner_without_a_he_or_she_tag_stands():
    # "the Quillby Ferry Board said": no pronoun tag, so no gender feature: the guard leaves the ranker's choice
    w = {"a": 1.0}
    cands = [ranker.Candidate("Quillby Ferry Board", feats={"a"}), ranker.Candidate("Ansel Marrow", feats=set())]
    assert ranker.choose(cands, w).name == "Quillby Ferry Board"
    tagged = [ranker.Candidate("Quillby Ferry Board", feats={"a", "gender:unknown"}),
              ranker.Candidate("Ansel Marrow", feats={"gender:fits"}),
              ranker.Candidate("Ida Holm", feats={"gender:clash"})]
    assert ranker.choose(tagged, w).name == "Ansel Marrow"


def test_a_quote_that_names_its_top_candidate_goes_to_someone_it_does_not_name():
    # the quote talks about Lund ("Lund decided alone"), so Lund, the ranker's top score, is not who says it
    text = ("Ivo Lund chairs the ferry board. Mara Quist runs the harbour.\n\nLund wants a new quay by May. “Nobody "
            "asked the harbour. Lund decided alone, and the night crossings will pay for it.”")
    assert [q.speaker for q in extract_quotes(text)] == ["Mara Quist"]
    with rules.disabled("speaker-not-named-in-own-quote"):
        assert [q.speaker for q in extract_quotes(text)] == ["Ivo Lund"]


def test_a_score_does_not_depend_on_the_order_its_features_are_read_in():
    # a set of feature names is read in an order that changes between processes (string hashing): 0.1 + 0.2 + 0.3
    # added left to right is 0.6000000000000001, right to left 0.6, so two candidates could tie in one run and not
    # in the next
    w = {"a": 0.1, "b": 0.2, "c": 0.3, "d": 0.6}
    sums = {ranker.score(ranker.Candidate("X", feats=list(order)), w) for order in permutations("abc")}
    assert sums == {ranker.score(ranker.Candidate("Y", feats=["d"]), w)}
    tie = [ranker.Candidate("First", feats=["c", "b", "a"]), ranker.Candidate("Second", feats=["d"])]
    assert ranker.choose(tie, w).name == "First"  # an exact tie goes to the first, the rules' choice


def test_a_candidate_named_in_the_tag_of_the_nearest_named_quote_on_either_side_is_marked():
    # the middle quote's "he" could be Lund or Ortiz; the named quotes around it are Ortiz's (session 18: CV on
    # PolNeAR train 77.48 -> 77.56 over 8 partitions, every one up)
    text = ("Ivo Lund sold the old pier in March. Tomas Ortiz paid for the new one.\n\n“The quay opens in May,” Ortiz "
            "said at the harbour.\n\n“We will run twice a day from June,” he said. “Nobody will wait in the rain "
            "again,” Ortiz told the council.")
    quotes, cands = _candidates(text)
    assert [q.text[:6] for q in quotes] == ["The qu", "We wil", "Nobody"]
    ortiz = next(c for c in cands[1] if c.name == "Tomas Ortiz")
    lund = next(c for c in cands[1] if c.name == "Ivo Lund")
    assert {"tlast", "tnext:samepara"} <= ortiz.feats  # the last named quote is a paragraph up, the next in this one
    assert not {f for f in lund.feats if f.startswith(("tlast", "tnext"))}


_LONG = ("The ferries have run from this harbour for two hundred years, through storms and wars and hard winters, and "
         "the town has always found the money to keep them going when the state would not. ")
# a letter quoted over five paragraphs, each opening with a mark and only the last closed: its writer is named before
# the first, someone else right after the last
LETTER = ("Ola Brandt, the harbour master, wrote to members of the council on Monday:\n\n\"" + _LONG + "We ask for nothing "
          "new.\n\n\"" + _LONG + "We ask only for what was promised.\n\n\"" + _LONG + "The council knows this.\n\n\"We will not "
          "give up the ferries, whatever the board decides.\"\n\nMara Quist, who chairs the council, said she would "
          "answer the letter in May.")


def test_the_speaker_of_a_runs_last_attributed_quote_is_marked_two_or_more_quotes_on():
    quotes, cands = _candidates(LETTER)
    assert [q.speaker for q in quotes] == ["Ola Brandt", None, None, None]
    marked = [[c.name for c in cs if "run" in c.feats] for cs in cands]
    assert marked == [[], [], ["Ola Brandt"], ["Ola Brandt"]]  # the second quote is "prev"'s
    words_between = LETTER.replace("The council knows this.\n\n", "The council knows this.\n\nThe letter went on.\n\n")
    quotes, cands = _candidates(words_between)
    assert not any("run" in c.feats for c in cands[-1])


def test_a_quote_ending_a_long_run_goes_to_the_runs_speaker_not_the_person_named_after_it():
    # session 20: CV on PolNeAR train 77.86 -> 77.98, every one of 4 partitions up
    assert [q.speaker for q in extract_quotes(LETTER)] == ["Ola Brandt"] * 4


def test_names_the_person_index_reads_as_nobody_are_weak_candidates_ranked_apart():
    # "Varga" is never written in full nor followed by "said", "Ilse" is a first name alone, the board a body that
    # objects (a speech verb): none is a person to the rules ("he" stays Ortiz's), all are candidates of their own kind,
    # the board not for a "he" or "she"
    text = ("Tomas Ortiz sold the old pier in March. The Harbour Safety Board objected, and Varga, back from Oslo "
            "with his wife, Ilse, called the sale a mistake.\n\n“The night crossings will stop in May,” he said.\n\n"
            "“The old pier was never his to sell, and the town will want it back.”")
    quotes, cands = _candidates(text)
    assert [q.speaker for q in quotes] == ["Tomas Ortiz", None]  # the rules find no speaker for the second
    he, untagged = ({c.name: c for c in cs} for cs in cands)
    assert {"Varga", "Ilse"} <= set(he) and "Harbour Safety Board" not in he
    assert {"Varga", "Ilse", "Harbour Safety Board"} <= set(untagged)
    for c in [he["Varga"], he["Ilse"], untagged["Harbour Safety Board"]]:
        assert "weak" in c.feats and "weak:b:out" in c.feats
        assert not {f for f in c.feats if f.startswith(("name:", "rank:", "spoke:", "rule", "cluster:", "shape:"))}
    ortiz = he["Tomas Ortiz"].feats
    assert "weak" not in ortiz and "rank:a0" in ortiz  # the nearest person after the quote is still Ortiz ("he")


def test_with_the_taggers_entities_a_lone_word_is_a_weak_candidate_only_when_tagged_a_person():
    text = ("Tomas Ortiz sold the old pier in March. Varga, back from Oslo, called the sale a mistake.\n\n"
            "“The night crossings will stop in May,” he said.")
    at = text.index("Varga")
    ents = [Entity(0, 11, "PERSON", "Tomas Ortiz", "Tomas Ortiz"), Entity(at, at + 5, "PERSON", "Varga", "Varga")]
    quotes, hows, scan = extract._attributed(text, ents)
    names = {c.name for c in ranker.candidates(text, quotes, hows, scan.res, scan.lines.bounds)[0]}
    assert {"Tomas Ortiz", "Varga"} <= names and "Oslo" not in names
    quotes, hows, scan = extract._attributed(text)  # no tagger: "Oslo" looks like a name too
    assert "Oslo" in {c.name for c in ranker.candidates(text, quotes, hows, scan.res, scan.lines.bounds)[0]}


def test_a_candidate_named_as_a_possessive_has_the_feature_poss():
    # "Ortiz's lawyer" names Ortiz as someone talked about: the learned feature "poss" (a possessive mention, with
    # 's or a bare apostrophe after an s) tells the ranker so; Mara Quist, named plainly, does not get it
    text = ("Tomas Ortiz's lawyer, Mara Quist, spoke outside the court on Monday. Ivo Andres' brother waited by the door."
            "\n\n“We will appeal the ruling before the end of the month.”")
    _, cands = _candidates(text)
    feats = {c.name: c.feats for c in cands[0]}
    assert "poss" in feats["Tomas Ortiz"] and "poss" not in feats["Mara Quist"]
    assert "poss" in next(f for name, f in feats.items() if name.startswith("Ivo Andres"))
    assert ranker.weights().get("poss", 0.0) < 0  # learned: a possessive mention is less likely the speaker
