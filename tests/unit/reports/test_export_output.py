"""The exact bytes of CSV, JSON and HTML exports for a few claims of the report fixture, written
out by hand (timestamps, which the fixture takes from the clock, are read back from the database).

These pin the output so that work on the exporters' speed cannot change what they write."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.reports.fixture import SHA, ReportFixture, build
from tests.unit.reports.helpers import export
from tracker.models import Article, AuditEvent, Claim, Evidence
from tracker.services.reports import ReportFilter

TITLE = "Havenstaking legt overslag in Rotterdam stil"
TWO_HOP = (
    "Tegenover persbureau Noordpost verklaren havenarbeiders dat zij sinds januari geen "
    "loonsverhoging hebben gekregen."
)
HEARSAY = "De overslag in de haven is naar verluidt met een derde gedaald sinds maandag."
REVIEWED = "Havenarbeiders kregen sinds januari geen loonsverhoging"
HOSTILE_RATIONALE = '=HYPERLINK("https://evil.example") <script>alert(1)</script>'


@pytest.fixture
def fx(session: Session, people: People) -> ReportFixture:
    return build(session, people)


def _times(session: Session, claim_id: int) -> dict[str, Any]:
    """The claim's timestamps as the exports write them (ISO 8601, UTC)."""
    claim = session.get(Claim, claim_id)
    assert claim is not None
    events = session.scalars(
        select(AuditEvent.at)
        .where(AuditEvent.action == "claim.status", AuditEvent.claim_id == claim_id)
        .order_by(AuditEvent.id)
    ).all()
    evidence = session.scalars(select(Evidence.added_at).where(Evidence.claim_id == claim_id)).all()
    return {
        "created": claim.created_at.isoformat(),
        "updated": claim.updated_at.isoformat(),
        "reviewed": claim.reviewed_at.isoformat() if claim.reviewed_at else "",
        "events": [e.isoformat() for e in events],
        "evidence": [e.isoformat() for e in evidence],
    }


def _word_two_hop(session: Session, fx: ReportFixture) -> None:
    """The fact-checker's short wording for the two-hop claim (the hearsay one keeps None)."""
    claim = session.get(Claim, fx.two_hop_id)
    assert claim is not None
    claim.claim_reviewed = REVIEWED
    session.commit()


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8-sig").split("\r\n")


def test_csv_rows_of_a_corrected_and_a_hearsay_claim(session: Session, fx: ReportFixture) -> None:
    _word_two_hop(session, fx)
    lines = _lines(export(session, "csv", ReportFilter(article_id=fx.article_id)))
    assert lines[0].startswith("article_id,article_title,article_url,outlet,claim_id,claim,")
    two = _times(session, fx.two_hop_id)
    disputed_at, verified_at = two["events"]
    expected_two = (
        f"{fx.article_id},{TITLE},https://news.example.org/havenstaking,Het Demodagblad,"
        f"{fx.two_hop_id},{TWO_HOP},{TWO_HOP},verified,"
        '"\'=HYPERLINK(""https://evil.example"") <script>alert(1)</script>",'
        "Havenarbeiders in Rotterdam,group,"
        "0: Noordpost [outlet; reported] > 1: Havenarbeiders in Rotterdam "
        "[group; reported; cue: verklaren],verklaren,no,,"
        "https://cao.example.org/haven-2024,"
        f'"https://cao.example.org/haven-2024 (supports, sha256 {SHA})",'
        f"Editor,{two['reviewed']},{disputed_at},"
        f'"{verified_at} disputed -> verified by Editor: '
        '=HYPERLINK(""https://evil.example"") <script>alert(1)</script>",'
        f"{two['created']},{two['updated']},{REVIEWED}"
    )
    hearsay = _times(session, fx.hearsay_id)
    expected_hearsay = (
        f"{fx.article_id},{TITLE},https://news.example.org/havenstaking,Het Demodagblad,"
        f"{fx.hearsay_id},{HEARSAY},{HEARSAY},unsourced,Geen bron; de havenautoriteit zwijgt.,"
        "(no source),none,0: (no source) [no source; hearsay; cue: naar verluidt],"
        f"naar verluidt,yes,,,,Factchecker,{hearsay['reviewed']},{hearsay['events'][0]},,"
        f"{hearsay['created']},{hearsay['updated']},"
    )
    by_id = {line.split(",")[4]: line for line in lines[1:] if line}
    assert by_id[str(fx.two_hop_id)] == expected_two
    assert by_id[str(fx.hearsay_id)] == expected_hearsay
    assert lines[-1] == ""  # every row ends in CRLF


def test_json_claim_of_a_corrected_claim(session: Session, fx: ReportFixture) -> None:
    _word_two_hop(session, fx)
    data = export(session, "json", ReportFilter(article_id=fx.article_id)).decode("utf-8")
    article = session.get(Article, fx.article_id)
    assert article is not None
    two = _times(session, fx.two_hop_id)
    disputed_at, verified_at = two["events"]
    outlet = {
        "id": article.outlet_id,
        "name": "Het Demodagblad",
        "kind": "outlet",
        "url": None,
        "description": "",
        "anonymity_reason": None,
    }
    chain = json.loads(data)["claims"]
    noordpost_id, dockers_id = (
        h["source"]["id"] for h in next(c for c in chain if c["id"] == fx.two_hop_id)["chain"]
    )
    dockers = {
        "id": dockers_id,
        "name": "Havenarbeiders in Rotterdam",
        "kind": "group",
        "url": None,
        "description": "",
        "anonymity_reason": None,
    }
    expected = {
        "id": fx.two_hop_id,
        "article": {
            "id": fx.article_id,
            "title": TITLE,
            "url": "https://news.example.org/havenstaking",
            "outlet": outlet,
            "author": "Redactie Economie",
            "published": "2024-03-11",
            "language": "nl",
            "ingested_at": article.ingested_at.isoformat(),
        },
        "text": TWO_HOP,
        "claim_reviewed": REVIEWED,
        "quote": {"exact": TWO_HOP, "start": 125, "end": 239},
        "status": "verified",
        "rationale": HOSTILE_RATIONALE,
        "reviewer": "Editor",
        "reviewed_at": two["reviewed"],
        "first_verdict_at": disputed_at,
        "assignee": None,
        "created_at": two["created"],
        "updated_at": two["updated"],
        "cue": "verklaren",
        "hearsay": False,
        "primary_source": dockers,
        "chain": [
            {
                "position": 0,
                "kind": "reported",
                "source": {
                    "id": noordpost_id,
                    "name": "Noordpost",
                    "kind": "outlet",
                    "url": "https://noordpost.example.org",
                    "description": "",
                    "anonymity_reason": None,
                },
                "cue": None,
                "mention": None,
                "implicit": False,
                "confirmed": True,
            },
            {
                "position": 1,
                "kind": "reported",
                "source": dockers,
                "cue": "verklaren",
                "mention": None,
                "implicit": False,
                "confirmed": True,
            },
        ],
        "evidence": [
            {
                "id": 1,
                "url": "https://cao.example.org/haven-2024",
                "title": "Cao-tabel havenpersoneel",
                "excerpt": "",
                "stance": "supports",
                "archived_sha256": SHA,
                "added_by": "Factchecker",
                "added_at": two["evidence"][0],
            }
        ],
        "corrections": [
            {
                "at": verified_at,
                "kind": "correction",
                "actor": "Editor",
                "before": {
                    "status": "disputed",
                    "rationale": "Eerste lezing: de cao noemt een verhoging.",
                },
                "after": {"status": "verified", "rationale": HOSTILE_RATIONALE},
            }
        ],
    }
    # one claim a line, in this key order, with json.dumps's default separators
    line = "  " + json.dumps(expected, ensure_ascii=False)
    assert line + ",\n" in data or line + "\n ]" in data
    assert data.endswith("\n ]\n}\n")


def test_html_block_of_a_corrected_claim(session: Session, fx: ReportFixture) -> None:
    html = export(session, "html", ReportFilter(article_id=fx.article_id)).decode("utf-8")
    two = _times(session, fx.two_hop_id)
    decided = two["reviewed"][:16].replace("T", " ")
    # Claim 5: the article's title (1), the hearsay passage twice (2, 3), then this one twice.
    expected = f"""
  <article class="claim claim-verified" id="claim-{fx.two_hop_id}">
    <h3><span class="claim-number">Claim 5</span> <span class="status status-verified">Verified</span> {TWO_HOP}</h3>
    
    
    <h4>Provenance</h4>
    
    <ol class="chain">
      
      <li>
        
          <strong>Noordpost</strong> <span class="kind">(Outlet)</span>
          
        
        
        
        <span class="hop-role">cited by the article</span>
      </li>
      
      <li>
        
          <strong>Havenarbeiders in Rotterdam</strong> <span class="kind">(Group)</span>
          
        
        
        <span class="cue">cue: “verklaren”</span>
        <span class="hop-role">primary source</span>
      </li>
      
    </ol>
    
    <h4>Evidence</h4>
    
    <ul class="evidence">
      
      <li>
        <span class="stance stance-supports">Supports</span>:
        <a href="https://cao.example.org/haven-2024">Cao-tabel havenpersoneel</a>
        <span class="url">https://cao.example.org/haven-2024</span>
        
        <span class="hash">archived copy SHA-256: <code>{SHA}</code></span>
      </li>
      
    </ul>
    
    <h4>Rationale</h4>
    <p class="rationale">=HYPERLINK(&#34;https://evil.example&#34;) &lt;script&gt;alert(1)&lt;/script&gt;</p>
    <p class="decided">
      Decided by Editor on {decided} UTC.
      
      
      Corrected 1 time(s) since the first verdict.
      
    </p>
  </article>
"""  # noqa: E501, W293
    assert expected in html
    correction = f"""
      <tr>
        <td>{two["events"][1][:16].replace("T", " ")} UTC</td>
        <td><a href="#claim-{fx.two_hop_id}">Claim 5: Tegenover persbureau Noordpost verklaren havenarbeiders dat zij sinds...</a></td>
        <td>Disputed → Verified</td>
        <td>Editor</td>
        <td>=HYPERLINK(&#34;https://evil.example&#34;) &lt;script&gt;alert(1)&lt;/script&gt;</td>
      </tr>
"""  # noqa: E501
    assert correction in html
