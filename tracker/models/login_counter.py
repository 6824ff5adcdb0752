"""Counts of failed logins, shared by every worker and server that uses the database."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class LoginCounter(Base):
    """One counter: `scope` (what is counted: an address, an unknown account), its `key`, and
    the length of its window in seconds (`period`). `window_start` (epoch seconds) is the start
    of the current window, or for a run of failures in a row the time of the last one."""

    __tablename__ = "login_counters"

    scope: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    period: Mapped[int] = mapped_column(Integer, primary_key=True)
    window_start: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
