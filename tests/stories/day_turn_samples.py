"""Invented stories told over three days (written for these tests; no real event, place or person) whose latest
report leads with the day's turn in words mostly of the earlier reports:

- DAM: families evacuated below a leaking dam "will go home on Thursday" (a day of the week ahead: a new time for
  the evacuation), in a report whose other lines (a scare-quoted complaint, a report to come) were marked new when
  its lead was not;
- BUS: a drivers' strike "suspended ... after the company raised its offer to 6.5 per cent" (a turn and a new figure
  for the offer of 4 per cent);
- SEARCH: a search for two walkers whose latest report leads with its teams halting for lunch, a turn word whose
  object is no event, plan or subject of the story."""

from __future__ import annotations

# (title, source, day, body) of each report, oldest first
DAM = [
    ("Leak forces evacuation below Skelderton dam", "Skelderton Courier", "2026-12-05",
     "Around 140 families were evacuated from homes below the Skelderton reservoir dam on Saturday after engineers "
     "found water leaking through its earth wall.\n\n"
     "The Pellmoor Water Board said the leak was small but growing, and that it had begun lowering the reservoir.\n\n"
     "\"We are not taking any chances with people's lives,\" said Hesper Vane, the board's chief engineer.\n\n"
     "Families spent the night in the Skelderton village hall and a school in Brisketh."),
    ("Families leave homes as Skelderton dam leaks", "Ardwyn Wire", "2026-12-05",
     "Residents of Lower Skelderton left their homes on Saturday as water seeped through the wall of the Skelderton "
     "dam.\n\n"
     "Police closed the valley road and about 140 households were taken to emergency shelters.\n\n"
     "Hesper Vane of the Pellmoor Water Board said pumps were lowering the water level by a metre a day."),
    ("Split pipe found in Skelderton dam wall", "Skelderton Courier", "2026-12-06",
     "Engineers at the Skelderton dam found a split outlet pipe inside its earth wall on Sunday, the likely source "
     "of the leak that emptied the village below.\n\n"
     "Water had been running along the outside of the pipe and washing soil out of the wall, Hesper Vane said.\n\n"
     "The reservoir has been lowered by two metres since Saturday.\n\n"
     "Evacuated families remain in the village hall, and the board has paid for hotel rooms for forty of them."),
    ("Skelderton families to go home as dam leak is sealed", "Ardwyn Wire", "2026-12-07",
     "Families evacuated from below the Skelderton dam will go home on Thursday after engineers sealed the split pipe "
     "with grout, the Pellmoor Water Board said.\n\n"
     "The repair bill has doubled to £4.8m, the board said, and the reservoir will stay low until spring.\n\n"
     "Some residents called the evacuation \"an overreaction\" and said they had been given too little warning.\n\n"
     "The Pellmoor Water Board will publish its summer inspection report of the dam next week.\n\n"
     "\"The dam is safe, and it will be watched every hour until the spring,\" Hesper Vane said."),
]
DAM_TURN = "will go home on Thursday"

BUS = [
    ("Orravale bus drivers vote to strike", "Orravale Echo", "2026-12-05",
     "Bus drivers in Orravale will strike from Monday after a vote over pay, their union said.\n\n"
     "Of the 212 drivers who voted, 187 backed a walkout.\n\n"
     "\"Drivers have been patient for long enough,\" said Colm Ardley of the Transit Guild.\n\n"
     "Orravale Buses said it had offered a rise of 4 per cent."),
    ("Orravale strike goes to arbitration", "Northmarsh Radio", "2026-12-06",
     "The Orravale bus strike has been referred to an arbitration panel after talks between the union and Orravale "
     "Buses broke down on Sunday.\n\n"
     "The panel will hear both sides on Tuesday.\n\n"
     "Colm Ardley said drivers would stay out while the panel sat."),
    ("Orravale bus strike suspended after new offer", "Orravale Echo", "2026-12-07",
     "The Orravale bus strike was suspended on Monday after Orravale Buses raised its offer to 6.5 per cent.\n\n"
     "Drivers will vote on the new offer next week, and buses will run normally in the meantime.\n\n"
     "Colm Ardley said the offer was a step forward."),
]
BUS_TURN = "raised its offer to 6.5 per cent"

SEARCH = [
    ("Two walkers missing on Carrow Pike", "Brisketh Gazette", "2026-12-05",
     "Two walkers were reported missing on Carrow Pike on Saturday evening after they failed to return to their car "
     "at the Brisketh road end.\n\n"
     "Forty volunteers from the Carrow mountain rescue team searched the summit ridge through the night.\n\n"
     "\"The cloud came down very quickly this afternoon,\" said Ysolde Marr, the team's leader."),
    ("Search for Carrow Pike walkers goes on", "Ardwyn Wire", "2026-12-06",
     "The search for two walkers missing on Carrow Pike went on through Sunday, with a coastguard helicopter joining "
     "the volunteers.\n\n"
     "Ysolde Marr said the teams were checking the gullies on the north face.\n\n"
     "The walkers' families have travelled to Brisketh to wait for news."),
    ("Carrow Pike teams pause at the Brisketh inn", "Brisketh Gazette", "2026-12-07",
     "Volunteers from three valleys halted for lunch at the Brisketh inn on Monday, where its landlady served soup "
     "and bread to every one of them free of charge.\n\n"
     "The teams went back up the hill within the hour, Ysolde Marr said.\n\n"
     "The helicopter flew over the north face again in the afternoon."),
]
SEARCH_LUNCH = "halted for lunch"

# A story told within one day, as JSON records with the time each was published (a feed's): a festival announced in the
# morning, called off two hours later, then the traders' losses (a lead with no turn of its own). The called-off
# report was lost from the briefing once the traders' came.
FESTIVAL = [
    {"title": "Wrenholt winter festival to open on Friday", "source": "Wrenholt Post", "published": "2026-12-07",
     "published_at": "2026-12-07T06:05:00Z", "added_at": "2026-12-08T08:00:00Z",
     "body": "The Wrenholt winter festival will open on Friday with a lantern parade through the old town, organisers "
             "said.\n\n"
             "More than 20,000 visitors are expected over the three days, and traders have stocked up for the busiest "
             "weekend of the year.\n\n"
             "\"This is the festival's biggest programme yet,\" said Calla Dunstow, its director."},
    {"title": "Wrenholt winter festival called off over storm warning", "source": "Coastline Radio",
     "published": "2026-12-07", "published_at": "2026-12-07T08:50:00Z", "added_at": "2026-12-08T08:00:00Z",
     "body": "The Wrenholt winter festival has been called off after forecasters issued a storm warning for the "
             "weekend, its organisers said.\n\n"
             "Calla Dunstow said the lantern parade and the market would not go ahead, and that tickets would be "
             "refunded.\n\n"
             "\"We cannot put 20,000 people on the harbour front in a gale,\" she said."},
    {"title": "Wrenholt traders count the cost", "source": "Wrenholt Post", "published": "2026-12-07",
     "published_at": "2026-12-07T10:05:00Z", "added_at": "2026-12-08T08:00:00Z",
     "body": "Traders in Wrenholt said they faced heavy losses this weekend, many of them with stock bought for the "
             "busiest days of the year.\n\n"
             "The owner of a bakery on Quay Street said she had ordered three times her usual flour.\n\n"
             "The town council said it would look at ways to help businesses in the old town."},
]
CALLED_OFF = "has been called off"
