"""The JSON API for scripts: bearer tokens with scopes, exempt from CSRF, described by the
OpenAPI document at /api/openapi.json. Each view parses, calls one service, renders."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify
from flask.typing import ResponseReturnValue

from ...models import DISMISS_REASONS, SOURCE_KINDS, STANCES, STATUSES
from ...models.source import SOURCE_STATUSES
from ...services import api_reads, comments, dismissal, review
from ...services.evidence import add_evidence
from ...services.ingest import ArticleInput, ingest_article
from ...services.queue import DATE_FIELDS, SORTS, SOURCE_SCOPES
from .. import MAX_ID, acting_user, csrf, db
from . import cursor, errors, params, patterns, render
from .auth import needs
from .json_input import json_body
from .openapi import document

bp = Blueprint("api", __name__)
csrf.exempt(bp)
errors.register(bp)
LANGUAGE_CHOICES = ("auto", "nl", "en")
INGEST_FIELDS = {
    "title": None,
    "url": patterns.ARTICLE_URL,
    "outlet": None,
    "author": None,
    "published": patterns.PUBLISHED,
}


def _user_id() -> int | None:
    return g.api_user.id if g.get("api_user") is not None else None


def _limit() -> int:
    value = params.integer("limit", 1, api_reads.MAX_LIMIT)
    return api_reads.DEFAULT_LIMIT if value is None else value


def _assignee() -> str | None:
    value = params.matching("assignee", patterns.ASSIGNEE)
    if value is not None and value.isdigit() and int(value) > MAX_ID:
        raise params.BadParameter("assignee must be me, nobody or a user's id")
    return value


def _page(kind: str, page: api_reads.KeysetPage[Any], render_item: Any) -> ResponseReturnValue:
    return jsonify(
        items=[render_item(item) for item in page.items],
        next_cursor=cursor.encode(kind, page.next_key),
    )


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """The OpenAPI 3.1 description of this API (open to anyone: it holds no data)."""
    return jsonify(document())


# --- claims -------------------------------------------------------------------------------------


@bp.get("/claims")
@needs("read")
def claims() -> ResponseReturnValue:
    sort = params.choice("sort", SORTS) or "score"
    filters = api_reads.queue_filter(
        status=params.choice("status", STATUSES),
        assignee=_assignee(),
        article_id=params.integer("article_id"),
        source_id=params.integer("source_id"),
        source_scope=params.choice("source_scope", SOURCE_SCOPES) or "primary",
        language=params.text("language", 8),
        min_score=params.number("min_score", 0, 1),
        checkworthy_only=bool(params.boolean("checkworthy")),
        date_field=params.choice("date_field", DATE_FIELDS) or "published",
        date_from=params.day("date_from"),
        date_to=params.day("date_to"),
        sort=sort,
        q=params.text("q"),
    )
    kind = f"claims:{sort}"
    page = api_reads.claims_page(
        db(), filters, _user_id(), cursor.decode(kind, params.text("cursor", 2000)), _limit()
    )
    return _page(kind, page, render.claim)


@bp.get("/claims/<int:claim_id>")
@needs("read")
def claim(claim_id: int) -> ResponseReturnValue:
    return jsonify(render.claim(review.get_claim(db(), claim_id)))


@bp.get("/claims/<int:claim_id>/evidence")
@needs("read")
def claim_evidence(claim_id: int) -> ResponseReturnValue:
    found = api_reads.claim_evidence(db(), claim_id)
    return jsonify(items=[render.evidence(e) for e in found])


@bp.post("/claims/<int:claim_id>/evidence")
@needs("review")
def add_claim_evidence(claim_id: int) -> ResponseReturnValue:
    data = params.body_object(json_body())
    url = params.field_text(data, "url", required=True, pattern=patterns.WEB_ADDRESS)
    stance = params.field_text(data, "stance", required=True)
    if stance not in STANCES:
        raise params.BadParameter(f"the field 'stance' must be one of {', '.join(STANCES)}")
    session = db()
    ev = add_evidence(
        session,
        claim_id,
        url or "",
        stance,
        acting_user(),
        title=params.field_text(data, "title") or "",
        excerpt=params.field_text(data, "excerpt") or "",
        archived_sha256=params.field_text(data, "archived_sha256", pattern=patterns.SHA256),
    )
    session.commit()
    return jsonify(render.evidence(ev)), 201


@bp.get("/claims/<int:claim_id>/cluster")
@needs("read")
def claim_cluster(claim_id: int) -> ResponseReturnValue:
    return jsonify(render.cluster(claim_id, api_reads.claim_cluster(db(), claim_id)))


@bp.get("/claims/<int:claim_id>/history")
@needs("read")
def claim_history(claim_id: int) -> ResponseReturnValue:
    return jsonify(items=[render.event(e) for e in api_reads.claim_history(db(), claim_id)])


@bp.get("/claims/<int:claim_id>/comments")
@needs("read")
def claim_comments(claim_id: int) -> ResponseReturnValue:
    found = comments.claim_thread(db(), claim_id)
    return jsonify(items=[render.comment(c) for c in found])


@bp.post("/claims/<int:claim_id>/comments")
@needs("review")
def add_claim_comment(claim_id: int) -> ResponseReturnValue:
    data = params.body_object(json_body())
    body = params.field_text(data, "body", required=True) or ""
    session = db()
    posted = comments.add_comment(session, claim_id, body, acting_user())
    session.commit()
    return jsonify(
        comment=render.comment(posted.comment),
        unknown=posted.unknown,
        ambiguous=posted.ambiguous,
    ), 201


@bp.post("/claims/<int:claim_id>/status")
@needs("review")
def set_status(claim_id: int) -> ResponseReturnValue:
    data = params.body_object(json_body())
    status = params.field_text(data, "status", required=True) or ""
    if status not in STATUSES:
        raise params.BadParameter(f"the field 'status' must be one of {', '.join(STATUSES)}")
    rationale = params.field_text(data, "rationale") or ""
    version = params.field_int(data, "version", required=True)
    assert version is not None
    session = db()
    changed = review.set_status(session, claim_id, status, rationale, version, acting_user())
    session.commit()
    return jsonify(render.claim(changed))


@bp.post("/claims/<int:claim_id>/assignee")
@needs("review")
def assign(claim_id: int) -> ResponseReturnValue:
    data = params.body_object(json_body())
    if "assignee_id" not in data:
        raise params.BadParameter("the field 'assignee_id' is required (null: nobody)")
    assignee_id = params.field_int(data, "assignee_id")
    version = params.field_int(data, "version", required=True)
    assert version is not None
    session = db()
    changed = review.assign(session, claim_id, assignee_id, version, acting_user())
    session.commit()
    return jsonify(render.claim(changed))


@bp.post("/claims/<int:claim_id>/dismissal")
@needs("review")
def dismiss(claim_id: int) -> ResponseReturnValue:
    """Set the claim aside with a reason, or (reason null) restore it."""
    data = params.body_object(json_body())
    if "reason" not in data:
        raise params.BadParameter("the field 'reason' is required (null: restore the claim)")
    reason = params.field_text(data, "reason")
    if reason is not None and reason not in DISMISS_REASONS:
        raise params.BadParameter(
            f"the field 'reason' must be one of {', '.join(DISMISS_REASONS)} or null"
        )
    version = params.field_int(data, "version", required=True)
    assert version is not None
    session = db()
    changed = dismissal.set_dismissed(session, claim_id, reason, version, acting_user())
    session.commit()
    return jsonify(render.claim(changed))


# --- articles -----------------------------------------------------------------------------------


@bp.get("/articles")
@needs("read")
def articles() -> ResponseReturnValue:
    claim_filters = {
        "status": params.choice("status", STATUSES),
        "assignee": _assignee(),
        "source_id": params.integer("source_id"),
        "q": params.text("q"),
    }
    wanted = {k: v for k, v in claim_filters.items() if v is not None}
    filters = api_reads.ArticleFilter(
        language=params.text("language", 8),
        outlet_id=params.integer("outlet_id"),
        published_from=params.day("published_from"),
        published_to=params.day("published_to"),
        claims=api_reads.queue_filter(**wanted) if wanted else None,
    )
    kind = "articles"
    page = api_reads.articles_page(
        db(), filters, _user_id(), cursor.decode(kind, params.text("cursor", 2000)), _limit()
    )
    return _page(kind, page, render.article)


@bp.post("/articles")
@needs("ingest")
def ingest() -> ResponseReturnValue:
    data = params.body_object(json_body())
    body = params.field_text(data, "body", required=True) or ""
    fields: dict[str, Any] = {
        name: value
        for name, pattern in INGEST_FIELDS.items()
        if (value := params.field_text(data, name, pattern=pattern)) is not None
    }
    language = params.field_text(data, "language")
    if language is not None and language not in LANGUAGE_CHOICES:
        raise params.BadParameter("the field 'language' must be one of auto, nl, en")
    session = db()
    article = ingest_article(
        session,
        ArticleInput(body=body, language=language, **fields),
        acting_user(),
        # a text nearly that of a stored article answers 409: sent again with "supersedes"
        # (that article's id: its new version) or "separate": true, it is stored
        supersedes_id=params.field_int(data, "supersedes"),
        separate=params.field_bool(data, "separate") is True,
    )
    session.commit()
    return jsonify(
        id=article.id,
        article=render.article(article),
        claims=[render.claim(c) for c in article.claims],
    ), 201


@bp.get("/articles/<int:article_id>")
@needs("read")
def article(article_id: int) -> ResponseReturnValue:
    return jsonify(render.article(api_reads.get_article(db(), article_id)))


@bp.get("/articles/<int:article_id>/claims")
@needs("read")
def article_claims(article_id: int) -> ResponseReturnValue:
    return jsonify([render.claim(c) for c in review.article_claims(db(), article_id)])


# --- sources ------------------------------------------------------------------------------------


@bp.get("/sources")
@needs("read")
def sources() -> ResponseReturnValue:
    filters = api_reads.SourceFilter(
        name=params.text("q", 300) or "",
        kind=params.choice("kind", SOURCE_KINDS),
        status=params.choice("status", SOURCE_STATUSES),
    )
    kind = "sources"
    page = api_reads.sources_page(
        db(), filters, cursor.decode(kind, params.text("cursor", 2000)), _limit()
    )
    return _page(kind, page, render.source)


@bp.get("/sources/<int:source_id>")
@needs("read")
def source(source_id: int) -> ResponseReturnValue:
    view = api_reads.source_view(db(), source_id)
    return jsonify(render.source(view.source, view.record))
