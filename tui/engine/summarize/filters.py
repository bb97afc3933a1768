"""Which sentences a summary may use.

Every method ranks all body sentences, but only *eligible* ones can be picked: never
site boilerplate ("X publishes letters ... does not necessarily reflect"), never a
fragment of one to three words, never a quotation that stands without its speaker or
context (a summary line that is only someone's words reads as if the paper said them).
``quote_anchors`` lets a summariser keep such a quotation after all, but only together
with the sentence of the same paragraph that names its speaker.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right

from tui.engine.tokens import _HAS_LETTER, WORD_RE, digit_key, is_word, words as words_of
from tui.engine.types import Sentence

MIN_WORDS = 4

_BOILERPLATE = re.compile(
    r"publishes letters|does not necessarily reflect|do not necessarily (?:reflect|represent)|"
    r"opinions expressed (?:in|here)|views expressed (?:in|here)|are (?:solely )?(?:those|the views) of the author|"
    # "copyright" alone is news in a story about copyright law: only a credit line counts.
    r"all rights reserved|^\W*copyright\b|copyright\s*(?:©|\(c\)|\d{4})|©|\(c\) \d{4}|"
    r"click here|sign up (?:for|to)|subscribe (?:to|now|for)|newsletter|follow (?:us|him|her|them) on|"
    r"read more:|related:|^\W*(?:read |see |get )?more from\b|see also:|share this|join the conversation|leave a comment|"
    r"email us|e-mail us|contact us|terms of (?:use|service)|privacy policy|cookie (?:policy|settings)|uses? cookies|"
    r"contributed (?:to )?this report|additional reporting|reporting by|editing by|^\W*written by|"
    r"this (?:article|story|post) (?:was|has been) (?:updated|amended|corrected|published)|"
    r"(?:getty|ap|afp|reuters|pa) (?:images|photo)|photo:|image:|picture:|caption:|"
    r"https?://|www\.|\.com/|all times (?:are )?(?:gmt|et|local)|"
    r"(?:is|was) (?:a|an) (?:contributor|columnist|correspondent|writer|editor|reporter) (?:for|at|to|with)\b|"
    r"for (?:confidential )?support,? call|samaritans|scroll down for|click (?:on )?(?:the|this) (?:link|image)",
    re.IGNORECASE,
)
# Words every match of _BOILERPLATE contains (one per alternative, lower case), for a quick first look: a
# sentence with none of them in its lower-cased text is no boilerplate. Lower-casing finds what the
# case-insensitive pattern finds except for the four letters that fold onto ASCII ones (İ ı ſ K), so a
# sentence holding one of those always gets the full pattern (tests/engine/test_summarize_speed.py).
_BOILERPLATE_WORD_LIST = (
    "publish", "necessarily", "expressed", "of the author", "rights reserved", "copyright", "©", "(c) ", "click",
    "sign up", "subscribe", "newsletter", "follow", "read more", "related:", "more from", "see also", "share this",
    "conversation", "leave a comment", "mail us", "contact us", "terms of", "privacy policy", "cookie",
    "this report", "reporting", "editing by", "written by", "updated", "amended", "corrected", "images", "photo",
    "image:", "picture:", "caption:", "http", "www.", ".com/", "all times", "contributor", "columnist",
    "correspondent", "writer", "editor", "reporter", "support", "samaritans", "scroll down")


def _trie_pattern(words) -> str:
    """A pattern found in a text exactly when one of `words` is (their common beginnings shared: "c(?:lick|o...)"),
    tried in about half the time of the plain alternation, which tries every word at every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:
            return ""  # a word ends here: a longer one also holds it
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


_BOILERPLATE_WORDS = re.compile(_trie_pattern(_BOILERPLATE_WORD_LIST))
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")

_SAYS = re.compile(
    r"\b(?:said|says|say|told|tells|tell|asked|asks|added|adds|wrote|writes|explained|explains|"
    r"insisted|insists|admitted|admits|noted|notes|claimed|claims|tweeted|argued|argues|warned|warns|"
    r"declared|replied|recalled|stated|states|announced|announces|according to|quoted|quoting|"
    r"continued|joked|laughed|urged|urges|suggested|suggests|believes|believe|thinks|commented)\b",
    re.IGNORECASE,
)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


# A whole WORD_RE word without a letter (digits, maybe joined by ' ’ . -): it starts a word (no letter or digit
# before it, nor one joined to it by a joiner) and ends one (none after it, nor a joiner and one).
_NUMBER_WORD = re.compile(r"\d(?<![^\W_].)(?<![^\W_]['’.\-].)\d*(?:['’.\-]\d+)*(?![^\W_])(?!['’.\-][^\W_])")
_JOINED_DIGITS = re.compile(r"\d['’.\-]\d")  # in every word without a letter that has a joiner ("3.5", "1-2")


def word_count(text: str, words: list[str] | None = None) -> int:
    """Number of words with a letter in them. Scripts written without spaces (Chinese,
    Japanese) count about two characters a word, so their sentences are not "fragments".
    `words` may pass the text's words (`WORD_RE.findall(text)`) when the caller has them."""
    if words is None:
        words = words_of(text)
    if _CJK.search(text) is None:
        # the words `is_word` keeps: all words but those without a letter (tests: = word by word). A word of
        # letters and digits has none exactly when all of it is decimal digits (`str.isdecimal` is `\d`); one
        # with a joiner has none only where a digit, a joiner and a digit follow each other
        if _JOINED_DIGITS.search(text) is None:
            return len(words) - sum(map(str.isdecimal, words))
        return len(words) - len(_NUMBER_WORD.findall(text))
    n = 0
    for w in words:
        if not is_word(w):
            continue
        cjk = len(_CJK.findall(w))
        n += max(1, cjk // 2) if cjk else 1
    return n


_last_words: tuple = ((), {})  # (the sentences, their words) of the last call: a summary asks twice


def sentence_words(sentences: list[Sentence]) -> dict[str, list[str]]:
    """The words (`WORD_RE.findall`) of each distinct sentence text, in order: read once per summary and shared by
    the filters' word counts and the news method's terms and voice (the last call's answer is kept)."""
    global _last_words
    seen, words = _last_words
    if len(seen) == len(sentences) and all(map(operator.is_, seen, sentences)):
        return words
    keys = sentence_keys(sentences)
    # a text whose digit key came before: its words are at the places of the key's words (WORD_RE reads a digit only
    # as a letter-or-digit), cut from the text itself
    spans: dict[str, list | None] = {}  # digit key -> the places of its words (None: met once so far)
    words = {}
    for s in sentences:
        t = s.text
        if t in words:
            continue
        k = keys[t]
        got = spans.get(k)
        if got is None:
            if k not in spans:  # the key's first text: its words found as any text's
                spans[k] = None
                words[t] = words_of(t)
                continue
            got = spans[k] = [m.span() for m in WORD_RE.finditer(k)]
        words[t] = [t[a:b] for a, b in got]
    _last_words = (tuple(sentences), words)
    return words


# Digit keys (tokens.digit_key). A page of numbered quotations ("... bridge 517 ...", "... Lind3.") has as many
# distinct sentences as lines, yet most of what the filters and the news method read of a sentence does not depend
# on which digits it holds: what is remembered per key reads a digit only as a digit (`\d`, `\w`, `\b`, `[^\W_]`,
# str.isalnum / isdecimal / split / lower), never its value: the quote state, the word count, the boilerplate test,
# the personal voice, the number of words (tests/engine/test_summarize_speed.py holds each of them equal on a text
# and its key). The words themselves and the terms do depend on the digits ("Lind3" is its own term) and stay per
# text.
_last_keys: tuple = ((), {})  # (the sentences, their digit keys) of the last call: a summary asks three times


KEYED_MIN = 100  # sentences from which the summary keeps what it reads per digit key (fewer: per text, as ever)


def sentence_keys(sentences: list[Sentence]) -> dict[str, str]:
    """The `digit_key` of each distinct sentence text, or the text itself for fewer than KEYED_MIN sentences (where the
    keys would cost more than they save); the last call's answer is kept."""
    global _last_keys
    seen, keys = _last_keys
    if len(seen) == len(sentences) and all(map(operator.is_, seen, sentences)):
        return keys
    texts = list(dict.fromkeys([s.text for s in sentences]))
    if len(sentences) < KEYED_MIN:
        keys = dict(zip(texts, texts))
        _last_keys = (tuple(sentences), keys)
        return keys
    # one pass over them all (a key has its text's length): ~40 % fewer instructions than a call per text
    joined = digit_key("".join(texts))
    keys, pos = {}, 0
    for t in texts:
        keys[t] = joined[pos:pos + len(t)]
        pos += len(t)
    _last_keys = (tuple(sentences), keys)
    return keys


# _BOILERPLATE and _SAYS without IGNORECASE, for a lowered text (their letters are all lower case). On a text whose
# lowering keeps one character for one and that holds none of the letters matching an ASCII one only when case is
# ignored (_FOLDS_TO_ASCII), they find a match in the lowered text exactly when the ignore-case patterns find one in
# the text (a letter matches one of theirs ignoring case exactly when it lowers to it; lowering keeps \w, \s, \d:
# tests/engine/test_summarize_speed.py checks every code point), in a third to a quarter of the time: the regex
# engine skips the alternatives whose first letter is not the text's instead of trying each of them.
_BOILERPLATE_LOW = re.compile(_BOILERPLATE.pattern)
_SAYS_LOW = re.compile(_SAYS.pattern)


def _lowered(text: str) -> str | None:
    """`text` lowered, when the patterns above may be used on it; else None."""
    low = text.lower()
    return low if len(low) == len(text) and _FOLDS_TO_ASCII.search(text) is None else None


def is_boilerplate(text: str) -> bool:
    """True for site furniture: disclaimers, subscription prompts, credits, links."""
    low = _lowered(text)
    if low is None:
        return _BOILERPLATE.search(text) is not None
    return _BOILERPLATE_WORDS.search(low) is not None and _BOILERPLATE_LOW.search(low) is not None


def _says(text: str) -> bool:
    """True when `text` holds a word of speech ("said", "told", "according to"): `_SAYS.search(text)`."""
    low = _lowered(text)
    if low is None:
        return _SAYS.search(text) is not None
    return _SAYS_LOW.search(low) is not None


def boilerplate_candidates(texts: list[str]) -> set[int] | None:
    """The indices of the texts holding one of the boilerplate words (lower-cased), found in one pass of `str.find`
    per word over all of them: `is_boilerplate` is False for every other text. None when the texts hold a letter
    that lowers to more than one character or folds onto ASCII (then ask `is_boilerplate` of each text)."""
    joined = "\n".join(texts)
    low = joined.lower()
    # one character for one: each text's part of `low` is the text lowered (lowering looks at no context but
    # for final sigma, which a line break bounds as the text's edge does)
    if len(low) != len(joined) or _FOLDS_TO_ASCII.search(joined) is not None:
        return None
    found: set[int] = set()
    starts: list[int] = []
    for word in _BOILERPLATE_WORD_LIST:
        at = low.find(word)
        if at < 0:
            continue
        if not starts:
            pos = 0
            for t in texts:
                starts.append(pos)
                pos += len(t) + 1
        while at >= 0:
            found.add(bisect_right(starts, at) - 1)  # (no word holds the line break: it is all in that text)
            at = low.find(word, at + 1)
    return found


# Single quotes double as apostrophes ("champions' league", "' aza ' for ' blue '"), so
# one opens a quotation only at the start of a sentence and closes one only right after
# sentence punctuation ("... broken, ' said Paul").
_SINGLE_OPEN = re.compile(r"^['‘](?!s\b)")  # "'s" at the start is a possessive cut off by the splitter
_SINGLE_CLOSE = re.compile(r"(?<=[.,!?])\s?['’](?=\s|$)")
# in every text _SINGLE_CLOSE finds something in; starting with a class, it is looked for at those characters only
# (the regex engine tries a pattern that starts with a look-behind at every position)
_NEAR_SINGLE_CLOSE = re.compile(r"[.,!?]\s?['’]")


# A straight double quote opens when it follows a space and touches a word, and closes
# when it follows a word or punctuation; reading direction this way keeps one stray
# quote (an inch mark, a typo) from flipping every quote after it. (Written quote first, with a look-behind that reads
# the character before it and the quote again: the regex engine then looks for quotes instead of trying the pattern
# at every position. An opening quote is at the start or after one of \s ( [ — – -, a closing one after none of \s ( [.)
_STRAIGHT_OPEN = re.compile(r'"(?<![^\s(\[—–-]")(?=[^\s"])')
_STRAIGHT_CLOSE = re.compile(r'"(?<=[^\s(\[]")(?=[\s.,;:!?)\]—–-]|$)')


_CURLED = re.compile("['\"‘’`]")  # every change _curl makes needs one of these


def _curl(text: str) -> str:
    if _CURLED.search(text) is None:
        return text
    text = text.replace("''", '"').replace("``", '"')
    if '"' in text:  # (what the two patterns change)
        text = _STRAIGHT_CLOSE.sub("”", _STRAIGHT_OPEN.sub("“", text))
    if _NEAR_SINGLE_CLOSE.search(text) is not None:
        text = _SINGLE_CLOSE.sub("”", text)
    return _SINGLE_OPEN.sub("“", text)


_MARKS = re.compile(r'["“«”»]')


def _outside_quotes(text: str, inside: bool) -> tuple[str, bool]:
    """The text outside quotation marks, and whether a quote is still open at the end."""
    text = _curl(text)
    out, pos = [], 0
    for m in _MARKS.finditer(text):
        if not inside:
            out.append(text[pos : m.start()])
        mark = m.group()
        inside = (not inside) if mark == '"' else mark in "“«"
        pos = m.end()
    if not inside:
        out.append(text[pos:])
    return "".join(out), inside


# (the sentences, their _quote_states) of the last call: a summary asks twice for the flags, and a story summary
# then for where each sentence begins (`inside_quote`), which the same pass worked out
_last_states: tuple = ((), ([], []))


def _kept_states(sentences: list[Sentence]) -> tuple[list[bool], list[bool]]:
    """_quote_states(sentences), kept from the last call when asked again about the same sentences."""
    global _last_states
    seen, states = _last_states
    if len(seen) == len(sentences) and all(map(operator.is_, seen, sentences)):
        return states
    states = _quote_states(sentences)
    _last_states = (tuple(sentences), states)
    return states


def quote_flags(sentences: list[Sentence]) -> list[bool]:
    """For each sentence, True when it is a bare quotation: (nearly) all of it is quoted
    speech and nothing in it says who is speaking. Quote state is carried across the
    sentences of one paragraph, so the middle of a long quotation counts as quoted."""
    return list(_kept_states(sentences)[0])


def _quote_flags(sentences: list[Sentence]) -> list[bool]:
    return _quote_states(sentences)[0]


def inside_quote(sentences: list[Sentence]) -> list[tuple[bool, bool]]:
    """For each sentence, whether it begins inside a quotation opened in a sentence before it and whether it
    ends inside one that goes on in the next (same paragraph): 'She told them: "We have a plan.' ends inside,
    'We will finish it," she said.' begins inside. Shown alone, such a sentence has a closing mark with no
    opening one, or an opening mark never closed."""
    starts = _kept_states(sentences)[1]  # a sentence ends inside when the next one (same paragraph) begins inside
    return list(zip(starts, starts[1:] + [False]))


def whole_quote(text: str, begins_inside: bool = False, ends_inside: bool = False,
                straight: bool | None = None) -> str:
    """A sentence shown alone (a summary line, copied or printed), its quotation marks balanced: the opening mark
    put back when it begins inside a quotation opened before it ('We will finish it," she said.'), the closing
    one when the quotation goes on after it ('She told them: "We have a plan.'). `begins_inside` and
    `ends_inside` come from the sentence's neighbours (`inside_quote`); the sentence's own marks say it too: a
    closing double mark before any opening one, an opening one never closed (a quotation that runs into the next
    paragraph). An inch mark (6'3") is no quotation. Only marks are added: its words are unchanged (so are the
    terms a summary chooses it by), and a balanced sentence comes back as it is. The marks added are the sentence's
    own kind (straight or curly); one with none takes `straight` (its neighbours' kind), else curly ones."""
    stray, still_open = _own_marks(text, begins_inside)
    begins_inside, ends_inside = begins_inside or stray, ends_inside or still_open
    if not (begins_inside or ends_inside):
        return text
    curly = "“" in text or "”" in text or ('"' not in text and not straight)
    if begins_inside:
        body = text.lstrip()
        if body and body[0] not in '"“«\'‘':  # else it re-opens the quotation itself (a quote running on)
            text = text[:len(text) - len(body)] + ("“" if curly else '"') + body
    if ends_inside:
        body = text.rstrip()
        if body and body[-1] not in '"”»\'’':
            text = body + ("”" if curly else '"') + text[len(body):]
    return text


_DOUBLE = re.compile('["“”«»„]')


def _own_marks(text: str, inside: bool = False) -> tuple[bool, bool]:
    """(a closing double mark before any opening one, a quotation still open at the end) in the sentence's own
    marks, read from `inside` (the sentence begins inside a quotation: its first closing mark is no stray). A
    straight mark opens after a space or at the start and closes after a word; one right after a digit closes an
    open quotation or, with none open, is an inch mark (6'3") and quotes nothing. „ is closed by “ too
    (German), and a “ typed after a word closes. Single marks are left out: they are apostrophes as often."""
    if _DOUBLE.search(text) is None:
        return False, inside
    stray, opened = False, inside
    low = False  # the open quotation began with „
    last = len(text) - 1
    for m in _DOUBLE.finditer(text):
        ch, pos = m.group(), m.start()
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos < last else " "
        if ch == '"':
            if before.isdigit():
                if not inside:
                    continue  # an inch mark
                opens = False
            elif before.isspace() or before in "([{—–-/":
                opens = True
            elif after.isspace() or after in ".,;:!?)]}—–-":
                opens = False
            else:
                opens = not inside
        elif ch == "“":
            opens = not (inside and (low or not before.isspace()))
        else:
            opens = ch in "«„"
        if opens:
            if not inside:
                low = ch == "„"
            inside = opened = True
        else:
            stray = stray or not opened
            inside = False
    return stray, inside


def straight_marks(sentences: list[Sentence]) -> bool:
    """True when the sentences quote with straight double marks only (a line without marks of its own, shown as
    quoted, gets their kind)."""
    return any('"' in s.text for s in sentences) and not any("“" in s.text or "”" in s.text for s in sentences)


LOOK_BACK = 20  # sentences before a summary line read for a quotation it begins inside (`shown_texts`)


def shown_texts(sentences: list[Sentence], picked) -> list[str]:
    """The texts of `picked` (summary sentences: `.text` and `.index` among `sentences`, the article's) as a summary
    shows them, each on its own: `whole_quote` with the neighbours' word on quotations. Only the sentence's own
    paragraph is read, at most LOOK_BACK sentences of it before the sentence: `inside_quote` drops a quotation left
    open five sentences with no new opening mark, so what comes before cannot change the answer (a paragraph of
    thousands of sentences costs what a short one does)."""
    out = []
    for p in picked:
        i = p.index
        if not (0 <= i < len(sentences)) or sentences[i].text != p.text:
            out.append(whole_quote(p.text))  # sentences not those of the summary's article: its own marks alone
            continue
        first = i
        while first > max(0, i - LOOK_BACK) and sentences[first - 1].paragraph == sentences[i].paragraph:
            first -= 1
        read = sentences[first:i + 2]
        begins, ends = inside_quote(read)[i - first]
        out.append(whole_quote(p.text, begins, ends, straight_marks(read) if begins or ends else None))
    return out


_QUOTE_CHARS = re.compile("[\"“”«»'‘’`]")  # every character _curl, _MARKS and _has_quote look at
_PLAIN = (False, False, False)  # _quote_states of a sentence without them that begins outside a quotation


def _quote_states(sentences: list[Sentence]) -> tuple[list[bool], list[bool]]:
    """(bare-quotation flags, began-inside-a-quotation flags) of the sentences."""
    flags, starts = [], []
    inside, para, open_for = False, None, 0
    keys = sentence_keys(sentences)
    # (digit key, begins inside) -> (ends inside, opens a quote, bare): a sentence repeated but for its digits is read
    # once (what is kept reads no digit's value: `digit_key`)
    seen: dict[tuple[str, bool], tuple[bool, bool, bool]] = {}
    for s in sentences:
        if s.paragraph != para or open_for > 4:
            # A new paragraph, or a quote that never closes (a stray inch mark): start afresh.
            inside, para, open_for = False, s.paragraph, 0
        starts.append(inside)
        key = (keys[s.text], inside)
        got = seen.get(key)
        if got is None and not inside and _QUOTE_CHARS.search(s.text) is None:
            got = _PLAIN  # (no mark to curl or count, outside a quotation: the lines below give the same)
        if got is None:
            text = s.text
            outside, after = _outside_quotes(text, inside)
            # a sentence that neither begins inside a quotation nor has a mark of its own is not bare
            bare = (inside or _has_quote(text)) and not _names_speaker(outside, text) and word_count(outside) < 6
            got = seen[key] = (after, after and _opens_quote(text), bare)  # (opening: read only while inside)
        inside, opens, bare = got
        # Count the sentences since the quote was last opened: a speaker's quotation that
        # runs on, each part opening with a fresh mark ("We did it. ... "I thought we ..."),
        # is one long quote, not a stray mark.
        open_for = 0 if not inside else 1 if opens else open_for + 1
        flags.append(bare)
    return flags, starts


# A quotation closed by a comma, "?" or "!" and followed by a few words that end the sentence
# ('"...," confirmed a club spokesman.', '"...?" came the reply.') is attributed by that tail,
# whatever its verb: the comma before the closing mark says speech goes on to its speaker.
_TAIL = re.compile(r"[,?!]\s?”\s+(?:[^\s“”]+\s+){1,7}[^\s“”]+\s*$")


_COLON_INTRO = re.compile(r"\w:\s")  # "X: ..." introduces speech


def _names_speaker(outside: str, text: str = "") -> bool:
    """True when the text outside quotation marks attributes the words ("said X", "X: ...")
    or, given the whole sentence ``text``, when it ends in a short attribution tail."""
    if _says(outside) or _COLON_INTRO.search(outside) is not None:
        return True
    return bool(text) and _TAIL.search(_curl(text)) is not None


def quote_anchors(sentences: list[Sentence]) -> dict[int, int]:
    """For bare quotation sentences that belong to an attributed quotation, the index of the
    sentence naming the speaker: the nearest sentence of the same paragraph before it (the
    quote goes on after 'X said: "..."') or, failing that, after it (the quote ends with
    '..." said X'), when every sentence in between is quoted too. A summary may show such
    a sentence only together with its anchor, so the speaker is always on screen."""
    bare = quote_flags(sentences)
    anchors: dict[int, int] = {}
    for i, s in enumerate(sentences):
        if not bare[i] or word_count(s.text) < MIN_WORDS or is_boilerplate(s.text):
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(sentences) and sentences[j].paragraph == s.paragraph and bare[j]:
                j += step
            if 0 <= j < len(sentences) and sentences[j].paragraph == s.paragraph:
                if _names_speaker(_outside_quotes(sentences[j].text, False)[0], sentences[j].text):
                    anchors[i] = j
                    break
    return anchors


def _opens_quote(text: str) -> bool:
    curled = _curl(text)
    return "“" in curled or "«" in curled


def _has_quote(text: str) -> bool:
    return '"' in text or "“" in text or "”" in text or "«" in text or "»" in text \
        or bool(_SINGLE_OPEN.search(text) or _NEAR_SINGLE_CLOSE.search(text) and _SINGLE_CLOSE.search(text))


def eligible(sentences: list[Sentence]) -> list[bool]:
    """Which sentences a summary may pick (see the module docstring)."""
    bare = quote_flags(sentences)
    words = sentence_words(sentences)  # each distinct text once (a sentence repeated word for word is read once)
    texts = list(words)
    keys = sentence_keys(sentences)
    first: dict[str, str] = {}  # each digit key -> its first text: the texts of one key are alike here (digit_key)
    for t in texts:
        first.setdefault(keys[t], t)
    # (the words it looks for hold no digit: a key holds one where each of its texts does, and the keys hold the
    # texts' letters, so the answer is None for the keys exactly when it is for the texts)
    maybe = boilerplate_candidates(list(first))
    ok_key = {key: word_count(t, words[t]) >= MIN_WORDS and not ((maybe is None or k in maybe) and is_boilerplate(t))
              for k, (key, t) in enumerate(first.items())}  # may be picked: long enough, no boilerplate
    # A sentence the article repeats word for word (a pull quote, a pasted paragraph) is a candidate once: its first
    # time. Compared by its words, so case, spacing and punctuation apart it is the same sentence.
    seen: dict[str, int] = {}
    out = []
    for i, (s, b) in enumerate(zip(sentences, bare)):
        # (the key: its words lowered, one space between; no word holds a space, nor does lowering make one)
        out.append(ok_key[keys[s.text]] and not b and seen.setdefault(" ".join(words[s.text]).lower(), i) == i)
    return out
