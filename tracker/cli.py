"""The `tracker` command: database, users, ingest, demo, serving, audit, extraction."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from sqlalchemy.orm import Session

from .config import Settings
from .db import make_engine, make_session_factory
from .models import User
from .reports.cli import export
from .services.errors import TrackerError

if TYPE_CHECKING:
    from .services.ingest import ArticleInput, BulkTally


@dataclass
class Context:
    """What every command shares: the settings, and whom it acts as.

    A command acts as the system unless `tracker --as EMAIL ...` names a user: the system (the
    operator who holds the database credentials) may do everything and the audit log names no
    user; a named user gets exactly what the policy gives them on the web
    (tracker/services/policy.py), and the audit log names them.
    """

    settings: Settings = field(default_factory=Settings)
    acting_as: str | None = None

    def actor(self, session: Session) -> User | None:
        """The user named by --as (a one-line error when there is none), or None: the system."""
        if self.acting_as is None:
            return None
        return user_by_email(session, self.acting_as, "--as: ")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        engine = make_engine(self.settings.database_url)
        try:
            with make_session_factory(engine)() as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        finally:
            engine.dispose()


pass_ctx = click.make_pass_decorator(Context, ensure=True)


def fail(message: str) -> NoReturn:
    """Print a one-line error and exit non-zero."""
    raise click.ClickException(message)


def user_by_email(session: Session, email: str, prefix: str = "") -> User:
    """The user with this e-mail address; a one-line error when there is none."""
    from .services.users import find_by_email

    found = find_by_email(session, email)
    if found is None:
        fail(f"{prefix}no user with e-mail {email}")
    return found


class OneLineErrors(click.Group):
    """A service's refusal (TrackerError, PermissionDenied among them) ends any command in one
    line on standard error ("Error: ...") and exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as err:
            raise click.ClickException(str(err)) from None


@click.group(cls=OneLineErrors)
@click.version_option(package_name="tracker")
@click.option(
    "--as",
    "acting_as",
    metavar="EMAIL",
    help="Act as this user, with their role's rights (default: the system, which may do all).",
)
@click.pass_context
def main(click_ctx: click.Context, acting_as: str | None) -> None:
    """Claim-provenance tracker for fact-checkers."""
    from .logs import configure_logging

    try:
        ctx = click_ctx.ensure_object(Context)  # reads the settings from the environment
    except ValueError as err:  # a bad setting, e.g. TRACKER_LOG_LEVEL=LOUD
        fail(str(err))
    ctx.acting_as = acting_as
    configure_logging(ctx.settings.log_level)  # as the web app does: TRACKER_LOG_LEVEL, stderr


# --- database ---------------------------------------------------------------------------------


@main.group()
def db() -> None:
    """Database migrations (Alembic)."""


@db.command("upgrade")
@click.argument("revision", default="head")
@pass_ctx
def db_upgrade(ctx: Context, revision: str) -> None:
    """Upgrade the database to REVISION (default: the newest)."""
    from . import migrate

    migrate.upgrade(ctx.settings.owner_database_url, revision)
    click.echo(f"database at {revision}")
    if revision == "head":
        _anchor_audit_log(ctx)


def _anchor_audit_log(ctx: Context) -> None:
    """The first signed checkpoint of the audit log, made once (the key too, if none is set)."""
    from .config import audit_checkpoint_dir
    from .services import audit_checkpoint
    from .services.audit import signing_key

    engine = make_engine(ctx.settings.owner_database_url)  # the app role may have no rights yet
    try:
        with make_session_factory(engine)() as session:
            written = audit_checkpoint.anchor_from_the_start(
                session, audit_checkpoint_dir(), signing_key()
            )
            session.rollback()
    finally:
        engine.dispose()
    if written is not None:
        click.echo(
            f"audit log anchored: checkpoint {written.path} ({written.anchor.count} event(s))"
        )


@db.command("downgrade")
@click.argument("revision")
@pass_ctx
def db_downgrade(ctx: Context, revision: str) -> None:
    """Downgrade the database to REVISION ('base' empties it)."""
    from . import migrate

    migrate.downgrade(ctx.settings.owner_database_url, revision)
    click.echo(f"database at {revision}")


@db.command("setup-roles")
@click.option("--app-role", required=True, help="The role the app connects as.")
@click.option(
    "--app-password-env",
    default="TRACKER_APP_DB_PASSWORD",
    show_default=True,
    help="The environment variable holding the app role's password (to create or change it).",
)
@pass_ctx
def db_setup_roles(ctx: Context, app_role: str, app_password_env: str) -> None:
    """PostgreSQL: give the app's role its rights, as the tables' owner (TRACKER_OWNER_DATABASE_URL
    or TRACKER_DATABASE_URL): SELECT and INSERT only on the audit log, so the app can neither
    change, delete nor truncate events, nor switch the log's triggers off. Run it after every
    `tracker db upgrade`; it creates the role when it is missing (the owner needs CREATEROLE)."""
    import os

    from .db_roles import RoleError, setup_roles

    try:
        done = setup_roles(
            ctx.settings.owner_database_url, app_role, os.environ.get(app_password_env) or None
        )
    except RoleError as err:
        fail(str(err))
    state = "created" if done.created else "updated"
    click.echo(
        f"role {done.app_role} {state}: rights on {done.tables} table(s) owned by {done.owner}; "
        "audit_events: SELECT and INSERT only"
    )


@db.command("current")
@pass_ctx
def db_current(ctx: Context) -> None:
    """Print the database's revision and the newest one."""
    from . import migrate

    engine = make_engine(ctx.settings.database_url)
    try:
        current = migrate.current_revision(engine)
    finally:
        engine.dispose()
    head = migrate.head_revision(ctx.settings.database_url)
    state = "up to date" if current == head else "needs `tracker db upgrade`"
    click.echo(f"current: {current or 'none'}  head: {head}  ({state})")


# --- users ------------------------------------------------------------------------------------


@main.group()
def user() -> None:
    """User accounts."""


@user.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option(
    "--role", type=click.Choice(["factchecker", "editor", "admin"]), default="factchecker"
)
@click.password_option("--password", help="Prompted for when not given.")
@pass_ctx
def user_create(ctx: Context, email: str, name: str, role: str, password: str) -> None:
    """Create a user."""
    from .services import users

    with ctx.session() as session:
        created = users.create_user(session, email, name, password, role, ctx.actor(session))
        click.echo(f"created {created.role} {created.email} (id {created.id})")


@user.command("list")
@pass_ctx
def user_list(ctx: Context) -> None:
    """List users."""
    from .services import users

    with ctx.session() as session:
        for u in users.list_users(session, ctx.actor(session)):
            state = "" if u.active else "  (inactive)"
            click.echo(f"{u.id}\t{u.email}\t{u.role}\t{u.name}{state}")


@user.command("set-password")
@click.argument("email")
@click.password_option("--password", help="Prompted for when not given.")
@pass_ctx
def user_set_password(ctx: Context, email: str, password: str) -> None:
    """Set a user's password; every session of theirs ends."""
    from .services import users

    with ctx.session() as session:
        found = user_by_email(session, email)
        users.change_password(session, found.id, password, ctx.actor(session))
    click.echo(f"password of {email} changed; their sessions ended")


@user.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(["factchecker", "editor", "admin"]))
@pass_ctx
def user_set_role(ctx: Context, email: str, role: str) -> None:
    """Give the user with EMAIL a new ROLE (the last active admin keeps theirs)."""
    from .services import users

    with ctx.session() as session:
        found = user_by_email(session, email)
        users.change_role(session, found.id, role, ctx.actor(session))
        click.echo(f"{email} is now {role}")


@main.group()
def token() -> None:
    """API tokens (bearer tokens for /api)."""


@token.command("create")
@click.option("--email", required=True, help="The token's owner.")
@click.option("--name", required=True, help="What the token is for.")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    type=click.Choice(["read", "review", "ingest"]),
    default=("read",),
    show_default=True,
)
@click.option(
    "--days", default=90, show_default=True, type=click.IntRange(1, 366), help="Valid this long."
)
@pass_ctx
def token_create(ctx: Context, email: str, name: str, scopes: tuple[str, ...], days: int) -> None:
    """Issue a token; its plain text is printed once."""
    from .services import tokens

    with ctx.session() as session:
        owner = user_by_email(session, email)
        issued = tokens.issue_token(session, owner, name, scopes, ctx.actor(session), days=days)
        click.echo(issued.plaintext)


@token.command("list")
@click.option("--email", help="Only this user's tokens.")
@pass_ctx
def token_list(ctx: Context, email: str | None) -> None:
    """Every token: id, state, owner, name, scopes, expiry, last use."""
    from .services import tokens

    with ctx.session() as session:
        for t in tokens.list_tokens(session, ctx.actor(session), email):
            used = t.last_used_at.strftime("%Y-%m-%d %H:%M") if t.last_used_at else "never"
            click.echo(
                f"{t.id:>5}  {tokens.token_state(t):<8} {t.owner.email}  {t.name!r}  "
                f"scopes={t.scopes.replace(' ', ',')}  expires={t.expires_at:%Y-%m-%d}  "
                f"used={used}"
            )


@token.command("revoke")
@click.argument("token_id", type=int)
@pass_ctx
def token_revoke(ctx: Context, token_id: int) -> None:
    """Revoke a token at once (by the id `tracker token list` shows)."""
    from .services import tokens

    with ctx.session() as session:
        revoked = tokens.revoke_token(session, token_id, ctx.actor(session))
        click.echo(f"token {revoked.id} ({revoked.name!r}) revoked")


# --- ingest -----------------------------------------------------------------------------------


def read_text_file(path: Path) -> str:
    """A file's text as `tracker extract` reads it, or a one-line ClickException saying what is
    wrong with it."""
    from .extract.reading import ReadError, read_text

    try:
        return read_text(path)
    except ReadError as err:
        fail(str(err))
        raise  # unreachable, for the type checker


def _jsonl_items(path: Path, language: str) -> Iterator[tuple[str, ArticleInput | str]]:
    """(FILE:LINE, the article or why the line is not one) for every non-blank line."""
    from .services.importing import jsonl_lines
    from .services.ingest import ArticleInput

    for line in jsonl_lines(read_text_file(path)):
        label = f"{path}:{line.number}"
        if line.error:
            yield label, line.error
            continue
        row = line.fields
        yield (
            label,
            ArticleInput(
                body=row["body"] or "",
                title=row.get("title") or "",
                url=row.get("url"),
                outlet=row.get("outlet"),
                author=row.get("author"),
                published=row.get("published"),
                language=row.get("language") or language,
            ),
        )


PROGRESS_EVERY = 100


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Title (default: the first line of the text).")
@click.option("--url", help="Where the article was published.")
@click.option("--outlet", help="The outlet that published it.")
@click.option("--author")
@click.option("--published", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--lang", "language", type=click.Choice(["auto", "nl", "en"]), default="auto")
@click.option(
    "--jsonl",
    is_flag=True,
    help="Each FILE holds one JSON object per line (fields body, title, url, outlet, author, "
    "published, language), an article each.",
)
@click.option(
    "--supersedes",
    type=int,
    metavar="ID",
    help="Store the one FILE as the new version of article ID (its claims are re-anchored).",
)
@click.option(
    "--separate",
    is_flag=True,
    help="Store texts nearly the same as a stored article anyway, as articles of their own.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="With --jsonl on PostgreSQL: ingest in this many processes at once.",
)
@pass_ctx
def ingest(
    ctx: Context,
    files: tuple[Path, ...],
    title: str | None,
    url: str | None,
    outlet: str | None,
    author: str | None,
    published: str | None,
    language: str,
    jsonl: bool,
    supersedes: int | None,
    separate: bool,
    jobs: int,
) -> None:
    """Ingest articles from FILES, each article in a transaction of its own.

    An article is stored whole (text, claims, audit event) or not at all. A text stored before
    is skipped as a duplicate, so a killed or failed run is finished by running it again. Text
    FILES are all read and checked before any is stored. With --jsonl, a line that is not a
    valid article is reported (FILE:LINE: reason) and skipped, the other lines are stored, and
    the command then exits with status 1. Progress goes to stderr every 100 lines.

    A text FILE nearly the same as a stored article (spacing, quotes, a changed word) is skipped
    too, naming that article: ingest it again with --supersedes ID (its new version) or
    --separate. A --jsonl import skips only exact duplicates. With --jobs N (--jsonl, on
    PostgreSQL) N processes ingest at once, each article still in a transaction of its own.
    """
    from .services.ingest import ArticleInput, ingest_each, ingest_parallel, validate_body

    if supersedes is not None and (jsonl or len(files) != 1 or separate):
        fail("--supersedes takes one text FILE (not --jsonl, not with --separate)")
    if jobs > 1 and not jsonl:
        fail("--jobs takes --jsonl FILES")
    if jobs > 1 and not ctx.settings.database_url.startswith("postgresql"):
        fail("--jobs needs PostgreSQL: SQLite writes one article at a time")

    items: Iterable[tuple[str, ArticleInput | str]]
    if jsonl:
        items = (item for path in files for item in _jsonl_items(path, language))
    else:
        checked: list[tuple[str, ArticleInput | str]] = []
        for path in files:
            body = read_text_file(path)
            try:
                validate_body(body, ctx.settings.max_article_chars)
            except TrackerError as err:
                fail(f"{path}: {err}")
            checked.append(
                (
                    str(path),
                    ArticleInput(
                        body=body,
                        title=title or "",
                        url=url,
                        outlet=outlet,
                        author=author,
                        published=published,
                        language=language,
                    ),
                )
            )
        items = checked

    def stored(label: str, article: Any) -> None:
        if not jsonl and len(files) == 1:
            click.echo(f"article {article.id}: {article.title} ({len(article.claims)} claims)")

    def skipped(label: str, message: str) -> None:
        click.echo(f"{label}: {message}", err=True)

    def progress(tally: BulkTally) -> None:
        if jsonl and tally.done % PROGRESS_EVERY == 0:
            click.echo(_progress_line(tally), err=True)

    with ctx.session() as session:
        acting = ctx.actor(session)
        actor_id = acting.id if acting is not None else None
    if jobs > 1:
        tally = ingest_parallel(
            ctx.settings.database_url,
            items,
            jobs,
            max_chars=ctx.settings.max_article_chars,
            on_skip=skipped,
            on_progress=progress,
            actor_id=actor_id,
            separate=True,  # --jsonl, as below
        )
    else:
        engine = make_engine(ctx.settings.database_url)
        try:
            tally = ingest_each(
                make_session_factory(engine),
                items,
                max_chars=ctx.settings.max_article_chars,
                on_article=stored,
                on_skip=skipped,
                on_progress=progress,
                actor_id=actor_id,
                supersedes_id=supersedes,
                # a bulk import stores every distinct text: its near-identical texts are on purpose
                separate=separate or jsonl,
            )
        finally:
            engine.dispose()
    if jsonl and tally.done == 0:
        fail("no articles in the file(s)")
    click.echo(
        f"ingested {tally.stored} article(s), {tally.claims} claim(s); "
        f"{tally.duplicates} duplicate(s) skipped"
        + (f"; {tally.bad} bad line(s) skipped" if jsonl else "")
    )
    if tally.similar:
        click.echo(
            f"{tally.similar} text(s) nearly the same as a stored article: ingest such a FILE "
            "again with --supersedes ID to store it as that article's new version, or with "
            "--separate to store it as an article of its own",
            err=True,
        )
    if tally.bad:
        raise SystemExit(1)


def _progress_line(tally: BulkTally) -> str:
    return (
        f"progress: {tally.done} line(s): {tally.stored} stored, "
        f"{tally.duplicates} duplicate(s), {tally.bad} bad"
    )


# --- demo, serve ------------------------------------------------------------------------------


@main.command()
@pass_ctx
def demo(ctx: Context) -> None:
    """Load the demo article, sources and logins (once)."""
    from .services.demo import DEMO_USERS, load_demo

    with ctx.session() as session:
        result = load_demo(session)
        state = "loaded" if result.created else "already there"
        click.echo(f"demo article {result.article.id} {state}: {result.article.title}")
    for email, _name, role, password in DEMO_USERS:
        click.echo(f"  {role:<12} {email}  password: {password}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--dev", is_flag=True, help="Flask's development server with reloading.")
@click.option("--workers", default=2, show_default=True, type=int)
@click.option(
    "--control-socket",
    type=click.Path(dir_okay=False, path_type=Path),
    help="gunicorn's control socket (for gunicornc), one per server; none by default.",
)
def serve(host: str, port: int, dev: bool, workers: int, control_socket: Path | None) -> None:
    """Serve the web app (gunicorn; --dev for Flask's development server).

    gunicorn's control socket is off unless --control-socket names one: its default path in
    the home directory is shared by every server of the user, and whichever stopped first
    deleted it under the others."""
    from . import create_app

    app = create_app()
    click.echo(f"serving on http://{host}:{port}/", err=True)
    if dev:
        app.run(host=host, port=port, debug=True)
        return
    from .serving import run_gunicorn

    run_gunicorn(app, host, port, workers, control_socket)


# --- audit ------------------------------------------------------------------------------------


@main.group()
def audit() -> None:
    """The tamper-evident audit log."""


def _audit_key() -> bytes:
    from .config import audit_key

    key = audit_key(create=False)
    if key is None:
        fail("no audit key: set TRACKER_AUDIT_KEY or TRACKER_AUDIT_KEY_FILE (instance/audit_key)")
    assert key is not None
    return key


@audit.command("verify")
@pass_ctx
def audit_verify(ctx: Context) -> None:
    """Check the chain's keyed hashes and its length against the newest signed checkpoint."""
    from .config import audit_checkpoint_dir
    from .services import audit_checkpoint

    key = _audit_key()
    with ctx.session() as session:
        report, anchor = audit_checkpoint.verify(session, audit_checkpoint_dir(), key)
    if not report.ok and report.broken_id is None:
        fail(f"audit log not anchored ({report.events} event(s)): {report.reason}")
    if not report.ok:
        fail(f"audit chain broken at event {report.broken_id}: {report.reason}")
    click.echo(f"audit chain intact: {report.events} event(s)")
    if report.legacy:
        click.echo(
            f"note: the first {report.legacy} event(s) carry keyless hashes from before the log "
            "was keyed; they are trusted only as far as the first checkpoint vouches for them"
        )
    if anchor is not None:
        click.echo(f"checked against the checkpoint of {anchor.made_at} ({anchor.count} event(s))")


@audit.command("checkpoint")
@pass_ctx
def audit_checkpoint_cmd(ctx: Context) -> None:
    """Verify the log, then write a signed checkpoint of its head outside the database."""
    from .config import audit_checkpoint_dir
    from .services import audit_checkpoint

    key = _audit_key()
    with ctx.session() as session:
        written = audit_checkpoint.write(session, audit_checkpoint_dir(), key)
    click.echo(
        f"checkpoint {written.path}: {written.anchor.count} event(s), head {written.anchor.head_id}"
    )


# --- sources ----------------------------------------------------------------------------------


@main.group()
def sources() -> None:
    """The source registry."""


@sources.command("audit")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text")
@pass_ctx
def sources_audit(ctx: Context, fmt: str) -> None:
    """List registry entries whose name or alias is not a name (pronouns, function words,
    fragments) or is a description, for an editor to fix."""
    from dataclasses import asdict

    from .services.sources import audit_registry

    with ctx.session() as session:
        problems = audit_registry(session)
    for p in problems:
        if fmt == "jsonl":
            click.echo(json.dumps(asdict(p), ensure_ascii=False))
        else:
            click.echo(f"#{p.source_id}\t{p.name}\t{p.kind}\t{p.problem}: {p.words!r} ({p.reason})")
    click.echo(f"{len(problems)} problem(s) in the registry", err=True)


# --- extract ----------------------------------------------------------------------------------


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["auto", "nl", "en"]), default="auto")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl")
def extract(files: tuple[str, ...], lang: str, fmt: str) -> None:
    """Print the claims and attributions found in FILES (no database needed)."""
    from .extract.cli import run_extract

    sys.exit(run_extract(list(files), lang, fmt, sys.stdout))


# Commands that live with their area; a failing import stops the command line, loudly.
main.add_command(export)
