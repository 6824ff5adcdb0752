"""Check-worthiness: a score from the features of checkable claims.

A fact-checker checks what a sentence says happened, was decided, was found or measured: past
events, named people and places, dates, numbers, also when someone is quoted saying them. She
does not check opinions, feelings, predictions, appeals, conditionals, questions or headlines.
`features` turns a claim into counts of markers of both kinds (Dutch and English word lists,
verb-form patterns, the kind of its attribution); `score` weighs them in a logistic function
whose weights live in checkworthy_model.json (derived by tools/derive_checkworthy_model.py).
The extractor flags a claim at a score of CHECKWORTHY_THRESHOLD.
"""

from __future__ import annotations

import json
import math
import re
from importlib.resources import files
from itertools import repeat


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Finished events and states in the past: finite past tense and perfect auxiliaries.
_PAST = _words("""
    was waren had hadden werd werden kwam kwamen ging gingen zag zagen vond vonden stond stonden
    nam namen gaf gaven bleef bleven hield hielden kreeg kregen liet lieten lag lagen zat zaten
    begon begonnen won wonnen verloor verloren sloot sloten stierf stierven trok trokken schoot
    schoten viel vielen bracht brachten dacht dachten zocht zochten kocht kochten riep riepen
    sprak spraken schreef schreven zei zeiden vroeg vroegen droeg droegen wees wezen reed reden
    vloog vlogen ontving ontvingen verscheen verschenen ontstond ontstonden bood boden sprong
    koos kozen brak braken vertrok vertrokken hing hingen liep liepen stak staken greep grepen
    deed deden ving vingen hief hieven sloeg sloegen verliet verlieten vond vonden wist wisten
    bleek stond verdween verdwenen won ontsnapte vluchtte vluchtten stuurde stuurden meldde
    zette zetten legde legden maakte maakten kocht verkocht verkochten haalde haalden
    were did said told went came took made gave found won lost met left began saw fell rose led
    held sent spent paid sold bought built shot struck ran became brought kept thought knew
    wrote spoke chose broke flew drew grew threw caught taught fought hit put set cut got sought
    stood sat lay stayed drove wore carried appeared arose offered jumped hung walked
    stabbed grabbed seized beat disappeared escaped fled laid asked pulled sank swore stole
    froze withdrew heard meant dealt shut hid
    """)
# Auxiliaries of the perfect and the passive (with a participle in the sentence).
_PERFECT = _words("""
    heb hebt heeft hebben ben bent is zijn word wordt worden
    has have had been is are
    """)
# Decisions, findings, actions a fact-checker can look up.
_EVENT = _words("""
    besloot besloten besluit besluiten akkoord ingestemd goedgekeurd aangenomen verworpen
    aangekondigd gearresteerd aangehouden opgepakt veroordeeld vrijgesproken aangeklaagd
    gedood doden omgekomen overleden gewond gevonden ontdekt onderzoek onderzocht rapport
    uitspraak vonnis rechtbank rechter politie justitie ministerie aanklacht verdachte verdachten
    arrestatie arrestaties betaald ontslagen afgetreden gekozen verkiezingen stemde stemden
    ondertekend gesloten geopend ingediend gestuurd verboden benoemd gepubliceerd bekendgemaakt
    blijkt bleek uit cijfers procent percent miljoen miljard omdat doordat waardoor volgens
    decided approved passed rejected announced arrested charged convicted sentenced acquitted
    killed died dead wounded injured found discovered study report ruling verdict court judge
    police ministry indictment suspect suspects arrest arrests paid fired resigned elected
    voted signed closed opened filed sent banned appointed published figures data showed
    million billion percent because according
    bevestigt bevestigde bevestigden meldt meldde meldden concludeert concludeerde
    confirmed confirms reported concluded
    ontvangen getekend overgenomen verkocht gekocht gebouwd geschrapt verhoogd verlaagd
    gestegen gedaald gegroeid gekrompen ingevoerd afgeschaft opgericht vastgesteld toegekend
    gewonnen gescoord gedagvaard verhoord vrijgelaten uitgeleverd beboet boete aangevallen
    helft verdubbeld gehalveerd steeg stegen daalde daalden groeide groeiden kromp
    received acquired raised lowered increased decreased introduced abolished launched
    founded awarded scored detained released extradited fined sued attacked doubled halved
    sold bought built rose fell grew shrank dropped climbed
    """)
_TIME = _words("""
    gisteren vandaag eergisteren gisteravond gistermiddag gisterochtend vanochtend vanmiddag
    vanavond vorige vorig afgelopen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    januari februari maart april mei juni juli augustus september oktober november december
    sinds jaar eeuw toen na
    week weken maand maanden dagen uur uren minuten decennium decennia
    week weeks month months days hours minutes decade decades
    yesterday today monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december last since ago after
    """)
# Opinion, evaluation and feeling.
_OPINION = _words("""
    vind vindt vinden denk denkt denken noemt noemde noemden noemen hoop hoopt hopen
    vrees vreest vrezen geloof gelooft geloven meen meent menen bang blij trots boos
    teleurgesteld verbijsterd weet weten
    belangrijk mooi mooie slecht slechte goed goede prachtig vreselijk idioot schandalig
    schandaal onacceptabel onaanvaardbaar naïef naïviteit absurd helaas gelukkig jammer
    waardering kritiek gevoel gevoelens emoties eerlijk oneerlijk terecht onterecht
    think thinks believe believes feel feels hope hopes fear fears afraid glad proud angry
    disappointed important beautiful terrible awful ridiculous shameful unacceptable naive
    unfortunately fortunately fair unfair wrong right love hate great calls called calling
    waarschuwt waarschuwen waarschuwde warns warned warn
    heerlijk heerlijke fraai fraaie opvallend opvallende verschrikkelijk verschrikkelijke
    vreselijke fel felle geweldig geweldige onmogelijk onmogelijke arrogant stuitend idiote
    prachtige zinloos zinloze dapper dappere moedig moedige opmerkelijk opmerkelijke erg zeer
    echt totaal volstrekt behoorlijk bijzonder extreem ontzettend enorm enorme
    very really extremely totally absolutely incredibly amazing wonderful horrible brilliant
    stunning disgraceful outrageous remarkable brave courageous huge
    verstandig verstandige dom domme slim slimme sterk sterke zwak zwakke lastig lastige
    moeilijk moeilijke makkelijk gemakkelijk duidelijk onduidelijk onbegrijpelijk
    teleurstellend teleurstellende verrassend verrassende ongelooflijk fantastisch
    fantastische uitstekend uitstekende belachelijk belachelijke triest trieste zonde
    ernstig ernstige zorgelijk zorgelijke gevaarlijk gevaarlijke onverantwoord
    schande jammerlijk pijnlijk pijnlijke mooiste beste slechtste grootste
    sensible stupid smart strong weak difficult easy clear unclear disappointing
    surprising incredible fantastic excellent absurd sad serious worrying dangerous
    irresponsible painful best worst greatest
    onzin flauwekul kletskoek nonsense rubbish
    """)
# Verbs of thinking, believing and expecting: a stance, not a fact.
_COGNITION = _words("""
    vind vindt vinden denk denkt denken dacht hoop hoopt hopen vrees vreest vrezen geloof
    gelooft geloven meen meent menen verwacht verwachten
    think thinks believe believes hope hopes fear fears feel feels expect expects
    """)
# Modals, the future, wishes, appeals and wh-words: no assertion of a fact.
_MODAL = _words("""
    zal zullen zult kan kunnen kunt moet moeten mag mogen wil willen wilt zou zouden
    gaat gaan verwacht verwachten verwachting misschien wellicht mogelijk waarschijnlijk
    lijkt lijken roept oproep oproept pleit pleiten straks binnenkort graag hoe wat waarom
    will would could should must might may can shall expects expected expect perhaps maybe
    likely possibly probably seems urge urges urged soon how what why
    belooft beloofde beloofden belofte beloften promise promises promised vows vowed pledged
    """)
# A refusal to comment: one of these with a negation ("wil niet reageren", "declined to
# comment") says nothing checkable.
_COMMENT = _words(
    "reageren reageert reageerde reactie commentaar ingaan comment commenting discuss"
)
_REFUSAL = _words("niet geen weigert weigerde weigerden no not declined refused refuses")
# Conditionals and hypotheticals at the start of the sentence.
_CONDITIONAL = _words("als indien mocht wanneer tenzij if unless when should")
# The speaker and the one spoken to: a quote of feelings and views, an appeal.
_FIRST_PERSON = _words("ik mijn me mij wij we ons onze i my me we our us")
_SECOND_PERSON = _words("je jij jou jouw jullie u uw you your")
# Third persons: narration of what others did.
_THIRD_PERSON = _words("hij zij ze hun haar hem hen zich he she they his her their him them")
# Causes and reasons given as facts.
_CAUSE = _words("omdat doordat vanwege daardoor waardoor because due")
# Pointing at the situation of the speaker or the text rather than at an event.
_DEIXIS = _words("deze dit zo hier this these here so")
# A sentence that only points at where the words came from: "Dat meldt de krant."
_CARRIER_START = _words("dat dit zo that this so")
# A sentence that opens by pointing back ("Dat leverde ... op", "Die vond niemand ...").
_ANAPHORIC_START = _words("dat die dit daarmee daardoor that this")

_OPENERS = frozenset("\"“„‘'«")
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d)")
_LEAD = ",'\"“„‘«( "
_WORD_LISTS = (
    _PAST,
    _PERFECT,
    _EVENT,
    _TIME,
    _OPINION,
    _COGNITION,
    _MODAL,
    _CONDITIONAL,
    _FIRST_PERSON,
    _SECOND_PERSON,
    _THIRD_PERSON,
    _CAUSE,
    _DEIXIS,
    _COMMENT,
    _REFUSAL,
)
WATCHED_WORDS = frozenset().union(*_WORD_LISTS, _CARRIER_START, _ANAPHORIC_START)

# The features, in the order of the model's weights.
FEATURES = (
    "numbers",  # numbers in the claim (at most 3)
    # words of the claim in each word list:
    "time",  # dates, days (a year counts too)
    "event",  # decisions, findings, courts, police, figures
    "past",  # past-tense forms (and participles after a perfect auxiliary)
    "opinion",  # evaluative and feeling words
    "cognition",  # think, believe, hope, fear
    "modal",  # modals, future, appeals, wh-words
    "first_person",
    "second_person",
    "third_person",
    "cause",  # a reason or cause
    "deixis",  # deze, dit, zo, hier
    "coordination",  # the number of " en " / " and "
    "length",  # words / 10 (at most 4)
    "fragment",  # fewer than 6 words
    "conditional_start",  # opens with if / als
    "anaphoric_start",  # opens with dat / die / dit
    "direct_speech",  # opens with a quotation mark
    "reported",  # attribution kinds
    "quote",
    "hearsay",
    "implicit",  # the source is carried over from another sentence
    "quoted_event",  # quote x event words: a quoted fact
)
# Rules, not fitted: what the gold never counts as checkworthy (headings, questions, bare
# carriers, refusals to comment, greetings) is too rare in the training articles to weigh, and an
# exclamation is rare there too.
_HEADING, _QUESTION, _CARRIER, _NO_COMMENT, _EXCLAMATION = -4.0, -3.0, -2.5, -2.0, -1.0
_GREETING = -2.5
# A greeting, a welcome or thanks opening the sentence.
_GREETING_START = re.compile(
    r"(?:good (?:morning|afternoon|evening|night)|goede(?:morgen|middag|navond|nacht)"
    r"|welkom|welcome|hello|hallo|thanks|thank you|bedankt|dank (?:je|jullie|u)"
    r"|congratulations|gefeliciteerd|dear|beste (?:kijkers|luisteraars|lezers|collega))\b"
)


def _has_year(low: str) -> int:
    """1 when the text names a year (a date, not one of its numbers), else 0."""
    if "19" not in low and "20" not in low and "18" not in low:
        return 0  # no year's first two digits: the regex cannot match
    return 1 if _YEAR.search(low) is not None else 0


# The word-list features, in the order of FEATURES (each counts the claim's words in a list).
_LISTS = (
    _TIME,
    _EVENT,
    _PAST,
    _OPINION,
    _COGNITION,
    _MODAL,
    _FIRST_PERSON,
    _SECOND_PERSON,
    _THIRD_PERSON,
    _CAUSE,
    _DEIXIS,
)


def _participles(low: str) -> int:
    """Participles after a perfect or passive auxiliary, roughly: ge-words, -ed words."""
    return low.count(" ge") + low.count("ge", 0, 2) + low.count("ed ") + low.count("ed,")


def _past_forms(low: str, words: frozenset[str], lang: str | None) -> int:
    """Past forms beyond the listed ones. English: every regular -ed form (the simple past
    needs no auxiliary: "police arrested", "the firm moved"); Dutch (and an unknown language):
    participles after a perfect or passive auxiliary (without one a ge-word is mostly an
    adjective or a noun)."""
    if lang == "en":
        return low.count("ed ") + low.count("ed,") + low.count("ed.")
    return _participles(low) if not words.isdisjoint(_PERFECT) else 0


# "may" as the month, not the modal: after a preposition of time or before a day's number.
_MAY_MONTH = re.compile(r"\b(?:in|of|since|until|by|early|late|mid|last|next) may\b|\bmay \d")


def _month_may(low: str, words: frozenset[str], lang: str | None) -> int:
    """1 when an English "may" is the month (it then counts as a time word, not a modal)."""
    if lang == "nl" or "may" not in words:
        return 0
    return 1 if _MAY_MONTH.search(low) is not None else 0


def _first_word(low: str) -> str:
    return low.lstrip(_LEAD).split(" ", 1)[0].rstrip(",.:;")


def features(
    low: str,
    words: frozenset[str],
    n_numbers: int,
    kind: str | None,
    implicit: bool = False,
    lang: str | None = None,
) -> tuple[float, ...]:
    """The values of FEATURES for a claim: its text lower-cased, its words (at least those of
    WATCHED_WORDS), its count of numbers, the kind of its attribution (None without one),
    whether its source is carried over from another sentence, its language ("en", "nl";
    None: the word lists of both, Dutch verb forms). (`score` computes the same weighted sum
    faster.)"""
    c = [len(words & lst) for lst in _LISTS]
    c[0] += _has_year(low)
    c[2] += _past_forms(low, words, lang)
    may = _month_may(low, words, lang)
    c[0] += may
    c[5] -= may
    n = low.count(" ") + 1
    first = _first_word(low)
    direct = low[:1] in _OPENERS or low.startswith(",,")
    quote = kind == "quote"
    return (
        min(n_numbers, 3),
        *c,
        low.count(" en ") + low.count(" and "),
        min(n, 40) / 10,
        n < 6,
        first in _CONDITIONAL,
        first in _ANAPHORIC_START,
        direct,
        kind == "reported",
        quote,
        kind == "hearsay",
        implicit,
        c[1] if quote else 0,
    )


def _load_model() -> tuple[dict[str, float], float]:
    """The weights (by feature name) and the bias of the model file. A feature the file does
    not name weighs 0, so that tools/derive_checkworthy_model.py runs after a feature is added
    (a test checks that the committed file names exactly FEATURES)."""
    data = json.loads(files(__package__).joinpath("checkworthy_model.json").read_text("utf-8"))
    weights = {k: float(data["weights"].get(k, 0.0)) for k in FEATURES}
    return weights, float(data["bias"])


_W, _BIAS = _load_model()
# Each word's weight: the sum of the weights of the word lists that hold it.
_WORD_WEIGHT = {
    w: sum(_W[name] for name, lst in zip(FEATURES[1:], _LISTS, strict=False) if w in lst)
    for w in frozenset().union(*_LISTS)
}
_KIND_WEIGHT = {"reported": _W["reported"], "quote": _W["quote"], "hearsay": _W["hearsay"]}
_ZEROS = repeat(0.0)


def rules(low: str, words: frozenset[str], kind: str | None, heading: bool = False) -> float:
    """The fixed part of a claim's score: headings, questions, carriers, refusals,
    greetings."""
    z = 0.0
    if heading:
        z += _HEADING
    if "?" in low[-4:]:
        z += _QUESTION
    if "!" in low:
        z += _EXCLAMATION
    if not words.isdisjoint(_COMMENT) and not words.isdisjoint(_REFUSAL):
        z += _NO_COMMENT
    if _GREETING_START.match(low.lstrip(_LEAD)) is not None:
        z += _GREETING
    if kind is not None and low.count(" ") < 7:
        first = low.lstrip(_LEAD).split(" ", 1)[0].rstrip(",.:;")
        if first in _CARRIER_START:
            z += _CARRIER
    return z


def score(
    low: str,
    words: frozenset[str],
    n_numbers: int,
    kind: str | None,
    heading: bool = False,
    implicit: bool = False,
    lang: str | None = None,
) -> float:
    """Check-worthiness in [0, 1] of a claim: 1 / (1 + exp(-(bias + the weighted sum of its
    features + rules))), the arguments as for `features` and `rules`."""
    w = _W
    z = _BIAS + sum(map(_WORD_WEIGHT.get, words, _ZEROS))
    if ("19" in low or "20" in low or "18" in low) and _has_year(low):
        z += w["time"]
    z += w["past"] * _past_forms(low, words, lang)
    if "may" in words:
        z += (w["time"] - w["modal"]) * _month_may(low, words, lang)
    n = low.count(" ") + 1
    z += (
        w["numbers"] * min(n_numbers, 3)
        + w["coordination"] * (low.count(" en ") + low.count(" and "))
        + w["length"] * min(n, 40) / 10
    )
    if n < 6:
        z += w["fragment"]
    first = _first_word(low)
    if first in _CONDITIONAL:
        z += w["conditional_start"]
    if first in _ANAPHORIC_START:
        z += w["anaphoric_start"]
    if low[:1] in _OPENERS or low.startswith(",,"):
        z += w["direct_speech"]
    if kind is not None:
        z += _KIND_WEIGHT.get(kind, 0.0)
        if kind == "quote":
            z += w["quoted_event"] * len(words & _EVENT)
    if implicit:
        z += w["implicit"]
    z += rules(low, words, kind, heading)
    return 1.0 / (1.0 + math.exp(-z))
