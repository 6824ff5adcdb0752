"""PROV-O JSON-LD of the provenance chains, with its @context embedded (no remote loads).

For each claim: the claim as the article states it is a prov:Entity; each hop of its chain is
the statement as that hop's source made it (prov:Entity, prov:wasAttributedTo the source as a
prov:Agent, with a qualified attribution whose prov:hadRole names the role: cited source,
intermediary, primary source, anonymous source). The claim prov:wasQuotedFrom (a quote) or
prov:wasDerivedFrom hop 0, each hop wasDerivedFrom the next, and the claim
prov:hadPrimarySource the last hop. A hop without a source (hearsay) has no attribution.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..services.reports import ClaimRecord, HopRecord, ReportMeta, SourceRecord
from .common import iso

TRACKER_NS = "https://claim-tracker.example.org/ns#"

CONTEXT: dict[str, Any] = {
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "trk": TRACKER_NS,
    "Entity": "prov:Entity",
    "Agent": "prov:Agent",
    "Person": "prov:Person",
    "Organization": "prov:Organization",
    "Attribution": "prov:Attribution",
    "Role": "prov:Role",
    "Activity": "prov:Activity",
    "label": "http://www.w3.org/2000/01/rdf-schema#label",
    "value": "prov:value",
    "title": "dcterms:title",
    "isPartOf": {"@id": "dcterms:isPartOf", "@type": "@id"},
    "source": {"@id": "dcterms:source", "@type": "@id"},
    "wasAttributedTo": {"@id": "prov:wasAttributedTo", "@type": "@id"},
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "wasQuotedFrom": {"@id": "prov:wasQuotedFrom", "@type": "@id"},
    "hadPrimarySource": {"@id": "prov:hadPrimarySource", "@type": "@id"},
    "qualifiedAttribution": {"@id": "prov:qualifiedAttribution"},
    "agent": {"@id": "prov:agent", "@type": "@id"},
    "hadRole": {"@id": "prov:hadRole", "@type": "@id"},
    "wasGeneratedBy": {"@id": "prov:wasGeneratedBy", "@type": "@id"},
    "wasAssociatedWith": {"@id": "prov:wasAssociatedWith", "@type": "@id"},
    "used": {"@id": "prov:used", "@type": "@id"},
    "endedAtTime": {"@id": "prov:endedAtTime", "@type": "xsd:dateTime"},
    "generatedAtTime": {"@id": "prov:generatedAtTime", "@type": "xsd:dateTime"},
    "sourceKind": "trk:sourceKind",
    "attributionKind": "trk:attributionKind",
    "cue": "trk:cue",
    "hearsay": {"@id": "trk:hearsay", "@type": "xsd:boolean"},
    "position": {"@id": "trk:position", "@type": "xsd:integer"},
    "anonymityReason": "trk:anonymityReason",
    "status": "trk:status",
    "rationale": "trk:rationale",
    "stance": "trk:stance",
    "archivedSha256": "trk:archivedSha256",
    "url": {"@id": "trk:url", "@type": "@id"},
}

ROLES = {
    "anonymous": "trk:AnonymousSource",
    "primary": "trk:PrimarySource",
    "cited": "trk:CitedSource",
    "intermediary": "trk:Intermediary",
}
_PERSONS = {"person", "anonymous"}
_ORGS = {"outlet", "organization", "government", "agency", "group"}


def _base(meta: ReportMeta) -> str:
    return meta.newsroom_url.rstrip("/") + "/tracker/"


def agent_node(meta: ReportMeta, source: SourceRecord) -> dict[str, Any]:
    types = ["Agent"]
    if source.kind in _PERSONS:
        types.append("Person")
    elif source.kind in _ORGS:
        types.append("Organization")
    node: dict[str, Any] = {
        "@id": f"{_base(meta)}source/{source.id}",
        "@type": types,
        "label": source.name,
        "sourceKind": source.kind,
    }
    if source.anonymity_reason:
        node["anonymityReason"] = source.anonymity_reason
    return node


def _role(hop: HopRecord, last: int) -> list[str]:
    roles = []
    if hop.source is not None and hop.source.kind == "anonymous":
        roles.append(ROLES["anonymous"])
    if hop.position == 0:
        roles.append(ROLES["cited"])
    if hop.position == last:
        roles.append(ROLES["primary"])
    elif hop.position > 0:
        roles.append(ROLES["intermediary"])
    return roles


def claim_nodes(meta: ReportMeta, claim: ClaimRecord) -> list[dict[str, Any]]:
    """The claim, its hops and its review as PROV nodes (agents are written separately)."""
    base = _base(meta)
    cid = f"{base}claim/{claim.id}"
    node: dict[str, Any] = {
        "@id": cid,
        "@type": "Entity",
        "value": claim.text,
        "isPartOf": f"{base}article/{claim.article.id}",
        "status": claim.status,
        "hearsay": claim.hearsay,
    }
    if claim.cue:
        node["cue"] = claim.cue
    nodes = [node]
    last = len(claim.chain) - 1
    for hop in claim.chain:
        hid = f"{cid}/hop/{hop.position}"
        hop_node: dict[str, Any] = {
            "@id": hid,
            "@type": "Entity",
            "position": hop.position,
            "attributionKind": hop.kind,
            "hearsay": hop.source is None,
        }
        if hop.cue:
            hop_node["cue"] = hop.cue
        if hop.source is not None:
            aid = f"{base}source/{hop.source.id}"
            hop_node["wasAttributedTo"] = aid
            hop_node["qualifiedAttribution"] = {
                "@type": "Attribution",
                "agent": aid,
                "hadRole": _role(hop, last),
            }
        if hop.position < last:
            deeper = claim.chain[hop.position + 1]
            link = "wasQuotedFrom" if deeper.kind == "quote" else "wasDerivedFrom"
            hop_node[link] = f"{cid}/hop/{hop.position + 1}"
        nodes.append(hop_node)
    if claim.chain:
        first = claim.chain[0]
        node["wasQuotedFrom" if first.kind == "quote" else "wasDerivedFrom"] = f"{cid}/hop/0"
        if claim.chain[-1].source is not None:  # hearsay names no primary source
            node["hadPrimarySource"] = f"{cid}/hop/{last}"
    if claim.reviewed_at is not None:
        review_id = f"{cid}/review"
        review: dict[str, Any] = {
            "@id": review_id,
            "@type": "Activity",
            "endedAtTime": iso(claim.reviewed_at),
            "rationale": claim.rationale,
            "used": [cid, *(f"{cid}/evidence/{ev.id}" for ev in claim.evidence)],
        }
        if claim.reviewer:
            review["wasAssociatedWith"] = {"@type": "Agent", "label": claim.reviewer}
        nodes.append(review)
        for ev in claim.evidence:
            ev_node: dict[str, Any] = {
                "@id": f"{cid}/evidence/{ev.id}",
                "@type": "Entity",
                "url": ev.url,
                "stance": ev.stance,
            }
            if ev.archived_sha256:
                ev_node["archivedSha256"] = ev.archived_sha256
            nodes.append(ev_node)
    return nodes


def render_prov(meta: ReportMeta, claims: Iterable[ClaimRecord]) -> Iterator[str]:
    """A JSON-LD document with an embedded context; each source agent is written once."""
    yield '{\n "@context": ' + json.dumps(CONTEXT) + ',\n "@graph": ['
    seen_agents: set[int] = set()
    seen_articles: set[int] = set()
    first = True

    def emit(node: dict[str, Any]) -> str:
        nonlocal first
        text = ("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False)
        first = False
        return text

    for claim in claims:
        if claim.article.id not in seen_articles:
            seen_articles.add(claim.article.id)
            article: dict[str, Any] = {
                "@id": f"{_base(meta)}article/{claim.article.id}",
                "@type": "Entity",
                "title": claim.article.title,
            }
            if claim.article.url:
                article["url"] = claim.article.url
            if claim.article.outlet:
                article["wasAttributedTo"] = f"{_base(meta)}source/{claim.article.outlet.id}"
                if claim.article.outlet.id not in seen_agents:
                    seen_agents.add(claim.article.outlet.id)
                    yield emit(agent_node(meta, claim.article.outlet))
            yield emit(article)
        for hop in claim.chain:
            if hop.source is not None and hop.source.id not in seen_agents:
                seen_agents.add(hop.source.id)
                yield emit(agent_node(meta, hop.source))
        for node in claim_nodes(meta, claim):
            yield emit(node)
    yield "\n ]\n}\n"
