"""English cue lexicon: reporting verbs, attribution nouns, hearsay markers."""

from __future__ import annotations

# Reporting verbs whose subject (or inverted subject after a quote) is the source.
# Chosen for precision: each form is a cue in most of its uses in news text.
SPEECH_VERBS: frozenset[str] = frozenset(
    ["said", "says", "say", "saying", "told", "tells", "telling", "wrote", "writes", "write", "writing", "added", "adds", "adding", "asked", "asks", "noted", "notes", "noting", "announced", "announces", "announcing", "suggested", "suggests", "suggesting", "argued", "argues", "argue", "arguing", "tweeted", "tweets", "tweeting", "declared", "declares", "declaring", "explained", "explains", "explaining", "acknowledged", "acknowledges", "acknowledging", "urged", "urges", "urging", "claimed", "claims", "claiming", "warned", "warns", "warning", "cited", "cites", "citing", "stated", "states", "stating", "recalled", "recalls", "recalling", "insisted", "insists", "insisting", "replied", "replies", "responded", "responds", "vowed", "vows", "vowing", "promised", "pledged", "pledges", "predicted", "predicts", "reiterated", "reiterates", "stressed", "stresses", "emphasized", "emphasizes", "asserted", "asserts", "asserting", "conceded", "concedes", "confirmed", "confirms", "denied", "denies", "admitted", "admits", "complained", "complains", "remarked", "remarks", "observed", "testified", "contended", "contends", "alleged", "alleges", "alleging", "boasted", "boasts", "lamented", "bemoaned", "joked", "quipped", "mused", "wondered", "speculated", "cautioned", "charged", "blasted", "slammed", "slams", "praised", "praises", "criticized", "criticizes", "criticised", "denounced", "denounces", "decried", "condemned", "mocked", "rebuked", "dismissed", "dismisses", "derided", "lambasted", "accused", "accuses", "accusing", "blamed", "blames", "reported", "reports", "revealed", "reveals", "disclosed", "concluded", "concludes", "proclaimed", "shouted", "yelled", "chanted", "interjected", "retorted", "recounted", "reaffirmed", "clarified", "echoed", "hinted", "implied", "texted", "emailed", "posted"]
)

# Forms that need a subject or a following "that"/quote to count (low precision alone).
WEAK_VERBS: frozenset[str] = frozenset(
    ["asked", "called", "calling", "calls", "described", "describes", "describing", "expressed", "mentioned", "mentions", "mention", "suggest", "insist", "deny", "explain", "warn", "answered", "found", "finds", "showed", "shows", "believes", "thinks"]
)

# Auxiliaries and adverbs between a subject and its reporting verb.
AUX: frozenset[str] = frozenset(
    ["has", "have", "had", "also", "later", "previously", "recently", "repeatedly", "once", "then", "again", "often", "first", "publicly", "privately", "initially", "already", "frequently", "subsequently", "earlier", "further", "just", "famously", "reportedly", "allegedly", "has've", "'ve", "'s", "would", "will", "could", "might", "may", "did", "does", "do", "never", "always", "even", "still", "both"]
)

PREP_CUES: tuple[str, ...] = ("according to", "citing", "in a statement", "quoted by", "per")

HEARSAY: tuple[str, ...] = (
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "rumoured",
    "rumored",
)

ATTRIBUTION_NOUNS: frozenset[str] = frozenset(
    ["statement", "claim", "claims", "report", "survey", "poll", "study", "analysis", "memo", "letter", "filing", "interview", "remarks", "testimony", "complaint", "lawsuit"]
)

PRONOUNS: frozenset[str] = frozenset(
    ["he", "she", "they", "we", "i", "it", "who", "you", "which", "that", "one"]
)

DETERMINERS: frozenset[str] = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "that", "some", "many", "several", "two", "three", "four", "five", "other", "another", "most", "few", "both"]
)

# Lowercase words that never belong to a subject noun phrase.
STOP: frozenset[str] = frozenset(
    ["and", "or", "but", "if", "when", "while", "as", "because", "since", "although", "though", "that", "which", "to", "of", "in", "on", "at", "for", "from", "with", "by", "about", "into", "over", "after", "before", "than", "not", "no", "so", "is", "was", "are", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "there", "here", "this", "it", "what", "how", "why", "where", "also", "just", "only", "even", "very", "more", "most"]
)
