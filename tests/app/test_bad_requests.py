"""Hostile or absurd requests get clear 4xx answers, never a server error."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.conftest import People

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
