"""Every report format on a fixture with every status, hearsay, a two-hop chain, an anonymous
source and a correction."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pyld import jsonld
from pypdf import PdfReader
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.reports.fixture import HOSTILE, SHA, ReportFixture, build
from tests.unit.reports.helpers import export, meta_for
from tracker.models import Claim
from tracker.reports import pdf as pdf_module
from tracker.reports.common import DEFAULT_METHODOLOGY, methodology_text
from tracker.reports.csv_report import COLUMNS, safe_cell
from tracker.reports.json_report import load_schema
from tracker.reports.render import render
from tracker.services import review, sources
from tracker.services.reports import ReportFilter, iter_claims

SUBSET = json.loads(
    (Path(__file__).resolve().parents[3] / "tracker/reports/schemaorg_subset.json").read_text()
)


@pytest.fixture
def fx(session: Session, people: People) -> ReportFixture:
    return build(session, people)


def _flt(fx: ReportFixture) -> ReportFilter:
    return ReportFilter(article_id=fx.article_id)


def test_csv_parses_back_with_one_row_per_claim(session: Session, fx: ReportFixture) -> None:
    text = export(session, "csv", _flt(fx)).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == COLUMNS
    by_id = {int(r["claim_id"]): r for r in rows}
    assert {fx.hearsay_id, fx.two_hop_id, fx.anonymous_id, fx.verified_id} <= set(by_id)
    assert len(by_id) == len(rows)
    assert {r["status"] for r in rows} == {"unreviewed", "verified", "disputed", "unsourced"}
    hearsay = by_id[fx.hearsay_id]
    assert hearsay["hearsay"] == "yes" and hearsay["cue"] == "naar verluidt"
    assert hearsay["primary_source"] == "(no source)"
    two = by_id[fx.two_hop_id]
    assert "0: Noordpost" in two["chain"] and "1: Havenarbeiders in Rotterdam" in two["chain"]
    assert two["primary_source"] == "Havenarbeiders in Rotterdam"
    assert two["evidence_urls"] == "https://cao.example.org/haven-2024"
    assert SHA in two["evidence"]
    assert "disputed -> verified" in two["corrections"]
    assert two["rationale"].startswith("'=HYPERLINK")  # formula injection defused
    assert two["reviewer"] == "Editor"
    assert fx.reason in by_id[fx.anonymous_id]["anonymity_reasons"]
    assert by_id[fx.unreviewed_id]["reviewed_at"] == ""


@pytest.mark.parametrize(
    "prefix", ["=", "+", "-", "@", "\t", "\r", " =", "\n=", "\xa0=", "\uff1d", "\uff0b"]
)
def test_safe_cell_defuses_formulas(prefix: str) -> None:
    assert safe_cell(prefix + "1+1") == "'" + prefix + "1+1"
    assert safe_cell("a" + prefix) == "a" + prefix
    assert safe_cell(None) == ""


def test_json_validates_against_its_schema(session: Session, fx: ReportFixture) -> None:
    data = json.loads(export(session, "json", _flt(fx)))
    jsonschema.Draft202012Validator(
        load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
    claims = {c["id"]: c for c in data["claims"]}
    two = claims[fx.two_hop_id]
    assert [h["source"]["name"] for h in two["chain"]] == [
        "Noordpost",
        "Havenarbeiders in Rotterdam",
    ]
    assert two["corrections"][0]["before"]["status"] == "disputed"
    assert two["corrections"][0]["after"]["status"] == "verified"
    assert two["evidence"][0]["archived_sha256"] == SHA
    assert claims[fx.hearsay_id]["hearsay"] is True
    assert claims[fx.anonymous_id]["primary_source"]["anonymity_reason"] == fx.reason
    assert data["summary"]["by_status"]["verified"] == 2
    assert data["summary"]["total"] == len(data["claims"])


def _lineage(kind: str) -> set[str]:
    """A schema.org type and all its ancestors."""
    seen, todo = set(), [kind]
    while todo:
        t = todo.pop()
        seen.add(t)
        todo.extend(SUBSET["types"].get(t, {}).get("subClassOf", []))
    return seen


def _check_schemaorg(node: Any, path: str = "$") -> None:
    """Every @type and property exists in schema.org, and each property fits its type."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            _check_schemaorg(item, f"{path}[{i}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    if kind is not None:
        assert kind in SUBSET["types"], f"{path}: no schema.org type {kind}"
        ancestors, todo = set(), [kind]
        while todo:
            t = todo.pop()
            ancestors.add(t)
            todo.extend(SUBSET["types"][t]["subClassOf"])
        for key in node:
            if key.startswith("@"):
                continue
            assert key in SUBSET["properties"], f"{path}: no schema.org property {key}"
            domains = set(SUBSET["properties"][key]["domainIncludes"])
            assert domains & ancestors, f"{path}: {key} is not a property of {kind}"
            ranges = set(SUBSET["properties"][key]["rangeIncludes"])
            for value in node[key] if isinstance(node[key], list) else [node[key]]:
                if isinstance(value, dict) and "@type" in value:
                    assert _lineage(value["@type"]) & ranges, (
                        f"{path}.{key}: a {value['@type']} is none of {sorted(ranges)}"
                    )
    for key, value in node.items():
        _check_schemaorg(value, f"{path}.{key}")


def test_claimreview_has_googles_fields_and_only_schemaorg_terms(
    session: Session, fx: ReportFixture
) -> None:
    doc = json.loads(export(session, "claimreview", _flt(fx)))
    assert doc["@context"] == "https://schema.org"
    reviews = {r["url"].rsplit("/", 1)[1]: r for r in doc["@graph"]}
    assert set(reviews) == {
        str(i) for i in (fx.hearsay_id, fx.two_hop_id, fx.anonymous_id, fx.verified_id)
    }
    for one in reviews.values():
        assert one["@type"] == "ClaimReview"
        for field in ("claimReviewed", "reviewRating", "url", "author", "datePublished"):
            assert one[field], field
        assert one["reviewRating"]["alternateName"]
        assert one["reviewRating"]["worstRating"] == 1
        assert one["reviewRating"]["bestRating"] == 3
        assert one["itemReviewed"]["@type"] == "Claim"
        assert one["itemReviewed"]["appearance"]["url"] == "https://news.example.org/havenstaking"
        assert len(one["claimReviewed"]) <= 75
    _check_schemaorg(doc["@graph"])
    hearsay = reviews[str(fx.hearsay_id)]
    assert "ratingValue" not in hearsay["reviewRating"]
    assert hearsay["reviewRating"]["alternateName"] == "Unsourced"
    assert "author" not in hearsay["itemReviewed"]
    two = reviews[str(fx.two_hop_id)]
    assert two["reviewRating"]["ratingValue"] == 3
    assert two["itemReviewed"]["author"]["name"] == "Havenarbeiders in Rotterdam"
    assert two["itemReviewed"]["firstAppearance"]["publisher"]["name"] == "Noordpost"
    assert reviews[str(fx.anonymous_id)]["reviewRating"]["ratingValue"] == 1
    assert reviews[str(fx.verified_id)]["itemReviewed"]["author"]["@type"] == "Person"
    assert two["author"] == {
        "@type": "Organization",
        "name": "Demo Fact-Check Desk",
        "url": "https://factcheck.example.org",
    }


def test_claimreview_url_follows_the_newsrooms_setting(session: Session, fx: ReportFixture) -> None:
    meta = replace(
        meta_for(session, _flt(fx)), review_url="https://factcheck.example.org/checks/{id}.html"
    )
    data = b"".join(render("claimreview", meta, iter_claims(session, _flt(fx))))
    urls = {r["url"] for r in json.loads(data)["@graph"]}
    assert f"https://factcheck.example.org/checks/{fx.verified_id}.html" in urls


def test_claimreview_of_a_document_source(
    session: Session, people: People, fx: ReportFixture
) -> None:
    """A document is where the claim first appeared, never its author (a Person or an
    Organization); the chain's last person or organisation before it is the author."""
    claim = session.get(Claim, fx.unreviewed_id)
    assert claim is not None
    union = sources.create_source(session, "FNV Havens", "organization", people.editor)
    notice = sources.create_source(
        session,
        "Persbericht van de vakbond",
        "document",
        people.editor,
        url="https://vakbond.example.org/persbericht",
        article_id=claim.article_id,  # a described document, not a registry entry
    )
    review.set_chain(
        session,
        claim.id,
        [review.Hop(union.id), review.Hop(notice.id)],
        claim.version,
        people.factchecker,
    )
    review.set_status(
        session,
        claim.id,
        "verified",
        "Staat in het persbericht.",
        claim.version,
        people.factchecker,
    )
    session.commit()
    doc = json.loads(export(session, "claimreview", _flt(fx)))
    _check_schemaorg(doc["@graph"])
    item = next(r for r in doc["@graph"] if r["url"].endswith(f"/{claim.id}"))["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "FNV Havens"}
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "name": "Persbericht van de vakbond",
        "url": "https://vakbond.example.org/persbericht",
    }


def _no_remote(url: str, options: Any = None) -> Any:
    raise AssertionError(f"tried to load {url}")


def test_prov_is_json_ld_with_an_embedded_context(session: Session, fx: ReportFixture) -> None:
    doc = json.loads(export(session, "prov", _flt(fx)))
    expanded = jsonld.expand(doc, {"documentLoader": _no_remote})
    prov = "http://www.w3.org/ns/prov#"
    nodes = {n["@id"]: n for n in expanded}
    claim = next(n for i, n in nodes.items() if i.endswith(f"/claim/{fx.two_hop_id}"))
    assert claim[prov + "wasDerivedFrom"][0]["@id"].endswith(f"/claim/{fx.two_hop_id}/hop/0")
    assert claim[prov + "hadPrimarySource"][0]["@id"].endswith(f"/claim/{fx.two_hop_id}/hop/1")
    hop0 = nodes[claim[prov + "wasDerivedFrom"][0]["@id"]]
    assert hop0[prov + "wasDerivedFrom"][0]["@id"].endswith("/hop/1")
    assert prov + "wasAttributedTo" in hop0
    quoted = next(n for i, n in nodes.items() if i.endswith(f"/claim/{fx.verified_id}"))
    assert prov + "wasQuotedFrom" in quoted
    anon_hop = nodes[next(i for i in nodes if i.endswith(f"/claim/{fx.anonymous_id}/hop/0"))]
    attribution = anon_hop[prov + "qualifiedAttribution"][0]
    roles = {r["@id"] for r in attribution[prov + "hadRole"]}
    assert any(r.endswith("#AnonymousSource") for r in roles)
    hearsay_hop = nodes[next(i for i in nodes if i.endswith(f"/claim/{fx.hearsay_id}/hop/0"))]
    assert prov + "wasAttributedTo" not in hearsay_hop
    hearsay = next(n for i, n in nodes.items() if i.endswith(f"/claim/{fx.hearsay_id}"))
    assert prov + "hadPrimarySource" not in hearsay  # hearsay names no primary source
    review_activity = next(
        n for i, n in nodes.items() if i.endswith(f"/claim/{fx.hearsay_id}/review")
    )
    assert any(u["@id"].endswith(f"/claim/{fx.hearsay_id}") for u in review_activity[prov + "used"])
    # the whole graph converts to RDF without remote lookups
    assert jsonld.to_rdf(doc, {"documentLoader": _no_remote, "format": "application/n-quads"})


def test_html_escapes_and_shows_the_grounds(session: Session, fx: ReportFixture) -> None:
    html = export(session, "html", _flt(fx)).decode("utf-8")
    assert HOSTILE not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<svg" in html and 'role="img"' in html and "pattern" in html
    assert "naar verluidt" in html and "this names no source" in html
    assert fx.reason in html
    assert SHA in html
    assert 'href="https://cao.example.org/haven-2024"' in html
    assert "Corrections" in html and "Methodology" in html
    roles = re.findall(r'<span class="hop-role">([^<]*)</span>', html)
    assert "cited by the article; primary source" in roles  # a one-hop chain
    assert set(roles) == {
        "cited by the article",  # hop 0 of the two-hop chain
        "primary source",  # its hop 1
        "cited by the article; primary source",
    }
    hearsay_hop = html[html.index('class="no-source">No source given') :]
    assert "hop-role" not in hearsay_hop[: hearsay_hop.index("</li>")]  # it names no source
    assert DEFAULT_METHODOLOGY["en"][:40] in html


def test_pdf_text_holds_the_report(session: Session, fx: ReportFixture, tmp_path: Path) -> None:
    data = export(session, "pdf", _flt(fx))
    assert data.startswith(b"%PDF")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "Verification report" in text
    assert "Havenarbeiders in Rotterdam" in text and "Noordpost" in text
    assert "naar verluidt" in text
    assert "Corrections" in text and "Methodology" in text
    assert "Unsourced" in text and "Disputed" in text and "Verified" in text


def test_pdf_without_pango_names_the_debian_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(pdf_module.PdfUnavailable) as err:
        pdf_module.load_weasyprint()
    assert "libpango-1.0-0" in str(err.value) and "libpangoft2-1.0-0" in str(err.value)


def test_methodology_from_setting_file_or_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRACKER_METHODOLOGY", raising=False)
    assert methodology_text(None, "nl") == DEFAULT_METHODOLOGY["nl"]
    assert methodology_text(None, "fr") == DEFAULT_METHODOLOGY["en"]
    assert methodology_text("Wij bellen elke bron.", "nl") == "Wij bellen elke bron."
    path = tmp_path / "method.txt"
    path.write_text("Onze werkwijze.\n", encoding="utf-8")
    monkeypatch.setenv("TRACKER_METHODOLOGY", str(path))
    assert methodology_text(None, "en") == "Onze werkwijze."


def test_period_report_covers_the_article(session: Session, fx: ReportFixture) -> None:
    from datetime import date, timedelta

    today = date.today()
    flt = ReportFilter(since=today - timedelta(days=1), until=today + timedelta(days=1))
    meta = meta_for(session, flt)
    assert meta.article is None and meta.summary.articles == 1
    rows = list(csv.DictReader(io.StringIO(export(session, "csv", flt).decode("utf-8-sig"))))
    assert len(rows) == meta.summary.total


def test_claim_reviewed_is_cut_after_a_whole_word() -> None:
    from tracker.reports.claimreview import short

    text = (
        "De gemeente Utrecht trekt volgend jaar veertig miljoen euro uit voor nieuwe "
        "fietsenstallingen"
    )
    cut = short(text)
    assert len(cut) <= 75 and cut.endswith("…")
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "  # ends where a word ends
    exact = "a" * 10 + " " + "b" * 63 + " " + "c" * 20  # the 74th character ends a word
    assert short(exact) == "a" * 10 + " " + "b" * 63 + "…"
    assert short("x" * 100) == "x" * 74 + "…"
    assert short("kort") == "kort"
