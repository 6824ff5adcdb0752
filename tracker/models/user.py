"""Users and their API tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base
from ._types import UTCDateTime, in_list, utcnow

ROLES = ("factchecker", "editor", "admin")


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(in_list("role", ROLES), name="role"),
        Index("uq_users_email_key", "email_key", unique=True),
        Index("uq_users_name_key", "name_key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # What the e-mail and the name look like (services.lookalikes.skeleton): no two users may
    # look the same, whatever Unicode look-alikes or full-width letters they are written with.
    # Set by services.users; nullable only because SQLite cannot add NOT NULL to a referenced
    # table without rebuilding it (migration 0006).
    email_key: Mapped[str | None] = mapped_column(String(800))
    name_key: Mapped[str | None] = mapped_column(String(800))
    role: Mapped[str] = mapped_column(String(20), default="factchecker")
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    # Raised by logout, a password change and deactivation; a login session carries the value it
    # was made with and is over as soon as the two differ (on every device at once).
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="owner")

    # Flask-Login's protocol, kept here so the model needs no Flask import.
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(500), default="read")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())

    owner: Mapped[User] = relationship(back_populates="tokens")

    @property
    def scope_set(self) -> frozenset[str]:
        return frozenset(self.scopes.split())
