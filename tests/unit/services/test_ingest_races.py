"""Ingesting the same text from many clients at once stores it once (threads, real database)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from tracker.db import make_session_factory
from tracker.models import Article
from tracker.services.errors import DuplicateArticle
from tracker.services.ingest import ArticleInput, ingest_article


@dataclass
class Outcomes:
    stored: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)


BODY = (
    "De gemeenteraad van Zwolle stemt volgende week over een nieuw parkeerplan. "
    "Wethouder Fleur Mulder zegt dat de tarieven in het centrum met een kwart stijgen. "
    "Volgens de ondernemersvereniging kost het plan winkels klanten. {n}"
)


def _ingest_at_once(factory: sessionmaker[Session], body: str, clients: int) -> Outcomes:
    """`clients` threads ingest `body` at the same moment, each in its own session."""
    start = threading.Barrier(clients)
    out = Outcomes()

    def client() -> None:
        with factory() as session:
            start.wait()
            try:
                # the rounds are variants of one text on purpose: separate, not new versions
                article = ingest_article(
                    session, ArticleInput(body=body, language="nl"), separate=True
                )
                session.commit()
                out.stored.append(article.id)
            except DuplicateArticle as err:
                session.rollback()
                out.duplicates.append(err.article_id)
            except BaseException as err:
                out.errors.append(err)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out


def test_ten_clients_ingesting_one_text_at_once_store_it_once(engine: Engine) -> None:
    factory = make_session_factory(engine)
    for round_ in range(3):
        body = BODY.format(n=round_)
        out = _ingest_at_once(factory, body, 10)
        assert out.errors == []
        with factory() as session:
            ids = session.scalars(select(Article.id).where(Article.body == body)).all()
            total = session.scalar(select(func.count()).select_from(Article))
        assert len(ids) == 1, f"round {round_}: stored {len(ids)} times"
        assert out.stored == ids and out.duplicates == ids * 9
        assert total == round_ + 1
