"""One policy for web, API and command line: a refusal is a 403 page, a 403 JSON body, or one
line on the command line; `tracker user set-role` keeps the last active admin like the web."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People, login
from tracker.cli import main
from tracker.models import AuditEvent, Claim, Source, User
from tracker.services import policy, sources, tokens
from tracker.services.ingest import ArticleInput, ingest_article

BODY = "De wethouder zegt dat de gemeente 300 woningen bouwt. Het zou 40 miljoen euro kosten."


class Cli:
    """Runs `tracker ...` against the test's database."""

    def __init__(self, database_url: str) -> None:
        self.env = {"TRACKER_DATABASE_URL": database_url}

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(main, list(args), env=self.env)


@pytest.fixture
def cli(database_url: str) -> Cli:
    return Cli(database_url)


def test_a_refused_web_action_is_a_403_page_with_the_reason(
    as_factchecker: FlaskClient, session: Session
) -> None:
    keep = sources.create_source(session, "Lotte Brink", "person")
    gone = sources.create_source(session, "Brink", "person")
    session.commit()
    response = as_factchecker.post(
        f"/sources/{keep.id}/merge",
        data={"other": str(gone.id), "confirm": "y"},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 403
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Not allowed" in page and "only an editor may merge sources" in page
    session.expire_all()
    assert session.get(Source, gone.id).merged_into_id is None  # type: ignore[union-attr]


def test_the_403_page_speaks_the_users_language(
    as_factchecker: FlaskClient, session: Session
) -> None:
    response = as_factchecker.get("/admin/users", headers={"Accept-Language": "nl"})
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert "Niet toegestaan" in page and "alleen een beheerder mag gebruikers beheren" in page


@pytest.mark.parametrize("role", ["factchecker", "editor"])
def test_admin_pages_refuse_other_roles(client: FlaskClient, people: People, role: str) -> None:
    login(client, getattr(people, role).email)
    assert client.get("/admin/tokens").status_code == 403
    assert client.get("/admin/users").status_code == 403


def test_the_api_asks_the_policy_and_refuses_with_403_json(
    client: FlaskClient, session: Session, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = ingest_article(session, ArticleInput(body=BODY, language="nl"))
    token = tokens.issue_token(session, people.factchecker, "script", ("read", "review"))
    session.commit()
    claim = article.claims[0]
    # Were reviewing for editors only, a fact-checker's token with the review scope is refused.
    monkeypatch.setitem(
        policy.POLICY, "claim.review", policy.Rule(policy.EDITORS, "only an editor may review")
    )
    body = {"status": "unsourced", "rationale": "Geen bron.", "version": claim.version}
    response = client.post(
        f"/api/claims/{claim.id}/status",
        json=body,
        headers={"Authorization": f"Bearer {token.plaintext}"},
    )
    assert response.status_code == 403
    assert response.json == {"error": "forbidden", "message": "only an editor may review"}
    session.expire_all()
    assert session.get(Claim, claim.id).status == "unreviewed"  # type: ignore[union-attr]


def test_a_token_without_the_scope_is_refused_the_same_way(
    client: FlaskClient, session: Session, people: People
) -> None:
    token = tokens.issue_token(session, people.editor, "reader", ("read",))
    session.commit()
    response = client.post(
        "/api/articles",
        json={"body": BODY},
        headers={"Authorization": f"Bearer {token.plaintext}"},
    )
    assert response.status_code == 403
    assert response.json is not None and response.json["error"] == "forbidden"
    assert "'ingest'" in response.json["message"]


def _role(session: Session, email: str) -> str:
    session.expire_all()
    user = session.scalar(select(User).where(User.email == email))
    assert user is not None
    return user.role


def test_cli_refusal_is_one_line_and_exit_1(cli: Cli, session: Session, people: People) -> None:
    refused = cli(
        "--as", people.factchecker.email, "user", "set-role", people.editor.email, "admin"
    )
    assert refused.exit_code == 1
    assert refused.output.splitlines() == ["Error: only an administrator may manage users"]
    assert _role(session, people.editor.email) == "editor"
    export = cli(
        "--as",
        people.factchecker.email,
        "export",
        "--format",
        "csv",
        "--since",
        "2026-01-01",
        "-o",
        "-",
    )
    assert export.exit_code == 1
    assert export.output.splitlines() == ["Error: only an editor may download a report"]


def test_cli_as_an_unknown_user_is_one_line(cli: Cli, people: People) -> None:
    result = cli("--as", "nobody@example.org", "user", "list")
    assert result.exit_code == 1
    assert result.output.splitlines() == ["Error: --as: no user with e-mail nobody@example.org"]


def test_cli_as_an_admin_acts_and_is_named_in_the_audit_log(
    cli: Cli, session: Session, people: People
) -> None:
    done = cli("--as", people.admin.email, "user", "set-role", people.factchecker.email, "editor")
    assert done.exit_code == 0, done.output
    assert _role(session, people.factchecker.email) == "editor"
    event = session.scalar(
        select(AuditEvent).where(AuditEvent.action == "user.set_role").order_by(AuditEvent.id)
    )
    assert event is not None and event.actor_id == people.admin.id


def test_cli_set_role_keeps_the_last_active_admin(
    cli: Cli, session: Session, people: People
) -> None:
    last = cli("user", "set-role", people.admin.email, "editor")
    assert last.exit_code == 1
    assert last.output.splitlines() == [
        "Error: the last active administrator cannot give up the admin role"
    ]
    assert _role(session, people.admin.email) == "admin"
    # With a second active admin the first may step down, from the command line as on the web.
    assert cli("user", "set-role", people.editor.email, "admin").exit_code == 0
    stepped = cli("user", "set-role", people.admin.email, "editor")
    assert stepped.exit_code == 0, stepped.output
    assert _role(session, people.admin.email) == "editor"
