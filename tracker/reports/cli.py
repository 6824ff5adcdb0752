"""`tracker export`: a verification report to a file, in any format."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from ..models import STATUSES
from .common import FORMATS


class OneLineCommand(click.Command):
    """Bad arguments end in one line ("Error: ..."), not a usage screen."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as err:
            raise click.ClickException(err.format_message().replace("\n", " ")) from None


def _counted(claims: Iterable[Any], bar: Any) -> Iterator[Any]:
    for claim in claims:
        yield claim
        bar.update(1)


@click.command("export", cls=OneLineCommand)
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option("--article", "article_id", type=int, help="Report on one article (its id).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Period start (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Period end, inclusive.")
@click.option("--outlet", help="Only articles of this outlet (id or name).")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--assignee", help="Only claims assigned to this user (id or e-mail).")
@click.option("--language", type=click.Choice(["nl", "en"]), help="Only articles in this language.")
@click.option(
    "--lang", "report_lang", type=click.Choice(["nl", "en"]), help="Language of the report's texts."
)
@click.option(
    "--include-unreviewed",
    is_flag=True,
    help="Also list the claims without a verdict (by default they are only counted).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write ('-' for standard output).",
)
@click.pass_context
def export(
    click_ctx: click.Context,
    fmt: str,
    article_id: int | None,
    since: datetime | None,
    until: datetime | None,
    outlet: str | None,
    status: str | None,
    assignee: str | None,
    language: str | None,
    report_lang: str | None,
    include_unreviewed: bool,
    output: Path,
) -> None:
    """Export a verification report for --article ID or a period (--since/--until ...)."""
    from ..cli import Context
    from ..config import Settings
    from ..db import make_engine, make_session_factory
    from ..services import reports as service
    from ..services.errors import TrackerError
    from .common import methodology_text
    from .render import check_size, prepare, render

    settings = Settings()
    acting = click_ctx.ensure_object(Context)  # whom `tracker --as` names, else the system
    engine = make_engine(settings.database_url)
    tmp_name: str | None = None
    try:
        prepare(fmt)
        with make_session_factory(engine)() as session:
            flt = service.ReportFilter(
                article_id=article_id,
                since=since.date() if since else None,
                until=until.date() if until else None,
                outlet_id=service.resolve_outlet(session, outlet) if outlet else None,
                status=status,
                assignee_id=service.resolve_user(session, assignee) if assignee else None,
                language=language,
                reviewed_only=not include_unreviewed and status != "unreviewed",
            ).check()
            lang = report_lang
            if lang is None:
                lang = service.get_article(session, article_id).language if article_id else "en"
            meta = service.export_meta(
                session,
                flt,
                acting.actor(session),
                newsroom_name=settings.newsroom_name,
                newsroom_url=settings.newsroom_url,
                review_url=settings.claimreview_url,
                language=lang,
                methodology=methodology_text(None, lang),
            )
            check_size(fmt, meta.summary.listed)
            with click.progressbar(
                length=meta.summary.listed, label=f"exporting {fmt}", file=sys.stderr, show_pos=True
            ) as bar:
                claims = _counted(service.iter_claims(session, flt), bar)
                if str(output) == "-":
                    out = sys.stdout.buffer
                    for chunk in render(fmt, meta, claims, lang):
                        out.write(chunk)
                    out.flush()
                else:
                    directory = output.resolve().parent
                    if not directory.is_dir():
                        raise click.ClickException(f"{output}: no such directory {directory}")
                    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".export-")
                    with os.fdopen(fd, "wb") as handle:
                        for chunk in render(fmt, meta, claims, lang):
                            handle.write(chunk)
                    umask = os.umask(0)
                    os.umask(umask)
                    os.chmod(tmp_name, 0o666 & ~umask)
                    os.replace(tmp_name, output)
                    tmp_name = None
    except TrackerError as err:
        raise click.ClickException(str(err)) from None
    finally:
        if tmp_name is not None and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        engine.dispose()
    if str(output) != "-":
        click.echo(f"wrote {meta.summary.listed} claim(s) as {fmt} to {output}", err=True)
