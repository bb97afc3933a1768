"""bench/story_entities.py's `merge_touched(..., chained=True)` (session 28, a screen; not shipped): a story made by
a merge of this pass merges again in it, with a story of 2+ articles, only with a partner whose own best it is. Two
events of one town on the same days, each reported in parts, stay two stories when the part of one that the other
event's story chooses is claimed by its own event's earlier story; the shipped merges make them one."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_entities import merge_touched  # noqa: E402
from tui.models import Article  # noqa: E402
from tui.store import Library  # noqa: E402
from tui.stories import story_of  # noqa: E402
from tui.stories.grouping import DECAY_DAYS, Grouper, Levels, day_number  # noqa: E402

# Our own invented articles: a laboratory fire in a town (two reports on the night, two the day after) and a ferry
# strike in the same town that began the day after (two pairs of reports, each pair by other outlets).
FIRE_OLD = [
    Article(title="Fire guts research laboratory on Harwick's east side",
            source="Harwick Courier", published="2026-05-11",
            body=("A fire tore through the Bellmont research laboratory in Harwick on Monday night, destroying two "
                  "floors of the building and forcing the evacuation of nearby homes.\n\n"
                  "Fire chief Odile Marsh said crews fought the blaze for six hours and that solvents stored in the "
                  "basement fed the flames.\n\n"
                  "Nobody was hurt, but the laboratory's freezers of tissue samples were lost, the company said.\n\n"
                  "Mayor Ivo Brandt said Harwick would help the 40 staff find temporary space.")),
    Article(title="Solvents fed Harwick laboratory blaze, fire chief says",
            source="Valley Post", published="2026-05-11",
            body=("Solvents kept in the basement of the Bellmont laboratory fed the fire that destroyed much of the "
                  "Harwick building, fire chief Odile Marsh said on Monday.\n\n"
                  "Crews from three towns fought the flames through the night; nearby homes were evacuated as a "
                  "precaution.\n\n"
                  "The laboratory said years of tissue samples were lost in the freezers and that nobody was hurt.\n\n"
                  "Mayor Ivo Brandt called the fire a blow to Harwick's hopes of a research district.")),
]
FIRE_NEW = [
    Article(title="Harwick laboratory fire started in basement store, investigators find",
            source="Harwick Courier", published="2026-05-12",
            body=("Investigators said on Tuesday that the fire at the Bellmont laboratory in Harwick began in a "
                  "basement store where solvents were kept.\n\n"
                  "Fire chief Odile Marsh said the store lacked a sprinkler. Smoke drifted over the harbour and the "
                  "ferry terminal, where crews were already on strike.\n\n"
                  "Mayor Ivo Brandt said Harwick would review fire rules for every laboratory in town.")),
    Article(title="Bellmont to rebuild Harwick laboratory after fire",
            source="Valley Post", published="2026-05-12",
            body=("Bellmont will rebuild its Harwick laboratory, the company said on Tuesday, a day after fire "
                  "destroyed two floors.\n\n"
                  "Fire chief Odile Marsh said the blaze started in a basement store of solvents. Smoke reached "
                  "the harbour, where the ferry strike kept boats tied up.\n\n"
                  "Mayor Ivo Brandt welcomed the decision and said Harwick would help staff in the meantime.")),
]
STRIKE_A = [
    Article(title="Harwick ferry crews strike over rosters",
            source="Harwick Courier", published="2026-05-12",
            body=("Ferry crews in Harwick stopped work on Tuesday, leaving the island boats tied up at the "
                  "harbour after talks over rosters broke down.\n\n"
                  "The Harbour Crews Union said 300 deckhands and engineers joined the strike.\n\n"
                  "Mayor Ivo Brandt urged the ferry company and the union to meet again. Islanders queued at the "
                  "terminal for the one boat still running.")),
    Article(title="Island boats idle as Harwick ferry strike begins",
            source="Valley Post", published="2026-05-12",
            body=("The island boats stayed at the Harwick harbour on Tuesday as ferry crews began a strike over "
                  "rosters.\n\n"
                  "The Harbour Crews Union said deckhands and engineers would stay out until the ferry company "
                  "dropped its new rosters.\n\n"
                  "Mayor Ivo Brandt asked both sides to talk. Islanders waited at the terminal for hours.")),
]
STRIKE_B = [
    Article(title="Ferry company offers talks as Harwick strike strands islanders",
            source="Coast Wire", published="2026-05-12",
            body=("The ferry company serving Harwick offered talks with the striking crews on Tuesday, as islanders "
                  "were stranded on both sides of the strait.\n\n"
                  "A union steward said the crews walked out over rosters that cut rest days. Only one boat sailed "
                  "from the harbour.\n\n"
                  "Shops on the island said deliveries had stopped.")),
    Article(title="Harwick ferry strike cuts island deliveries",
            source="Island Times", published="2026-05-12",
            body=("Deliveries to the island stopped on Tuesday as the ferry strike in Harwick kept boats at the "
                  "harbour.\n\n"
                  "The union steward for the crews said rosters that cut rest days caused the walkout, and the "
                  "ferry company offered talks.\n\n"
                  "Islanders were stranded on both sides of the strait.")),
]

PLACE = Levels(0.70, DECAY_DAYS, ())  # each pair of reports a story of its own when placed
MERGE = Levels(0.30, DECAY_DAYS, ())  # the strike's pairs, the fire's, and the strike and the fire's second day agree


def _batch(lib, articles, chained: bool) -> list[int]:
    """Place `articles` as one batch (each pair of reports its own story), then merge the stories at MERGE (as
    shipped, or with the rule)."""
    ids = [i for _, i in lib.add_many(articles)]
    g = Grouper(lib)
    g.levels = PLACE
    days = [day_number(a.published) for a in articles]
    g.load_window(min(days), max(days))
    for i, a in zip(ids, articles):
        g.place(i, a.title, a.body, a.published)
    g.levels = MERGE
    if chained:
        merge_touched(g, None, chained=True)
    else:
        g.merge_touched()
    g.flush()
    return ids


def _stories(lib, ids) -> list[int]:
    return [story_of(lib, i) for i in ids]


def _town(lib, chained: bool) -> tuple[list[int], list[int]]:
    """The fire's stories and the strike's: the fire's first reports a batch of their own, then the rest."""
    fire_old = _batch(lib, FIRE_OLD, chained)
    later = _batch(lib, FIRE_NEW + STRIKE_A + STRIKE_B, chained)
    return _stories(lib, fire_old + later[:2]), _stories(lib, later[2:])


def test_two_events_of_one_town_stay_two_stories_with_the_rule(lib, tmp_path):
    fire, strike = _town(lib, chained=True)
    assert len(set(fire)) == 1 and len(set(strike)) == 1  # each event one story
    assert fire[0] != strike[0]  # not one: the strike's story chose the fire's second day, which chose its first
    shipped = Library(tmp_path / "shipped.db")  # the same batches, merged as shipped: one story
    try:
        fire, strike = _town(shipped, chained=False)
        assert set(fire) == set(strike) and len(set(fire)) == 1
    finally:
        shipped.close()


def test_a_story_made_in_the_pass_still_merges_with_a_partner_that_chooses_it(lib):
    ids = _batch(lib, FIRE_NEW + STRIKE_A + STRIKE_B, chained=True)
    # without the fire's first reports the fire's second day has no better partner than the strike: one story, as
    # the shipped merges make it
    assert len(set(_stories(lib, ids))) == 1
