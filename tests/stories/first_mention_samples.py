"""An invented story (written for these tests; no real event, place or person) whose summary would name a person by
her last name before any line names her in full: the first report's line "Quint said ..." is chosen, and her full
name, "Harbour master Marisol Quint", stands in the other outlet's report, in a line the summary leaves out."""

from __future__ import annotations

# (title, source, day, body) of each report
FERRY = [
    ("Lake Orrin ferry halted after hull crack found", "Lakeside Courier", "2026-04-10",
     "Ferry crossings on Lake Orrin were halted on Friday after inspectors found a crack in the hull of the Maribel, "
     "the lake's only car ferry.\n\n"
     "Quint said the ferry would stay in dock at Hollowmere until divers had checked the whole hull.\n\n"
     "About 900 people a day use the crossing between Hollowmere and Stennick.\n\n"
     "The ferry company said a replacement boat could not be found before the summer."),
    ("Divers to inspect cracked Lake Orrin ferry", "Orrin Valley Radio", "2026-04-10",
     "Divers will inspect the hull of the Lake Orrin car ferry Maribel on Monday after a crack halted crossings on "
     "Friday.\n\n"
     "Harbour master Marisol Quint told reporters the crack was about a metre long and below the waterline.\n\n"
     "Commuters between Hollowmere and Stennick face a drive of more than an hour around the lake.\n\n"
     "Quint said crossings would not resume until the ferry had passed a full inspection."),
]
