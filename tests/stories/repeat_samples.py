"""Three invented events, each told by four outlets in their own words (written for these tests; no real event,
place or person): the story summary must say each fact once, however it is worded, and open with what happened."""

from __future__ import annotations

# (source, day, body) of each outlet's report
FIRE = [
    ("Harnby Courier", "2026-02-10",
     "A fire tore through the Velcor research laboratory in Harnby on Tuesday night, killing three technicians. "
     "Firefighters from four stations fought the flames for more than five hours before the roof collapsed. "
     "About 40 residents of nearby Mill Lane spent the night in the school hall after police cleared their street. "
     "Velcor said the laboratory tested coatings for ship hulls and stored several solvents on site. "
     "Fire chief Ada Morrow said investigators would enter the ruins once the walls were made safe. "
     "The company has promised to pay for temporary housing for the Mill Lane families."),
    ("Northern Ledger", "2026-02-10",
     "Three lab workers lost their lives when flames swept the Velcor building in Harnby late on Tuesday. "
     "Police moved some 40 people from homes on Mill Lane as smoke drifted across the town centre. "
     "Ada Morrow, who leads the county fire service, said crews had kept the blaze from spreading to a fuel depot. "
     "Velcor shares fell sharply when trading opened in the morning. "
     "A vigil for the victims is planned outside the town hall on Friday evening."),
    ("Radio Harnby", "2026-02-11",
     "Harnby is mourning three Velcor technicians who died in Tuesday night's laboratory fire. "
     "The town's mayor, Pieter Lask, ordered flags on public buildings lowered for a week. "
     "Mill Lane residents were allowed back into their homes on Wednesday afternoon. "
     "Investigators are looking at a storeroom where cleaning solvents were kept. "
     "Velcor's chief executive, Ines Varga, visited the site and met relatives of the dead technicians."),
    ("Coastline Daily", "2026-02-11",
     "The blaze at Velcor's Harnby laboratory on Tuesday claimed three lives, fire officials confirmed. "
     "Neighbours described hearing a loud bang shortly before 11 p.m. and seeing orange light above the roofs. "
     "Safety inspectors visited the laboratory twice last year and found no serious faults, records show. "
     "The union representing laboratory staff has asked for a public inquiry into storage rules. "
     "Velcor has closed its two other sites in the region while checks are carried out."),
]

FERRY = [
    ("Island Post", "2026-05-16",
     "The ferry Marisol ran aground on rocks off Tolvik island on Saturday morning with 212 passengers on board. "
     "Coastguard boats and fishing vessels took every passenger off the stranded ship within four hours. "
     "Two crew members were treated in hospital for cuts and a broken wrist. "
     "The operator, Westsound Lines, said the Marisol had left Brekka harbour forty minutes earlier in thick fog. "
     "Services between Brekka and Tolvik are suspended until a replacement vessel arrives."),
    ("Westsound Herald", "2026-05-16",
     "All 212 people travelling on the Marisol were brought ashore safely after the ferry struck a reef near Tolvik. "
     "Skipper Jonas Hale radioed for help shortly after 9 a.m., the coastguard said. "
     "Residents of Tolvik opened the village hall and served soup to passengers wrapped in blankets. "
     "Two members of the crew needed hospital treatment for minor injuries. "
     "Divers will inspect the damaged hull on Sunday if the sea calms."),
    ("Brekka Evening News", "2026-05-17",
     "Salvage crews arrived on Sunday to assess the Marisol, the ferry that grounded off Tolvik on Saturday. "
     "Every one of the 212 passengers was rescued, with no serious injuries reported among them. "
     "Westsound Lines said it would charter a vessel from the mainland to restore the Tolvik service by Wednesday. "
     "The maritime safety board is examining the course the ship took through the fog. "
     "Fuel oil was seen leaking from a tank, and a boom has been laid around the hull."),
    ("Fjordside Radio", "2026-05-17",
     "Rescuers lifted 212 passengers from the grounded Marisol off Tolvik on Saturday without a single life lost. "
     "An oil slick about 300 metres long has formed near the wreck, environmental officers said on Sunday. "
     "Seabird volunteers from Brekka are on standby to clean any birds caught in the oil. "
     "Westsound Lines apologised to passengers and promised to refund every ticket. "
     "Skipper Jonas Hale has been questioned by investigators but has not been charged."),
]

BRIDGE = [
    ("Brennock Gazette", "2026-09-03",
     "Brennock council voted on Thursday to close the Quarry Road bridge after engineers found its steel supports "
     "badly corroded. "
     "Councillors backed the closure by seven votes to two at a meeting that ran past midnight. "
     "Repairs are expected to cost 4.2 million pounds and take at least eighteen months. "
     "Buses on the number 6 route will be diverted through Ashby Street from Monday. "
     "Shop owners on Quarry Road said the closure would cut them off from half their customers."),
    ("Valley Chronicle", "2026-09-03",
     "The Quarry Road bridge in Brennock will shut on Monday following a council decision on Thursday night. "
     "Seven councillors supported shutting the crossing while two opposed it. "
     "An inspection in August found rust had eaten through parts of the bridge's steel frame. "
     "Council leader Ruth Okafor said public safety left the council no choice. "
     "The school run will take longer for families in the Hillside estate, parents warned."),
    ("Brennock Today", "2026-09-04",
     "Brennock's Quarry Road bridge is to close after a seven-to-two council vote on Thursday. "
     "The 4.2 million pound repair will be paid from the council's roads budget and a national grant. "
     "Ruth Okafor, the council leader, said work would start in the spring. "
     "A temporary footbridge for pedestrians and cyclists is being considered. "
     "Traders have called a meeting for Saturday to discuss help with lost trade."),
    ("Riverside FM", "2026-09-04",
     "By a margin of seven to two, Brennock councillors decided on Thursday that the Quarry Road bridge must close. "
     "Fixing the bridge will cost an estimated 4.2 million pounds, according to the council's engineers. "
     "The bridge carries about 9,000 vehicles a day between the town centre and the ring road. "
     "Opposition councillor Dev Patel said the council had ignored warnings about the bridge for years. "
     "Diversion signs went up along Ashby Street on Friday morning."),
]

EVENTS = {"fire": FIRE, "ferry": FERRY, "bridge": BRIDGE}

# the event told once by each outlet in its own words, and the rest about one side matter all three share words on
SLIDE = [
    ("Valley Post", "2026-04-05",
     "A landslide buried four houses in the mountain village of Ostrel on Sunday, killing two farmers. "
     "The regional council had promised in its road budget to shore up the slope above the village road. "
     "Members of the regional council said the road budget money for the slope was spent on the valley road instead. "
     "The regional council will debate the road budget again next month."),
    ("Ostrel Weekly", "2026-04-05",
     "Two men died on Sunday when a hillside collapsed onto homes in Ostrel. "
     "Residents said the regional council ignored their letters about the road budget for the slope. "
     "The regional council's road budget for mountain villages was cut by a third last year. "
     "Opposition members of the regional council want the road budget reviewed."),
    ("Mountain Radio", "2026-04-06",
     "Mud and rock swept over part of Ostrel on Sunday, and two farmers were found dead under the debris. "
     "The regional council defended its road budget, saying the slope had been inspected. "
     "A spokesman for the regional council said the road budget could not cover every slope. "
     "The regional council's road budget will be published in full on Friday."),
]
