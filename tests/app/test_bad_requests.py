"""Hostile or absurd requests get clear 4xx answers, never a server error."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.conftest import People, login, make_app

HUGE = "9" * 25


def test_nul_byte_is_refused_before_login(client: FlaskClient, people: People) -> None:
    response = client.post("/login", data={"email": "a\x00@example.org", "password": "x"})
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    ["/sources/?q=a%00b", "/sources/search.json?q=%00", "/queue/?source=a%00b"],
)
def test_nul_byte_in_a_query_is_refused(as_factchecker: FlaskClient, path: str) -> None:
    assert as_factchecker.get(path).status_code == 400


@pytest.mark.parametrize(
    "path", [f"/claims/{HUGE}", "/claims/3000000000", f"/articles/{HUGE}", f"/sources/{HUGE}"]
)
def test_ids_beyond_the_database_range_are_not_found(
    as_factchecker: FlaskClient, path: str
) -> None:
    assert as_factchecker.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/articles/?page={HUGE}",
        f"/queue/?article={HUGE}",
        f"/queue/?source={HUGE}",
        "/queue/?status=&date_field=reviewed&date_to=9999-12-31",
        "/reports/preview?until=9999-12-31",
        f"/reports/preview?article={HUGE}",
    ],
)
def test_numbers_and_dates_out_of_range_are_bad_requests(as_editor: FlaskClient, path: str) -> None:
    assert as_editor.get(path).status_code < 500


def test_a_lost_unique_race_is_a_conflict_not_a_crash(database_url: str, people: People) -> None:
    """When the database's unique index stops a write the service's check let through (two
    writers at one instant), the user gets a 409 and the session stays usable."""
    from sqlalchemy import insert

    from tracker.models import SourceAlias
    from tracker.services import sources
    from tracker.web import db

    app = make_app(database_url)

    @app.post("/_test/alias-race")
    def alias_race() -> str:
        session = db()
        source = sources.create_source(session, "De Ochtendpost", "outlet", aliases=["OP"])
        session.execute(insert(SourceAlias).values(source_id=source.id, alias="op", alias_key="op"))
        session.commit()
        return "unreachable"

    client = app.test_client()
    login(client, people.factchecker.email)
    response = client.post("/_test/alias-race")
    assert response.status_code == 409
    assert "same moment" in response.get_data(as_text=True)
    assert client.get("/sources/").status_code == 200
    app.extensions["tracker_engine"].dispose()
