"""Linking an article's source mentions to sources, as ingest stores its claims.

- A mention whose words (or, for a pronoun or short name, the earlier full mention the
  extractor resolved it to) are a *name* links to the registry entry of that name, created as
  `proposed` when new; a proposed entry seen again in another article becomes confirmed.
- A *description* ("een Russische soldaat") links to a described source of this article only,
  shared by the article's equal descriptions and never matched in another article.
- Words that are *not a name* (an unresolved "hij", "that Leeds") link to no source: the hop
  keeps the words and cue, and the claim panel asks the fact-checker to choose.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from .. import extract
from ..models import SOURCE_KINDS, Article, Source, User, name_key
from .errors import InvalidInput
from .source_names import classify_mention, name_tokens, naming_part, registry_name
from .sources import (
    _ARTICLES,
    cited_in_other_article,
    confirm_source,
    create_source,
    creation_event,
    find_source,
    new_source,
)


class ArticleSources:
    """The sources of one article being ingested (what its mentions have linked to so far)."""

    def __init__(self, session: Session, article: Article, actor: User | None = None) -> None:
        self.session = session
        self.article = article
        self.actor = actor  # whom a confirmation made while linking is audited as
        self._named: dict[str, Source] = {}
        self._people: list[tuple[list[str], Source]] = []
        self._described: dict[str, Source] = {}
        self._checked: set[int] = set()
        self._created: list[Source] = []

    @staticmethod
    def outlet(session: Session, name: str, actor: User | None = None) -> Source:
        """The outlet a person gave with the article: a confirmed registry entry."""
        found = find_source(session, name)
        if found is None and not classify_mention(name, "outlet").is_name:
            raise InvalidInput(
                "the outlet %(name)r is not a name; give the outlet's name or leave it empty",
                name=name,
            )
        if found is None:
            return create_source(session, registry_name(name, "outlet"), "outlet")
        if found.status != "confirmed":
            confirm_source(session, found, actor, reason="outlet of an article", article_id=None)
        return found

    def link(self, mention: extract.SourceMention) -> Source | None:
        """The source a hop's mention links to, or None when its words are not a name."""
        kind = mention.kind if mention.kind in SOURCE_KINDS else "person"
        resolved = mention.resolved
        words = naming_part(resolved.text if resolved is not None else mention.text)
        check = classify_mention(words, kind)
        if check.form == "not_a_name":
            return None
        if check.form == "description":
            return self._describe(words, kind)
        return self._name(registry_name(words, kind), kind, short=resolved is None)

    def _describe(self, words: str, kind: str) -> Source:
        key = name_key(words)
        found = self._described.get(key)
        if found is None:
            found = self._create(words, kind, article_id=self.article.id)
            self._described[key] = found
        return found

    def _create(self, name: str, kind: str, *, article_id: int | None = None) -> Source:
        """A new proposed source, added to the session; stored at the caller's next flush and
        audited by `creation_events`, so linking a whole article costs one flush."""
        source = new_source(name, kind, status="proposed", article_id=article_id)
        source.aliases = []  # a new source has none: no query to find that out
        self.session.add(source)
        self._created.append(source)
        return source

    def creation_events(self) -> list[dict[str, Any]]:
        """The audit events (`audit.record_many` entries) of the sources linking created, once
        they are flushed (created by the system, as extraction proposes them)."""
        events = [creation_event(source, None) for source in self._created]
        self._created = []
        return events

    def _name(self, name: str, kind: str, *, short: bool) -> Source:
        key = name_key(name)
        if key in self._named:
            return self._named[key]
        if key.startswith(_ARTICLES) and key.split(" ", 1)[1] in self._named:
            # "the Ministry" after "Ministry" (not flushed yet): `find_source` would find it
            return self._named[key.split(" ", 1)[1]]
        tokens = name_tokens(name)
        if short and kind == "person":
            # "De Vries" after "Anna de Vries" in the same article, when the extractor gave no
            # resolution: the one earlier person whose name ends in these words.
            fuller = {
                s.id: s
                for t, s in self._people
                if len(t) > len(tokens) and t[-len(tokens) :] == tokens
            }
            if len(fuller) == 1:
                source = next(iter(fuller.values()))
                self._named[key] = source
                return source
        found = find_source(self.session, name)
        source = self._create(name, kind) if found is None else found
        if found is not None and source.status == "proposed" and source.id not in self._checked:
            self._checked.add(source.id)
            if cited_in_other_article(self.session, source.id, self.article.id):
                confirm_source(
                    self.session,
                    source,
                    self.actor,
                    reason="recurs in another article",
                    article_id=self.article.id,
                )
        self._named[key] = source
        if source.kind == "person":
            self._people.append((tokens, source))
        return source
