"""Users' e-mail and name look-alike keys, unique (no two users may look the same)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 12:45:00

Existing users get their keys computed here. Where existing users already look alike, the
oldest keeps the plain key and each later one gets its id appended after a control character
(which a computed key never holds), so nobody is locked out and new look-alikes are refused.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import sqlalchemy as sa
from alembic import op
from confusable_homoglyphs import confusables

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# The key as services/lookalikes.py computed it when this revision was written, copied so the
# migration stays frozen whatever the app's code becomes.
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _plain(char: str) -> str:
    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin", "common"])
    for hit in found or []:
        for glyph in hit["homoglyphs"]:
            if glyph["c"].isascii():
                return str(glyph["c"]).casefold()
    return char


def skeleton(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    visible = "".join(c for c in folded if unicodedata.category(c) not in ("Cc", "Cf"))
    plain = "".join(c if c.isascii() else _plain(c) for c in visible)
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", plain)).strip()


def upgrade() -> None:
    # Plain ADD COLUMN, nullable: SQLite would have to rebuild `users` for NOT NULL, which the
    # foreign keys to it forbid; services.users always sets both keys.
    op.add_column("users", sa.Column("email_key", sa.String(length=800), nullable=True))
    op.add_column("users", sa.Column("name_key", sa.String(length=800), nullable=True))
    conn = op.get_bind()
    users = sa.table(
        "users",
        sa.column("id", sa.Integer()),
        sa.column("email", sa.String()),
        sa.column("name", sa.String()),
        sa.column("email_key", sa.String()),
        sa.column("name_key", sa.String()),
    )
    taken: dict[str, set[str]] = {"email_key": set(), "name_key": set()}
    for uid, email, name in conn.execute(
        sa.select(users.c.id, users.c.email, users.c.name).order_by(users.c.id)
    ):
        keys = {}
        for column, value in (("email_key", email), ("name_key", name)):
            key = skeleton(value)
            if key in taken[column]:
                key = f"{key}\x01{uid}"
            taken[column].add(key)
            keys[column] = key
        conn.execute(users.update().where(users.c.id == uid).values(**keys))
    op.create_index("uq_users_email_key", "users", ["email_key"], unique=True)
    op.create_index("uq_users_name_key", "users", ["name_key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_users_name_key", table_name="users")
    op.drop_index("uq_users_email_key", table_name="users")
    op.execute("ALTER TABLE users DROP COLUMN name_key")
    op.execute("ALTER TABLE users DROP COLUMN email_key")
