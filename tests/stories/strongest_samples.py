"""Our own articles (invented town, people and outlets) for a story's strongest quote: three outlets report one council
vote. Every outlet prints a councillor's scare-quoted phrase ('called the plan “a false economy”') and a piece of hers
that follows a comma in lower case ('Marwood said, “the people ...”'); a short reply of the leader's is printed twice;
the leader's and the councillor's whole quotations, with names and figures, once each. The strongest quote is a whole
quotation of a named speaker, the most important of those, whatever the outlets of the scraps."""

from __future__ import annotations

from tui.models import Article

LEADER = "Tobias Renholt"
COUNCILLOR = "Ines Marwood"
PHRASE = "a false economy"  # scare-quoted: three outlets
SCRAP = "the people of Mill Lane will pay for this with longer waits every winter."  # after a comma: three outlets
REPLY = "We listened closely,"  # short (three words): two outlets
PLAIN = "The vote was always going to be close,"  # the leader's first whole quotation: one outlet
STRONG = ("Moving the buses to Elsby saves Quarrow 1.2 million a year and keeps every one of the 40 drivers in work,")
HERS = "Nobody on Mill Lane was asked before the council drew up this plan,"  # one outlet

HERALD = Article(
    title="Quarrow council votes to shut the Mill Lane bus depot",
    source="Quarrow Herald",
    published="2026-06-02",
    body=("Quarrow council voted on Tuesday to close the bus depot on Mill Lane by March and move its drivers to the "
          "depot at Elsby.\n\n"
          f"“{PLAIN}” said council leader {LEADER} after the vote.\n\n"
          f"Councillor {COUNCILLOR} said, “{SCRAP}” She called the plan “{PHRASE}” before the vote.\n\n"
          f"“{REPLY}” {LEADER.split()[1]} said.\n\n"
          f"“{STRONG}” {LEADER.split()[1]} told the meeting.\n\n"
          "The depot opened in 1962 and has 14 bays."),
)
GAZETTE = Article(
    title="Mill Lane bus depot to close as Quarrow council backs move to Elsby",
    source="Elsby Gazette",
    published="2026-06-02",
    body=("The bus depot on Mill Lane in Quarrow will close by March after the town's council backed a move of its "
          "drivers to Elsby on Tuesday.\n\n"
          f"Councillor {COUNCILLOR}, who voted against, said, “{SCRAP}” She called the plan “{PHRASE}”.\n\n"
          f"“{HERS}” {COUNCILLOR.split()[1]} told the chamber.\n\n"
          f"“{REPLY}” said council leader {LEADER}.\n\n"
          "Elsby's depot has room for the extra buses, the council said."),
)
POST = Article(
    title="Quarrow to lose its Mill Lane bus depot after council vote",
    source="Vale Post",
    published="2026-06-03",
    body=("Councillors in Quarrow have voted to shut the Mill Lane bus depot by March and send its buses to Elsby.\n\n"
          f"Councillor {COUNCILLOR} said, “{SCRAP}” She called the plan “{PHRASE}” on Tuesday.\n\n"
          "The depot opened in 1962. Its drivers will start at Elsby in the spring, the council said."),
)

ALL = [HERALD, GAZETTE, POST]
