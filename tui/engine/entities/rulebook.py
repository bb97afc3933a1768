"""Every hand-written entity rule, as named data: what it is for and our own sentences it must change
and must leave alone (tests/engine/test_rules.py checks each through the "entities" probe).

The rules themselves are branches in repair.py, heads.py, inner_words.py, kinds.py, layout.py, name_starts.py,
evidence.py, linking.py, rules.py and tag_names, each guarded by `enabled(name)`; this file is the list.

Keeping a rule: `python bench/quality_ner.py --ablate` prints each rule's effect on both halves of both dev
sets. A rule stays only while it lowers no half of either dev set; one that raises neither stays only for an
error on our own texts that it fixes (its examples say which): the reader-visible errors of issue 12
(newspapers, streets, vehicles, section-tag lines, Irish names, "the current one"), the
sample articles' errors of session 4 (the last block), and "trim-roles" (the seed article's soprano).
`bench/crossval_ner.py --ablate` makes the same check on a held-out fold of CoNLL train.
"""

from __future__ import annotations

from ..rules import guard

STAGE = "entities"


def _rule(name: str, reason: str, changes: list, keeps: list) -> None:
    guard(name, STAGE, reason, changes=changes, keeps=keeps)

# --- tag_names: what the tagger's label means --------------------------------------------------------
_rule("org-head-not-place", "a name of two words or more the tagger called a place, ending in College, Ministry, "
      "Party ... (NER train: never a place), is an organisation (session 12)",
      [("He taught at Varno Academy for ten years.", [("Varno Academy", "ORG"), ("ten", "CARDINAL")])],
      ["He taught in Varno for ten years."])
_rule("people-plural", "a people's plural the tagger called a person or a company is NORP",
      ["Kenyans vote on Sunday."], ["Jonas Berg protested."])

# --- repair.py -----------------------------------------------------------------------------------------
_rule("acronym-defined-name", "a name followed by its acronym in parentheses is one organisation",
      [("The Centre for Harbour Studies' (CHS) report was late.",  # without a plural's apostrophe (s10)
        [("Centre for Harbour Studies", "ORG"), ("CHS", "ORG")]),
       ("The plan was drawn up by John Fitzgerald Kessel (JFK) in 1961.",  # ... but initials of a person are one
        [("John Fitzgerald Kessel", "PERSON"), ("JFK", "PERSON"), ("1961", "DATE")])],
      ["The river board met on Monday."])
_rule("acronym-of-common-words", "an acronym defined in parentheses by the lower-case words before it ('hard red winter "
      "(HRW)', 'kilovolt (KV)') names a kind of thing: no name in any mention (NER train's first 80%: none of three; "
      "session 38)",
      [("Farmers sold more soft white winter (SWW) wheat this year. SWW prices rose.",
        [("this year", "DATE")]),
       ("Sales of dark northern spring (DNS) wheat rose. DNS sold at $212.", [("$212", "MONEY")])],
      ["The Kessel Rowing Club (KRC) met on Monday. KRC won."])
_rule("plural-of-a-name", "a plural whose singular the text also capitalises names things, not a person",
      ["The Kestrel phone sold well, and Kestrels are everywhere now."], ["The Kestrel phone sold well everywhere."])

_rule("article-opens-no-name", "'A' or 'An' opening a sentence is no part of the name after it ('A US official "
      "said': the tagger ran a name over it; session 15)",
      [("The US has offered help. A US official said the US would send engineers.",
        [("US", "GPE"), ("US", "GPE"), ("US", "GPE")])],
      ["The US has offered help. An official said the US would send engineers."])
_rule("trim-roles", "role words glued to the front of a person are cut off (exception: no dev effect; the seed article's soprano needs it)",
      ["The prize went to Soprano Lidia Varga on Sunday.",
       # a title without its full stop before a bare surname (British letters and speeches; session 22)
       ("The landlord, Mr Brannock, will not mend the boiler.", [("Brannock", "PERSON")]),
       ("I want to thank Councillor Pryce as well.", [("Pryce", "PERSON")]),
       # a title of another language (roles.txt; session 35)
       ("Herr Anselm Kroll spoke first.", [("Anselm Kroll", "PERSON")]),
       # a peer's title before the name of the title (session 38: entity_words.txt honorific_only)
       ("The speech was given by Lady Marwood, who opened the new wing.", [("Marwood", "PERSON")])],
      ["The prize went to Lidia Varga on Sunday."])

_rule("first-name-joins-person", "an untagged capitalised word inside a sentence that is no function, time or role "
      "word nor one news mostly writes in lower case, right before a one-word person, is its first name ('had called "
      "Barack' + 'Obama'; session 15)",
      [("Donald Trump spoke to reporters on Monday. Trump said he had called Barack Obama. Mr. Obama did not reply.",
        [("Donald Trump", "PERSON"), ("Monday", "DATE"), ("Trump", "PERSON"), ("Barack Obama", "PERSON"),
         ("Obama", "PERSON")])],
      ["Lena Brandt spoke on Monday. Brandt said she had called Aarvik. Mr. Aarvik did not reply."])
_rule("people-word-opens-person", "a people's adjective or plural opening a 'person' ('Namibian Frankie Fredericks') "
      "is a NORP before the person (NER train: no person opens so but with a first name like 'Christian'; session 12)",
      [("Kenyan Kurt Vella won the sprint on Sunday.", [("Kenyan", "NORP"), ("Kurt Vella", "PERSON"), ("Sunday", "DATE")]),
       "Danish Kurt Vella won the sprint on Sunday.",
       # people-nouns (peoples.txt), and a 'company' whose words after the people's word are a full name (session 31)
       ("Frenchman Luc Varenne painted the harbour.", [("Frenchman", "NORP"), ("Luc Varenne", "PERSON")]),
       ("We thank Kiwi Sam Hale, our engineer.", [("Kiwi", "NORP"), ("Sam Hale", "PERSON")])],
      ["Christian Holm won the race in Varno.", "Kiwi Fruit Growers met in Varno."])
_rule("trade-word-ends-name", "a 'person' or a 'place' of two words or more ending in a trade's word ('Haulage', 'Ferries', "
      "'Roofing'; entity_words.txt) is a firm named after a family or a place (session 31: 15 such firms in our texts)",
      [("The contract went to Keane Haulage of Varno.", [("Keane Haulage", "ORG"), ("Varno", "LOC")]),
       ("Hollis Ferries runs the crossing twice a day.", [("Hollis Ferries", "ORG")]),
       # a hospice named after its town (session 36)
       ("Donations, if desired, to Wolds Hospice.", [("Wolds Hospice", "ORG")])],
      ["The contract went to Ana Keane of Varno."])
_rule("toponym-end", "a name ending in a common word that ends English places ('End', 'Moss', 'Row', 'Green': "
      "entity_words.txt) is a place when its first word is no given name: the tagger's 'Harrowgate' before 'End' runs on "
      "to it, and a 'company' or a 'person' after 'from', 'in' ... ('from Pelling Moss') is the place; so is a 'person' "
      "opening with 'Nether', 'Upper', 'Lower' (session 32: reader-seen errors)",
      [("The bus to Quarrendon End runs twice a day.", [("Quarrendon End", "LOC")]),
       ("Grandmother came all the way from Tillery Moss for the wedding.", [("Tillery Moss", "LOC")]),
       ("The flood reached the houses on Tanner Row and the chapel.", [("Tanner Row", "LOC")])],
      ["Kate Moss came all the way from Paris for the wedding.", "The Red Cross sent tents to the valley."])
_rule("kin-word-no-name", "what a family calls its own ('Dear Mum and Dad', 'tell Gran': entity_words.txt kin_words) is no "
      "name, whatever the tagger said (session 32; our texts tag them as no name since session 16)",
      [("Dear Mum and Dad, we got here on Tuesday.", [("Tuesday", "DATE")]),
       ("Please tell Gran I am wearing the sun hat.", [])],
      ["Please tell Morag I am wearing the sun hat."])
_rule("holiday-is-a-date", "a feast day or a holiday the tagger made a name ('every Christmas' a place; 'Easter Monday', "
      "'Christmas Eve': entity_words.txt holidays) is a date (session 32: NER train never writes one, so the tagger guesses)",
      [("Mr Pottle still sends him a card every Christmas.", [("Pottle", "PERSON"), ("Christmas", "DATE")])],
      ["Mr Pottle still sends him a card every year."])
_rule("hotel-opens-firm", "a name opening with 'Hotel' ('Hotel Kessvik') is a business, not a person or a place "
      "(session 32: reader-seen 'Hotel Strandgaard' a person; NER train has no such name)",
      [("We booked two nights at the Hotel Kessvik, by the harbour.", [("two", "CARDINAL"), ("Hotel Kessvik", "ORG")])],
      ["We booked two nights at the Kessvik, by the harbour."])
_rule("said-speaker", "a lone capitalised word right after a quotation's closing mark and 'said' ('...,\" said Quillet.'), or "
      "right before 'said' there, is a person: not a place or a company made of an unknown surname, nor nothing "
      "(session 31: our own one-line quotes)",
      [("\"We will rebuild,\" said Quillet.", [("Quillet", "PERSON")]),
       ("\"It was a fine day,\" Ostrander said.", [("Ostrander", "PERSON")])],
      ["\"We will rebuild,\" police said.", "\"We will rebuild,\" said Norway's minister."])
_rule("title-opens-person", "a 'company' opening with a title or a role ('PC', 'Cllr') before a full name whose first word "
      "is a given name (or a name whose two words the word clusters never saw: session 32) is that person, and so is a "
      "title before the surname of a person named before (session 31: our outside-news text 60's constable)",
      [("PC Danny Holt joined for item 4. PC Holt said sheds were broken into.",
        [("Danny Holt", "PERSON"), ("4", "CARDINAL"), ("Holt", "PERSON")]),
       ("Churchwarden Dilys Penhale writes: the roof appeal has reached its target.", [("Dilys Penhale", "PERSON")])],
      ["PC World opened a shop in Varno."])
_rule("speech-verb-opens-person", "an inflected speech verb opening a sentence before a name ('Added Holm: ...') is "
      "no part of the person (session 11)",
      [("Mara Holm chairs the harbour board. She spoke for an hour.\n\nAdded Holm: “We will not sell the pier.”",
        [("Mara Holm", "PERSON"), ("Holm", "PERSON")]),
       "Ivo Brandt runs the ferry line. Explained Brandt, “The night crossings will stop in October.”"],
      ["Mark Holm chairs the harbour board. Mark Holm said: “We will not sell the pier to anyone.”",
       "Mara Holm chairs the harbour board. Post Holm, her brother, said: “We will not sell the pier.”"])

_rule("verb-opens-name", "a bare verb opening a sentence as an order ('Ask', 'Thank', 'Tell': the learned verb list's "
      "words that inflect) is no part of the person or organisation after it (session 16: our travel and speech texts)",
      [("Ask Marco at the front desk about boat trips.", [("Marco", "PERSON")]),
       ("Ask Varno Tourism for a map of the old town.", [("Varno Tourism", "ORG")])],
      ["Will Carter asked Marco about boat trips.", "Mark Holm asked about boat trips."])

# --- kinds.py ------------------------------------------------------------------------------------------
_rule("building-head", "a name ending in Stadium, Hall, Bridge ... is a building, not its owner nor a region "
      "(a 'place' too since session 15)",
      [("Traffic was stopped on the Osterby Bridge for an hour.", [("Osterby Bridge", "FAC")]),
       # 'Ground' among the building words (session 38: our hockey report 93's sports ground)
       ("The match moved to the Kelby Recreation Ground after the rain.", [("Kelby Recreation Ground", "FAC")])],
      ["Acme bought the arena last year."])
_rule("place-adjective", "a place-like word used as an adjective ('the Alpine valleys') is no place, nor an "
      "organisation when it stands alone before a word that is no verb (session 9)",
      ["Hellenic temples stood there.",
       "The Alpine Heritage Trust paid for the concert. Shepherds sang old songs in the Alpine valleys."],
      ["Temples stood in Greece.", "Atlantic said profits rose. Atlantic Richfield gained."])

# --- heads.py ------------------------------------------------------------------------------------------
_rule("name-runs-to-head", "a name runs on over capitalised words to its head ('... Rescue Accord'); a people's "
      "adjective and Union or Federation alone name a state (session 11)",
      [("The bank is a division of Varno Trust Corp.", [("Varno Trust Corp", "ORG")]),  # session 15
       ("Shares rose on rumours of a takeover bid by Kessel Capital Corp.", [("Kessel Capital Corp", "ORG")])],
      ["Talks stalled. The accord binds its members in Colombo."])
_rule("possessive-in-name", "a plural common noun with its possessive between a name and an organisation's head "
      "word is inside one name ('the Welsh Miners' Union'); a possessive on a name is not (session 12)",
      [("The Porto Women's Rowing Club won again.", [("Porto Women's Rowing Club", "ORG")]),  # session 15
       ("The Harbour Pilots' Guild met in Tolverne.", [("Harbour Pilots' Guild", "ORG"), ("Tolverne", "LOC")])],  # s33
      ["Talks with Varno's Liberal Party failed.", "The Rangers' Jon Hale scored twice.",
       "A spokesman said Ana Owens's Harbour Council had met.",
       "The dockers' union said the cranes would stop."])
_rule("school-name", "a name followed by (or ending in) Primary, High, Junior or Infants, and School or Academy, is a "
      "school: one organisation, not a person or a place (session 33)",
      [("Pupils at Thornby Green Primary sang on Friday.", [("Thornby Green Primary", "ORG"), ("Friday", "DATE")]),
       ("Children at Nettlebury Academy and Harlow Mead High School raised money.",
        [("Nettlebury Academy", "ORG"), ("Harlow Mead High School", "ORG")])],
      ["Ada Penrose went to the High Court in Tolverne.", "Tolverne High Street was closed on Monday."])
_rule("adjective-opens-sentence", "a one-word 'person' opening a sentence that news also writes in lower case ('Brown'), "
      "right before a lower-case word that is no verb, adverb or function word ('water'), is an adjective, unless the "
      "article names a person so (session 33; CoNLL train: 2 persons, 1,384 no name opening a sentence so)",
      ['"Warm days are welcome. Brown water is not," he said.'],
      ["Brown said the water was clean.", "Brown, the mayor of Tolverne, spoke.",
       "Ada Brown won the seat. Brown supporters cheered in Tolverne."])
_rule("owner-possessive-name", "a shop or a farm named after its owner with 's ('Tregenna's Bakery'), a church or a school "
      "after a saint ('St Aidan's Church Hall'), is one name through its 's (session 31: our outside-news texts 59-61)",
      [("Bread came from Pellow's Bakery on the quay.", [("Pellow's Bakery", "ORG")]),
       ("The choir sang at St Kenna's Church Hall on Friday.", [("St Kenna's Church Hall", "FAC"), ("Friday", "DATE")])],
      ["Talks with Varno's Liberal Party failed.", "Ana Pellow's bakery opened on the quay."])
_rule("own-s-name", "a name before 's that the article never writes without its 's, and writes once where no "
      "possessive stands (before a comma, a full stop, a preposition, 'said', 'would'), ends in its 's ('Moody's'; session 14)",
      [("Brenning's cut the bank's rating on Monday. Brenning's said the outlook was poor.",
        [("Brenning's", "ORG"), ("Monday", "DATE"), ("Brenning's", "ORG")]),
       "The ferry tickets are sold at Haldor's, the shop by the pier."],
      ["Karin Holt's plan failed. Holt's aides said nothing.",
       "The mayor of Varno spoke. Varno's council said the pier would close."])
_rule("plural-of-body", "a capitalised plural common noun inside a sentence, 'of' or 'for' (and 'the') and capitalised "
      "words are one organisation ('Friends of the Harbour'; session 12)",
      [("The money came from Friends of the Harbour, the council said.", [("Friends of the Harbour", "ORG")]),
       "The money came from Friends for the Varno Hills, the council said."],
      ["The friends of the harbour met in Varno.", "The President of the Republic spoke in Varno.",
       "Friends of the Harbour met in Varno."])
_rule("preposition-in-name", "a preposition written with a capital inside a sentence between capitalised words "
      "('Reporters Without Borders') is inside one name (session 12)",
      [("According to Nurses Without Frontiers, the clinic was finished.", [("Nurses Without Frontiers", "ORG")]),
       ("According to Nurses Against Hunger, the clinic was finished.", [("Nurses Against Hunger", "ORG")])],
      ["Nurses worked against hunger in the clinic.", "Nurses Rally Against Hunger In Every Clinic\nThe clinic was finished."])
_rule("event-head", "a name ending in Accord, Cup, Festival, War ... is an event or treaty (MISC), and so is a "
      "one-word name right before such an event the tagger set apart ('[Dunmore] [Hill Cup]'; session 15)",
      [("Riders lined up for the Dunmore Hill Cup on Saturday.", [("Dunmore Hill Cup", "MISC"), ("Saturday", "DATE")]),
       # a village's supper, show or fair and a club's trophy (entity_words.txt misc_heads; session 36)
       ("The quiz before the Harvest Supper raised £90.", [("Harvest Supper", "MISC"), ("£90", "MONEY")])],
      ["He won in Kelso in May.", "The England World Cup squad flew home."])

_rule("near-a-place", "a one-word 'person' right after 'near' is a place: news puts places, not people, near "
      "things (NER train: 20 places, no person; session 12)",
      [("Mara Lind, who lives near Kessarn and has a heart condition, said the road was closed.",
        [("Mara Lind", "PERSON"), ("Kessarn", "LOC")])],
      ["Mara Lind, who lives in Kessarn and farms sheep, said the road was closed."])

_rule("misc-after-in-is-place", "a one-word MISC right after 'from', 'in' or 'near' and before a full stop or comma "
      "is a place, unless it ends like a language ('in Arabic.'; NER train: 254 places, 4 MISC; session 12)",
      [("\"We saw the eggs,\" Mara Lind told the desk by phone from Erfoud. \"They lay in a ring.\"",
        [("Mara Lind", "PERSON"), ("Erfoud", "LOC")])],
      ["The minister spoke in Arabic.", "The minister spoke from Kessarn."])

# --- evidence.py: one label per name from the whole article ------------------------------------------
# (REMOVED in session 5: "located-single", a lone word after 'in', 'near', 'the town of' made a place. It
# helped dev (+0.17 / +0.02) but lowered both halves of the time split of CoNLL train (-0.05 / -0.09,
# bench/crossval_ner.py --split time --ablate) and a half of the random fold (-0.20): later news it hurts.)

# --- linking.py ----------------------------------------------------------------------------------------
_rule("dateline-is-a-place", "the name opening a body's dateline ('VARNO, Estonia —') is a place, whatever the tagger said, "
      "in every mention of that name",
      ["BRAGA, Portugal — Braga's council voted on Monday to close the old market."],
      ["The new line to Kessarn opened on Monday after two years of work."])
_rule("dateline-place-not-surname", "the dateline's place is not re-read as a person's last name "
      "('Kalamaja Tallinn' wrongly a person does not make 'TALLINN, Estonia —' one)",
      ["NARVA, Estonia — Hillar Narva scored twice as Ostra won on Sunday."],
      ["Fans cheered as Levant beat Kalamaja Tallinn 2-1 on Sunday. Kalamaja, who had won the first leg, lost."])
_rule("dated-line-place", "the name of a wire dateline on its own line ('LEEDS, England 2024-03-05') is a place there, "
      "whatever the tagger said or the name is elsewhere (the body's club); NER train's first 80%: 722 of 726 places "
      "(session 38)",
      ["SOCCER - LEEDS WIN AGAIN.\nLEEDS, England 2024-03-05\nLeeds beat Fulham 2-0 on Tuesday.",
       "TENNIS - BRANDT WINS.\nOSLO March 5\nOla Brandt won the final in straight sets."],
      ["SOCCER - LEEDS WIN AGAIN.\nLeeds beat Fulham 2-0 on Tuesday, March 5."])
_rule("dateline-abbreviation-stop", "the region of a dated line written as an abbreviation keeps its full stop "
      "('IRVINE, Calif. 2024-03-05': the name is 'Calif.'); NER train's first 80%: all 7 such regions (session 38)",
      [("MARLOW, Calif. 2024-03-05\nShares of Kessel Corp rose.", [("MARLOW", "LOC"), ("Calif.", "LOC"),
        ("2024-03-05", "DATE"), ("Kessel Corp", "ORG")])],
      ["MARLOW, California 2024-03-05\nShares of Kessel Corp rose."])
_rule("fixture-venue-place", "the second name of a fixture line ('KESTON AT DARROWBY') is where the game is played, "
      "a place there; NER train's first 80%: all 89 such lines (session 38)",
      ["Results on Friday:\nKeston 98 Darrowby 90\nGames on Saturday:\nKeston at Darrowby",
       "Saturday fixtures:\nArsenal at Everton"],
      ["Results on Friday:\nKeston 98 Darrowby 90\nKeston play at Darrowby on Saturday."])
_rule("alias-label", "every variant of the United States, the UK, the EU or the UN gets that name's one label",
      ["The US sent aid. The US navy helped, the US embassy said, and the United States paid."],
      ["The committee sent aid to the port."])

# --- issue 12's reader-visible errors (exceptions to the keep rule unless the ablation shows them helping) ---
_rule("section-tag-line", "a line of section tags ('Canada Published North America Politics') is layout",
      ["Canada Published World Politics\nThe port of Halden reopened on Monday."],
      ["The port of Halden reopened on Monday."])
_rule("vehicle-name", "a name after 'the space shuttle', 'the ferry' ... or listed after 'the shuttles' (session 10) "
      "is a vehicle, in every mention",
      ["The space shuttle Velora lifted off on Monday. Velora docked two days later.",
       ("The museum shows the space shuttles Atlantis, Columbia and Discovery. Columbia was lost in 2003.",
        [("Atlantis", "PRODUCT"), ("Columbia", "PRODUCT"), ("Discovery", "PRODUCT"), ("Columbia", "PRODUCT"),
         ("2003", "DATE")])],
      ["The crew of Meridian docked two days later.", "The carriers Delta and United cut fares on Monday."])
_rule("corpus-common-word", "a word opening a sentence, said once, that news mostly writes in lower case is no "
      "person, MISC or unlisted place (places since session 15)",
      ["Ana Ruiz spoke. Tourism has recovered since then."],
      ["Ana Ruiz spoke. Kowalczyk on Douglas Street was closed for a week."])
_rule("capitals-run-in-sentence", "a run of words in capitals inside a mixed-case line ('ran in the VARNO DAILY "
      "HERALD on Monday'), part of which the tagger tagged, is one name; not a slug opening a line before a dash (session 14)",
      [("Brenning's cut the rating of the Varno ferry company on Monday. Brenning's said the outlook was poor,\nand "
        "the story first ran in the VARNO DAILY HERALD the next morning.",  # session 15: the tagger alone splits it
        [("Brenning's", "ORG"), ("Varno", "LOC"), ("Monday", "DATE"), ("Brenning's", "ORG"),
         ("VARNO DAILY HERALD", "ORG")])],
      ["The story first ran in the Varno Daily Herald on Monday, the mayor said.",
       "VARNO DAILY HERALD\nThe story first ran on Monday, the mayor said."])
_rule("newspaper-name", "a name ending in Star, Sun, Herald, Times ... after 'the' is a newspaper",
      [("The story ran in the Varno Sun on Monday.", [("Varno Sun", "ORG"), ("Monday", "DATE")]),  # session 15
       ("The mayor wrote in the Varno Courier that the pier would close.", [("Varno Courier", "ORG")])],
      ["The story ran on Monday."])
_rule("street-name", "a name ending in Street, Road, Lane ... is a place, unless it is a first name and a surname "
      "tagged a person, neither after a place's preposition nor opening a sentence (session 10)",
      ["Traffic on Douglas Street was closed for a week.", "Ana Ruiz spoke. Douglas Street was closed for a week."],
      ["Traffic on the bridge was closed for a week.", "The winner, Barry Lane, shot 70 on Sunday."])
_rule("street-first", "a name opening with a street or square word that comes first (Rua, Calle, Via, Rue, Avenida, "
      "Piazza, Plaza ...: streets.txt) is a place, as is the street word with its linking words before a name the "
      "tagger found alone ('Via del' + 'Corso', 'Calle' + 'Mayor'), and two such names joined by 'and' are two; a "
      "'person' or 'organisation' only with a linking word or after 'on', 'in' ... ('Via Rail', 'Rue McClanahan' stay; "
      "session 13); two such names the tagger found apart joined by 'and', and one it left untagged after 'on', "
      "'in' ... ('on Calle Mayor'), are streets too (session 15)",
      [("Air monitors on Rua da Saudade recorded high levels in May.",
        [("Rua da Saudade", "FAC")]),
       ("The bakery on Calle del Pino closed on Monday.", [("Calle del Pino", "FAC"), ("Monday", "DATE")]),
       ("Crowds filled the cafés along Via dei Tessitori on Friday.", [("Via dei Tessitori", "FAC"), ("Friday", "DATE")]),
       ("The bakery opened a second shop on Calle Mayor.", [("Calle Mayor", "FAC")]),  # the street word alone tagged
       ("Crowds filled Plaza Mayor and Piazza Navona on Sunday.",  # two squares joined by 'and': two places
        [("Plaza Mayor", "FAC"), ("Piazza Navona", "FAC"), ("Sunday", "DATE")])],
      ["Via Rail cut its fares on Monday.", "Rue Halvorsen sang the lead in Varno.", "Calle Berg scored twice for Varno."])
_rule("pronoun-one", "'one' after a determiner ('the current one', 'a new one') is a pronoun, not a number",
      ["They chose the current one."], ["They chose one design."])
_rule("body-of-name", "a museum, university, bank ... 'of' a name is one organisation ('Museum of Sea Glass'), "
      "also when the tagger cut a name ending in an institution word at 'of' (session 15)",
      ["The vase is at the Museum of Anna Horvat.",
       ("Papers were found at the Diocesan Archive of Varno last year.",
        [("Diocesan Archive of Varno", "ORG"), ("last year", "DATE")])], ["The bowl is on show in Lerwick."])
_rule("irish-particle", "a first name, an Irish particle (Ó, Ní, Nic) and a surname are one person",
      ["Seán Ó Briain checked the channel.", "Pádraig Ó Fiannachta checked the channel."],
      ["Seán Briain checked the channel."])

_rule("surname-particle", "a first name and lower-case particles before a one-word person are part of it ('Marieke van' + "
      "'Houten'), and so is a first name before a person that opens with its particles ('Joost' + 'van Dalen'), and "
      "particles the article wrote before the surname in a longer name ('but van' + 'Dalen'; session 15)",
      [("Marieke van Dalen chairs the alliance. Van Dalen said the standard was ready. Critics disagreed, but van "
        "Dalen did not reply.", [("Marieke van Dalen", "PERSON"), ("Van Dalen", "PERSON"), ("van Dalen", "PERSON")])],
      ["In van Dalen's view the plan was ready.", "Joost van Dalen chairs the board. The plan, said van Dalen, was ready."])

# --- session 4: errors on our own sample texts; kept while the ablation shows no dev half lower ----------
_rule("quoted-title", "a lone 'person' written in quotation marks is a title (an opera, a book), not a person",
      ["Critics loved \"Zorana\", a three-act opera by the composer Ivo Brandt."],
      ["Critics loved Zorana Brandt, who sang the lead."])
_rule("described-by-noun", "a lone 'person' after 'the' and a noun for a publication ('the weekly X') is that publication",
      ["Writing in the cultural weekly Danica, the critic Ana Horvat praised the cast."],
      ["Writing for a weekly, the critic Ana Horvat praised the cast."])
_rule("travelled-to-place", "a lone name the tagger made an organisation after a journey's 'to' ('the ferry to Fenna', "
      "'drove to Tollby'; not 'came', 'moved' or 'back to': a club's players) is a place in every mention (session 31: "
      "towns as a sentence's subject in our texts)",
      [("We took the ferry to Fenna. Fenna voted in 2010 to stay free of cars.",
        [("Fenna", "LOC"), ("Fenna", "LOC"), ("2010", "DATE")])],
      ["When I first came to Wrenford Mills in 1979, the mill was open. Wrenford Mills gave me a job."])
_rule("relation-names-person", "a lone name right after a relation noun ('her cousin Bella', 'Our host, Morag,', 'two sons, "
      "Calum and Hamish') or 'a man called' is a person in every mention, whatever the tagger said (session 31: given "
      "names alone in our texts)",
      [("We stayed with her cousin Bella. Bella ran the shop by the quay.", [("Bella", "PERSON"), ("Bella", "PERSON")]),
       ("They married in 1975 and had two sons, Calum and Hamish.",
        [("1975", "DATE"), ("two", "CARDINAL"), ("Calum", "PERSON"), ("Hamish", "PERSON")])],
      ["We stayed with her cousin in Varno. Varno has a shop by the quay."])
_rule("kin-names-person", "a lone name with kin after it ('Ilva's parents', 'Tobin and I') or that a speaker names "
      "themself with ('My name is Tovan') is a person in every mention, whatever the tagger said (session 32: given "
      "names no list knows in our texts)",
      [("Ilva's parents flew in from Varno. Ilva was the guide.", [("Ilva", "PERSON"), ("Varno", "LOC"), ("Ilva", "PERSON")]),
       ("My name is Tovan, and Agata was my grandmother.", [("Tovan", "PERSON"), ("Agata", "PERSON")])],
      ["Varno's parents' association met. Varno has a school by the quay."])
_rule("couple-names-person", "a lone name right before 'and' and a person's full name of two words ('Henrik and Sunniva "
      "Dahle') is a person in every mention: a couple or siblings sharing the surname (session 32: given names no list "
      "knows in our texts)",
      [("Her parents, Anders and Solveig Brekke, flew in on Thursday.",
        [("Anders", "PERSON"), ("Solveig Brekke", "PERSON"), ("Thursday", "DATE")])],
      ["Norway and Tomas Vinje signed the deal.", "The cheese came from Caerwen and Agathe Roussel of Lyon."])
_rule("title-names-person", "a lone name after 'Mr', 'Mrs', 'Ms', 'Miss' ('Mr Pottle', where the article's firm is "
      "'Marsh & Pottle') or after a job and 'called' ('a nurse called Bernadette') is a person in every mention (session "
      "32: our texts)",
      [("That summer we worked for Marsh & Pottle, the removals firm. Mr Pottle still sends a card.",
        [("Marsh & Pottle", "ORG"), ("Pottle", "PERSON")]),
       ("She learnt English from a nurse called Berenike, who became her friend.",
        [("English", "NORP"), ("Berenike", "PERSON")])],
      ["That summer we worked for Marsh & Pottle, the removals firm. Pottle still sends a card."])
_rule("lived-in-place", "a lone name written once after 'born in', 'grew up in', 'lived in' ... is a place in every "
      "mention ('Tollby rebuilt the wall' read as a company; session 32: towns as a sentence's subject in our texts)",
      [("Tollby sold its fish through Hebden Brothers. I was born in Tollby in 1940.",
        [("Tollby", "LOC"), ("Hebden Brothers", "ORG"), ("Tollby", "LOC"), ("1940", "DATE")]),
       ("Oldbarrow found the money for its buses last year. I have lived in Oldbarrow since 1971.",
        [("Oldbarrow", "LOC"), ("last year", "DATE"), ("Oldbarrow", "LOC"), ("1971", "DATE")])],
      ["Tollby sold its fish through Hebden Brothers. I was born in 1940."])
_rule("town-of-its-institutions", "a lone name that opens a longer name of the article ending in a town's institution "
      "('Kelby Station', 'Kelby Primary School', 'Kelby Town Council') is the town in every mention (session 32: towns as "
      "a sentence's subject in our texts)",
      [("Kelby has hosted the fair since 2009. Parking is at Kelby Station.",
        [("Kelby", "LOC"), ("2009", "DATE"), ("Kelby Station", "FAC")])],
      ["Kelby has hosted the fair since 2009. Parking is at the station."])
_rule("given-name-alone", "a lone word the tagger called an organisation, place or MISC that is the given name of a "
      "person the article names in full is that person ('Edith Marsh ... Edith wanted to stay'), when news writes the word "
      "before names (name_openers.txt, learned) or the clusters do not know it, and it is no listed place (session 24)",
      [("Tomas Vinje married Edith Pell, a nurse at the clinic. Edith wanted a house by the sea.",
        [("Tomas Vinje", "PERSON"), ("Edith Pell", "PERSON"), ("Edith", "PERSON")])],  # the tagger alone: MISC
      ["Tomas Vinje married Edith Pell, a nurse at the clinic. Pell wanted a house by the sea."])
_rule("located-full-name", "a two-word 'person' written once after 'in', 'near' ... is a place ('clinics in Wester Dale')",
      [("The drone flew samples from clinics in Wester Dale to the hospital.", [("Wester Dale", "LOC")])],  # s15
      ["Samples came from four clinics to the hospital."])
_rule("landform-last", "an 'organisation' or MISC of a people's adjective and a landform word (Highlands, Alps, "
      "Isles ...: landforms.txt) is a place ('the Scottish Highlands'; without the adjective NER train's are teams and "
      "companies: 'Gold Coast', 'Battle Mountain'; session 15)",
      [("Samples taken at clinics in the Scottish Highlands reach the laboratory in hours.",
        [("Scottish Highlands", "LOC")]),
       ("Ferries to the Western Isles were cancelled on Monday.", [("Western Isles", "LOC"), ("Monday", "DATE")])],
      ["The Varran Highlands Rowing Club met on Monday.", "Gold Coast beat Varno 10-4 on Sunday."])
_rule("plural-landform-last", "a 'person' or 'organisation' ending in a plural landform word (Mountains, Islands, "
      "Plains ...; Highlands is landform-last's) is a place, unless a longer organisation opens with it ('High Plains Oil Corp ... High "
      "Plains', unlabelled news) or it has 'of' ('University of the Islands'); session 17, our travel texts",
      [("The Orvani Mountains are cold in March.", [("Orvani Mountains", "LOC")])],
      ["We walked in the hills for a week.",
       "Varran Plains Oil Corp said Varran Plains would buy the rig."])
_rule("landform-first", "a 'person' whose first word is Loch, Lake, Mount, Cape ... is a landform",
      ["The pilot said the drone crossed Loch Veldra in ten minutes."], ["The pilot said the drone crossed the loch in ten minutes."])
_rule("speaker-turn", "a name of two to four capitalised words opening two lines or more as 'NAME: ...' is a person "
      "when two such speakers take turns, or its last word names a person elsewhere ('JUNE TAKEDA:', whose June is a "
      "month; session 17, our interview texts)",
      [("ANNA VOSS: Welcome back to the programme.\nMAY OKAFOR: Thank you, it is good to be here.\n"
        "ANNA VOSS: Where did you grow up?\nMAY OKAFOR: In Enugu, with four brothers.",
        [("ANNA VOSS", "PERSON"), ("MAY OKAFOR", "PERSON"), ("ANNA VOSS", "PERSON"), ("MAY OKAFOR", "PERSON"),
         ("Enugu", "GPE"), ("four", "CARDINAL")])],
      ["MAY OKAFOR: Thank you, it is good to be here.\nANNA VOSS: Where did you grow up?",
       "Question From Floor: What about the budget?\nQuestion From Floor: And the roads?"])
_rule("one-word-speaker-turn", "speaker-turn for a one-word name ('Tamsin: ...') opening two lines or more, beside a "
      "second speaker or a role ('Interviewer:', 'Q:') taking turns; not a listed place's word, not one or two "
      "letters, not a word the tagger calls anything but a person in the text (session 27: a podcast's 'Name:' turns, "
      "where a repeated line opener before a colon reads as no name to the tagger)",
      [("Tamsin: Hello and welcome. My name is Tamsin Roe.\nJoel: And mine is Joel Marr.\n"
        "Tamsin: Today we bake bread.\nJoel: Slowly.",
        [("Tamsin", "PERSON"), ("Tamsin Roe", "PERSON"), ("Joel", "PERSON"), ("Joel Marr", "PERSON"),
         ("Tamsin", "PERSON"), ("Today", "DATE"), ("Joel", "PERSON")]),
       ("Interviewer: Where did you grow up?\nTamsin: By the sea.\nInterviewer: And school?\nTamsin: In town.",
        [("Tamsin", "PERSON"), ("Tamsin", "PERSON")])],
      ["Note: the ferry is late.\nNote: the cafe is shut.",
       "Tidewatch: When did the ferry stop?\nIda Brun: In May.\nTidewatch: Why?\nIda Brun: Money. "
       "She told the editors of Tidewatch in June.",
       "Wales: 212 all out.\nEngland: 215 for four.\nWales: beaten.\nEngland: won by six wickets."])
_rule("capital-speaker-turns", "a transcript's speaker names in capitals ('INÊS:', 'TOM ASHWORTH-REID:'), two or more "
      "opening three lines or more before mixed-case speech, are read by the tagger as names in prose ('Inês:'): it "
      "takes a word in capitals inside a mixed-case line for an acronym, and its document features carry that to the "
      "name's other mentions (session 38, our podcast transcript 92)",
      [("HOST: Good evening. With me tonight is the architect Solveig Brandt.\nSOLVEIG BRANDT: Thank you.\n"
        "HOST: You grew up in Tromsø?\nSOLVEIG: Yes, above my father's bakery.\nHOST: And you trained in Lyon.\n"
        "SOLVEIG: For four years, with Émile Garnier.",
        [("tonight", "TIME"), ("Solveig Brandt", "PERSON"), ("SOLVEIG BRANDT", "PERSON"), ("Tromsø", "LOC"),
         ("SOLVEIG", "PERSON"), ("Lyon", "GPE"), ("SOLVEIG", "PERSON"), ("four", "CARDINAL"),
         ("Émile Garnier", "PERSON")])],
      ["RESULTS: LEEDS 2 HULL 1\nFIXTURES: YORK v BATH\nNOTE: The Harlow game was moved to Friday.",
       "Q: Where did you grow up?\nA: In Tromsø, above my father's bakery.\nQ: And then?\nA: Lyon."])
_rule("ampersand-firm", "a name with ' & ' between its words that the tagger read as a person or an unlisted place "
      "is a firm: no person's name holds an ampersand (session 38: 'Smit & Zonen', a shop, in our podcast text 92)",
      [("The clock was bought by a man called Karel Dekker, who owned a chain of shoe shops, Dekker & Zonen, and who "
        "sold it again.", [("Karel Dekker", "PERSON"), ("Dekker & Zonen", "ORG")])],
      ["The clock was bought by a man called Karel Dekker, who owned a chain of shoe shops and sold it again.",
       "Trade with Trinidad & Tobago grew."])
_rule("club-in-team-sport", "in a report of a team game (two of 'goals', 'league', 'innings', 'derby' ...), a name "
      "after 'against', 'behind', 'beat', 'v' ... read as a person, place or MISC, no listed place and not opening "
      "with a given name, is a club (session 38: town clubs in our hockey report 93; NER train: 55 of 61 such names "
      "are organisations)",
      [("The under-16s won the cup, beating Ashby Magna in the final, and Lena kept a clean sheet. The league starts "
        "in May.", [("Ashby Magna", "ORG"), ("Lena", "PERSON")]),
       ("Last season we finished third in the league, a point behind Wickham Priors, and scored more goals than anyone.",
        [("Wickham Priors", "ORG")])],
      ["The chess club finished the year a point behind Wickham Priors. The match against Ashby Magna was a draw.",
       "In the league, Kofi scored twice against Italy and the goals were shown on television."])
_rule("owner-possessive-place", "a capitalised word with 's and then one street word or 'Row', 'Green', 'Square' ... "
      "is one street or corner of a town named after someone ('Tanner's Row'; session 38: our hockey report 93, where "
      "the tagger cut it into a company and nothing)",
      [("The choir meets at the Wesley Hall on Fletcher's Row every Thursday.",
        [("Wesley Hall", "FAC"), ("Fletcher's Row", "FAC"), ("Thursday", "DATE")]),
       ("The fair moved from Parson's Green to the park.", [("Parson's Green", "FAC")]),
       ("Dinah Fell lived on Glover's Lane until 1980.", [("Dinah Fell", "PERSON"), ("Glover's Lane", "FAC"),
                                                          ("1980", "DATE")])],
      ["The choir meets in Fletcher's hall every Thursday.", "Dinah Fell's Green Party won the seat."])
_rule("trade-noun-names-firm", "a name right after a business's noun ('the firm', 'the solicitors', 'the estate agents': "
      "a trade that is also a job only after 'the') read as a person or a place, no listed place and not opening with a "
      "given name, is a firm (session 38: our hockey report 93; NER train: 33 of 34 names after such nouns are "
      "organisations)",
      [("The survey was paid for by the solicitors Pelham Rudd.", [("Pelham Rudd", "ORG")]),
       ("We bought the house through the estate agents Crane Lister in May.", [("Crane Lister", "ORG")])],
      ["The survey was paid for by Pelham Rudd.", "The report names FBI agents Carla Reid and Tom Shaw.",
       "Guests included publishers Anders Holm of the Gazette and musician Rita Vale."])
_rule("trade-surname-opens-person", "a trade that is a common surname too ('Baker', 'Potter', 'Thatcher'), opening a "
      "person of three words, is the person's job, cut off as roles are: a given name and a surname follow it (session "
      "38: session 37's reader-seen 'Baker Marisol Quint')",
      [("Baker Anouk Tresize has opened a second shop on the square.", [("Anouk Tresize", "PERSON")]),
       ("Weaver Ottilie Brand showed her rugs at the fair.", [("Ottilie Brand", "PERSON")])],
      ["Oriel Thatcher mended the roof of the barn.", "Thatcher mended the roof of the barn."])
_rule("landform-names-word", "a word the article writes right after Lake, Loch, Mount, Cape ... names a place: said "
      "alone it is that place (with the landform word before it when so written), and a 'person' it opens is a "
      "place ('Lake Orvana ... Orvana Castle'; session 17, our travel texts)",
      [("Lake Orvana is the largest lake in the region. Boats leave from Orvana every hour, and Orvana Castle sits "
        "above the water.", [("Lake Orvana", "LOC"), ("Orvana", "LOC"), ("Orvana Castle", "LOC")]),
       ("We spent a week by Loch Tarrin. Tarrin Island has a ruined chapel.",
        [("Loch Tarrin", "LOC"), ("Tarrin Island", "LOC")])],
      ["Grace Kelly stayed at a hotel near Mount Kelly, and Kelly said the view was fine.",
       "Boats leave from Orvana every hour, and Orvana Castle sits above the water."])
_rule("landform-of-name", "an 'organisation' of a landform word such as Isle, Lake, Gulf, Cape ... (landforms.txt) then "
      "'of' and a name is a place ('the Isle of Mull', our travel text; session 16)",
      [("The ferry to the Isle of Varra leaves twice a day.", [("Isle of Varra", "LOC")])],
      ["The Bank of Varra opened a branch in Oban."])
_rule("dear-opens-letter", "'Dear' opening a letter's salutation is no part of the person after it (session 12), "
      "nor of an 'organisation' before a comma, which is a person (session 15)",
      [("Dear Uncle Tomas, thank you for the lovely scarf.", [("Uncle Tomas", "PERSON")]),
       "Dear Margaret, thank you for coming.",
       ("Dear Madam,\n\nThank you for your letter of 3 May.", [("3 May", "DATE")])],  # a title alone (session 31)
      ["Dear friends, thank you for the scarf."])
_rule("abstract-noun-opening", "a word of eight letters or more ending in -tion, -sion, -ment or -ness that opens a "
      "sentence, said once, is no person or MISC (session 9)",
      ["Ana Ruiz spoke. Reunification, the question nobody wanted, was left out of the pact."],
      ["Ana Ruiz spoke. Rosenthal, the minister, was left out."])
_rule("common-word-forms", "a word opening a sentence that news never writes, whose base news writes in lower case "
      "('Crucially' -> crucial, 'Soils' -> soil), is no name",
      ["Ana Ruiz spoke. Crucially, the trains will wait for late buses."],
      ["Ana Ruiz spoke. The trains will wait for late buses."])
_rule("title-only-person", "a 'person' that is only a title word ('Lady', 'President') names nobody",
      ["The Lady of the Lake festival opened on Friday."], ["Fireworks marked the feast on Sunday."])
_rule("place-after-body-in", "a lone name right after '<organisation> in' is a place ('Raigmore Hospital in Inverness')",
      ["The talks were held at the Vell Trust in Morgan."], ["The talks were held at the Vell Trust."])
_rule("place-from-to", "a lone name in 'from X to <place>' (or 'from <place> to X') is a place",
      ["The new line runs from Kessarn to Oslo twice a day."],
      ["The drone carried blood to the hospital in Inverness in 38 minutes."])
_rule("apostrophe-particle", "a short capitalised particle ending in an apostrophe joins the name after it ('Ta' Xbiex')",
      ["Fans filled the stadium in Ta' Lorin on Sunday."], ["Fans filled the national stadium in Xbiex on Sunday."])
_rule("repeated-word-place", "a 'person' whose two words are the same word ('Kem Kem') is a place: a given name is "
      "hardly ever its surname (session 10); so is such an 'organisation' written after 'from' or 'near' (session 15)",
      [("Buyers came to Sela Sela looking for teeth.", [("Sela Sela", "LOC")]),
       ("Teeth from Tafra Tafra are sold to dealers. The Tafra Tafra Group is a layer of red sandstone.",
        [("Tafra Tafra", "LOC"), ("Tafra Tafra Group", "ORG")])],
      ["Buyers came to Ana Ruiz looking for teeth.", "Shares in Tafra Tafra rose after the band sold out its tour."])
_rule("word-of-an-organisation", "a one-word 'person' that is a word of an organisation's longer name in the same "
      "article, and of no person's, is that organisation ('Marsaxlokk Rovers' ... 'Marsaxlokk won'; session 15)",
      [("Varro Rovers, a club from a fishing village, reached the final on Thursday. Varro, a squad of fishermen, "
        "beat Kadri 2-1.", [("Varro Rovers", "ORG"), ("Thursday", "DATE"), ("Varro", "ORG"), ("Kadri", "PERSON"),
                            ("2", "CARDINAL")])],
      ["Kelby Wanderers won the cup on Sunday. Ana Kelby scored twice before the break. Kelby said it was easy."])
_rule("adjective-and-name", "a capitalised adjective (-al, -ic, -ary) and 'and' before a name ending in an "
      "institution word are the first half of its name ('National and University Library'; session 10; the adjective "
      "tagged alone an organisation too, session 15)",
      [("Visitors queued outside the National and Harbour Library on Sunday.",
        [("National and Harbour Library", "ORG"), ("Sunday", "DATE")])],
      ["The score will be shown at the City Library in May.", "Officials from Norway and Statoil Bank met in May."])
_rule("apposition-body", "a 'person' of two words or more whose apposition is a body ('Craft Bakers, a union of "
      "small bakeries') is an organisation (session 10)",
      [("Mill Weavers, a union of small workshops, said on Monday that wool prices had doubled.",
        [("Mill Weavers", "ORG"), ("Monday", "DATE")])],
      ["Jan Holt, a reporter at the union, said on Monday that flour prices had doubled.",
       "Mara Lind, the head of the union, said on Monday that flour prices had doubled."])
_rule("foreign-link-word", "an organisation's name runs on over a foreign linking word ('Treni per Tutti', 'Amici di Roma')",
      ["said Marco Ferrante of the passenger association Treni per Tutti."],
      ["said Marco Ferrante of the passenger association Treni."])
_rule("which-not-a-person", "a one-word 'person' opening a sentence and followed by ', which' is a thing, not a name",
      ["The channels will reopen by 2028. Mosquitoes, which some residents fear, will also return."],
      ["The channels will reopen by 2028. Mosquitoes will also return, some residents fear."])

# --- session 30: reader-seen errors of the app (issue 12) ----------------------------------------------
_rule("headline-words-cut-person", "a person of two words or more in a title-case headline line is the last run of its "
      "words that news does not mostly write in lower case: the words before it are the headline's ('Reveals Stunning "
      "Thing' + a surname, read by the app as one person and linked to every mention of the surname; session 30)",
      [("Fans Love Amazing Goal Kessler Scored In Final\nStriker Jonas Kessler scored twice on Sunday. Kessler said "
        "the team played well.", [("Kessler", "PERSON"), ("Jonas Kessler", "PERSON"), ("Sunday", "DATE"),
                                  ("Kessler", "PERSON")])],
      ["Jonas Kessler Scored Twice In Final\nThe striker scored twice on Sunday.",
       "Striker Jonas Kessler scored twice on Sunday. Kessler said the team played well.",
       "FANS LOVE AMAZING GOAL KESSLER SCORED IN FINAL\nStriker Jonas Kessler scored twice on Sunday."])
_rule("participle-opens-person", "a participle in -ed opening a sentence before a name ('Named Fernhold, the ship "
      "...'; 'Called X, it has ...', read by the app as a given name) is no part of the person: a word of five letters "
      "or more that news mostly writes in lower case, no listed first name (session 30)",
      [("Named Fernhold, the ship will sail in June. Its captain, Lars Ekdal, said the crew was ready.",
        [("Fernhold", "PERSON"), ("Lars Ekdal", "PERSON")])],
      ["Its captain, Lars Ekdal, said the crew was ready to sail in June.",
       "Ahmed Farouk said the crew was ready to sail in June."])
_rule("common-word-opens-org", "a one-word 'organisation' that news mostly writes in lower case, every mention of it "
      "opening a sentence before a lower-case word or alone on its line ('Harbour staff were sent home'; 'Ferry', "
      "'Harbour', 'Ambulances' read by the app as organisations), is no name (session 30)",
      [("Harbour bosses said the quay would reopen. Harbour staff were sent home on Monday.",
        [("Monday", "DATE")])],
      ["The Harbour Trust said the quay would reopen. Harbour staff were sent home on Monday."])
_rule("common-word-inside-a-name", "for common-word-opens-org, a mention of the word inside a longer name after another "
      "name word ('the Holmvik Ferry Company') is that name's, and does not make 'Ferry crews' at a sentence's start a "
      "name ('Ferry' read by the app as an organisation; session 32)",
      ["Ferry crews in Skarvik walked off the boats on Monday.\n\nThe Skarvik Ferry Company said talks would start "
       "on Wednesday."],
      ["Ferry crews in Skarvik walked off the boats on Monday.\n\nThe Ferry Company said talks would start on "
       "Wednesday.", "The Harbour Trust said the quay would reopen. Harbour staff were sent home on Monday."])
_rule("residents-of-place", "a lone name the tagger called an organisation or a person, written after 'residents of', "
      "'villagers of', 'the town of', 'the outskirts of' ..., is a place in every mention: people live in a town, not "
      "in a company ('Brenmoor' read by the app as an organisation; session 30)",
      [("Residents of Brenmoor said the plan was unfair. Brenmoor residents will vote in May.",
        [("Brenmoor", "LOC"), ("Brenmoor", "LOC")])],
      ["Shareholders of Brenmoor said the plan was unfair. Brenmoor will vote in May."])
_rule("headline-run-holds-surname", "an organisation or MISC of three words or more in a title-case headline line that "
      "holds the surname of one person the article names in full is that person, the rest the headline's words "
      "('Reveals Surprising Thing Okafor Did Before The Vote' read as one MISC; session 30)",
      [("Mayor Reveals Surprising Thing Okafor Did Before The Vote\nLagos governor Tunde Okafor spoke on Monday. "
        "Okafor said the vote was fair.", [("Okafor", "PERSON"), ("Lagos", "GPE"), ("Tunde Okafor", "PERSON"),
                                          ("Monday", "DATE"), ("Okafor", "PERSON")])],
      ["Okafor Brothers Haulage Wins Harbour Contract\nTunde Okafor founded the firm in 1990, and it now runs 40 "
       "lorries.",
       "Tunde Okafor Foundation Opens New Clinic\nTunde Okafor said the clinic would open on Monday."])

# --- session 33: reader-seen errors on names no rule had seen (issue 12) -------------------------------
_rule("office-of-place", "an 'organisation' or 'person' after 'the' (or alone on a signature's line) that is a role, "
      "'of' and capitalised words ('the Vicar of Wickham Abbas', roles.txt) is the office and the place it serves: "
      "the place alone is the name, as NER train writes 'Speaker of' + a country; not when the first word after 'of' "
      "is one news mostly writes in lower case ('Secretary of State') or an organisation's word; the place so named is "
      "a place in every mention of the article (session 33: read by the app as one organisation, the town alone as a "
      "person)",
      [("The Rector of Ashby Coldwell blessed the new bells.", [("Ashby Coldwell", "LOC")]),
       # the place in every mention of the article (as lived-in-place)
       ("Ashby Coldwell voted on Monday. The Vicar of Ashby Coldwell said the count was fair.",
        [("Ashby Coldwell", "LOC"), ("Monday", "DATE"), ("Ashby Coldwell", "LOC")]),
       ("With every good wish,\nRuth Amberley\nRector of Ashby Coldwell",
        [("Ruth Amberley", "PERSON"), ("Ashby Coldwell", "LOC")])],
      ["The Secretary of State blessed the new bells.", "The Rector of Ashby Coldwell School blessed the new bells.",
       "Rector of Ashby Coldwell beat Varno 2-1 on Saturday."])
_rule("place-end", "a 'person', 'organisation' or MISC of two words or more ending in a waterway's, a harbour's or a "
      "shore's word that is nobody's surname ('Canal', 'Quay', 'Wharf', 'Creek': entity_words.txt place_ends; NER "
      "train ends no person with one), every word capitalised (not 'Friends of the Harbour'), is a place (session 33: "
      "'Wyvern Canal' read by the app as an organisation, 'Pelham Quay' as a person)",
      [("Barges still use the Tolland Canal. The cottages by the Tolland Canal flooded.",
        [("Tolland Canal", "LOC"), ("Tolland Canal", "LOC")]),
       ("The lifeboat left Morwick Quay at six.", [("Morwick Quay", "LOC"), ("six", "CARDINAL")])],
      ["Barges still use the canal. The cottages by the canal flooded.", "The lifeboat left Morwick at six.",
       "The money came from Friends of the Harbour, the council said."])
_rule("river-opens-place", "a 'person' or MISC opening with 'River' ('River Tamble'), or an 'organisation' so after "
      "'the', is a river (session 33: read by the app as a person; without 'the' NER train's are football clubs)",
      [("River Collon burst its banks on Tuesday.", [("River Collon", "LOC"), ("Tuesday", "DATE")])],
      ["The water rose on Tuesday."])
_rule("common-word-toponym", "for toponym-end, an 'organisation' or MISC of a word news mostly writes in lower case "
      "and a place-name ending ('Mill Row', 'Church End'), right after 'on', 'in', 'along', 'near' ..., is a place too "
      "(session 33: 'Mill Row', a street, read by the app as an organisation)",
      [("The cottages on Forge Row flooded last winter.", [("Forge Row", "LOC"), ("last winter", "DATE")])],
      ["The Red Cross sent tents to the valley.", "The cottages on the row flooded last winter."])
_rule("honorific-opens-person", "a 'company', 'place' or MISC of a title only a person is given ('Councillor', 'Cllr', "
      "'Dr': entity_words.txt honorific_only) and two capitalised words, no body's word nor a word news mostly writes "
      "in lower case, is that person, whatever the given name (session 33: 'Councillor' + a given name no list knows "
      "read by the app as a company)",
      [("Councillor Leocadia Santos said the bins would be emptied weekly.", [("Leocadia Santos", "PERSON")])],
      ["Councillor Santos said the bins would be emptied weekly.",
       "The Councillor Support Office said the bins would be emptied weekly."])
_rule("journey-to-person-place", "a name of one or two words the tagger made a person, written after a journey's 'to' or "
      "'into' ('flew into Da Nang', 'the boat across to Iona'; not before 's, not with a listed given name first), is a "
      "place in every mention (session 33: NER train writes 14 places there and no person; travelled-to-place leaves a "
      "'person' alone)",
      [("We flew into Quang Tri and took a bus south. Quang Tri was hot.", [("Quang Tri", "LOC"), ("Quang Tri", "LOC")])],
      ["We flew into the city and took a bus south. Quang Tri was hot.",
       "We drove to Quang Tri's farm and took a bus south."])
_rule("function-word-in-name", "a short function word written with its capital inside a sentence ('An', 'On', 'Do' ...), "
      "right after a capitalised word and before a lower-case word or a stop, ends that name ('Lam' + 'An'); the two "
      "words untagged after 'in', 'to', 'from' ... are a place (session 34: 'Hoi An' read by the app as 'Hoi'; NER "
      "train has no such capitalised word but a number's 'No.')",
      [("We spent three days in Lam An. Lam An has a night market.", [("three", "CARDINAL"), ("Lam An", "GPE"),
                                                                     ("Lam An", "GPE")]),
       ("We stayed in Tam An for a week.", [("Tam An", "LOC")])],
      ["We spent three days in Lam. An old man sold us tea.", "The Kestrel Inn On The Quay opened in Varno."])
_rule("moved-to-place", "a lone name written after a move of home ('moved to', 'retired to', 'emigrated to', 'went home "
      "to', 'then home to' ...) is a place in every mention, though the tagger knows it as a football club (session 34: "
      "'home to Leeds' read by the app as an organisation; NER train has no organisation there)",
      [("She was born in Kelso and moved to Swansea in 1990. Swansea suited her.",
        [("Kelso", "LOC"), ("Swansea", "LOC"), ("1990", "DATE"), ("Swansea", "LOC")]),
       ("After the war he went home to Leeds and opened a shop.", [("Leeds", "GPE")]),
       ("Tomorrow we take the night train to Brno, and then home to Leeds.",
        [("Tomorrow", "DATE"), ("Brno", "LOC"), ("Leeds", "GPE")])],
      ["Swansea beat Leeds 2-1 on Saturday.", "Orrin moved to the left and scored."])
_rule("common-word-bank", "as common-word-toponym, an 'organisation' or MISC of a word news mostly writes in lower case "
      "and 'Bank' ('Mill Bank', 'Church Bank') right after 'on', 'along', 'off', 'past', 'up' or 'down' is a place: a "
      "river's bank or a slope, not a bank of money, which news writes after 'at', 'in', 'with' (session 34: 'Mill Bank' "
      "read by the app as an organisation)",
      [("We walked along Church Bank to the ferry.", [("Church Bank", "LOC")])],
      ["We opened an account with Church Bank last year.", "We walked along the bank to the ferry."])
_rule("adjective-opens-sentence-place", "as adjective-opens-sentence, a one-word 'place' opening a sentence is dropped "
      "when news also writes the word in lower case, the next word is lower case and no verb, adverb or function word, "
      "the word is no listed place and the text never writes it capitalised inside a sentence (session 34: 'White' "
      "opening a quoted sentence read by the app as a place; NER train has 2 places so, of 387)",
      [('Orla Benn bakes in Tarrow. "White flour costs twice what it did," she said.',
        [("Orla Benn", "PERSON"), ("Tarrow", "LOC")])],
      ['Orla Benn bakes in Tarrow. "White flour costs more than it did at White Sands," she said.',
       "Orla Benn bakes in Tarrow. Tarrow bakers sell more bread than ever."])
_rule("function-word-opens-no-name", "a lower-case function word ('of', 'and', 'for', 'the' ...) the tagger put at the "
      "front of a name is cut off: NER train opens no name with one (session 34: 'of Holt Brothers')",
      [("The relief fund was opened by Sir Erasmus Garth of Garth Brothers, the dye works, who gave five hundred pounds.",
        [("Erasmus Garth", "PERSON"), ("Garth Brothers", "ORG"), ("five", "CARDINAL"), ("hundred", "CARDINAL")])],
      ["The relief fund was opened by the Garth Brothers dye works."])
_rule("letter-heading-place", "a name alone before a day on a letter's heading line ('Skelvoe, 3 August') is the place "
      "the letter was written, in every mention (session 34: read by the app as an organisation)",
      [("Skelvoe, 3 August\n\nDear Wilma,\n\nSkelvoe is the last island the ferry calls at.",
        [("Skelvoe", "LOC"), ("3 August", "DATE"), ("Wilma", "PERSON"), ("Skelvoe", "LOC")])],
      ["Skelvoe and Brannock, 3 August\n\nDear Wilma,\n\nThe shop is shut."])
_rule("sign-off-names-person", "the name alone on the line under a letter's closing ('Yours ever,', 'Love,', 'With best "
      "wishes,') is the writer, a person (session 34: a given name there left out or read as a company)",
      [("Give my love to the cats.\n\nYours ever,\nClemency", [("Clemency", "PERSON")])],
      ["Give my love to the cats.\n\nYours ever,\nthe Harbour Trust"])
_rule("pronoun-names-person", "a name of one or two words opening its sentence before a verb news writes after 'he' or "
      "'she' (verb_words.txt), the sentence then saying 'he', 'she', 'his' or 'her' with no other name and no quotation "
      "mark between, is a person in every mention, unless the article writes it as a place ('moved to Harnby') or it ends "
      "in a body's word (session 34: given names no list knows read as companies or places; NER train: all 72 lone and "
      "22 two-word names so are persons)",
      [("We met Tamsinne at the quay. Tamsinne had said the tide would turn at four, and she was right.",
        [("Tamsinne", "PERSON"), ("Tamsinne", "PERSON"), ("four", "CARDINAL")]),
       ("Ansel Quist makes rope in a shed behind his house.", [("Ansel Quist", "PERSON")])],
      ["We met the guide at the quay. Varnholm police said on Friday that he had gone home.",
       "In 1953 they moved to Harnby. Harnby was not sure about her at first, she used to say.",
       "Holt Brothers makes rope in a shed behind his house."])
_rule("heading-to-place", "a lone name read as an organisation or MISC right after a compass word or 'over' and 'to' ('went "
      "south to Aberdeen', 'over to Redruth') is a place in every mention (session 34: towns the tagger knows as football "
      "clubs, seen in our texts 34 and 40; a footballer moves, comes or goes back to a club, not north to it)",
      [("At fourteen she went south to Aberdeen to work in a shop.", [("fourteen", "CARDINAL"), ("Aberdeen", "LOC")])],
      ["At fourteen she went to work in a shop."])
_rule("saint-alone-is-a-church", "a saint's name with 's and no word after it ('St Wystan's', 'Saint Brannoc's') read as a "
      "company, a person or MISC is the saint's church, a place (session 34: 'the churchyard of St Oswald's' read as an "
      "organisation; NER train's one such name, 'St. Matthew's', is a place; with a word after it, 'St Aidan's Primary "
      "School', owner-possessive-name decides)",
      [("Most are buried in the churchyard of St Wystan's.", [("St Wystan's", "LOC")]),
       # session 35: the tagger's name stopped before the 's ("St Wilfrid" a company)
       ("The funeral at St Elphin's was full.", [("St Elphin's", "LOC")])],
      ["Most are buried in the churchyard of St Wystan's Church."])

# --- session 35: places with no cue, read as persons (issue 12) ------------------------------------------
_rule("village-first-word", "a 'person' of two words opening with 'Lower', 'Upper', 'Nether', 'Great' or 'Little' and a "
      "word that is no given name, or a company or MISC so whose second word news never writes in lower case, is a "
      "village (the tagger's name of the second word alone runs back over the first), with or without a preposition "
      "before it (session 35: 'Lower Skelderton' read by the app as a person; NER train opens no person with any of "
      "the five; toponym-end took 'Nether' only after 'from', 'in' ..., and never "
      "'Lower' or 'Upper', which news also writes in lower case)",
      [("Lower Wyndrith lost its bus service in May.", [("Lower Wyndrith", "LOC")]),  # the tagger's 'Wyndrith' alone
       ("Little Tharby has one shop and a church.", [("Little Tharby", "LOC"), ("one", "CARDINAL")])],
      ["Lower prices helped in May.", "Little Richard sang in Tolsby."])
_rule("toponym-end-alone", "a 'person' of a word that is no given name nor a word news mostly writes in lower case, and a "
      "place's ending ('Cross', 'Moor', 'Scar', 'Hollow': entity_words.txt toponym_ends) is a place after 'above', "
      "'below', 'beyond' ..., or opening its sentence when news mostly writes the ending in lower case ('Cross', not "
      "'Moss', a surname) (session 35: 'Askerby Cross voted', 'Grisedale Scar' read by the app as persons; NER train "
      "labels no such name a person)",
      [("Sheep graze the limestone above Harrowgill Scar.", [("Harrowgill Scar", "LOC")]),
       # (not before "voted": place-verb-after-name takes that too, session 37)
       ("Askerby Cross lost its bus on Tuesday.", [("Askerby Cross", "LOC"), ("Tuesday", "DATE")])],
      ["Damon Hill won the race on Tuesday.", "Geoff Marsh voted against the plan on Tuesday."])
_rule("plural-opens-sentence", "a one-word 'person', 'place' or company of five letters or more ending in -s, opening its "
      "sentence before a plural's verb ('were', 'are', 'have', 'will' ...), that the article never writes with its "
      "capital inside a sentence and no list knows, is a plural common noun, no name (session 35: 'Sandbags were handed "
      "out' read by the app as a person; NER train: 32 such words no name, 2 MISC, no person, place or company)",
      [("The river Tolly burst its banks at Hendle on Monday night. Sandbags were handed out at the fire station.",
        [("Tolly", "LOC"), ("Hendle", "LOC"), ("Monday night", "DATE")])],
      ["Juventus beat Rangers on Sunday. Rangers were the better side in the first half and Juventus knew it.",
       "The river Tolly burst its banks at Hendle on Monday night. Sandbag said the fire station was open."])
_rule("in-town-of-its-firm", "a one-word 'company' right after 'in' (not after a stake's or a market's word: 'shares in', "
      "'trading in'), whose word opens a company the article names ('the Holmvik Ferry Company'), before a stop, a "
      "verb or a function word (not 'called in Tarrowby midfielder ...'), is the town the firm is named after (session "
      "35: 'Shops in Holmvik' read by the app as the company; NER train: 27 places and 1 company so, the 7 others after "
      "'stake in', 'shares in', 'trading in')",
      [("Shops in Tarrowby stayed shut. The Tarrowby Ferry Company said the boats would run again on Monday.",
        [("Tarrowby", "LOC"), ("Tarrowby Ferry Company", "ORG"), ("Monday", "DATE")])],
      ["Kestrel bought a stake in Tarrowby. The Tarrowby Ferry Company said the boats would run again on Monday.",
       # a word after the name that no place is followed by: the company's player, not its town
       "The coach called in Tarrowby midfielder Ann Holt. The Tarrowby Ferry Company said the boats would run."])
_rule("the-side-of-a-place", "an 'organisation' or MISC of a word news mostly writes in lower case and 'Bank' or a place's "
      "ending ('Mill Bank', 'Church End'), between 'the' and 'side', 'end' or 'half', is a part of a town or a river, a "
      "place (session 35: 'pupils from the Mill Bank side' read by the app as an organisation)",
      [("Children from the Mill Bank side will take a bus to the Ashcott school.",
        [("Mill Bank", "LOC"), ("Ashcott", "LOC")]),
       ("Parents on the Church Bank side of the river were angry.", [("Church Bank", "LOC")])],
      ["Children from the Mill Bank branch will take a bus to the Ashcott school."])
_rule("met-names-person", "a name of two capitalised words read as a company or a place right after 'met', 'married', "
      "'thanked', 'greeted' ..., no body's, trade's or place's word and no listed name, is a person (session 35: 'We met "
      "Ottoline Brisk' read by the app as a company; NER train: all 6 names of two words so are persons)",
      [("We met Ottoline Brisk on the harbour wall.", [("Ottoline Brisk", "PERSON")])],
      ["We met Ottoline Brisk's brother on the harbour wall.", "We visited Holmvik Ferries on the harbour wall."])
_rule("river-named-alone", "a one-word name no list nor unlabelled news knows, written where a river is ('along the', "
      "'the banks of the', 'across the', 'the river ...') or before what a river does ('rose', 'burst its banks', 'winds'), "
      "is a river: a place in every 'the <word>' of the article (session 36: 'the Lisk rose' read by the app as a body; "
      "NER train has no such word after these cues, two teams after 'over the', which is no cue)",
      [("The Quarle burst its banks at Tallowby on Monday.", [("Quarle", "LOC"), ("Tallowby", "LOC"), ("Monday", "DATE")]),
       ("We walked along the Quenby to the weir. The Quenby was low.", [("Quenby", "LOC"), ("Quenby", "LOC")])],
      ["The Tallowby Ferry Company said the boats would run on Monday.",
       "The Royals won 6-2 over the Tigers on Monday."])
_rule("written-in-place", "a one-word 'person' in every mention, no given name nor a word of a person's longer name, "
      "written once right after 'in', 'as far as', 'beyond', 'outside' or 'around', is a place in every mention "
      "(session 36: 'Oxcombe was cut off' read by the app as a person; NER train labels 499 lone names there places, "
      "2 persons)",
      [("Wrelby was cut off for a week in the floods, she told me. Buy the map from the shop in Wrelby.",
        [("Wrelby", "LOC"), ("Wrelby", "LOC")])],
      ["Wrelby was cut off for a week in the floods, she told me. Buy the map from the shop of Tom Wrelby."])
_rule("preposition-opens-sentence", "a capitalised preposition opening a sentence ('Beyond', 'Across', 'Past' ...) is "
      "no part of the name after it (session 36: 'Beyond Oxcombe' read as a person; NER train opens no name with one "
      "but 'Near East', and 'Near' is left out)",
      [("Beyond Wrelby the valley narrows under the fells. The path keeps to the bank as far as Wrelby.",
        [("Wrelby", "LOC"), ("Wrelby", "LOC")])],
      ["The valley narrows beyond Wrelby. The path keeps to the bank as far as Wrelby."])
_rule("firm-of-two-surnames", "two one-word names joined by 'and' or '&', one read as a company and the other as "
      "another kind, neither a listed place, given name, people or body, after 'by', 'for', 'with' ... and not before 's, "
      "are one firm named after two families "
      "(session 36: 'Fothergill and Pask' split by the app; NER train: 12 such two-word names are organisations, and "
      "every place read beside a company so is listed)",
      [("The survey was done by Fothergill and Pask, the Halbury solicitors.",
        [("Fothergill and Pask", "ORG"), ("Halbury", "LOC")])],
      ["Trade between Iraq and Norsk grew.", "The survey was done by Fothergill, the Halbury solicitor."])
_rule("residents-after-place", "a one-word 'person', company or MISC right before 'residents', 'villagers', "
      "'parishioners' ..., no people's word nor shaped as one ('-ish', '-an'), is the place they live in (session 36: "
      "'Brenmoor residents' read by the app as Other; NER train: 'Bogra residents', a place)",
      [("Brenmoor residents voted against it.", [("Brenmoor", "LOC")])],
      ["Kurdish villagers voted against it.", "Brenmoor voted against it."])
_rule("club-initials-end-name", "a name followed by or ending in a sports club's initials ('FC', 'AFC', 'RFC', 'CC') "
      "is that club, one organisation with its initials (session 36: 'Hatherden FC' read as a person; NER train: both "
      "names ending in 'FC' are organisations)",
      [("The first game is against Tollerby FC on Saturday.", [("Tollerby FC", "ORG"), ("Saturday", "DATE")])],
      ["The first game is against Tollerby on Saturday."])
_rule("and-district-name", "a one-word name, ' and District ' and a body's name right after it are one body (session "
      "36: 'the Whitcastle and District Folk Dance Society' read as a place and a society)",
      [("She joined the Tollerby and District Bowling Association in 1990.",
        [("Tollerby and District Bowling Association", "ORG"), ("1990", "DATE")])],
      ["She joined the Tollerby Bowling Association in 1990."])
_rule("inn-named-alone", "'the' and a word an English inn is named by ('the Plough', 'the Wheatsheaf': entity_words.txt "
      "inn_names), or a possessive and 'Rest', 'Arms', 'Head' ('the Fisherman's Rest'), with no capitalised word after "
      "it, is the inn, an organisation (session 36: 'the Plough at Hartsop' read by the app as a place; NER train writes "
      "none of the words with a capital after 'the')",
      [("We had lunch at the Plough at Hartsop.", [("Plough", "ORG"), ("Hartsop", "LOC")]),
       ("I stayed at the Ferryman's Rest, run by Idris.", [("Ferryman's Rest", "ORG"), ("Idris", "PERSON")])],
      ["We had lunch at the Plough Inn at Hartsop.", "The plough was left at Hartsop."])
_rule("pronoun-next-sentence", "for pronoun-names-person, the next sentence opening with 'He' or 'She', no name between, "
      "says the same as 'he' or 'she' in the name's own sentence (session 36: 'Alaric Penhallow opened the shop' read "
      "by the app as a company; NER train: all 21 names so are persons)",
      [("Alaric Penhallow opened the shop in 1982. He still works there on Saturdays.",
        [("Alaric Penhallow", "PERSON"), ("1982", "DATE"), ("Saturdays", "DATE")])],
      ["Alaric Penhallow opened the shop in 1982. The bakery still works there on Saturdays."])
_rule("relation-finds-person", "a capitalised word the tagger left out right after a relation noun ('their son "
      "Gethin', 'a man called ...'; not 'partner') is a person, unless a list knows it or news mostly writes it in lower "
      "case (session 36: a given name no list knows was not found; NER train: 9 such words persons, 1 a company after "
      "'partner')",
      [("We ate trout caught that morning by their son Gethin.", [("Gethin", "PERSON")])],
      ["We ate trout caught that morning by their son.", "Her partner Minorvale sold the mine."])
_rule("called-names-person", "a one-word name right after 'a man called', 'a woman named' ... is a person, whatever kind "
      "the tagger gave it, unless a list knows it as a place, body, people or role (session 37: 'a man called Des' read "
      "by the app as Other; NER train has no capitalised word there, and after 'called' alone bodies and places too)",
      [("A man called Des brought the cider press round every autumn.", [("Des", "PERSON")])],
      ["A dog called Des slept under the cider press every autumn.",
       "A man called at the house with the cider press every autumn."])
_rule("job-word-opens-person", "for trim-roles, a compound job word no list holds, a noun and 'master', 'keeper', "
      "'warden', 'wright', 'monger', '-sman' ('Harbourmaster', 'Lockkeeper'), is a role cut off the front of a person's "
      "full name, as 'Mayor' is (session 37: 'Harbourmaster Brannoch Tefft' kept the job word; NER train opens no name "
      "with such a word)",
      [("Harbourmaster Brannoch Tefft said the boats would stay in port.", [("Brannoch Tefft", "PERSON")])],
      ["Brannoch Tefft said the boats would stay in port."])
_rule("employer-of-two-surnames", "two one-word names joined by 'and' or '&' right after 'worked for', 'joined', "
      "'employed by', 'apprenticed to', neither a listed place, given name, people or body, are one firm whatever kinds "
      "the tagger gave them (session 37: 'worked for Treloar and Mabbott' read as a place and a person; NER train has no "
      "two names after these verbs)",
      [("She worked for Treloar and Mabbott, the seed merchants, for ten years.", [("Treloar and Mabbott", "ORG"),
                                                                                 ("ten", "CARDINAL")])],
      ["The seeds were sold by Treloar and then by Mabbott for ten years."])
_rule("group-word-opens-person", "a plural word for a club's or a school's group ('Juniors', 'Seniors', 'Newcomers', "
      "'Volunteers' ...) opening a person is no part of the name (session 37: 'Juniors Kit' read as one person; NER "
      "train opens no name with one but the team 'Twins', left out)",
      [("Juniors Kit and Maisie Thorogood have joined the club.", [("Kit", "PERSON"), ("Maisie Thorogood", "PERSON")])],
      ["Kit and Maisie Thorogood have joined the juniors."])
_rule("division-is-a-league", "'Division' and its number ('Division Two', 'Division 3') is a league's division, not a "
      "body (session 37: 'Division Two' read by the app as an organisation; NER train writes none with capitals)",
      [("The second team won Division Two. Juniors Kit and Maisie joined.", [("Two", "CARDINAL"), ("Kit", "PERSON"),
                                                                            ("Maisie", "PERSON")])],
      ["The second team won the league. Juniors Kit and Maisie joined."])
_rule("dinosaur-no-place", "a one-word name ending like a fossil animal's kind ('-saurus', '-raptor', '-odon', "
      "'-ceratops') is Other, not a place (session 36: 'Spinosaurus' read by the app as a place; NER train has none)",
      [("A Spinosaurus skeleton stands in the hall at Wexley.", [("Spinosaurus", "MISC"), ("Wexley", "LOC")])],
      ["A skeleton stands in the hall at Wexley."])
_rule("place-verb-after-name", "a 'person' of two capitalised words opening a sentence, its first word no given name, "
      "title or word news mostly writes in lower case, right before 'voted', 'flooded', 'was cut off', 'is twinned', "
      "is a village, a place in every mention (session 37: 'Minster Lovell voted' and 'Kelsey Moor was cut off' read by "
      "the app as persons; NER train: no person before these verbs, one place)",
      [("Wrelby Magnus voted last month to keep its library. Wrelby Magnus has two pubs.",
        [("Wrelby Magnus", "LOC"), ("last month", "DATE"), ("Wrelby Magnus", "LOC"), ("two", "CARDINAL")])],
      ["Anna Wrelby voted last month to keep the library.", "The vicar said Wrelby Magnus voted last month."])
_rule("neighbouring-place", "'Neighbouring' or 'Nearby' is no part of the name after it, and that name read as a person "
      "or Other, no people's word, is a place (session 37: 'Neighbouring Germany' and 'Nearby Tollerby' read with the "
      "adjective inside, 'neighbouring Ashby Wrayford' as a person; NER train names after them 12 places, 2 peoples' "
      "words, 1 club, and never puts the word inside a name)",
      [("Nearby Tollerby has its own school.", [("Tollerby", "LOC")])],
      ["Tollerby has its own school."])
_rule("innings-names-club", "a one-word name, no listed place, before an innings' score ('Skelby 138 all out', "
      "'Wrayford 142 for 6') is a club named after its town, and so is every mention of it before a score (session 37: "
      "clubs in a newsletter's results line read by the app as persons; NER train: its 3 team innings so are listed "
      "countries, left alone, and no person)",
      [("Results: Quenby 142 for 6, Skelby 138 all out; Brimham 201, Quenby 164.",
        [("Quenby", "ORG"), ("142", "CARDINAL"), ("6", "CARDINAL"), ("Skelby", "ORG"), ("138", "CARDINAL"),
         ("Brimham", "ORG"), ("201", "CARDINAL"), ("Quenby", "ORG"), ("164", "CARDINAL")])],
      ["Results: Quenby beat Skelby by four runs at Brimham."])
