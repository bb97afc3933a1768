"""An invented story whose latest report moves its end date (written for these tests; no real event, place or
person): a rail bridge shut by flood scour, buses in its place, then the closure to last "until the middle of
January", twice the first estimate. Its latest lead names no turn word ("postponed", "called off") and no new figure:
its news is a new time for the closure. RECAP_LEAD: the same latest report leading with the story so far in the earlier
reports' words, then that new time."""

from __future__ import annotations

# (title, source, day, body) of each report, oldest first
BRIDGE = [
    ("Flood scour shuts Kelderby rail bridge", "Kelderby Courier", "2026-11-30",
     "The Kelderby rail bridge over the River Ousel was closed on Monday after divers found that floodwater had "
     "scoured away the riverbed around two of its piers.\n\n"
     "Trains between Kelderby and Marrowgate stopped at midday, and the rail operator said replacement buses would "
     "run every twenty minutes.\n\n"
     "\"We will not run a train over that bridge until we are certain it is safe,\" said Fenna Larkholt, the "
     "operator's chief engineer.\n\n"
     "The bridge carries about 9,000 passengers a day, most of them commuters to Marrowgate.\n\n"
     "Engineers said the closure would last at least six weeks."),
    ("Buses replace trains as Kelderby bridge closes", "Ousel Valley Wire", "2026-11-30",
     "Replacement buses carried commuters between Kelderby and Marrowgate on Monday after the rail bridge over the "
     "River Ousel was closed because of flood damage to its piers.\n\n"
     "Passengers said the bus journey took fifty minutes, against eighteen by train.\n\n"
     "Fenna Larkholt, chief engineer at the rail operator, said the riverbed under two piers had been washed away by "
     "last week's floods.\n\n"
     "The operator expects the line to stay closed for six weeks while the piers are strengthened."),
    ("Commuters queue for buses as Kelderby line stays closed", "Marrowgate Standard", "2026-12-01",
     "Queues stretched along Station Road in Kelderby on Tuesday as commuters waited for the buses that replace "
     "trains while the rail bridge over the Ousel is closed.\n\n"
     "Some passengers said they had waited forty minutes for a seat, and the operator added six more buses at the "
     "morning peak.\n\n"
     "Traders in Marrowgate said fewer shoppers had come in from Kelderby since the closure.\n\n"
     "\"It is chaos every morning,\" said Odile Prane, who commutes to a Marrowgate bank."),
    ("Kelderby rail bridge to stay shut until January", "Tamble Herald", "2026-12-03",
     "The Kelderby rail bridge will stay shut until the middle of January, the rail operator said on Thursday, "
     "doubling its first estimate after divers found a third pier undermined by the floods.\n\n"
     "Fenna Larkholt said steel sheets would be driven into the riverbed around all three piers before any train "
     "could cross.\n\n"
     "Replacement buses between Kelderby and Marrowgate will keep running until the line reopens.\n\n"
     "\"Nobody wanted this news, but the river has moved more than we thought,\" Larkholt said."),
]

TURN = "will stay shut until the middle of January"

RECAP_LEAD = ("The Kelderby rail bridge over the River Ousel, closed since floodwater scoured the riverbed around its "
              "piers, will stay shut until the middle of January, the rail operator said on Thursday, doubling its "
              "first estimate.")
# the latest report as above with RECAP_LEAD for its first paragraph
RECAP = BRIDGE[:3] + [BRIDGE[3][:3] + (RECAP_LEAD + BRIDGE[3][3][BRIDGE[3][3].index("\n\n"):],)]
