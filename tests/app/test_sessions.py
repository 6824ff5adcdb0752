"""Sessions that end: logout, a password change and deactivation end every session of the user."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import PASSWORD, People, login


def _second_device(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another client holding a copy of `client`'s session cookie (a captured cookie)."""
    other = app.test_client()
    cookie = client.get_cookie("session")
    assert cookie is not None
    other.set_cookie("session", cookie.value)
    return other


def _logged_in(client: FlaskClient) -> bool:
    return client.get("/articles/").status_code == 200


def test_a_cookie_captured_before_logout_is_dead_after_it(
    app: Flask, client: FlaskClient, people: People
) -> None:
    login(client, people.factchecker.email)
    captured = _second_device(app, client)
    assert _logged_in(captured)
    client.post("/logout")
    assert not _logged_in(client)
    assert not _logged_in(captured)


def test_logout_ends_the_sessions_on_other_devices(
    app: Flask, client: FlaskClient, people: People
) -> None:
    login(client, people.editor.email)
    laptop = app.test_client()
    login(laptop, people.editor.email)
    client.post("/logout")
    assert not _logged_in(laptop)
    login(laptop, people.editor.email)  # a new login works
    assert _logged_in(laptop)


def test_a_password_change_ends_the_other_sessions_but_not_this_one(
    app: Flask, client: FlaskClient, people: People
) -> None:
    login(client, people.factchecker.email)
    phone = app.test_client()
    login(phone, people.factchecker.email)
    wrong = client.post("/account/password", data={"current": "not it at all", "new": "x" * 12})
    assert wrong.status_code == 422 and "not right" in wrong.get_data(as_text=True)
    assert _logged_in(phone)
    changed = client.post("/account/password", data={"current": PASSWORD, "new": "a new pass 2"})
    assert changed.status_code == 302
    assert _logged_in(client)
    assert not _logged_in(phone)
    login(phone, people.factchecker.email, "a new pass 2")


def test_deactivation_ends_sessions_and_reactivation_does_not_revive_them(
    app: Flask, client: FlaskClient, people: People
) -> None:
    login(client, people.factchecker.email)
    admin = app.test_client()
    login(admin, people.admin.email)
    uid = people.factchecker.id
    assert admin.post(f"/admin/users/{uid}/active", data={"active": "0"}).status_code == 302
    assert not _logged_in(client)
    assert admin.post(f"/admin/users/{uid}/active", data={"active": "1"}).status_code == 302
    assert not _logged_in(client)


def test_admins_list_and_revoke_tokens_in_the_web(
    app: Flask, client: FlaskClient, session: Session, people: People
) -> None:
    from tracker.services import tokens

    issued = tokens.issue_token(session, people.factchecker, "nightly import", ("ingest",))
    session.commit()
    auth = {"Authorization": f"Bearer {issued.plaintext}"}
    assert client.get("/api/claims/1", headers=auth).status_code == 403  # live, lacks 'read'
    login(client, people.factchecker.email)
    assert client.get("/admin/tokens").status_code == 403
    client.post("/logout")
    login(client, people.admin.email)
    page = client.get("/admin/tokens").get_data(as_text=True)
    assert "nightly import" in page and "factchecker@example.org" in page and "live" in page
    assert client.post(f"/admin/tokens/{issued.token.id}/revoke").status_code == 302
    assert "revoked" in client.get("/admin/tokens").get_data(as_text=True)
    assert client.get("/api/claims/1", headers=auth).status_code == 401
