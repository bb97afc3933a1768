"""The summary filters' shortcuts (a quick look for boilerplate words, word counts without CJK, the quote
flags of the same sentences asked twice) give the same answers as the full computation."""

from __future__ import annotations

import random
import re

import pytest

from tui.assets import asset
from tui.engine.sentences import split_sentences
from tui.engine.summarize import filters
from tui.engine.tokens import digit_key

# Pieces of our own sentences: every boilerplate phrase in several cases, letters that fold onto ASCII
# letters only when case is ignored (İ ı ſ K), curly quotes, CJK and ordinary words.
_PIECES = """publishes letters does not necessarily reflect do not necessarily represent opinions expressed here
views expressed in are solely those of the author All Rights Reserved Copyright copyright © 2024 (c) 2023 Click
here sign up for Subscribe now newsletter follow us on Read more: Related: More from see also: share this join
the conversation leave a comment email us e-mail us contact us terms of use privacy policy cookie settings uses
cookies contributed to this report additional reporting Reporting by editing by Written by this article was
updated this story has been corrected Getty Images AP photo photo: image: picture: caption: https:// www. .com/
all times are GMT is a columnist for was a correspondent with for confidential support, call Samaritans scroll
down for click on the link PUBLİSHES prıvacy ſubscribe Kelvin NEWSLETTER the council met on Tuesday “We will
mend it,” she said 東京 で 会議 harbour ferries 3.5 percent""".split()


def _sentences(seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(60):
        words = [rnd.choice(_PIECES) for _ in range(rnd.randint(1, 14))]
        out.append(" ".join(words))
    return out


def test_boilerplate_shortcut_agrees_with_the_pattern():
    texts = [t for k in range(30) for t in _sentences(k)]
    folder = asset("articles")
    for p in sorted(folder.iterdir()):
        if p.suffix in (".txt", ".md"):
            texts += [s.text for s in split_sentences(p.read_text(encoding="utf-8"))]
    hits = 0
    for t in texts:
        want = filters._BOILERPLATE.search(t) is not None
        assert filters.is_boilerplate(t) == want, t
        hits += want
    assert 0 < hits < len(texts)
    assert filters.is_boilerplate("ſubscribe now") and filters.is_boilerplate("PRIVACY POLİCY")


def test_word_count_without_cjk_counts_words_with_a_letter():
    assert filters.word_count("The U.S. sold 3,500 cars in 2024 - a record") == 7
    assert filters.word_count("東京で会議があった") == filters.word_count("東京で会議があった ") >= 2


def test_quote_flags_asked_twice_give_the_same_list_and_a_new_copy():
    sents = split_sentences("“We will mend it,” she said. “It is fine.”\n\n“Another one.” The council met.")
    first = filters.quote_flags(sents)
    first[0] = "changed"
    again = filters.quote_flags(sents)
    assert again == filters._quote_flags(sents) and again[0] != "changed"
    other = split_sentences("“Only this.” Nothing else.")
    assert filters.quote_flags(other) == filters._quote_flags(other)



def test_repeated_sentences_are_scored_and_filtered_like_any_other():
    """Each distinct sentence is worked out once per summary: the same answers as sentence by sentence."""
    from tui.engine.summarize.base import Request
    from tui.engine.summarize.news import DEFAULT, personal_voice, score_sentences
    from tui.engine.tokens import content_terms

    rnd = random.Random(7)
    pool = [t + "." for t in _sentences(3)[:12]] + ["“We will mend it,” she said.", "“It is fine.”",
                                                     "We met our staff and you on Tuesday."]
    text = "\n\n".join(" ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 4))) for _ in range(40))
    sents = split_sentences(text)
    assert len({s.text for s in sents}) < len(sents) // 2  # the text does repeat its sentences
    bare = filters.quote_flags(sents)
    assert any(bare) and not all(bare)
    firsts = {}  # a repeated sentence is a candidate the first time only
    for i, s in enumerate(sents):
        firsts.setdefault(" ".join(filters.words_of(s.text)).lower(), i)
    assert filters.eligible(sents) == [filters.word_count(s.text) >= filters.MIN_WORDS
                                       and not filters.is_boilerplate(s.text) and not b
                                       and firsts[" ".join(filters.words_of(s.text)).lower()] == i
                                       for i, (s, b) in enumerate(zip(sents, bare))]
    assert sum(filters.eligible(sents)) < len({s.text for s in sents})
    scores, terms = score_sentences(Request(text=text, sents=sents, count=3))
    assert terms == [set(content_terms(s.text)) for s in sents]
    voiced = [i for i, s in enumerate(sents) if personal_voice(s.text) > 0]
    plain = [i for i, s in enumerate(sents) if personal_voice(s.text) == 0]
    assert voiced and plain
    # two copies of one sentence differ only in the position term; a voiced one's penalty is its own
    by_text: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        by_text.setdefault(s.text, []).append(i)
    pos = [DEFAULT.position_decay / (DEFAULT.position_decay + i) for i in range(len(sents))]
    for same in by_text.values():
        for j in same[1:]:
            assert abs((scores[j] - pos[j]) - (scores[same[0]] - pos[same[0]])) < 1e-12


def test_quick_looks_agree_with_the_full_computations():
    """word_count without digits, personal_voice without any personal word and _curl without a quote mark or
    apostrophe skip work; they answer as the word-by-word computations do."""
    from tui.engine.summarize.news import _personal_voice_counted as voice, personal_voice
    from tui.engine.tokens import WORD_RE, is_word

    extra = ["I said we'd go", "You and YOUR team", "Us", "US troops", "mine is yours", "x_we", "we’re in", "I-95",
             "the ²nd and ½ of it", "٣ ferries", "It's my 2nd", "‘Quote’ and ``this''", 'a 6" pipe', "İ ı ſ K", "US-you",
             "It was broken,’ said Paul", "‘Tis the season", "x'we and x.we, we.x we-x we'.x we'-x we_ _we I.", "uſ Uſ ıt",
             "We'll see, you’d think. Me? My-my, OUR our Our oUr you'Re yOu Your's i i' I'm", "we.'s me-'s .we -you 'us",
             "the the The a of and Ferries ferries ferry FERRY 2nd x"]
    texts = [t for k in range(30) for t in _sentences(k)] + extra
    folder = asset("articles")
    for p in sorted(folder.iterdir()):
        if p.suffix in (".txt", ".md"):
            texts += [s.text for s in split_sentences(p.read_text(encoding="utf-8"))]
    for t in texts:
        if filters._CJK.search(t) is None:
            assert filters.word_count(t) == sum(1 for w in WORD_RE.findall(t) if is_word(w)), t
        assert personal_voice(t) == voice(t), t
    assert sum(personal_voice(t) > 0 for t in texts) >= 8
    assert all(filters._curl(t) == _curl_plainly(t) for t in texts)
    assert sum(filters._curl(t) != t for t in texts) >= 3


# _curl's patterns as they were written until session 25: each tried at every position
_STRAIGHT_OPEN_PLAIN = re.compile(r'(?:^|(?<=[\s(\[—–-]))"(?=[^\s"])')
_STRAIGHT_CLOSE_PLAIN = re.compile(r'(?<=[^\s(\[])"(?=[\s.,;:!?)\]—–-]|$)')


def _curl_plainly(text: str) -> str:
    """_curl's substitutions with those patterns, without its quick looks."""
    text = text.replace("''", '"').replace("``", '"')
    text = _STRAIGHT_CLOSE_PLAIN.sub("”", _STRAIGHT_OPEN_PLAIN.sub("“", text))
    return filters._SINGLE_OPEN.sub("“", filters._SINGLE_CLOSE.sub("”", text))


def test_curl_quote_first_patterns_and_quick_looks_change_what_the_plain_ones_change():
    """The straight-quote patterns written quote first find the quotes the plain ones find, and _curl with its quick
    looks (a straight quote at all, a mark after sentence punctuation) curls every text as the plain substitutions
    do: strings of quotes, apostrophes, spaces, brackets, dashes, punctuation, digits and words."""
    rnd = random.Random(11)
    bits = ['"', '"', "'", "’", "‘", "``", "''", " ", "  ", "\n", "(", "[", ")", "]", "—", "–", "-", ".", ",", "!", "?",
            ";", ":", "6", "We", "said", "s", "x", "“", "”"]
    texts = ["".join(rnd.choice(bits) for _ in range(rnd.randint(0, 14))) for _ in range(20000)]
    changed = 0
    for t in texts:
        assert [m.span() for m in filters._STRAIGHT_OPEN.finditer(t)] == \
            [m.span() for m in _STRAIGHT_OPEN_PLAIN.finditer(t)], t
        assert [m.span() for m in filters._STRAIGHT_CLOSE.finditer(t)] == \
            [m.span() for m in _STRAIGHT_CLOSE_PLAIN.finditer(t)], t
        assert (filters._NEAR_SINGLE_CLOSE.search(t) is None) <= (filters._SINGLE_CLOSE.search(t) is None), t
        assert filters._curl(t) == _curl_plainly(t), t
        changed += filters._curl(t) != t
    assert changed > 10000


def test_word_count_subtracting_number_words_equals_word_by_word():
    """word_count counts the words and takes off the whole words without a letter (_NUMBER_WORD): the same as
    testing every word, on strings made of digits, letters, joiners and other characters in every order."""
    import random

    from tui.engine.tokens import WORD_RE, is_word

    pieces = ["1", "23", "a", "Bc", ".", "-", "'", "’", "_", " ", ",", "½", "²", "٣", "x", "é", "--", ".-", "%", "\n"]
    rnd = random.Random(7)
    texts = ["1.2.3 a.-1 1-x 12-x x-1 1'2 3’4 1..2 1--2 ½1 1½ ²3 ٣٤ 4.5.x 7. -8 9- 10'- '11 _12 13_ a1 1a"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    numbers = 0
    for t in texts:
        assert filters.word_count(t) == sum(1 for w in WORD_RE.findall(t) if is_word(w)), repr(t)
        numbers += len(filters._NUMBER_WORD.findall(t))
    assert numbers > 1000


def test_lowered_patterns_read_every_code_point_as_the_ignore_case_ones():
    """_BOILERPLATE_LOW and _SAYS_LOW (case-sensitive, on the lowered text) stand for the ignore-case patterns on any
    text that `_lowered` lets through: their characters are lower case (none upper case); every code point that
    lowers to one character either lowers to one of those characters exactly when it matches that character
    ignoring case, or is one of _FOLDS_TO_ASCII (which send the text to the ignore-case pattern); and lowering
    keeps \\w, \\s and \\d."""
    import string

    chars = set()
    for pattern in (filters._BOILERPLATE, filters._SAYS):
        plain = re.sub(r"\\[A-Za-z]", "", pattern.pattern)  # (escapes: \W \b \s \d)
        assert not any(c.isupper() for c in plain) and set(plain) & set(string.ascii_lowercase)
        chars |= set(plain.replace("\\", ""))  # letters, "©", ":", "/", ... (and the syntax, matched as itself)
    one_of = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]", re.IGNORECASE).fullmatch
    classes = [re.compile(c).fullmatch for c in (r"\w", r"\s", r"\d")]
    folds = 0
    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            continue
        if filters._FOLDS_TO_ASCII.match(c):
            folds += 1
            continue
        if low in chars:
            assert re.fullmatch(re.escape(low), c, re.IGNORECASE), hex(cp)
        else:
            assert not one_of(c), hex(cp)
        assert [f(c) is None for f in classes] == [f(low) is None for f in classes], hex(cp)
    assert folds == 3  # ı ſ K (İ lowers to two characters)


def test_says_and_boilerplate_on_the_lowered_text_agree_with_the_patterns():
    """`_says` and `is_boilerplate` answer as the ignore-case patterns on the text: our sentences with every word of
    speech and boilerplate phrase in several cases, next to letters that fold onto ASCII only when case is ignored,
    one that lowers to two characters (İ), and the sample articles' sentences."""
    words = re.findall(r"[a-z]+(?: to)?", filters._SAYS.pattern.replace("according to", "according_to"))
    pieces = _PIECES + [w.replace("_", " ") for w in words] + [w.upper() for w in words] + \
        ["SAİD", "ſays", "aſked", "Kelvin", "toldK", "told-", "_told", "told_", "2said", "said2", "“said”"]
    rnd = random.Random(7)
    texts = [" ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10))) for _ in range(4000)]
    texts += [rnd.choice(pieces) + rnd.choice(["", " ", "-", "_"]) + rnd.choice(pieces) for _ in range(4000)]
    for p in sorted(asset("articles").iterdir()):
        if p.suffix in (".txt", ".md"):
            texts += [s.text for s in split_sentences(p.read_text(encoding="utf-8"))]
    said = lowered = 0
    for t in texts:
        want = filters._SAYS.search(t) is not None
        assert filters._says(t) == want, t
        assert filters.is_boilerplate(t) == (filters._BOILERPLATE.search(t) is not None), t
        said += want
        lowered += filters._lowered(t) is not None
    assert 0.2 * len(texts) < said < 0.9 * len(texts) and lowered > 0.8 * len(texts)
    assert filters._says("He SAİD so") and filters._says("ſays who") and not filters._says("unsaid")


def test_boilerplate_words_trie_finds_what_the_plain_alternation_finds():
    """The quick look for boilerplate words is one pattern with shared beginnings: it finds a word in a text
    exactly when the plain alternation of the words does (our sentences, and each word alone, cut short, and
    inside other words)."""
    import re

    plain = re.compile("|".join(re.escape(w) for w in filters._BOILERPLATE_WORD_LIST))
    texts = [t.lower() for k in range(30) for t in _sentences(k)]
    for w in filters._BOILERPLATE_WORD_LIST:
        texts += [w, w[:-1], "x" + w + "y", w[1:], "the " + w[: len(w) // 2] + " end"]
    folder = asset("articles")
    for p in sorted(folder.iterdir()):
        if p.suffix in (".txt", ".md"):
            texts += [s.text.lower() for s in split_sentences(p.read_text(encoding="utf-8"))]
    found = 0
    for t in texts:
        assert (filters._BOILERPLATE_WORDS.search(t) is None) == (plain.search(t) is None), t
        found += plain.search(t) is not None
    assert found >= len(filters._BOILERPLATE_WORD_LIST)


def test_centrality_counts_terms_in_one_pass_as_sentence_by_sentence():
    """centrality counts the terms' sentences in one Counter over all sets and sums each sentence's counts in
    integers: the same floats as updating the counts sentence by sentence and summing df - 1 term by term."""
    import math
    from collections import Counter

    from tui.engine.summarize.news import centrality
    from tui.engine.tokens import content_terms

    def plain(term_sets):
        df = Counter()
        for terms in term_sets:
            df.update(terms)
        logs = [math.log(len(t) + 1) for t in term_sets]
        mean_log = sum(logs) / max(1, len(logs))
        raw = [sum(df[w] - 1 for w in t) / (logs[i] + mean_log) if t else 0.0 for i, t in enumerate(term_sets)]
        top = max(raw, default=0.0)
        return [x / top for x in raw] if top > 0 else raw

    folder = asset("articles")
    for p in sorted(folder.iterdir()):
        if p.suffix in (".txt", ".md"):
            sets = [set(content_terms(s.text)) for s in split_sentences(p.read_text(encoding="utf-8"))]
            assert centrality(sets) == plain(sets)
    assert centrality([]) == plain([]) and centrality([set(), {"a"}]) == plain([set(), {"a"}])


def test_content_terms_of_the_lowered_text_equal_word_by_word():
    """content_terms finds the words of the lowered text in one pass: the same terms as lowering word by word,
    on our pieces (İ, ſ, K, curly quotes, CJK), final sigma in and out of a word, and every article sentence."""
    import re

    from tui.engine.tokens import content_terms, content_terms_plain

    letter_or_digit = re.compile(r"[^\W_]")
    for cp in range(0x110000):  # lowering keeps every one-character result in or out of the word characters
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            assert (letter_or_digit.match(c) is None) == (letter_or_digit.match(low) is None), hex(cp)
    texts = [t for k in range(30) for t in _sentences(k)]
    texts += ["ΟΔΟΣ ΑΣ:ΒΙΑ Ο ΚΟΣΜΟΣ.", "Straße STRASSE ǅemal ǄEMAL", "Σ’Α Ας ΑΣ-ΒΑΣ"]
    for p in sorted(asset("articles").iterdir()):
        if p.suffix in (".txt", ".md"):
            texts += [s.text for s in split_sentences(p.read_text(encoding="utf-8"))]
    for t in texts:
        assert content_terms(t) == content_terms_plain(t), t
    assert content_terms("“We will mend the Bridges,” said Vera.") == ["mend", "bridg", "vera"]


def test_personal_patterns_on_the_lowered_text_find_the_ignore_case_words():
    """personal_voice's case-sensitive patterns on the lowered text find the words (same places) its ignore-case
    patterns find on the text, whenever it takes that path; every code point that matches one of the letters only
    when case is ignored sends the text down the other path."""
    import importlib
    import re

    news = importlib.import_module("tui.engine.summarize.news")  # (the package's `news` is the function)
    letters = "imeywusor"
    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        for letter in letters:
            if re.fullmatch(letter, c, re.IGNORECASE) and low != letter:
                assert len(low) != 1 or news._FOLDS_TO_PERSONAL.match(c), hex(cp)
    rnd = random.Random(5)
    bits = ["i", "I", "me", "ME", "mE", "my", "we", "WE", "wE", "us", "US", "our", "oUr", "you", "YOU", "your", "yours",
            "'", "’", ".", "-", "_", " ", " ", "x", "2", "é", "ı", "İ", "ſ", "K", "mine", "wee", "iı"]
    texts = ["".join(rnd.choice(bits) for _ in range(rnd.randint(1, 12))) for _ in range(5000)]
    texts += [t for k in range(30) for t in _sentences(k)]
    taken = 0
    for t in texts:
        assert news.personal_voice(t) == news._personal_voice_counted(t), t
        low = t.lower()
        if len(low) == len(t) and news._FOLDS_TO_PERSONAL.search(t) is None:
            taken += 1
            assert (news._PERSONAL_WORD_LOW.search(low) is None) == (news._PERSONAL_WORD.search(t) is None), t
            assert [m.span() for m in news._PERSONAL_COUNTED_LOW.finditer(low)] == \
                [m.span() for m in news._PERSONAL_COUNTED.finditer(t)], t
    assert taken > 3000


def _article_sentences() -> list[str]:
    out = []
    for p in sorted(asset("articles").iterdir()):
        if p.suffix in (".txt", ".md"):
            out += [s.text for s in split_sentences(p.read_text(encoding="utf-8"))]
    return out


# Runs of our own words with every kind of character next to them: joiners (' ’ . -), punctuation that `words`
# strips and characters it does not (_ / % ©), digits, fractions, accents, a combining mark, CJK, spaces of
# other kinds (no-break, ideographic, a line separator), curly quotes and dashes.
_ODD_BITS = ["We", "mend", "U.S", "don't", "Vera’s", "3.5", "1,200", "well-known", "a/b", "5%", "_x_", "©", "½", "²",
             "٣", "é", "e\u0301", "東京", "—", "–", "…", "“", "”", "‘", "’", "'", '"', ".", ",", "-", "(", ")", "«",
             "»", " ", " ", "\u00a0", "\u3000", "\u2028", "\n", "\t", "x", "7"]


def test_words_are_the_pattern_words():
    """`words` (runs of non-space characters, stripped of punctuation, the pattern only for what is left that is
    not all letters and digits) gives `WORD_RE.findall`'s words: on our article sentences, on 5,000 strings of odd
    pieces, and next to every BMP character."""
    from tui.engine.tokens import WORD_RE, words

    texts = _article_sentences()
    rnd = random.Random(11)
    texts += ["".join(rnd.choice(_ODD_BITS) for _ in range(rnd.randint(0, 16))) for _ in range(5000)]
    for t in texts:
        assert words(t) == WORD_RE.findall(t), repr(t)
    for cp in range(0x10000):
        c = chr(cp)
        for t in (c, "ab" + c + "cd", c + "x.", "“" + c):
            assert words(t) == WORD_RE.findall(t), hex(cp)


def test_word_count_given_the_words_and_the_memo_of_sentence_words():
    """word_count with the words passed (digits counted by `str.isdecimal` unless a digit, a joiner and a digit
    follow each other) counts what word-by-word counting does; `sentence_words` reads each distinct text once and
    gives the same dict when asked again for the same sentences."""
    from tui.engine.tokens import WORD_RE, is_word, words

    rnd = random.Random(3)
    pieces = ["1", "23", "a", "Bc", ".", "-", "'", "’", "_", " ", ",", "½", "²", "٣", "x", "é", "--", ".-", "%"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    texts += _article_sentences()
    joined = 0
    for t in texts:
        want = sum(1 for w in WORD_RE.findall(t) if is_word(w))
        assert filters.word_count(t, words(t)) == want == filters.word_count(t), repr(t)
        joined += filters._JOINED_DIGITS.search(t) is not None
    assert 100 < joined < len(texts) - 100  # both ways of counting were taken
    sents = split_sentences("One two three four. One two three four.\n\nFive six seven eight.")
    got = filters.sentence_words(sents)
    assert got == {"One two three four.": ["One", "two", "three", "four"],
                   "Five six seven eight.": ["Five", "six", "seven", "eight"]}
    assert filters.sentence_words(list(sents)) is got
    assert filters.sentence_words(sents[:2]) is not got


def test_boilerplate_candidates_are_the_texts_holding_a_boilerplate_word():
    """One `str.find` pass per boilerplate word over all texts marks exactly the texts in which the quick-look
    pattern finds a word; texts with a letter that folds onto ASCII or lowers to two characters get None."""
    texts = [t for k in range(30) for t in _sentences(k) if not filters._FOLDS_TO_ASCII.search(t)]
    texts += _article_sentences() + ["", "newsletter", "news\nletter", "click", "x" * 40]
    for w in filters._BOILERPLATE_WORD_LIST:
        texts += [w, w[:-1], "X" + w.upper() + "y", w[1:]]
    want = {k for k, t in enumerate(texts) if filters._BOILERPLATE_WORDS.search(t.lower())}
    assert filters.boilerplate_candidates(texts) == want
    assert 0 < len(want) < len(texts) - 100
    for k in range(0, len(texts), 97):  # a word cut by the line break between two texts is in neither
        pair = [texts[k][: len(texts[k]) // 2], texts[k][len(texts[k]) // 2 :]]
        assert filters.boilerplate_candidates(pair) == {i for i, t in enumerate(pair)
                                                        if filters._BOILERPLATE_WORDS.search(t.lower())}
    assert filters.boilerplate_candidates(["Subscribe now", "ſubscribe"]) is None
    assert filters.boilerplate_candidates(["İstanbul newsletter"]) is None
    assert filters.boilerplate_candidates([]) == set()


def test_terms_and_voice_from_the_shared_words():
    """The news method's terms and first-person voice worked out from the sentence's words (lowered once) equal
    `content_terms` and `personal_voice` of the text, on our sentences and on strings of personal words with
    apostrophes, odd cases and letters that fold (ı İ ſ K)."""
    import importlib

    from tui.engine.tokens import content_term_set, content_terms, words

    news = importlib.import_module("tui.engine.summarize.news")
    rnd = random.Random(9)
    bits = ["i", "I", "me", "ME", "My", "we", "WE", "We", "us", "US", "our", "you", "YOU", "Your", "yours", "'", "’",
            ".", "-", "_", " ", " ", "x", "2", "é", "ı", "İ", "ſ", "K", "mine", "wee", "I'm", "we’re", "Σ", "ΟΣ"]
    texts = ["".join(rnd.choice(bits) for _ in range(rnd.randint(1, 12))) for _ in range(5000)]
    texts += _article_sentences() + [t for k in range(30) for t in _sentences(k)]
    fast = 0
    for t in texts:
        w = words(t)
        low = list(map(str.lower, w))
        assert content_term_set(low) == set(content_terms(t)), t
        assert news.personal_voice_of_words(t, w, low) == news.personal_voice(t), t
        fast += "'" not in t and "’" not in t and news.personal_voice(t) > 0
    assert fast > 500


# Our own sentences with digits in every place a digit can stand: numbers alone and joined ("3.5", "1-2", "6'3"),
# glued to words ("Lind3", "3rd", "A-1"), inch marks, years after a copyright sign, next to quote marks and
# apostrophes, after a colon; and digits the key leaves alone (0, Arabic-Indic, superscript, a fraction).
_DIGIT_BITS = ["7", "12", "3.5", "1-2", "6'3\"", "Lind3", "3rd", "A-1", "(c) 2024", "Copyright 1999", "© 2023", "“",
               "”", '"', "'", "’", "‘", ":", ",", ".", "?", "!", "-", "(", "[", " ", " ", "\n", "said", "says", "We",
               "we", "I", "you", "our", "bridge", "frost", "Vera", "he", "told", "according to", "0", "٣", "²", "½",
               "x9", "9x", "’9", "9’", "9.", ".9", "newsletter", "photo:", "subscribe now", "US", "Us", "i"]


def _digit_texts() -> list[str]:
    rnd = random.Random(22)
    texts = ["".join(rnd.choice(_DIGIT_BITS) for _ in range(rnd.randint(1, 16))) for _ in range(6000)]
    texts += [" ".join(rnd.choice(_DIGIT_BITS) for _ in range(rnd.randint(1, 16))) for _ in range(3000)]
    texts += _article_sentences() + [t for k in range(30) for t in _sentences(k)]
    for n in range(0, 400, 7):  # a page of numbered quotations, sentence by sentence
        texts += [f"“We will mend bridge {n} before the frost,” said Vera Lind{n % 7}.",
                  f"He said “it is fine and {n} more.”", f"“It is {n}.", f"{n}” she said.", f"No. {n}: “we {n}”"]
    return texts


def test_what_is_kept_per_digit_key_reads_no_digit_s_value():
    """`digit_key` writes each ASCII digit 1-9 as 0; every fact the filters and the news method keep per digit key
    (the quote state, bare or not, opening a quote; the word count, boilerplate; the voice and the number of words)
    is the same on a text and on its key, so on any two texts with one key. The terms are not ("Lind3")."""
    import importlib

    from tui.engine.tokens import WORD_RE, content_term_set, words

    news = importlib.import_module("tui.engine.summarize.news")
    texts = _digit_texts()
    changed = terms_differ = 0
    for t in texts:
        k = digit_key(t)
        assert len(k) == len(t) and not re.search("[1-9]", k)
        assert all(a == b or (a in "123456789" and b == "0") for a, b in zip(t, k)), t
        if k == t:
            assert digit_key(t) is t
            continue
        changed += 1
        for inside in (False, True):
            out_t, after_t = filters._outside_quotes(t, inside)
            out_k, after_k = filters._outside_quotes(k, inside)
            assert after_t == after_k and out_k == digit_key(out_t), t
            assert filters._names_speaker(out_t, t) == filters._names_speaker(out_k, k), t
            assert filters.word_count(out_t) == filters.word_count(out_k), t
        assert filters._opens_quote(t) == filters._opens_quote(k) and filters._has_quote(t) == filters._has_quote(k)
        wt, wk = words(t), words(k)
        assert [digit_key(w) for w in wt] == wk == WORD_RE.findall(k), t
        assert [t[a:b] for a, b in (m.span() for m in WORD_RE.finditer(k))] == wt, t  # (sentence_words cuts them so)
        assert filters.word_count(t, wt) == filters.word_count(k, wk) == filters.word_count(t), t
        assert filters.is_boilerplate(t) == filters.is_boilerplate(k), t
        lt, lk = list(map(str.lower, wt)), list(map(str.lower, wk))
        assert news.personal_voice_of_words(t, wt, lt) == news.personal_voice_of_words(k, wk, lk), t
        assert len(t.split()) == len(k.split())
        terms_differ += content_term_set(lt) != content_term_set(lk)
    assert changed > 8000 and terms_differ > 1000
    keys = [digit_key(t) for t in texts]
    assert filters.boilerplate_candidates(texts) == filters.boilerplate_candidates(keys)
    assert sum(filters.is_boilerplate(t) for t in texts) > 1000
    assert sum(filters._names_speaker(filters._outside_quotes(t, False)[0], t) for t in texts) > 1000


@pytest.mark.parametrize("keyed_min", [0, 10**9])
def test_sentences_apart_only_in_digits_are_filtered_and_scored_like_any_other(monkeypatch, keyed_min):
    """A page of numbered quotations (one digit key for many sentences): the filters and the news method's scores
    are those worked out sentence by sentence, each text alone (the quote state carried as _quote_states does),
    whether the summary reads by digit key (as shipped for 100 sentences or more) or by text."""
    monkeypatch.setattr(filters, "KEYED_MIN", keyed_min)
    import importlib
    import math

    from tui.engine.summarize.base import Request
    from tui.engine.tokens import content_terms

    news = importlib.import_module("tui.engine.summarize.news")
    rnd = random.Random(5)
    lines = []
    for n in range(300):
        lines.append(rnd.choice([f"“We will mend bridge {n} before the frost,” said Vera Lind{n % 7}. "
                                 f"He said “it is fine and {n} more.”",
                                 f"“We mend {n} bridges. We will.", f"“It is {n}.” {n} of our {n * 3} ferries.",
                                 f"Bridge {n} opened in {1900 + n}. Copyright {1900 + n} the council of Arnby.", f"{n}", f"“{n}",
                                 f"It went on for {n} days, we said.”"]))
    text = "\n\n".join(lines)
    sents = split_sentences(text)
    keys = {digit_key(s.text) for s in sents}
    assert len(keys) < 40 < len({s.text for s in sents})
    # the words and keys of each distinct text, the words cut at the places of its key's words
    assert len(sents) >= 100  # (keyed as shipped)
    assert filters.sentence_keys(sents) == {s.text: digit_key(s.text) if keyed_min == 0 else s.text for s in sents}
    assert filters.sentence_words(sents) == {s.text: filters.words_of(s.text) for s in sents}
    assert filters.sentence_words(list(sents)) is filters.sentence_words(sents)
    flags, starts = [], []  # the quote state sentence by sentence, nothing kept
    inside, para, open_for = False, None, 0
    for s in sents:
        if s.paragraph != para or open_for > 4:
            inside, para, open_for = False, s.paragraph, 0
        began = inside
        starts.append(inside)
        outside, inside = filters._outside_quotes(s.text, inside)
        open_for = 0 if not inside else 1 if filters._opens_quote(s.text) else open_for + 1
        flags.append((began or filters._has_quote(s.text)) and not filters._names_speaker(outside, s.text)
                     and filters.word_count(outside) < 6)
    assert filters._quote_states(sents) == (flags, starts)
    assert any(flags) and not all(flags) and any(starts)
    firsts = {}
    for i, s in enumerate(sents):
        firsts.setdefault(" ".join(filters.words_of(s.text)).lower(), i)
    want = [filters.word_count(s.text) >= filters.MIN_WORDS and not filters.is_boilerplate(s.text) and not b
            and firsts[" ".join(filters.words_of(s.text)).lower()] == i for i, (s, b) in enumerate(zip(sents, flags))]
    assert filters.eligible(sents) == want and any(want) and not all(want)
    assert any(filters.word_count(s.text) >= filters.MIN_WORDS and filters.is_boilerplate(s.text) for s in sents)
    scores, terms = news.score_sentences(Request(text=text, sents=sents, count=3))
    assert terms == [set(content_terms(s.text)) for s in sents]
    cent = news.centrality(terms)
    p = news.DEFAULT
    for i, s in enumerate(sents):
        words = len(s.text.split())
        score = p.position_decay / (p.position_decay + i) + p.centrality * cent[i]
        if words < p.short_words:
            score -= p.short_penalty * (p.short_words - words) / p.short_words
        elif words > p.long_words:
            score -= p.long_penalty * min(1.0, (words - p.long_words) / p.long_words)
        score -= p.voice_penalty * news.personal_voice(s.text)
        if news._DANGLING.match(s.text):
            score -= p.dangling
        assert math.isclose(scores[i], score, rel_tol=0, abs_tol=1e-12), s.text


def test_quote_states_of_sentences_without_marks_are_those_worked_out(monkeypatch):
    """_quote_states gives a sentence without a quotation mark or apostrophe that begins outside a quotation its
    answer at once; the answers are those worked out for every sentence (the quick look off), on our articles and
    on made-up paragraphs of quoted, attributed and plain sentences; and inside_quote, asked after quote_flags of the
    same sentences (one pass kept for both), answers as asked alone."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(asset("articles").iterdir()) if p.suffix in (".txt", ".md")]
    rnd = random.Random(3)
    parts = ["“We will stay,” she said.", "The council met on Tuesday.", "It was late.", "“It is fine.",
             "We are here.”", 'He said "no.', 'Then "yes," he added.', "The ferry’s engine failed.",
             "'Tis the season.", "It was broken,' said Paul.", "« Nous restons », dit-elle.", "Prices rose 6\" overnight.",
             "Residents of the island complained for months without any warning at all."]
    texts += ["\n\n".join(" ".join(rnd.choice(parts) for _ in range(rnd.randint(1, 8))) for _ in range(4))
              for _ in range(300)]
    cases = [split_sentences(t) for t in texts]
    quick = [filters._quote_states(s) for s in cases]
    plain = sum(filters._QUOTE_CHARS.search(x.text) is None for s in cases for x in s)
    monkeypatch.setattr(filters, "_QUOTE_CHARS", re.compile(""))  # every sentence worked out
    assert [filters._quote_states(s) for s in cases] == quick
    assert plain > 1000 and sum(f for flags, _ in quick for f in flags) > 100
    monkeypatch.undo()
    for s in cases[:50]:
        filters.quote_flags(s)
        starts = filters._quote_states(s)[1]
        assert filters.inside_quote(s) == list(zip(starts, starts[1:] + [False]))
