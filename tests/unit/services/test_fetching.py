"""Safe fetching: the address checked is the one connected to, translation prefixes, malformed
URLs, and a deadline for the whole fetch (real servers on 127.0.0.1, a stub resolver)."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tracker.services import fetching, importing
from tracker.services.errors import InvalidInput

INTERNAL_PAGE = (
    "<html lang='en'><body><article><p>Internal wiki: the staff rota for the night desk and the "
    "password of the shared archive account are kept on this page.</p></article></body></html>"
)
PUBLIC_IP = "93.184.216.34"


class _Internal(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        data = INTERNAL_PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


class _Trickle(BaseHTTPRequestHandler):
    """Sends a byte every 0.2 s for up to 60 s: each read is quick, the whole is not."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", "300")
        self.end_headers()
        try:
            for _ in range(300):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            return

    def log_message(self, *args: object) -> None:
        pass


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def internal_port() -> Iterator[int]:
    yield from _serve(_Internal)


@pytest.fixture
def trickle_port() -> Iterator[int]:
    yield from _serve(_Trickle)


def _answers(monkeypatch: pytest.MonkeyPatch, name: str, *addresses: str) -> list[str]:
    """Make `name` resolve to addresses[0], then addresses[1], ... (the last one repeats)."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != name:
            return real(host, port, *args, **kwargs)
        ip = addresses[min(len(asked), len(addresses) - 1)]
        asked.append(ip)
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        sockaddr = (ip, port or 0, 0, 0) if family == socket.AF_INET6 else (ip, port or 0)
        return [(family, socket.SOCK_STREAM, 6, "", sockaddr)]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_dns_rebinding_cannot_reach_the_internal_page(
    monkeypatch: pytest.MonkeyPatch, internal_port: int
) -> None:
    """Public at the check, 127.0.0.1 at the connect: the connection goes to the checked address."""
    asked = _answers(monkeypatch, "news.rebind.example", PUBLIC_IP, "127.0.0.1")
    real_connect = socket.socket.connect
    connected: list[Any] = []

    def connect(self: socket.socket, address: Any) -> None:
        connected.append(address)
        if address[0] == PUBLIC_IP:  # no real traffic leaves the test
            raise ConnectionRefusedError("refused by the test")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    url = f"http://news.rebind.example:{internal_port}/"
    with pytest.raises(InvalidInput, match="could not be fetched") as caught:
        importing.fetch_url(url, timeout=5)
    assert "staff rota" not in str(caught.value)
    assert [address[0] for address in connected] == [PUBLIC_IP]
    assert asked == [PUBLIC_IP]  # resolved once


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a00:8",  # NAT64 of 10.0.0.8
        "64:ff9b:1::a00:8",  # local-use NAT64 prefix
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:0:7f00:1",  # IPv4-translated
        "::ffff:a9fe:a9fe",  # IPv4-mapped 169.254.169.254
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_addresses_that_reach_private_ones_are_refused(
    monkeypatch: pytest.MonkeyPatch, address: str
) -> None:
    assert not fetching.is_public(ipaddress.ip_address(address))
    _answers(monkeypatch, "sneaky.example", address)
    with pytest.raises(InvalidInput, match="private network"):
        importing.fetch_url("http://sneaky.example/")


@pytest.mark.parametrize(
    "address", [PUBLIC_IP, "64:ff9b::5db8:d822", "2002:5db8:d822::1", "2606:4700:4700::1111"]
)
def test_public_addresses_and_their_translations_pass(address: str) -> None:
    assert fetching.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1/",
        "http://a..b/",
        "http://[127.0.0.1]/",
        f"http://{'a' * 70}.example/",
        "http://exa mple.org/",
        "http://example.org:99999/",
        "http://example.org:0/",
        "http://-bad-.example/",
        "http://[fe80::1%25eth0/",
        "http://:80/",
    ],
)
def test_malformed_urls_get_a_clear_message(url: str) -> None:
    with pytest.raises(InvalidInput, match=r"not a valid web address|is not valid|no host name"):
        importing.fetch_url(url)


def test_international_names_are_encoded() -> None:
    assert fetching.parse_url("https://bücher.example/x").host == "xn--bcher-kva.example"
    assert fetching.parse_url("http://[2606:4700::1111]:8080/").host == "2606:4700::1111"


def test_a_trickling_page_is_cut_at_the_deadline(trickle_port: int) -> None:
    """Every byte comes well within the per-read timeout; the whole fetch still has a deadline."""
    with pytest.raises(InvalidInput, match="took longer than 1 seconds"):
        importing.fetch_url(f"http://127.0.0.1:{trickle_port}/", timeout=1, allow_private=True)
