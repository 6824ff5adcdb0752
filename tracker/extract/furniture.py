"""Page furniture, photo captions and credits, metadata lines and subheads: not article text."""

from __future__ import annotations

import re

FURNITURE_LINE = re.compile(
    r"""^\s*(?:
        volledig\ scherm\b.* | lees\ ook\b.* | lees\ meer\b.* | bekijk\ ook\b.* | zie\ ook\b.* |
        meer\ over\b.* | deel\ dit\ artikel | delen | advertentie | reageer\b.* |
        read\ more\b.* | see\ also\b.* | related\b.* | advertisement | share\ this\b.* |
        also\ read\b.* | sign\ up\b.* | subscribe\b.* | click\ here\b.* | watch\b:.* |
        (?:image|media)\ (?:copyright|caption)\b.* |
        (?:foto|beeld|photo|photograph|image|credit|bron|source)s?\s*:.* | ©.* | \(c\)\ .* |
        \d{1,2}:\d{2}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A photo credit at the end of a caption line: "© ANP/EPA", "Foto: Reuters", "Photograph:
# Jane Doe/AP", "Foto ANP / Jan Jansen".
CREDIT_TAIL = re.compile(
    r"\s*(?:©|\(c\)|(?:Foto|Beeld|Photo|Photograph|Credit|Image)s?\s*:|(?:Foto|Beeld)\s+(?=[A-Z]{2}))"
    r"\s*[\w .&/'’-]{0,60}$",
    re.IGNORECASE,
)

METADATA_LINE = re.compile(
    r"""^\s*(?:
        (?:door|by)(?::\s*|\s+)(?-i:[A-Z]).* |
        (?:door|van)\ onze\ (?:verslaggever|verslaggeefster|correspondent|redactie)\b.* |
        (?:bijgewerkt|updated|gepubliceerd|published|geplaatst|posted)\b.* |
        (?:date|datum|dateline|tags?|rubriek|categorie|category|section)\s*(?::|\s+\d).* |
        .*\b\d{1,2}[-/ ](?:\d{1,2}|[a-z]{3,9})[-/ ]\d{2,4}\b.*\|.* |
        .*\|.*\b\d{1,2}:\d{2}\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A date line: "14 maart 2023", "Tuesday, March 14, 2024, 9:30 a.m.", "2023-02-14"
DATE_LINE = re.compile(
    r"""^\s*(?:(?:updated|bijgewerkt|published|gepubliceerd|posted|geplaatst)\b:?\s*)?(?:
        (?:[a-z]+dag\ |[a-z]+day,?\ )?\d{1,2}\ [a-z]{3,9}\.?\ \d{4} |
        (?:[a-z]+day,?\ )?[a-z]{3,9}\.?\ \d{1,2},\ \d{4} |
        \d{4}-\d{2}(?:-\d{2})?
    )(?:,?\ (?:om\ |at\ )?\d{1,2}[:.]\d{2}(?::\d{2})?\ ?(?:[ap]\.?m\.?|uur)?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture (credits, 'Lees ook', 'Volledig scherm')."""
    return bool(FURNITURE_LINE.match(line))


def is_metadata(line: str) -> bool:
    """True for an author/date metadata line before the article text."""
    if len(line) > 200:
        return False
    if DATE_LINE.match(line):
        return True
    if line.rstrip().endswith((".", "!", "?")) and "|" not in line:
        return False
    return bool(METADATA_LINE.match(line))


_CREDIT_MARKS = ("©", "(c)", "foto", "beeld", "photo", "credit", "image")


def credit_start(line: str) -> int:
    """Offset in `line` where a trailing photo credit begins, or len(line)."""
    tail = line[-90:].lower()
    if not any(mark in tail for mark in _CREDIT_MARKS):
        return len(line)  # no credit can start here: skip the slower pattern
    m = CREDIT_TAIL.search(line, max(0, len(line) - 90))
    return m.start() if m else len(line)


# Finite verbs and auxiliaries common in headlines; with participles and -ed forms they tell
# a headline that states something ("Minister treedt af") from a label ("Onrust in Den Haag").
_FINITE = frozenset(
    """is zijn was waren wordt worden werd werden heeft hebben had hadden wil willen kan kunnen
    moet moeten mag mogen zal zullen zou zouden gaat gaan komt komen krijgt krijgen blijft
    blijven staat staan ligt liggen zit zitten houdt houden maakt maken neemt nemen geeft
    geven zegt zeggen wint winnen verliest verliezen treedt stopt stoppen dreigt dreigen eist
    eisen wijst keert vreest vrezen hangt loopt klaagt daalt stijgt groeit trekt sluit opent
    kiest vindt vinden weet weten ziet zien toont blijkt laat lijkt
    are were be been has have will would can could must may might does did do says said say
    wins win loses lose quits resigns dies died killed kills faces face warns warned calls
    called vows vowed plans plan seeks seek backs back rejects reject approves approve gets
    get makes make takes take gives give tells told shows show finds found""".split()  # noqa: SIM905
)
_NO_SUBJECT = frozenset(
    [
        "in",
        "on",
        "at",
        "of",
        "for",
        "from",
        "with",
        "the",
        "a",
        "an",
        "de",
        "het",
        "een",
        "op",
        "van",
        "voor",
        "met",
    ]
)
_PARTICLES = frozenset(["mee", "op", "af", "uit", "aan", "toe", "terug", "weg", "neer", "samen"])
_VERB_COMPANIONS = frozenset(["zich", "niet", "geen", "not"])
_PARTICIPLE = re.compile(r"(?:^|[a-z])ge[a-zë]{3,}(?:d|t|en)$|^[a-z]{3,}ed$")
_WORD = re.compile(r"[\w'’-]+")


def is_statement(piece: str) -> bool:
    """True when a headline (a line without a sentence end) states something that can be
    checked or attributed: a quote, a colon ('Minister: ...'), a figure or a verb."""
    if any(c in piece for c in "\"'“”„‘’«»:") or any(c.isdigit() for c in piece):
        return True
    words = _WORD.findall(piece)
    if any(w.lower() in _FINITE or _PARTICIPLE.search(w.lower()) for w in words):
        return True
    # a Dutch present tense after the first word ("Rusland stuurt troepen"), a reflexive
    # or a negation ("Strijders melden zich", "Kabinet wil niet") go with a finite verb
    if any(
        w in _VERB_COMPANIONS or (len(w) > 3 and w[-1] == "t" and w.islower() and w[-2] != "n")
        for w in words[1:]
    ):
        return True
    # a plural verb with its separable particle: "Boeren leggen werk neer", "vechten mee"
    if any(w.endswith("en") and words[i + 1] in _PARTICLES for i, w in enumerate(words[1:-1], 1)):
        return True
    # so does an English -s form right after a short subject, in a lower-case or a
    # title-case headline ("Senate passes budget", "Storm Leaves Thousands Without Power")
    if not words or words[0].lower() in _NO_SUBJECT:
        return False
    return any(
        len(w) > 3
        and w[-1] == "s"
        and w[-2] not in "s'’"
        and (w.islower() or (i + 1 < len(words) and words[i + 1][:1].isupper()))
        for i, w in enumerate(words[1:3], 1)
    )


def is_subhead(line: str) -> bool:
    """True for a short label on a line of its own after the headline ('Doofpot', 'Reactie
    van de minister'), given a line without a sentence end: few words, no quote, comma,
    colon or figure (a broken line of running text has them)."""
    if len(line) > 80 or any(c in line for c in "\"'“”„‘’«»,:;()[]") or "|" in line:
        return False
    return len(line.split()) <= 8 and not any(c.isdigit() for c in line)
