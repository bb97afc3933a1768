"""The tagger's document features (entities/doc_features.py): each mention reads the word's OTHER mentions."""

from __future__ import annotations

from tui.engine.entities import doc_features
from tui.engine.entities.doc_features import document_features
from tui.engine.entities.tagger import prepare

_TEXT = """VESTRAND PROFITS CLIMB
Shares in Vestrand Holdings Corp rose on Monday. Mr Alsing said Vestrand would hire.
Alsing, the finance chief, spoke in Orvik.
"""


def _by_token(text: str) -> list[tuple[str, tuple]]:
    segs, _, _ = prepare(text)
    return [(t, f) for s in segs for t, f in zip(s.toks, s.docf)]


def test_a_mention_reads_the_other_mentions_only():
    got = _by_token(_TEXT)
    vestrand = [f for t, f in got if t == "Vestrand"]
    # the first mention sees the second ("said Vestrand would"), the second sees the first ("in ... Corp rose")
    assert set(vestrand[0]) == {"dp=said", "dn=would", "dpos=single", "dlen=1"}
    assert set(vestrand[1]) == {"dp=in", "dn=rose", "dl=corp", "dpos=first", "dlen=3"}
    alsing = [f for t, f in got if t == "Alsing"]
    assert "df=mr" in alsing[1] and "df=mr" not in alsing[0]
    assert dict(got)["Orvik"] == ()  # one mention: nothing from elsewhere
    assert dict(got)["rose"] == ()  # lower-case words have none


def test_a_headline_in_capitals_reads_every_body_mention():
    got = dict(_by_token(_TEXT))
    assert {"dl=corp", "dn=would", "dlen=3"} <= set(got["VESTRAND"])
    assert "dl=corp" not in got["PROFITS"]


def test_a_sentence_start_is_one_left_context():
    got = _by_token("Alsing left. Alsing came back.\nToday Alsing rests.\n")
    first = [f for t, f in got if t == "Alsing"][0]
    assert "dp=<s>" in first and "dp=." not in first


def test_the_features_of_a_word_repeated_many_times_stay_bounded():
    words = " ".join(f"Brenn w{k} Brenn Tor{k} ." for k in range(3000))
    segs, _, _ = prepare(words)
    longest = max(len(f) for s in segs for f in s.docf)
    assert longest <= 64
    assert document_features([]) == []


def test_of_each_kind_only_the_commonest_values_are_kept():
    """A word named often in a long article carries no more features than one named thrice in a short story."""
    text = ("Rain fell in Brenn. Snow fell in Brenn. Hail fell in Brenn. Fog came to Brenn. Wind hit Brenn. "
            "The sun rose over Brenn.\n")
    last = [f for t, f in _by_token(text) if t == "Brenn"][-1]
    # the others: "in" three times, then "to" and "hit" once each (a tie goes to the first seen); "over" is its own
    assert last == ("dp=in", "dp=to", "dn=.", "dpos=single", "dlen=1")
    many = " ".join(f"Word{k} met Brenn Vale{k} in Brenn today ." for k in range(200))
    assert max(len(f) for t, f in _by_token(many)) <= 9


def test_a_listed_place_inside_a_longer_name_gives_its_lone_mentions_nothing(monkeypatch):
    """With PLACES_IN_RUNS_SILENT ("lead", shipped since session 9), 'the Rhine Shipping Union' says nothing about
    'the Rhine' (a listed place); it still reads the river."""
    monkeypatch.setattr(doc_features, "PLACES_IN_RUNS_SILENT", "lead")
    text = "Barges stopped on the Rhine today.\nThe Rhine Shipping Union met. The Rhine rose.\n"
    got = [f for t, f in _by_token(text) if t == "Rhine"]
    assert "dl=union" not in got[0] and "dlen=3" not in got[0]  # the union's mention is not counted
    assert set(got[0]) == {"dp=<s>", "dn=rose", "df=the", "dpos=last", "dlen=2"}  # "The Rhine rose" is: an article
    assert "dp=the" in got[1]  # the mention inside the name reads the river's
    # a word that is no listed place keeps the evidence of its longer names ("Vestrand Holdings Corp")
    assert "dl=corp" in [f for t, f in _by_token(_TEXT) if t == "Vestrand"][1]
    monkeypatch.setattr(doc_features, "PLACES_IN_RUNS_SILENT", False)  # session 7: every mention counts
    assert "dl=union" in [f for t, f in _by_token(text) if t == "Rhine"][0]


def test_a_listed_place_ending_a_longer_name_still_tells(monkeypatch):
    """A place word that ends its run is mostly a person's surname ("Mara Kent" said ... "Kent" said): under "lead"
    that mention still counts for the word's other mentions; under "all" (session 8, not shipped) it did not."""
    text = "Mara Kent chairs the board.\nKent said the port would close.\n"
    monkeypatch.setattr(doc_features, "PLACES_IN_RUNS_SILENT", "lead")
    assert "df=mara" in [f for t, f in _by_token(text) if t == "Kent"][1]
    monkeypatch.setattr(doc_features, "PLACES_IN_RUNS_SILENT", "all")
    assert "df=mara" not in [f for t, f in _by_token(text) if t == "Kent"][1]


def test_visiting_only_capitalised_tokens_equals_the_token_by_token_path():
    """document_features visits only the capitalised tokens: the same features as document_features_plain on our
    articles and on lines using "Hope"/"hope" and "Bill"/"bill" both as names and as common words, headlines in
    capitals and runs longer than a name."""
    from tui.assets import asset
    from tui.engine.entities.doc_features import document_features_plain

    folder = asset("articles")
    texts = [_TEXT, "HOPE FOR BILL CARVER\nHope Okafor said there was little hope. Bill Carver paid the bill.\n"
             "Hope said: The Big Old Harbour Board Of Porto Met Today. Carver Bank and Hope rose.\n"] + [
        (folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    for text in texts:
        segs, _, _ = prepare(text)
        assert document_features(segs) == document_features_plain(segs)
        assert any(any(f) for f in document_features(segs))


def test_a_runs_features_are_each_mentions_features():
    from tui.engine.entities.doc_features import _mention_features, _run_features

    toks = "Shares in The Big Old Harbour Board rose . Mr Alsing said Vestrand".split()
    initial = [True] + [False] * 8 + [True] + [False] * 3
    for a, b in [(0, 0), (2, 6), (2, 3), (10, 10), (12, 12), (9, 10)]:
        assert _run_features(toks, initial, a, b) == [_mention_features(toks, initial, a, b, k) for k in range(a, b + 1)]



def test_counting_each_distinct_mention_once_equals_counting_mention_by_mention(monkeypatch):
    """document_features counts each distinct (word, own features) once with its number of mentions: the same
    features as document_features_plain (mention by mention) on made-up texts of a few names met in many contexts,
    interleaved, in both cases, where some words reach the cap of distinct features (_MAX_FEATURES), so that
    which features are kept depends on the order they were first met."""
    import random

    from tui.engine.entities.doc_features import document_features_plain

    rnd = random.Random(11)
    names = ["Brenn", "Tor", "Vestrand Holdings", "Mr Alsing", "BRENN", "Brenn Tor", "O'Neill"]
    cap_mattered = 0
    for _ in range(60):
        lines = []
        for j in range(rnd.randint(1, 60)):
            near = [f"w{k}" for k in range(2 * j, 2 * j + rnd.randint(1, 6))]  # contexts drift along the text
            line = []
            for _ in range(rnd.randint(1, 12)):
                line += [rnd.choice(near), rnd.choice(names[:rnd.randint(1, 7)]), rnd.choice(near + [".", ","])]
            lines.append(" ".join(line))
        segs, _, _ = prepare("\n".join(lines))
        fast = document_features(segs)
        assert fast == document_features_plain(segs)
        with monkeypatch.context() as m:
            m.setattr(doc_features, "_MAX_FEATURES", 10**6)
            cap_mattered += document_features(segs) != fast
    assert cap_mattered > 10
