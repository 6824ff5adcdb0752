"""A small JSON API for scripts, authenticated by bearer tokens (exempt from CSRF)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, g, jsonify, request
from flask.typing import ResponseReturnValue

from ...models import Claim
from ...services import review, tokens
from ...services.errors import DuplicateArticle, InvalidInput, NotFound, StaleVersion
from ...services.ingest import ArticleInput, ingest_article
from .. import acting_user, csrf, db
from .json_input import BadJSON, json_body

bp = Blueprint("api", __name__)
csrf.exempt(bp)


def needs(
    scope: str,
) -> Callable[[Callable[..., ResponseReturnValue]], Callable[..., ResponseReturnValue]]:
    """Require a bearer token with `scope`; sets g.api_user."""

    def decorate(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            header = request.headers.get("Authorization", "")
            plaintext = (
                header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
            )
            token = tokens.authenticate_token(db(), plaintext) if plaintext else None
            if token is None:
                return jsonify(error="a valid bearer token is required"), 401
            if scope not in token.scope_set:
                return jsonify(
                    error="forbidden", message=f"this token lacks the {scope!r} scope"
                ), 403
            db().commit()
            g.api_user = token.owner
            return view(*args, **kwargs)

        return wrapper

    return decorate


def _claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "status": claim.status,
        "rationale": claim.rationale,
        "version": claim.version,
        "score": claim.score,
        "chain": review.chain_snapshot(claim),
    }


@bp.errorhandler(BadJSON)
def _bad_json(err: BadJSON) -> ResponseReturnValue:
    return jsonify(error=str(err)), 400


@bp.errorhandler(NotFound)
def _not_found(err: NotFound) -> ResponseReturnValue:
    return jsonify(error=str(err)), 404


@bp.errorhandler(InvalidInput)
def _invalid(err: InvalidInput) -> ResponseReturnValue:
    return jsonify(error=str(err)), 422


@bp.errorhandler(DuplicateArticle)
def _duplicate(err: DuplicateArticle) -> ResponseReturnValue:
    return jsonify(error=str(err), article_id=err.article_id), 409


@bp.errorhandler(StaleVersion)
def _stale(err: StaleVersion) -> ResponseReturnValue:
    return jsonify(error=str(err), current=err.current), 409


@bp.get("/claims/<int:claim_id>")
@needs("read")
def claim(claim_id: int) -> ResponseReturnValue:
    return jsonify(_claim_json(review.get_claim(db(), claim_id)))


@bp.get("/articles/<int:article_id>/claims")
@needs("read")
def article_claims(article_id: int) -> ResponseReturnValue:
    return jsonify([_claim_json(c) for c in review.article_claims(db(), article_id)])


@bp.post("/claims/<int:claim_id>/status")
@needs("review")
def set_status(claim_id: int) -> ResponseReturnValue:
    data = json_body()
    if not isinstance(data, dict) or type(data.get("version")) is not int:
        return jsonify(error="send JSON with status, rationale and the claim's version"), 400
    session = db()
    claim = review.set_status(
        session,
        claim_id,
        str(data.get("status", "")),
        str(data.get("rationale", "")),
        data["version"],
        acting_user(),
    )
    session.commit()
    return jsonify(_claim_json(claim))


@bp.post("/articles")
@needs("ingest")
def ingest() -> ResponseReturnValue:
    data = json_body()
    if not isinstance(data, dict) or not isinstance(data.get("body"), str):
        return jsonify(error="send JSON with the article text as 'body'"), 400
    fields = {
        k: data[k]
        for k in ("title", "url", "outlet", "author", "published", "language")
        if isinstance(data.get(k), str)
    }
    session = db()
    # a text nearly that of a stored article (409): send it again with "supersedes" (that
    # article's id: its new version) or "separate": true
    supersedes = data.get("supersedes")
    article = ingest_article(
        session,
        ArticleInput(body=data["body"], **fields),
        acting_user(),
        supersedes_id=supersedes if type(supersedes) is int else None,
        separate=data.get("separate") is True,
    )
    session.commit()
    return jsonify(id=article.id, claims=[_claim_json(c) for c in article.claims]), 201
