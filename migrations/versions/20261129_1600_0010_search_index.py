"""Full-text search index over claims, articles and sources, built for the existing rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 15:00:00

Tables (see tracker/services/search_index.py): claim_search, article_search, source_search.
SQLite: FTS5 virtual tables (tokenizer unicode61, diacritics kept: the terms arrive folded).
PostgreSQL: tsvector columns built with the built-in `simple` configuration (lower-case, no
stemming) and GIN indexes.

Stemming is pinned here, the same on both databases: the terms are stemmed in Python by the
`snowballstemmer` package 3.x, Dutch by Snowball 3.0's new `dutch` algorithm (the one PostgreSQL
19 calls `dutch`; PostgreSQL 15-18's `dutch` is the older Porter-style algorithm, renamed
`dutch_porter` in 19, which keeps "verklaarde" and "verklaren" apart), English by Snowball's
`english` (Porter2). PostgreSQL's own dutch/english configurations are not used, so an upgrade
of the server does not change what a query finds.
"""

from __future__ import annotations

from alembic import op

from tracker.services import search_index

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    search_index.create_tables(conn)
    search_index.rebuild(conn)


def downgrade() -> None:
    search_index.drop_tables(op.get_bind())
