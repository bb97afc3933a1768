"""Speech verbs and the small word lists the speaker finder leans on.

The words live in assets/models/quote_words.txt and are read through the typed lexicon
(`tui.engine.lexicon.QuoteWords`, one field per list); this module names the shared ones for the quote
stage's modules, and each module takes its own few lists from there too. What stays in code are function-word
sets that are grammar rather than vocabulary (prepositions, punctuation).
"""

from __future__ import annotations

from ..lexicon import quote_words

_W = quote_words()

SPEECH_VERBS: frozenset[str] = _W.speech_verbs()
# words that can never be the verb of a speech cue even though they look like one: "called for", "read by"
NOT_CUE_AFTER = _W.not_cue_after
PRONOUNS = _W.pronouns
PERSON_PRONOUNS = _W.person_pronouns
DETERMINERS = _W.determiners
# words skipped between a subject and its verb: "Lind later said", "Okafor on Monday told"
SKIP_BEFORE_VERB = _W.skip_before_verb
# words skipped between a verb and its following subject: "said Monday Mr. Smith" is rare, "said Smith" common
SKIP_AFTER_VERB = _W.skip_after_verb
TITLE_ABBREV = _W.title_abbrev
# verbs whose following noun is the listener or the topic, never the speaker ("told Smith", "called the island")
TRANSITIVE = frozenset(f for b in _W.transitive_bases for f in SPEECH_VERBS
                       if f.startswith(b[:-1] if b.endswith("e") else b))
# words that cannot sit at the end of a subject phrase, or inside a description
CLAUSE_WORDS = _W.clause_words
# bare verb forms: "state", "report", "claim" are nouns unless a subject pronoun, "to" or a modal precedes them
BASE_FORMS = _W.speech_verb_bases | _W.irregular_bases
BASE_LEAD = _W.base_lead
# words before an -s form that make it a plural noun ("his claims", "other reports")
NOUN_LEAD = _W.noun_lead
PROGRESSIVE = _W.progressive
