"""Invented stories (written for these tests; no real event, place or person) whose latest report leads with no turn
of its own, though an earlier day's report told one, and a story whose later reports open with who said something:

- FERRY: ferry crews at Quenmouth walk out; the next day the strike is suspended; the day after, the latest report
  leads with the island's shops restocking (no turn): the briefing kept only the walkout and the shops;
- FLOOD: families flooded out of Marrowby "will go home on Friday" (a time ahead, told on the second day); the third
  day leads with the clean-up."""

from __future__ import annotations

# (title, source, day, body) of each report, oldest first
FERRY = [
    ("Quenmouth ferry crews walk out", "Harl Island News", "2026-12-04",
     "Ferry crews at Quenmouth walked out on Friday in a dispute over rosters, stopping every crossing to the island "
     "of Harl.\n\n"
     "About 900 islanders rely on the ferry to reach work and school on the mainland.\n\n"
     "The crews' union said its members had worked six weekends in a row."),
    ("Harl cut off as Quenmouth ferry strike begins", "Quenmouth Standard", "2026-12-04",
     "The island of Harl was cut off on Friday when ferry crews at Quenmouth walked out over rosters.\n\n"
     "Islanders queued at the slipway in the morning before notices of the walkout were posted.\n\n"
     "Pellow Shipping said it regretted the disruption."),
    ("Quenmouth ferry strike suspended for talks", "Quenmouth Standard", "2026-12-05",
     "The Quenmouth ferry strike was suspended on Saturday after Pellow Shipping agreed to talks on the rosters.\n\n"
     "The first crossing to Harl is due to leave at seven on Sunday morning.\n\n"
     "The union said the talks would begin on Wednesday."),
    ("Harl shops restock as ferries return", "Harl Island News", "2026-12-06",
     "Shops on Harl restocked their shelves on Sunday as the first ferries in three days reached the island "
     "harbour.\n\n"
     "Bread and milk had run out in the island's two shops by Saturday afternoon.\n\n"
     "Islanders said the crossing was calm and the boats were full."),
    ("Harl islanders back at work as ferries run", "Quenmouth Standard", "2026-12-06",
     "Islanders from Harl were back at their mainland jobs on Sunday as ferries crossed from Quenmouth every hour.\n\n"
     "Extra sailings carried vans of bread, milk and post to the island's shops.\n\n"
     "Harl's school will open as usual on Monday."),
]
FERRY_TURN = "strike was suspended on Saturday"

FLOOD = [
    ("Marrowby homes flooded as river bursts its banks", "Fenward Post", "2026-12-04",
     "Sixty families were evacuated from Marrowby on Friday after the River Tarle burst its banks and flooded the "
     "lower town.\n\n"
     "Water stood a metre deep in Mill Lane by the afternoon.\n\n"
     "The families spent the night in the Marrowby leisure centre."),
    ("River Tarle floods Marrowby", "Tarle Valley Radio", "2026-12-04",
     "The River Tarle flooded the lower town of Marrowby on Friday and about sixty families left their homes.\n\n"
     "Firefighters pumped water from the care home on Mill Lane.\n\n"
     "The county council opened the leisure centre as a shelter."),
    ("Marrowby families to return home on Thursday", "Fenward Post", "2026-12-05",
     "Families evacuated from Marrowby will return home on Thursday once their houses have been checked, the county "
     "council said.\n\n"
     "The River Tarle fell by half a metre overnight.\n\n"
     "Electricians will inspect each house before its power is switched back on."),
    ("Marrowby begins the clean-up", "Tarle Valley Radio", "2026-12-06",
     "Volunteers with shovels and brooms cleared mud from the streets of lower Marrowby on Sunday as the River "
     "Tarle went down.\n\n"
     "Skips lined Mill Lane by midday, filled with sodden carpets and furniture.\n\n"
     "The leisure centre said it had served 400 meals since Friday."),
]
FLOOD_TURN = "will return home on Thursday"

# TIDE: three reports of the first day, one of the second that leads with a time still to come ("will return home on
# Saturday"), two of the third that lead with the clean-up: the briefing's three lines were all the first day's
# (session 36)
TIDE = [
    ("Brackwater homes evacuated as sea wall fails", "Orrin Coast News", "2026-12-01",
     "Forty families were evacuated from Brackwater on Tuesday after the sea wall failed at high tide and flooded "
     "Quay Row.\n\n"
     "The water reached the first floor of the harbour cottages by evening.\n\n"
     "The families were taken to the Brackwater church hall for the night."),
    ("Sea wall breach floods Brackwater", "Vessey Radio", "2026-12-01",
     "The sea wall at Brackwater gave way on Tuesday and flooded Quay Row, forcing about forty families from their "
     "homes.\n\n"
     "Coastguard crews carried older residents out of the harbour cottages.\n\n"
     "The church hall was opened as a shelter for the night."),
    ("Brackwater families spend night in church hall", "Tidewell Gazette", "2026-12-01",
     "About forty families from Brackwater spent Tuesday night in the church hall after the sea wall failed.\n\n"
     "Quay Row was under water for most of the evening.\n\n"
     "Volunteers brought blankets and soup to the hall."),
    ("Brackwater families to go home on Saturday", "Vessey Radio", "2026-12-02",
     "Families evacuated from Brackwater will return home on Saturday once engineers have checked the harbour "
     "cottages, the district council said.\n\n"
     "The sea wall was patched with sandbags overnight.\n\n"
     "Engineers will survey each cottage on Quay Row before anyone moves back."),
    ("Brackwater volunteers clear Quay Row", "Tidewell Gazette", "2026-12-03",
     "Volunteers cleared sand and seaweed from Quay Row in Brackwater on Thursday as the tide stayed low.\n\n"
     "Skips lined the harbour by midday.\n\n"
     "The church hall said it had served 300 meals since Tuesday."),
    ("Quay Row clean-up under way", "Orrin Coast News", "2026-12-03",
     "The clean-up of Quay Row in Brackwater went on through Thursday, with volunteers filling skips along the "
     "harbour.\n\n"
     "Shopkeepers said they hoped to reopen by the weekend.\n\n"
     "The church hall stayed open for families."),
]
TIDE_AHEAD = "will return home on Saturday"
# TIDE_HOME: TIDE with a third day's report that the families went home: the second day's "will return home on
# Saturday" is old news then (session 37)
TIDE_HOME = TIDE + [
    ("Brackwater families back in their cottages", "Vessey Radio", "2026-12-03",
     "Families evacuated from Brackwater returned home on Thursday after engineers passed the harbour cottages as "
     "safe.\n\n"
     "Some found their carpets ruined by the sea water.\n\n"
     "The sea wall is still held by sandbags."),
]
TIDE_CAME = "returned home on Thursday"
