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

# The index is derived data: its rows are made by the running code's analyser (stems, numbers),
# the one every later reindex uses, so that one function is imported; the tables are frozen here.
from tracker.services.search_index import rebuild

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = {"claim": "claims", "article": "articles", "source": "sources"}
KEYS = {"claim": "claim_id", "article": "article_id", "source": "source_id"}


def upgrade() -> None:
    conn = op.get_bind()
    for kind, parent in TABLES.items():
        table = f"{kind}_search"
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {table} USING fts5("
                "raw, nl, en, tokenize = 'unicode61 remove_diacritics 0')"
            )
        else:
            conn.exec_driver_sql(
                f"CREATE TABLE {table} ({KEYS[kind]} integer NOT NULL PRIMARY KEY "
                f"REFERENCES {parent} (id) ON DELETE CASCADE, terms tsvector NOT NULL)"
            )
            conn.exec_driver_sql(f"CREATE INDEX ix_{table}_terms ON {table} USING gin (terms)")
    rebuild(conn)


def downgrade() -> None:
    for kind in TABLES:
        op.get_bind().exec_driver_sql(f"DROP TABLE IF EXISTS {kind}_search")
