"""Direct quotations with their speakers, resolved to the fullest name in the article."""

from __future__ import annotations

import bisect
import re

from .. import rules
from ..types import Quote
from . import gate, ranker
from .before_verb import sentence_subject
from .marks import MARKS, find_quoted
from .resolve import Resolver
from .speakers import speaker_after, speaker_at_sentence_end, speaker_before
from .tags import tag_fits
from .cues import SPEECH_VERBS
from .words import Mention, TokenIndex, ends_sentence, name_left

BEFORE_CHARS = 400  # how far back the clause before a quote may reach
AFTER_CHARS = 250
# Quotations are looked for in the first MAX_QUOTED_CHARS of a text (about 25,000 words, like the entity
# tagger's bound): a 1 MB text of nothing but quotes stays within the analysis budget (issue 14 item 10).
MAX_QUOTED_CHARS = 150_000
# ... and at most MAX_QUOTES quotations (spans between marks): the text is cut before the next one. No article
# we have holds more than 80 (PolNeAR train; 56 in dev; the bench's generated 10,000-word articles 146), and
# speaker finding costs ~130-200 µs a quotation, so a 100 KB text of 2,000 quotations stays within the analysis
# budget (issue 14 item 10).
MAX_QUOTES = 200


_TRANSCRIPT = re.compile(r"([A-Z][A-Z'’\-. ]{1,40}[A-Z]):\s")  # "LUND: We will ..." inside the marks


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


def extract_quotes(text: str, entities=None) -> list[Quote]:
    """Every direct quotation in `text`, with its speaker when one can be found.

    `entities` (optional) are the article's entities from the NER pass: their PERSON canonical
    names help resolve short mentions. Without them the text's own capitalised names are used.
    Quote spans are the words inside the marks; `speaker` is the fullest name the article uses
    for that person, a description ("a campaign spokesman"), or None.
    """
    if not text:
        return []
    if len(text) > MAX_QUOTED_CHARS:  # a huge input: only its start is read (see MAX_QUOTED_CHARS)
        cut = text.rfind("\n", 0, MAX_QUOTED_CHARS)
        cut = cut if cut > MAX_QUOTED_CHARS // 2 else text.rfind(" ", 0, MAX_QUOTED_CHARS)
        text = text[: cut if cut > 0 else MAX_QUOTED_CHARS]
        entities = None if entities is None else [e for e in entities if e.end <= len(text)]
    cut = _quote_bound(text)
    if cut is not None:
        text = text[:cut]
        entities = None if entities is None else [e for e in entities if e.end <= cut]
    quotes, hows, scan = _attributed(text, entities)
    # the gate reads the rules' quotes (their speakers and how they were found) and drops a quote after the ranker
    # has chosen every speaker: the dropped ones still count as the previous quote of the next, as in training
    kept = gate.keep(text, quotes, hows, scan.lines.bounds) if quotes and gate.active() else None
    if quotes and ranker.active():
        quotes = ranker.rerank(text, quotes, hows, scan.res, scan.lines.bounds)
    quotes = [_shown(q, text) for q in quotes]
    return quotes if kept is None else [q for q, k in zip(quotes, kept) if k]


_S_APOSTROPHE = re.compile(r"(?<=s)['’]$")


def _shown(q: Quote, text: str) -> Quote:
    """The quote with its speaker's name as shown: without the bare apostrophe of a possessive after an s ("Andres'
    speech" gives the speaker "Andres", not "Andres'"). Only the name shown changes: the speaker search, and the
    ranker's features learnt on it, read the mention as it is (merged into "Tomas Andres" it took quotes from the
    people around it: on BBC text it moved six quotes from the right speaker to the possessor, "Kenteris' lawyer").
    A quotation that finishes a sentence of the writer's gets that sentence's words before it (`lead_in`)."""
    speaker = q.speaker
    if speaker and _S_APOSTROPHE.search(speaker):
        speaker = _S_APOSTROPHE.sub("", speaker)
    lead = lead_in(text, q.start) if q.text[:1].islower() else ""
    if speaker == q.speaker and not lead:
        return q
    return Quote(q.start, q.end, q.text, speaker, q.speaker_start, q.speaker_end, q.score, lead)


LEAD_WORDS = 8  # the writer's words shown before a quotation that finishes their sentence, at most
LEAD_CHARS = 120  # ... and at most this many characters
LEAD_NAME_BACK = 3  # words more, for a name the cut at LEAD_WORDS would halve


def _capital(word: str) -> bool:
    return word[:1].isupper()

_LEAD_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s|[\n" + MARKS + "]")


def lead_in(text: str, start: int) -> str:
    """The writer's words of the sentence a quotation starting at `start` finishes, when a word leads straight into
    its opening mark ('the union said the crews would “listen before they walk out.”' gives "the union said the crews
    would"): from the sentence's start (or the last quotation mark before it), at most LEAD_WORDS words, "…" first
    when cut. "" when the mark opens a sentence or follows a comma or colon ('she said, “we ...”'). PolNeAR train's
    annotators mark such quotations as what someone said (1,086 of the 1,119 of 4+ words that start in lower case
    after a word or a comma), so they stay quotes; shown alone they read as a scrap of a sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] not in MARKS:
        return ""
    k = i - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k < 0 or not text[k].isalnum():
        return ""
    floor = max(0, i - 400)
    begin = floor
    for m in _LEAD_STOP.finditer(text, floor, i):
        begin = m.end()
    words = text[begin:i].split()
    if not words:
        return ""
    first = max(0, len(words) - LEAD_WORDS)
    # a name the cut would halve ("…Venn of Tidewell Lines said the company would", walk37) is taken in whole, up to
    # LEAD_NAME_BACK words more: "Priya Venn of Tidewell Lines said the company would"
    back = first - LEAD_NAME_BACK
    while (first > max(back, 0) and _capital(words[first]) and _capital(words[first - 1])
           and words[first - 1][-1].isalnum()):
        first -= 1
    whole = first == 0 and (begin > floor or floor == 0)  # (no stop within 400 characters: cut)
    lead = " ".join(words) if whole else "…" + " ".join(words[first:])
    return lead if len(lead) <= LEAD_CHARS else "…" + lead[1 - LEAD_CHARS :].lstrip()  # (a giant "word")


def _quote_bound(text: str) -> int | None:
    """Where to cut a text holding more than MAX_QUOTES quotations (None when it holds fewer): at the end of
    the line of the MAX_QUOTES-th, or before the opening mark of the next when they share a line."""
    if sum(text.count(m) for m in MARKS) <= MAX_QUOTES:  # every quotation has a mark: a cheap test first
        return None
    spans = find_quoted(text, MAX_QUOTES + 1)  # the first MAX_QUOTES + 1 are all this needs
    if len(spans) <= MAX_QUOTES:
        return None
    last_end, nxt = spans[MAX_QUOTES - 1][1], spans[MAX_QUOTES][0]
    line_end = text.find("\n", last_end, nxt)
    return line_end if line_end >= 0 else _open_mark(text, nxt, last_end)


def _attributed(text: str, entities=None) -> tuple[list[Quote], list[str], "_Scan | None"]:
    """The quotes kept with the speakers the rules found, how each was found, and the scan."""
    spans = find_quoted(text)
    if not spans:
        return [], [], None
    scan = _Scan(text, spans, Resolver(text, entities, spans))
    quotes: list[Quote] = []
    hows: list[str] = []
    pieces: list[bool] = []
    for idx, (s, e, closed) in enumerate(spans):
        if text[e - 1] != "," and len(text[s:e].split(None, 3)) < 3:
            continue  # a label or scare quote ("so-called “reforms”"): never kept, so no speaker search
        prev = scan.prev
        quote, same_para = scan.attribute(idx)
        quotes.append(quote)
        hows.append(scan.how)
        # pieces of a quote split by its attribution ("“We had,” she said, “a good call.”") stay,
        # however short: the sentence goes on past the closing mark
        pieces.append(bool(quote.speaker) and (text[e - 1] == "," or (
            same_para and prev is not None and prev.speaker == quote.speaker and text[s].islower())))
    kept = [i for i, (q, piece) in enumerate(zip(quotes, pieces)) if piece or _is_quote(q)]
    return [quotes[i] for i in kept], [hows[i] for i in kept], scan


class _Scan:
    """Walks the quotes in order, remembering the previous one for split and continued quotes."""

    def __init__(self, text: str, spans, resolver: Resolver) -> None:
        self.text, self.spans, self.res = text, spans, resolver
        self.window = TokenIndex(text).window
        self.lines = _Lines(text)
        self.prev: Quote | None = None
        self.prev_close = -1
        self.how = "none"  # how the last quote's speaker was found (a feature of the speaker ranker)
        self.after_toks: list = []  # the tokens after the last quote's closing mark that _tag read

    def attribute(self, idx: int) -> tuple[Quote, bool]:
        """The quote at spans[idx] with its speaker; also whether the previous quote shares its paragraph."""
        text, (s, e, closed) = self.text, self.spans[idx]
        p_start, p_end = self.lines.bounds(s)
        open_at = _open_mark(text, s, p_start)
        close_at = _close_mark_end(text, e) if closed else e
        nxt_open = self.spans[idx + 1][0] - 1 if idx + 1 < len(self.spans) else len(text)
        prev = self.prev
        same_para = prev is not None and self.prev_close >= p_start

        mention, inherit = self._tag(s, e, close_at, min(p_end, nxt_open, close_at + AFTER_CHARS)), False
        how = "after" if mention is not None else "none"
        lead_start = max(p_start, self.prev_close if same_para else -1, open_at - BEFORE_CHARS)
        all_lead = self.window(lead_start, open_at)
        lead = _sentence_tail(all_lead)
        if mention is None and lead:
            mention = speaker_before(text, lead)
            how = "before" if mention is not None else how
            if mention is None and lead[-1].text == ":":  # 'The harbour trust reveals a few numbers: “...”'
                self._colon_hint(s, _colon_subject(text, lead))
        # a quote inside a sentence ('Holt “won ...” in May, said Ida Brandt.'), not one that ends its sentence
        if mention is None and text[e - 1] not in ".!?…" and rules.enabled("tag-at-sentence-end"):
            mention = speaker_at_sentence_end(text, self.after_toks)
            how = "after" if mention is not None else how
        if mention is None and same_para and len(lead) == len(all_lead):
            inherit = True  # no sentence break since the previous quote: same speaker
        elif mention is None and not lead:
            if same_para and prev.speaker and prev.speaker_start is not None \
                    and self.prev_close <= prev.speaker_start < open_at:
                inherit = True  # '“A,” Smith said at the rally. “B.”': B is Smith's too
            elif open_at == p_start and rules.enabled("intro-line-with-colon") and _intro_line(text, p_start):  # 'Smith continued:' then the quote
                a, b = _intro_line(text, p_start)
                intro = _sentence_tail(self.window(max(a, b - BEFORE_CHARS), b))
                mention = speaker_before(text, intro) or sentence_subject(text, intro)
                how = "intro" if mention is not None else how
        if inherit and prev is not None:
            how = "inherit"
            quote = Quote(s, e, text[s:e], prev.speaker, prev.speaker_start, prev.speaker_end)
        else:
            where = (mention.start, mention.end) if mention else (None, None)
            quote = Quote(s, e, text[s:e], self.res.resolve(mention), *where)
        self.prev, self.prev_close = quote, close_at
        self.how = how if quote.speaker else "none"
        return quote, same_para

    def _colon_hint(self, s: int, m: Mention | None) -> None:
        """Remember the speaker a colon lead names for the quote starting at s (a name or a description, not a
        pronoun), for the ranker to prefer at choice time (rule "colon-lead-subject"; the rules' speaker and how,
        which the ranker learns from, stay as they were)."""
        if m is not None and m.kind != "pronoun":  # (Resolver.name: resolve would make it the last speaker)
            self.res.colon_hints[s] = (self.res.name(m) if m.kind == "name" else m.text, m.start, m.end)

    def _tag(self, s: int, e: int, close_at: int, a_end: int) -> Mention | None:
        """A speaker named inside the quote ("LUND: ...", a transcript) or in the tag right after it."""
        self.after_toks = []
        tm = _TRANSCRIPT.match(self.text, s, e) if rules.enabled("transcript-speaker") else None
        if tm:
            return Mention(tm.start(1), tm.end(1), tm.group(1), "name")
        a_toks = self.after_toks = self.window(close_at, a_end)
        m = speaker_after(self.text, a_toks)
        return m if m and tag_fits(self.text, e, a_toks, m) else None


def _intro_line(text: str, p_start: int) -> tuple[int, int] | None:
    """Bounds of the previous non-blank paragraph when it ends with a colon, else None."""
    b = p_start - 1
    while b > 0 and text[b - 1] in " \t\r\n\u00a0":
        b -= 1
    if b <= 0 or text[b - 1] != ":":
        return None
    a = text.rfind("\n", 0, b) + 1
    return a, b


def _is_quote(q: Quote) -> bool:
    """Keep speech; drop scare quotes and titles.

    One- or two-word phrases ("so-called “reforms”", a “white elephant”) are labels, not quotes;
    short title-cased phrases (“Address to the Nation”, a book title) are names of things even
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


# lower-case words before a name that make it no speaker of the colon's quote ("a message to Ida Brandt:")
_NOT_ROLE_BEFORE_NAME = frozenset("of for at in on to with by about against over and like than into as".split())


def _colon_subject(text: str, lead) -> "Mention | None":
    """The speaker of a quote after a clause that ends in a colon and holds no speech verb ('The harbour board was
    blunt: “...”', 'Ida Brandt echoed: “...”', a bare 'Ida Brandt: “...”' after a dash, 'from' or opening a sentence):
    the name right before the colon, else the clause's subject (rule "colon-lead-subject")."""
    k = len(lead) - 2
    span = name_left(lead, k) if k >= 0 else None
    before = lead[span[0] - 1] if span is not None and span[0] > 0 else None
    if span is not None and (before is None or before.text in ("-", "–", "—", ".") or before.low == "from" or (
            before.text.isalpha() and before.text.islower() and before.low not in _NOT_ROLE_BEFORE_NAME
            and before.low not in SPEECH_VERBS)):  # ('told BBC News:' names the listener)
        # '... - Ida Brandt:', 'More from Ida Brandt:', 'Harbour board chairwoman Ida Brandt:'
        a, b = span
        return Mention(lead[a].start, lead[b].end, text[lead[a].start : lead[b].end], "name")
    return sentence_subject(text, lead[:-1])
