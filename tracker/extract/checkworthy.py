"""Check-worthiness: a score from the features of checkable claims.

A fact-checker checks what a sentence says happened, was decided, was found or measured: past
events, named people and places, dates, numbers, also when someone is quoted saying them. She
does not check opinions, feelings, predictions, appeals, conditionals, questions or headlines.
The score weighs markers of both kinds (Dutch and English word lists, verb-form patterns) in a
logistic function; the extractor flags a claim at CHECKWORTHY_THRESHOLD.
"""

from __future__ import annotations

import math
import re


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
    blijkt bleek uit cijfers procent percent miljoen miljard omdat doordat waardoor volgens
    decided approved passed rejected announced arrested charged convicted sentenced acquitted
    killed died dead wounded injured found discovered study report ruling verdict court judge
    police ministry indictment suspect suspects arrest arrests paid fired resigned elected
    voted signed closed opened filed sent banned appointed published figures data showed
    million billion percent because according
    bevestigt bevestigde bevestigden meldt meldde meldden concludeert concludeerde
    confirmed confirms reported concluded
    """)
_TIME = _words("""
    gisteren vandaag eergisteren gisteravond gistermiddag gisterochtend vanochtend vanmiddag
    vanavond vorige vorig afgelopen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    januari februari maart april mei juni juli augustus september oktober november december
    sinds jaar eeuw toen na
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
_PERSON = _words("ik je jij jullie u we wij mijn me onze i you we my our us")
# A sentence that only points at where the words came from: "Dat meldt de krant."
_CARRIER_START = _words("dat dit zo that this so")

_OPENERS = frozenset("\"“„‘'«")
# A quoted fragment of one to six words after a blank: 'een zootje', "verstandig" (the
# blank is part of the match: a class first lets re skip ahead in C, unlike a lookbehind)
_FRAGMENT_QUOTE = re.compile(
    r"[\s(](?:'|‘|\"|“|„|,,)"  # an opening mark after a blank
    r"(?:[^\s'‘’\"“”„]+ ){0,5}[^\s'‘’\"“”„]+[.,!?]?"  # one to six words
    r"(?:'|’|\"|”|'')(?=[\s,.;:!?)]|$)"  # the closing mark
)
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d)")
_LEAD = ",'\"“„‘«( "
_WORD_LISTS = (
    _PAST,
    _PERFECT,
    _EVENT,
    _TIME,
    _OPINION,
    _MODAL,
    _CONDITIONAL,
    _PERSON,
    _COMMENT,
    _REFUSAL,
)
WATCHED_WORDS = frozenset().union(*_WORD_LISTS, _CARRIER_START)  # the words score reads


# Weights, set by hand from a logistic fit on the Dutch development articles as a whole
# (rounded); the question, conditional, carrier and heading weights are rules, too rare
# there to fit.
_BIAS = -0.4
_NUMBER, _EVENT_WORD, _TIME_WORD, _PAST_FORM = 0.7, 0.4, 0.35, 0.15
_OPINION_WORD, _MODAL_WORD, _PERSON_WORD = -1.0, -0.5, -0.6
_MIXED = 0.7  # opinion beside a checkable fact: the fact still needs checking
_CONDITIONAL_START, _QUESTION, _FRAGMENT, _CARRIER = -1.0, -3.0, -0.5, -2.5
_NO_COMMENT, _EXCLAMATION = -2.0, -1.0
_SCARE_QUOTE = -0.6  # a few words quoted inside the sentence: mostly someone's evaluation
_ATTRIBUTED, _HEARSAY, _DIRECT_SPEECH = -0.25, 0.65, -0.6
_HEADING = -4.0  # a headline is never checkworthy
_PER_TEN_WORDS = 0.3


def _has_year(low: str) -> int:
    """1 when the text names a year (a date, not one of its numbers), else 0."""
    if "19" not in low and "20" not in low and "18" not in low:
        return 0  # no year's first two digits: the regex cannot match
    return 1 if _YEAR.search(low) is not None else 0


def _has_quote_mark(low: str) -> bool:
    """True when the text holds a quotation mark or an apostrophe (a cheap test before
    _FRAGMENT_QUOTE; substring tests are faster than a regex search)."""
    return "'" in low or '"' in low or "‘" in low or "“" in low or "„" in low


def score(
    low: str, words: frozenset[str], n_numbers: int, kind: str | None, heading: bool = False
) -> float:
    """Check-worthiness in [0, 1] of a claim: its text lower-cased, its words (at least those
    of WATCHED_WORDS), its count of numbers, the kind of its attribution (None without one),
    whether it is a heading."""
    n = low.count(" ") + 1
    fact = (
        min(n_numbers, 3) * _NUMBER
        + min(len(words & _EVENT), 3) * _EVENT_WORD
        + min(len(words & _TIME) + _has_year(low), 2) * _TIME_WORD
    )
    stance = (
        min(len(words & _OPINION), 2) * _OPINION_WORD
        + min(len(words & _MODAL), 2) * _MODAL_WORD
        + min(len(words & _PERSON), 2) * _PERSON_WORD
    )
    if fact and stance:
        stance *= _MIXED
    past = len(words & _PAST)
    if past < 3 and not words.isdisjoint(_PERFECT):
        # participles after a perfect or passive auxiliary, roughly: ge-words, -ed words
        past += low.count(" ge") + low.count("ge", 0, 2) + low.count("ed ") + low.count("ed,")
    z = _BIAS + fact + stance + min(past, 3) * _PAST_FORM + min(n, 40) / 10 * _PER_TEN_WORDS
    first = low.lstrip(_LEAD).split(" ", 1)[0].rstrip(",.:;")
    if first in _CONDITIONAL:
        z += _CONDITIONAL_START
    if "?" in low[-4:]:
        z += _QUESTION
    if "!" in low:
        z += _EXCLAMATION
    if not words.isdisjoint(_COMMENT) and not words.isdisjoint(_REFUSAL):
        z += _NO_COMMENT
    if n < 6:
        z += _FRAGMENT
    if kind is not None:
        z += _HEARSAY if kind == "hearsay" else _ATTRIBUTED
        if n <= 7 and first in _CARRIER_START:
            z += _CARRIER
    if low[:1] in _OPENERS or low.startswith(",,"):
        z += _DIRECT_SPEECH
    elif _has_quote_mark(low) and _FRAGMENT_QUOTE.search(low):
        z += _SCARE_QUOTE
    if heading:
        z += _HEADING
    return 1.0 / (1.0 + math.exp(-z))
