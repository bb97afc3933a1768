"""Grouping levels by how crowded a batch's days are (tui/stories/density.py): a dense stream of look-alike reports of
different companies is not one story, while an event from three outlets still is."""

from __future__ import annotations

import random

from tui.models import Article
from tui.stories import group_new, story_of
from tui.stories.density import BY_DENSITY, REFERENCE, neighbours, row_for
from tui.stories.grouping import LIBRARY, crowded

# Our own invented reports: results of invented companies, written from a pool of stock sentences (each report uses
# three of them, so two reports share a few words of the trade) plus sentences of their own.
STOCK = [
    "{co} reported quarterly earnings, with net profit of {a} million against {b} million a year earlier.",
    "Revenue at {co} rose {p} percent in the quarter, helped by demand for its {prod}.",
    "The {city} company said operating margins widened and it raised its dividend to {c} cents a share.",
    "Shares of {co} gained {p} percent in early trading after the results beat analysts' forecasts.",
    "Chief executive {boss} said the outlook for the rest of the fiscal year remained strong.",
    "{co} also announced a buyback of {a} million shares over the next twelve months.",
    "Analysts had expected earnings of {c} cents per share on revenue of {b} million.",
    "The maker of {prod} cut costs at its {city} plant and reduced its debt during the quarter.",
    "Quarterly sales of {prod} climbed to a record, the company said in a statement.",
    "{boss}, who took over as chief executive last year, credited new contracts for the gains.",
]
FAIR = ["The {x} fair in {city} drew {a} hundred visitors over the weekend with music and food stalls.",
        "Organisers of the {x} show in {city} said {boss} would open the exhibition of {prod} next month.",
        "A {x} club in {city} celebrated its {a}th year with a parade led by {boss}."]
EVENT = [
    ("Floodgates fail at Tarnholm dock, barges sink",
     "The Tarnholm dock floodgates gave way overnight and four grain barges sank at their moorings. Harbour master "
     "Ostrid Velander closed the dock while divers checked the hulls. Grain traders warned of delays."),
    ("Tarnholm dock shut after floodgate collapse",
     "Harbour master Ostrid Velander kept the Tarnholm dock shut after its floodgates collapsed and sank four grain "
     "barges. Divers began surveying the sunken hulls; grain shipments were diverted."),
    ("Divers survey barges sunk in Tarnholm floodgate failure",
     "Divers surveyed the four grain barges that sank when the Tarnholm floodgates failed. Ostrid Velander, the "
     "harbour master, said the dock would stay closed until the gates were rebuilt."),
]
SYLLABLES = "ka lo mi ne ru ta vo si ge pa du be fi zo ra mu te li no sa".split()


def _stream() -> tuple[list[Article], list[str]]:
    """120 articles over three days (40 a day, as feeds deliver): a third company results, the rest fairs, and the
    three reports of one dock accident; with each article's kind."""
    rng = random.Random(7)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(3))

    def name() -> str:
        return f"{word().capitalize()} {word().capitalize()}"

    arts, kinds = [], []
    for day in range(3):
        for i in range(40):
            f = dict(co=f"{word().capitalize()} {rng.choice(['Corp', 'Industries', 'Holdings'])}", a=rng.randint(10, 900),
                     b=rng.randint(10, 900), c=rng.randint(5, 99), p=rng.randint(2, 30), prod=word(),
                     city=word().capitalize(), boss=name(), x=word())
            if day == 1 and i >= 37:
                title, body = EVENT[i - 37]
                kinds.append("event")
            elif i % 3 == 0:
                own = " ".join(f"The {word()} of {word()} {word()} was {word()} by {f['boss']} at the {word()} {word()}."
                               for _ in range(4))
                title = f"{f['co']} {word()} {word()}"
                body = " ".join(s.format(**f) for s in rng.sample(STOCK, 3)) + " " + own
                kinds.append("results")
            else:
                title, body = f"{f['x'].capitalize()} in {f['city']}", " ".join(s.format(**f) for s in FAIR)
                kinds.append("fair")
            arts.append(Article(title=title, body=body, source=f"Outlet {i % 5}", published=f"2026-03-{10 + day:02d}"))
    return arts, kinds


def test_the_first_row_is_the_library_levels_and_levels_rise_with_crowding():
    assert BY_DENSITY[0] == (1, LIBRARY.join, LIBRARY.bridge, LIBRARY.average)
    joins = [join for _, join, *_ in BY_DENSITY]
    assert joins == sorted(joins) and joins[-1] > joins[0]
    assert [m for m, *_ in BY_DENSITY] == sorted(m for m, *_ in BY_DENSITY)


def test_neighbours_count_the_others_within_a_day():
    assert neighbours([]) == 0.0
    assert neighbours([5]) == 0.0
    # day 1 twice: each sees the other and the one on day 2; day 2 sees both; day 9 sees none
    assert neighbours([1, 1, 2, 9]) == (2 + 2 + 2 + 0) / 4


def test_a_sparse_batch_keeps_the_library_levels_and_a_crowded_one_takes_its_row():
    sparse = [d for d in range(100) for _ in range(3)]  # three a day: about PolNeAR's crowding or less
    assert neighbours(sparse) / REFERENCE < 1.25
    assert crowded(sparse) is LIBRARY
    dense = [d for d in range(10) for _ in range(40)]  # forty a day
    m = neighbours(dense) / REFERENCE
    row = row_for(dense)
    assert row[0] <= m < next((r[0] for r in BY_DENSITY if r[0] > row[0]), float("inf"))
    assert crowded(dense).join == row[1] > LIBRARY.join


def test_a_crowded_stream_of_company_results_is_not_one_story_but_an_event_from_three_outlets_is(lib):
    arts, kinds = _stream()
    ids = [ident for _, ident in lib.add_many(arts)]
    assert group_new(lib) == len(arts)
    story = [story_of(lib, i) for i in ids]
    results = [s for s, k in zip(story, kinds) if k == "results"]
    biggest = max(results.count(s) for s in set(results))
    assert biggest <= 2  # different companies' results: at most a chance pair, never a story of the trade
    event = {s for s, k in zip(story, kinds) if k == "event"}
    assert len(event) == 1  # the dock accident is one story
    assert story.count(next(iter(event))) == 3  # of its three reports only
