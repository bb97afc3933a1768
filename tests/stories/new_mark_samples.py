"""Invented stories for the "new" marks of the briefing and the story view (written for these tests; no real event,
place or person).

FOOTBRIDGE: one report on its first day, four outlets the next: against so little before, every line is new.
BYPASS: a story told within one day, as JSON records with the time each came into the library (`added_at`): two
morning reports of a vote to come, then the evening's report that the vote was postponed."""

from __future__ import annotations

# (title, source, day, body) of each report, oldest first
FOOTBRIDGE = [
    ("Tarnwick footbridge shut after cracks found", "Tarnwick Gazette", "2026-03-02",
     "Engineers closed the Tarnwick footbridge over the Lune Water on Monday after cracks were found in two of its "
     "stone supports.\n\n"
     "The bridge links the Millbeck estate with the town's railway station.\n\n"
     "The district council said the closure was a precaution."),
    ("Tarnwick walkers face long detour as footbridge stays shut", "Fellgate Times", "2026-03-03",
     "Walkers from the Millbeck estate in Tarnwick faced a two-mile detour on Tuesday while the footbridge over the "
     "Lune Water stayed shut.\n\n"
     "Commuters said the walk to the station now took forty minutes instead of ten.\n\n"
     "A minibus will run between the estate and the station every half hour from Wednesday."),
    ("Tarnwick footbridge repairs could take a month", "Lunedale Radio", "2026-03-03",
     "Repairs to the Tarnwick footbridge could take a month, district council engineer Petra Halloway said on "
     "Tuesday.\n\n"
     "Divers will inspect the riverbed around the damaged supports later this week.\n\n"
     "Halloway said the cracks may have been caused by the winter floods."),
    ("Millbeck traders count cost of Tarnwick bridge closure", "Westmarch Post", "2026-03-03",
     "Shops on Millbeck Parade in Tarnwick said takings fell by a third on Tuesday after the closure of the "
     "footbridge cut them off from station traffic.\n\n"
     "The parade's cafe owner, Doran Vickery, said mornings had gone quiet.\n\n"
     "Traders asked the district council to waive this month's business rates."),
    ("Council sets aside funds for Tarnwick footbridge", "Fellgate Times", "2026-03-03",
     "The district council set aside 240,000 pounds on Tuesday to repair the Tarnwick footbridge and reinforce its "
     "supports against future floods.\n\n"
     "Council leader Una Brackley said the money would come from the roads budget.\n\n"
     "Opposition councillors asked why the bridge had not been inspected since 2019."),
]

BYPASS = [
    {"title": "Saltmere council to vote on Harlow Road bypass tonight", "source": "Saltmere Echo",
     "published": "2026-06-09", "added_at": "2026-06-09T07:40:00Z",
     "body": "Saltmere's council will vote on Tuesday evening on plans for a four-mile bypass around the village of "
             "Harlow Road, a scheme that has divided the town for a decade.\n\n"
             "The county highways board says the bypass would take 9,000 lorries a week out of the high street.\n\n"
             "Residents of Fenwick Lane fear the new road would cut their estate off from the river path.\n\n"
             "Council leader Ines Carrow said members would have a free vote."},
    {"title": "Harlow Road bypass vote splits Saltmere", "source": "Coastline Radio",
     "published": "2026-06-09", "added_at": "2026-06-09T08:15:00Z",
     "body": "Saltmere councillors meet on Tuesday evening to vote on a four-mile bypass around Harlow Road, with the "
             "town split over the plans.\n\n"
             "Supporters say 9,000 lorries a week would leave the high street.\n\n"
             "A petition against the route has gathered 2,100 names, organisers said.\n\n"
             "Ines Carrow, the council leader, has not said how she will vote."},
    {"title": "Saltmere council postpones bypass vote", "source": "Saltmere Echo",
     "published": "2026-06-09", "added_at": "2026-06-09T21:05:00Z",
     "body": "Saltmere's council postponed its vote on the Harlow Road bypass on Tuesday evening, after the county "
             "surveyor warned that the flood survey for the river crossing was out of date.\n\n"
             "Ines Carrow told a crowded chamber that the council would not decide without a new survey.\n\n"
             "Residents in the public gallery cheered the delay, while the highways board said it regretted the "
             "decision.\n\n"
             "A new survey is due in September."},
]
