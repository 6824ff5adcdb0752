"""The OpenAPI 3.1 document of the JSON API, written as data.

Kept beside the views it describes; tests/api checks that every /api route is described and
every description is routed, and validates each response the tests see against its schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from ...models import ATTRIBUTION_KINDS, DISMISS_REASONS, SOURCE_KINDS, STANCES, STATUSES
from ...models.source import SOURCE_STATUSES
from ...services.api_reads import DEFAULT_LIMIT, MAX_LIMIT
from ...services.queue import DATE_FIELDS, SORTS, SOURCE_SCOPES
from .. import MAX_ID
from .errors import ERROR_CODES
from .patterns import ARTICLE_URL, ASSIGNEE, PUBLISHED, SHA256, WEB_ADDRESS

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(kind: str, **more: Any) -> Schema:
    return {"type": [kind, "null"], **more}


def _object(required: list[str], **props: Schema) -> Schema:
    return {"type": "object", "required": required, "properties": props}


def _record(**props: Schema) -> Schema:
    """An object the API renders: every property is always there."""
    return _object(list(props), **props)


_ID: Schema = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
_STRING: Schema = {"type": "string"}
_TIME: Schema = _nullable("string", format="date-time")
_ANY: Schema = {}
_OPTIONAL_TEXT: Schema = {"type": ["string", "null"], "description": "null: not given."}

SCHEMAS: dict[str, Schema] = {
    "Error": {
        **_object(
            ["error", "message"],
            error={"enum": list(ERROR_CODES), "description": "A stable code."},
            message={"type": "string", "description": "What went wrong, in English."},
            article_id={**_ID, "description": "duplicate_article: the article stored before."},
            current={"type": "object", "description": "stale_version: the claim as it is now."},
        ),
    },
    "Hop": _record(
        position={"type": "integer", "minimum": 0},
        source_id=_nullable("integer"),
        source=_nullable("string"),
        kind={"enum": list(ATTRIBUTION_KINDS)},
        cue=_nullable("string"),
        mention=_nullable("string"),
        confirmed={"type": "boolean"},
    ),
    "Claim": _record(
        id=_ID,
        article_id=_ID,
        start={"type": "integer", "minimum": 0},
        end={"type": "integer", "minimum": 0},
        text=_STRING,
        claim_reviewed={
            **_nullable("string"),
            "description": "The fact-checker's short wording for ClaimReview; null: cut from "
            "`text` at export.",
        },
        status={"enum": list(STATUSES)},
        rationale=_STRING,
        version={"type": "integer", "minimum": 1},
        score={"type": "number", "minimum": 0, "maximum": 1},
        checkworthy={"type": "boolean"},
        assignee_id=_nullable("integer"),
        parent_id=_nullable("integer"),
        cluster_id=_nullable("integer"),
        orphaned={"type": "boolean"},
        dismissed={
            "enum": [*DISMISS_REASONS, None],
            "description": "Why the claim was set aside; null while it is in review.",
        },
        reviewed_at=_TIME,
        chain={"type": "array", "items": _ref("Hop"), "description": "Position 0 first."},
    ),
    "Article": _record(
        id=_ID,
        title=_STRING,
        url=_nullable("string"),
        outlet_id=_nullable("integer"),
        outlet=_nullable("string"),
        author=_nullable("string"),
        published=_nullable(
            "string",
            pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            description="As precise as known: 2023, 2023-02 or 2023-02-14.",
        ),
        language=_STRING,
        body_sha256={"type": "string", "pattern": "^[0-9a-f]{64}$"},
        ingested_at=_TIME,
        supersedes_id=_nullable("integer"),
    ),
    "TrackRecord": _record(
        verified={"type": "integer", "minimum": 0},
        disputed={"type": "integer", "minimum": 0},
        unsourced={"type": "integer", "minimum": 0},
        unreviewed={"type": "integer", "minimum": 0},
        counted={"type": "boolean"},
    ),
    "Source": {
        **_object(
            ["id", "name", "kind", "status", "description", "url", "aliases"],
            id=_ID,
            name=_STRING,
            kind={"enum": list(SOURCE_KINDS)},
            status={"enum": list(SOURCE_STATUSES)},
            description=_STRING,
            url=_nullable("string"),
            aliases={"type": "array", "items": _STRING},
            track_record=_ref("TrackRecord"),
        ),
    },
    "Evidence": _record(
        id=_ID,
        claim_id=_ID,
        url=_STRING,
        title=_STRING,
        excerpt=_STRING,
        stance={"enum": list(STANCES)},
        archived_sha256=_nullable("string", pattern="^[0-9a-f]{64}$"),
        added_by_id=_nullable("integer"),
        added_at=_TIME,
        removed={"type": "boolean"},
        removed_at=_TIME,
        removed_reason=_nullable("string"),
    ),
    "Comment": _record(
        id=_ID,
        claim_id=_ID,
        author_id=_nullable("integer"),
        author=_nullable("string"),
        body={"type": "string", "description": "Plain text (not Markdown); escape it to show it."},
        created_at=_TIME,
        mentions={
            "type": "array",
            "items": _ID,
            "description": "The users an @name in the body reached.",
        },
    ),
    "PostedComment": _record(
        comment=_ref("Comment"),
        unknown={
            "type": "array",
            "items": _STRING,
            "description": "@names that fit nobody (nobody was told).",
        },
        ambiguous={
            "type": "array",
            "items": _STRING,
            "description": "@names that fit several people (nobody was told).",
        },
    ),
    "NewComment": _object(
        ["body"],
        body={
            "type": "string",
            "maxLength": 4000,
            "description": "Plain text; `@name` (e-mail name, or name without spaces) mentions "
            "a colleague.",
        },
    ),
    "Event": _record(
        id=_ID,
        at=_TIME,
        actor_id=_nullable("integer"),
        actor=_nullable("string"),
        action=_STRING,
        entity_type=_STRING,
        entity_id={"type": "integer"},
        before=_ANY,
        after=_ANY,
    ),
    "ClusterMember": _record(
        claim_id=_ID,
        article_id=_ID,
        article_title=_STRING,
        published=_nullable("string"),
        text=_STRING,
        status={"enum": list(STATUSES)},
    ),
    "ClaimCluster": _record(
        claim_id=_ID,
        cluster={
            "oneOf": [
                {"type": "null"},
                _record(
                    id=_ID,
                    label=_STRING,
                    members={"type": "array", "items": _ref("ClusterMember")},
                ),
            ],
            "description": "null when the claim has not been seen elsewhere.",
        },
    ),
    "IngestResult": _record(
        id=_ID, article=_ref("Article"), claims={"type": "array", "items": _ref("Claim")}
    ),
    "StatusChange": _object(
        ["status", "version"],
        status={"enum": list(STATUSES)},
        rationale={**_OPTIONAL_TEXT, "description": "Required for verified and disputed."},
        version={**_ID, "description": "The version the change is based on (else 409)."},
    ),
    "Dismissal": _object(
        ["reason", "version"],
        reason={
            "enum": [*DISMISS_REASONS, None],
            "description": "Why the claim is set aside; null restores it.",
        },
        version={**_ID, "description": "The version the change is based on (else 409)."},
    ),
    "Assignment": _object(
        ["assignee_id", "version"],
        assignee_id={
            **_nullable("integer", minimum=1, maximum=MAX_ID),
            "description": "null: nobody.",
        },
        version=_ID,
    ),
    "NewEvidence": _object(
        ["url", "stance"],
        url={"type": "string", "maxLength": 2000, "pattern": WEB_ADDRESS},
        stance={"enum": list(STANCES)},
        title=_OPTIONAL_TEXT,
        excerpt=_OPTIONAL_TEXT,
        archived_sha256={"type": ["string", "null"], "pattern": SHA256},
    ),
    "NewArticle": _object(
        ["body"],
        body={"type": "string", "description": "The article's exact text."},
        title=_OPTIONAL_TEXT,
        url={"type": ["string", "null"], "maxLength": 2000, "pattern": ARTICLE_URL},
        outlet={"type": ["string", "null"], "maxLength": 300},
        author={"type": ["string", "null"], "maxLength": 300},
        published={"type": ["string", "null"], "pattern": PUBLISHED},
        language={"enum": ["auto", "nl", "en", None]},
        supersedes={
            "type": ["integer", "null"],
            "minimum": 1,
            "description": "Store the text as a new version of this article (its claims are "
            "re-anchored); the answer to a near-identical text (409 duplicate_article).",
        },
        separate={
            "type": ["boolean", "null"],
            "description": "true: store a text nearly that of a stored article as an article "
            "of its own.",
        },
    ),
}
for _name in ("Claim", "Article", "Source"):
    SCHEMAS[f"{_name}Page"] = _record(
        items={"type": "array", "items": _ref(_name)},
        next_cursor={
            **_nullable("string"),
            "description": "Pass as `cursor` for the next page; null on the last page.",
        },
    )
SCHEMAS["EvidenceList"] = _record(items={"type": "array", "items": _ref("Evidence")})
SCHEMAS["CommentList"] = _record(items={"type": "array", "items": _ref("Comment")})
SCHEMAS["History"] = _record(items={"type": "array", "items": _ref("Event")})

# Request bodies as a script would send them (also the fuzzer's first cases).
EXAMPLES: dict[str, Schema] = {
    "StatusChange": {
        "status": "disputed",
        "rationale": "The ministry's own figures give a lower number.",
        "version": 1,
    },
    "Assignment": {"assignee_id": 1, "version": 1},
    "Dismissal": {"reason": "not_a_claim", "version": 1},
    "NewComment": {"body": "Which report is this figure from? @anna.devries"},
    "NewEvidence": {
        "url": "https://example.org/figures-2026",
        "stance": "refutes",
        "title": "Monthly figures",
        "excerpt": "The register lists 4,100 applications in February.",
    },
    "NewArticle": {
        "body": "De wethouder zegt dat de gemeente dit jaar 300 woningen bouwt.",
        "title": "Woningbouw",
        "outlet": "Stadsblad",
        "published": "2026-03",
        "language": "nl",
    },
}

_ERRORS = {
    400: "Malformed request: a parameter, the JSON body or a value out of range.",
    401: "No valid bearer token.",
    403: "The token lacks the scope, or its owner's role does not allow this.",
    404: "No such record.",
    409: "A conflict: a stale version, a duplicate article, a simultaneous write.",
    413: "The request body is too large.",
    415: "The body is not sent as application/json.",
    422: "The service refused the input; the message says why.",
    429: "Too many requests with this token; see Retry-After.",
}


def _json(schema: Schema) -> Schema:
    return {"content": {"application/json": {"schema": schema}}}


def _op(
    summary: str,
    ok: tuple[int, str],
    errors: tuple[int, ...],
    *,
    scope: str | None,
    parameters: Sequence[Schema] = (),
    body: str | None = None,
) -> Schema:
    status, schema = ok
    responses: dict[str, Schema] = {str(status): {"description": "Done.", **_json(_ref(schema))}}
    for code in sorted({400, 401, 429, *errors} if scope else set(errors)):
        responses[str(code)] = {"$ref": f"#/components/responses/E{code}"}
    responses["default"] = {"$ref": "#/components/responses/Error"}
    op: Schema = {
        "summary": summary,
        "operationId": "",
        "responses": responses,
        "parameters": list(parameters),
    }
    if scope:
        op["description"] = f"Needs a token with the `{scope}` scope."
        op["security"] = [{"bearer": [scope]}]
    else:
        op["security"] = []
    if body:
        content = _json(_ref(body))
        content["content"]["application/json"]["example"] = EXAMPLES[body]
        op["requestBody"] = {"required": True, **content}
    return op


def _query(name: str, schema: Schema, description: str = "") -> Schema:
    param: Schema = {"name": name, "in": "query", "required": False, "schema": schema}
    if description:
        param["description"] = description
    return param


def _path(name: str) -> Schema:
    return {"name": name, "in": "path", "required": True, "schema": _ID, "example": 1}


_DATE: Schema = {"type": "string", "format": "date"}
_PAGING = [
    _query(
        "limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}
    ),
    _query("cursor", {"type": "string", "maxLength": 2000}, "next_cursor of the previous page."),
]
_ASSIGNEE = _query(
    "assignee",
    {"type": "string", "pattern": ASSIGNEE},
    "me, nobody or a user id.",
)
_Q = _query(
    "q",
    {"type": "string", "maxLength": 500},
    "Full-text search, combinable with every filter (422 where search is not available).",
)
_CLAIM_FILTERS = [
    _query("status", {"enum": list(STATUSES)}),
    _ASSIGNEE,
    _query("article_id", _ID),
    _query("source_id", _ID, "Claims citing this source."),
    _query("source_scope", {"enum": list(SOURCE_SCOPES), "default": "primary"}),
    _query("language", {"type": "string", "maxLength": 8}),
    _query("min_score", {"type": "number", "minimum": 0, "maximum": 1}),
    _query("checkworthy", {"type": "boolean"}, "true: check-worthy claims only."),
    _query("date_field", {"enum": list(DATE_FIELDS), "default": "published"}),
    _query("date_from", _DATE),
    _query("date_to", _DATE),
    _query("sort", {"enum": list(SORTS), "default": "score"}),
    _Q,
]
_ARTICLE_FILTERS = [
    _query("language", {"type": "string", "maxLength": 8}),
    _query("outlet_id", _ID),
    _query("published_from", _DATE),
    _query("published_to", _DATE),
    _query("status", {"enum": list(STATUSES)}, "Articles with a claim of this status."),
    _ASSIGNEE,
    _query("source_id", _ID, "Articles with a claim citing this source."),
    _Q,
]
_SOURCE_FILTERS = [
    _query("q", {"type": "string", "maxLength": 300}, "A part of the name or an alias."),
    _query("kind", {"enum": list(SOURCE_KINDS)}),
    _query("status", {"enum": list(SOURCE_STATUSES)}),
]
_CLAIM = [_path("claim_id")]

PATHS: dict[str, dict[str, Schema]] = {
    "/api/openapi.json": {
        "get": {
            **_op("This document", (200, "Error"), (), scope=None),
            "responses": {
                "200": {"description": "The OpenAPI document.", **_json({"type": "object"})}
            },
        }
    },
    "/api/claims": {
        "get": _op(
            "Claims the review queue shows, filtered and sorted, a page at a time",
            (200, "ClaimPage"),
            (422,),
            scope="read",
            parameters=[*_CLAIM_FILTERS, *_PAGING],
        )
    },
    "/api/claims/{claim_id}": {
        "get": _op("One claim", (200, "Claim"), (404,), scope="read", parameters=_CLAIM)
    },
    "/api/claims/{claim_id}/evidence": {
        "get": _op(
            "A claim's evidence, removed pieces included",
            (200, "EvidenceList"),
            (404,),
            scope="read",
            parameters=_CLAIM,
        ),
        "post": _op(
            "Add evidence to a claim",
            (201, "Evidence"),
            (403, 404, 409, 413, 415, 422),
            scope="review",
            parameters=_CLAIM,
            body="NewEvidence",
        ),
    },
    "/api/claims/{claim_id}/cluster": {
        "get": _op(
            "The cluster of the same claim seen in other articles",
            (200, "ClaimCluster"),
            (404,),
            scope="read",
            parameters=_CLAIM,
        )
    },
    "/api/claims/{claim_id}/history": {
        "get": _op(
            "The claim's audit events, oldest first",
            (200, "History"),
            (404,),
            scope="read",
            parameters=_CLAIM,
        )
    },
    "/api/claims/{claim_id}/comments": {
        "get": _op(
            "The claim's comments, oldest first",
            (200, "CommentList"),
            (404,),
            scope="read",
            parameters=_CLAIM,
        ),
        "post": _op(
            "Comment on a claim; @names mention colleagues",
            (201, "PostedComment"),
            (403, 404, 409, 413, 415, 422),
            scope="review",
            parameters=_CLAIM,
            body="NewComment",
        ),
    },
    "/api/claims/{claim_id}/status": {
        "post": _op(
            "Set the claim's status with a rationale (optimistic locking by version)",
            (200, "Claim"),
            (403, 404, 409, 413, 415, 422),
            scope="review",
            parameters=_CLAIM,
            body="StatusChange",
        )
    },
    "/api/claims/{claim_id}/dismissal": {
        "post": _op(
            "Dismiss the claim (not a claim, duplicate, not check-worthy), or restore it with "
            "reason null; it leaves or rejoins the queue, counts and reports (optimistic "
            "locking by version)",
            (200, "Claim"),
            (403, 404, 409, 413, 415, 422),
            scope="review",
            parameters=_CLAIM,
            body="Dismissal",
        )
    },
    "/api/claims/{claim_id}/assignee": {
        "post": _op(
            "Assign the claim to a user, or to nobody (optimistic locking by version)",
            (200, "Claim"),
            (403, 404, 409, 413, 415, 422),
            scope="review",
            parameters=_CLAIM,
            body="Assignment",
        )
    },
    "/api/articles": {
        "get": _op(
            "Articles, newest first, a page at a time",
            (200, "ArticlePage"),
            (422,),
            scope="read",
            parameters=[*_ARTICLE_FILTERS, *_PAGING],
        ),
        "post": _op(
            "Ingest an article: store it and the claims found in it",
            (201, "IngestResult"),
            (403, 404, 409, 413, 415, 422),
            scope="ingest",
            body="NewArticle",
        ),
    },
    "/api/articles/{article_id}": {
        "get": _op(
            "One article (without its body)",
            (200, "Article"),
            (404,),
            scope="read",
            parameters=[_path("article_id")],
        )
    },
    "/api/articles/{article_id}/claims": {
        "get": {
            **_op(
                "An article's claims in text order",
                (200, "Claim"),
                (404,),
                scope="read",
                parameters=[_path("article_id")],
            ),
        }
    },
    "/api/sources": {
        "get": _op(
            "Registry sources by name, a page at a time",
            (200, "SourcePage"),
            (422,),
            scope="read",
            parameters=[*_SOURCE_FILTERS, *_PAGING],
        )
    },
    "/api/sources/{source_id}": {
        "get": _op(
            "One source with its track record",
            (200, "Source"),
            (404,),
            scope="read",
            parameters=[_path("source_id")],
        )
    },
}
# Links: where a response's ids lead (documentation, and schemathesis's stateful phase).
_CLAIM_OPS = (
    "get_claims_claim_id",
    "get_claims_claim_id_evidence",
    "post_claims_claim_id_evidence",
    "get_claims_claim_id_history",
    "get_claims_claim_id_comments",
    "get_claims_claim_id_cluster",
    "post_claims_claim_id_status",
    "post_claims_claim_id_assignee",
    "post_claims_claim_id_dismissal",
)


def _links(operations: Sequence[str], parameter: str, expression: str) -> dict[str, Schema]:
    """Links named by the operation they lead to, passing `expression` as `parameter`."""
    return {op: {"operationId": op, "parameters": {parameter: expression}} for op in operations}


LINKS: dict[tuple[str, str, str], dict[str, Schema]] = {
    ("/api/articles", "post", "201"): _links(
        ("get_articles_article_id", "get_articles_article_id_claims"),
        "article_id",
        "$response.body#/id",
    ),
    ("/api/claims/{claim_id}", "get", "200"): _links(_CLAIM_OPS, "claim_id", "$response.body#/id"),
    ("/api/claims/{claim_id}/status", "post", "200"): _links(
        _CLAIM_OPS, "claim_id", "$response.body#/id"
    ),
    ("/api/claims/{claim_id}/assignee", "post", "200"): _links(
        _CLAIM_OPS, "claim_id", "$response.body#/id"
    ),
    ("/api/claims/{claim_id}/dismissal", "post", "200"): _links(
        _CLAIM_OPS, "claim_id", "$response.body#/id"
    ),
    ("/api/claims/{claim_id}/evidence", "post", "201"): _links(
        ("get_claims_claim_id_evidence", "get_claims_claim_id_history"),
        "claim_id",
        "$response.body#/claim_id",
    ),
}
for (_path_key, _method, _code), _found in LINKS.items():
    PATHS[_path_key][_method]["responses"][_code]["links"] = _found

PATHS["/api/articles/{article_id}/claims"]["get"]["responses"]["200"] = {
    "description": "Done.",
    **_json({"type": "array", "items": _ref("Claim")}),
}


@cache
def document() -> Schema:
    """The OpenAPI document (built once; treat it as read-only)."""
    paths: dict[str, dict[str, Schema]] = {}
    for path, operations in PATHS.items():
        paths[path] = {}
        for method, op in operations.items():
            name = path.removeprefix("/api/").replace("{", "").replace("}", "")
            op_id = method + "_" + name.replace("/", "_").replace(".", "_")
            paths[path][method] = {**op, "operationId": op_id}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Claim tracker API",
            "version": "1",
            "description": "Claims, articles, sources and their review. Authenticate with "
            "`Authorization: Bearer <token>` (`tracker token create`). Lists are paged by an "
            "opaque cursor; every error is JSON with a stable `error` code and a `message`.",
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS,
            "responses": {
                "Error": {"description": "An error.", **_json(_ref("Error"))},
                **{
                    f"E{code}": {"description": text, **_json(_ref("Error"))}
                    for code, text in _ERRORS.items()
                },
            },
        },
    }
