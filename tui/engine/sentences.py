"""Sentence splitting for news text: NLTK Punkt with our own parameters, no downloaded data.

Two entry points:

* ``split_sentences(text)`` -> the *body* sentences only. This is what every other pass
  (summary, entities, quotes) works on.
* ``split_with_kinds(text)`` -> every piece of the text as ``(Sentence, kind)``, where
  kind is ``"body"``, ``"heading"`` (a short line without final punctuation),
  ``"dateline"`` (the "LONDON (Reuters) -" prefix of a paragraph, split off the sentence
  it starts) or ``"byline"`` ("By Jane Smith"). Non-body pieces are kept out of
  ``split_sentences`` so a summary or a sentence index never lands on them.

Guarantees: ``text[s.start:s.end] == s.text``, no surrounding whitespace, sentences never
cross a paragraph break (a blank line), and a sentence that ends inside a closing quote
keeps the quote (``He said "No." `` stays whole; ``"Why?" she asked.`` is one sentence).
A quotation of several sentences is split at its inner sentence ends like any other text.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from tui.assets import word_set
from tui.engine import rules
from tui.engine.tokens import digit_key
from tui.engine.types import Sentence
from tui.sentence_ends import ABBREV_END_CASED, ABBREV_END_LOWER, FINAL_ABBREVIATIONS, OPENERS, is_lower_cased

BODY, HEADING, DATELINE, BYLINE = "body", "heading", "dateline", "byline"

# Punkt's convention: lower-case, without the final period. Kept to forms that almost never end a sentence (the
# shared list in assets/models/abbreviations.txt, which the importers' first-sentence titles read too); words that
# often do ("no", "sat", "ill", "miss", "mph") are left out ("No. 10" is rejoined by a rule below instead).
ABBREVIATIONS = word_set("models", "abbreviations.txt")
# Abbreviations that can end a sentence ("... in the U.S. The deal ...") and the sentence openers after them: shared
# with the importers' first-sentence titles (tui/sentence_ends.py), so a title ends where the first sentence does
# (but never after a country's or a state's abbreviation, PLACE_ABBREVIATIONS: "U.S. And ..." in a capitalised line).
_FINAL_ABBREVIATIONS, _OPENERS = FINAL_ABBREVIATIONS, OPENERS
_ABBREV_END_CASED, _ABBREV_END_LOWER = ABBREV_END_CASED, ABBREV_END_LOWER
_is_lower_cased = is_lower_cased  # (the same rule decides which of the two a title uses)

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TERMINAL = re.compile(r"[.!?…:;]['\"’”)\]]*$|['\"’”]$")
_BULLET = re.compile(r"^\s*(?:[-*•–—]|\d{1,2}[.)])\s+")
_BYLINE = re.compile(
    r"^(?:by|reporting by|written by|words by|story by)\s+[^\W\d_][\w.'’-]*(?:[ ,&]+[\w.'’-]+){0,8}\.?$",
    re.IGNORECASE,
)
_AGENCIES = (
    r"cnn|reuters|ap|afp|upi|bloomberg|xinhua|dpa|efe|ansa|pti|ians|bbc|ew\.com|cnnmoney|"
    r"cbs news|abc news|nbc news|the ap|associated press|mashable|time\.com|[a-z]+ news"
)
# "LONDON (Reuters) -", "washington (cnn)", "(CNN) --", "SEOUL, South Korea, Jan. 5 (AP) --"
_DATELINE_AGENCY = re.compile(
    rf"^(?:[^\W_][\w.'’ ,/-]{{0,60}}?\s*)?\((?:{_AGENCIES})\)\s*(?:[-–—:]+\s*)?",
    re.IGNORECASE,
)
# "LONDON -", "NEW YORK, N.Y. --", "BEIRUT, Lebanon —": an upper-case place and a dash.
_DATELINE_CAPS = re.compile(r"^[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][A-Za-z.'’ ]{1,30}){0,2}\s*[-–—]{1,2}\s+(?=\S)")
# After a quote that ends in ?/!/, the next piece that starts like an attribution belongs
# to the same sentence: "Why?" she asked.
_ATTRIBUTION = re.compile(
    r"^(?:(?:[\w.'’-]+\s+){0,3}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|"
    r"explained|continued|insisted|admitted|noted|claimed|tweeted|shouted|cried|recalled|joked|"
    r"warned|declared|argued|laughed|whispered)|according\s+to)\b",
    re.IGNORECASE,
)
# What makes the words before a piece's speech verb a sentence of the writer's rather than an attribution: a word that
# says nobody spoke ("Nobody replied.") or a negated auxiliary after a subject ("Officials have not replied.", "county
# officials have not replied", "the board hasn't said"; rule "own-clause-after-question-mark").
_OWN_CLAUSE = re.compile(
    r"^(?:(?:nobody|no|none|nothing|neither)\b|(?:[\w.'’-]+\s+){1,3}?(?:(?:have|has|had|will|would|could|should|may|"
    r"might|must|can|did|does|do|is|are|was|were)\s+(?:not|never)\b|cannot\b|\w+n['’]t\b))",
    re.IGNORECASE,
)
# Chinese/Japanese full stops, which Punkt does not know; closing quotes stay attached.
_PERIOD_SPACE = re.compile(r"\.\s")  # in every match of _ABBREV_END_CASED and _ABBREV_END_LOWER
# (a full stop, then more: written so that the pattern starts with the class, which lets the regex engine skip to
# those characters instead of trying the pattern at every position; `X+` and `XX*` match the same)
_CJK_END = re.compile(r"[。！？][。！？]*[」』”’）]*(?=\S)")
# Initials before a name ("J.K.", "A.J.P."), but not the place abbreviations that end sentences (U.S., U.K.).
_INITIALS_END = re.compile(r"(?:^|[\s(])(?!(?:U\.S|U\.K|U\.N|E\.U|D\.C|L\.A|N\.Y)\.$)(?:[A-Z]\.){2,3}$")
_NUMBER_SIGN = re.compile(r"(?:^|\W)nos?\.$", re.IGNORECASE)  # "No. 10 Downing Street"
_VERDICT_LIMIT = 50_000  # Punkt verdicts remembered (a few MB at most; a full memo is dropped)
_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true (the same Unicode test)
_CLOSE_QUOTE_END = re.compile(r"[?!,]['\"’”]$|[?!,]['\"’”]\s*[)\]]$")


def split_sentences(text: str) -> list[Sentence]:
    """Body sentences of ``text`` in order, with exact spans (headings, datelines, bylines left out)."""
    return [s for s, kind in split_with_kinds(text) if kind == BODY]


def split_with_kinds(text: str) -> list[tuple[Sentence, str]]:
    """Every piece of ``text`` as ``(Sentence, kind)``; kind is body, heading, dateline or byline.

    When a text has no body sentence at all (a lone line without punctuation), its headings
    are reported as body so that a one-line text still has one sentence.
    """
    if not text or not text.strip():
        return []
    lower_only = _is_lower_cased(text)
    stops = "。" in text or "！" in text or "？" in text  # CJK full stops, which Punkt does not know
    out: list[tuple[Sentence, str]] = []
    # digit key of a block -> its pieces as (start, end, kind) from the block's start: a block repeated but for its
    # digits (a page of numbered quotations) is split once. What splits a block reads of a digit is only that it is
    # one (`\d`, `\w`, str.isdigit / isalnum / isspace, Punkt's "##number##" type), never its value (tokens.digit_key;
    # tests/engine/test_sentence_shortcuts.py splits texts and their keys alike).
    seen: dict[str, list[tuple[int, int, str]]] = {}
    blocks = [(p_index, _block_spans(text, p_start, p_end, lower_only))
              for p_index, (p_start, p_end) in enumerate(_paragraph_spans(text))]
    # (fewer blocks: the keys would cost more than they save; counted in blocks, not paragraphs: a page of datelines
    # is one paragraph of ~850 one-line blocks)
    keyed = sum(len(spans) for _, spans in blocks) >= _KEYED_MIN_BLOCKS
    for p_index, spans in blocks:
        for b_start, b_end in spans:
            if not keyed or b_end - b_start > _KEYED_BLOCK_MAX:
                # (a long block: its key would cost a scan, and such a block is rarely repeated)
                out.extend(_split_block(text, b_start, b_end, p_index, lower_only, stops))
                continue
            key = digit_key(text[b_start:b_end])
            got = seen.get(key)
            if got is None:
                pieces = _split_block(text, b_start, b_end, p_index, lower_only, stops)
                out.extend(pieces)
                seen[key] = [(s.start - b_start, s.end - b_start, kind) for s, kind in pieces]
                continue
            for a, b, kind in got:
                a += b_start
                b += b_start
                out.append((Sentence(a, b, text[a:b], p_index), kind))
    if out and not any(kind == BODY for _, kind in out):
        out = [(s, BODY if kind == HEADING else kind) for s, kind in out]
    return out


_KEYED_BLOCK_MAX = 2_000  # characters of a block split through its digit key (`split_with_kinds`)
_KEYED_MIN_BLOCKS = 64  # blocks (lines of a paragraph, grouped) from which a text's are split through their digit keys


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _block_spans(text: str, start: int, end: int, lower_only: bool = False) -> list[tuple[int, int]]:
    """Lines of a paragraph, grouped: a hard-wrapped sentence continues on the next line, but
    a line that ends a sentence, looks like a heading, or a bullet item ends the block. A line of the
    paragraph's width whose end only looks like a sentence's (`_goes_on`: "Dr." before the name on the next
    line, "7 p.m." before "and went on ...") goes on with the next line, as it would on one line."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    lines, pos = [], start
    for line in text[start:end].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    widest = max(b - a for a, b in lines)
    blocks: list[tuple[int, int]] = []
    cur_start = None
    for i, (a, b) in enumerate(lines):
        line = text[a:b].strip()
        if not line:
            continue
        if cur_start is not None and _BULLET.match(line):
            blocks.append((cur_start, lines[i - 1][1]))
            cur_start = None
        if cur_start is None:
            cur_start = a
        short = len(line) < 0.6 * widest or len(line) < 40
        if i == len(lines) - 1 or short or (_TERMINAL.search(line)
                                              and not _goes_on(line, text[lines[i + 1][0]:lines[i + 1][1]].strip(),
                                                               lower_only)):
            blocks.append((cur_start, b))
            cur_start = None
    if cur_start is not None:
        blocks.append((cur_start, lines[-1][1]))
    return blocks


def _goes_on(line: str, following: str, lower_only: bool) -> bool:
    """Whether a full line whose end looks like a sentence's goes on with the `following` line (a text wrapped at a
    fixed width, a pasted note: session 38): the next line opens in lower case ("... at 7 p.m." / "and went on ...";
    not in a text all in lower case), or this one ends with a quotation mark that closes no sentence ('called it
    "a lifeline"' / "For ...") or with an abbreviation Punkt knows ("The chair, Dr." / "Anwen Price, said ..."). The
    two lines are then split as one (Punkt, the abbreviations that end a sentence): as if the break were a space."""
    if not following or _BULLET.match(following) or not rules.enabled("wrapped-line-goes-on"):
        return False
    if following[0].islower() and not lower_only:
        return True
    if line[-1] in _CLOSING_MARKS and line[-2:-1] not in ("", ".", "!", "?", "…", ",", ":", ";"):
        return True
    word = line[line.rfind(" ") + 1:]  # (its last word: a scan from the end, whatever the line's length)
    return word.endswith(".") and word[:-1].lstrip("(\"“‘'").lower() in ABBREVIATIONS


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _split_block(text: str, start: int, end: int, para: int, lower_only: bool,
                 stops: bool = True) -> list[tuple[Sentence, str]]:
    start, end = _trimmed(text, start, end)
    if start >= end:
        return []
    block = text[start:end]
    pieces: list[tuple[Sentence, str]] = []
    if _BYLINE.match(block) and len(block.split()) <= 10:
        return [(Sentence(start, end, block, para), BYLINE)]
    cut = _dateline_end(block)
    if cut:
        d_end = _trimmed(text, start, start + cut)[1]
        d_end = start + len(text[start:d_end].rstrip(" -–—:"))
        pieces.append((Sentence(start, d_end, text[start:d_end], para), DATELINE))
        start = _trimmed(text, start + cut, end)[0]
        if start >= end:
            return pieces
    spans = _punkt_spans(text, start, end, lower_only, stops)
    for a, b in spans:
        kind = BODY
        if len(spans) == 1 and not pieces and _looks_like_heading(text[a:b]):
            kind = HEADING
        pieces.append((Sentence(a, b, text[a:b], para), kind))
    return pieces


_END_IN_PLACE = re.compile(r"[.!?]\s")  # a sentence end inside a dateline's place part


def _dateline_end(block: str) -> int:
    """Length of a dateline prefix at the start of ``block`` (0 when there is none)."""
    m = (_DATELINE_AGENCY.match(block) if "(" in block else None) or _DATELINE_CAPS.match(block)  # (its "(Reuters)")
    if not m or m.end() >= len(block):
        return 0
    # The place part is a few words, not a sentence that happens to contain "(AP)".
    prefix = block[: m.end()]
    if len(prefix.split()) > 9 or _END_IN_PLACE.search(prefix.split("(")[0]):
        return 0
    return m.end()


def _looks_like_heading(s: str) -> bool:
    return not _TERMINAL.search(s) and len(s.split()) <= 14


def _punkt_spans(text: str, start: int, end: int, lower_only: bool, stops: bool = True) -> list[tuple[int, int]]:
    chunk = text[start:end]
    raw = [(start + a, start + b) for a, b in _tokenizer().span_tokenize(chunk)]
    raw = _split_after_final_abbreviations(text, raw, lower_only, stops)
    merged: list[tuple[int, int]] = []
    for a, b in raw:
        a, b = _trimmed(text, a, b)
        if a >= b:
            continue
        if merged and _joins_previous(text, merged[-1], (a, b), lower_only):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _split_after_final_abbreviations(text: str, spans, lower_only: bool, stops: bool = True):
    """`spans` cut after the abbreviations that end a sentence and after CJK full stops (`stops`: False when the
    text has none)."""
    if not spans:
        return []
    pattern = _ABBREV_END_LOWER if lower_only else _ABBREV_END_CASED
    # the spans lie in order in one block: when the block holds neither a period and a space (every abbreviation
    # end holds one) nor a CJK full stop, nothing is cut
    lo, hi = spans[0][0], spans[-1][1]
    cjk = stops and _CJK_END.search(text, lo, hi) is not None
    if not cjk and _PERIOD_SPACE.search(text, lo, hi) is None:
        return list(spans)
    out = []
    for a, b in spans:
        if _PERIOD_SPACE.search(text, a, b) is None:
            cuts = [m.end() for m in _CJK_END.finditer(text, a, b)] if cjk else []
        else:
            cuts = sorted({m.end() for m in pattern.finditer(text, a, b) if lower_only or not _country_and(text, m)}
                          | {m.end() for m in _CJK_END.finditer(text, a, b)})
        for c in cuts:
            out.append((a, c))
            a = c
        out.append((a, b))
    return out


# A country's initials before "And": in the corpus every one of 232 "U.S. And" (and 19 "U.K. And", 1 "D.C. And") goes
# on with its sentence ("... between the U.S. And Japan ...": a re-cased text), none ends one; NER train has none
_COUNTRY_AND = re.compile(r"(?:U\.S|U\.K|D\.C)\.\s+And\b")


def _country_and(text: str, m) -> bool:
    """Whether the abbreviation end `m` is a country's initials before "And" (no sentence end there)."""
    return text.startswith("And", m.end()) and _COUNTRY_AND.match(text, m.start()) is not None \
        and rules.enabled("country-initials-before-and")


# _NUMBER_SIGN, _INITIALS_END and _CLOSE_QUOTE_END end with `$`: a match lies within the last 5, 7 and 2 characters
# of the text (one more before a final line break), or, for a bracket closing the text, anywhere. `_joins_previous`
# searches only there (the same answers: tests/engine/test_sentence_shortcuts.py).
def _ends_with_number_sign(before: str) -> bool:
    return _NUMBER_SIGN.search(before, max(0, len(before) - 6)) is not None


def _ends_with_initials(before: str) -> bool:
    return _INITIALS_END.search(before, max(0, len(before) - 8)) is not None


def _ends_with_close_quote(before: str) -> bool:
    tail = before[-2:]
    return _CLOSE_QUOTE_END.search(before, 0 if ")" in tail or "]" in tail else max(0, len(before) - 3)) is not None


def _joins_previous(text: str, prev: tuple[int, int], cur: tuple[int, int], lower_only: bool) -> bool:
    piece = text[cur[0] : cur[1]]
    # A stray closing quote or bracket belongs to the sentence before it.
    if _ALNUM.search(piece) is None:
        return True
    before = text[prev[0] : prev[1]]
    if piece[0].isdigit() and _ends_with_number_sign(before):
        return True
    if piece[:1].isupper() and _ends_with_initials(before) and not re.match(rf"(?:{_OPENERS})\b", piece):
        return True  # "J.K. Rowling": initials, not the end of a sentence
    if _ends_with_close_quote(before):
        if _OWN_CLAUSE.match(piece) and rules.enabled("own-clause-after-question-mark"):
            # '“Will the county pay?” county officials have not replied.': the writer's own sentence, not a tag
            return False
        if _ATTRIBUTION.match(piece):
            return True
        if not lower_only and piece[0].islower():
            return True
    elif not lower_only and piece[0].islower() and before[-2:-1] == "." and before[-1:] in _CLOSING_MARKS \
            and _LOWER_TAG.match(piece) and rules.enabled("lower-case-tag-after-full-stop-mark"):
        return True  # '“We will reopen the lane on Sunday.” county engineer Tamsin Elderkin said.': one sentence
    elif piece[:1].isupper() and before[-2:-1] == "." and before[-1:] in _CLOSING_MARKS and _BARE_TAG.match(piece) \
            and not _OWN_CLAUSE.match(piece) and rules.enabled("capitalised-bare-tag-after-full-stop-mark"):
        return True  # '“The road will reopen on Monday.” Tamsin Elderkin said.': one sentence
    return False


_CLOSING_MARKS = frozenset("'\"’”")
# A tag in lower case after a quotation closed by its full stop: up to five words (no auxiliary or "not": "county
# officials have not replied" is a sentence of its own), then a speech verb ("he said", "county engineer Tamsin
# Elderkin said", "said the county", "the mayor added on Monday").
_LOWER_TAG = re.compile(
    r"(?:(?!(?:have|has|had|not|never|will|would|could|should|may|might|must|can|to|did|does|do)\b)[\w.'’-]+\s+){0,5}"
    r"(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|explained|continued|insisted|admitted|"
    r"noted|claimed|tweeted|recalled|warned|declared|argued)\b"
)


# A whole sentence that is only an attribution, after a quotation closed by its full stop: up to five words that open
# in capitals (a name, a title and a name, "The mayor", "He"), a speech verb, and at most a short time or place of the
# telling ("on Monday", "in a statement", "told reporters on Friday"), then the sentence's end. "Tamsin Elderkin said
# the road ..." goes on after its verb: the writer's own sentence.
_BARE_TAG = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}?\s+"
    r"(?:said|says|asked|asks|added|adds|told\s+(?:reporters|journalists)|replied|explained|continued|insisted|"
    r"admitted|noted|claimed|tweeted|recalled|warned|declared|argued|wrote|writes)"
    r"(?:\s+(?:on\s+[A-Z]\w+|in\s+(?:a|an|her|his|their)\s+(?:\w+\s+)?(?:statement|interview|email|letter|post)|"
    r"yesterday|today|tonight|later|earlier|afterwards|again|then|too|also|last\s+\w+|this\s+\w+)){0,2}"
    r"[.!]['\"’”)]*$"
)


rules.guard(
    "lower-case-tag-after-full-stop-mark", "sentences",
    "a lower-case attribution right after a quotation closed by its full stop goes on with that sentence",
    changes=["The lane to Carrow Mill flooded at noon. “We will reopen it on Sunday.” county engineer Tamsin "
             "Elderkin said. Drivers were sent round by the quarry road.",
             "The lane to Carrow Mill flooded at noon. “We will reopen it on Sunday.” she said. Drivers were sent "
             "round by the quarry road."],
    keeps=["The lane to Carrow Mill flooded at noon. “We will reopen it on Sunday.” Tamsin Elderkin said the "
           "quarry road was open.",
           "Tamsin Elderkin called the lane “a disgrace.” county officials have not replied. Drivers were sent round "
           "by the quarry road."])


rules.guard(
    "capitalised-bare-tag-after-full-stop-mark", "sentences",
    "a whole sentence that is only a named attribution, right after a quotation closed by its full stop, joins it",
    changes=["The ford at Quillby flooded on Friday. “The road will reopen on Monday.” Tamsin Elderkin said. Drivers "
             "were sent round by the quarry road.",
             "The ford at Quillby flooded on Friday. “The pumps are on their way.” County engineer Tamsin Elderkin "
             "told reporters on Saturday. Drivers were sent round by the quarry road."],
    keeps=["The ford at Quillby flooded on Friday. “The road will reopen on Monday.” Tamsin Elderkin said the "
           "quarry road was open.",
           "The ford at Quillby flooded on Friday. “The road will reopen on Monday.” Nobody replied. Drivers were "
           "sent round by the quarry road."])


rules.guard(
    "own-clause-after-question-mark", "sentences",
    "after a quotation closed by ?/!/, words with an auxiliary, a negation or 'nobody' before the verb start a sentence",
    changes=["The ford at Quillby flooded on Friday. “Will the county pay for the pumps?” county officials have not "
             "replied. Drivers were sent round by the quarry road.",
             "The ford at Quillby flooded on Friday. “Will the county pay for the pumps?” Nobody replied. Drivers "
             "were sent round by the quarry road."],
    keeps=["The ford at Quillby flooded on Friday. “Will the county pay for the pumps?” asked Tamsin Elderkin. "
           "Drivers were sent round by the quarry road.",
           "The ford at Quillby flooded on Friday. “Will the county pay for the pumps?” the ferry master asked on "
           "Saturday. Drivers were sent round by the quarry road."])


rules.guard(
    "wrapped-line-goes-on", "sentences",
    "a line of a hard-wrapped paragraph that ends in an abbreviation, a quotation mark closing no sentence, or before a "
    "line in lower case goes on with the next line: a sentence is whole, as if the line break were a space",
    changes=["The parish council of Quenby Cross met on Tuesday evening to decide the future\n"
             "of the old swimming baths on Mill Lane. The chair of the meeting, Dr.\n"
             "Anwen Price, said the building could be saved for two million pounds.",
             "The parish council of Quenby Cross met on Tuesday evening to decide the future\n"
             "of the old swimming baths on Mill Lane. The meeting began at 7 p.m.\n"
             "and went on until well after midnight, when the vote was finally taken.",
             "The parish council of Quenby Cross met on Tuesday evening to decide the future\n"
             "of the old swimming baths on Mill Lane. Residents called the plan \"a lifeline\"\n"
             "for the town and said they would raise money for a new roof in spring."],
    keeps=["The parish council of Quenby Cross met on Tuesday evening to decide the future\n"
           "of the old swimming baths on Mill Lane, which closed in March this year.\n"
           "A trust has offered to run the baths if they reopen in the spring of 2028.",
           "The parish council of Quenby Cross met on Tuesday evening to decide the future\n"
           "of the old swimming baths on Mill Lane, which closed in March this year.\n"
           "- a trust has offered to run them\n- the roof needs two million pounds"])


rules.guard(
    "country-initials-before-and", "sentences",
    "a country's initials (U.S., U.K., D.C.) before a capitalised 'And' end no sentence: the corpus's 252 all go on",
    changes=["Ferries sail between the U.S. And Kessland twice a week from Port Hallam.",
             "Grain prices at Larkhollow market followed those in the U.K. And the rest of the north."],
    keeps=["Tolls rose again in the U.S. The ferry from Port Hallam now costs more.",
           "The mill at Quenby Cross sold its flour to Harrow Co. And its barley went to Larkhollow."])


@rules.probe("sentences")
def _probe(text: str) -> list[str]:
    """The body sentences of a text, as text."""
    return [s.text for s in split_sentences(text)]


# The last of the characters NLTK's _get_last_whitespace_index looks for (string.whitespace) in a slice, found by
# one greedy match (it runs to the end and backs up to the last one) instead of one `rfind` per character over
# the whole slice: the same index (tests/engine/test_sentence_punkt.py).
_LAST_PUNKT_WHITESPACE = re.compile("(?s:.*)[" + re.escape(string.whitespace) + "]")


@lru_cache(maxsize=1)
def _tokenizer():
    from tui.engine.tokens import load_nltk

    load_nltk()  # one thread at a time
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # lazy: heavy import

    class NewsPunkt(PunktSentenceTokenizer):
        """Punkt that treats "1990. then" as a sentence end.

        Untrained Punkt reads a number + period + lower-case word as an ordinal ("5. März")
        and joins the sentences, which breaks lower-cased news text. English news has no
        such ordinals, so a number that is not an abbreviation ends the sentence there.
        """

        def _second_pass_annotation(self, aug_tok1, aug_tok2):
            if (
                aug_tok2 is not None
                and aug_tok1.period_final
                and aug_tok1.type_no_period == "##number##"
                and not aug_tok1.abbr
            ):
                aug_tok1.sentbreak = True
                return None
            return super()._second_pass_annotation(aug_tok1, aug_tok2)

        def span_tokenize(self, text: str, realign_boundaries: bool = True):
            """NLTK's span_tokenize (its _match_potential_end_contexts, _slices_from_text and _realign_boundaries)
            in one function: the same spans without three layers of generators and slice objects, the last
            white space before a candidate found by one regex match (tests/engine/test_sentence_punkt.py compares it
            with NLTK's own on our texts)."""
            if not realign_boundaries:
                return super().span_tokenize(text, False)
            lv = self._lang_vars
            contains = self.text_contains_sentbreak
            cuts = []  # _slices_from_text: (start, stop) of each slice
            last_break = 0
            p_start = p_stop = 0  # the previous candidate's word before it
            prev = None  # the previous candidate (yielded only when the next one's word does not overlap it)
            last_ws = _LAST_PUNKT_WHITESPACE.match
            for m in lv.period_context_re().finditer(text):
                start = m.start()
                found = last_ws(text, p_stop, start)  # _get_last_whitespace_index of text[p_stop:start]
                ws = found.end() - 1 - p_stop if found else -1
                w_start = ws + p_stop + 1 if ws > 0 else p_start
                if prev is not None and p_stop <= w_start:
                    if contains(text[p_start:p_stop] + prev.group() + prev.group("after_tok")):
                        cuts.append((last_break, prev.end()))
                        last_break = prev.start("next_tok") if prev.group("next_tok") else prev.end()
                prev, p_start, p_stop = m, w_start, start
            if prev is not None:
                if contains(text[p_start:p_stop] + prev.group() + prev.group("after_tok")):
                    cuts.append((last_break, prev.end()))
                    last_break = prev.start("next_tok") if prev.group("next_tok") else prev.end()
            cuts.append((last_break, len(text.rstrip())))
            out = []  # _realign_boundaries
            realign, last = 0, len(cuts) - 1
            match = lv.re_boundary_realignment.match
            for k, (a, b) in enumerate(cuts):
                a += realign
                if k == last:
                    if text[a:b]:
                        out.append((a, b))
                    continue
                a2, b2 = cuts[k + 1]
                r = match(text[a2:b2])
                if r:
                    out.append((a, a2 + len(r.group(0).rstrip())))
                    realign = r.end()
                else:
                    realign = 0
                    if text[a:b]:
                        out.append((a, b))
            return out

        def text_contains_sentbreak(self, text: str) -> bool:
            """Punkt's verdict on one candidate context ("Corp. Acme"), remembered: with fixed parameters
            it depends on the context alone, and news repeats its abbreviations ("Corp.", "Gov.") a lot."""
            seen = self._verdicts
            if text not in seen:
                if len(seen) >= _VERDICT_LIMIT:
                    seen.clear()
                seen[text] = super().text_contains_sentbreak(text)
            return seen[text]

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    tokenizer = NewsPunkt(params, lang_vars=_language_vars())
    tokenizer._verdicts = {}
    return tokenizer


def _language_vars():
    """Punkt's English variables with its two text-wide patterns compiled by the standard ``re``.

    NLTK >= 3.9 runs every pattern under a 5 s wall-clock limit over the *whole* iteration, so one
    long paragraph (1 MB of "Acme Corp. ", or a big one on a busy machine) raised TimeoutError.
    These two patterns are NLTK's own, fixed and linear; only the engine changes, not the matches.
    """
    from tui.engine.tokens import load_nltk

    load_nltk()  # one thread at a time
    from nltk.tokenize.punkt import PunktLanguageVars

    base = PunktLanguageVars()
    flags = re.UNICODE | re.VERBOSE
    period = re.compile(base._period_context_fmt % {"NonWord": base._re_non_word_chars,
                                                     "SentEndChars": base._re_sent_end_chars}, flags)
    words = re.compile(base._word_tokenize_fmt % {"NonWord": base._re_non_word_chars,
                                                   "MultiChar": base._re_multi_char_punct,
                                                   "WordStart": base._re_word_start}, flags)

    class NewsLanguageVars(PunktLanguageVars):
        """English Punkt variables whose patterns run without NLTK's wall-clock limit."""

        __slots__ = ()
        re_boundary_realignment = re.compile(getattr(base.re_boundary_realignment, "pattern",
                                                     base.re_boundary_realignment), re.MULTILINE)

        def period_context_re(self):
            return period

        def _word_tokenizer_re(self):
            return words

    return NewsLanguageVars()
