"""An unknown address is answered by the app's own page (its header, its language, a way back);
the API still answers JSON."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_unknown_pages_get_the_apps_own_page(as_factchecker: FlaskClient) -> None:
    page = as_factchecker.get("/articles/987654")
    html = page.get_data(as_text=True)
    assert page.status_code == 404 and page.mimetype == "text/html"
    assert "<h1>Page not found</h1>" in html and 'href="/queue/"' in html and "<main" in html
    dutch = as_factchecker.get("/nergens", headers={"Accept-Language": "nl"})
    assert dutch.status_code == 404 and "Pagina niet gevonden" in dutch.get_data(as_text=True)
    api = as_factchecker.get("/api/nothing-here")
    assert api.status_code == 404 and api.is_json
    assert api.get_json()["error"] == "not_found"
