"""`tracker serve` as people run it: gunicorn with several workers, real HTTP, and two servers
on one machine."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

TRACKER = Path(sys.executable).parent / "tracker"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        """Stop it as an operator does (SIGTERM to gunicorn's arbiter) and wait for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float = 10) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


@contextmanager
def serving(
    database_url: str, tmp: Path, *args: str, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """`tracker serve` on a free port, until the block ends (its log in `tmp`)."""
    port = _free_port()
    log = tmp / f"serve-{port}.log"
    environ = {
        **os.environ,
        "TRACKER_DATABASE_URL": database_url,
        "TRACKER_INSTANCE_PATH": str(tmp / "instance"),
        "TRACKER_SECRET_KEY": "serve-test-secret",
        "HOME": str(tmp / "home"),
        **(env or {}),
    }
    environ.pop("XDG_RUNTIME_DIR", None)  # gunicorn's default socket would go to $HOME
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(TRACKER), "serve", "--port", str(port), *args],
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"tracker serve ended: {log.read_text()[-2000:]}")
            try:
                if _get(server.url + "/login", timeout=5) == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"tracker serve did not answer: {log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield server
    finally:
        server.stop()


def _failed_login(base: str, email: str) -> int:
    """One wrong login as a browser makes it (the form's CSRF token, its cookie): the status."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with opener.open(base + "/login", timeout=60) as page:
        found = _CSRF.search(page.read().decode("utf-8"))
    assert found is not None
    form = urllib.parse.urlencode(
        {"csrf_token": found.group(1), "email": email, "password": "not the password"}
    ).encode()
    try:
        with opener.open(base + "/login", data=form, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def test_the_login_limit_per_address_holds_across_workers(
    database_url: str, tmp_path: Path
) -> None:
    """Two gunicorn workers, sixteen wrong logins at once from one address (at accounts that do
    not exist, so no account lock plays a part): exactly the limit's five are tried."""
    with serving(
        database_url, tmp_path, "--workers", "2", env={"TRACKER_LOGIN_LIMITS": "5/hour"}
    ) as server:
        statuses: list[int] = []
        start = threading.Barrier(16)

        def guess(n: int) -> None:
            start.wait()
            statuses.append(_failed_login(server.url, f"gok{n}@example.org"))

        threads = [threading.Thread(target=guess, args=(n,)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        workers = set(re.findall(r"Booting worker with pid: (\d+)", server.log.read_text()))
    assert len(workers) == 2
    assert sorted(statuses) == [401] * 5 + [429] * 11


def test_two_servers_on_one_machine_do_not_share_a_control_socket(
    database_url: str, tmp_path: Path
) -> None:
    """Stopping one server leaves the other serving, and nothing of it in the home directory."""
    with serving(database_url, tmp_path, "--workers", "1") as first:
        with serving(database_url, tmp_path, "--workers", "1") as second:
            first.stop()
            assert _get(second.url + "/login") == 200
        assert first.process.returncode == 0
    assert not (tmp_path / "home" / ".gunicorn").exists()


def test_each_server_may_have_its_own_control_socket(database_url: str, tmp_path: Path) -> None:
    one, two = tmp_path / "one.ctl", tmp_path / "two.ctl"
    with (
        serving(database_url, tmp_path, "--workers", "1", "--control-socket", str(one)) as a,
        serving(database_url, tmp_path, "--workers", "1", "--control-socket", str(two)) as b,
    ):
        deadline = time.monotonic() + 30
        while not (one.exists() and two.exists()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert one.exists() and two.exists()
        a.stop()
        assert not one.exists()
        assert two.exists() and _get(b.url + "/login") == 200
