"""Claim matching: has the archive seen this claim before?

At ingest every new claim is compared with the archive. Candidates come from the search index
(the newest claims of other articles holding most of the claim's most telling terms;
rapidfuzz picks the closest few); a reranker then decides:

- numbers must agree: the numbers of the claim with fewer of them must all be among the other's
  ("20.000 soldaten", "20,000 soldiers" and "twintigduizend soldaten" share 20000; "30.000
  soldaten" is another claim);
- the words must agree: of the content words (stems, stop words left out) of the shorter claim,
  enough must have a counterpart in the longer one (rapidfuzz, so a stem variant still counts);
  a claim inside a longer sentence thus matches it, a sentence sharing a few words does not.

A likely repeat becomes a proposed ClaimMatch and both claims join one cluster. A fact-checker
confirms or rejects the match (each audited); a rejected pair is never proposed again. The
verdict of a cluster can be applied to a new member in one action, with its own audit event
and a rationale that names the earlier check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any, cast

from rapidfuzz import fuzz
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ..models import Article, Claim, ClaimCluster, ClaimMatch, User, is_unsplit
from ..models._types import utcnow
from . import audit, glossary
from .clusters import pending_match, seen_before
from .errors import InvalidInput, NotFound
from .policy import authorize
from .review import get_claim, set_status
from .search_index import Ask, newest_each, newest_with_all, term_shares
from .search_text import analysed

THRESHOLD = 0.8  # share of the shorter claim's content words found in the other
# less when the longer claim's words the shorter lacks are no more than the shorter's words it
# lacks: a word swapped for another, not a claim inside a longer sentence (chosen on the
# labelled pairs among 0.9-1: the only figure of the reranker fitted to them)
SWAPPED = 0.95
WORD_SIMILARITY = 88  # rapidfuzz ratio at which two stems count as the same word
COMPOUND_PART = 5  # letters a word needs to count as the head or tail of a compound
CANDIDATES = 200  # newest claims holding the telling terms
RERANKED = 8  # of those, compared in full
TELLING_TERMS = 4
ANCHOR_SHARE = 0.01  # a number fewer archive claims hold than this is in every index query

_STOP_WORDS = """
    de het een en of maar dat die dit deze er is zijn was waren wordt worden werd werden zal
    zullen zou zouden heeft hebben had hadden van in op aan met voor door bij uit over naar om
    tot als dan ook nog al niet geen wel te ze zij hij wij we ik je u men zich hun haar zijn
    volgens aldus zegt zei zeggen meldt meldde aldus naar verluidt verluid
    the a an and or but that this these those there is are was were be been being will would
    has have had of in on at to for by with from as than also not no it its they he she we
    said says say according reportedly
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class Signature:
    """What the reranker compares: content terms (stems and number values) and numbers; for
    a claim in another language, its words as glossary concepts (`concepts`: "c<n>"), names
    ("=<word>", a capitalised word inside the sentence) and other words ("?<word>"); `names`
    holds the names' stems in each stream, to look for translations in the index."""

    terms: tuple[str, ...]
    numbers: frozenset[str]
    language: str | None = None
    concepts: tuple[str, ...] = ()
    names: tuple[tuple[str, str, str], ...] = ()


@lru_cache(maxsize=20_000)
def signature(text: str, lang: str | None) -> Signature:
    """The claim's content terms in its language's stems, and the values of its numbers (kept
    for the archive's claims met again as candidates)."""
    a = analysed(text, lang)
    stems = a.en if lang == "en" else a.nl
    ids = glossary.concepts(stems, lang or "nl")
    terms: list[str] = []
    numbers: set[str] = set()
    items: list[str] = []
    names: list[tuple[str, str, str]] = []
    for i, (raw, stem) in enumerate(zip(a.raw, stems, strict=True)):
        if i in a.parts:  # "thousand" in "twenty thousand": the first word holds the value
            continue
        if stem[0].isdigit():
            numbers.add(stem)
            terms.append(stem)
            continue
        stop = raw in STOP_WORDS or len(raw) < 2
        if not stop:
            terms.append(stem)
        concept = ids[i]
        in_phrase = concept is not None and concept in (
            ids[i - 1] if i else None,
            ids[i + 1] if i + 1 < len(ids) else None,
        )
        if concept is not None and (in_phrase or not stop):
            items.append(f"{'w' if concept in glossary.WEAK else 'c'}{concept}")
        elif stop:
            continue
        elif i and text[a.spans[i][0]].isupper():
            items.append(f"={raw}")
            names.append((raw, a.nl[i], a.en[i]))
        else:
            items.append(f"?{raw}")
    return Signature(
        tuple(dict.fromkeys(terms)),
        frozenset(numbers),
        lang,
        tuple(dict.fromkeys(items)),
        tuple(dict.fromkeys(names)),
    )


def numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """The numbers of the one with fewer are all among the other's (none at all agrees)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return small <= large


def _same_word(word: str, other: str, names: frozenset[str] = frozenset()) -> bool:
    """A stem variant, or one part of a compound ("begrotingstekort" holds "tekort"); a name
    (in `names`) is no compound ("Rijksmuseum" does not hold "Museum")."""
    if fuzz.ratio(word, other) >= WORD_SIMILARITY:
        return True
    if word in names or other in names:
        return False
    short, long = (word, other) if len(word) <= len(other) else (other, word)
    return len(short) >= COMPOUND_PART and (long.startswith(short) or long.endswith(short))


def score(a: Signature, b: Signature) -> float:
    """How likely `a` and `b` state the same claim, 0..1 (0 when their numbers disagree).

    The share of the shorter claim's content words that the other has (a stem variant counts),
    each word weighted by its length: a long word (a subject, a place) says more than a short
    one. A claim with numbers against one without is less likely the same, and so is one that
    swaps a word for another (SWAPPED).
    """
    if a.language and b.language and a.language != b.language:
        return _across_languages(a, b)
    if not a.terms or not b.terms or not numbers_agree(a.numbers, b.numbers):
        return 0.0
    short, long = (a, b) if len(a.terms) <= len(b.terms) else (b, a)
    words = [t for t in short.terms if not t[0].isdigit()]
    if not words:
        return 1.0 if short.numbers and short.numbers <= long.numbers else 0.0
    others = [t for t in long.terms if not t[0].isdigit()]
    names = frozenset(n[2 if lang == "en" else 1] for sig in (a, b) for n in sig.names
                      for lang in [sig.language])  # fmt: skip
    total = found = 0.0
    missing = 0
    for word in words:
        weight = len(word)
        total += weight
        if word in others or any(_same_word(word, o, names) for o in others):
            found += weight
        else:
            missing += 1
    covered = found / total
    if len(words) < 3 and not short.numbers:
        covered *= 0.9  # two words alone say little
    if bool(a.numbers) != bool(b.numbers):
        covered *= 0.9
    if missing:
        extra = sum(
            1 for o in others if o not in words and not any(_same_word(o, w, names) for w in words)
        )
        if extra and extra <= missing:
            covered *= SWAPPED  # no longer than a word swapped for another: "arrested"/"fined"
    return round(covered, 3)


UNKNOWN_WEIGHT = 0.5  # a word neither in the glossary nor a name: it may or may not translate
WEAK_WEIGHT = 0.3  # a weak glossary word (a preposition, a quantity word)
MIN_SHARED = 3  # numbers, concepts and names two claims in two languages must share
UNSHARED = 0.03  # less for each word of the glossary in the longer claim the shorter lacks
_WEIGHTS = {"?": UNKNOWN_WEIGHT, "w": WEAK_WEIGHT}


def _across_languages(a: Signature, b: Signature) -> float:
    """`score` for claims in two languages: the same numbers (both must have some: with
    numbers the claim is checkable, and they anchor the comparison), and of the shorter
    claim's words, enough whose concept (glossary) or name the other has too; a word neither
    in the glossary nor a name counts half, as not found, a weak word less; each glossary word
    of the longer claim that the shorter lacks takes a little off."""
    if not a.numbers or not b.numbers or not numbers_agree(a.numbers, b.numbers):
        return 0.0
    short, long = (a, b) if len(a.concepts) <= len(b.concepts) else (b, a)
    others = set(long.concepts)
    long_names = [c for c in long.concepts if c[0] == "="]
    shared = len(short.numbers)
    total = float(shared)
    found = float(shared)
    for item in short.concepts:
        weight = _WEIGHTS.get(item[0], 1.0)
        total += weight
        hit = item in others or (
            item[0] == "=" and any(fuzz.ratio(item, n) >= WORD_SIMILARITY for n in long_names)
        )
        if hit:
            found += weight
            shared += 1
    if shared < MIN_SHARED:
        return 0.0
    unshared = sum(1 for c in set(long.concepts) - set(short.concepts) if c[0] == "c")
    return round(max(0.0, found / total - UNSHARED * unshared), 3)


def _rarity(stem: str) -> tuple[int, int]:
    """Sort key, most telling first: numbers of three or more digits that are not years, then
    longer words before shorter ones, then small numbers and years (common in any archive)."""
    if stem[0].isdigit():
        digits = stem.split("d", maxsplit=1)[0].lstrip("0")
        year = len(digits) == 4 and digits[:2] in ("19", "20")
        return (0, 0) if len(digits) >= 3 and not year else (2, 0)
    return (1, -len(stem))


def telling_terms(sig: Signature, shares: dict[str, float] | None = None) -> list[str]:
    """The claim's most telling terms (stems and number values): telling numbers first, then
    the words the fewest archive claims hold (`shares`, see search_index.term_shares), longer
    before shorter (see _rarity)."""
    shares = shares or {}

    def key(term: str) -> tuple[int, float, int]:
        return (0 if _anchor(term, shares) else 1, shares.get(term, 0.0), _rarity(term)[1])

    return sorted(sig.terms, key=key)[:TELLING_TERMS]


def _anchor(term: str, shares: dict[str, float]) -> bool:
    """A number a repeat must state too and few archive claims hold: one of three or more
    digits that is not a year, or any number rarer than ANCHOR_SHARE."""
    if not term[0].isdigit():
        return False
    return _rarity(term)[0] == 0 or shares.get(term, 1.0) <= ANCHOR_SHARE


def candidate_groups(terms: list[str], shares: dict[str, float] | None = None) -> list[list[str]]:
    """All but one of the telling terms, each way (of three or fewer: all of them): a repeat
    keeps all but one of its most telling terms. A telling number is in every group: a repeat
    states it too (numbers must agree), and it makes the index query short."""
    shares = shares or {}
    numbers = [t for t in terms if _anchor(t, shares)]
    words = [t for t in terms if not _anchor(t, shares)]
    if numbers and len(words) > 1:
        return [numbers + list(group) for group in combinations(words, len(words) - 1)]
    if len(terms) <= 3:
        return [terms]
    return [list(group) for group in combinations(terms, len(terms) - 1)]


@dataclass(frozen=True)
class Wording:
    """What is compared of a claim: its key (a claim's id, or the place of a claim not stored
    yet), its text and its article's language."""

    key: int
    text: str
    language: str


def wordings(claims: Iterable[Claim]) -> list[Wording]:
    return [Wording(c.id, c.text, c.article.language) for c in claims]


def _stream(claim: Wording) -> str:
    return "en" if claim.language == "en" else "nl"


@dataclass(frozen=True)
class Found:
    claim_id: int  # the Wording's key
    earlier_id: int
    score: float


def find_matches(
    session: Session, claims: Sequence[Wording], exclude_articles: Iterable[int]
) -> list[Found]:
    """The best earlier claim for each of `claims` that scores at least THRESHOLD. It only
    reads, so ingest runs it before its first write (SQLite's write lock is not held meanwhile).

    The queries are asked once for the whole batch: how common each term is in the archive,
    then in each language's stream the candidates of every claim (its rarest terms, a rare
    number in every group; one statement), then their texts; the reranking is Python's."""
    excluded = list(exclude_articles)
    conn = session.connection()
    signatures = [signature(c.text, c.language) for c in claims]
    shares: dict[str, dict[str, float]] = {}
    best: list[tuple[float, int] | None] = [None] * len(claims)
    for stream in ("nl", "en"):
        mine = [i for i, c in enumerate(claims) if _stream(c) == stream]
        if not mine:
            shares[stream] = {}
            continue
        vocabulary = {t for i in mine for t in signatures[i].terms}
        shares[stream] = term_shares(conn, "claim", stream, vocabulary)
        asks = [_ask(signatures[i], shares[stream]) for i in mine]
        found = newest_each(conn, "claim", stream, asks, CANDIDATES + len(claims))
        texts = _texts(session, {cid for ids in found for cid in ids}, excluded)
        for i, ids in zip(mine, found, strict=True):
            rows = [(cid, *texts[cid]) for cid in ids if cid in texts]
            best[i] = _best_of(claims[i], signatures[i], rows)
    out: list[Found] = []
    for claim, sig, in_language in zip(claims, signatures, best, strict=True):
        # a repeat in the claim's language is the likelier; else a translation
        b = in_language or _best_translation(
            session, conn, claim, sig, shares[_stream(claim)], excluded
        )
        if b is not None:
            out.append(Found(claim.key, b[1], b[0]))
    return out


def _ask(sig: Signature, shares: dict[str, float]) -> Ask:
    """The index search for a claim's candidates: those holding most of its telling terms."""
    terms = telling_terms(sig, shares)
    if not terms:
        return []
    anchors = [t for t in terms if _anchor(t, shares)]
    words = [t for t in terms if t not in anchors]
    if anchors and len(words) > 1:  # the same rows as candidate_groups' query, sooner
        return (anchors, words, len(words) - 1)
    return candidate_groups(terms)


_IN_CHUNK = 5000  # ids in one IN list


def _texts(session: Session, ids: set[int], excluded: list[int]) -> dict[int, tuple[str, str]]:
    """The text and language of these claims, except those of the excluded articles: the
    claims, then their articles, each by its key (a join of a long id list may make
    PostgreSQL read all articles)."""
    wanted = sorted(ids)
    skip = set(excluded)
    rows: list[tuple[int, str, int]] = []
    for start in range(0, len(wanted), _IN_CHUNK):
        rows += [
            (cid, text, aid)
            for cid, text, aid in session.execute(
                select(Claim.id, Claim.text, Claim.article_id).where(
                    Claim.id.in_(wanted[start : start + _IN_CHUNK])
                )
            ).all()
            if aid not in skip
        ]
    articles = sorted({aid for _cid, _text, aid in rows})
    languages: dict[int, str] = {}
    for start in range(0, len(articles), _IN_CHUNK):
        for aid, lang in session.execute(
            select(Article.id, Article.language).where(
                Article.id.in_(articles[start : start + _IN_CHUNK])
            )
        ).all():
            languages[aid] = lang
    return {cid: (text, languages[aid]) for cid, text, aid in rows}


def _best_of(
    claim: Wording, sig: Signature, rows: list[tuple[int, str, str]]
) -> tuple[float, int] | None:
    """The best of these candidates (id, text, language) that scores at least THRESHOLD:
    (score, id), or None."""
    # a quick look first (rapidfuzz, in C), the full comparison for the closest few only
    close = sorted(rows, key=lambda r: -fuzz.token_set_ratio(claim.text, r[1]))[:RERANKED]
    best: tuple[float, int] | None = None
    for cid, text, clang in close:
        s = score(sig, signature(text, clang))
        if s >= THRESHOLD and (best is None or (s, cid) > best):
            best = (s, cid)
    return best


TRANSLATED_CANDIDATES = 10  # newest claims in the other language holding the same numbers
# a translation is looked for when the claim has a number fewer archive claims hold than this
# (the index query reads every claim holding it; PostgreSQL's statistics give a number they
# do not list as common the least share they list, about 0.003 on a million claims)
TRANSLATION_ANCHOR_SHARE = 0.003


def translation_conditions(
    sig: Signature, anchors: list[str], other: str
) -> list[list[tuple[str, ...]]]:
    """What a translation of the claim holds in the index's `other` stream, each condition a
    choice of phrases: its telling numbers, its names, and one way of saying each of its two
    longest glossary words (empty: no telling number, so no search in the other language)."""
    if not anchors:
        return []
    names = [n[2 if other == "en" else 1] for n in sig.names]
    concepts = sorted(
        {int(c[1:]) for c in sig.concepts if c[0] == "c"},
        key=lambda c: -max((len(" ".join(p)) for p in glossary.translations(c, other)), default=0),
    )[:2]
    conditions: list[list[tuple[str, ...]]] = [[(t,)] for t in dict.fromkeys([*anchors, *names])]
    conditions += [glossary.translations(c, other) for c in concepts]
    return [c for c in conditions if c]


def _best_translation(
    session: Session,
    conn: Connection,
    claim: Wording,
    sig: Signature,
    shares: dict[str, float],
    excluded: list[int],
) -> tuple[float, int] | None:
    """The best earlier claim in the other language (see translation_conditions), or None."""
    other = "nl" if _stream(claim) == "en" else "en"
    anchors = sorted(t for t in sig.numbers if _anchor(t, shares))
    if not any(shares.get(t, 0.0) <= TRANSLATION_ANCHOR_SHARE for t in anchors):
        return None  # a common number: a long search, and little to tell a translation by
    conditions = translation_conditions(sig, anchors, other)
    if not conditions:
        return None
    ids = newest_with_all(conn, "claim", other, conditions, TRANSLATED_CANDIDATES)
    if not ids:
        return None
    best: tuple[float, int] | None = None
    rows = session.execute(
        select(Claim.id, Claim.text, Article.language)
        .join(Article, Article.id == Claim.article_id)
        .where(
            Claim.id.in_(ids),
            Claim.article_id.not_in(excluded),
            Article.language != claim.language,
        )
    ).all()
    for cid, text, clang in rows:
        s = score(sig, signature(text, clang))
        if s >= THRESHOLD and (best is None or (s, cid) > best):
            best = (s, cid)
    return best


def _rejected(session: Session, pairs: list[Found]) -> set[tuple[int, int]]:
    if not pairs:
        return set()
    rows = session.execute(
        select(ClaimMatch.claim_id, ClaimMatch.earlier_id).where(
            ClaimMatch.claim_id.in_([p.claim_id for p in pairs]),
            ClaimMatch.status == "rejected",
        )
    )
    return {(a, b) for a, b in rows}


def versions(article: Article | None) -> set[int]:
    """The ids of an article and of the versions it supersedes: never "seen before"."""
    ids: set[int] = set()
    while article is not None:
        ids.add(article.id)
        article = article.supersedes
    return ids


def match_article(session: Session, article: Article) -> list[ClaimMatch]:
    """Compare the article's unclustered claims with the archive and link likely repeats (the
    proposals are the system's, audited without an actor)."""
    claims = session.scalars(
        select(Claim).where(
            Claim.article_id == article.id, is_unsplit(), Claim.cluster_id.is_(None)
        )
    )
    return link_found(session, find_matches(session, wordings(claims), versions(article)))


def link_found(session: Session, found: list[Found]) -> list[ClaimMatch]:
    """Link each found repeat (its claim_id a stored claim's) into a cluster, except the pairs a
    person rejected before (audited, one chain append for them all)."""
    made, events = link_events(session, found)
    audit.record_many(session, events)
    return made


def link_events(
    session: Session, found: list[Found]
) -> tuple[list[ClaimMatch], list[dict[str, Any]]]:
    """`link_found` without its audit: the matches made and their events (record_many's
    entries), for a caller that appends them with its own. Two flushes for the whole batch."""
    rejected = _rejected(session, found)
    found = [f for f in found if (f.claim_id, f.earlier_id) not in rejected]
    if not found:
        return [], []
    cluster_of = clusters_for(session, found)
    claims = {
        c.id: c
        for c in session.scalars(select(Claim).where(Claim.id.in_({f.claim_id for f in found})))
    }
    made: list[ClaimMatch] = []
    for f in found:
        claim = claims[f.claim_id]
        claim.cluster_id = cluster_of[f.claim_id]
        made.append(proposed(claim, f))
    session.add_all(made)
    session.flush()
    return made, propose_events(made)


def clusters_for(session: Session, found: list[Found]) -> dict[int, int]:
    """The cluster each found repeat joins, by its claim's key: the earlier claim's, made (and
    flushed, in one statement) for an earlier claim that has none yet. For claims not stored
    yet: the caller gives them these cluster ids, adds the matches (`proposed`) and their audit
    events (`propose_events`) in its own flush."""
    if not found:
        return {}
    earlier = {
        c.id: c
        for c in session.scalars(select(Claim).where(Claim.id.in_({f.earlier_id for f in found})))
    }
    made: dict[int, ClaimCluster] = {}
    for f in found:
        claim = earlier[f.earlier_id]
        if claim.cluster_id is None and claim.id not in made:
            made[claim.id] = ClaimCluster(label=claim.text[:500])
    if made:
        session.add_all(made.values())
        session.flush()
        for claim_id, cluster in made.items():
            earlier[claim_id].cluster_id = cluster.id
    return {f.claim_id: cast(int, earlier[f.earlier_id].cluster_id) for f in found}


def proposed(claim: Claim, f: Found) -> ClaimMatch:
    """The proposed match of a claim (stored or not) found to repeat `f.earlier_id`."""
    return ClaimMatch(claim=claim, earlier_id=f.earlier_id, score=f.score)


def propose_events(matches: Iterable[ClaimMatch]) -> list[dict[str, Any]]:
    """The audit events (record_many's entries) of these flushed proposed matches."""
    return [
        {
            "actor": None,
            "action": "claim.match.propose",
            "entity_type": "claim",
            "entity_id": m.claim_id,
            "claim_id": m.claim_id,
            "after": {"earlier": m.earlier_id, "cluster": m.claim.cluster_id, "score": m.score},
        }
        for m in matches
    ]


def _match(session: Session, match_id: int) -> ClaimMatch:
    match = session.get(ClaimMatch, match_id)
    if match is None:
        raise NotFound("no claim match %(id)s", id=match_id)
    return match


def confirm_match(session: Session, match_id: int, actor: User) -> ClaimMatch:
    """A person agrees that the two claims say the same (audited)."""
    authorize(actor, "claim.match")
    match = _match(session, match_id)
    if match.status == "rejected":
        raise InvalidInput("this match was rejected; it cannot be confirmed")
    before = match.status
    match.status, match.decided_by_id, match.decided_at = "confirmed", actor.id, utcnow()
    audit.record(
        session,
        actor=actor,
        action="claim.match.confirm",
        entity_type="claim",
        entity_id=match.claim_id,
        claim_id=match.claim_id,
        before={"status": before},
        after={"status": "confirmed", "earlier": match.earlier_id},
    )
    return match


def reject_match(session: Session, match_id: int, actor: User) -> ClaimMatch:
    """A person says the two claims differ: the newer claim leaves the cluster (audited)."""
    authorize(actor, "claim.match")
    match = _match(session, match_id)
    before = {"status": match.status, "cluster": match.claim.cluster_id}
    match.status, match.decided_by_id, match.decided_at = "rejected", actor.id, utcnow()
    claim = match.claim
    cluster_id = claim.cluster_id
    claim.cluster_id = None
    session.flush()
    if cluster_id is not None:
        left = list(session.scalars(select(Claim).where(Claim.cluster_id == cluster_id)))
        if len(left) == 1:  # a cluster of one is no cluster
            left[0].cluster_id = None
    audit.record(
        session,
        actor=actor,
        action="claim.match.reject",
        entity_type="claim",
        entity_id=match.claim_id,
        claim_id=match.claim_id,
        before=before,
        after={"status": "rejected", "earlier": match.earlier_id},
    )
    return match


def apply_cluster_verdict(
    session: Session, claim_id: int, expected_version: int, actor: User
) -> Claim:
    """Give the claim the verdict of its cluster's latest check, with a rationale naming that
    check; its own audit event besides the status change. Confirms a pending match."""
    authorize(actor, "claim.match")
    claim = get_claim(session, claim_id)
    seen = seen_before(session, [claim]).get(claim.id)
    if seen is None:
        raise InvalidInput("this claim's cluster holds no checked claim to take a verdict from")
    when = seen.at.date().isoformat() if seen.at else "?"
    rationale = (
        f"Same claim as checked earlier: claim {seen.number} of “{seen.article.title}” "
        f"({when}, {seen.by or 'unknown'}), {seen.status}: {seen.claim.rationale}"
    ).strip()
    set_status(session, claim.id, seen.status, rationale, expected_version, actor)
    match = pending_match(session, claim.id)
    if match is not None and match.status == "proposed":
        confirm_match(session, match.id, actor)
    audit.record(
        session,
        actor=actor,
        action="claim.verdict_from_cluster",
        entity_type="claim",
        entity_id=claim.id,
        claim_id=claim.id,
        after={
            "status": seen.status,
            "from_claim": seen.claim.id,
            "cluster": seen.cluster_id,
        },
    )
    return claim
