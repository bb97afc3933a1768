"""Small libraries of our own invented articles where two events of one town share the town's name and officials (issue
13, grouping): a dam's cracks and a library's reopening in Corrowby, a ferry's engine fault and harbour wall repairs in
Dunmarch, and one event of both towns (a storm that shuts the coast road between them). Each event is told by a few
outlets. And a third town's council vote on a harbour hotel, reported over three days (VOTE: (file stem, title,
source, day, body) each, as added_steps.add_as_markdown takes them). Used by tests/stories/test_one_town_events.py, test_story_title.py
and test_story_title_removed.py."""

from __future__ import annotations

from tui.models import Article


def _article(title: str, source: str, day: str, *paragraphs: str) -> Article:
    return Article(title=title, source=source, published=day, body="\n\n".join(paragraphs))


# Corrowby: cracks in the Hallin Dam above the town (three outlets, then a follow-up that names the library) ...
DAM = [
    _article("Cracks found in Hallin Dam above Corrowby", "Valley Courier", "2026-12-07",
             "Engineers found cracks in the Hallin Dam above Corrowby on Monday, and the water board lowered the "
             "reservoir by two metres as a precaution.",
             "Chief engineer Maren Oskett said the cracks ran along the spillway and were up to four metres long.",
             "Mayor Jory Tallant said Corrowby was not in danger and that homes below the dam would be told first "
             "if that changed."),
    _article("Corrowby water board lowers reservoir after dam cracks", "Northfold Gazette", "2026-12-07",
             "The Corrowby Water Board began lowering the reservoir behind the Hallin Dam on Monday after cracks were "
             "found along its spillway.",
             "\"We are taking no chances with the spillway,\" chief engineer Maren Oskett said. Divers will inspect the "
             "dam's face this week.",
             "Mayor Jory Tallant asked residents below the dam to sign up for text alerts."),
    _article("Spillway cracks: divers to inspect Hallin Dam", "Coast Wire", "2026-12-07",
             "Divers will inspect the Hallin Dam near Corrowby after cracks up to four metres long were found in its "
             "spillway, the water board said.",
             "The reservoir is being lowered by two metres. Chief engineer Maren Oskett said repairs could cost more "
             "than 3 million.",
             "Corrowby's mayor, Jory Tallant, said the council would meet the water board on Wednesday."),
    _article("Hallin Dam repairs could take a year, water board says", "Valley Courier", "2026-12-08",
             "Repairs to the cracked spillway of the Hallin Dam could take a year, the Corrowby Water Board said on "
             "Tuesday after the divers' first inspection.",
             "Chief engineer Maren Oskett said the reservoir would stay two metres low until the spillway was rebuilt.",
             "Mayor Jory Tallant said residents could put their questions at a public meeting on Thursday evening at "
             "the Corrowby library."),
]
# ... and, the same days, the reopening of the town's library (the same mayor, the same council).
LIBRARY = [
    _article("Corrowby library reopens after two-year rebuild", "Valley Courier", "2026-12-06",
             "The Corrowby library reopened on Sunday after a two-year rebuild, with a children's wing, a cafe and "
             "twice the shelf space.",
             "Head librarian Ada Penrick said 1,200 people came through the doors in the first hour.",
             "Mayor Jory Tallant cut the ribbon and thanked the volunteers who moved 40,000 books back by hand."),
    _article("Queues as rebuilt Corrowby library opens its doors", "Northfold Gazette", "2026-12-06",
             "Readers queued around the block on Sunday as the rebuilt Corrowby library opened its doors.",
             "\"The children's wing was full before ten,\" head librarian Ada Penrick said. Volunteers carried the "
             "books back from the old school where they were stored.",
             "Mayor Jory Tallant said the council had kept the rebuild within its budget."),
]
# Dunmarch: the island ferry breaks down (its spare part comes from the town's yard) ...
FERRY = [
    _article("Ferry service to Varra Island suspended after engine fault", "Coast Wire", "2026-12-07",
             "The ferry between Dunmarch and Varra Island was suspended on Monday after an engine fault left the "
             "Skylark drifting for an hour off the point.",
             "Northsound Lines spokeswoman Liss Harrow said a spare gearbox part would come from the Dunmarch yard "
             "and the crossing could resume by Friday.",
             "Islanders were told to use the Tuesday supply boat."),
    _article("Varra islanders cut off as Skylark ferry breaks down", "Island Times", "2026-12-07",
             "Varra Island's only ferry, the Skylark, was taken out of service on Monday after its engine failed "
             "during the morning crossing from Dunmarch.",
             "Liss Harrow of Northsound Lines said the gearbox part was being made in Dunmarch and the ferry should "
             "sail again by Friday.",
             "The island school closed for the week because its teachers live on the mainland."),
]
# ... and the same day the repairs of its harbour wall begin.
WALL = [
    _article("Dunmarch harbour wall repairs begin", "Coast Wire", "2026-12-07",
             "Work to rebuild a 60-metre stretch of Dunmarch's harbour wall began on Monday, ten months after winter "
             "storms tore it open.",
             "Harbourmaster Tam Reddick said the fishing boats would moor at the north quay until the work was "
             "finished in the spring.",
             "The repairs will cost 4.5 million, shared by the council and the harbour trust."),
    _article("Cranes arrive for Dunmarch harbour wall rebuild", "Island Times", "2026-12-07",
             "Two cranes arrived in Dunmarch on Monday to start the rebuild of the harbour wall breached by last "
             "winter's storms.",
             "\"The wall has stood for 150 years and it needs to stand for another 150,\" harbourmaster Tam Reddick "
             "said.",
             "The harbour trust said the fishing fleet would use the north quay while the work went on."),
]
# One event of both towns: a storm shuts the coast road between them (it must stay one story).
ROAD = [
    _article("Landslip shuts coast road between Corrowby and Dunmarch", "Valley Courier", "2026-12-05",
             "A landslip after two days of rain shut the coast road between Corrowby and Dunmarch on Saturday, and "
             "drivers face a 40-mile detour inland.",
             "Highways manager Bryn Callow said the slope above the road was still moving and would be watched by "
             "drones overnight.",
             "Buses between the two towns will run through the hills."),
    _article("Drivers face long detour as landslip blocks Corrowby road", "Northfold Gazette", "2026-12-05",
             "Drivers between Dunmarch and Corrowby face a 40-mile detour after a landslip covered the coast road on "
             "Saturday.",
             "\"The slope is still moving, so nobody goes near it,\" highways manager Bryn Callow said.",
             "The road could stay shut for a week while the mud and rock are cleared."),
    _article("Coast road landslip: slope still moving, says highways chief", "Coast Wire", "2026-12-06",
             "The slope above the landslip on the coast road between Corrowby and Dunmarch was still moving on "
             "Sunday, highways manager Bryn Callow said.",
             "Engineers will decide on Monday whether to blast the loose rock. Drivers still face the detour "
             "inland.",
             "Buses between the towns are running through the hills."),
]

# Our own invented articles: a town council's vote on a harbour hotel, reported over three days.
VOTE = [
    ("01", "Pellrow council to vote on harbour hotel", "Pellrow Echo", "2026-09-14",
     "Pellrow town council will vote on Thursday on plans for a 90-room hotel on the harbour's north quay.\n\n"
     "Councillor Idris Fenwell said the hotel would bring 120 jobs to the harbour. Fishing crews fear losing "
     "their moorings on the north quay."),
    ("02", "Harbour hotel plan splits Pellrow", "Coast Wire", "2026-09-14",
     "A plan for a 90-room hotel on Pellrow's north quay has split the town before Thursday's council vote.\n\n"
     "Fishing crews say the hotel would take their moorings. Councillor Idris Fenwell said 120 jobs were at stake."),
    ("03", "Pellrow harbour hotel vote postponed", "Pellrow Echo", "2026-09-17",
     "Pellrow council postponed Thursday's vote on the 90-room harbour hotel after fishing crews asked for a "
     "survey of the north quay moorings.\n\n"
     "Councillor Idris Fenwell said the vote would come back in October, once the survey of the quay was done."),
]

EVENTS = {"dam": DAM, "library": LIBRARY, "ferry": FERRY, "wall": WALL, "road": ROAD}
ALL = [a for event in EVENTS.values() for a in event]
