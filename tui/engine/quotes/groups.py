"""Pieces of one quotation split by its attribution, shown as one quote.

“Shopkeepers,” Amaral said, “are not against buses.” is two quoted spans (the engine keeps both,
with their own offsets), but a reader wants one line: “Shopkeepers … are not against buses.” —
Jorge Amaral. Used by everything that lists quotes for people (the summary pane, copies, the
CLI's text and Markdown output); JSON output keeps the pieces.
"""

from __future__ import annotations

import bisect

from .. import rules
from ..types import Quote, Sentence

GAP = 160  # characters between two pieces at most: the attribution, which may run long
# (‘,” Mayor Helena Matos told reporters outside the council chamber shortly after 4 a.m. “’)


def quote_groups(quotes: list[Quote], sentences: list[Sentence] | None = None) -> list[list[Quote]]:
    """The quotes in article order, each run of pieces of one quotation as one group. With the article's
    `sentences` (Analysis.sentences, split_sentences), two pieces with a whole sentence of the writer's between them
    are two quotations (`_writer_between`)."""
    groups: list[list[Quote]] = []
    starts = [x.start for x in sentences] if sentences else []
    for quote in sorted(quotes, key=lambda q: q.start):
        if groups and _continues(groups[-1][-1], quote) and not _writer_between(groups[-1][-1], quote, sentences, starts):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


def _writer_between(a: Quote, b: Quote, sentences: list[Sentence] | None, starts: list[int]) -> bool:
    """Whether a whole sentence of the writer's lies between pieces `a` and `b` (after a's closing mark, before b's
    opening one; not the attribution holding the speaker's mention, '” Idris Pellow said. “'): the quotation ended
    before it. '“We kept the bus running,” said Wenna Caddick, who drives it. The county has not said when. “But the
    bus ...”' is two quotations, though the "But" would go on with the first (rule "writers-sentence-ends-quotation")."""
    if not sentences:
        return False
    mention = b.speaker_start if b.speaker_start is not None else -1
    k = bisect.bisect_left(starts, a.end)
    while k < len(sentences) and sentences[k].end <= b.start:
        if not sentences[k].start <= mention < sentences[k].end:
            return rules.enabled("writers-sentence-ends-quotation")
        k += 1
    return False


def _continues(a: Quote, b: Quote) -> bool:
    """Whether `b` goes on with the sentence `a` began, split by its attribution: same speaker, a short
    gap holding the attribution (the speaker's mention lies between the pieces), and `b` carrying on the
    sentence (it starts in lower case, or with "I" after a piece that stopped at a comma). A reply of one or two
    words ended by a comma (`_reply`) goes with what its speaker says next, after its own attribution.

    A piece the writer's words lead straight into (it has a `lead`: a phrase held at arm's length, 'called the plan
    “a false economy”', or a quotation finishing the writer's sentence) goes with no later piece: the first piece of
    a split quotation opens it, after a sentence start, a comma or a colon (rule "led-in-piece-ends-there").

    A piece that opens with a word that goes on from what was just said ("But", "And", "Yet", "So", "Or", "Nor":
    `connective`) after a first piece cut by a comma continues it too: '“The footbridge has been our school run,”
    said Idris Pellow. “But we have been asking ...”' is one quotation, whose second half listed alone began "But"
    (rule "connective-goes-on-after-attribution").

    Pieces of different sentences stay apart: '“We had a hard night,” Matos said. “It was an honest
    vote.”' is two quotes, and so are two phrases quoted in one sentence of the writer's ('she would
    “fix the roof” and was “asking around”': no attribution between them).
    """
    if not a.speaker or a.speaker != b.speaker or not 0 <= b.start - a.end <= GAP:
        return False
    if a.lead and isinstance(a.lead, str) and rules.enabled("led-in-piece-ends-there"):
        return False  # 'called the plan “a false economy” after the vote, and Marwood said, “the ...”': two quotes
    if _reply(a) and a.speaker_start is not None and a.end <= a.speaker_start < b.start:
        return True  # '“Two hundred,” Brandt said, smiling. “We will need a bigger hall.”'
    if b.speaker_start is None or not a.end <= b.speaker_start < b.start:
        return False
    head = b.text.lstrip()
    if a.text.rstrip(" ’'\"”)").endswith((".", "!", "?")):
        # the first piece ended its sentence: a second that opens "But ..." right after a bare attribution ('“... forty
        # years.” Idris Pellow said. “But we ...”') still goes on with it (rule "connective-after-bare-attribution")
        return connective(head) and _bare_gap(a, b) and rules.enabled("connective-after-bare-attribution")
    if head[:1].islower() or (a.text.rstrip().endswith(",") and _starts_with_i(head)):
        return True
    # '“The footbridge was our school run,” said Idris Pellow. “But we have asked ...”': the "But" goes on with what
    # the first piece said (rule "connective-goes-on-after-attribution")
    return a.text.rstrip().endswith(",") and connective(head) and rules.enabled("connective-goes-on-after-attribution")


rules.guard(
    "led-in-piece-ends-there", "quotes.groups",
    "a quoted piece the writer's words lead into (a scare-quoted phrase) is not joined to a later piece of its speaker",
    changes=["Ferry master Tobias Lindqvist called the rota “a false economy” after the meeting at Oskby, and "
             "Lindqvist said, “the crews will not accept it without a ballot.”",
             "Ida Brannock said the old slipway was “older than the town hall” when she spoke to reporters, and she "
             "said, “it should stay open all winter.”"],
    keeps=["“The slipway,” councillor Ida Brannock said, “is older than the town hall in Vellmoor.”",
           "“I asked the board for one meeting,” said Ida Brannock, the ward councillor, “and I was given none.”"])


rules.guard(
    "connective-goes-on-after-attribution", "quotes.groups",
    "a piece opening with But/And/Yet/So after its speaker's comma-cut first piece and the attribution continues it",
    changes=["“The footbridge has been the school run for forty years,” said Idris Pellow, who lives on Mill Bank. "
             "“But we have been asking the county politely for three years and nobody has answered.”",
             "“We kept the Lisk ferry going through two winters,” Marit Olsby said. “And we will keep it going "
             "through this one if the county pays the crews.”"],
    keeps=["“We kept the Lisk ferry going through two winters,” Marit Olsby said. “The county has never paid "
           "the crews on time.”",
           "“We kept the Lisk ferry going through two winters.” Marit Olsby said the crews were tired. “But the "
           "county has never paid them on time.”"])


rules.guard(
    "connective-after-bare-attribution", "quotes.groups",
    "a piece opening with But/And/Yet/So after its speaker's whole sentence and a bare attribution continues it",
    changes=["The county closed the Lisk footbridge on Saturday. “The footbridge has been the school run for forty "
             "years.” Idris Pellow said. “But we have been asking the county for three years and nobody has answered.”",
             "The county closed the Lisk footbridge on Saturday. “Who will walk the children to school now?” asked "
             "Idris Pellow. “But nobody at the county has answered a single letter from the parents.”"],
    keeps=["“We kept the Lisk ferry going through two winters.” Marit Olsby said the crews were tired. “But the "
           "county has never paid them on time.”",
           "“We kept the Lisk ferry going through two winters.” Marit Olsby said. “The county has never paid the "
           "crews on time.”"])


rules.guard(
    "writers-sentence-ends-quotation", "quotes.groups",
    "two pieces of one speaker with a whole sentence of the writer's between them are two quotations",
    changes=["“We kept the school bus running through two winters,” said Wenna Caddick, who drives it. The county "
             "has not said when the divers will come. “But the bus cannot cross the ford until they do.”",
             "“We kept the Lisk ferry going through two winters,” Marit Olsby said. The county owes the crews for "
             "March. “And we will keep it going through this one.”"],
    keeps=["“We kept the school bus running through two winters,” said Wenna Caddick, who drives it. “But the bus "
           "cannot cross the ford until the divers come.”",
           "“The slipway,” councillor Ida Brannock said, “is older than the town hall in Vellmoor.”"])


@rules.probe("quotes.groups")
def _probe(text: str) -> list[tuple[str, str | None]]:
    """Each quotation of a text as a reader sees it in a list (group_line) with its speaker."""
    from ..sentences import split_sentences
    from .extract import extract_quotes

    return [(group_line(g), g[0].speaker) for g in quote_groups(extract_quotes(text), split_sentences(text))]


BARE_GAP = 24  # characters between two pieces besides the speaker's mention, at most, for a bare attribution:
# '” Idris Pellow said. “', '” asked Idris Pellow. “', '” Idris Pellow said on Monday. “' (the marks and spaces count)


def _bare_gap(a: Quote, b: Quote) -> bool:
    """Whether only a short attribution of the speaker's mention sits between pieces `a` and `b` (no sentence of the
    writer's besides it: '“...” Marit Olsby said the crews were tired. “But ...”' is more)."""
    if b.speaker_start is None or b.speaker_end is None:
        return False
    return (b.start - a.end) - (b.speaker_end - b.speaker_start) <= BARE_GAP


def _reply(q: Quote) -> bool:
    """A reply of one or two words ended by a comma ("Sixteen thousand,"): a quotation, but not one a reader can take
    on its own in a list of quotes; it is shown with the next thing its speaker says after the attribution."""
    return q.text.rstrip().endswith(",") and len(q.text.split()) < 3


_CONNECTIVES = frozenset({"But", "And", "Yet", "So", "Or", "Nor"})


def connective(words: str) -> bool:
    """'But we ...', 'And, as ...': a capitalised word that goes on from what was said before it."""
    first = words.split(None, 1)[0].rstrip(",") if words.split() else ""
    return first in _CONNECTIVES and len(words.split()) > 1


def _starts_with_i(words: str) -> bool:
    """'I did', 'I’m', "I'd": the one capitalised word that carries a sentence on."""
    return words[:1] == "I" and (len(words) == 1 or words[1] in " ’'")


def group_text(group: list[Quote]) -> str:
    """The words of a group as one quotation: pieces joined by " … " (a piece's closing comma dropped)."""
    return " … ".join(" ".join(q.text.split()).rstrip(",;:") for q in group)


def group_line(group: list[Quote]) -> str:
    """The quotation as a reader sees it in a list: its words in marks, after the writer's words that lead into it
    when it finishes their sentence (Quote.lead: 'the crews would “listen before they walk out.”')."""
    return quoted(group_text(group), group[0].lead)


def quoted(text: str, lead=None) -> str:
    """Quoted words in marks, after `lead` (the writer's words that lead into them, Quote.lead) when there is one:
    how every list of quotes shows one (the article's key quotes, the story view's quotes by speaker, the briefing's
    quote, the person page, their copies and the CLI). A lead that is no text (a damaged stored analysis) is left
    out."""
    words = "“" + text + "”"
    return f"{lead} {words}" if lead and isinstance(lead, str) else words


def group_span(group: list[Quote]) -> tuple[int, int]:
    """From the start of the first piece to the end of the last."""
    return group[0].start, group[-1].end
