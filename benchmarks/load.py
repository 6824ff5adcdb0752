"""The main pages under load: wrk with 50 clients against `tracker serve` on the 1M-claim archive.

    python benchmarks/load.py                                   # SQLite, /tmp/tracker-load.sqlite3
    python benchmarks/load.py --database-url postgresql+psycopg://tracker:tracker@127.0.0.1/load
    python benchmarks/load.py --database-url postgresql+psycopg://... --servers 2

The archive is built once with benchmarks/synthetic.py (100,000 articles x 10 claims) and reused
while it holds enough claims. The app is served as a user would serve it (`tracker serve`, its
default 2 workers), a benchmark user logs in through the login form, and every page is driven by
wrk (Debian's package, installed when missing). The same run measures this machine's ceiling: a
static 50-row page served by the same gunicorn settings, so the figures compare as ratios on a
noisy machine. With --servers N, N app servers share the database and each page is driven on
one server, then on all N at once (the load split evenly), to show whether the figures add up.
"""

from __future__ import annotations

import argparse
import html
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select

from tracker.db import make_engine
from tracker.models import Article, Attribution, Claim

HERE = Path(__file__).resolve().parent
EMAIL = "load-benchmark@example.org"
PASSWORD = "load-benchmark-password-1"  # noqa: S105 (a throwaway benchmark database)
# Flask-Login binds a session to its client's user agent: every request sends this one.
USER_AGENT = "tracker-load-benchmark"
DEFAULT_SQLITE = "sqlite:////tmp/tracker-load.sqlite3"

# Targets of issue 13: the queue, every other page, and every page alone.
QUEUE_RPS, QUEUE_CEILING_SHARE, QUEUE_P99_MS = 400.0, 0.40, 250.0
PAGE_RPS, PAGE_P99_MS, ALONE_MS = 150.0, 400.0, 50.0


@dataclass
class Result:
    """What wrk measured for one page (summed over servers when several are driven at once)."""

    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def tracker_bin() -> str:
    """The `tracker` console script of the running interpreter's environment."""
    candidate = Path(sys.executable).with_name("tracker")
    return str(candidate) if candidate.exists() else "tracker"


def ensure_wrk() -> str:
    """wrk's path, installing Debian's package when it is missing."""
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk not found: installing Debian's package", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"], check=False)
    found = shutil.which("wrk")
    if not found:
        subprocess.run([*sudo, "apt-get", "update", "-q"], check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"], check=True)
        found = shutil.which("wrk")
    if not found:
        sys.exit("wrk could not be installed (apt-get install wrk)")
    return found


def tracker(env: dict[str, str], *args: str, check: bool = True) -> None:
    """Run a `tracker` command against the benchmark database."""
    done = subprocess.run(
        [tracker_bin(), *args], env=env, capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        sys.exit(f"tracker {' '.join(args[:2])} failed: {done.stderr.strip()}")


def ensure_archive(url: str, env: dict[str, str], articles: int, per_article: int) -> None:
    """Migrate the database and fill it with the synthetic archive unless it is already there."""
    tracker(env, "db", "upgrade")
    engine = make_engine(url)
    with engine.connect() as conn:
        have = conn.scalar(select(func.count(Claim.id))) or 0
    if have >= articles * per_article:
        print(f"archive: reusing {have:,} claims", file=sys.stderr)
        return
    sys.path.insert(0, str(HERE))
    from synthetic import populate

    print(f"archive: building {articles * per_article:,} claims (once)", file=sys.stderr)
    started = time.perf_counter()
    populate(engine, articles, per_article)
    print(f"archive: built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    engine.dispose()


def pick_targets(url: str) -> tuple[int, int, int]:
    """An article with at least 10 claims, one of its claims, and the most frequent source."""
    engine = make_engine(url)
    with engine.connect() as conn:
        article_id, claim_id = conn.execute(
            select(Claim.article_id, func.min(Claim.id))
            .group_by(Claim.article_id)
            .having(func.count(Claim.id) >= 10)
            .order_by(Claim.article_id.desc())
            .limit(1)
        ).one()
        source_id = conn.scalar(
            select(Attribution.source_id)
            .where(Attribution.source_id.is_not(None))
            .group_by(Attribution.source_id)
            .order_by(func.count().desc())
            .limit(1)
        )
        has_outlets = bool(conn.scalar(select(func.count(Article.id))))
    engine.dispose()
    assert has_outlets and source_id is not None
    return int(article_id), int(claim_id), int(source_id)


def pages(article_id: int, claim_id: int, source_id: int, url_map: set[str]) -> list[str]:
    """The pages people use, as paths; search only once the app has it."""
    paths = [
        "/queue/",
        "/queue/?status=disputed&language=nl&checkworthy=y",
        f"/articles/{article_id}?claim={claim_id}",
        f"/sources/{source_id}",
        "/",
        "/reports/",
    ]
    if "/search" in url_map:
        paths.append("/search?q=woningen")
    return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, path: str = "/login", seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"the server on port {port} did not answer within {seconds:.0f} s")


@contextmanager
def server(command: list[str], env: dict[str, str], port: int, path: str) -> Iterator[int]:
    """A server process for the duration of the block, stopped with SIGTERM."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(command, env=env, stdout=log, stderr=log, start_new_session=True)
        try:
            wait_for(port, path)
            yield port
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def app_server(env: dict[str, str], workers: int) -> AbstractContextManager[int]:
    port = free_port()
    cmd = [tracker_bin(), "serve", "--port", str(port), "--workers", str(workers)]
    return server(cmd, env, port, "/login")


def static_server(workers: int) -> AbstractContextManager[int]:
    port = free_port()
    cmd = [sys.executable, __file__, "--serve-static", str(port), "--workers", str(workers)]
    return server(cmd, dict(os.environ), port, "/")


def static_page() -> bytes:
    """A 50-row HTML table about the size of a queue page, built once."""
    rows = "".join(
        f"<tr><td>{i}</td><td>{html.escape('De minister zegt dat er woningen bijkomen.')}</td>"
        f"<td>unreviewed</td><td>0.{i:02d}</td></tr>\n"
        for i in range(50)
    )
    return f"<!doctype html><title>ceiling</title><table>{rows}</table>".encode()


def serve_static(port: int, workers: int) -> None:
    """Serve the static page through the app's gunicorn settings (runs in a subprocess)."""
    from tracker.serving import run_gunicorn

    body = static_page()

    def app(environ: dict[str, object], start_response: object) -> list[bytes]:
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
        start_response("200 OK", headers)  # type: ignore[operator]
        return [body]

    run_gunicorn(app, "127.0.0.1", port, workers)


def login(port: int) -> str:
    """Log in through the form; returns the Cookie header the session needs."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", USER_AGENT)]
    base = f"http://127.0.0.1:{port}"
    with opener.open(f"{base}/login") as response:
        form = response.read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form)
    if token is None:
        sys.exit("no CSRF token on the login page")
    data = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "email": EMAIL, "password": PASSWORD}
    ).encode()
    with opener.open(f"{base}/login", data=data) as response:
        if response.url.rstrip("/").endswith("/login"):
            sys.exit("the benchmark user could not log in")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def fetch(port: int, path: str, cookie: str) -> tuple[int, float, str]:
    """One request: status, milliseconds, final URL."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie, "User-Agent": USER_AGENT}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310 (http only)
        response.read()
        return response.status, (time.perf_counter() - started) * 1000, response.url


def alone_ms(port: int, path: str, cookie: str, times: int = 15) -> float:
    """Median time of one request with nothing else running (after two warm-ups)."""
    for _ in range(2):
        fetch(port, path, cookie)
    return statistics.median(fetch(port, path, cookie)[1] for _ in range(times))


# wrk counts redirects as successes; this script counts every answer that is not a 200
# (a redirect to the login page would otherwise pass for a fast page).
NOT_200_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("Not 200: %d\\n", total))
end
"""

_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNIT[unit]


def _figure(pattern: str, output: str) -> str | None:
    found = re.search(pattern, output)
    return found.group(1) if found else None


def parse_wrk(output: str) -> Result:
    """Requests/s, p50, p99 and errors (answers other than 200, socket errors) from wrk."""
    rps, p50, p99 = (
        _figure(r"Requests/sec:\s+([\d.]+)", output),
        _figure(r"\b50%\s+([\d.]+(?:us|ms|s|m))", output),
        _figure(r"\b99%\s+([\d.]+(?:us|ms|s|m))", output),
    )
    if rps is None or p50 is None or p99 is None:
        print(f"wrk printed no figures:\n{output}", file=sys.stderr)
        return Result(0.0, float("nan"), float("nan"), 1)
    errors = 0
    not_200 = re.search(r"Not 200:\s+(\d+)", output)
    if not_200:
        errors += int(not_200.group(1))
    sockets = re.search(r"Socket errors:(.*)", output)
    if sockets:
        errors += sum(int(n) for n in re.findall(r"\d+", sockets.group(1)))
    if float(rps) == 0:  # not one answer in the whole run: every client timed out
        errors = max(errors, 1)
    return Result(float(rps), _ms(p50), _ms(p99), errors)


def drive(wrk: str, urls: list[str], cookie: str, clients: int, seconds: int) -> Result:
    """Drive every URL at once, the clients split evenly; figures summed (latency: worst)."""
    share = max(1, clients // len(urls))
    script = Path(tempfile.mkdtemp()) / "not200.lua"
    script.write_text(NOT_200_LUA)
    procs = [
        subprocess.Popen(
            [
                wrk,
                "-t2",
                f"-c{share}",
                f"-d{seconds}s",
                "--timeout",
                "5s",
                "--latency",
                "-s",
                str(script),
                "-H",
                f"Cookie: {cookie}",
                "-H",
                f"User-Agent: {USER_AGENT}",
                url,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for url in urls
    ]
    results = [parse_wrk(proc.communicate()[0]) for proc in procs]
    return Result(
        rps=sum(r.rps for r in results),
        p50_ms=max(r.p50_ms for r in results),
        p99_ms=max(r.p99_ms for r in results),
        errors=sum(r.errors for r in results),
    )


def verdict(path: str, result: Result, ceiling: float, alone: float) -> str:
    """Whether the page meets issue 13's targets."""
    if path.startswith("/queue/"):
        fast = result.rps >= QUEUE_RPS or result.rps >= QUEUE_CEILING_SHARE * ceiling
        ok = fast and result.p99_ms <= QUEUE_P99_MS
    else:
        ok = result.rps >= PAGE_RPS and result.p99_ms <= PAGE_P99_MS
    ok = ok and result.errors == 0 and alone <= ALONE_MS
    return "met" if ok else "NOT met"


def row(label: str, result: Result, ceiling: float, alone: str, target: str) -> str:
    share = f"{result.rps / ceiling:6.1%}" if ceiling else "     -"
    return (
        f"{label:<52} {result.rps:8.1f} {share} {result.p50_ms:8.1f} {result.p99_ms:8.1f}"
        f" {result.errors:6d} {alone:>8} {target}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_SQLITE)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--claims-per-article", type=int, default=10)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--serve-static", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_static:
        serve_static(args.serve_static, args.workers)
        return

    wrk = ensure_wrk()
    env = dict(os.environ, TRACKER_DATABASE_URL=args.database_url, TRACKER_LOG_LEVEL="WARNING")
    env.setdefault("TRACKER_SECRET_KEY", "load-benchmark-secret-key-not-for-production")
    ensure_archive(args.database_url, env, args.articles, args.claims_per_article)
    tracker(
        env,
        "user",
        "create",
        "--email",
        EMAIL,
        "--name",
        "Load Benchmark",
        "--role",
        "editor",
        "--password",
        PASSWORD,
        check=False,
    )
    article_id, claim_id, source_id = pick_targets(args.database_url)
    engine = make_engine(args.database_url)
    claims = engine.connect().scalar(select(func.count(Claim.id)))
    tables = inspect(engine).get_table_names()
    engine.dispose()

    with static_server(args.workers) as static_port:
        ceiling = drive(
            wrk, [f"http://127.0.0.1:{static_port}/"], "x=1", args.clients, args.seconds
        )
    with app_servers(env, args) as ports:
        cookie = login(ports[0])
        from tracker import create_app

        url_map = {rule.rule for rule in create_app().url_map.iter_rules()}
        paths = pages(article_id, claim_id, source_id, url_map)
        print(
            f"\n{engine.dialect.name}: {claims:,} claims, {len(tables)} tables; "
            f"{args.servers} app server(s) x {args.workers} workers; wrk -c{args.clients} "
            f"-d{args.seconds}s; alone = median of 15 single requests"
        )
        print(
            f"{'page':<52} {'req/s':>8} {'ceil':>6} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'errors':>6} {'alone ms':>8} target"
        )
        print(row("static 50-row page (this machine's ceiling)", ceiling, ceiling.rps, "-", ""))
        for path in paths:
            status, _, final = fetch(ports[0], path, cookie)
            if status != 200 or "/login" in final:
                print(f"{path:<52} answered {status} at {final}: skipped")
                continue
            alone = alone_ms(ports[0], path, cookie)
            result = drive(
                wrk, [f"http://127.0.0.1:{ports[0]}{path}"], cookie, args.clients, args.seconds
            )
            print(
                row(
                    path,
                    result,
                    ceiling.rps,
                    f"{alone:.1f}",
                    verdict(path, result, ceiling.rps, alone),
                )
            )
            if len(ports) > 1:
                urls = [f"http://127.0.0.1:{port}{path}" for port in ports]
                both = drive(wrk, urls, cookie, args.clients, args.seconds)
                print(row(f"  on {len(ports)} servers at once", both, ceiling.rps, "", ""))


@contextmanager
def app_servers(env: dict[str, str], args: argparse.Namespace) -> Iterator[list[int]]:
    """`--servers` app servers on one database, all started before the block."""
    with ExitStack() as stack:
        yield [stack.enter_context(app_server(env, args.workers)) for _ in range(args.servers)]


if __name__ == "__main__":
    main()
