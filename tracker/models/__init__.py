"""Typed SQLAlchemy models, one module per aggregate."""

from ..db import Base
from .article import DATE_PRECISIONS, Article
from .audit import GENESIS_HASH, AuditEvent
from .claim import (
    ATTRIBUTION_KINDS,
    DISMISS_REASONS,
    ORIGINS,
    QUOTE_CONTEXT,
    STANCES,
    STATUSES,
    VERDICTS,
    Attribution,
    Claim,
    ClaimCluster,
    Evidence,
    in_review,
    is_unsplit,
)
from .comment import MAX_COMMENT, Comment, Mention
from .login_counter import LoginCounter
from .matching import MATCH_STATUSES, ClaimMatch
from .source import SOURCE_KINDS, Source, SourceAlias, name_key
from .tally import ClaimCount, CountedClaim
from .user import ROLES, ApiToken, User

__all__ = [
    "ATTRIBUTION_KINDS",
    "DATE_PRECISIONS",
    "DISMISS_REASONS",
    "GENESIS_HASH",
    "MATCH_STATUSES",
    "MAX_COMMENT",
    "ORIGINS",
    "QUOTE_CONTEXT",
    "ROLES",
    "SOURCE_KINDS",
    "STANCES",
    "STATUSES",
    "VERDICTS",
    "ApiToken",
    "Article",
    "Attribution",
    "AuditEvent",
    "Base",
    "Claim",
    "ClaimCluster",
    "ClaimCount",
    "ClaimMatch",
    "Comment",
    "CountedClaim",
    "Evidence",
    "LoginCounter",
    "Mention",
    "Source",
    "SourceAlias",
    "User",
    "in_review",
    "is_unsplit",
    "name_key",
]
