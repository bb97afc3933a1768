"""Our own word lists and sentence templates for the benchmark library generator.

Everything here is invented for the benchmark: names are common given names and surnames combined
at random, publications and organisations are made up, and the templates are written for this file.
"""

FIRST = (
    "Ana Maria Lucas Sofia Daniel Elena Marco Laura Pedro Carmen Jonas Ingrid Tomas Helena Rafael Nadia Victor "
    "Irene Samuel Clara Hugo Alicia Martin Rosa Felipe Julia Oscar Teresa Adrian Paula Ivan Marta Emil Leila "
    "Gustavo Beatriz Andrei Noor Kwame Amara Yusuf Mei Hiroshi Priya Arjun Fatima Omar Zanele Thabo Ingrid "
    "Lars Astrid Niko Greta Pablo Lucia Diego Valeria Mateo Camila Bruno Olga Dmitri Sven Katarina"
).split()
LAST = (
    "Alvarez Moreno Castillo Herrera Lindqvist Novak Kowalski Rossi Bianchi Dubois Laurent Okafor Mensah Haddad "
    "Nakamura Tanaka Sharma Iyer Petrov Ivanova Jensen Larsen Ferreira Almeida Santos Ortega Navarro Mendez "
    "Vargas Rojas Silva Costa Keller Brandt Weber Fischer Nilsson Berg Horvat Kovacs Popescu Marin Duarte "
    "Quintero Salazar Acosta Fuentes Cardenas Ibarra Molina Aguilar Benitez Rahman Chowdhury Osei Adeyemi"
).split()
CITIES = (
    "Lisbon Porto Valencia Bilbao Lyon Marseille Turin Naples Krakow Gdansk Brno Graz Leipzig Hamburg Gothenburg "
    "Bergen Tampere Riga Tallinn Vilnius Sofia Varna Cluj Split Zagreb Izmir Haifa Casablanca Dakar Accra Lagos "
    "Nairobi Mombasa Durban Lusaka Lima Cusco Quito Medellin Cali Montevideo Rosario Cordoba Valparaiso Recife "
    "Manaus Curitiba Monterrey Guadalajara Oaxaca Tijuana Osaka Sapporo Busan Pune Chennai Surabaya Cebu Perth Hobart"
).split()
COUNTRIES = (
    "Portugal Spain France Italy Poland Czechia Austria Germany Sweden Norway Finland Latvia Estonia Lithuania "
    "Bulgaria Romania Croatia Turkey Morocco Senegal Ghana Nigeria Kenya Zambia Peru Ecuador Colombia Uruguay "
    "Argentina Chile Brazil Mexico Japan Korea India Indonesia Philippines Australia Canada Bolivia Paraguay"
).split()
REGIONS = ("the northern provinces", "the coastal region", "the river delta", "the southern highlands",
           "the eastern border area", "the capital district", "the western plains", "the island chain")
PUBLICATIONS = ("Harbor Daily", "Northern Wire", "The Meridian Post", "Coastline Times", "Valley Ledger",
                "The Evening Compass", "Continental Dispatch", "Riverside Chronicle", "The Upland Herald",
                "Atlas News Service", "Beacon Report", "The Granite Courier")
ORG_KINDS = ("Ministry of Finance", "Ministry of Transport", "Central Bank", "Supreme Court", "Electoral Council",
             "National Statistics Office", "Port Authority", "Health Department", "Energy Regulator",
             "Farmers Association", "Teachers Union", "Chamber of Commerce", "Water Board", "Coast Guard",
             "Planning Commission", "Railway Company", "Mining Federation", "Housing Agency")
ROLES = ("minister", "governor", "spokesperson", "director", "mayor", "economist", "union leader", "senator",
         "analyst", "chief executive", "judge", "professor", "police chief", "ambassador", "farmer", "engineer")
MONTHS = ("January February March April May June July August September October November December").split()
DAYS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()

# Each topic brings its own nouns and verbs so search terms have realistic, uneven frequencies.
TOPICS = {
    "economy": {
        "tags": "Economy Business Markets",
        "nouns": ("inflation", "interest rates", "the budget deficit", "public debt", "exports", "the currency",
                  "wages", "consumer prices", "tax revenue", "the trade balance", "bond yields", "fuel subsidies"),
        "verbs": ("rose", "fell", "stabilised", "slowed", "accelerated", "surprised analysts"),
        "things": ("a spending review", "a tax reform", "a rate decision", "a debt restructuring plan",
                   "a wage agreement", "an export programme"),
    },
    "politics": {
        "tags": "Politics World",
        "nouns": ("the coalition", "the opposition", "the electoral law", "the senate vote", "the cabinet",
                  "the reform bill", "the runoff", "the referendum", "party leaders", "regional governors"),
        "verbs": ("stalled", "collapsed", "advanced", "won support", "faced criticism", "was delayed"),
        "things": ("a constitutional amendment", "an early election", "a confidence vote", "a new cabinet",
                   "a decentralisation plan", "a transparency law"),
    },
    "energy": {
        "tags": "Energy Environment",
        "nouns": ("lithium output", "the power grid", "gas prices", "solar capacity", "the refinery",
                  "hydropower reserves", "wind farms", "oil production", "electricity tariffs", "the pipeline"),
        "verbs": ("expanded", "was halted", "doubled", "fell short", "recovered", "drew protests"),
        "things": ("a mining concession", "a grid upgrade", "an offshore wind tender", "a fuel price cap",
                   "a battery plant", "a drilling moratorium"),
    },
    "transport": {
        "tags": "Transport Infrastructure",
        "nouns": ("the rail line", "port traffic", "the airport expansion", "bus fares", "the highway project",
                  "freight volumes", "the metro extension", "ferry services", "the bridge repairs"),
        "verbs": ("reopened", "was suspended", "ran over budget", "carried record numbers", "was approved"),
        "things": ("a high-speed rail link", "a port concession", "a fare freeze", "a road safety plan",
                   "a cargo corridor", "an airport tender"),
    },
    "health": {
        "tags": "Health Science",
        "nouns": ("hospital waiting lists", "the vaccination campaign", "dengue cases", "nurse shortages",
                  "the drug supply", "clinic funding", "emergency admissions", "the measles outbreak"),
        "verbs": ("increased", "eased", "worsened", "were brought under control", "reached a peak"),
        "things": ("a rural clinic programme", "a nurse training scheme", "a drug pricing rule",
                   "a mosquito control drive", "an emergency fund", "a screening campaign"),
    },
    "weather": {
        "tags": "Weather Climate",
        "nouns": ("the drought", "heavy rains", "the heatwave", "flooding", "the storm season", "river levels",
                  "crop losses", "wildfires", "the cold snap", "landslides"),
        "verbs": ("intensified", "subsided", "displaced families", "cut power", "damaged harvests"),
        "things": ("an evacuation order", "a relief package", "a flood barrier", "a water rationing plan",
                   "an early warning system", "a reforestation effort"),
    },
    "technology": {
        "tags": "Technology Science Business",
        "nouns": ("the data centre", "broadband coverage", "the satellite launch", "chip exports",
                  "the digital identity system", "cyber attacks", "the startup fund", "mobile payments"),
        "verbs": ("grew quickly", "was breached", "went live", "attracted investors", "was postponed"),
        "things": ("a privacy law", "a cloud contract", "a coding school", "an open data portal",
                   "a spectrum auction", "a research grant"),
    },
    "sport": {
        "tags": "Sport",
        "nouns": ("the national team", "the league final", "ticket sales", "the stadium plan", "the coach",
                  "the marathon", "the cycling tour", "youth academies", "the transfer window"),
        "verbs": ("drew crowds", "ended in a draw", "was cancelled", "broke a record", "lost narrowly"),
        "things": ("a bid to host the games", "a new stadium", "a doping inquiry", "a youth league",
                   "a broadcasting deal", "a training centre"),
    },
}

# Sentence templates. Slots: {P} full name, {S} surname, {R} role, {O} organisation, {C} city, {K} country,
# {G} region, {N} topic noun, {V} topic verb, {T} topic thing, {n} number, {pc} percent, {m} money,
# {d} weekday, {mo} month, {y} year, {Q} quote clause.
PLAIN = (
    "{N} {V} in {C} on {d}, according to figures released by the {O}.",
    "The {O} said {N} {V} by {pc} in {mo}, the largest change since {y}.",
    "Officials in {C} expect {T} to cost about {m} over the next {few} years.",
    "{P}, the {R} who has led the talks since {y}, did not respond to requests for comment.",
    "Residents of {G} have complained for months that {N} {V} without any warning.",
    "The plan, first announced in {mo} {y}, would affect roughly {n},000 households in {K}.",
    "Critics argue that {T} does little to address {N}, which {V} again this year.",
    "{S} met representatives of the {O} in {C} on {d} to discuss {T}.",
    "Analysts at the {O} estimate that {N} could cost the economy {m} a year.",
    "In {C}, {n} people gathered outside the offices of the {O} to demand {T}.",
    "The {O} has until {mo} to present its proposal, which requires the approval of {K}'s congress.",
    "Turnout in {G} was {pc}, well below the national average.",
    "A report published on {d} found that {N} {V} in {n} of the country's {n2} provinces.",
    "The government of {K} said it would review {T} after {N} {V}.",
    "{P} called the decision a turning point for {G}.",
    "Since {y}, {N} {V2} in every quarter but one.",
    "The measure passed by {n} votes to {n2} after a debate that lasted late into the night.",
    "Investors in {C} reacted cautiously, and the currency {V3} {pc} against the dollar.",
    "Neighbouring {K} has tried {T} before, with mixed results.",
    "Local businesses in {C} say they lost {m} during the disruption.",
    "The {O} will publish its next assessment on {mo} {day}, {y}.",
    "Opposition lawmakers said {T} had been rushed and asked the {O} for more data.",
    "According to the {O}, about {pc} of the funds have already been spent in {G}.",
    "The dispute over {N} has dominated the campaign in {K} for weeks.",
)
QUOTED = (
    "\"{Q},\" {P}, the {R}, said on {d}.",
    "\"{Q},\" {S} told reporters in {C}.",
    "\"{Q}. {Q2},\" said {P}, a {R} at the {O}.",
    "{P} said: \"{Q}.\"",
    "\"{Q},\" {S} said. \"{Q2}.\"",
    "According to {P}, \"{Q}.\"",
    "\"{Q},\" {S_pron} said, adding that {N} {V} faster than expected.",
)
QUOTE_CLAUSES = (
    "We cannot keep postponing {T}", "This is not the time to panic about {N}",
    "The numbers speak for themselves", "People in {G} deserve a straight answer",
    "Nobody expected {N} to change so quickly", "We will keep working with the {O}",
    "This agreement protects families in {C}", "The real question is who pays for {T}",
    "It was a difficult decision, but the right one", "We have asked the {O} to publish everything",
    "Our members will not accept {T} in its current form", "The data from {C} is encouraging",
    "There is still a lot of work ahead", "We warned about {N} two years ago",
)
TITLES = (
    "{O} backs {T} as {N} {V}", "{N} {V} in {C}, {O} says", "{K} weighs {T} after {N} {V}",
    "{S} pushes {T} despite criticism from {C}", "In {G}, {N} {V} for a {ord} month",
    "{C} braces for {T} as {N} {V}", "{O} report: {N} {V} by {pc}", "{K} and {K2} sign {T}",
)
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
