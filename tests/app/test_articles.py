"""Bringing articles in (paste, upload, URL) and the article list and view."""

from __future__ import annotations

import html as html_module
import io
import re
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import docx
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from tests.conftest import PASSWORD, People, make_app
from tracker.models import Article, Claim
from tracker.services import review
from tracker.services.evidence import add_evidence
from tracker.services.ingest import ArticleInput, ingest_article

HOSTILE = "<Script>Alert(1)</Script>"
ARTICLE = (
    "Zandvoort overweegt strandtaks voor dagjesmensen\n\n"
    "Zandvoort wil naar verluidt vanaf volgend jaar vijf euro vragen aan dagjesmensen die met de "
    "auto komen. Volgens wethouder Pieter de Vries levert de heffing jaarlijks 3 miljoen euro op. "
    '"We kunnen de kosten van het strandonderhoud niet langer alleen dragen," zegt De Vries.\n\n'
    "De gemeente telde vorig jaar 4,2 miljoen bezoekers en had 900 parkeerplaatsen langs de "
    "boulevard.\n"
)
PAGE = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
    "<title>Strandtaks in Zandvoort</title>"
    '<meta name="author" content="Sanne Bakker">'
    '<meta property="og:site_name" content="Kustkrant">'
    '<meta property="article:published_time" content="2024-03-05T08:00:00+01:00">'
    "</head><body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article>"
    "<h1>Strandtaks in Zandvoort</h1>"
    "<p>Zandvoort wil naar verluidt vanaf volgend jaar vijf euro vragen aan dagjesmensen die met "
    "de auto komen, zo blijkt uit stukken die deze krant heeft ingezien.</p>"
    "<p>Volgens wethouder Pieter de Vries levert de heffing jaarlijks 3 miljoen euro op. Dat geld "
    "gaat volgens hem naar het onderhoud van het strand en de boulevard.</p>"
    "</article><footer>Alle rechten voorbehouden</footer></body></html>"
)


def _post(client: FlaskClient, **data: object) -> tuple[int, str]:
    payload: dict[str, object] = {"language": "auto", "action": "save"}
    payload.update(data)
    r = client.post("/articles/new", data=payload, content_type="multipart/form-data")
    return r.status_code, r.get_data(as_text=True)


def test_logged_out_redirects(client: FlaskClient) -> None:
    for url in ("/articles/", "/articles/new", "/articles/1", "/articles/1?claim=1"):
        r = client.get(url)
        assert r.status_code == 302 and "/login" in r.headers["Location"]
    r = client.post("/articles/new", data={"body": ARTICLE})
    assert r.status_code == 302 and "/login" in r.headers["Location"]
    r = client.post("/articles/1/claims", data={"add-fragment": "x"})
    assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_paste_and_view(as_factchecker: FlaskClient, session: Session) -> None:
    r = as_factchecker.post(
        "/articles/new",
        data={
            "body": (ARTICLE + HOSTILE).replace("\n", "\r\n"),
            "title": HOSTILE,
            "author": HOSTILE,
            "outlet": HOSTILE,
            "published": "2024-03",
            "language": "nl",
            "action": "save",
        },
    )
    assert r.status_code == 302
    article = session.scalars(select(Article)).one()
    assert article.body == ARTICLE + HOSTILE  # newlines as pasted, the browser's CRLF undone
    assert article.published == "2024-03" and article.author == HOSTILE
    html = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert HOSTILE not in html and "&lt;Script&gt;Alert(1)&lt;/Script&gt;" in html
    assert "naar verluidt" in html and 'class="article-body"' in html
    assert "claim-unreviewed" in html


def test_validation_keeps_input(as_factchecker: FlaskClient) -> None:
    status, html = _post(as_factchecker, body="   ", title="Mijn titel")
    assert status == 422 and "Paste the article text" in html and "Mijn titel" in html
    status, html = _post(as_factchecker, body=ARTICLE, published="maart 2024", title="T1")
    assert status == 422 and "YYYY-MM" in html and "Zandvoort wil naar verluidt" in html
    status, html = _post(as_factchecker, body=ARTICLE, published="2024-13")
    assert status == 422 and "does not exist" in html
    status, html = _post(as_factchecker, body=ARTICLE, url="javascript:alert(1)")
    assert status == 422 and "http://" in html
    assert 'href="javascript' not in html


def _csrf_client(database_url: str, email: str) -> tuple[Flask, FlaskClient]:
    """A client of an app with CSRF on, as in production, logged in as `email`."""
    app = make_app(database_url, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert token is not None
    r = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token[1]})
    assert r.status_code == 302
    return app, client


def test_too_large(database_url: str, people: People) -> None:
    """Over the article limit: a message and the typed input kept; over the request limit
    (a huge upload): a message, never a bare server error. CSRF on, as in production."""
    app, client = _csrf_client(database_url, people.factchecker.email)
    html = client.get("/articles/new").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert token is not None
    body = "Één zin over de dijk. " * 25_000  # 550,000 characters, over 600 KB of UTF-8
    r = client.post(
        "/articles/new",
        data={"csrf_token": token[1], "body": body, "title": "Dijkversterking", "action": "save"},
        content_type="multipart/form-data",
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "500000" in html.replace(",", "").replace(".", "")
    assert 'value="Dijkversterking"' in html and "Één zin over de dijk." in html
    upload = (io.BytesIO(b"Een zin. " * 1_300_000), "groot.txt")
    r = client.post(
        "/articles/new",
        data={"csrf_token": token[1], "upload": upload, "title": "Groot", "action": "save"},
        content_type="multipart/form-data",
    )
    assert r.status_code == 413 and "too large" in r.get_data(as_text=True)
    app.extensions["tracker_engine"].dispose()


def test_duplicate(as_factchecker: FlaskClient) -> None:
    assert _post(as_factchecker, body=ARTICLE)[0] == 302
    status, html = _post(as_factchecker, body=ARTICLE)
    assert status == 409 and "already" in html and "/articles/1" in html


def _file(data: bytes, name: str) -> tuple[io.BytesIO, str]:
    return io.BytesIO(data), name


def test_upload_txt_with_bom(as_factchecker: FlaskClient, session: Session) -> None:
    status, _ = _post(as_factchecker, upload=_file(b"\xef\xbb\xbf" + ARTICLE.encode(), "a.txt"))
    assert status == 302
    article = session.scalars(select(Article)).one()
    assert article.body == ARTICLE and article.title.startswith("Zandvoort overweegt")


def test_upload_fetch_prefills(as_factchecker: FlaskClient) -> None:
    status, html = _post(as_factchecker, action="fetch", upload=_file(PAGE.encode(), "p.html"))
    assert status == 200
    assert "Strandtaks in Zandvoort" in html and "Sanne Bakker" in html
    assert "2024-03-05" in html and "Kustkrant" in html
    assert "Alle rechten voorbehouden" not in html and "Sport" not in html.split("<form")[1]


def test_upload_docx(as_factchecker: FlaskClient, session: Session) -> None:
    document = docx.Document()
    document.core_properties.title = "Strandtaks"
    document.core_properties.author = "Sanne Bakker"
    for paragraph in ARTICLE.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    buf = io.BytesIO()
    document.save(buf)
    status, _ = _post(as_factchecker, upload=_file(buf.getvalue(), "stuk.docx"))
    assert status == 302
    article = session.scalars(select(Article)).one()
    assert article.title == "Strandtaks" and article.author == "Sanne Bakker"
    assert "naar verluidt" in article.body


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "plaatje.txt", "binary"),
        (b"PK\x03\x04 not really a zip", "kapot.docx", "Word"),
        (b"", "leeg.txt", "empty"),
        (b"tekst", "stuk.pdf", ".docx"),
    ],
)
def test_bad_uploads_refused(
    as_factchecker: FlaskClient, session: Session, data: bytes, name: str, message: str
) -> None:
    status, html = _post(as_factchecker, upload=_file(data, name), title="Bewaard")
    assert status == 422 and message in html and "Bewaard" in html
    assert session.scalar(select(Article.id)) is None


def test_non_utf8_is_not_saved_unseen(as_factchecker: FlaskClient, session: Session) -> None:
    latin = "Café De Zeemeeuw verkoopt naar verluidt geen kroketten meer, zegt de eigenaar."
    status, html = _post(as_factchecker, upload=_file(latin.encode("cp1252") * 3, "c.txt"))
    assert status == 422 and "not UTF-8" in html and "Café De Zeemeeuw" in html
    assert session.scalar(select(Article.id)) is None


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/artikel":
            data = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/plaatje":
            data = b"\x89PNG\r\n"
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
        else:
            data = b"niet gevonden"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_fetch_url(as_factchecker: FlaskClient, session: Session, site: str) -> None:
    status, html = _post(as_factchecker, action="fetch", url=f"{site}/artikel")
    assert status == 200 and "Sanne Bakker" in html and "Zandvoort wil naar verluidt" in html
    status, _ = _post(as_factchecker, url=f"{site}/artikel")
    assert status == 302
    article = session.scalars(select(Article)).one()
    assert article.url == f"{site}/artikel" and article.title == "Strandtaks in Zandvoort"
    assert article.published == "2024-03-05" and article.outlet is not None
    assert "Alle rechten" not in article.body


def test_fetch_url_failures(as_factchecker: FlaskClient, site: str) -> None:
    status, html = _post(as_factchecker, action="fetch", url=f"{site}/weg", title="Houd mij")
    assert status == 422 and "404" in html and "Houd mij" in html
    status, html = _post(as_factchecker, action="fetch", url=f"{site}/plaatje")
    assert status == 422 and "image/png" in html
    status, html = _post(as_factchecker, action="fetch", url="ftp://127.0.0.1/x")
    assert status == 422 and "http://" in html


@pytest.mark.parametrize(
    "url", ["http://[::1/", "http://a..b/", "http://[127.0.0.1]/", f"http://{'b' * 70}.example/"]
)
def test_fetch_of_a_malformed_url_answers_with_a_message(
    as_factchecker: FlaskClient, url: str
) -> None:
    status, html = _post(as_factchecker, action="fetch", url=url)
    assert status == 422 and "valid" in html


def _ingest(session: Session, people: People, body: str = ARTICLE, title: str = "") -> Article:
    # variants of one text on purpose (listing tests), not new versions of it
    article = ingest_article(
        session, ArticleInput(body=body, title=title), people.factchecker, separate=True
    )
    session.commit()
    return article


def test_list_counts_and_pages(as_editor: FlaskClient, session: Session, people: People) -> None:
    first = _ingest(session, people, title="Eerste stuk")
    claim = first.claims[1]
    review.set_status(session, claim.id, "unsourced", "", claim.version, people.factchecker)
    session.commit()
    for n in range(26):
        _ingest(session, people, body=f"Bericht {n}. De gemeente telde 12 klachten.", title=f"B{n}")
    html = as_editor.get("/articles/").get_data(as_text=True)
    assert "B25" in html and "Eerste stuk" not in html and "Page 1 of 2" in html
    html = as_editor.get("/articles/?page=2").get_data(as_text=True)
    assert "Eerste stuk" in html
    row = html.split("Eerste stuk")[1].split("</tr>")[0]
    assert "Unsourced</span> <strong>1</strong>" in row


def test_view_404_and_segments(as_admin: FlaskClient, session: Session, people: People) -> None:
    assert as_admin.get("/articles/999").status_code == 404
    article = _ingest(session, people)
    parent = next(c for c in article.claims if "naar verluidt" in c.text)
    review.split_claim(
        session, parent.id, ["vijf euro", "dagjesmensen die met de auto"], 1, people.admin
    )
    session.commit()
    html = as_admin.get(f"/articles/{article.id}?claim={parent.id}").get_data(as_text=True)
    assert html.count("claim-nested") >= 2 and "claim-selected" in html
    body = html.split('id="article-body"')[1].split("</div>")[0]
    text = "".join(re.findall(r'<span class="seg[^"]*" data-start="\d+"[^>]*>([^<]*)</span>', body))
    assert html_module.unescape(text) == ARTICLE


def test_the_attribution_words_are_marked_in_the_text(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    """The cue and the source's words stand out in the article, the open claim's strongest."""
    article = _ingest(session, people)
    claim = next(c for c in article.claims if "3 miljoen" in c.text)
    html = as_factchecker.get(f"/articles/{article.id}?claim={claim.id}").get_data(as_text=True)
    body = html.split('id="article-body"')[1].split("</div>")[0]
    run = r'<span class="seg attr attr-(\w+)( attr-selected)?"[^>]*>([^<]*)</span>'
    marked = re.findall(run, body)
    assert ("cue", " attr-selected", "Volgens") in marked
    assert ("source", " attr-selected", "wethouder Pieter de Vries") in marked
    # the quote's speaker is marked too, without the open claim's emphasis
    assert ("cue", "", "zegt") in marked and ("source", "", "De Vries") in marked
    assert 'title="who the claim is attributed to (source)"' in body


def test_add_missed_claim(as_factchecker: FlaskClient, session: Session, people: People) -> None:
    article = _ingest(session, people)
    start = ARTICLE.index("900 parkeerplaatsen")
    r = as_factchecker.post(
        f"/articles/{article.id}/claims",
        data={"add-start": str(start), "add-end": str(start + 19), "add-fragment": "x"},
    )
    assert r.status_code == 302
    claim = session.scalars(select(Claim).where(Claim.origin == "user")).one()
    assert claim.exact == "900 parkeerplaatsen"
    r = as_factchecker.post(
        f"/articles/{article.id}/claims", data={"add-fragment": "4,2 miljoen\n bezoekers"}
    )
    assert r.status_code == 302
    r = as_factchecker.post(f"/articles/{article.id}/claims", data={"add-fragment": HOSTILE})
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "does not occur" in html and HOSTILE not in html


def _queries(app: Flask, client: FlaskClient, url: str) -> int:
    engine = app.extensions["tracker_engine"]
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_fixed_number_of_queries(
    app: Flask, as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    small = _ingest(session, people, body="Volgens de burgemeester komen er 40 woningen bij.")
    long_body = " ".join(
        f"Volgens wethouder {name} kost project {n} naar verluidt {n * 3} miljoen euro."
        for n, name in enumerate(["Jansen", "De Boer", "Visser", "Smit", "Mulder", "Bos"] * 3)
    )
    big = _ingest(session, people, body=long_body)
    assert len(big.claims) > 5 * len(small.claims)
    for claim in big.claims[:3]:
        add_evidence(session, claim.id, "https://example.org/a", "context", people.editor)
    session.commit()
    few = _queries(app, as_factchecker, f"/articles/{small.id}?claim={small.claims[0].id}")
    many = _queries(app, as_factchecker, f"/articles/{big.id}?claim={big.claims[0].id}")
    assert few == many
    one_page = _queries(app, as_factchecker, "/articles/")
    for n in range(5):
        _ingest(session, people, body=f"Stuk {n}: de gemeente telde {n} klachten, zegt Jansen.")
    assert _queries(app, as_factchecker, "/articles/") == one_page


def test_docx_zip_bomb_upload_is_refused_without_its_text(as_factchecker: FlaskClient) -> None:
    """50 MB of zeros compress to about 50 KB: refused by the unpacked size, nothing echoed."""
    document = docx.Document()
    document.add_paragraph("Een gewone zin over de dijken.")
    plain = io.BytesIO()
    document.save(plain)
    bomb = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("word/media/padding.bin", b"\0" * (50 * 1024 * 1024))
    status, html = _post(
        as_factchecker, action="fetch", upload=(io.BytesIO(bomb.getvalue()), "bom.docx")
    )
    assert status == 422 and "unpacks to more than 40 MB" in html


def test_an_imported_text_over_the_limit_is_not_put_back_in_the_form(
    database_url: str, people: People
) -> None:
    app = make_app(database_url, TRACKER_MAX_ARTICLE_CHARS=1000)
    client = app.test_client()
    client.post("/login", data={"email": people.factchecker.email, "password": PASSWORD})
    text = "Volgens de wethouder kost de nieuwe brug naar verluidt 12 miljoen euro. " * 200
    status, html = _post(client, action="fetch", upload=(io.BytesIO(text.encode()), "lang.txt"))
    assert status == 422 and "the limit is 1,000" in html
    assert html.count("kost de nieuwe brug") <= 1
    app.extensions["tracker_engine"].dispose()
