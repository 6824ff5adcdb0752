"""Fetching a page safely: URL parsing, the public-address policy, pinned deadlined connections.

The address checked is the address connected to: each connection resolves its host once, checks
every address, and connects to those very addresses (the Host header and the TLS server name stay
the host name), so a name that answers differently a moment later (DNS rebinding) gains nothing.
Redirects go through the same connections. A deadline covers the whole fetch, not each read.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import ipaddress
import re
import socket
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from .errors import InvalidInput

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215: embedding varies, never public
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    """A checked http(s) URL: its scheme and host (IDNA-encoded, brackets removed)."""

    url: str
    scheme: str
    host: str


def parse_url(url: str) -> Target:
    """InvalidInput unless `url` is a well-formed http(s) URL with a valid host and port."""
    url = url.strip()
    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise InvalidInput("the address must start with http:// or https://")
    if re.search(r"[\x00-\x20\x7f]", url):
        raise InvalidInput("the address is not a valid web address")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port  # ValueError when out of range or not a number
        netloc_host = parts.netloc.rpartition("@")[2]
        host = parts.hostname or ""
    except ValueError:
        raise InvalidInput("the address is not a valid web address") from None
    if port == 0:
        raise InvalidInput("the address is not a valid web address")
    if not host:
        raise InvalidInput("the address has no host name")
    if netloc_host.startswith("["):
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            raise InvalidInput("the address is not a valid web address") from None
        if address.version != 6:  # http://[127.0.0.1]/ is not a URL
            raise InvalidInput("the address is not a valid web address")
        return Target(url, parts.scheme.lower(), host)
    try:
        return Target(url, parts.scheme.lower(), str(ipaddress.IPv4Address(host)))
    except ValueError:
        pass
    return Target(url, parts.scheme.lower(), _host_name(host))


def _host_name(host: str) -> str:
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidInput("the host name %(host)s is not valid", host=host[:100]) from None
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise InvalidInput("the host name %(host)s is not valid", host=host[:100])
    return ascii_host


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address reaches through a translation or tunnel, if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    low = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    for network in (_NAT64, _IPV4_COMPATIBLE, _IPV4_TRANSLATED):
        if address in network:
            return low
    return None


def is_public(address: Address) -> bool:
    """True for a globally routable unicast address that reaches no private one."""
    if not address.is_global or address.is_multicast:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        if address in _NAT64_LOCAL:
            return False
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
    return True


def _private(host: str) -> InvalidInput:
    return InvalidInput(
        "the address %(host)s points into a private network; only public pages are fetched",
        host=host,
    )


@dataclass
class Guard:
    """One fetch's policy and deadline; makes every connection the fetch opens."""

    timeout: float
    allow_private: bool = False
    deadline: float = 0.0
    expired: bool = False
    _sockets: list[socket.socket] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _timer: threading.Timer | None = None

    def __enter__(self) -> Guard:
        self.deadline = time.monotonic() + self.timeout
        self._timer = threading.Timer(self.timeout, self._expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def _expire(self) -> None:
        """Cut every connection of the fetch: a server trickling bytes cannot hold a worker."""
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0 or self.expired:
            raise TimeoutError("the fetch deadline passed")
        return left

    def connect(self, host: str, port: int) -> socket.socket:
        """Resolve `host` once, refuse any non-public address, connect to the addresses checked."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as err:
            raise InvalidInput(
                "the page could not be fetched: %(host)s is unknown", host=host
            ) from err
        if not self.allow_private:
            for info in infos:
                try:
                    address = ipaddress.ip_address(str(info[4][0]).partition("%")[0])
                except ValueError:
                    raise _private(host) from None
                if not is_public(address):
                    raise _private(host)
        error: OSError = OSError(f"no address for {host}")
        for family, kind, proto, _, sockaddr in infos:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(self.remaining())
                sock.connect(sockaddr)
            except OSError as err:
                sock.close()
                error = err
                continue
            with self._lock:
                self._sockets.append(sock)
                if self.expired:
                    sock.shutdown(socket.SHUT_RDWR)
            return sock
        raise error


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, *, guard: Guard, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._guard = guard

    def connect(self) -> None:
        self.sock = self._guard.connect(self.host, self.port)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, *, guard: Guard, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._guard = guard

    def connect(self) -> None:
        raw = self._guard.connect(self.host, self.port)
        context = self._context  # type: ignore[attr-defined]
        self.sock = context.wrap_socket(raw, server_hostname=self.host)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self._guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_PinnedHTTPConnection, guard=self._guard), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self._guard = guard

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_PinnedHTTPSConnection, guard=self._guard)
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another well-formed http(s) address (checked on connect)."""

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if not re.match(r"^https?://", newurl, re.IGNORECASE):
            raise InvalidInput("the page redirects to an address that is not http(s)")
        parse_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener(guard: Guard) -> urllib.request.OpenerDirector:
    """An opener whose every connection goes through `guard` (no proxies: they would be checked
    instead of the page's address)."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _HTTPHandler(guard), _HTTPSHandler(guard), _Redirects()
    )
