"""Two events of one invented town on the same days, three reports each and more (a ferry strike told in two parts, and
the repairs of the quay it holds up), for the big-story rule (tui/stories/grouping.py, screened by
bench/story_big_merges.py): tests/stories/test_stories_kept_apart.py, tests/bench/test_story_big_merges.py; and a
second strike six weeks on for its core-overlap rule: tests/bench/test_story_core_rule.py."""

from __future__ import annotations

from tui.models import Article


def _article(title: str, source: str, day: str, *paragraphs: str) -> Article:
    return Article(title=title, source=source, published=day, body="\n\n".join(paragraphs))


# Our own invented articles. The ferry strike's first reports ...
STRIKE_FIRST = [
    _article("Quillan ferry crews walk out over night shifts", "Quillan Herald", "2026-03-02",
             "Ferry crews in Quillan walked out on Monday over new night shifts, and the island boats stayed at the "
             "quay.",
             "The Sound Crews Union said 140 deckhands and engineers had joined the walkout.",
             "Harbour master Tove Brand said no crossing would sail until the company and the union met."),
    _article("Island boats idle as Quillan ferry strike starts", "Sound Post", "2026-03-02",
             "The island boats stayed tied up in Quillan on Monday as ferry crews began a strike over night shifts.",
             "The Sound Crews Union said deckhands and engineers would stay out until the shifts were dropped.",
             "Islanders queued at the quay for a water taxi, harbour master Tove Brand said."),
    _article("Quillan ferry strike strands islanders", "Coast Wire", "2026-03-02",
             "Islanders were stranded on Monday when Quillan's ferry crews struck over night shifts.",
             "A union steward said the walkout would last until the ferry company withdrew the shifts.",
             "Harbour master Tove Brand said the boats were moored at the quay."),
]
# ... its later reports, which also tell of the quay repairs the strike holds up ...
STRIKE_LATER = [
    _article("Quillan ferry strike enters third day with no talks", "Quillan Herald", "2026-03-03",
             "The Quillan ferry strike over night shifts went into its third day on Tuesday with no talks planned.",
             "The Sound Crews Union said its deckhands and engineers would not sail. The strike has also held up the "
             "quay repairs.",
             "Harbour master Tove Brand said islanders could use the water taxi."),
    _article("Ferry company and union trade blame as Quillan strike goes on", "Sound Post", "2026-03-03",
             "The ferry company and the Sound Crews Union blamed each other on Tuesday as the strike over night shifts "
             "went on.",
             "Deckhands and engineers stayed out and the island boats stayed at the quay, where repairs have stopped.",
             "Harbour master Tove Brand said the water taxi would run twice a day."),
    _article("No end in sight to Quillan ferry strike", "Coast Wire", "2026-03-03",
             "Quillan's ferry crews stayed on strike on Tuesday, and the union said night shifts were still the "
             "sticking point.",
             "The island boats stayed at the quay, and the quay repairs waited for the boats to leave.",
             "Harbour master Tove Brand said a water taxi would carry islanders."),
]
# ... and the quay repairs: another event of the town, the same days.
QUAY = [
    _article("Quillan quay repairs stall", "Quillan Herald", "2026-03-03",
             "Repairs to Quillan's storm-damaged quay stalled on Tuesday, the council said, with the cranes unable to "
             "reach the cracked piles.",
             "Engineers found twelve cracked piles after the February gales. Harbour master Tove Brand said the "
             "moorings would stay.",
             "The council has set aside 2 million for the work."),
    _article("Cracked piles delay Quillan quay work", "Sound Post", "2026-03-03",
             "Twelve cracked piles under Quillan's quay will take longer to replace than planned, council engineers "
             "said on Tuesday.",
             "The February gales cracked the piles. The cranes cannot reach them while boats are moored at the quay, "
             "harbour master Tove Brand said.",
             "The council budgeted 2 million for the repairs."),
    _article("Quillan council defends quay repair budget", "Coast Wire", "2026-03-03",
             "Quillan council defended its 2 million budget for the quay repairs on Tuesday after engineers found "
             "twelve cracked piles.",
             "The piles were cracked by the February gales, and cranes must reach them from the water.",
             "Harbour master Tove Brand said the moorings would stay where they are."),
]
QUAY_NEXT = _article("Quillan quay cranes wait for calm water", "Island Times", "2026-03-04",
                     "The cranes brought to replace Quillan's twelve cracked quay piles waited on Wednesday for calm "
                     "water, council engineers said.",
                     "The February gales cracked the piles. The repairs will cost 2 million.",
                     "Harbour master Tove Brand said the moorings would stay.")
# The days after (session 31, the pairs kept apart): the strike's next two reports, and two more of the quay repairs.
STRIKE_MORE = _article("Quillan ferry strike talks set for Thursday", "Island Times", "2026-03-04",
                       "The ferry company and the Sound Crews Union agreed on Wednesday to meet on Thursday, the fourth "
                       "day of the Quillan ferry strike over night shifts.",
                       "Deckhands and engineers stayed out and the island boats stayed at the quay.",
                       "Harbour master Tove Brand said the water taxi would keep running.")
STRIKE_TALKS = _article("Quillan ferry talks end without a deal", "Quillan Herald", "2026-03-05",
                        "Talks between the ferry company and the Sound Crews Union ended on Thursday without a deal, and "
                        "the Quillan ferry strike over night shifts goes into its fifth day.",
                        "The union said its deckhands and engineers would stay out while the night shifts stood.",
                        "Harbour master Tove Brand said the island boats would stay at the quay.")
QUAY_LATE = [
    _article("Quillan quay piles to be replaced in spring", "Quillan Herald", "2026-03-05",
             "Council engineers said on Thursday the twelve cracked piles under Quillan's quay would be replaced in "
             "spring, when the cranes can reach them.",
             "The February gales cracked the piles, and the repairs will cost 2 million.",
             "Harbour master Tove Brand said the moorings would stay."),
    _article("Quillan council to borrow for quay repairs", "Coast Wire", "2026-03-05",
             "Quillan council will borrow part of the 2 million for the quay repairs, its finance chair said on "
             "Thursday.",
             "Twelve piles were cracked by the February gales, and the cranes wait for calm water.",
             "Harbour master Tove Brand said the moorings would stay where they are."),
]

# ... and a second strike of the same crews six weeks later, over pay: the same town, union, harbour master and words,
# another event (session 33's core-overlap rule, bench/story_big_merges.py).
STRIKE_AGAIN = [
    _article("Quillan ferry crews strike again over pay", "Quillan Herald", "2026-04-13",
             "Ferry crews in Quillan struck again on Monday, this time over pay, and the island boats stayed at the "
             "quay.",
             "The Sound Crews Union said its deckhands and engineers wanted the rise the ferry company had promised in "
             "the winter.",
             "Harbour master Tove Brand said no crossing would sail on Monday."),
    _article("Second Quillan ferry strike leaves islanders waiting", "Coast Wire", "2026-04-13",
             "Islanders waited at the quay on Monday as Quillan's ferry crews walked out for the second time this "
             "spring, over pay.",
             "A union steward said deckhands and engineers would stay out until the ferry company paid the promised "
             "rise.",
             "Harbour master Tove Brand said the water taxi would run twice an hour."),
]


def add_grouped(lib, articles, fed: bool) -> list[int]:
    """`articles` added to `lib` and grouped as the library does: all stored at once then grouped, or (`fed`) one at a
    time, each grouped as it lands, then the settle the background pass runs. Their ids, in order."""
    from tui.stories import group_new, settle

    if not fed:
        ids = [i for _, i in lib.add_many(articles)]
        group_new(lib)
        return ids
    ids = []
    for article in articles:
        ids += [i for _, i in lib.add_many([article])]
        group_new(lib)
    settle(lib)
    return ids
