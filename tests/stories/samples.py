"""Our own invented articles for the story tests: one strike reported by four outlets (one of them the
same wire text as another), a product recall by three outlets, and unrelated pieces. All written for
these tests; no real event is described."""

from __future__ import annotations

from tui.models import Article

STRIKE = [
    Article(
        title="Dock workers at Port Calderon walk out over night shifts",
        source="Coastal Herald", published="2026-03-02",
        body=(
            "Dock workers at Port Calderon stopped work on Monday, leaving container ships idle along the quays "
            "after talks over night-shift pay collapsed.\n\n"
            "The Calderon Dockers Union said about 1,800 members joined the strike, which began at 6 a.m. and "
            "is planned to last 48 hours.\n\n"
            "\"We have asked for a fair night rate for three years and nobody listened,\" said Marta Okonkwo, "
            "the union's general secretary.\n\n"
            "The port authority said perishable cargo would be moved to the smaller terminal at Brisa Point.\n\n"
            "Governor Tomas Reyes urged both sides to return to the table before the weekend."
        )),
    Article(
        title="Port Calderon strike strands 40 ships as union and port trade blame",
        source="Daily Meridian", published="2026-03-02",
        body=(
            "About 40 cargo ships were waiting outside Port Calderon on Monday as a strike by dock workers "
            "entered its first day.\n\n"
            "The Calderon Dockers Union, led by Marta Okonkwo, wants night shifts paid at a higher rate and "
            "says the port authority broke a promise made in 2024.\n\n"
            "\"The authority signed a deal and then forgot it,\" Okonkwo told reporters at the main gate. "
            "\"Our members are tired of waiting.\"\n\n"
            "Port director Alain Brune said the union's demands would cost 12 million crowns a year. "
            "\"We cannot pay what we do not earn,\" Brune said.\n\n"
            "Governor Reyes said he would meet both sides on Wednesday."
        )),
    Article(
        title="Calderon port strike: talks set for Wednesday",
        source="Northbay Times", published="2026-03-03",
        body=(
            "Talks to end the dock strike at Port Calderon will open on Wednesday at the governor's office, "
            "officials said on Tuesday, as the walkout by 1,800 workers entered its second day.\n\n"
            "Governor Tomas Reyes said he expected a deal on night-shift pay within days. \"Nobody gains "
            "from empty quays,\" Reyes said.\n\n"
            "Marta Okonkwo of the Calderon Dockers Union said the strike would end only with a signed offer. "
            "\"A handshake is not enough this time,\" she said.\n\n"
            "Fishing crews at Brisa Point complained that diverted cargo had blocked their berths."
        )),
    # The same wire text as the Northbay Times piece, run by another paper under its own headline.
    Article(
        title="Governor to host port talks as dock strike continues",
        source="Valley Courier", published="2026-03-03",
        body=(
            "Talks to end the dock strike at Port Calderon will open on Wednesday at the governor's office, "
            "officials said on Tuesday, as the walkout by 1,800 workers entered its second day.\n\n"
            "Governor Tomas Reyes said he expected a deal on night-shift pay within days. \"Nobody gains "
            "from empty quays,\" Reyes said.\n\n"
            "Marta Okonkwo of the Calderon Dockers Union said the strike would end only with a signed offer. "
            "\"A handshake is not enough this time,\" she said.\n\n"
            "Fishing crews at Brisa Point complained that diverted cargo had blocked their berths nearby."
        )),
    Article(
        title="Port Calderon dockers accept night-pay offer, ending strike",
        source="Coastal Herald", published="2026-03-05",
        body=(
            "Dock workers at Port Calderon voted on Thursday to accept a new night-shift pay offer, ending a "
            "strike that had left dozens of ships waiting offshore.\n\n"
            "The deal, brokered by Governor Tomas Reyes, raises the night rate by 18 percent over two years.\n\n"
            "\"This is what we asked for from the start,\" Marta Okonkwo said after the vote.\n\n"
            "The port authority said the first ships would berth on Friday morning and that the backlog "
            "would take about a week to clear."
        )),
]

RECALL = [
    Article(
        title="Lumen Biotech recalls insulin pens after dosing fault",
        source="Health Wire", published="2026-03-03",
        body=(
            "Lumen Biotech is recalling 250,000 insulin pens sold in six countries after finding that a faulty "
            "dial could deliver the wrong dose.\n\n"
            "The company said no patient had been harmed but asked users to return pens from batches made in "
            "January.\n\n"
            "\"Patient safety comes before everything else,\" said chief executive Priya Raman."
        )),
    Article(
        title="Insulin pen recall: what Lumen users need to know",
        source="Daily Meridian", published="2026-03-03",
        body=(
            "People who use Lumen Biotech insulin pens should check the batch number printed on the side, the "
            "company said on Tuesday as it recalled 250,000 pens with a faulty dosing dial.\n\n"
            "Pharmacies will swap affected pens free of charge. Lumen chief executive Priya Raman said "
            "replacement stock was already in shops.\n\n"
            "Regulators said they were reviewing how the fault was missed."
        )),
    Article(
        title="Regulator opens inquiry into Lumen insulin pen fault",
        source="Northbay Times", published="2026-03-04",
        body=(
            "The national medicines regulator opened an inquiry on Wednesday into how a dosing fault in Lumen "
            "Biotech insulin pens went unnoticed before 250,000 of them were sold.\n\n"
            "Raman said the company would publish its own findings. \"We will show every step of how this "
            "happened,\" she said.\n\n"
            "The recalled pens were made at the company's plant in Ostrava in January."
        )),
]

OTHER = [
    Article(
        title="Teenager wins city chess open on tie-break",
        source="Northbay Times", published="2026-03-02",
        body=(
            "A 15-year-old from Marlow won the city chess open on Sunday after beating two grandmasters in a "
            "tense tie-break.\n\n"
            "Ines Varga finished the nine rounds unbeaten and said she had prepared with her grandfather, a "
            "retired teacher.\n\n"
            "The tournament drew 300 players, its largest field in a decade."
        )),
    Article(
        title="Old mill reopens as a bakery and reading room",
        source="Valley Courier", published="2026-03-04",
        body=(
            "A flour mill that stood empty for twenty years reopened on Wednesday as a bakery with a small "
            "reading room upstairs.\n\n"
            "The owners, two sisters who grew up in the valley, restored the water wheel and bake rye bread "
            "with flour ground on site.\n\n"
            "Visitors queued along the river path for the first loaves."
        )),
    Article(
        title="Late frost threatens early apricot blossom",
        source="Coastal Herald", published="2026-03-05",
        body=(
            "Growers in the southern orchards lit burners overnight as temperatures fell to minus four degrees, "
            "threatening apricot blossom that opened early after a mild February.\n\n"
            "Forecasters said the cold would ease by the weekend.\n\n"
            "Orchard owners said it was too soon to count losses."
        )),
]

ALL = STRIKE + RECALL + OTHER
