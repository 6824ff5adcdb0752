"""Dutch cue lexicon: reporting verbs (with separable particles), hearsay markers."""

from __future__ import annotations

# Finite and participle forms of reporting verbs.
SPEECH_VERBS: frozenset[str] = frozenset(
    [
        "zegt",
        "zei",
        "zeiden",
        "zeggen",
        "gezegd",
        "verklaart",
        "verklaarde",
        "verklaarden",
        "verklaren",
        "verklaard",
        "stelt",
        "stelde",
        "stelden",
        "gesteld",
        "meldt",
        "meldde",
        "meldden",
        "melden",
        "gemeld",
        "vertelt",
        "vertelde",
        "vertelden",
        "verteld",
        "benadrukt",
        "benadrukte",
        "benadrukten",
        "beweert",
        "beweerde",
        "beweerden",
        "beweerd",
        "schrijft",
        "schreef",
        "schreven",
        "geschreven",
        "twittert",
        "twitterde",
        "tweette",
        "getwitterd",
        "erkent",
        "erkende",
        "erkenden",
        "erkend",
        "ontkent",
        "ontkende",
        "ontkenden",
        "ontkend",
        "waarschuwt",
        "waarschuwde",
        "waarschuwden",
        "gewaarschuwd",
        "bevestigt",
        "bevestigde",
        "bevestigden",
        "bevestigd",
        "antwoordt",
        "antwoordde",
        "antwoordden",
        "geantwoord",
        "reageert",
        "reageerde",
        "reageerden",
        "gereageerd",
        "concludeert",
        "concludeerde",
        "concludeerden",
        "geciteerd",
        "geconcludeerd",
        "onthult",
        "onthulde",
        "onthulden",
        "onthuld",
        "bericht",
        "berichtte",
        "berichtten",
        "rapporteert",
        "rapporteerde",
        "gerapporteerd",
        "citeert",
        "citeerde",
        "beklemtoont",
        "beklemtoonde",
        "zeggen",
        "stellen",
        "vertellen",
        "claimt",
        "claimde",
        "geclaimd",
        "suggereert",
        "suggereerde",
        "belooft",
        "beloofde",
        "beloofd",
        "vraagt",
        "vroeg",
        "vroegen",
        "gevraagd",
        "roept",
        "riep",
    ]
)

# Separable verbs: finite stem -> particles that complete it later in the clause.
SEPARABLE: dict[str, tuple[str, ...]] = {
    "laat": ("weten",),
    "liet": ("weten",),
    "lieten": ("weten",),
    "laten": ("weten",),
    "voegt": ("toe", "eraan toe"),
    "voegde": ("toe", "eraan toe"),
    "voegden": ("toe",),
    "maakt": ("bekend",),
    "maakte": ("bekend",),
    "maakten": ("bekend",),
    "geeft": ("aan", "toe"),
    "gaf": ("aan", "toe"),
    "gaven": ("aan", "toe"),
    "deelt": ("mee", "mede"),
    "deelde": ("mee", "mede"),
    "deelden": ("mee",),
    "kondigt": ("aan",),
    "kondigde": ("aan",),
    "kondigden": ("aan",),
    "merkt": ("op",),
    "merkte": ("op",),
    "wijst": ("erop", "af"),
    "wees": ("erop", "af"),
    "wezen": ("af",),
    "legt": ("uit",),
    "legde": ("uit",),
    "spreekt": ("tegen",),
    "sprak": ("tegen",),
}

# Participles and infinitives of separable verbs, written as one word.
SEPARABLE_WHOLE: frozenset[str] = frozenset(
    [
        "toegevoegd",
        "bekendgemaakt",
        "aangegeven",
        "meegedeeld",
        "aangekondigd",
        "opgemerkt",
        "uitgelegd",
        "bekendmaken",
        "bekendmaakte",
        "bekendmaakten",
        "bekendmaakt",
        "aankondigde",
        "meedeelde",
        "opmerkte",
        "uitlegde",
        "toevoegde",
        "toevoegen",
        "meedelen",
        "aankondigen",
    ]
)

AUX: frozenset[str] = frozenset(
    [
        "heeft",
        "hebben",
        "had",
        "hadden",
        "is",
        "zijn",
        "was",
        "waren",
        "ook",
        "nog",
        "eerder",
        "later",
        "gisteren",
        "vandaag",
        "al",
        "toen",
        "daarna",
        "eerder",
        "vorige",
        "vervolgens",
        "wel",
        "niet",
        "nu",
        "dan",
    ]
)

# Words after which a following determiner/name is the inverted subject.
SUBJECT_STARTERS: frozenset[str] = frozenset(
    ["de", "het", "een", "hij", "zij", "ze", "wij", "we", "ik", "u", "men", "die", "dit", "deze"]
)

DETERMINERS: frozenset[str] = frozenset(
    [
        "de",
        "het",
        "een",
        "zijn",
        "haar",
        "hun",
        "dit",
        "deze",
        "die",
        "dat",
        "enkele",
        "sommige",
        "twee",
        "drie",
        "vier",
        "vijf",
        "meerdere",
        "verschillende",
        "andere",
        "veel",
    ]
)

PRONOUNS: frozenset[str] = frozenset(
    ["hij", "zij", "ze", "wij", "we", "ik", "men", "die", "u", "jij", "je"]
)

STOP: frozenset[str] = frozenset(
    [
        "en",
        "of",
        "maar",
        "als",
        "toen",
        "omdat",
        "dat",
        "die",
        "wat",
        "hoe",
        "waarom",
        "waar",
        "ook",
        "niet",
        "geen",
        "in",
        "op",
        "aan",
        "van",
        "voor",
        "met",
        "door",
        "over",
        "uit",
        "bij",
        "naar",
        "tot",
        "om",
        "te",
        "is",
        "was",
        "zijn",
        "waren",
        "wordt",
        "werd",
        "heeft",
        "hebben",
        "had",
        "zal",
        "zou",
        "zouden",
        "kan",
        "kon",
        "moet",
        "moest",
        "er",
        "hier",
        "daar",
        "nog",
        "al",
        "wel",
        "dan",
    ]
)

# Modal infinitives that make "zou" conditional or deontic rather than reportative.
MODAL_INF: frozenset[str] = frozenset(["kunnen", "moeten", "willen", "mogen", "hoeven", "gaan"])

CONDITIONAL: frozenset[str] = frozenset(
    ["als", "indien", "mocht", "mochten", "wanneer", "tenzij", "zodra"]
)

ATTRIBUTION_NOUNS: frozenset[str] = frozenset(
    [
        "verklaring",
        "rapport",
        "claim",
        "bewering",
        "onderzoek",
        "peiling",
        "brief",
        "persbericht",
        "mededeling",
        "studie",
        "analyse",
    ]
)

NATIONALITIES: frozenset[str] = frozenset(
    [
        "russische",
        "oekraïense",
        "amerikaanse",
        "nederlandse",
        "belgische",
        "duitse",
        "franse",
        "britse",
        "chinese",
        "poolse",
        "turkse",
        "israëlische",
        "palestijnse",
        "iraanse",
        "europese",
        "westerse",
        "syrische",
        "italiaanse",
        "spaanse",
        "japanse",
        "russisch",
        "oekraïens",
        "amerikaans",
        "nederlands",
        "duits",
        "frans",
        "brits",
    ]
)

# Plural present forms (= infinitives): cues only with a 'dat' clause, colon or quote.
PLURAL_VERBS: frozenset[str] = frozenset(
    [
        "schrijven",
        "melden",
        "stellen",
        "zeggen",
        "verklaren",
        "beweren",
        "benadrukken",
        "waarschuwen",
        "bevestigen",
        "ontkennen",
        "erkennen",
        "vertellen",
        "concluderen",
        "onthullen",
        "rapporteren",
        "berichten",
        "claimen",
        "suggereren",
    ]
)

# Verbs that attribute only with content: a dat- or wh-clause, a te-infinitive, a quotation or
# a colon, or when they follow the content ("..., vindt Hox"). Cognition and stance verbs, speech
# acts that may also take a mere noun object (eisen, beloven, vertellen, schrijven).
CONTENT_VERBS: frozenset[str] = frozenset(
    [
        "denkt", "dacht", "dachten", "denken",
        "vindt", "vond", "vonden", "vinden",
        "vreest", "vreesde", "vreesden", "vrezen",
        "hoopt", "hoopte", "hoopten", "hopen",
        "verwacht", "verwachtte", "verwachtten", "verwachten",
        "meent", "meende", "meenden", "menen",
        "gelooft", "geloofde", "geloofden", "geloven",
        "betwijfelt", "betwijfelde", "betwijfelen",
        "vermoedt", "vermoedde", "vermoedden",
        "beseft", "besefte", "beseften", "beseffen",
        "begrijpt", "begreep", "begrepen", "begrijpen",
        "bedoelt", "bedoelde", "bedoelden",
        "sommeert", "sommeerde", "sommeerden",
        "berekent", "berekende", "berekenden", "berekend",
        "becijfert", "becijferde", "becijferden", "becijferd",
        "constateert", "constateerde", "constateerden", "geconstateerd",
        "schat", "schatte", "schatten", "geschat",
        "voorspelt", "voorspelde", "voorspelden", "voorspeld",
        "oordeelt", "oordeelde", "oordeelden", "geoordeeld",
        "onderstreept", "onderstreepte", "onderstreepten", "onderstreept",
        "verzekert", "verzekerde", "verzekerden", "verzekerd",
        "herhaalt", "herhaalde", "herhaalden", "herhaald",
        "oppert", "opperde", "opperden", "geopperd",
        "betreurt", "betreurde", "betreurden", "betreurd",
        "beaamt", "beaamde", "beaamden", "beaamd",
        "weerspreekt", "weersprak", "weerspraken", "weersproken",
        "signaleert", "signaleerde", "gesignaleerd",
        "toegezegd",
        "eist", "eiste", "eisten", "eisen", "geëist",
        "belooft", "beloofde", "beloofden", "beloven", "beloofd",
        "verwijt", "verweet", "verweten", "verwijten",
        "betoogt", "betoogde", "betoogden", "betogen", "betoogd",
        "suggereert", "suggereerde", "suggereerden", "gesuggereerd",
        "vertelt", "vertelde", "vertelden", "verteld", "vertellen",
        "schrijft", "schreef", "schreven", "geschreven", "schrijven",
        "stelt", "stelde", "stelden", "gesteld", "stellen",
        "vraagt", "vroeg", "vroegen", "gevraagd", "vragen",
        "antwoordt", "antwoordde", "antwoordden", "geantwoord",
        "beschrijft", "beschreef", "beschreven", "beschrijven",
        "omschrijft", "omschreef", "omschreven", "omschrijven",
        "benadrukken", "melden", "zeggen", "verklaren", "beweren", "waarschuwen", "concluderen",
        "onthullen", "rapporteren", "berichten", "claimen", "suggereren",
    ]
)  # fmt: skip

# "dreigen te" is a threat only when the infinitive is no process that merely looms
# ("het bedrijf dreigt failliet te gaan").
THREAT_VERBS: frozenset[str] = frozenset(["dreigt", "dreigde", "dreigden", "dreigen"])
NOT_THREATENED: frozenset[str] = frozenset(
    ["gaan", "worden", "zijn", "raken", "verdwijnen", "mislukken", "vallen", "ontstaan",
     "lopen", "verliezen", "sneuvelen", "ontsporen", "stranden", "vastlopen", "komen",
     "overlijden", "sterven", "bezwijken", "instorten", "escaleren", "verdrinken"]
)  # fmt: skip

# Verbs of uttering that attribute only next to a quotation ("scandeerden zij 'Weg ermee'").
QUOTE_VERBS: frozenset[str] = frozenset(
    [
        "reageert", "reageerde", "reageerden", "gereageerd", "reageren",
        "scandeert", "scandeerde", "scandeerden", "scanderen",
        "roept", "riep", "riepen", "roepen",
        "schreeuwt", "schreeuwde", "schreeuwden",
        "fluistert", "fluisterde",
        "grapt", "grapte", "grapten",
        "zucht", "zuchtte", "verzucht", "verzuchtte",
        "lacht", "lachte", "sneert", "sneerde", "moppert", "mopperde",
        "spreekt", "sprak", "spraken", "gesproken",
        "vergelijkt", "vergeleek", "vergeleken",
        "verzet", "verzette", "verzetten",
        "noemt", "noemde", "noemden", "noemen", "genoemd",
        "twittert", "twitterde", "tweette", "tweetten", "getwitterd",
    ]
)  # fmt: skip

# Accusations: cues with a 'van' object in the active voice ("beschuldigden hem van ...").
ACCUSE_VERBS: frozenset[str] = frozenset(
    ["beschuldigt", "beschuldigde", "beschuldigden", "beschuldigen", "verdenkt", "verdacht",
     "betichtte", "beticht"]
)  # fmt: skip

# Separable verbs that attribute only with content ("laat vallen dat", "legden vast dat").
SEPARABLE_CONTENT: dict[str, tuple[str, ...]] = {
    "laat": ("vallen", "doorschemeren"),
    "liet": ("vallen", "doorschemeren"),
    "lieten": ("vallen", "doorschemeren"),
    "legt": ("vast",),
    "legde": ("vast",),
    "legden": ("vast",),
    "rekent": ("uit", "erop", "op"),
    "rekende": ("uit", "erop", "op"),
    "rekenden": ("uit", "erop", "op"),
    "rekenen": ("erop", "op"),
    "schrijft": ("toe",),
    "schreef": ("toe",),
    "schreven": ("toe",),
    "schrijven": ("toe",),
    "roept": ("op",),
    "riep": ("op",),
    "riepen": ("op",),
    "roepen": ("op",),
    "sluit": ("uit",),
    "sloot": ("uit",),
    "stelt": ("vast",),
    "stelde": ("vast",),
    "stelden": ("vast",),
    "spreekt": ("aan",),
    "sprak": ("aan",),
    "bijt": ("terug", "toe"),
    "beet": ("terug", "toe"),
    "denkt": ("over", "na"),
    "dacht": ("over", "na"),
    "denken": ("over",),
    "houdt": ("vol",),  # "houdt vol dat" (insists), not "houdt het drie maanden vol" (lasts)
    "hield": ("vol",),
    "hielden": ("vol",),
    "houden": ("vol",),
    "geven": ("aan", "toe"),
    "voegen": ("toe",),
}
# Whole forms of content-taking separable verbs.
SEPARABLE_CONTENT_WHOLE: frozenset[str] = frozenset(
    ["oproept", "oproepen", "opgeroepen", "vastgelegd", "vastgesteld", "uitgerekend",
     "toegeschreven", "afgewezen", "uitgesloten", "volhouden", "volgehouden"]
)  # fmt: skip

# Finite auxiliaries and modals: the finite verb of a clause whose cue is a participle or an
# infinitive.
FINITE_AUX: frozenset[str] = frozenset(
    ["heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren", "wordt", "worden", "werd",
     "werden", "zal", "zullen", "zou", "zouden", "kan", "kunnen", "kon", "konden", "wil",
     "willen", "wilde", "wilden", "wou", "moet", "moeten", "moest", "moesten", "mag", "mogen",
     "mocht", "mochten", "durft", "durfde", "gaat", "gaan", "ging", "gingen", "blijft", "bleef"]
)  # fmt: skip
PASSIVE_AUX: frozenset[str] = frozenset(["wordt", "worden", "werd", "werden"])

# Words that open a fronted adverbial before the finite verb (V2): the subject follows the verb.
FRONT_PREPS: frozenset[str] = frozenset(
    ["in", "op", "bij", "na", "tegen", "tegenover", "tijdens", "voor", "met", "door", "over",
     "uit", "vanuit", "sinds", "zonder", "namens", "tot", "ondanks", "binnen", "buiten",
     "achter", "naast", "onder", "boven", "rond", "rondom", "om", "per", "via", "vanaf", "aan",
     "naar", "vanwege", "wegens", "dankzij", "langs", "tussen", "richting", "jegens", "voorafgaand",
     "halverwege", "omstreeks"]
)  # fmt: skip
FRONT_ADVERBS: frozenset[str] = frozenset(
    ["gisteren", "vandaag", "morgen", "eergisteren", "toen", "nu", "daarom", "daarna", "daarop",
     "vervolgens", "later", "eerder", "toch", "dan", "zo", "echter", "bovendien", "intussen",
     "inmiddels", "uiteindelijk", "verder", "tevens", "opnieuw", "eveneens", "daarbij",
     "daarmee", "daarover", "hierover", "daarnaast", "wel", "nog", "al", "vaak", "geregeld",
     "soms", "altijd", "nooit", "pas", "veel", "kort", "onlangs", "destijds", "aanvankelijk",
     "eerst", "sindsdien", "hier", "daar", "vanochtend", "vanmiddag", "vanavond", "vannacht",
     "vanmorgen", "normaal", "normaliter", "waarschijnlijk", "mogelijk", "wellicht", "misschien",
     "blijkbaar", "kennelijk", "desondanks", "daardoor", "evenwel", "ondertussen", "tegelijk",
     "tegelijkertijd", "tenslotte", "overigens", "anders", "zelfs", "alleen", "vooral", "juist",
     "ook", "ineens", "plots", "plotseling", "opvallend", "vorige", "vorig", "afgelopen",
     "komende", "volgende", "laatst", "eind", "begin", "half", "medio",
     "zaterdag", "zondag", "maandag", "dinsdag", "woensdag", "donderdag",
     "vrijdag", "graag", "liever", "net", "even", "weer", "hierop", "daartoe", "waarop",
     "kortom", "vol", "stellig", "nadrukkelijk"]
)  # fmt: skip
TIME_NOUNS: frozenset[str] = frozenset(
    ["dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren", "avond", "ochtend",
     "middag", "nacht", "keer", "weekend", "eeuw", "periode", "zomer", "winter", "lente",
     "herfst", "tijd", "moment", "later", "geleden", "eerder", "januari", "februari", "maart",
     "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
     "zaterdag", "zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "feite",
     "afloop", "slot", "ochtend"]
)  # fmt: skip
# Subject pronouns: right after the finite verb they are the inverted subject.
SUBJECT_PRONOUNS: frozenset[str] = frozenset(
    ["hij", "zij", "ze", "ik", "wij", "we", "men", "jij", "je", "u"]
)
# Subordinators that open a verb-final clause whose subject follows them.
SUBORDINATORS: frozenset[str] = frozenset(
    ["dat", "omdat", "zoals", "toen", "als", "nadat", "terwijl", "doordat", "hoewel", "wanneer",
     "voordat", "zodat", "indien", "zodra", "sinds", "aangezien", "waarna", "waarmee", "waarin",
     "waarbij", "waarop", "waarover", "of", "die", "wie", "wat", "tenzij", "opdat"]
)  # fmt: skip
# Rules and norms: "volgens de wet" is the paper's own assertion, not a source.
NORM_NOUNS: frozenset[str] = frozenset(
    ["wet", "wetten", "wetgeving", "regel", "regels", "regelgeving", "protocol", "protocollen",
     "reglement", "richtlijn", "richtlijnen", "verdrag", "grondwet", "statuten", "contract",
     "planning", "schema", "cao", "norm", "normen", "voorschriften", "voorschrift", "definitie",
     "plan", "boekje", "regeling", "vergunning", "vergunningen", "procedure", "afspraak",
     "afspraken", "wetboek",
     "dienstregeling", "prognose", "prognoses", "verwachting", "verwachtingen", "traditie"]
)  # fmt: skip
# Channels: "in het blad", "in de krant" name the medium the words appeared in.
CHANNEL_NOUNS: frozenset[str] = frozenset(
    ["krant", "dagblad", "weekblad", "blad", "tijdschrift", "magazine", "programma", "talkshow",
     "uitzending", "podcast", "interview", "vraaggesprek", "nieuwsbrief", "column", "zender",
     "omroep", "persbureau", "nieuwssite", "website"]
)  # fmt: skip
# First-person words: a headline "Naam: ... gaan we ..." is the named speaker's words.
FIRST_PERSON: frozenset[str] = frozenset(["ik", "we", "wij", "ons", "onze", "mij", "me", "mijn"])

# "ziet X als Y": a stance.
SEE_AS: frozenset[str] = frozenset(["ziet", "zag", "zagen", "zien"])
# "wil dat ...": a demand with content.
WANT: frozenset[str] = frozenset(["wil", "wilde", "wilden", "willen", "wou"])

# Nouns whose dat-clause is reported content ("de mededeling dat ..."); de-words, so that 'dat'
# after them opens no relative clause.
DAT_NOUNS: frozenset[str] = frozenset(
    ["mededeling", "boodschap", "aanklacht", "beschuldiging", "bewering", "claim", "stelling",
     "belofte", "waarschuwing", "eis", "conclusie", "overtuiging", "verklaring", "melding",
     "suggestie", "uitspraak", "toezegging", "verzekering", "tweet", "mail", "e-mail",
     "opmerking", "klacht", "aantijging", "insinuatie", "kritiek", "oproep", "dreiging"]
)  # fmt: skip
# Het-words with a dat-clause: only when no pronoun subject follows 'dat' (else relative).
DAT_NOUNS_HET: frozenset[str] = frozenset(
    ["briefje", "bericht", "verwijt", "signaal", "standpunt", "verzoek", "advies", "argument",
     "nieuws", "gerucht", "idee", "oordeel", "verhaal"]
)  # fmt: skip
# "..., is de indruk van X": a perspective noun with its holder.
VIEW_NOUNS: frozenset[str] = frozenset(
    ["indruk", "mening", "overtuiging", "oordeel", "conclusie", "inschatting", "verwachting",
     "analyse", "visie", "opvatting", "standpunt", "lezing", "ervaring"]
)  # fmt: skip

# Predicates of a judgement after "vinden" ("vindt het plan te duur", "vindt de straf zwaar
# overtrokken").
JUDGEMENT_WORDS: frozenset[str] = frozenset(
    ["te", "zo", "erg", "heel", "zeer", "nogal", "best", "onzin", "goed", "slecht", "terecht",
     "onterecht", "overdreven", "overtrokken", "zwaar", "raar", "vreemd", "jammer", "prima",
     "fout", "normaal", "oké", "okay", "mooi", "knap", "dom", "slim", "duur", "goedkoop",
     "belangrijk", "nodig", "onnodig", "genoeg", "te", "beter", "slechter", "sterk", "zwak",
     "fijn", "leuk", "stom", "eng", "gek", "redelijk", "onredelijk", "oneerlijk", "eerlijk"]
)  # fmt: skip

# Rulings: "De rechter bepaalde dat ...", "Dat heeft de rechtbank bepaald".
DECIDE_VERBS: frozenset[str] = frozenset(
    ["bepaalt", "bepaalde", "bepaalden", "bepaald", "besliste", "beslist", "besloot", "besloten"]
)
