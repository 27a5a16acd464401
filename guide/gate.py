"""The first layer every request meets: which host it names, which forwarded headers count.

A ``Host`` header that is not a host name (``a..b``, a label over 63 characters, a bad
port) or is not in ``TRUSTED_HOSTS`` gets a plain 400 here, before whitenoise, the
page cache or Flask see the request, so nothing behind this layer builds anything
from a host it cannot answer for.

``X-Forwarded-Proto`` (and ``-For``) count only when the request comes straight from
an address in ``PROXY_ADDRESSES``. ``X-Forwarded-Host`` never counts: the app puts
no host name in any response (redirects send a path), so it has no use for it.
"""

from __future__ import annotations

import ipaddress
import re

from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.sansio.utils import host_is_trusted

from .serving import SECURITY_HEADERS

BAD_HOST_BODY = b"Bad Request: the Host header does not name this site.\n"


def setting_list(value) -> list[str]:
    """A list setting from config or the environment: a list, or one string split on commas/spaces."""
    if not value:
        return []
    if isinstance(value, str):
        return [item for item in re.split(r"[\s,]+", value) if item]
    return [str(item) for item in value]


def proxy_networks(value) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """``PROXY_ADDRESSES`` as networks: ``10.0.0.7``, ``10.0.0.0/8``, ``::1``."""
    try:
        return [ipaddress.ip_network(item) for item in setting_list(value)]
    except ValueError as error:
        raise ValueError(f"PROXY_ADDRESSES takes IP addresses or networks, comma-separated: {error}") from None


def valid_host(host: str, trusted: list[str]) -> bool:
    """A ``host[:port]`` the app can answer for: well formed, IDNA-encodable, trusted if a list is set."""
    if not host_is_trusted(host, trusted or None):
        return False
    if host.startswith("["):
        return True  # an IPv6 literal, checked by host_is_trusted
    try:
        host.partition(":")[0].encode("idna")
    except UnicodeError:
        return False
    return True


def bad_host(start_response):
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(BAD_HOST_BODY))),
        ("Cache-Control", "no-store"),
        *SECURITY_HEADERS.items(),
    ]
    start_response("400 Bad Request", headers)
    return [BAD_HOST_BODY]


class Gate:
    """WSGI layer in front of everything: checks ``Host``, applies forwarded headers from known proxies."""

    def __init__(self, app, trusted_hosts=(), proxy_addresses=(), proxy_count: int = 1):
        self.app = app
        self.trusted = [host.lower() for host in setting_list(trusted_hosts)]
        self.proxies = proxy_networks(proxy_addresses)
        count = int(proxy_count)
        self.proxied = ProxyFix(app, x_for=count, x_proto=count, x_host=0) if self.proxies and count else None

    def from_proxy(self, environ) -> bool:
        try:
            peer = ipaddress.ip_address(environ.get("REMOTE_ADDR", ""))
        except ValueError:
            return False
        return any(peer in network for network in self.proxies)

    def __call__(self, environ, start_response):
        host = environ.get("HTTP_HOST")
        if host is not None:
            host = host.lower()
            if not valid_host(host, self.trusted):
                return bad_host(start_response)
            environ["HTTP_HOST"] = host
        elif self.trusted:
            return bad_host(start_response)  # no Host header cannot name a trusted host
        if self.proxied is not None and self.from_proxy(environ):
            return self.proxied(environ, start_response)
        return self.app(environ, start_response)
