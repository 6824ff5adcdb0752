"""HTML reports: one Jinja body shared by the web preview and the standalone document (and PDF)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..resources import resource_dir
from ..services.errors import N_
from ..services.reports import ClaimRecord, ReportMeta
from .chart import bar_chart
from .common import (
    DISMISS_NAMES,
    KIND_NAMES,
    LANGUAGE_READ_NAMES,
    STANCE_NAMES,
    STATUS_NAMES,
    Gettext,
)

TEMPLATES = resource_dir("templates")
TRANSLATIONS = resource_dir("translations")
STATIC = resource_dir("web/static")
CSS_FILES = ("report.css", "report-print.css")

PIECES_PER_CHUNK = 2000
_ATTRIBUTION_NAMES = {"hearsay": N_("hearsay"), "reported": N_("reported"), "quote": N_("quote")}


def is_http(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def fmt_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M UTC")


def charts(meta: ReportMeta, gettext: Gettext) -> Markup:
    """The two summary charts as inline SVG (our own markup; every label is escaped)."""
    status_bars = [
        (status, gettext(STATUS_NAMES[status]), n) for status, n in meta.summary.by_status.items()
    ]
    kind_bars = [
        (f"kind-{kind}", gettext(KIND_NAMES.get(kind, kind)), n)
        for kind, n in meta.summary.by_source_kind.items()
        if n
    ]
    return Markup(  # noqa: S704 - built from escaped text only
        bar_chart("chart-status", gettext("Claims per status"), status_bars)
        + bar_chart(
            "chart-kind",
            gettext("Claims per kind of primary source"),
            kind_bars or [("kind-none", gettext(KIND_NAMES["none"]), 0)],
        )
    )


def _namer(names: dict[str, str], gettext: Gettext) -> Callable[[str], str]:
    def name(key: str) -> str:
        return gettext(names[key]) if key in names else key

    return name


class CorrectionLog:
    """Corrections gathered while the claims stream past, listed afterwards in time order."""

    def __init__(self) -> None:
        self._items: list[tuple[ClaimRecord, Any]] = []

    def watch(self, claims: Iterable[ClaimRecord]) -> Iterator[ClaimRecord]:
        for claim in claims:
            self._items.extend((claim, c) for c in claim.corrections)
            yield claim

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[tuple[ClaimRecord, Any]]:
        return iter(sorted(self._items, key=lambda pair: pair[1].at))


def report_context(
    meta: ReportMeta, claims: Iterable[ClaimRecord], gettext: Gettext
) -> dict[str, Any]:
    """What templates/reports/_report.html needs; claims are consumed once, as they stream."""
    corrections = CorrectionLog()
    return {
        "meta": meta,
        "claims": corrections.watch(claims),
        "corrections": corrections,
        "charts": charts(meta, gettext),
        "status_name": _namer(STATUS_NAMES, gettext),
        "kind_name": _namer(KIND_NAMES, gettext),
        "stance_name": _namer(STANCE_NAMES, gettext),
        "dismiss_name": _namer(DISMISS_NAMES, gettext),
        "language_name": _namer(LANGUAGE_READ_NAMES, gettext),
        "attribution_name": _namer(_ATTRIBUTION_NAMES, gettext),
        "is_http": is_http,
        "fmt_time": fmt_time,
        "methodology_paragraphs": [p.strip() for p in meta.methodology.split("\n\n") if p.strip()],
    }


def translations(locale: str) -> NullTranslations:
    """The app's message catalogue for `locale` (untranslated when there is none)."""
    return Translations.load(str(TRANSLATIONS), [locale], domain="messages")


def environment(locale: str) -> Environment:
    """A Jinja environment outside Flask, with the app's translations for `locale`."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
    )
    catalogue = translations(locale)
    env.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]
    env.globals["_"] = cached_gettext(catalogue.gettext)
    return env


def cached_gettext(gettext: Gettext) -> Callable[..., Markup]:
    """The templates' `_()`: what jinja2.ext's newstyle gettext gives in an autoescaped
    template (the translation as Markup, formatted with the escaped variables), each message
    translated once and called directly instead of through three context lookups: a report
    calls it about ten times a claim."""
    translated: dict[str, Markup] = {}
    plain: dict[str, Markup] = {}

    def gettext_(message: str, **variables: Any) -> Markup:
        if not variables:
            found = plain.get(message)
            if found is None:
                found = plain[message] = Markup(gettext(message)) % {}  # noqa: S704 - catalogue
            return found
        text = translated.get(message)
        if text is None:
            text = translated[message] = Markup(gettext(message))  # noqa: S704 - catalogue
        return text % variables

    return gettext_


def stylesheet() -> Markup:
    """The report's screen and print CSS, for a self-contained document."""
    parts = []
    for name in CSS_FILES:
        path = STATIC / name
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    return Markup("\n".join(parts).replace("</", "<\\/"))  # noqa: S704 - our own files


def stream_html(
    meta: ReportMeta, claims: Iterable[ClaimRecord], locale: str | None = None
) -> Iterator[str]:
    """A self-contained HTML document (CSS embedded), produced claim by claim."""
    env = environment(locale or meta.language)
    gettext: Gettext = translations(locale or meta.language).gettext
    context = report_context(meta, claims, gettext)
    template = env.get_template("reports/document.html")
    pieces = template.generate(**context, css=stylesheet(), lang=locale or meta.language)
    while chunk := list(islice(pieces, PIECES_PER_CHUNK)):  # it yields every few characters
        yield "".join(chunk)


def render_html(meta: ReportMeta, claims: Iterable[ClaimRecord], locale: str | None = None) -> str:
    """The whole HTML document as one string (what WeasyPrint takes)."""
    return "".join(stream_html(meta, claims, locale))
