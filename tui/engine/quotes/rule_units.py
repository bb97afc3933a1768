"""The quote stage's hand-written rules as named units (tui.engine.rules): what each does, and our own
example sentences it must change and must leave alone. The rule itself is the branch that asks
``rules.enabled(name)`` in the module named in each comment. The learned speaker ranker is the unit
"speaker-ranker" (ranker.py).

Kept: the rules whose switching off costs quote+speaker F1 on both halves of the dev set, or on both halves
of PolNeAR train without costing a dev half (``python bench/quality_quotes.py --ablate``; on train,
``python bench/crossval_quotes.py --ablate``: five folds pooled, the ranker relearnt without the rule). The
sixteen others went (the closing note of issue 12 lists them), and in session 5 "sentence-before-speaks" (a
quote opening a sentence takes the speaker of the sentence before it): no effect on dev, one quote lower on a
train half. "transcript-speaker" and "pronoun-after-unnamed-speaker" stay for the reader-seen errors of
tests/engine/test_sample_errors.py though their train ablation shows no gain on both halves.
"""

from __future__ import annotations

from ..rules import guard

STAGE = "quotes.speaker"

# speakers.py
guard("ing-verb-speaker", STAGE,
      "before 'saying'/'calling' the speaker is the name right before the verb, else the sentence's subject",
      changes=[("After a short meeting, the Harbor Council issued a statement calling the spill “a clear breach of "
                "every permit.”", [("a clear breach of every permit.", "the Harbor Council")])],
      keeps=["Rosa Velde spoke after the vote, saying the port “will need ten more years to recover.”"])
guard("name-beats-description", STAGE,
      "a named subject of an earlier verb in the lead beats a description or 'it' at the nearest verb",
      changes=[("Ana Ruiz says the new levy is “a tax on the poorest renters.” She says it underscores that the "
                "council is “completely out of touch with the city.”",
                [("a tax on the poorest renters.", "Ana Ruiz"), ("completely out of touch with the city.", "Ana Ruiz")])],
      keeps=["“The levy is a tax on the poorest renters,” Ana Ruiz said."])
# before_verb.py
guard("name-inside-apposition-skipped", STAGE, "a name after of/for/at inside an apposition is not the speaker",
      changes=[("Jean-Luc Morel, the trade minister of Belgium, a founding member of the pact, said the deal "
                "“cannot be signed without changes to the farm chapter.”",
                [("cannot be signed without changes to the farm chapter.", "Jean-Luc Morel")])],
      keeps=["Jean-Luc Morel, the trade minister, said the deal “cannot be signed without changes to the farm chapter.”"])
guard("full-name-before-comma-verb", STAGE,
      "a person's full name between an opening phrase's comma (or a clause's second comma) and a comma before the "
      "verb is the speaker ('In Dover, Ada Lund (R-Ohio), said'), not a name in the opening phrase",
      changes=[("On Tuesday in Dover, after the vote, Gov. Ada Lindqvist (R-Ohio), said, “We will open the new bridge "
                "in May, and the ferry will stay.”",
                [("We will open the new bridge in May, and the ferry will stay.", "Ada Lindqvist")]),
               ("At the harbour in Quillby, Mara Quist, told reporters, “The quay cannot take another winter without "
                "repairs.”", [("The quay cannot take another winter without repairs.", "Mara Quist")]),
               ("Monday night at the town hall in Quillby, after the vote, Mayor Ivo Lund (Green), said, “The quay "
                "will be mended by the town.”", [("The quay will be mended by the town.", "Ivo Lund")])],
      keeps=["Jean-Luc Morel, the trade minister, said the deal “cannot be signed without changes to the farm chapter.”",
             "In Dover, the governor, Ada Lindqvist, said, “We will open the new bridge in May, and the ferry will stay.”"])
# words.py
guard("the-nationality-is-a-description", STAGE,
      "a lone nationality word after 'the' ('said the Norwegian') is a description of the speaker, not a name",
      changes=[("Eva Lund lost the final in three sets.\n\n“I had my chances and did not take them,” said the "
                "Norwegian.", [("I had my chances and did not take them,", "the Norwegian")])],
      keeps=["Eva Lund lost the final in three sets.\n\n“I had my chances and did not take them,” said Mr Norway."])
# extract.py
guard("intro-line-with-colon", STAGE, "a paragraph ending in a colon introduces the quote that follows it",
      changes=[("Tom Rask runs the pier.\n\nA harbour pilot told the inquiry on Monday:\n\n“We had warned them about "
                "the broken lights for a month.”", [("We had warned them about the broken lights for a month.",
                                                     "A harbour pilot")])],
      keeps=["Ida Brandt told the inquiry on Monday that the lights had failed.\n\n“We had warned them for a month,” "
             "she said."])
# Session 4: back as units, for errors a reader sees on our own texts; each is kept only while the ablation on
# both dev halves shows no harm (bench/quality_quotes.py --ablate) and the train fold agrees
# (bench/crossval_quotes.py --ablate).
# before_verb.py
guard("role-for-a-name", STAGE, "'a spokesman for Acme said': the description, not the organisation, is the speaker",
      changes=[("The ferry will run again in May. “We expect the first crossings by spring,” a spokesman for Nordlys "
                "Shipping said.", [("We expect the first crossings by spring,", "a spokesman for Nordlys Shipping")])],
      keeps=["“We expect the first crossings by spring,” Nordlys Shipping said in a statement."])
# extract.py
guard("transcript-speaker", STAGE, "'“LUND: We will ...”': a capitalised name and a colon opening the quote is its speaker",
      changes=[("The council published a record of the hearing.\n\n“VERA LUND: We will not close the pool this "
                "winter.”", [("VERA LUND: We will not close the pool this winter.", "VERA LUND")])],
      keeps=["“We will not close the pool this winter,” Vera Lund told the hearing."])
# speakers.py
guard("reported-clause-subject", STAGE,
      "', said the plan was “...”': a noun phrase after the verb that a finite verb follows is what was said about",
      changes=[("The council met on Monday. Asked about the port, said the plan was “a gift to the "
                "developers and nobody else.”",
                [("a gift to the developers and nobody else.", None)])],
      keeps=["“The plan is a gift to the developers,” said the deputy leader, Ivo Brandt."])
# coref.py
guard("pronoun-after-unnamed-speaker", STAGE, "'A spokesman said ... But he added:' the pronoun is the unnamed speaker",
      changes=[("Tomas Vik, the founder of Vik Boats, opened the yard in 1990.\n\nA company spokesman said the order "
                "book was full. But he added: “We cannot hire welders fast enough to build them all.”",
                [("We cannot hire welders fast enough to build them all.", "A company spokesman")]),
               ("Ivo Lund chairs the ferry board.\n\nA Harbour Board spokeswoman said the timetable was under review. "
                "She added: “No crossing will be cut before the summer.”",
                [("No crossing will be cut before the summer.", "A Harbour Board spokeswoman")])],
      keeps=["Tomas Vik, the founder of Vik Boats, opened the yard in 1990. He said the order book was full. "
             "“We cannot hire welders fast enough,” he added."])
# before_verb.py (_head_end, sentence_subject)
guard("description-ends-at-verb", STAGE,
      "a description subject ends before the first word news uses as a verb (a list learned from unlabelled text)",
      changes=[("Mara Quist chairs the harbour board. The spokesman refused to comment, saying “we will not discuss "
                "the talks with anyone.”", [("we will not discuss the talks with anyone.", "The spokesman")]),
               ("Mara Quist chairs the harbour board. His office put out a statement saying “the mayor supports the "
                "new harbour plan.”", [("the mayor supports the new harbour plan.", "His office")]),
               ("Mara Quist spoke first. The harbour memo goes on to say: “The ferry will not run again before the "
                "spring storms end.”", [("The ferry will not run again before the spring storms end.", "The harbour memo")])],
      keeps=["Mara Quist chairs the harbour board. A harbour board spokesman said “the plan will go ahead in May.”"])
# names.py (person_part)
guard("common-word-before-name", STAGE,
      "a leading word news writes mostly in lower case ('Actor', 'Billionaire') is a job word, not part of the name",
      changes=[("“We will open the new pier in May,” Billionaire Tomas Vik said at the harbour.",
                [("We will open the new pier in May,", "Tomas Vik")])],
      keeps=["“We will open the new pier in May,” Bill Okafor said at the harbour."])
guard("people-word-before-name", STAGE,
      "a people's word ('Swede', 'Kenyan') before a name of two words is no part of it (a speaker shown as 'Swede' + "
      "his name in the app; session 30)",
      changes=[("“I served well today,” said Swede Joachim Lund after beating the top seed in Paris.",
                [("I served well today,", "Joachim Lund")])],
      keeps=["“I served well today,” said Christian Lund after beating the top seed in Paris."])
# names.py (NameBook.from_text, coref.PersonIndex)
guard("sentence-opener-not-a-name", STAGE,
      "a sentence-opening word the article (or unlabelled news, mostly) writes in lower case is not part of the name after it",
      changes=[("Elsa Ostrova runs the harbour trust. The board met without her, perhaps for the last time."
                "\n\nPerhaps Ostrova will "
                "return. “I have not decided anything yet about the trust,” she said.",
                [("I have not decided anything yet about the trust,", "Elsa Ostrova")]),
               # session 12: news writes "regarding" in lower case though this article never does
               ("Elsa Ostrova runs the harbour trust. Peter Berg left it in May.\n\nRegarding Berg's plan, she was "
                "blunt. “I have not decided anything yet about the trust,” she said.",
                [("I have not decided anything yet about the trust,", "Elsa Ostrova")]),
               # (session 12: speech-verb-opener-not-a-name went into this rule; its examples stay)
               ("Mara Holm chairs the harbour board. She spoke for an hour.\n\nAdded Holm: “We will not sell the "
                "pier to anyone.”", [("We will not sell the pier to anyone.", "Mara Holm")]),
               ("Ivo Brandt runs the ferry line. Insists Brandt: “The night crossings will stop in October.”",
                [("The night crossings will stop in October.", "Ivo Brandt")])],
      keeps=["Mark Ostrova runs the harbour trust; the board will mark the date.\n\nMark Ostrova will return. "
             "“I have not decided anything yet about the trust,” he said.",
             "Mark Holm chairs the harbour board. Mark Holm said: “We will not sell the pier to anyone.”"])
# Session 16: BBC corpus text (unlabelled), "The TV host said" made "TV" a speaking person for a later "he".
# coref.py (_speaks)
guard("speech-verb-two-words-on", STAGE,
      "'The TV host said': a speech verb two words after a one-word name makes it a person only across a word "
      "that sits between a subject and its verb ('Holm later said')",
      changes=[# (session 12's pronoun-subject-not-a-name, "Recently she announced", went into this rule; its example stays)
               ("Elsa Ostrova runs the harbour trust. Her deputy is Tomas Berg.\n\nRecently she announced on the "
                "radio: “I have not decided anything yet about the trust.”",
                [("I have not decided anything yet about the trust.", "Elsa Ostrova")]),
               # (session 25: a paragraph break before "The ... said", as the ranker retrained then read the old
               # one-paragraph texts right without this rule; session 37: towns, not "BBC" / "Radio", which the guard
               # "he-or-she-is-no-body" now keeps from a "he"/"she" on its own)
               ("Mara Holm is a reporter.\n\nThe Quillby presenter said the ferries would stop. “Nobody will cross the "
                "water this winter,” she said.", [("Nobody will cross the water this winter,", "Mara Holm")]),
               ("Ivo Brandt presents the late news on Harbour Radio.\n\nThe Brenmoor host said the ferries would stop. "
                "“Nobody will cross the water this winter,” he said.",
                [("Nobody will cross the water this winter,", "Ivo Brandt")])],
      keeps=["Elsa Ostrova runs the harbour trust.\n\nOstrova later told the radio: “I have not decided anything yet "
             "about the trust.”",
             "The harbour board met on Monday. Holm later told reporters the ferries would stop. “Nobody will cross "
             "the water this winter,” she said.",
             "The harbour board met on Monday. Holm was asked whether the ferries would stop. “Nobody will cross the "
             "water this winter,” she said."])
# after_verb.py (_role_right): a held-out train error, the name after a long possessive role phrase cut off
guard("name-after-possessive-role", STAGE,
      "'said Quist's top harbour safety officer Ivo Lind': the person a possessive role phrase names is the speaker",
      changes=[("Mara Quist runs the port. “We have no money for repairs,” said Quist's top harbour safety officer "
                "Ivo Lind.", [("We have no money for repairs,", "Ivo Lind")])],
      keeps=["Mara Quist runs the port. “We have no money for repairs,” said Quist's top harbour safety officer."])
# Session 10: reader-seen errors on our own sentences (a verb or a state read as part of a speaker's name)
# before_verb.py (region_after: sentence_subject's opening phrase and a place opening the sentence)
guard("place-after-comma-no-name", STAGE,
      "'in Durango, Colo., the ferry captain ...': a state or country after a place and a comma is no speaker",
      changes=[("At a fundraiser in Durango, Colo., the retired ferry captain raised a glass, recalling her first "
                "winter on the water: “The ice came in overnight and stayed until April.”",
                [("The ice came in overnight and stayed until April.", "the retired ferry captain")]),
               ("A nurse from Bend, Ore., said: “The ice came in overnight and stayed until April.”",
                [("The ice came in overnight and stayed until April.", "A nurse from Bend, Ore.")]),
               ("“The ice came in overnight and stayed until April,” Bend, Ore., resident Vera Lund said.",
                [("The ice came in overnight and stayed until April,", "Vera Lund")])],
      keeps=["At a fundraiser in Durango, Vera Lund raised a glass, recalling her first winter on the water: “The ice "
             "came in overnight and stayed until April.”",
             "In Durango, Lund, the retired ferry captain, raised a glass, recalling her first winter on the water: "
             "“The ice came in overnight and stayed until April.”"])
# Session 6: the attribution tag's own grammar, where the rules named the wrong thing and the ranker is not asked
# (a trusted tag). before_verb.py
guard("name-after-role-apposition", STAGE,
      "'Vik's lawyer, Anna Berg, said': the name set off by commas after a role is the speaker",
      changes=[("The harbour board met on Monday. Vik's lawyer, Anna Berg, said the sale was “a plain breach of "
                "the lease agreement.”", [("a plain breach of the lease agreement.", "Anna Berg")])],
      keeps=["The harbour board met on Monday. Anna Berg, the club's lawyer, said the sale was “a plain breach of "
             "the lease agreement.”"])
# after_verb.py
guard("person-before-of-phrase", STAGE,
      "'said Jonas Lind of Tromsø': a person's full name before 'of' is the speaker, not the place or group after it",
      changes=[("The ferry stopped in May. “We lost the whole summer season to the strike,” said Jonas Lind of Tromsø, "
                "a fisherman.", [("We lost the whole summer season to the strike,", "Jonas Lind")])],
      keeps=["The ferry stopped in May. “We lost the whole summer season to the strike,” said University of Tromsø "
             "researcher Jonas Lind."])
guard("role-words-after-organisation", STAGE,
      "'said Nordland University marine biologist Ella Strand': lower-case role words after an organisation lead "
      "on to the person",
      changes=[("The reef is dying. “The water has warmed two degrees in ten years,” said Nordland University marine "
                "biologist Ella Strand.", [("The water has warmed two degrees in ten years,", "Ella Strand")])],
      keeps=["The reef is dying. “The water has warmed two degrees in ten years,” said Nordland University in a "
             "report on Monday."])
guard("description-before-aside", STAGE,
      "'a harbour official, speaking on condition of anonymity, said': the description before the aside is the "
      "speaker, not the last person named",
      changes=[("Mara Quist spoke first. “The ferry will not run again before the spring storms end,” a harbour "
                "official, speaking on the condition of anonymity, said.",
                [("The ferry will not run again before the spring storms end,", "a harbour official")])],
      keeps=["Mara Quist spoke first. “The ferry will not run again before the spring storms end,” Ivo Brandt, "
             "the harbour master, said."])
# speakers.py
guard("bare-description-in-tag", STAGE,
      "'“...,” federal prosecutors wrote': lower-case words between the quote and the verb are the speaker, even "
      "without 'the' or 'a'",
      changes=[("Mara Quist spoke first. “The ferry will not run again before the spring storms end,” local "
                "fishermen said.",
                [("The ferry will not run again before the spring storms end,", "local fishermen")])],
      keeps=["Mara Quist spoke first. “The ferry will not run again before the spring storms end,” the local "
             "fishermen said."])
# tags.py
guard("tag-opens-with-its-speaker", STAGE,
      "after a quote that ends its sentence, a clause opening with an introductory phrase ('” Given his past "
      "remarks, ...', '” Later, ...') is a new sentence, not the quote's tag",
      changes=[("Ivo Brandt spoke at the pier. He said the new rules were “bad for every small boat.” Given his past "
                "remarks, the harbour master said the council would listen.",
                [("bad for every small boat.", "Ivo Brandt")])],
      keeps=["Ivo Brandt spoke at the pier. “Will the new rules be bad for every small boat?” former harbour "
             "master Ada Holm asked on the radio."])
guard("asked-then-its-speaker", STAGE,
      "after a quote that ends its sentence, 'asked' right before a name or description is the quote's tag with its "
      "verb first ('...?” asked Ida Holm.'), not an opening phrase ('” Asked about the pier, ...')",
      changes=[("Ivo Berg spoke first. “How big will the new wall be?” asked Mara Quist.",
                [("How big will the new wall be?", "Mara Quist")]),
               ("Ivo Berg spoke first. “Who will pay for the new wall?” asked the harbour master, who sat at the back.",
                [("Who will pay for the new wall?", "the harbour master")])],
      keeps=["Ivo Berg spoke first. “How big will the new wall be?” Asked about the cost, Mara Quist said the "
             "council would pay."])
# before_verb.py and after_verb.py
guard("description-with-linked-phrase", STAGE,
      "'a person close to the harbour board said': an adjective such as 'close' or 'familiar' carries the "
      "description on past its preposition",
      changes=[("Mara Quist spoke first. “The ferry will not run again before the spring storms end,” said a person "
                "close to the harbour board.",
                [("The ferry will not run again before the spring storms end,", "a person close to the harbour board")]),
               ("Mara Quist spoke first. “The ferry will not run again before the spring storms end,” a person close "
                "to Ivo Brandt said.",
                [("The ferry will not run again before the spring storms end,", "a person close to Ivo Brandt")])],
      keeps=["Mara Quist spoke first. “The ferry will not run again before the spring storms end,” said a person "
             "who works for the harbour board."])
# Session 8. before_verb.py
guard("common-word-intro-skipped", STAGE,
      "'Continuing to explain his view, Ola Brandt ..., saying', 'Hours later, Ola Brandt ...': an opening phrase "
      "led by a participle, an adverb in -ly or a time word that news writes in lower case ends at the comma before "
      "the subject",
      changes=[("Continuing to explain his view, Ola Brandt rejected the plan, saying, “We will not sell the port "
                "to anyone.”", [("We will not sell the port to anyone.", "Ola Brandt")]),
               ("Hours later, Ola Brandt answered the mayor, telling reporters, “The port will stay open all winter "
                "long.”", [("The port will stay open all winter long.", "Ola Brandt")]),
               ("Shortly after the vote, Ola Brandt wrote to the council, saying the port “will stay open all winter "
                "long.”", [("will stay open all winter long.", "Ola Brandt")])],
      keeps=["Fishermen in the bay, Ola Brandt among them, have fought the plan, saying the port “cannot survive "
             "another closure.”"])
guard("role-words-before-name", STAGE,
      "'Harbour board chairwoman Mara Quist urged ..., saying': lower-case words that are no verb or preposition between "
      "a capitalised word and a name describe the name, which is the subject",
      changes=[("Harbour board chairwoman Mara Quist urged voters to stay home, saying, “The vote is a trap for all of "
                "us.”", [("The vote is a trap for all of us.", "Mara Quist")])],
      keeps=["Holt campaigned alongside Mara Quist in the spring, saying, “The vote is a trap for all of us.”"])
# Session 9. coref.py, given the tagger's entities (as the app runs; the probe of STAGE_APP passes them in)
STAGE_APP = "quotes.speaker.entities"
guard("tagged-things-are-nobody", STAGE_APP,
      "a name of two or more words the tagger reads as an organisation or place, not led by a first name ('the "
      "Dallas Cowboys', 'Public Safety'), is no one a later he or she stands for",
      changes=[("Coach Tom Reyes spoke after the game. The Dallas Cowboys had lost their third match in a row.\n\n"
                "“We did not deserve to win,” he said.", [("We did not deserve to win,", "Tom Reyes")]),
               ("Sergeant Ola Berg waited outside the hall. The Public Safety office had sent two cars to the square.\n\n"
                "“The crowd was calm all night,” she said.", [("The crowd was calm all night,", "Ola Berg")])],
      keeps=["Coach Tom Reyes watched the Dallas Cowboys lose again. “We did not deserve to win,” Reyes said."])
# Session 16: BBC corpus text (unlabelled): teams, countries, cups and festivals a later he or she stood for.
# coref.py (PersonIndex)
guard("one-word-thing-is-nobody", STAGE_APP,
      "a one-word name before a speech verb ('Arsenal said') is no person a later he or she stands for when the "
      "tagger reads it as an organisation or place",
      changes=[("Coach Tom Reyes spoke after the game. Arsenal said the referee had been wrong.\n\n“We did not "
                "deserve to win,” he said.", [("We did not deserve to win,", "Tom Reyes")]),
               ("Coach Ola Berg spoke after the race. Norway said the course had been unsafe.\n\n“We did not deserve "
                "to win,” she said.", [("We did not deserve to win,", "Ola Berg")])],
      keeps=["The harbour board met on Monday. Holm told reporters the ferries would stop. “Nobody will cross the "
             "water this winter,” she said."])
# resolve.py (Resolver)
guard("other-tagged-things-are-nobody", STAGE_APP,
      "a run the tagger reads as a people, an event, a product or another named thing ('the Tour de France') is no "
      "one a later he or she stands for, as an organisation or a place is not",
      changes=[("Coach Ola Berg spoke after the race. The Tour de France starts in July.\n\n“We did not deserve to "
                "win,” she said.", [("We did not deserve to win,", "Ola Berg")]),
               ("Coach Tom Reyes spoke after the game. The Wooden Spoon went to the visitors for the second year.\n\n"
                "“We did not deserve to win,” he said.", [("We did not deserve to win,", "Tom Reyes")])],
      keeps=["Coach Ola Berg watched the Tour de France pass. “We did not deserve to win,” Berg said."])
# Session 10. speakers.py
guard("one-common-word-leads-no-tag", STAGE,
      "'” Perhaps, he said, ...': one capitalised word that news mostly writes in lower case, then a comma, is a "
      "sentence adverb opening a new sentence, not a speaker set off like '” Lund, the mayor, said'",
      changes=[("“We are a small town,” said Dana Moe, a retired baker. “You never see a stranger here.” Perhaps, "
                "she said, the town “has grown too big too fast.”",
                [("We are a small town,", "Dana Moe"), ("You never see a stranger here.", "Dana Moe"),
                 ("has grown too big too fast.", "Dana Moe")])],
      keeps=["“The quay is safe for the winter.” Brandt, the harbour master, said so on Monday."])
guard("ing-verb-after-quote-inverts-nothing", STAGE,
      "'“...,” saying the town ...': an -ing verb right after a quote has no speaker written after it (there is no "
      "'saying Smith' as there is 'said Smith'); the words after it are what is said",
      changes=[("Ola Brandt gave a long speech in defence of “coastal values,” saying the town embodied the “heart and "
                "soul of the whole coast.”", [("heart and soul of the whole coast.", "Ola Brandt")])],
      keeps=["“The quay will open in May,” said Ola Brandt, the mayor."])
# before_verb.py
guard("phrase-inside-verb-group-skipped", STAGE,
      "'Holm, who has in the past called the plan “...”': a short phrase after an auxiliary, opened by a "
      "preposition, sits inside the verb group and is never the speaker; the subject is before it",
      changes=[("Tom Rask spoke at the pier. Mara Holm, who has in the past called the plan “a waste of the town’s "
                "money,” was not there.", [("a waste of the town’s money,", "Mara Holm")])],
      keeps=["Mara Holm said in the past that the plan was “a waste of the town’s money.”"])
# Session 13. after_verb.py (_determined_right): a held-out train error class, a description cut before whose it is;
# before_verb.py (_role_before): before the verb the adviser's words went to the person advised
guard("description-with-named-complement", STAGE,
      "'said a longtime adviser to Mara Quist': a description keeps the 'to' and the name that complete it (after "
      "the verb it was cut before them; before the verb the name alone was the speaker)",
      changes=[("The port will close in May. “Nobody on the board has read the lease,” said a longtime adviser to "
                "Mara Quist.", [("Nobody on the board has read the lease,", "a longtime adviser to Mara Quist")]),
               ("The port will close in May. “Nobody on the board has read the lease,” a longtime adviser to Mara "
                "Quist said.", [("Nobody on the board has read the lease,", "a longtime adviser to Mara Quist")])],
      keeps=["The port will close in May. “Nobody on the board has read the lease,” said a spokeswoman for the "
             "club, Mia Lund."])
# words.py (is_verb): a retort written as a phrasal verb was no cue, and the quote went to the last person named
guard("answer-back-verb", STAGE,
      "'Holt shot back: “...”': 'shot', 'fired' or 'hit' followed by 'back' is a speech verb",
      changes=[("When Ivo Lind said the port would close, Mara Holt fired back: “If they close the port, they will "
                "lose the town.”", [("If they close the port, they will lose the town.", "Mara Holt")])],
      keeps=["Ivo Lind spoke after the match. The team hit back in the second half. “We were lucky today,” he said."])
# marks.py (find_quoted): a “ typed for ” opened a quote inside the quote, and the quote ran on to a later mark
guard("opening-mark-that-closes", STAGE,
      "'“It is a hard winter,“ said Lind': an opening curly mark right after a word and before a space closes the quote",
      changes=[("“It is going to be a hard winter,“ said Ivo Lind, the harbour master. “We have no money for "
                "repairs,” he added.", [("It is going to be a hard winter,", "Ivo Lind"),
                                         ("We have no money for repairs,", "Ivo Lind")])],
      keeps=["“It is going to be a hard winter,” said Ivo Lind, the harbour master. “We have no money for "
             "repairs,” he added."])
# marks.py (find_quoted): a news text whose paragraph breaks were lost ('... that. "I think ...') pairs each quote's
# opening mark with the next one's, and reads the quotes as the text between them
guard("straight-mark-opening-a-sentence", STAGE,
      "'\"We close in May. \"The pier is next.\"': inside a straight-marked quote, a straight mark after a sentence's "
      "end and before a capital opens the next quote (a lost paragraph break) instead of closing this one",
      changes=[('Ivo Lind runs the harbour. "The docks will close for a year. We have no money for repairs. "The pier '
                'is next, and the ferry will stop in the winter," he said.',
                [("The docks will close for a year. We have no money for repairs.", "Ivo Lind"),
                 ("The pier is next, and the ferry will stop in the winter,", "Ivo Lind")])],
      keeps=['"The docks will close for a year," said Ivo Lind. "The pier is next, and the ferry will stop in the '
             'winter."'])
# before_verb.py and speakers.py (session 14)
guard("participle-phrase-object-no-subject", STAGE,
      "'another official speaking to the local radio said': the object of a participle phrase after the subject is "
      "not the speaker; the description before the phrase is",
      changes=[("Another harbour official speaking to the local radio said: “We cannot keep the pier open.”",
                [("We cannot keep the pier open.", "Another harbour official")]),
               ("“We cannot keep the pier open,” another harbour official speaking to the local radio said.",
                [("We cannot keep the pier open,", "another harbour official")])],
      keeps=["A harbour official said on the local radio: “We cannot keep the pier open.”",
             "Mara Quist, speaking to the local radio, said: “We cannot keep the pier open.”"])
guard("indefinite-description-no-name", STAGE,
      "'one senior Democrat said': a capitalised head after an indefinite article ('a', 'one', 'another') and "
      "modifiers is a description, not a name",
      changes=[("“The bill is dead,” one senior Democrat said.", [("The bill is dead,", "one senior Democrat")]),
               ("A Republican said: “The bill is dead.”", [("The bill is dead.", "A Republican")])],
      keeps=["“The bill is dead,” the veteran Lind said.", "“The bill is dead,” Senator Ivo Lind said."])
# before_verb.py (session 20): "TALLAHASSEE — Rep. ... on Friday pummeled ..., praising ... as “...”" gave the quote to
# the dateline, the first capitalised word of the sentence
guard("dateline-not-speaker", STAGE,
      "'PORTVILLE — Mayor Ida Brandt ..., praising the plan as “...”': a place of one to three words in capitals "
      "before a dash at the start of a paragraph is a dateline; the sentence's subject comes after it",
      changes=[("PORTVILLE — Mayor Ida Brandt on Monday attacked the ferry board while praising the harbour crews as "
                "“the best in the north.”", [("the best in the north.", "Ida Brandt")]),
               ("EASTON, N.H. (AP) -- Ida Brandt, the mayor, backed the new pier on Monday, calling it “a gift to "
                "the whole town.”", [("a gift to the whole town.", "Ida Brandt")])],
      keeps=["NATO — the alliance of thirty countries — met on Monday, calling the plan “a gift to the whole "
             "alliance.”",
             "Portville, Maine — a town of ferries. “We have no money for repairs,” said Ida Brandt.",
             "THE FERRY BOARD HAS FAILED — Ida Brandt wrote to the council on Monday, calling the plan “a gift to "
             "nobody at all.”"])
# Session 23 (issue 12): the tag after a quote read past a role phrase. after_verb.py
guard("surname-that-is-a-common-word", STAGE,
      "'said Norway rugby coach Tom Friday': after role words, a capitalised weekday or month right after a known "
      "first name is the surname",
      changes=[("The squad flew home on Sunday. “We were beaten by a better side today,” said Norway rugby coach "
                "Tom Friday.", [("We were beaten by a better side today,", "Tom Friday")])],
      keeps=["The squad flew home on Sunday. “We were beaten by a better side today,” said Tom Friday.",
             "The squad flew home on Sunday. “We were beaten by a better side today,” said Norway coach Ola Brandt "
             "on Friday."])
guard("long-role-phrase-to-name", STAGE,
      "'said Green shadow local housing secretary Mara Quist': up to seven lower-case role words after an "
      "organisation lead on to the person",
      changes=[("The levy passed. “It is a tax on the poorest renters in the land,” said Green shadow local housing "
                "secretary Mara Quist.", [("It is a tax on the poorest renters in the land,", "Mara Quist")])],
      keeps=["The levy passed. “It is a tax on the poorest renters in the land,” said Green party housing "
             "spokeswoman Mara Quist."])
# before_verb.py
guard("holder-of-place", STAGE,
      "'Lord Holm of Bergen said', 'the Harbour Council of Bergen said': the title holder or the body is the "
      "speaker, not the place after 'of'",
      changes=[("The levy passed. “It is a tax on the poorest renters in the land,” Lord Holm of Bergen said.",
                [("It is a tax on the poorest renters in the land,", "Holm")]),
               ("The levy passed. “It is a tax on the poorest renters in the land,” the Harbour Council of Bergen "
                "said.", [("It is a tax on the poorest renters in the land,", "the Harbour Council of Bergen")]),
               ("The levy passed. Lord Holm of Bergen, who chaired the inquiry, said: “It is a tax on the poorest "
                "renters in the land.”", [("It is a tax on the poorest renters in the land.", "Holm")]),
               ("The levy passed. The Mayor of Bergen, Ida Holm, said: “It is a tax on the poorest renters in the "
                "land.”", [("It is a tax on the poorest renters in the land.", "Ida Holm")])],
      keeps=["The levy passed. “It is a tax on the poorest renters in the land,” the council in Bergen said.",
             "The levy passed. Ida Holm, head of the Bank of Norway, said: “It is a tax on the poorest renters in the "
             "land.”"])
# speakers.py, extract.py: a quote inside a sentence whose tag closes the sentence
guard("tag-at-sentence-end", STAGE,
      "'Holt “won the north easily” in the spring, said harbour historian Ida Brandt.': with no tag next to the quote "
      "and none before it, the tag that closes the sentence after a comma names the speaker",
      changes=[("Ada Holt won the vote for mayor. Holt “won the north easily and lost the south” in the spring, said "
                "harbour historian Ida Brandt.", [("won the north easily and lost the south", "Ida Brandt")]),
               ("Ada Holt won the vote for mayor. She “won the north easily and lost the south” in the spring, said "
                "Ida Brandt, a harbour historian.", [("won the north easily and lost the south", "Ida Brandt")])],
      keeps=["The vote was close. Holt said he “won the north easily and lost the south” in the spring, said "
             "harbour historian Ida Brandt.",
             "The vote was close. Holt “won the north easily and lost the south” in the spring, and Ida Brandt "
             "said nothing."])
# Session 33 (issue 12). speakers.py (_new_clause): a writer's scare quote went to the speaker of the next clause's
# "said" (quotes32's "Noticed": 'The Vellmoor council called the closure “...” before the vote, and councillor Ida
# Brannock said, ...')
guard("conjoined-clause-is-no-tag", STAGE,
      "a subject after the quote that opens a clause of its own ('..., and councillor Maren Alsop said') is no tag "
      "of the quote: the writer's words before it name the speaker",
      changes=[("The Kestrel Vale council called the closure “a temporary measure to save money” before the vote, "
                "and councillor Maren Alsop said, “We will fight it at every meeting until the spring.”",
                [("a temporary measure to save money", "The Kestrel Vale council"),
                 ("We will fight it at every meeting until the spring.", "Maren Alsop")]),
               ("Harbour board chair Osric Penhale described the plan as “a sensible first step for the quay” on "
                "Tuesday, while union organiser Delia Frome said the crews would not accept it.",
                [("a sensible first step for the quay", "Osric Penhale")])],
      keeps=["“We will fight it at every meeting until the spring,” councillor Maren Alsop said, and the council "
             "voted on.",
             "“The closure is a temporary measure to save money,” the council's leader, Osric Penhale, said on "
             "Tuesday."])
# Session 34 (issue 12; ner34's "Seen"). speakers.py (speaker_after): a full stop right after the closing mark ends
# the sentence, so the clause after it is the next sentence, not the quote's tag ('Colm Tressel said drivers had been
# "patient for long enough". The council said ...' gave the quote to the council). The check for a sentence end
# before the subject began at the second token after the mark and missed a stop that is the first.
guard("full-stop-after-mark-ends-tag", STAGE,
      "a full stop right after the closing mark ends the quote's sentence: the next sentence's subject is no tag",
      changes=[("Colm Tressel said drivers had been “patient for long enough”. The council said talks would go on.",
                [("patient for long enough", "Colm Tressel")]),
               ("Ardith Penmore told the meeting that the ferry crews were “tired of waiting for an answer from "
                "anyone”. The harbour board said it would meet on Friday.",
                [("tired of waiting for an answer from anyone", "Ardith Penmore")])],
      keeps=["“The crews are tired of waiting for an answer,” the harbour board said. Ardith Penmore disagreed.",
             "“The drivers have been patient for long enough,” Colm Tressel said on Monday."])
# Session 34 (issue 12; ner34's "Seen"). before_verb.py (_member_of_body): 'Oswin Tarrant of the Harbour Pilots'
# Guild said' gave the guild (its last words) as the speaker; "holder-of-place" reads only "of" and a place. And
# speakers.py (speaker_after): after a quote, such a tag may run past six words before its verb.
guard("member-of-body", STAGE,
      "'Oswin Tarrant of the Harbour Pilots' Guild said': a person's full name before 'of the' and a body is the speaker",
      changes=[("Oswin Tarrant of the Harbour Pilots' Guild said the pilots were “ready to talk to anyone”.",
                [("ready to talk to anyone", "Oswin Tarrant")]),
               ("The ferry stayed in port. Marisol Quenby of the Fenwick Boatmen's Society said the crossing was "
                "“too rough for the small boats”.", [("too rough for the small boats", "Marisol Quenby")]),
               ("Tomas Brenn runs the ferry. “We will sail on Friday,” he said. “The crossing is too rough for the "
                "small boats,” Marisol Quenby of the Fenwick Boatmen's Society said.",
                [("We will sail on Friday,", "Tomas Brenn"),
                 ("The crossing is too rough for the small boats,", "Marisol Quenby")])],
      keeps=["The Harbour Council of the Port of Tolverne said the pilots were “ready to talk to anyone”.",
             "“The pilots are ready to talk to anyone,” the Tolverne Pilots' Guild said."])
# Session 35 (issue 12; a reader saw it). before_verb.py (_outer_body): 'The Harbour Council of the Port of Tolverne
# said' gave "the Port of Tolverne" ("holder-of-place" read the inner phrase alone), and 'The Harbour Council of the
# Port said' gave "Port"; after its verb ('said the Harbour Council of the Port of Tolverne') the whole phrase was kept.
guard("body-of-a-body", STAGE,
      "'The Harbour Council of the Port of Tolverne said': the body (or person) before 'of the' and a body speaks",
      changes=[("The Harbour Council of the Port of Tolverne said the quay would “stay shut until the spring tides "
                "have passed”.", [("stay shut until the spring tides have passed",
                                   "The Harbour Council of the Port of Tolverne")]),
               ("The quay at Penhallow stayed shut. The Harbour Council of the Port said, “We will open it when the "
                "spring tides have passed.”", [("We will open it when the spring tides have passed.",
                                               "The Harbour Council of the Port")]),
               ("The quay at Penhallow stayed shut. “We will open it when the spring tides have passed,” Oswin Tarrant "
                "of the Port of Tolverne said.", [("We will open it when the spring tides have passed,",
                                                  "Oswin Tarrant")]),
               ("The quay at Penhallow stayed shut. “We will open it when the spring tides have passed,” the Harbour "
                "Council of the Port of Tolverne said.", [("We will open it when the spring tides have passed,",
                                                           "the Harbour Council of the Port of Tolverne")])],
      keeps=["The quay at Penhallow stayed shut. “We will open it when the spring tides have passed,” the Port of "
             "Tolverne said.",
             "The quay at Penhallow stayed shut. Critics of the Port of Tolverne said the quay was “shut for no "
             "reason at all”."])
# Session 24 (issue 12). extract.py (_Scan._colon_hint) and ranker.py (choose): a clause ending in a colon with no
# speech verb led into the quote, and the ranker chose among everyone near it. At choice time only: the rules' speaker
# and how, and so the ranker's and the gate's weights, are as without it
guard("colon-lead-subject", STAGE,
      "'The harbour trust reveals a few numbers: “...”', '... - Ida Brandt: “...”': with no speech verb, the name right "
      "before the colon that leads into a quote (alone, or after a role word or 'from'), else that clause's subject",
      changes=[("Tom Rask runs the pier. The harbour trust reveals a few numbers: “Of the 400 boats on the register, "
                "only 90 still fish.”", [("Of the 400 boats on the register, only 90 still fish.", "The harbour trust")]),
               ("Tom Rask spoke at the pier. Our readers agree - Ida Brandt: “Of the 400 boats on the register, only 90 "
                "still fish.”", [("Of the 400 boats on the register, only 90 still fish.", "Ida Brandt")]),
               ("Tom Rask spoke at the pier. More from Ida Brandt: “Of the 400 boats on the register, only 90 still "
                "fish.”", [("Of the 400 boats on the register, only 90 still fish.", "Ida Brandt")])],
      keeps=["Tom Rask runs the pier. The board put out a notice: “We will not sell the pier to anyone,” Ida Brandt "
             "said.",
             "Tom Rask runs the pier. Ida Brandt told the harbour board: “We will not sell the pier to anyone.”",
             "Ida Brandt chairs the ferry board. Tom Rask runs the pier. Asked about the winter, she confesses: “We "
             "will not sell the pier to anyone.”",
             "Ida Brandt chairs the ferry board. Tom Rask sent a message to Ola Berg: “We will not sell the pier to "
             "anyone.”"])
# Session 25 (issue 12). coref.py (PersonIndex.resolve, _in_leading_phrase): a "he"/"she" took the first person its
# sentence names, and in "Growing up in Bergen, Holm ..." that was the place in the opening phrase
guard("leading-phrase-not-antecedent", STAGE,
      "'Growing up in Port Elsa, Ida Holm watched ...': a name after in/at/from/near ... inside a phrase that opens the "
      "sentence before a comma is a place, not the person a later 'he'/'she' stands for, when the clause after the "
      "comma opens with a person's name",
      changes=[("Ivo Lund chairs the ferry board.\n\nGrowing up in Port Elsa, Ida Holm watched the ferries leave at "
                "dawn. “Nobody here can afford the crossing any more,” she said.",
                [("Nobody here can afford the crossing any more,", "Ida Holm")])],
      keeps=["Tomas Berg chairs the ferry board.\n\nIn a letter to the board, Ida Holm asked for a new quay. “The old "
             "one will not last the winter,” she said.",
             "Tomas Berg chairs the ferry board.\n\nFor Ida Holm, the new quay came first. “The old one will not last "
             "the winter,” she said."])
guard("role-word-gives-sex", STAGE,
      "'her husband, Ivo Berg': a kin or gendered role word right before a name says the person's sex when the name "
      "lists do not, so a later 'she' does not go to him",
      changes=[("Mara Quist runs the ferry line. Along with her husband, Tolle Quist, she has bought the old pier. "
                "“We will open it again in May,” she said.", [("We will open it again in May,", "Mara Quist")])],
      keeps=["Mara Quist runs the ferry line. Along with her partner, Tolle Quist, she has bought the old pier. "
             "“We will open it again in May,” she said."])
# Session 26 (issue 12). coref.py (PersonIndex.resolve): one word the tagger reads as a person's ("Meanwhile Rivka,
# who ...") was a weak candidate of the ranker only, never what a "he"/"she" stands for, so her "she said" went to the
# person named before her
guard("tagged-one-word-antecedent", STAGE_APP,
      "a one-word name the tagger reads as a person's, first in a nearer sentence, is what a later 'he'/'she' stands for",
      changes=[("The harbour festival gave its prizes on Saturday to the poet Ilse Marten and to Rivka, the singer.\n\n"
                "In her speech, Marten asked for more money for the town library: “Read to your children, and then "
                "read to them again,” she said.\n\nMeanwhile Rivka, who won the prize for music, spoke about her "
                "first years on the ferries. “Nobody paid us, and we sang every night anyway,” she said.",
                [("Read to your children, and then read to them again,", "Ilse Marten"),
                 ("Nobody paid us, and we sang every night anyway,", "Rivka")])],
      keeps=["The harbour festival gave its prizes on Saturday to the poet Ilse Marten and to Rivka, the singer.\n\n"
             "Meanwhile Rivka, who won the prize for music, spoke about her first years on the ferries. Marten asked "
             "for more money for the town library. “Read to your children, and then read to them again,” she said.",
             "The harbour festival gave its prizes on Saturday.\n\nRivka drummer Ivo Holm thanked the crowd. “We "
             "played in the rain, and nobody went home,” he said.",
             "The harbour festival gave its prizes on Saturday.\n\nThe Rivka family ran the ferry bar. Ivo Holm "
             "thanked them. “We played in the rain, and nobody went home,” he said."])
# names.py (name_runs): a headline's capitalised words ran into one name ("Harbour Chief Ida Brandt Blasts Ferry Board")
guard("headline-words-split-names", STAGE,
      "in a line where every word is capitalised, a word news mostly writes in lower case ('Blasts') ends a name",
      changes=[("Ida Brandt Blasts Tomas Lind Over Ferry Fares\n\nThe ferry board met on Monday. Lind wants higher fares "
                "for the night crossings. “We cannot run the boats for nothing,” he said.",
                [("We cannot run the boats for nothing,", "Tomas Lind")])],
      keeps=["Ida Brandt and Tomas Lind argue over ferry fares\n\nThe ferry board met on Monday. Lind wants higher "
             "fares for the night crossings. “We cannot run the boats for nothing,” he said."])
# speakers.py (ing-verb-speaker): "on Facebook writing, “...”" gave the platform, the name right before the verb
guard("ing-verb-after-place-or-platform", STAGE,
      "before 'writing'/'saying', a name after on/in/at is where it was said: the sentence's subject said it",
      changes=[("Ida Brandt answered the question on Harbourbook writing, “Yes, I will. That was a poor choice of "
                "words.”", [("Yes, I will. That was a poor choice of words.", "Ida Brandt")])],
      keeps=["The council released footage of Ida Brandt asking, “Who signed off on the broken lights?”"])
# after_verb.py (subject_right): session 29, errors a reader sees: the words after a speech verb ran past the end of
# the sentence into the next one's opener, and a run ending in a title ("Vermont Gov.") was taken for the name
guard("speaker-ends-at-sentence-end", STAGE,
      "the speaker written after a verb ends with its sentence: the next sentence's capitalised opener is nobody",
      changes=[("“We will open it by spring,” said Mayor Ann Tolley. Work on the bridge began in March.",
                [("We will open it by spring,", "Ann Tolley")])],
      keeps=["“We will open it by spring,” said Ann Tolley, the mayor. Work on the bridge began in March."])
guard("title-run-is-no-name", STAGE,
      "after a verb, a capitalised run ending in a title before 'and' ('former Vermont Gov. and') is a role, not a name",
      changes=[("“Our ports cannot wait another decade,” said former Vermont Gov. and Harbour Trust Chairman Ed "
                "Rendell.", [("Our ports cannot wait another decade,", "Ed Rendell")])],
      keeps=["“Our ports cannot wait another decade,” said Tom Judge, the trust's chairman."])
# Session 30: session 29's month short forms as a unit of their own (names.py months_named: NAME_RUN, is_person,
# person_part, is_name_like; words.py no_name; after_verb.py / before_verb.py through names.not_name_word)
guard("month-short-form-may-be-a-name", STAGE,
      "a month's short form ('Jun', 'Sept') is a date only with a dot or a number after it; else it may be a name",
      changes=[("Protests spread across the capital on Sunday. President Tomas Ortiz said nothing.\n\n“The government "
                "has lost the trust of the young,” columnist Ai Jun wrote in a weekly column.",
                [("The government has lost the trust of the young,", "Ai Jun")]),
               ("The ferry board met Tomas Ortiz Jun. 5 to talk about the pier. “We will not close it,” Ortiz said.",
                [("We will not close it,", "Tomas Ortiz")])],
      keeps=["Protests spread across the capital on Sunday. President Tomas Ortiz said nothing.\n\n“The government "
             "has lost the trust of the young,” columnist Ai Lin wrote in a weekly column on Jun. 5."])
