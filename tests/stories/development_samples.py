"""Three invented stories whose newest report changes the news (written for these tests; no real event, place or
person): a strike called off, a vote postponed, a rescue ended. Several outlets told the first days; one outlet, a
day or more later, tells how it turned out, its lead recalling what came before. A short summary (the briefing's)
that keeps the older lead and leaves that out tells yesterday's news."""

from __future__ import annotations

# (title, source, day, body) of each report, oldest first; the last is the newest development
STRIKE = [
    ("Velmora tram drivers walk out over weekend pay", "Velmora Courier", "2026-05-04",
     "Tram drivers in Velmora walked out on Monday, leaving the city without trams, a first in ten years, after "
     "talks on weekend pay broke down.\n\n"
     "The Velmora Transit Workers Union said about 600 drivers had joined the strike, which has no end date.\n\n"
     "\"We have waited two years for a fair weekend rate,\" said union secretary Hanne Dorsey.\n\n"
     "The city transport board said it had offered a 4 percent rise and called the walkout reckless.\n\n"
     "Extra buses were laid on along the river routes, but queues stretched around the central square."),
    ("Trams stand idle in Velmora as 600 drivers strike", "Eastline News", "2026-05-04",
     "Velmora's trams stood idle on Monday as about 600 drivers began an open-ended strike over weekend pay.\n\n"
     "Commuters crowded onto buses and bicycles, and several schools opened late.\n\n"
     "Hanne Dorsey of the transit workers union said the board's offer of 4 percent was an insult.\n\n"
     "Transport board chair Osric Pell said the city could not afford more without raising fares."),
    ("Velmora tram strike enters second day", "Riverside Gazette", "2026-05-05",
     "The tram strike in Velmora entered its second day on Tuesday, with long queues at bus stops across the "
     "city.\n\n"
     "Shopkeepers on Lantern Street said trade had halved since the trams stopped.\n\n"
     "Osric Pell, who chairs the transport board, said talks could resume if the union dropped its demand for "
     "double pay on Sundays.\n\n"
     "The union said its members would stay out for as long as it took."),
    ("Velmora tram strike called off after pay deal", "Velmora Courier", "2026-05-06",
     "Velmora's tram drivers called off their strike on Wednesday after the transport board agreed to raise weekend "
     "pay by 8 percent, and trams will run again from Thursday morning.\n\n"
     "The deal was reached after nine hours of talks at the town hall, both sides said.\n\n"
     "Hanne Dorsey said the drivers had won what they asked for and thanked passengers for their patience.\n\n"
     "The first trams will leave the Kestrel Road depot at 5 a.m."),
]

VOTE = [
    ("Askerby council to vote on harbour hotel", "Askerby Post", "2026-09-14",
     "Askerby's council will vote on Thursday on plans for a 200-room hotel on the old harbour quay, a project that "
     "has split the fishing town.\n\n"
     "The developer, Greyhaven Estates, says the hotel would bring 150 jobs and a new sea wall.\n\n"
     "Fishermen fear losing the last berths on the quay, and a petition against the scheme has gathered "
     "over 3,000 names.\n\n"
     "Council leader Maud Ferris said every member would have a free vote."),
    ("Harbour hotel splits Askerby ahead of council vote", "Coastal Ledger", "2026-09-14",
     "A plan to build a 200-room hotel on Askerby's old harbour quay goes before the town council on Thursday.\n\n"
     "Supporters say Greyhaven Estates would repair the crumbling quay at its own cost.\n\n"
     "\"They want the harbour without the boats,\" said Colm Bassett, who chairs the fishermen's association.\n\n"
     "Maud Ferris, the council leader, has not said how she will vote."),
    ("Askerby hotel vote: petition handed in", "Askerby Post", "2026-09-15",
     "Opponents of the harbour hotel in Askerby handed a petition with 3,400 names to the town hall on Tuesday, "
     "two days before the council vote.\n\n"
     "Colm Bassett said fishermen would fill the public gallery on Thursday.\n\n"
     "Greyhaven Estates published drawings showing a public walkway along the quay."),
    ("Askerby council postpones hotel vote until January", "Northshore Radio", "2026-09-17",
     "Askerby's council postponed its vote on the harbour hotel until January on Thursday, after lawyers warned "
     "that the sea wall plans had not been checked by the coast authority.\n\n"
     "Maud Ferris told a packed chamber that the council could not decide without that report.\n\n"
     "Fishermen in the public gallery applauded the delay, while Greyhaven Estates said it was disappointed.\n\n"
     "The coast authority has until December to report."),
]

RESCUE = [
    ("Four cavers trapped by flooding at Carrow Fell", "Fellside Herald", "2026-11-02",
     "Four cavers were trapped on Monday when floodwater rose in the Carrow Fell caves, and rescue teams from "
     "three valleys were called to the site.\n\n"
     "The group, from a club in Dunstall, entered the caves on Sunday morning and failed to return.\n\n"
     "Divers could not pass the flooded passage near the entrance, rescue leader Ewan Marsh said.\n\n"
     "Pumps were being carried up the hill to lower the water."),
    ("Rescuers race to reach trapped Carrow Fell cavers", "Dales Evening Star", "2026-11-02",
     "Rescue teams were pumping water from the Carrow Fell caves on Monday to reach four cavers cut off by a "
     "flood.\n\n"
     "Ewan Marsh, who leads the cave rescue team, said the cavers were thought to be in a dry chamber beyond the "
     "flooded passage.\n\n"
     "Their families waited at the village hall in Carrow."),
    ("Divers make contact with Carrow Fell cavers", "Fellside Herald", "2026-11-03",
     "Divers reached the four cavers trapped in the Carrow Fell caves on Tuesday and found them cold but unhurt, "
     "rescuers said.\n\n"
     "Food and blankets were taken to the dry chamber where they had sheltered for two nights.\n\n"
     "Ewan Marsh said the water was still too high to bring them out."),
    ("All four Carrow Fell cavers brought out alive", "Upland Radio", "2026-11-04",
     "The rescue at Carrow Fell ended on Wednesday when the last of the four cavers was brought to the surface, "
     "three days after floodwater cut them off.\n\n"
     "All four were taken to hospital in Dunstall for checks and are expected to go home within a day.\n\n"
     "Ewan Marsh thanked more than 80 volunteers who had carried pumps and cables up the hill.\n\n"
     "The caves will stay closed until the club's safety rules are reviewed."),
]

STORIES = {"strike": STRIKE, "vote": VOTE, "rescue": RESCUE}
