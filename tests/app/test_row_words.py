"""Words a list repeats on every row are translated once per language, and say the same as the
per-row lookups they replace."""

from __future__ import annotations

from flask import Flask
from flask_babel import format_decimal, gettext

from tracker.web.labels import (
    checkworthiness_label,
    language_label,
    row_words,
    status_label,
)


def test_row_words_match_the_lookups_they_replace_in_each_language(app: Flask) -> None:
    scores = [0.0, 0.005, 0.125, 0.165, 0.5, 0.875, 0.999, 1.0]
    for language, decimal in (("nl", ","), ("en", ".")):
        with app.test_request_context(headers={"Accept-Language": language}):
            words = row_words()
            assert row_words() is words  # made once per language
            assert [words.score(s) for s in scores] == [format_decimal(s, "0.00") for s in scores]
            assert decimal in words.score(0.5)
            assert words.status == {code: status_label(code) for code in words.status}
            assert words.save == gettext("Save") and words.nobody == gettext("nobody")
            title = "Nieuwe <b>woningen</b>"
            assert words.new_status_of % {"n": 7, "article": title} == gettext(
                "New status of claim %(n)s in “%(article)s”", n=7, article=title
            )
            assert words.claim_n % {"n": 3} == gettext("Claim %(n)s", n=3)
            assert words.bands[words.band(0.95)] == checkworthiness_label(0.95)
            assert words.language("nl") == language_label("nl") == words.language("nl")
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        assert row_words().status["disputed"] != "disputed"  # really translated


def test_the_outlet_select_escapes_every_name_and_keeps_the_choice(app: Flask) -> None:
    from werkzeug.datastructures import MultiDict

    from tracker.services.reports import ReportChoices
    from tracker.web.reports.forms import ReportForm

    with app.test_request_context():
        form = ReportForm(formdata=MultiDict({"outlet": "2"}))
        form.fill_choices(ReportChoices([], [(1, "A & <B>"), (2, '"Het Dagblad"')], []))
        html = str(form.outlet())
    assert html.startswith('<select id="outlet" name="outlet">')
    assert '<option value="1">A &amp; &lt;B&gt;</option>' in html
    assert '<option value="2" selected>&quot;Het Dagblad&quot;</option>' in html
    assert html.count(" selected") == 1 and "<B>" not in html
