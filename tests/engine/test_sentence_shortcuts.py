"""Sentence splitting's quick look: a span without a period followed by a space is not searched for the
abbreviations that can end a sentence ("... in the U.S. The deal ..."), since every such end holds one."""

from __future__ import annotations

from tui.assets import asset
from tui.engine import sentences
from tui.engine.sentences import split_sentences
from tui.engine.tokens import digit_key

# Our own sentences: each final abbreviation before an opener, a quote mark, a tab or a line break; lower-cased ones.
_OWN = ("The plant is in the U.S. The deal closed at 4 a.m. \"But a city clerk said no. Acme Inc.\tHe left Acme Corp.\n"
        "They met Bros. Ltd. It rained. Dingle Co. Residents fled. U.K. Officials, E.U. However, D.C. Now etc. We "
        "left at 5 p.m. ‘Yes’ said Ada. the firm is in the u.s. the deal closed. a.m. he said; ltd. this one went.")


def _texts() -> list[str]:
    folder = asset("articles")
    out = [(folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    return out + [_OWN, _OWN.lower(), _OWN.replace(" ", "\u00a0"), "\n\n".join([_OWN] * 3)]


def test_every_abbreviation_end_holds_a_period_and_a_space():
    found = 0
    for text in _texts():
        for rx in (sentences._ABBREV_END_CASED, sentences._ABBREV_END_LOWER):
            for m in rx.finditer(text):
                assert sentences._PERIOD_SPACE.search(m.group()), m.group()
                found += 1
    assert found >= 12


def test_the_quick_look_splits_as_the_full_search(monkeypatch):
    texts = _texts()
    fast = [[(s.start, s.end) for s in split_sentences(t)] for t in texts]
    monkeypatch.setattr(sentences, "_PERIOD_SPACE", type("Always", (), {"search": staticmethod(lambda *a: True)}))
    assert fast == [[(s.start, s.end) for s in split_sentences(t)] for t in texts]
    assert any(len(f) > 3 for f in fast)


def test_end_checks_search_only_the_last_characters():
    """_joins_previous asks whether the sentence before ends with "No.", initials or a closing quote (patterns ending
    in `$`) by searching its last few characters only (all of it when it ends with a bracket): the same answers as
    searching the whole text, on every sentence of our texts and on strings of odd endings."""
    import random

    ends = ["No.", "nos.", "NO.", "ſ", "no.", "J.K.", "A.J.P.", "U.S.", "L.A.", "(A.B.", " C.D.", "x.", ",”", "?'",
            "!\"", ",’", ",” )", ",”\u00a0\t]", "?” ", ")", "]", "(", "\n", " ", "a", "Z", ".", "1"]
    rnd = random.Random(2)
    befores = ["".join(rnd.choice(ends) for _ in range(rnd.randint(1, 8))) for _ in range(20000)]
    for text in _texts():
        befores += [s.text for s in split_sentences(text)]
    hits = [0, 0, 0]
    for b in befores:
        for k, (fast, rx) in enumerate(((sentences._ends_with_number_sign, sentences._NUMBER_SIGN),
                                        (sentences._ends_with_initials, sentences._INITIALS_END),
                                        (sentences._ends_with_close_quote, sentences._CLOSE_QUOTE_END))):
            want = rx.search(b) is not None
            assert fast(b) == want, (k, b)
            hits[k] += want
    assert min(hits) > 500


def test_a_block_without_period_space_or_cjk_stop_is_not_cut():
    """The block-level quick look (no period followed by a space and no CJK full stop in the block: no cut) gives
    the pieces of looking span by span."""
    def plain(text, spans, lower_only):
        pattern = sentences._ABBREV_END_LOWER if lower_only else sentences._ABBREV_END_CASED
        out = []
        for a, b in spans:
            cuts = sorted({m.end() for m in pattern.finditer(text, a, b)}
                          | {m.end() for m in sentences._CJK_END.finditer(text, a, b)})
            for c in cuts:
                out.append((a, c))
                a = c
            out.append((a, b))
        return out

    texts = _texts() + ["東京で会議。大阪でも。\n\n“Yes。”She left.\tNo cut here", "A。B\n\nthe u.s. the deal"]
    cut = 0
    for text in texts:
        for lower_only in (False, True):
            for p_start, p_end in sentences._paragraph_spans(text):
                chunk = text[p_start:p_end]
                spans = [(p_start + a, p_start + b) for a, b in sentences._tokenizer().span_tokenize(chunk)]
                got = sentences._split_after_final_abbreviations(text, spans, lower_only)
                assert got == plain(text, spans, lower_only)
                stops = "。" in text or "！" in text or "？" in text
                assert sentences._split_after_final_abbreviations(text, spans, lower_only, stops) == got
                cut += len(got) > len(spans)
    assert cut > 5


def test_alnum_pattern_is_str_isalnum_for_every_character():
    """_joins_previous asks whether a piece holds a letter or digit with one regex search: the pattern's character
    class is `str.isalnum` on every code point."""
    assert not [c for c in map(chr, range(0x110000)) if (sentences._ALNUM.match(c) is not None) != c.isalnum()]


def test_last_whitespace_match_is_nltks_rfind():
    """span_tokenize finds the last white space before a candidate with one greedy match: NLTK's index (the highest
    `rfind` of each of string.whitespace) on slices of every kind of white space, and none (-1) without any."""
    import random
    import string

    rnd = random.Random(5)
    parts = list(string.whitespace) + ["\u00a0", "\u2003", "a", "Zz", ".", "“", "1"]
    for _ in range(5000):
        text = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 12)))
        a = rnd.randint(0, len(text))
        b = rnd.randint(a, len(text))
        want = max(map(text[a:b].rfind, string.whitespace))
        m = sentences._LAST_PUNKT_WHITESPACE.match(text, a, b)
        assert (m.end() - 1 - a if m else -1) == want, (text, a, b)


def _plain_split(text: str) -> list[tuple]:
    """split_with_kinds block by block, each block split on its own (no digit key)."""
    if not text or not text.strip():
        return []
    lower_only = sentences._is_lower_cased(text)
    stops = "。" in text or "！" in text or "？" in text
    out = []
    for p_index, (p_start, p_end) in enumerate(sentences._paragraph_spans(text)):
        for b_start, b_end in sentences._block_spans(text, p_start, p_end):
            out.extend(sentences._split_block(text, b_start, b_end, p_index, lower_only, stops))
    if out and not any(kind == sentences.BODY for _, kind in out):
        out = [(s, sentences.BODY if kind == sentences.HEADING else kind) for s, kind in out]
    return out


# Our own pieces with digits where they can change a split if their value were read: numbers before and after a
# period ("No. 4", "in 2019. Then", "4. the"), decimals, times (4 a.m.), an ordinal, a bullet ("1. "), an inch mark,
# a quoted number, a dateline with a date, a byline, words glued to digits, and the key's untouched digits (0, ٣, ²).
_DIGIT_BITS = ["No. 4", "No.", "in 2019.", "Then", "4.", "the", "3.5", "at 4 a.m.", "The", "1st", "\n1. ", "6'3\"",
               "“It is 7.”", "he said.", "LONDON, Jan. 5 (AP) --", "By Ada Lind2", "Lind3.", "U.S. 9", "x9.", "9x",
               "0.", "٣.", "²", "?", "!", "...", " ", " ", "\n", "\n\n", "Ltd. 8", "said", "“8", "9”", "(7)", "p.m. 2"]


def test_blocks_apart_only_in_digits_split_alike(monkeypatch):
    """A text and its `digit_key` (each ASCII digit 1-9 written 0) split at the same places into pieces of the same
    kinds, so blocks with one key split alike; split_with_kinds, which splits each key once, gives what splitting
    every block gives (a page of numbered quotations, random texts of our pieces, our articles)."""
    import random

    rnd = random.Random(22)
    texts = [" ".join(rnd.choice(_DIGIT_BITS) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    texts += ["".join(rnd.choice(_DIGIT_BITS) for _ in range(rnd.randint(1, 30))) for _ in range(1000)]
    texts += _texts() + ["\n\n".join(f"“We will mend bridge {n} before the frost,” said Vera Lind{n % 7}. He said "
                                     f"“it is fine and {n} more.”" for n in range(300))]
    texts += ["\n".join(f"{n}. Item {n} of the list. It costs ${n}.{n % 10} a.m." for n in range(1, 60))]
    page = texts[-2]
    assert len(sentences._paragraph_spans(page)) >= sentences._KEYED_MIN_BLOCKS  # keyed as it is shipped
    assert sentences.split_with_kinds(page) == _plain_split(page)
    monkeypatch.setattr(sentences, "_KEYED_MIN_BLOCKS", 0)  # every text keyed
    changed = 0
    for t in texts:
        k = digit_key(t)
        assert len(k) == len(t)
        want = _plain_split(t)
        assert [(s.start, s.end, kind) for s, kind in _plain_split(k)] == [(s.start, s.end, kind) for s, kind in want], t
        assert sentences.split_with_kinds(t) == want, t
        changed += k != t
    assert changed > 3000
    assert len({digit_key(s.text) for s in split_sentences(page)}) < 20 < len(split_sentences(page))


def _lower_cased_counted(text: str) -> bool:
    """_is_lower_cased as it was written until session 25: every letter and capital of the sample counted."""
    sample = text[:5000]
    letters = sum(map(str.isalpha, sample))
    upper = sum(map(str.isupper, sample))
    return letters > 0 and upper <= letters * 0.002


def test_lower_cased_stops_at_the_capitals_that_decide_it():
    """_is_lower_cased, which stops counting once A-Z alone outnumber 0.2 % of the sample, answers as counting every
    letter and capital: on our articles and sentences, lowered and not; on samples around the threshold (10 and 11
    capitals in 5,000 characters, in a longer text and a shorter one); with capitals that are no letters (Ⅻ, Ⓐ), a
    title-case letter (ǅ), accented and Greek capitals, digits and no letters at all."""
    import random

    texts = _texts()
    texts += [t.lower() for t in texts]
    filler = "the ferry left the harbour at dawn and the council met again "
    body = (filler * 90)[:5000]
    for k in (9, 10, 11, 12):
        for extra in ("", "More Text After The Sample " * 20):
            with_caps = "".join("A" + body[i + 1:i + 400] for i in range(0, 400 * k, 400)) + body[400 * k:]
            texts += [with_caps[:5000] + extra, with_caps[:4000], with_caps[:2000]]
        # letters only: 0.2 % of the letters is 0.2 % of the characters (10 capitals in 5,000 are still lower case)
        texts += ["A" * k + "x" * (5000 - k), "x" * (5000 - k) + "B" * k, ("x" * 499 + "C") * k + "x" * (5000 - 500 * k)]
    rnd = random.Random(25)
    bits = ["a", "e", "x", " ", ".", "1", "A", "É", "Ω", "Ⅻ", "Ⓐ", "ǅ", "ß", "東", "\n"]
    for _ in range(3000):
        weights = [40, 30, 10, 20, 3, 3] + [rnd.random() * 0.2 for _ in range(9)]
        texts.append("".join(rnd.choices(bits, weights, k=rnd.randint(0, 6000))))
    texts += ["", "   ", "123 456", "Ⅻ Ⓐ", "ǅ" * 3, "x" * 5000 + "ABC"]
    answers = {True: 0, False: 0}
    for t in texts:
        want = _lower_cased_counted(t)
        assert sentences._is_lower_cased(t) == want, t[:80]
        answers[want] += 1
    assert min(answers.values()) > 100


def test_a_page_of_lines_in_one_paragraph_is_split_through_its_keys(monkeypatch):
    """A wire page of datelines is one paragraph of hundreds of one-line blocks (no blank line between them): its
    blocks are split once per digit key, as the blocks of a page of paragraphs are, with the same pieces."""
    page = "\n".join(f"OSLO -- Ferry fares on route {n % 9} rose {n % 4} percent on Monday, the operator said."
                     for n in range(200))
    assert len(sentences._paragraph_spans(page)) == 1
    want = _plain_split(page)
    calls = []
    split_block = sentences._split_block
    monkeypatch.setattr(sentences, "_split_block", lambda *a: calls.append(a) or split_block(*a))
    assert sentences.split_with_kinds(page) == want
    assert len(want) == 400 and {kind for _, kind in want} == {sentences.DATELINE, sentences.BODY}
    assert len(calls) == 1  # 200 lines of one key ("0" for every digit): split once
