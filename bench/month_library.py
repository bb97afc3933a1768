"""A month of invented local news, grouped: events of one kind in different towns (issue 13, session 35).

    python -m bench.month_library [--seed 1] [--events 84] [--days 30] [--chunk 0] [--rebuild] [--detail] [--vary]

A seeded generator writes a month of invented news (nothing read from the stories data or any publication): EVENTS
events of twelve kinds (strikes of six trades, dam leaks, fires, bridge closures, floods, mergers, factory closures,
fraud trials, festivals, rail lines, water notices, ward closures) in 28 invented towns. Each event has its own town,
its own people (a union's branch secretary, an engineer, a chief executive, ...), its own site and figures; it lasts
1-15 days with 1-6 reports a day from 3-7 of 12 outlets. The reports of one kind share a pool of sentences (the
kind's words, the way a trade's strikes are all told), three officials recur across the month (a regional
minister in about a fifth of the reports, a chief constable, a public health director), and every outlet signs off
in its own words. So what tells two events of one kind apart is what real news has too: the town, the people, the
site, the trade.

The library is fed as a reader's would be: each day's reports stored and grouped (`group_new`) in chunks of
`--chunk` articles (0: the whole day at once, a refresh of many feeds), then the quiet round (`settle`). Printed:
B-cubed precision / recall / F1 against the events, the stories made, and how many stories hold two events or more of
one kind (the failure this bench is for) or of different kinds. `--rebuild` then regroups the same library from
scratch (`stories --rebuild`) and prints the same. `--at-once` also stores the whole month first and groups it in one
call (`newsreader add FOLDER`). `--detail` lists the mixed stories' events. `--told` is the share of its kind's lines
an event tells (0.6; the fewer, the less two events of one kind share). Prints numbers, asserts nothing, reads no
stories data. Seconds per seed (a few minutes with `--chunk 5`).

Session 35 (METHOD 9, `--seed 1,2,3 --rebuild --at-once`): fed a day at a time F1 0.3029 / 0.2969 / 0.3217 (12 / 11 / 12
stories for 84 events), `--rebuild` 0.3123 / 0.3681 / 0.3909 (13 / 15 / 15), at once the same as the rebuild: precision
0.17-0.24 at recall 1.0, every story but one or two holding every event of its kind (a bin strike, a nurses' strike and
a teachers' strike in one), as walk34 saw (84 events -> 12 stories). Under the month's own idf (seed 1, random pairs)
two reports of one event have a median cosine of 0.75, two of different events of one kind 0.31, of different kinds
0.016: the kind's words hold a pair of siblings five times over the join level (0.055 at LIBRARY). With `--told 0.3` /
`0.1` (2 seeds) the rebuild is at 0.4351 / 0.3814: the title and the first line, which every report of a kind has in its
own words, are enough. Fed in chunks of 20 (windows regrouped, `--chunk 20`) it makes as many stories as the rebuild or
more (15 / 16 / 14, F1 0.3407 / 0.3793 / 0.3694); a day's batch of 50+ grouped alone against the stored stories makes
1-4 fewer (`stories --rebuild` 28 against 26 in walk34's library): giving that batch the last window's document
frequencies (as a smaller batch has them) changed no figure, so the gap is not the batch's idf; nor is it its levels: a
day's batch counted alone meets a third of the neighbours a rebuild's batch of the same stream gives each article
(density.neighbours counts a day on either side), but counting the stored articles of the days beside it too (levels two
to three rows higher) moved one seed of three, 11 -> 12 stories.

Tried in the grouper (not shipped; the patch is in the session notes): an article joins a story, and two stories merge,
only when the story holds a share of the squared weight of the article's (the other story's) 8 strongest terms, the
terms that under a library's idf are mostly the event's own names: at 0.6 the month (3 seeds) rises to 0.9371 fed /
0.9805 rebuilt, but dev one article at a time falls 0.9056 -> 0.3996 (157 stories for 25 events, R 0.25): a real
report's strongest terms are largely its own, not its event's. Asked of stories of 3+ articles only (the article must
hold half of the weight of the story's 8 strongest terms): the month 0.8271 / 0.9402, dev as fed 0.9056 -> 0.8561 (P
0.906, R 0.812): recall lost, no precision won. Names told by their capital letters (a word capitalised after a
lower-case word, a comma or a bracket; the stored features are lower-cased, so read from the text): an article whose
names weigh 0.05 or more of its vector joins a story only when the story holds a share of that weight, and two stories
merge only when each holds that share of the other's 8 strongest names (library-weighted batches): at 0.5 the month
0.5675 fed / 0.7033 rebuilt, dev as fed / at once 0.7427 / 0.7715 (P 0.951 / 0.969, R 0.609 / 0.641), halves A 0.8173 /
0.8371, B 0.8566 / 0.8435; at 0.15 the month 0.4517 / 0.6227, dev 0.8990 / 0.9054 (P 0.899 / 0.898: the same precision
as main, less recall). Dev's sibling merges pass it (precision does not rise at 0.15) while reports of one event that
name people and places their story has not met yet are kept out (recall falls).

`--vary` (session 36): each outlet words the same event its own way. It has a voice (for each row of VOICES one word,
e.g. "locals" or "householders" for "residents"), a report keeps the kind's opening line half the time and each of
its other sentences with a chance of 0.7, and it adds 1-3 lines of the outlet's background (weather, budgets: nothing
of the event). The events, reports, days, outlets and titles are the same as without (the variation is drawn from a
second generator), so the default month, and the figures above, are unchanged. METHOD 9 with `--vary` (3 seeds): fed
0.3039 (12.0 stories), rebuilt 0.4707 (23.7): a kind is still about one story.

Tried in the grouper (session 36, not shipped; the patch is in the session notes): a split pass. A story that grew
past a checkpoint in a batch (6 articles, then every 1.25 times as many) is cut by two-means again and again into
pieces, the pieces are joined back by average link while the link is at least a share R of the looser piece's
density (the mean cosine of two of its articles), and parts of 3+ articles are split off (the largest keeps the id);
two stories that would split so do not merge. On this month the pieces of one event join at 0.87-0.97 of their
density and the first two events of a kind at 0.51 (seed 1, the largest story), so at R 0.7 the month goes to 0.9947
fed / 0.9866 rebuilt (81 / 80 stories; `--vary` 0.9336 / 0.9755), at 0.6 0.9246 / 0.9159, at 0.5 the events of a
kind still melt (`--vary` 0.4727 / 0.6905). On dev (order 0) R 0.7 takes all 0.9056 / 0.9153 to 0.8432 / 0.8402 (P
0.947, R 0.760), the halves A 0.8633 / 0.8306 and B 0.8191 / 0.8223, the proxy 0.8282 / 0.8438: real reports of one
event are not one tight cluster. Measured there (dev grouped at once, no split: which mechanism fails), the pieces of
one event join at as little as 0.07-0.41 of their density, and the pieces of two sibling events at 0.35-1.30: no
share tells them apart, while on this generator, even with `--vary`, every event is tight. The Reuters screen agrees,
off the stories data (`bench/story_big_merges.py --source reuters --parts 2 --shifts 1.0 --feed day --grid 0:0`, pairs
of articles in a story within a part / across parts, net = within less across): without the split 3,103 / 2,280 (823),
R 0.3 2,950 / 2,187 (763), R 0.5 2,711 / 1,957 (754), R 0.7 2,412 / 1,779 (633): at every level it parts more pairs
of one real event than of two.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIRST_DAY = date(2026, 11, 2)

# Invented towns: parts that make no town we know of together (checked by eye; a clash would not change the bench).
_TOWN_HEADS = ["Brenn", "Quar", "Skel", "Tolv", "Varn", "Wendle", "Ossing", "Cray", "Hebble", "Murr", "Penwith",
               "Drossel", "Ambers", "Jessing", "Esker", "Merri", "Nettle", "Yarn", "Birch", "Stow", "Corrow", "Gorse",
               "Holm", "Lisk", "Tarn", "Fallow", "Quill", "Rother"]
_TOWN_TAILS = ["moor", "wick", "holt", "combe", "ley", "ford", "by", "stead", "thwaite", "mere", "dale", "ham"]
_FIRST = ["Ana", "Bram", "Celia", "Dorian", "Edith", "Fergus", "Greta", "Hollis", "Ines", "Jory", "Keira", "Lorcan",
          "Mabel", "Niall", "Oona", "Piers", "Rhona", "Silas", "Tamsin", "Ulric", "Vesna", "Wilf", "Yara", "Zeb",
          "Agnes", "Bastian", "Clemency", "Dunstan", "Elspeth", "Florian", "Gwenda", "Hector", "Isolde", "Jasper"]
_SUR_HEADS = ["Pen", "Tre", "Gwel", "Ost", "Fal", "Brin", "Cor", "Dax", "Elder", "Frog", "Hask", "Ives", "Lum",
              "Marl", "Nock", "Orme", "Pell", "Rudd", "Sack", "Thew", "Ush", "Vail", "Wrax", "Yeld"]
_SUR_TAILS = ["hallow", "wick", "dew", "brook", "stone", "ridge", "kin", "worth", "ley", "mantle", "cote", "field"]
_STREETS = ["Mill Lane", "Quarry Road", "Church Street", "Station Road", "Tanner's Row", "Kiln Street",
            "Orchard Way", "Weir Lane", "Ropewalk", "Market Place", "Chapel Hill", "Foundry Road", "Salt Lane",
            "Bellfield Road", "Copper Street", "Heron Walk"]
OUTLETS = [("Evening Lantern", "reports for the Evening Lantern."), ("Valley Courier", "Valley Courier, all rights"
           " kept."), ("County Herald", "Follow the County Herald for updates."), ("Tideline News", "Tideline News"
           " desk."), ("Northgate Post", "Northgate Post reporters contributed."), ("Riverside Gazette", "Send tips to"
           " the Riverside Gazette."), ("Moorland Echo", "Moorland Echo, local news."), ("Harbour Wire", "Harbour Wire"
           " staff."), ("Weald Times", "Weald Times newsroom."), ("Coastal Record", "Coastal Record team."),
           ("Upland Voice", "Upland Voice readers can write in."), ("Shire Observer", "Shire Observer reporting.")]

TRADES = [("bin collectors", "refuse", "depot", "bins"), ("nurses", "hospital", "ward", "patients"),
          ("teachers", "school", "classroom", "pupils"), ("bus drivers", "bus", "garage", "passengers"),
          ("ferry crews", "ferry", "slipway", "crossings"), ("postal workers", "sorting office", "round", "letters")]
UNIONS = ["Allied Workers Union", "General Trades Guild", "Public Service Alliance", "Transport and Harbour Union",
          "United Care Federation", "Education Staff Union"]

# Each kind: titles, sentences (any report of the kind may use them), quotes (said by the event's own people).
# Slots: {town} {site} {street} {a} {a_role} {b} {b_role} {n} {m} {trade} {work} {place} {things} {union} {firm}
# {firm2} {day}.
KINDS = {
    "strike": dict(
        roles=("branch secretary of the {union}", "council director of services"),
        titles=["{trade} strike in {town} enters day {day}", "{town} {trade} walk out over pay",
                "Pay talks fail as {town} {trade} stay out", "{union} calls {town} {trade} out again"],
        lines=["{trade} in {town} walked out on pay, the {union} said, with picket lines at the {work} on {street}.",
               "The strike by {n} {trade} entered day {day}, and talks at {site} broke up without a deal.",
               "The union said its members had been offered {m} per cent, below what it called a fair rise.",
               "Managers said contingency plans were in place and asked residents to be patient.",
               "Pickets gathered outside the {work} on {street} before dawn, some holding placards.",
               "A ballot of {n} members returned a clear majority for action, the {union} said.",
               "Residents of {town} said the dispute had gone on long enough.",
               "Both sides are due to meet again at {site} later this week.",
               "The {union} said further walkouts would follow if no improved offer was made.",
               "Agency staff were brought in to cover some {place} duties in {town}."],
        quotes=["Our members in {town} have not taken this lightly", "We are asking for a fair rise, nothing more",
                "The offer on the table is the best we can afford", "We remain open to talks at any time"]),
    "dam": dict(
        roles=("reservoir engineer", "chair of the {town} flood group"),
        titles=["Leak found at {site} dam above {town}", "{town} homes on alert over {site} dam",
                "Engineers work through night at {site}", "{site} dam leak: {town} families told to stay ready"],
        lines=["Engineers found water seeping through the wall of the {site} dam above {town}.",
               "About {n} homes below the dam were told to be ready to leave at short notice.",
               "Pumps were brought in to lower the reservoir by {m} metres, the water board said.",
               "The dam, built in the last century, was inspected in the spring and passed.",
               "Sandbags were handed out on {street} as a precaution.",
               "Divers checked the outlet tunnel at {site} for damage.",
               "The water board said the structure was being watched around the clock.",
               "A rest centre opened in {town} for anyone who chose to leave.",
               "Roads below {site} were closed to all but emergency traffic."],
        quotes=["The wall is holding but we are taking no chances", "People in {town} need to know what is going on",
                "We will keep pumping until the level is safe", "This dam has worried us for years"]),
    "fire": dict(
        roles=("station manager", "owner of the {site}"),
        titles=["Fire destroys {site} in {town}", "Crews fight blaze at {town}'s {site}",
                "{town} {site} fire: cause under investigation", "Smoke over {town} as {site} burns"],
        lines=["Fire crews were called to the {site} on {street} in {town} shortly after midnight.",
               "At the height of the blaze {n} engines and about {m} firefighters were at the scene.",
               "Residents nearby were told to keep windows and doors closed because of the smoke.",
               "No one was hurt, the fire service said, but the building was badly damaged.",
               "An investigation into the cause of the fire has begun.",
               "The roof of the {site} collapsed in the early hours.",
               "Police closed {street} while crews damped down the ruins.",
               "Neighbours described flames visible from across {town}."],
        quotes=["Our crews worked through the night to stop it spreading", "It is heartbreaking to see it gone",
                "We will find out how this started", "The smoke could be seen for miles"]),
    "bridge": dict(
        roles=("highways engineer", "{town} business group chair"),
        titles=["{site} bridge in {town} shut for repairs", "{town} cut in two as {site} bridge closes",
                "Cracks close {town}'s {site} bridge", "Diversions as {site} bridge stays shut"],
        lines=["The {site} bridge in {town} was closed after inspectors found cracks in its supports.",
               "Drivers face a diversion of {n} miles while the crossing is shut.",
               "Repairs are expected to take {m} weeks and cost several hundred thousand pounds.",
               "Traders on {street} said trade had fallen since the closure.",
               "Pedestrians can still cross on a temporary walkway.",
               "The bridge carries about {n} thousand vehicles a day, the highways team said.",
               "Buses serving {town} have been rerouted."],
        quotes=["Safety has to come first", "We are losing customers every day it is shut",
                "We hope to reopen the crossing as soon as we can", "The diversion adds half an hour to every trip"]),
    "flood": dict(
        roles=("flood warden", "council emergency planner"),
        titles=["Floods hit {town} after heavy rain", "Clean-up begins in flooded {town}",
                "{town} families return to flooded homes", "River bursts banks at {town}"],
        lines=["The river burst its banks in {town}, flooding {n} homes on {street} and nearby.",
               "Rescue teams used boats to reach residents trapped by the water.",
               "A flood warning remains in place for low-lying parts of {town}.",
               "Insurers said claims were expected to run into millions.",
               "Volunteers helped clear mud from homes and shops.",
               "The water reached {m} feet deep at the {site} in places.",
               "Skips were placed on {street} for ruined furniture and carpets."],
        quotes=["The water came up so fast we had no time", "Our volunteers have been out since first light",
                "We will support every family affected", "It will take months to dry out"]),
    "merger": dict(
        roles=("chief executive of {firm}", "chair of {firm2}"),
        titles=["{firm} to merge with {firm2}", "{town} firms {firm} and {firm2} agree deal",
                "Jobs fear as {firm} and {firm2} combine", "{firm} deal backed by shareholders"],
        lines=["{firm} and {firm2}, both based in {town}, agreed to merge in a deal worth {n} million pounds.",
               "The combined company will employ about {m} hundred people.",
               "Shareholders will vote on the deal next month.",
               "Unions asked for guarantees that no jobs would go at the {site}.",
               "The merged firm will keep its head office on {street}.",
               "Analysts said the deal made sense for both companies."],
        quotes=["Together we will be stronger", "This is a good day for {town}", "No decisions on jobs have been made",
                "We owe it to our customers to grow"]),
    "factory": dict(
        roles=("plant manager", "{union} convener"),
        titles=["{site} plant in {town} to close", "{n} jobs to go as {town} factory shuts",
                "{town} stunned by {site} closure", "Bid to save {town}'s {site} works"],
        lines=["The {site} works in {town} will close before the year is out, with the loss of {n} jobs.",
               "The owners blamed rising costs and falling orders.",
               "Workers were told of the decision at a meeting on the factory floor.",
               "The council said it would help staff find new work.",
               "The plant on {street} has made goods in {town} for decades.",
               "A consultation on the closure will last {m} weeks."],
        quotes=["This is a dark day for {town}", "We explored every option to keep the site open",
                "Families here depend on these jobs", "We will fight to keep the works going"]),
    "fraud": dict(
        roles=("prosecutor", "defence barrister"),
        titles=["{a} denies fraud at trial", "Trial hears of missing {town} funds",
                "{town} treasurer's fraud trial continues", "Jury out in {town} fraud case"],
        lines=["{a}, a former treasurer of the {site} in {town}, denies taking {n} thousand pounds.",
               "The court heard that money was moved into private accounts over {m} years.",
               "The trial is expected to last two weeks.",
               "Bank records were shown to the jury.",
               "The defendant told the court the payments had been approved.",
               "Members of the {site} sat in the public gallery."],
        quotes=["The money was taken bit by bit", "My client has always said the payments were proper",
                "The jury must be sure before it convicts", "Every penny was accounted for"]),
    "festival": dict(
        roles=("festival director", "{town} council events officer"),
        titles=["{town} festival draws crowds", "Thousands expected at {site} festival",
                "{town} gets ready for {site} weekend", "Music and food at {town} festival"],
        lines=["About {n} thousand visitors are expected at the {site} festival in {town} this weekend.",
               "The programme includes music, food stalls and a parade along {street}.",
               "Road closures will be in place around the festival site.",
               "Organisers said tickets had sold out for the main evening.",
               "Extra trains will run to {town} on Saturday.",
               "The festival began {m} years ago as a village fair."],
        quotes=["We cannot wait to welcome everyone", "The town comes alive for these few days",
                "Please use public transport if you can", "It has grown beyond anything we imagined"]),
    "rail": dict(
        roles=("rail project director", "{town} campaign group chair"),
        titles=["{town} rail line to reopen", "Work starts on {site} line to {town}",
                "Trains to return to {town}", "{site} line: first trains in {m} decades"],
        lines=["The {site} line to {town}, closed decades ago, is to reopen with a new station on {street}.",
               "The project will cost {n} million pounds, the rail authority said.",
               "Trains will run every hour once the line opens.",
               "Campaigners had pressed for the reopening for years.",
               "Track laying will begin after the winter.",
               "The journey to the city will take about {m} minutes."],
        quotes=["This will change life in {town}", "We have waited a long time for this",
                "The line will be ready on time", "Young people will not have to move away to find work"]),
    "water": dict(
        roles=("water company spokesperson", "{town} councillor"),
        titles=["Boil water notice for {town}", "{town} told to boil tap water",
                "Bottled water handed out in {town}", "{town} water notice lifted"],
        lines=["Households in {town} were told to boil tap water after a test found bacteria at the {site} works.",
               "About {n} thousand homes are covered by the notice.",
               "Bottled water is being handed out at a point on {street}.",
               "The water company said further tests were being carried out.",
               "Schools and cafes in {town} changed how they prepared food.",
               "The notice is expected to last at least {m} days."],
        quotes=["We are sorry for the trouble this causes", "People need clear answers about their water",
                "The supply will be safe again soon", "Nobody should have to put up with this"]),
    "ward": dict(
        roles=("hospital trust chief executive", "{town} patients' group chair"),
        titles=["{site} ward at {town} hospital to close", "Anger over {town} ward closure",
                "{town} hospital ward shut to new patients", "Campaign to save {town}'s {site} ward"],
        lines=["The {site} ward at {town} hospital will close to new patients from next month.",
               "Patients will be treated in a hospital {n} miles away instead.",
               "The trust said it could not staff the ward safely.",
               "A petition against the closure has {m} thousand signatures.",
               "Campaigners gathered outside the hospital on {street}.",
               "The trust said the change was temporary."],
        quotes=["We cannot run a ward without the staff", "Families will have to travel much further",
                "Patient safety is our priority", "This ward has served {town} for generations"]),
}
SITES = {"strike": ["Guildhall", "civic centre", "town hall", "council offices"],
         "dam": ["Hollin", "Scarrow", "Blackwater", "Lowbeck", "Ferngill", "Redmire"],
         "fire": ["timber yard", "old mill", "warehouse", "chapel", "garden centre", "bakery"],
         "bridge": ["Kingsferry", "Old Packhorse", "Weirside", "Iron", "Abbey", "Causeway"],
         "flood": ["recreation ground", "town square", "riverside park", "high street"],
         "merger": ["works", "head office", "warehouse"],
         "factory": ["Calloway", "Brightwell", "Ostrander", "Kettleby", "Marchbank"],
         "fraud": ["bowls club", "rowing club", "allotment society", "choral society", "cricket club"],
         "festival": ["Lantern", "Harvest", "Riverside", "Folk", "Kite", "Cider"],
         "rail": ["Valley", "Moor", "Coast", "Abbey", "Forest"],
         "water": ["Stonecross", "Millbeck", "Longmoor", "Harrowgate"],
         "ward": ["maternity", "stroke", "children's", "surgical", "respiratory"]}
FIRMS = ["Harlow Steel", "Corbin Foods", "Tansy Print", "Mercer Logistics", "Ellery Glass", "Stroud Mills",
         "Ravel Packaging", "Quenby Engineering", "Ashdown Dairies", "Pellow Timber"]
OFFICIALS = [("Orla Penhallow", "regional minister",
              ["We will review what happened in {town}", "The people of {town} deserve answers",
               "I have asked officials to report to me on {town}", "Support is available to everyone affected"]),
             ("Desmond Kettering", "chief constable",
              ["Officers are in {town} to keep people safe", "Please follow the advice you are given"]),
             ("Priya Lanyon", "director of public health",
              ["There is no wider risk to health in {town}", "Anyone worried should speak to a doctor"])]
_SAID = ["said", "told reporters", "said on {wd}", "added"]
# Lines of any kind: the event's own people and places in everyday words.
LOCAL = ["{a} has lived in {town} for {m} years and knows {street} well.",
         "{b} was at {site} on {wd} morning.", "People on {street} in {town} gathered to talk about it.",
         "{town} council met on {wd} evening.", "{a} and {b} are expected to speak again.",
         "The mood in {town} was described as tense.", "Shops near {street} stayed open."]


# `--vary` (session 36): outlets word the same event differently. Each outlet has its own voice (one of the words of
# each row of VOICES for the row's first word, wherever the kind's lines use it), a report keeps the kind's opening
# line only half the time and each of its chosen lines with a chance of 0.7, and it adds 1-3 lines of the outlet's
# own background (BACKGROUND: nothing of the event), so that two reports of one event share fewer words, as real
# reports do. Drawn from a second generator: without `--vary` the month is the one session 35 measured.
VOICES = [("said", "stated", "confirmed", "told the paper"), ("residents", "locals", "householders", "people"),
          ("talks", "negotiations", "discussions"), ("walked out", "went on strike", "stopped work"),
          ("homes", "houses", "properties", "households"), ("closed", "shut", "sealed off"),
          ("expected", "due", "likely"), ("council", "local authority", "town hall"),
          ("damage", "harm", "destruction"), ("members", "staff", "workers"), ("week", "few days"),
          ("offer", "proposal", "deal"), ("crews", "teams", "firefighters"), ("company", "firm", "business"),
          ("decision", "move", "announcement"), ("jobs", "posts", "positions"), ("families", "households"),
          ("campaigners", "protesters", "objectors"), ("visitors", "guests", "crowds"),
          ("patients", "people needing care"), ("investigation", "inquiry", "review"),
          ("repairs", "works", "engineering work"), ("warning", "alert", "notice"), ("began", "started", "got under way")]
BACKGROUND = ["The weather is set to stay unsettled into the weekend, with showers and a cold wind.",
              "The council's budget for next year goes to a vote at the end of the month.",
              "Elsewhere in the county, roadworks continue on the main route to the coast.",
              "A consultation on parking charges in the county's market towns closes on Friday.",
              "Bus fares across the region rise by a few pence from the start of next month.",
              "Figures out this week show house prices in the county rose slightly over the year.",
              "The county's libraries are extending their opening hours over the winter.",
              "Volunteers are still needed for the county's litter-picking scheme.",
              "Local elections are due in the spring, and candidates are already knocking on doors.",
              "The regional hospital trust is recruiting for several posts.",
              "Police are reminding drivers to take care on rural roads after dark.",
              "The chamber of commerce holds its annual dinner next week.",
              "A new cycle path between two villages in the county is due to open soon.",
              "The county's schools break up for the holidays in a fortnight."]


def _voice(outlet: str) -> list[tuple[re.Pattern, str]]:
    """An outlet's voice: for each row of VOICES, the word it uses (one of the row, chosen by the outlet's name) and
    the pattern of the row's first word it replaces."""
    rng = random.Random(f"voice:{outlet}")
    return [(re.compile(rf"\b{re.escape(row[0])}\b"), rng.choice(row)) for row in VOICES]


def _varied(vr: random.Random, body: list[str], lead: str, voice: list[tuple[re.Pattern, str]]) -> list[str]:
    """A report's sentences `body` as an outlet with its own ways tells them (`--vary`): the kind's opening line `lead`
    kept half the time, each other sentence with a chance of 0.7 (one at least), 1-3 lines of background added, and
    the outlet's `voice` (`_voice`) for the words of VOICES."""
    kept = [x for x in body if (vr.random() < 0.5 if x == lead else vr.random() < 0.7)]
    if not any(x != lead for x in kept):
        kept.append(vr.choice([x for x in body if x != lead] or body))
    kept += vr.sample(BACKGROUND, vr.randint(1, 3))
    vr.shuffle(kept)
    out = []
    for line in kept:
        for pattern, word in voice:
            line = pattern.sub(word, line)
        out.append(line)
    return out


def _person(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(_FIRST)} {rng.choice(_SUR_HEADS)}{rng.choice(_SUR_TAILS)}"
        if name not in used:
            used.add(name)
            return name


def towns(rng: random.Random, n: int = 28) -> list[str]:
    heads = rng.sample(_TOWN_HEADS, n)
    return [h + rng.choice(_TOWN_TAILS) for h in heads]


def events(seed: int = 1, n: int = 84, days: int = 30, told: float = 0.6, vary: bool = False) -> list[dict]:
    """`n` invented events (7 of each kind for 84), each with its reports: dicts of title, body, source, date, event,
    kind. Each event tells the share `told` of its kind's lines (besides the first, which every report of the kind
    has): the less, the fewer sentences two events of one kind share. `vary`: each outlet words its reports its own
    way (`_varied`, `_voice`; the same events, days and outlets as without)."""
    rng = random.Random(seed)
    vr = random.Random(f"vary:{seed}")
    voices = {o: _voice(o) for o, _ in OUTLETS} if vary else {}
    places = towns(rng)
    used: set[str] = {o[0] for o in OFFICIALS}
    kinds = list(KINDS)
    out = []
    for e in range(n):
        kind = kinds[e % len(kinds)]
        k = KINDS[kind]
        trade = rng.choice(TRADES)
        town = rng.choice(places)
        firm, firm2 = rng.sample(FIRMS, 2)
        slots = {"town": town, "site": rng.choice(SITES[kind]), "street": rng.choice(_STREETS),
                 "a": _person(rng, used), "b": _person(rng, used), "n": rng.randint(12, 480), "m": rng.randint(2, 9),
                 "trade": trade[0], "work": trade[2], "place": trade[1], "things": trade[3],
                 "union": rng.choice(UNIONS), "firm": firm, "firm2": firm2}
        slots["a_role"], slots["b_role"] = (r.format(**slots) for r in k["roles"])
        start = rng.randrange(days)
        length = min(days - start, rng.randint(1, 15))
        outlets = rng.sample(OUTLETS, rng.randint(3, 7))
        # an event tells its own share of its kind's lines (two strikes are not told in the same sentences)
        own = rng.sample(k["lines"][1:], max(2, round(told * (len(k["lines"]) - 1))))
        reports = []
        for d in range(length):
            for _ in range(rng.randint(1, 6)):
                day = FIRST_DAY + timedelta(days=start + d)
                s = dict(slots, day=d + 1, wd=day.strftime("%A"))
                title = rng.choice(k["titles"]).format(**s)
                title = title[0].upper() + title[1:]
                lines = [k["lines"][0]] + rng.sample(own, min(len(own), rng.randint(2, 5)))
                lines += rng.sample(LOCAL, rng.randint(1, 3))
                rng.shuffle(lines)
                body = []
                for line in lines:
                    body.append(line.format(**s))
                    if rng.random() < 0.3:
                        who, role = rng.choice(((s["a"], s["a_role"]), (s["b"], s["b_role"])))
                        said = rng.choice(_SAID).format(**s)
                        body.append(f"\u201c{rng.choice(k['quotes']).format(**s)},\u201d {who}, {role}, {said}.")
                if rng.random() < 0.2:
                    name, role, words = OFFICIALS[0]
                elif kind in ("fire", "fraud", "flood") and rng.random() < 0.3:
                    name, role, words = OFFICIALS[1]
                elif kind in ("water", "ward") and rng.random() < 0.3:
                    name, role, words = OFFICIALS[2]
                else:
                    name = None
                if name:
                    body.append(f"The {role}, {name}, said: \u201c{rng.choice(words).format(**s)}.\u201d")
                outlet, footer = rng.choice(outlets)
                if vary:
                    body = _varied(vr, body, k["lines"][0].format(**s), voices[outlet])
                body.append(f"{_person(random.Random(f'{seed}:{outlet}'), set())} {footer}")
                reports.append({"title": title, "body": " ".join(body), "source": outlet,
                                "date": day.isoformat(), "event": e, "kind": kind})
        out.extend(reports)
    rng.shuffle(out)
    out.sort(key=lambda r: r["date"])  # a day's reports in no order
    return out


def bcubed(pred: list, gold: list) -> tuple[float, float, float]:
    by_p, by_g, both = Counter(pred), Counter(gold), Counter(zip(pred, gold))
    n = len(pred)
    p = sum(k * k / by_p[a] for (a, _), k in both.items()) / n
    r = sum(k * k / by_g[b] for (_, b), k in both.items()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mixed(pred: list, rows: list[dict]) -> tuple[int, int, list[str]]:
    """(stories holding two events or more of one kind, stories holding events of different kinds, lines naming
    each mixed story's events)."""
    events_of: dict[object, Counter] = defaultdict(Counter)
    for p, r in zip(pred, rows):
        events_of[p][r["event"]] += 1
    kind_of = {r["event"]: r["kind"] for r in rows}
    town_of = {}
    for r in rows:
        town_of.setdefault(r["event"], r["title"])
    same = cross = 0
    lines = []
    for p, evs in events_of.items():
        if len(evs) < 2:
            continue
        kinds = {kind_of[e] for e in evs}
        if len(kinds) == 1:
            same += 1
        else:
            cross += 1
        lines.append(f"    story {p}: " + "; ".join(f"{kind_of[e]} #{e} x{evs[e]} ({town_of[e][:40]})"
                                                     for e in sorted(evs, key=lambda e: -evs[e])[:6])
                     + (" ..." if len(evs) > 6 else ""))
    return same, cross, lines


def feed(lib, rows: list[dict], chunk: int) -> list[int]:
    from tui.models import Article
    from tui.stories import group_new, settle

    ids = []
    by_day: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_day[r["date"]].append(r)
    for day in sorted(by_day):
        todays = by_day[day]
        step = chunk or len(todays)
        for i in range(0, len(todays), step):
            arts = [Article(title=r["title"], source=r["source"], published=r["date"], body=r["body"])
                    for r in todays[i:i + step]]
            ids += [i for _, i in lib.add_many(arts)]
            group_new(lib)
    settle(lib)
    return ids


def report(name: str, lib, ids: list[int], rows: list[dict], seconds: float, detail: bool) -> dict:
    from tui.stories import story_of

    pred = [story_of(lib, i) for i in ids]
    p, r, f = bcubed(pred, [x["event"] for x in rows])
    same, cross, lines = mixed(pred, rows)
    print(f"  {name:10} P {p:.4f}  R {r:.4f}  F1 {f:.4f}   stories {len(set(pred)):4}   mixed: one kind {same:3}, "
          f"kinds {cross:3}   ({seconds:.1f} s)")
    if detail:
        print("\n".join(lines))
    return {"p": p, "r": r, "f1": f, "stories": len(set(pred))}


def run(seed: int, n_events: int, days: int, chunk: int, rebuild: bool, at_once: bool, detail: bool,
        folder: Path, told: float = 0.6, vary: bool = False) -> dict:
    from tui.models import Article
    from tui.store import Library
    from tui.stories import group_new
    from tui.stories import rebuild as regroup

    rows = events(seed, n_events, days, told, vary)
    print(f"seed {seed}: {n_events} events, {len(rows)} reports over {days} days "
          f"({len({r['source'] for r in rows})} outlets)")
    out = {}
    lib = Library(folder / f"month-{seed}.db")
    try:
        t = time.perf_counter()
        ids = feed(lib, rows, chunk)
        out["fed"] = report(f"fed{'/' + str(chunk) if chunk else ''}", lib, ids, rows, time.perf_counter() - t,
                            detail)
        if rebuild:
            t = time.perf_counter()
            regroup(lib)
            out["rebuild"] = report("--rebuild", lib, ids, rows, time.perf_counter() - t, detail)
    finally:
        lib.close()
    if at_once:
        lib = Library(folder / f"month-{seed}-once.db")
        try:
            t = time.perf_counter()
            arts = [Article(title=r["title"], source=r["source"], published=r["date"], body=r["body"]) for r in rows]
            ids = [i for _, i in lib.add_many(arts)]
            group_new(lib)
            out["at once"] = report("at once", lib, ids, rows, time.perf_counter() - t, detail)
        finally:
            lib.close()
    sys.stdout.flush()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", default="1", help="one seed or several, comma-separated (their means are printed)")
    ap.add_argument("--events", type=int, default=84)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--chunk", type=int, default=0, help="articles stored and grouped at a time (0: a day's)")
    ap.add_argument("--rebuild", action="store_true", help="then regroup the library from scratch")
    ap.add_argument("--at-once", action="store_true", help="also store the month at once and group it in one call")
    ap.add_argument("--told", type=float, default=0.6,
                    help="the share of its kind's lines each event tells (fewer: events of a kind share less)")
    ap.add_argument("--detail", action="store_true", help="list the mixed stories' events")
    ap.add_argument("--vary", action="store_true",
                    help="each outlet words its reports its own way (fewer shared sentences, background lines)")
    ap.add_argument("--show", type=int, default=0, help="print this many generated reports and stop")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seed.split(",")]
    if args.show:
        for r in events(seeds[0], args.events, args.days, args.told, args.vary)[:args.show]:
            print(f"{r['date']} {r['source']} [{r['kind']} #{r['event']}] {r['title']}\n  {r['body']}\n")
        return
    with tempfile.TemporaryDirectory(prefix="month-library-") as tmp:
        runs = [run(s, args.events, args.days, args.chunk, args.rebuild, args.at_once, args.detail, Path(tmp),
                    args.told, args.vary)
                for s in seeds]
    if len(runs) > 1:
        for kind in runs[0]:
            f = sum(x[kind]["f1"] for x in runs) / len(runs)
            st = sum(x[kind]["stories"] for x in runs) / len(runs)
            print(f"mean of {len(runs)} seeds, {kind}: F1 {f:.4f}, stories {st:.1f}")


if __name__ == "__main__":
    main()
