"""User administration: admins only, create, change role, (de)activate, last admin kept."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People, login
from tracker.models import AuditEvent, User

HOSTILE = "<script>alert(1)</script>"


def test_logged_out_is_sent_to_login(client: FlaskClient) -> None:
    response = client.get("/admin/users")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["factchecker", "editor"])
def test_non_admins_get_403(client: FlaskClient, people: People, role: str) -> None:
    login(client, getattr(people, role).email)
    assert client.get("/admin/users").status_code == 403
    create = client.post(
        "/admin/users",
        data={"email": "x@example.org", "name": "X", "role": "admin", "password": "x" * 12},
    )
    assert create.status_code == 403
    assert (
        client.post(
            f"/admin/users/{people.admin.id}/role", data={"role": "factchecker"}
        ).status_code
        == 403
    )
    assert (
        client.post(f"/admin/users/{people.admin.id}/active", data={"active": "0"}).status_code
        == 403
    )
    assert 'href="/admin/users"' not in client.get("/").get_data(as_text=True)


def test_admin_lists_and_creates_users(as_admin: FlaskClient, session: Session) -> None:
    page = as_admin.get("/admin/users").get_data(as_text=True)
    assert "factchecker@example.org" in page and "editor@example.org" in page
    response = as_admin.post(
        "/admin/users",
        data={
            "email": "Nieuw@Example.org",
            "name": "Noor de Vries",
            "role": "editor",
            "password": "lang genoeg wachtwoord",
        },
    )
    assert response.status_code == 302
    user = session.scalar(select(User).where(User.email == "nieuw@example.org"))
    assert user is not None and user.role == "editor" and user.active


def test_create_user_validation_keeps_input(as_admin: FlaskClient) -> None:
    short = as_admin.post(
        "/admin/users",
        data={
            "email": "kort@example.org",
            "name": "Kort",
            "role": "factchecker",
            "password": "kort",
        },
    )
    assert short.status_code == 422
    text = short.get_data(as_text=True)
    assert "at least 10 characters" in text and 'value="kort@example.org"' in text
    bad_email = as_admin.post(
        "/admin/users",
        data={"email": "geen-adres", "name": "X", "role": "factchecker", "password": "x" * 12},
    )
    assert bad_email.status_code == 422 and "valid e-mail" in bad_email.get_data(as_text=True)
    taken = as_admin.post(
        "/admin/users",
        data={"email": "editor@example.org", "name": "X", "role": "editor", "password": "x" * 12},
    )
    assert taken.status_code == 422 and "exists already" in taken.get_data(as_text=True)
    bad_role = as_admin.post(
        "/admin/users",
        data={"email": "r@example.org", "name": "R", "role": "god", "password": "x" * 12},
    )
    assert bad_role.status_code == 422


def test_hostile_name_is_escaped(as_admin: FlaskClient) -> None:
    response = as_admin.post(
        "/admin/users",
        data={
            "email": "hostile@example.org",
            "name": HOSTILE,
            "role": "factchecker",
            "password": "x" * 12,
        },
    )
    assert response.status_code == 302
    page = as_admin.get("/admin/users").get_data(as_text=True)
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_change_role_and_deactivate(
    as_admin: FlaskClient, session: Session, people: People
) -> None:
    fc = people.factchecker.id
    assert as_admin.post(f"/admin/users/{fc}/role", data={"role": "editor"}).status_code == 302
    assert as_admin.post(f"/admin/users/{fc}/active", data={"active": "0"}).status_code == 302
    session.expire_all()
    user = session.get(User, fc)
    assert user is not None and user.role == "editor" and not user.active
    actions = set(session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == fc)))
    assert {"user.set_role", "user.set_active"} <= actions
    assert as_admin.post(f"/admin/users/{fc}/active", data={"active": "1"}).status_code == 302
    session.expire_all()
    assert session.get(User, fc).active  # type: ignore[union-attr]
    assert as_admin.post("/admin/users/9999/role", data={"role": "editor"}).status_code == 404


def test_deactivated_user_cannot_log_in(
    as_admin: FlaskClient, database_url: str, people: People
) -> None:
    as_admin.post(f"/admin/users/{people.editor.id}/active", data={"active": "0"})
    from tests.conftest import make_app

    other = make_app(database_url).test_client()
    response = other.post(
        "/login", data={"email": people.editor.email, "password": "correct horse battery"}
    )
    assert response.status_code == 401


def test_last_admin_cannot_demote_or_deactivate_themselves(
    as_admin: FlaskClient, session: Session, people: People
) -> None:
    me = people.admin.id
    demote = as_admin.post(f"/admin/users/{me}/role", data={"role": "editor"})
    assert demote.status_code == 409
    assert "last active administrator" in demote.get_data(as_text=True)
    off = as_admin.post(f"/admin/users/{me}/active", data={"active": "0"})
    assert off.status_code == 409
    session.expire_all()
    admin = session.get(User, me)
    assert admin is not None and admin.role == "admin" and admin.active
    # with a second admin, the first may step down
    assert (
        as_admin.post(f"/admin/users/{people.editor.id}/role", data={"role": "admin"}).status_code
        == 302
    )
    assert as_admin.post(f"/admin/users/{me}/role", data={"role": "editor"}).status_code == 302


def test_logged_out_posts_change_nothing(
    client: FlaskClient, session: Session, people: People
) -> None:
    assert (
        client.post(f"/admin/users/{people.admin.id}/active", data={"active": "0"}).status_code
        == 302
    )
    assert (
        client.post(
            "/admin/users",
            data={"email": "n@example.org", "name": "N", "role": "admin", "password": "x" * 12},
        ).status_code
        == 302
    )
    session.expire_all()
    assert session.get(User, people.admin.id).active  # type: ignore[union-attr]
    assert session.scalar(select(User).where(User.email == "n@example.org")) is None


def test_a_lookalike_user_is_refused_in_the_web(as_admin: FlaskClient, people: People) -> None:
    response = as_admin.post(
        "/admin/users",
        data={
            "email": "\u0435ditor@example.org",  # Cyrillic e
            "name": "Someone Else",
            "role": "editor",
            "password": "x" * 12,
        },
    )
    assert response.status_code == 422
    assert "looks the same" in response.get_data(as_text=True)
    response = as_admin.post(
        "/admin/users",
        data={"email": "new@example.org", "name": "EDITOR", "role": "editor", "password": "x" * 12},
    )
    assert response.status_code == 422
    assert "name looks the same" in response.get_data(as_text=True)
