"""The quote stage's hand-written rules as named units (tui.engine.rules): what each does, and our own
example sentences it must change and must leave alone. The rule itself is the branch that asks
``rules.enabled(name)`` in the module named in each comment.
"""

from __future__ import annotations

from ..rules import guard

STAGE = "quotes.speaker"

# speakers.py
guard("per-names-the-source", STAGE, "'“...,” per the ministry' names the source after 'per'")
guard("ing-verb-speaker", STAGE, "before 'saying'/'asking' the speaker is the name right before the verb, else the sentence's subject")
guard("and-said-takes-sentence-subject", STAGE, "'X said ... and said “...”': the second verb's subject is the sentence's")
guard("name-beats-description", STAGE, "a named subject of an earlier verb in the lead beats a description or 'it' at the nearest verb")
# before_verb.py
guard("role-then-name-apposition", STAGE, "'the firm's chief engineer, Ada Holm, said': the name in the apposition is the speaker")
guard("name-inside-apposition-skipped", STAGE, "a name after of/for/at inside an apposition is not the speaker")
guard("person-of-the-organisation", STAGE, "'Ms. Lund of the Harbour Trust said': the person, not the organisation")
guard("the-before-a-name", STAGE, "'The Harbour Gazette reported': 'The' is part of the name of the source")
guard("role-for-a-name", STAGE, "'a spokesman for Acme said': the description, not the organisation, is the speaker")
# extract.py
guard("transcript-speaker", STAGE, "'“LUND: We will ...”': a capitalised name and a colon opening the quote is its speaker")
guard("it-is-its-sentence-subject", STAGE, "'it' before a quote is the organisation its sentence opens with")
guard("open-paragraph-credited-back", STAGE, "a quotation running over paragraphs is attributed where it ends")
guard("sentence-before-speaks", STAGE, "a quote opening a sentence takes the speaker of the sentence before it in its paragraph")
guard("intro-line-with-colon", STAGE, "a paragraph ending in a colon introduces the quote that follows it")
guard("unattributed-continues-previous", STAGE, "an unattributed quote right after another continues its speaker's words")
# coref.py
guard("pronoun-skips-leading-clause", STAGE, "a name in an opening 'While X ...' clause is not a pronoun's antecedent")
guard("pronoun-prefers-speaking-name", STAGE, "a pronoun's antecedent is the name that speaks in its sentence before any other")
guard("pronoun-after-unnamed-speaker", STAGE, "'A spokesman said ... But he added:' the pronoun is the unnamed speaker")
# resolve.py, names.py
guard("name-as-the-article-writes-it", STAGE, "a linked name is shown as the article writes it outside quotations")
guard("misspelt-surname", STAGE, "a bare surname one letter off a full name's surname is that person")
