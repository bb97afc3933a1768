"""Speech verbs and the small word lists the speaker finder leans on."""

from __future__ import annotations


def _forms(base: str, past: str | None = None, third: str | None = None, ing: str | None = None) -> set[str]:
    stem = base[:-1] if base.endswith("e") else base
    return {
        base,
        third or (base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s"),
        past or (base + "d" if base.endswith("e") else base + "ed"),
        ing or stem + "ing",
    }


_REGULAR = """add argue acknowledge admit allege announce answer assert ask assure boast caution charge
chime claim comment complain concede conclude confirm contend counter declare demand describe
dismiss emphasize emphasise exclaim explain insist joke lament maintain mock muse note observe opine
pledge plead post predict proclaim promise quip reason recall recount remark remind repeat reply report
respond retort scoff scream shout snap state stress suggest testify threaten tout tweet urge vow warn
whisper wonder yell blast slam praise criticize criticise attack accuse rail complain insist interject
elaborate clarify summarize summarise concur agree disagree object protest rebut
point highlight label brand term laud hail characterize characterise recommend
laugh sigh mutter murmur chant gush sneer groan posit surmise relay advise inform reiterate underscore announce quote cite boast brag""".split()

SPEECH_VERBS: set[str] = set()
for _b in _REGULAR:
    if _b.endswith("y"):
        SPEECH_VERBS |= _forms(_b, past=_b[:-1] + "ied", third=_b[:-1] + "ies", ing=_b + "ing")
    else:
        SPEECH_VERBS |= _forms(_b)
# doubled consonants and other spellings the simple rule gets wrong
SPEECH_VERBS |= {"admitted", "admitting", "agreeing", "snapped", "snapping", "quipped", "quipping", "slammed",
                 "slamming", "rebutted", "rebutting", "continued", "continues", "texted", "emailed", "dubbed", "dub", "dubs", "testifying", "clarifying", "replying"}
SPEECH_VERBS |= {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes", "wrote",
    "writing", "written", "think", "thinks", "thought", "sing", "sings", "sang", "call", "calls", "called",
    "calling", "put", "puts", "read", "reads", "went", "tweeted",
    "speak", "spoke", "speaks", "believe", "believes", "believed",
}
# words that can never be the verb of a speech cue even though they look like one
NOT_CUE_AFTER = {"by", "for"}  # "called for", "read by"

PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
PERSON_PRONOUNS = {"he", "she"}
DETERMINERS = {
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "this", "these",
    "those", "several", "some", "many", "two", "three", "four", "other", "both", "most", "few", "each",
}
# words skipped between a subject and its verb: "Lind later said", "Okafor on Monday told"
SKIP_BEFORE_VERB = {
    "also", "later", "then", "has", "had", "have", "previously", "once", "again", "repeatedly", "recently",
    "would", "will", "did", "does", "do", "not", "never", "first", "further", "just", "finally", "even",
    "still", "often", "has", "had", "now", "simply", "quickly", "on", "last", "this", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "night", "morning", "afternoon", "evening",
    "week", "earlier", "today", "yesterday", "tonight", "to", "may", "might", "could", "should", "must",
    "can", "reportedly", "publicly", "privately", "famously", "once", "ever", "always", "sometimes", "'s",
    "’s",
}
# words skipped between a verb and its following subject: "said Monday Mr. Smith" is rare, "said Smith" common
SKIP_AFTER_VERB = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tonight", "recently", "later", "earlier", "also", "again", "then", "on",
}
TITLE_ABBREV = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "rev",
                "jr", "sr", "st", "pres", "sec", "amb", "atty", "del", "u.s", "d", "r", "i"}

# verbs whose following noun is the listener or the topic, never the speaker ("told Smith", "called the island")
TRANSITIVE = {
    f for b in ("tell", "call", "accuse", "praise", "criticize", "criticise", "attack", "mock", "slam", "blast",
                "dismiss", "remind", "advise", "inform", "assure", "urge", "quote", "cite", "describe", "label",
                "question", "challenge", "thank", "promise", "put", "sing")
    for f in SPEECH_VERBS if f.startswith(b[:-1] if b.endswith("e") else b)
} | {"told", "called", "sang", "put", "puts"}
# words that cannot sit at the end of a subject phrase, or inside a description
CLAUSE_WORDS = {
    "for", "to", "with", "by", "from", "that", "which", "who", "when", "as", "because", "if", "while", "than",
    "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "would", "will", "could", "should",
    "can", "not", "and", "or", "but", "so", "about", "into", "at", "in", "on", "after", "before", "since",
}

# bare verb forms: "state", "report", "claim" are nouns unless a subject pronoun, "to" or a modal precedes them
BASE_FORMS = set(_REGULAR) | {"say", "tell", "write", "think", "sing", "call", "put", "read", "speak", "believe", "dub"}
BASE_LEAD = {"to", "will", "would", "can", "could", "should", "might", "must", "may", "do", "does", "did", "not",
             "n't", "i", "we", "they", "you", "also", "then", "just", "never", "often", "always"}
# words before an -s form that make it a plural noun ("his claims", "other reports")
NOUN_LEAD = {"other", "such", "many", "new", "recent", "previous", "these", "those", "several", "some", "any",
             "no", "all", "both", "few", "more", "most", "public", "official", "press", "news", "media", "earlier"}
PROGRESSIVE = {"is", "are", "was", "were", "be", "been", "am", "'s", "’s", "keeps", "kept", "started", "began"}
