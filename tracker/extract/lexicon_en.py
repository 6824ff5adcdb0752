"""English lexicon: auxiliaries, determiners, pronouns, stop words, attribution nouns.

The English cue words and the weights that decide them in context are in cue_model_en.json.
"""

from __future__ import annotations

# Auxiliaries and adverbs between a subject and its reporting verb.
AUX: frozenset[str] = frozenset(
    """
    's 've again allegedly already also always both could did do does earlier even famously
    first frequently further had has has've have initially just later may might never often
    once previously privately publicly recently repeatedly reportedly still subsequently then
    will would
    """.split()  # noqa: SIM905
)

# Nouns that carry an attribution: 'a statement from X', "X's claim that".
ATTRIBUTION_NOUNS: frozenset[str] = frozenset(
    """
    allegation allegations assertion claim memo statement testimony
    """.split()  # noqa: SIM905
)

# Pronouns that can be a source (relative 'who', 'which', 'that' included).
PRONOUNS: frozenset[str] = frozenset(
    """
    he i it one she that they we which who you
    """.split()  # noqa: SIM905
)

# Determiners and quantifiers that open a noun phrase.
DETERMINERS: frozenset[str] = frozenset(
    """
    a an another both few five four her his its many most my other our several some that the
    their these this those three two your
    """.split()  # noqa: SIM905
)

# Lowercase words that never belong to a subject noun phrase.
STOP: frozenset[str] = frozenset(
    """
    about after also although am and are as at be because been before being but by can could
    did do does even for from had has have here how if in into is it just may might more most
    must no not of on only or over shall should since so than that there this though to very
    was were what when where which while why will with would
    """.split()  # noqa: SIM905
)

# Rules and norms: "according to the law" is the paper's own assertion, not a source.
NORM_NOUNS: frozenset[str] = frozenset(
    ["law", "laws", "legislation", "rule", "rules", "regulation", "regulations", "protocol",
     "protocols", "guidelines", "guideline", "treaty", "constitution", "statute", "statutes",
     "contract", "schedule", "timetable", "procedure", "procedures", "code", "manual"]
)  # fmt: skip
