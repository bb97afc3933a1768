"""Direct quotations with their speakers, resolved to the fullest name in the article."""

from __future__ import annotations

import bisect
import re

from ..types import Quote
from .marks import MARKS, find_quoted
from .coref import PersonIndex
from .names import NameBook, is_person, person_part, strip_name, tokens
from .cues import SPEECH_VERBS, TRANSITIVE
from .speakers import Mention, TokenIndex, ends_sentence, sentence_subject, speaker_after, speaker_before

BEFORE_CHARS = 400  # how far back the clause before a quote may reach
AFTER_CHARS = 250
_TRANSCRIPT = re.compile(r"([A-Z][A-Z'’\-. ]{1,40}[A-Z]):\s")  # "PENCE: Well, look, ..."
_TERMINAL = ".!?…"


class _Lines:
    """Line (paragraph) bounds by bisecting the newline positions: no rescans of a huge single line."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.n = len(text)

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.breaks, pos)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        return start, (self.breaks[i] if i < len(self.breaks) else self.n)


def _open_mark(text: str, s: int, floor: int) -> int:
    """Index of the opening mark of a quote whose words start at s."""
    i = s - 1
    while i > floor and text[i] not in MARKS:
        i -= 1
    return max(i, floor)


def _close_mark_end(text: str, e: int) -> int:
    """Just past the closing mark of a quote whose words end at e (a space may precede the mark)."""
    i = e
    while i < len(text) and i - e < 3 and text[i] in " \t\u00a0":
        i += 1
    return i + 1 if i < len(text) and text[i] in MARKS else e


def _sentence_tail(toks):
    """Tokens after the last sentence end (the clause that leads into a quote)."""
    for i in range(len(toks) - 1, -1, -1):
        if ends_sentence(toks, i):
            return toks[i + 1 :]
    return toks


def _after_ok(text: str, e: int, after_toks, m: Mention) -> bool:
    """A quote that ends its own sentence ('...plan.” Smith said the...') only takes a plain tag after it.

    '...plan.” Smith said.' and '... Smith said in a statement' are tags; '... Smith said the vote ...'
    starts a new sentence about something else.
    """
    if text[e - 1] not in _TERMINAL:
        return True
    rest = [t for t in after_toks if t.start >= m.end]
    depth = 0
    plain = []
    for t in rest:  # drop "(R-Ohio)" and the like
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            plain.append(t)
    for k, t in enumerate(plain[:3]):
        if t.low in SPEECH_VERBS:
            nxt = plain[k + 1] if k + 1 < len(plain) else None
            if nxt is None or nxt.text in (".", ",", ";", ":", "!", "?"):
                return True
            if t.low in TRANSITIVE:  # "told reporters." / "told CNN on Sunday"
                return k + 2 < len(plain) and plain[k + 2].text in (".", ",") or nxt.low in _TAG_TAIL
            return nxt.low in _TAG_TAIL
    return k_is_subject_after(plain)


def k_is_subject_after(plain) -> bool:
    """'said Smith.' form: the mention came after the verb, so the tag ends at the name."""
    return not plain or plain[0].text in (".", ",", ";")


# words that may follow a speech verb inside a short attribution tag
_TAG_TAIL = {"in", "on", "at", "during", "after", "before", "later", "earlier", "recently", "this", "last", "while",
             "when", "as", "of", "to", "via", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "yesterday", "today", "tonight", "then", "again", "also", "repeatedly", "afterward", "from",
             "with", "about", "over", "through", "outside", "inside", "under", "upon", "following", "shortly"}


class _Resolver:
    """Turns mentions into display names; pronouns go to the person named nearest before them."""

    def __init__(self, text: str, entities, spans) -> None:
        self.text = text
        # The text's own capitalised names, plus the NER pass's linked full names when given: the
        # entity canonicals add forms ("Ortiz" -> "Carmen Ortiz") without letting a mislabelled
        # entity override what the attribution pattern found.
        self.book = NameBook.from_text(text)
        for ent in sorted(entities or [], key=lambda x: x.start):
            if ent.label == "PERSON" and ent.canonical and is_person(ent.canonical):
                self.book.add(ent.canonical, ent.start)
        self.people = PersonIndex(text, self.book, [(s, e) for s, e, _ in spans])
        self.last_speaker: str | None = None

    def name(self, m: Mention) -> str:
        raw = m.text.title() if m.kind == "transcript" else m.text
        if raw.lower().startswith("the "):
            return raw
        person = person_part(tokens(raw))
        if person and 0 < len(person) < len(tokens(raw)):
            raw = " ".join(person)  # "Senate Majority Leader Mitch McConnell" -> "Mitch McConnell"
        return self.book.resolve(raw, m.start) or strip_name(raw)

    def resolve(self, m: Mention | None) -> str | None:
        if m is None:
            return None
        if m.kind in ("name", "transcript"):
            self.last_speaker = self.name(m)
            return self.last_speaker
        if m.kind == "nominal":
            return m.text
        low = m.text.lower()
        if low in ("i", "we", "you"):
            return None
        return self.people.resolve(m.start, low) or self.last_speaker or self.people.resolve(m.start, low, max_back=10**9)


def extract_quotes(text: str, entities=None) -> list[Quote]:
    """Every direct quotation in `text`, with its speaker when one can be found.

    `entities` (optional) are the article's entities from the NER pass; PERSON and ORG ones
    name speakers. Without them a light capitalised-name heuristic is used. Quote spans are
    the words inside the marks; speaker is the fullest name used in the article for that
    person, a description ("a campaign spokesman") or None.
    """
    if not text:
        return []
    spans = find_quoted(text)
    res = _Resolver(text, entities, spans)
    window = TokenIndex(text).window if spans else None
    lines = _Lines(text)
    quotes: list[Quote] = []
    pieces: list[bool] = []
    prev_close = -1
    prev: Quote | None = None
    for idx, (s, e, closed) in enumerate(spans):
        p_start, p_end = lines.bounds(s)
        open_at = _open_mark(text, s, p_start)
        close_at = _close_mark_end(text, e) if closed else e
        nxt_open = spans[idx + 1][0] - 1 if idx + 1 < len(spans) else len(text)
        if text[e - 1] != "," and len(text[s:e].split(None, 3)) < 3:
            continue  # a label or scare quote ("so-called “reforms”"): never kept, so no speaker search
        mention, inherit = None, False
        tm = _TRANSCRIPT.match(text, s, e)
        if tm:
            mention = Mention(tm.start(1), tm.end(1), tm.group(1), "transcript")
        if mention is None:
            a_end = min(p_end, nxt_open, close_at + AFTER_CHARS)
            a_toks = window(close_at, a_end)
            m = speaker_after(text, a_toks)
            if m and _after_ok(text, e, a_toks, m):
                mention = m
        same_para_prev = prev is not None and prev_close >= p_start
        lead_start = max(p_start, prev_close if same_para_prev else -1, open_at - BEFORE_CHARS)
        all_lead = window(lead_start, open_at)
        lead = _sentence_tail(all_lead)
        if mention is None and lead:
            mention = speaker_before(text, lead)
        if mention is None and same_para_prev and len(lead) == len(all_lead):
            inherit = True  # no sentence break since the previous quote: same speaker
        elif mention is None and not lead:
            if same_para_prev and prev.speaker and prev.speaker_start is not None and prev_close <= prev.speaker_start < open_at:
                inherit = True  # '“A,” Smith said at the rally. “B.”': B is Smith's too
            elif len(all_lead) > 1:
                # the sentence before, in the same paragraph: 'Schiff said. “...”'
                mention = speaker_before(text, _sentence_tail(all_lead[:-1]))
            elif open_at == p_start and _intro_line(text, p_start):
                # 'Smith continued:' on its own line, then the quote
                a, b = _intro_line(text, p_start)
                intro = _sentence_tail(window(max(a, b - BEFORE_CHARS), b))
                mention = speaker_before(text, intro) or sentence_subject(text, intro)
            if mention is None and not inherit and prev is not None and _continues(text, prev, s, p_start):
                inherit = True
        if inherit and prev is not None:
            speaker, sp_s, sp_e = prev.speaker, prev.speaker_start, prev.speaker_end
        else:
            speaker = res.resolve(mention)
            sp_s, sp_e = (mention.start, mention.end) if mention else (None, None)
        quotes.append(Quote(s, e, text[s:e], speaker, sp_s, sp_e))
        # pieces of a quote split by its attribution ("“We had,” she said, “a good call.”") stay,
        # however short: the sentence goes on past the closing mark
        pieces.append(bool(speaker) and (text[e - 1] == "," or (prev is not None and prev.speaker == speaker and
                                                                   text[s].islower() and same_para_prev)))
        prev, prev_close = quotes[-1], close_at
    return [q for q, piece in zip(quotes, pieces) if piece or _is_quote(q)]


def _intro_line(text: str, p_start: int) -> tuple[int, int] | None:
    """Bounds of the previous non-blank paragraph when it ends with a colon, else None."""
    b = p_start - 1
    while b > 0 and text[b - 1] in " \t\r\n\u00a0":
        b -= 1
    if b <= 0 or text[b - 1] != ":":
        return None
    a = text.rfind("\n", 0, b) + 1
    return a, b


def _continues(text: str, prev: Quote, s: int, p_start: int) -> bool:
    """Does this quote carry on the previous speaker's words (same paragraph, or the next one)?"""
    if prev.end >= p_start:
        return True
    between = text[prev.end : p_start]
    return between.count("\n") <= 2 and len(between.strip(" \n\t" + MARKS)) < 40


def _is_quote(q: Quote) -> bool:
    """Keep speech; drop scare quotes and titles.

    One- or two-word phrases ("so-called “reforms”", a “paper tiger”) are labels, not quotes;
    short title-cased phrases (“State of the Union”, a book title) are names of things even
    when a speech verb is near. A longer phrase nobody is said to say must not look like a title.
    """
    words = q.text.split()
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    titled = caps >= 0.6 * len(words)
    if q.speaker:
        return not (titled and len(words) <= 8)
    return len(words) >= 4 and not titled
