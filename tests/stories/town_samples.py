"""Two events of one invented town on the same days, each reported in parts (a laboratory fire and a ferry strike),
for the merge-order rule of METHOD 7 (grouping.Grouper.merge_touched): tests/stories/test_chained_merges.py and
tests/bench/test_story_chained_merges.py. `batch` places a batch of them, each pair of reports a story of its own,
then merges the stories at MERGE."""

from __future__ import annotations

from tui.models import Article
from tui.stories import story_of
from tui.stories.grouping import DECAY_DAYS, Grouper, Levels, day_number

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


def batch(lib, articles, merge=None) -> list[int]:
    """Place `articles` as one batch (each pair of reports its own story), then merge the stories at MERGE: as shipped
    (`Grouper.merge_touched`) or by `merge(grouper)`. Returns the articles' ids."""
    ids = [i for _, i in lib.add_many(articles)]
    g = Grouper(lib)
    g.levels = PLACE
    days = [day_number(a.published) for a in articles]
    g.load_window(min(days), max(days))
    for i, a in zip(ids, articles):
        g.place(i, a.title, a.body, a.published)
    g.levels = MERGE
    if merge is None:
        g.merge_touched()
    else:
        merge(g)
    g.flush()
    return ids


def stories(lib, ids) -> list[int]:
    return [story_of(lib, i) for i in ids]


def town(lib, merge=None) -> tuple[list[int], list[int]]:
    """The fire's stories and the strike's: the fire's first reports a batch of their own, then the rest."""
    fire_old = batch(lib, FIRE_OLD, merge)
    later = batch(lib, FIRE_NEW + STRIKE_A + STRIKE_B, merge)
    return stories(lib, fire_old + later[:2]), stories(lib, later[2:])
