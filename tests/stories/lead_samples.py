"""Our own articles (invented town, people and outlets) for the quotes that finish a sentence of the writer's
('Greta Solberg said the crews would “go back to the boats once the rota is torn up.”', Quote.lead): wherever a
quote is listed, those words come before it; and a story's strongest quote is a quotation that stands on its own
when it has one, even if the fragment was printed by more outlets."""

from __future__ import annotations

from tui.models import Article

FRAGMENT = "go back to the boats once the rota is torn up."
LEAD = "Union steward Greta Solberg said the crews would"  # (the first report's words, the one the story keeps)
FULL = "We asked the company for one meeting and we were given none,"
SPEAKER = "Greta Solberg"

# Two outlets' reports of one strike: both print the fragment (two outlets), only the first the full quotation.
TIDINGS = Article(
    title="Holmvik ferry crews stop work over the winter rota",
    source="Holmvik Tidings",
    published="2026-05-04",
    body=("Ferry crews in Holmvik stopped work on Monday over a new winter rota that would cut their rest days.\n\n"
          f"{LEAD} “{FRAGMENT}”\n\n"
          f"“{FULL}” Solberg said outside the ferry terminal.\n\n"
          "The Holmvik Ferry Company said talks with the union would start on Wednesday."),
)
COURIER = Article(
    title="Holmvik ferries idle as crews walk out over rota",
    source="Fjordline Courier",
    published="2026-05-04",
    body=("Ferry crews in Holmvik walked off the boats on Monday in a row over the winter rota and their rest days.\n\n"
          f"Greta Solberg, the union steward, said the crews would “{FRAGMENT}”\n\n"
          "The Holmvik Ferry Company said talks would start on Wednesday, and passengers were told to take the "
          "coast road."),
)

# A story of its own whose one quotation finishes a sentence of the writer's: the briefing's quote is that fragment.
BAKERY_FRAGMENT = "stay cold until the flour comes back from the mill."
BAKERY_LEAD = "Jonas Lindqvist, the baker, said the ovens would"
BAKERY = Article(
    title="Tarnby bakery shuts its ovens as flour runs out",
    source="Tarnby Post",
    published="2026-05-04",
    body=("The only bakery in Tarnby closed its doors on Monday after its flour ran out.\n\n"
          "Queues formed outside the shop on the market square before dawn, and by nine the shelves were bare.\n\n"
          "The mill at Orsa has been shut since a fire in April.\n\n"
          f"{BAKERY_LEAD} “{BAKERY_FRAGMENT}”"),
)

ALL = [TIDINGS, COURIER, BAKERY]
