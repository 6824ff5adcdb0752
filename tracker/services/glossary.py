"""A small Dutch–English glossary of frequent news words, for matching a claim with its
translation ("20.000 soldaten" / "20,000 soldiers": the number, and the words that translate).

Each entry joins Dutch words to English words that say the same; either side may hold
several words ("asielzoekers" = "asylum seekers"). Words are compared by their stems (the
search index's Snowball stemmers), so one inflection stands for the others. An entry is one
concept: `concepts()` turns a text into the concepts it names, the same for both languages.
"""

from __future__ import annotations

from functools import lru_cache

from .search_text import analyse

# Dutch | alternatives = English | alternatives; "~" marks a weak entry (a preposition, a
# quantity word), which says less about what a claim states. General news vocabulary: people and
# institutions, places, money and measures, time, change, crime and safety, health, work,
# housing, energy, traffic, nature, politics.
_ENTRIES = """
soldaat | militair = soldier | troop
leger | krijgsmacht = army | armed forces
legioen = legion
land | staat = country | state | nation
regering | kabinet = government | cabinet
minister = minister
premier | minister-president = prime minister | premier
president = president
parlement | kamer | tweede kamer = parliament | house
gemeente | stad = city | council | municipality | town
provincie = province | region
gemeenteraad = city council | council
burgemeester = mayor
wethouder = alderman | councillor
waterschap = water board
politie | agent | agenten = police | officer | police officer
rel | rellen = riot
wedstrijd = match | game
arresteren | arresteerde | aanhouden | hield aan = arrest
boete | beboeten = fine
gewond = injured | wounded
dood | doden | omgekomen = dead | killed | deaths
verkeersdode | verkeersdoden = road death | traffic death
slachtoffer = victim
ziekenhuis = hospital
operatie = operation | surgery
verpleegkundige | verpleger = nurse
arts | dokter = doctor
patiënt = patient
bed = bed
personeelstekort | personeelsgebrek = staff shortage
tekort = shortage | deficit
staking = strike
staken = strike
annuleren | annuleerde | geannuleerd | afgelast | afgelasten = cancel | cancelled
sluiten = close | shut
openen = open
school = school
leerling = pupil | student
student = student
leraar | docent = teacher
werkloosheid = unemployment
werkloos = unemployed
baan | banen = job
werknemer | medewerker = employee | worker | staff
bedrijf | onderneming = company | firm | business
omzet = revenue | turnover | sales
winst = profit
verlies = loss
begroting | budget = budget
begrotingstekort = budget deficit
inflatie = inflation
prijs = price
huur = rent
huurwoning | sociale huurwoning = social housing | rented home
woning | huis = home | house | dwelling
wachtlijst = waiting list
leeg = empty | vacant
bouwen = build | construct
energierekening = energy bill
energie = energy
gas = gas
stroom | elektriciteit = electricity | power
windturbine | windmolen = wind turbine
zonnepaneel = solar panel
asielzoeker = asylum seeker
vluchteling = refugee
migrant = migrant
inwoner = inhabitant | resident
mens | mensen | persoon = people | person
kind | kinderen = child | children
jongere | jongeren = young people | youth | young person
oudere | ouderen = elderly | older people
boer = farmer
boerderij = farm
kiezer = voter
politicus = politician
vertrouwen = trust | confidence
schuld | schulden = debt
dijk = dike | dyke | sea defence
water = water
liter = litre | liter
overstroming = flood
brand = fire
natuurgebied | natuurreservaat = nature reserve
natuur = nature
hectare = hectare
wolf = wolf
tellen | geteld = count | counted
brug = bridge
weg = road
file = traffic jam
kilometer = kilometre | kilometer
luchthaven | vliegveld = airport
passagier = passenger
reiziger = traveller | passenger
trein = train
museum = museum
bezoeker = visitor
douane = customs
cocaïne = cocaine
drugs = drugs
kilo = kilo | kilogram
vuurwerk = fireworks
inbeslagnemen | inbeslagname | nam in beslag | onderschepte = seize | seized
euro = euro
dollar = dollar
pond = pound
procent = percent | per cent
miljoen = million
miljard = billion
duizend = thousand
honderd = hundred
helft = half
kwart = quarter
jaar | jaarlijks = year | annual | yearly
maand = month
week = week
dag = day
vandaag = today
gisteren = yesterday
morgen = tomorrow
vorig jaar | afgelopen jaar | verleden jaar = last year
volgend jaar | komend jaar = next year
dit jaar = this year
januari = january
februari = february
maart = march
april = april
mei = may
juni = june
juli = july
augustus = august
september = september
oktober = october
november = november
december = december
maandag = monday
dinsdag = tuesday
woensdag = wednesday
donderdag = thursday
vrijdag = friday
zaterdag = saturday
zondag = sunday
stijgen | steeg | stijging | toenemen | groeien = rise | increase | grow | climb
dalen | daalde | daling | afnemen | zakken = fall | drop | decline | decrease
verdubbelen | verdubbeld = double | doubled
halveren | gehalveerd = halve | halved
laagste = lowest
hoogste = highest
niveau = level
~sinds = since
~langs = along
~vanwege | wegens | door = because of | due to | owing to
~tijdens = during
~na = after
~voor = before | for
~tegen = against
~zonder = without
~binnen = within | inside
~buiten = outside
~tussen = between
~onder = under | among
~boven = above | over
~ruim | meer dan = more than | over
~bijna = almost | nearly
~ongeveer | zo'n | circa = about | around | roughly
~slechts | maar = only | just
gemiddeld = average | on average
~meer = more
~minder = fewer | less
~extra = extra | additional
nieuw = new
oud = old
groot = big | large
klein = small
sterk | sterker = strong | stronger
versterken = strengthen | reinforce
slecht | slechte staat = poor | bad | poor condition
goed | op orde = good | good order | in order
investeren | investering = invest | investment
uitgeven | besteden = spend
kosten = cost
betalen = pay
verwerken = handle | process
ontvangen = receive
verklaren | verklaarde = declare | state
zeggen | zei = say | said
melden | meldde = report
waarschuwen = warn
willen | wil = want
plannen | plan | plant | gepland = plan | plans | planned
overwegen = consider
stoppen = quit | stop
opgeven = give up
verliezen = lose
winnen = win
aankomen | kwamen aan = arrive
vertrekken = leave | depart
wegpompen = pump away
vernietigen | verwoesten = destroy
zee = sea
rivier = river
kust = coast
noord = north
zuid = south
oost = east
west = west
centrum = centre | center
Den Haag = The Hague
Duitsland = Germany
Frankrijk = France
België = Belgium
Nederland = Netherlands
Engeland = England
Europa = Europe
Antwerpen = Antwerp
Brussel = Brussels
Zeeland = Zeeland
Zeeuws = Zeeland
"""


def _stems(words: str, lang: str) -> tuple[str, ...]:
    a = analyse(words, lang, number_words=False)
    return tuple(a.en if lang == "en" else a.nl)


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[tuple[str, ...], int]]:
    """Per language: a phrase of stems -> its concept's number."""
    table: dict[str, dict[tuple[str, ...], int]] = {"nl": {}, "en": {}}
    for number, line in enumerate(_ENTRIES.strip().splitlines()):
        if line.startswith("~"):
            WEAK.add(number)
        dutch, _, english = line.lstrip("~").partition("=")
        for lang, side in (("nl", dutch), ("en", english)):
            for words in side.split("|"):
                stems = _stems(words.strip(), lang)
                if stems:
                    table[lang].setdefault(stems, number)
    return table


LONGEST = 3  # words of the longest phrase in the glossary
WEAK: set[int] = set()  # the weak entries' numbers (filled with the table)


def concepts(stems: list[str], lang: str) -> list[int | None]:
    """Each word's concept (the glossary entry it is part of), None for a word not in the
    glossary; a phrase of the glossary ("vorig jaar", "asylum seekers") gives each of its words
    the phrase's concept, the longest phrase first."""
    table = _table()["en" if lang == "en" else "nl"]
    out: list[int | None] = [None] * len(stems)
    i = 0
    while i < len(stems):
        for size in range(min(LONGEST, len(stems) - i), 0, -1):
            found = table.get(tuple(stems[i : i + size]))
            if found is not None:
                out[i : i + size] = [found] * size
                i += size
                break
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _phrases() -> dict[str, dict[int, list[tuple[str, ...]]]]:
    """Per language: a concept's number -> its phrases of stems."""
    out: dict[str, dict[int, list[tuple[str, ...]]]] = {"nl": {}, "en": {}}
    for lang, table in _table().items():
        for stems, number in table.items():
            out[lang].setdefault(number, []).append(stems)
    return out


def translations(concept: int, lang: str) -> list[tuple[str, ...]]:
    """The phrases (as stems) of `concept` in `lang`."""
    return _phrases()["en" if lang == "en" else "nl"].get(concept, [])
