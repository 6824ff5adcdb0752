"""Dutch cue lexicon: reporting verbs (with separable particles), hearsay markers."""

from __future__ import annotations

# Finite and participle forms of reporting verbs.
SPEECH_VERBS: frozenset[str] = frozenset(
    ["zegt", "zei", "zeiden", "zeggen", "gezegd", "verklaart", "verklaarde", "verklaarden", "verklaren", "verklaard", "stelt", "stelde", "stelden", "gesteld", "meldt", "meldde", "meldden", "melden", "gemeld", "vertelt", "vertelde", "vertelden", "verteld", "benadrukt", "benadrukte", "benadrukten", "beweert", "beweerde", "beweerden", "beweerd", "schrijft", "schreef", "schreven", "geschreven", "twittert", "twitterde", "tweette", "getwitterd", "erkent", "erkende", "erkenden", "erkend", "ontkent", "ontkende", "ontkenden", "ontkend", "waarschuwt", "waarschuwde", "waarschuwden", "gewaarschuwd", "bevestigt", "bevestigde", "bevestigden", "bevestigd", "antwoordt", "antwoordde", "antwoordden", "geantwoord", "reageert", "reageerde", "reageerden", "gereageerd", "concludeert", "concludeerde", "geconcludeerd", "onthult", "onthulde", "onthulden", "onthuld", "bericht", "berichtte", "berichtten", "rapporteert", "rapporteerde", "gerapporteerd", "citeert", "citeerde", "beklemtoont", "beklemtoonde", "zeggen", "stellen", "vertellen", "claimt", "claimde", "geclaimd", "suggereert", "suggereerde", "belooft", "beloofde", "beloofd", "vraagt", "vroeg", "vroegen", "gevraagd", "roept", "riep"]
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
    "wijst": ("erop",),
    "wees": ("erop",),
    "houdt": ("vol",),
    "hield": ("vol",),
    "legt": ("uit",),
    "legde": ("uit",),
    "spreekt": ("tegen",),
    "sprak": ("tegen",),
}

# Participles and infinitives of separable verbs, written as one word.
SEPARABLE_WHOLE: frozenset[str] = frozenset(
    ["toegevoegd", "bekendgemaakt", "aangegeven", "meegedeeld", "aangekondigd", "opgemerkt", "uitgelegd", "bekendmaken", "toevoegen", "meedelen", "aankondigen"]
)

AUX: frozenset[str] = frozenset(
    ["heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren", "ook", "nog", "eerder", "later", "gisteren", "vandaag", "al", "toen", "daarna", "eerder", "vorige", "vervolgens", "wel", "niet", "nu", "dan"]
)

# Words after which a following determiner/name is the inverted subject.
SUBJECT_STARTERS: frozenset[str] = frozenset(
    ["de", "het", "een", "hij", "zij", "ze", "wij", "we", "ik", "u", "men", "die", "dit", "deze"]
)

DETERMINERS: frozenset[str] = frozenset(
    ["de", "het", "een", "zijn", "haar", "hun", "dit", "deze", "die", "dat", "enkele", "sommige", "twee", "drie", "vier", "vijf", "meerdere", "verschillende", "andere", "veel"]
)

PRONOUNS: frozenset[str] = frozenset(["hij", "zij", "ze", "wij", "we", "ik", "men", "die", "u", "jij", "je"])

STOP: frozenset[str] = frozenset(
    ["en", "of", "maar", "als", "toen", "omdat", "dat", "die", "wat", "hoe", "waarom", "waar", "ook", "niet", "geen", "in", "op", "aan", "van", "voor", "met", "door", "over", "uit", "bij", "naar", "tot", "om", "te", "is", "was", "zijn", "waren", "wordt", "werd", "heeft", "hebben", "had", "zal", "zou", "zouden", "kan", "kon", "moet", "moest", "er", "hier", "daar", "nog", "al", "wel", "dan"]
)

# Modal infinitives that make "zou" conditional or deontic rather than reportative.
MODAL_INF: frozenset[str] = frozenset(
    ["kunnen", "moeten", "willen", "mogen", "hoeven", "gaan", "worden", "zijn", "hebben"]
)

CONDITIONAL: frozenset[str] = frozenset(["als", "indien", "mocht", "mochten", "wanneer", "tenzij", "zodra"])

ATTRIBUTION_NOUNS: frozenset[str] = frozenset(
    ["verklaring", "rapport", "claim", "bewering", "onderzoek", "peiling", "brief", "persbericht", "mededeling", "studie", "analyse"]
)

NATIONALITIES: frozenset[str] = frozenset(
    ["russische", "oekraïense", "amerikaanse", "nederlandse", "belgische", "duitse", "franse", "britse", "chinese", "poolse", "turkse", "israëlische", "palestijnse", "iraanse", "europese", "westerse", "syrische", "italiaanse", "spaanse", "japanse", "russisch", "oekraïens", "amerikaans", "nederlands", "duits", "frans", "brits"]
)
