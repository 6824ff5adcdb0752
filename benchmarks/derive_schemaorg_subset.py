"""Derive the schema.org subset the ClaimReview export uses, for tests that need no network.

    .venv/bin/python benchmarks/derive_schemaorg_subset.py \
        ../shared/vocab/schemaorg-current-https.jsonld

Keeps the types the export writes, their ancestors, and every property whose domain includes
one of them (with domains and ranges), and writes tracker/reports/schemaorg_subset.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tracker" / "reports" / "schemaorg_subset.json"
# The types tracker/reports/claimreview.py writes.
USED_TYPES = (
    "ClaimReview",
    "Rating",
    "Claim",
    "CreativeWork",
    "NewsArticle",
    "Organization",
    "NewsMediaOrganization",
    "GovernmentOrganization",
    "Person",
)


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(item["@id"]).removeprefix("schema:") for item in items if isinstance(item, dict)]


def _is(node: dict[str, Any], kind: str) -> bool:
    types = node.get("@type", [])
    return kind in (types if isinstance(types, list) else [types])


def derive(vocab: dict[str, Any]) -> dict[str, Any]:
    graph = [n for n in vocab["@graph"] if str(n.get("@id", "")).startswith("schema:")]
    classes = {
        n["@id"].removeprefix("schema:"): _ids(n.get("rdfs:subClassOf"))
        for n in graph
        if _is(n, "rdfs:Class")
    }
    keep: set[str] = set()
    todo = list(USED_TYPES)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        if name not in classes:
            raise SystemExit(f"schema.org has no type {name}")
        keep.add(name)
        todo.extend(classes[name])
    properties = {}
    for node in graph:
        if not _is(node, "rdf:Property"):
            continue
        domains = _ids(node.get("schema:domainIncludes"))
        if keep.intersection(domains):
            properties[node["@id"].removeprefix("schema:")] = {
                "domainIncludes": sorted(domains),
                "rangeIncludes": sorted(_ids(node.get("schema:rangeIncludes"))),
            }
    return {
        "source": "schema.org vocabulary (schemaorg-current-https.jsonld), derived subset",
        "types": {name: {"subClassOf": sorted(classes[name])} for name in sorted(keep)},
        "properties": dict(sorted(properties.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vocabulary", type=Path, help="schemaorg-current-https.jsonld")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    subset = derive(json.loads(args.vocabulary.read_text(encoding="utf-8")))
    args.output.write_text(json.dumps(subset, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(subset['types'])} types, {len(subset['properties'])} properties -> {args.output}")


if __name__ == "__main__":
    main()
