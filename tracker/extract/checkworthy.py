"""Check-worthiness: a score from the features of checkable claims.

A fact-checker checks what a sentence says happened, was decided, was found or measured: past
events, named people and places, dates, numbers, also when someone is quoted saying them. She
does not check opinions, feelings, predictions, appeals, conditionals, questions or headlines.
The score weighs markers of both kinds (Dutch and English word lists, verb-form patterns) in a
logistic function; the extractor flags a claim at CHECKWORTHY_THRESHOLD.
"""

from __future__ import annotations

import math


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
    were did said told went came took made gave found won lost met left began saw fell rose led
    held sent spent paid sold bought built shot struck ran became brought kept thought knew
    wrote spoke chose broke flew drew grew threw caught taught fought hit put set cut got sought
    """)
# Auxiliaries of the perfect and the passive (with a participle in the sentence).
_PERFECT = _words("heeft hebben is zijn wordt worden has have been is are")
# Decisions, findings, actions a fact-checker can look up.
_EVENT = _words("""
    besloot besloten besluit besluiten akkoord ingestemd goedgekeurd aangenomen verworpen
    aangekondigd gearresteerd aangehouden opgepakt veroordeeld vrijgesproken aangeklaagd
    gedood doden omgekomen overleden gewond gevonden ontdekt onderzoek onderzocht rapport
    uitspraak vonnis rechtbank rechter politie justitie ministerie aanklacht verdachte verdachten
    arrestatie arrestaties betaald ontslagen afgetreden gekozen verkiezingen stemde stemden
    ondertekend gesloten geopend ingediend gestuurd verboden benoemd gepubliceerd bekendgemaakt
    blijkt bleek uit cijfers procent percent miljoen miljard omdat doordat waardoor
    decided approved passed rejected announced arrested charged convicted sentenced acquitted
    killed died dead wounded injured found discovered study report ruling verdict court judge
    police ministry indictment suspect suspects arrest arrests paid fired resigned elected
    voted signed closed opened filed sent banned appointed published figures data showed
    million billion percent because after
    """)
_TIME = _words("""
    gisteren vandaag eergisteren gisteravond gistermiddag gisterochtend vanochtend vanmiddag
    vanavond vorige vorig afgelopen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    januari februari maart april mei juni juli augustus september oktober november december
    sinds jaar eeuw
    yesterday today monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december last since ago
    """)
# Opinion, evaluation and feeling.
_OPINION = _words("""
    vind vindt vinden denk denkt denken noemt noemde noemden noemen hoop hoopt hopen
    vrees vreest vrezen geloof gelooft geloven meen meent menen bang blij trots boos
    teleurgesteld verbijsterd
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
    """)
# Modals, the future, wishes and appeals.
_MODAL = _words("""
    zal zullen zult kan kunnen kunt moet moeten mag mogen wil willen wilt zou zouden
    gaat gaan verwacht verwachten verwachting misschien wellicht mogelijk waarschijnlijk
    lijkt lijken roept oproep oproept pleit pleiten straks binnenkort
    will would could should must might may can shall expects expected expect perhaps maybe
    likely possibly probably seems urge urges urged soon
    """)
# Conditionals and hypotheticals at the start of the sentence.
_CONDITIONAL = _words("als indien mocht wanneer tenzij if unless when should")
_PERSON = _words("ik je jij jullie u we wij mijn me onze i you we my our us")
# A sentence that only points at where the words came from: "Dat meldt de krant."
_CARRIER_START = _words("dat dit zo that this so")

_OPENERS = frozenset("\"“„‘'«")
_LEAD = ",'\"“„‘«( "
_WORD_LISTS = (_PAST, _PERFECT, _EVENT, _TIME, _OPINION, _MODAL, _CONDITIONAL, _PERSON)
WATCHED_WORDS = frozenset().union(*_WORD_LISTS, _CARRIER_START)  # the words score reads


def features(
    low: str, words: frozenset[str], n_numbers: int, kind: str | None, heading: bool
) -> tuple[float, ...]:
    """The features of a claim that score weighs: `low` is its text lower-cased, `words` its
    words (at least those of WATCHED_WORDS)."""
    n = low.count(" ") + 1
    past = len(words & _PAST)
    if past < 3 and not words.isdisjoint(_PERFECT):
        # participles after a perfect or passive auxiliary, roughly: ge-words, -ed words
        past += low.count(" ge") + low.count("ge", 0, 2) + low.count("ed ") + low.count("ed,")
    first = low.lstrip(_LEAD).split(" ", 1)[0].rstrip(",.:;")
    question = "?" in low[-4:]
    carrier = n <= 7 and first in _CARRIER_START and kind is not None
    opener = low[:1] in _OPENERS or low.startswith(",,")
    ws = words
    return (
        min(n_numbers, 3),
        min(past, 3),
        min(len(ws & _EVENT), 3),
        min(len(ws & _TIME), 2),
        min(len(ws & _OPINION), 2),
        min(len(ws & _MODAL), 2),
        float(first in _CONDITIONAL),
        min(len(ws & _PERSON), 2),
        float(question),
        float(n < 6),
        float(carrier),
        float(kind is not None and kind != "hearsay"),
        float(kind == "hearsay"),
        float(opener),
        float(heading),
        min(n, 40) / 10,
    )


# Set by hand from a logistic fit on the Dutch development articles as a whole (rounded);
# question, conditional, carrier and heading weights are rules, too rare there to fit.
_WEIGHTS = (
    0.7,  # numbers
    0.15,  # past tense and participles
    0.4,  # decisions, findings, events
    0.35,  # dates and times
    -1.0,  # opinion, evaluation, feeling
    -0.5,  # modals, future, appeals
    -1.0,  # conditional start
    -0.6,  # first and second person
    -3.0,  # question
    -0.5,  # fragment
    -2.5,  # bare carrier
    -0.25,  # attributed
    0.65,  # hearsay
    -0.6,  # direct speech
    -4.0,  # heading: never checkworthy
    0.3,  # length (per ten words)
)
_BIAS = -0.4


def score(
    low: str, words: frozenset[str], n_numbers: int, kind: str | None, heading: bool = False
) -> float:
    """Check-worthiness in [0, 1] of a claim: its text lower-cased, its words (at least those
    of WATCHED_WORDS), its count of numbers, the kind of its attribution (None without one),
    whether it is a heading."""
    f = features(low, words, n_numbers, kind, heading)
    z = _BIAS + sum(w * x for w, x in zip(_WEIGHTS, f, strict=True))
    return 1.0 / (1.0 + math.exp(-z))
