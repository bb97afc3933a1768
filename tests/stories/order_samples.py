"""Our own articles (invented towns, people and outlets) for what a reader saw in session 31's sample stories: a
scare-quoted phrase joined to a later lower-case piece of its speaker's across the writer's words and a second
"said"; that lower-case piece scored above a whole quotation; a speaker's quotes in the story view by outlets first;
"Ferry" opening a sentence read as an organisation because "the Vellmoor Ferry Company" is named later. Two outlets,
two days, one strike of ferry crews."""

from __future__ import annotations

from tui.models import Article

SPEAKER = "Ida Brannock"
PHRASE = "a false economy"  # scare-quoted, led into by the writer's words
PHRASE_LEAD = "Councillor Ida Brannock called the closure"
SCRAP = "the 400 people of Oskby and Tarrow will be cut off from the mainland until March."  # after 'said,' in lower case
WHOLE = "We asked the ferry board for one meeting since May and we were given none,"  # a whole quotation, day one
LATEST = "Our crews will not sail again until the council opens the slipway,"  # day two

COURIER = Article(
    title="Vellmoor ferry crews stop the Oskby crossing over slipway closure",
    source="Vellmoor Courier",
    published="2026-09-14",
    body=("Ferry crews in Vellmoor stopped the Oskby crossing on Monday after the council voted to shut the slipway "
          "for the winter.\n\n"
          f"{PHRASE_LEAD} “{PHRASE}” after the vote, and Brannock said, “{SCRAP}”\n\n"
          f"“{WHOLE}” Brannock said.\n\n"
          "The Vellmoor Ferry Company said the boats would stay in the harbour until the council met again."),
)
ISLANDER = Article(
    title="Oskby crossing stays shut as Vellmoor ferry crews strike for a second day",
    source="Oskby Islander",
    published="2026-09-15",
    body=("Ferry crews in Vellmoor stayed off the boats for a second day on Tuesday, and islanders on Oskby queued for "
          "the one water taxi after the council voted to shut the slipway for the winter.\n\n"
          f"“{LATEST}” councillor {SPEAKER} said on Tuesday.\n\n"
          "The Vellmoor Ferry Company said talks with the council about the slipway would begin on Thursday."),
)

ALL = [COURIER, ISLANDER]
