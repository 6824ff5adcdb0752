"""Login, logout, throttling, security headers, login required."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.conftest import PASSWORD, People, login, make_app


def test_logged_out_request_redirects_to_login(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_login_and_logout(client: FlaskClient, people: People) -> None:
    login(client, people.factchecker.email)
    page = client.get("/")
    assert page.status_code == 200
    assert "Factchecker" in page.get_data(as_text=True)
    client.post("/logout")
    assert client.get("/").status_code == 302


def test_wrong_password_is_refused(client: FlaskClient, people: People) -> None:
    response = client.post(
        "/login", data={"email": people.editor.email, "password": "nope-nope-nope"}
    )
    assert response.status_code == 401
    assert "Wrong e-mail address or password" in response.get_data(as_text=True)


def test_login_is_throttled_after_repeated_failures(client: FlaskClient, people: People) -> None:
    for _ in range(5):
        client.post("/login", data={"email": people.editor.email, "password": "wrong-password"})
    response = client.post("/login", data={"email": people.editor.email, "password": PASSWORD})
    assert response.status_code == 429
    assert client.get("/").status_code == 302


def test_failed_logins_are_limited_per_address_across_accounts(
    database_url: str, people: People
) -> None:
    """Guessing across many accounts, or at addresses with no account, is slowed per client
    address; successful logins do not count, and other addresses are not affected."""
    app = make_app(database_url, TRACKER_LOGIN_LIMITS="3/minute")
    client = app.test_client()
    for n in range(3):
        r = client.post("/login", data={"email": f"niemand{n}@example.org", "password": "x"})
        assert r.status_code == 401
    r = client.post("/login", data={"email": people.editor.email, "password": PASSWORD})
    assert r.status_code == 429 and "from your address" in r.get_data(as_text=True)
    other = app.test_client()
    r = other.post(
        "/login",
        data={"email": people.editor.email, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert r.status_code == 302
    app.extensions["tracker_engine"].dispose()


def test_next_parameter_cannot_leave_the_site(client: FlaskClient, people: People) -> None:
    response = client.post(
        "/login?next=https://evil.example/",
        data={"email": people.editor.email, "password": PASSWORD},
    )
    assert response.headers["Location"] == "/"


HOSTILE_NEXT = [
    "http://[::1/",
    "//[",
    "/\r\nSet-Cookie: x=1",
    "/\\evil.example/",
    "/%0d%0aSet-Cookie:%20x",
    "//evil.example/",
    "/ok\x00",
]


def _stays_on_site(location: str, target: str) -> None:
    assert "\r" not in location and "\n" not in location and "\x00" not in location
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert "evil" not in location


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_hostile_next_values_never_500(client: FlaskClient, people: People, target: str) -> None:
    """Each answer is a redirect on this site (or a 400 for a NUL byte), never a 500."""
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": people.editor.email, "password": PASSWORD},
    )
    if response.status_code == 400:  # a NUL byte anywhere in the request is refused as a whole
        assert "\x00" in target
        login(client, people.editor.email)
    else:
        assert response.status_code == 302
        _stays_on_site(response.headers["Location"], target)
    response = client.post("/account/language", data={"locale": "nl", "next": target})
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        _stays_on_site(response.headers["Location"], target)


def test_security_headers_and_cookie_flags(client: FlaskClient, people: People) -> None:
    response = client.post("/login", data={"email": people.editor.email, "password": PASSWORD})
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_csrf_token_is_required(database_url: str, people: People) -> None:
    app = make_app(database_url, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    response = client.post("/login", data={"email": people.editor.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/").status_code == 302
    app.extensions["tracker_engine"].dispose()


def test_interface_language_is_saved_per_user(client: FlaskClient, people: People) -> None:
    login(client, people.factchecker.email)
    response = client.post("/account/language", data={"locale": "nl", "next": "/"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'lang="nl"' in page
    client.post("/account/language", data={"locale": "", "next": "https://evil.example/"})
    assert 'lang="en"' in client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)


def _guess(client: FlaskClient, n: int, forwarded: str) -> int:
    return client.post(
        "/login",
        data={"email": f"niemand{n}@example.org", "password": "x"},
        headers={"X-Forwarded-For": forwarded},
        environ_base={"REMOTE_ADDR": "10.0.0.2"},  # the reverse proxy
    ).status_code


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(database_url: str) -> None:
    app = make_app(database_url, TRACKER_LOGIN_LIMITS="2/minute", TRACKER_TRUSTED_PROXIES=1)
    client = app.test_client()
    assert [_guess(client, n, "203.0.113.5") for n in range(3)] == [401, 401, 429]
    assert _guess(client, 9, "203.0.113.6") == 401  # another newsroom member, same proxy
    app.extensions["tracker_engine"].dispose()


def test_without_trusted_proxies_a_forged_header_does_not_escape_the_limit(
    database_url: str,
) -> None:
    app = make_app(database_url, TRACKER_LOGIN_LIMITS="2/minute")
    client = app.test_client()
    codes = [_guess(client, n, f"198.51.100.{n}") for n in range(3)]
    assert codes == [401, 401, 429]
    app.extensions["tracker_engine"].dispose()
