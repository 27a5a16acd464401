"""Where a request says it came from: the Host header, X-Forwarded-Host and X-Forwarded-Proto.

A Host that is not a host name gets a plain 400 on every path, whether Flask or the
page cache in front of it answers; forwarded headers count only from a listed proxy.
"""

from __future__ import annotations

import re

import pytest

BAD_HOSTS = ["a..b", "a" * 64 + ".example", ".", "exa mple.org", "[::1", "guide.example:99999", "guide.example:x"]


def static_url(client) -> str:
    return re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', client.get("/en/").get_data(as_text=True)).group(1)


def urls(client) -> list[str]:
    """Home, a redirect, a 404, a page not yet rendered, a static file and the service worker."""
    return ["/", "/en", "/en/nope/", "/es/treatment/", "/en/treatment", static_url(client), "/sw.js", "/static/nope"]


def get(client, url, host, **headers):
    return client.get(url, headers=headers, environ_overrides={"HTTP_HOST": host})


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_a_bad_host_gets_a_plain_400_everywhere(client, host):
    for url in urls(client):
        response = get(client, url, host)
        assert response.status_code == 400, (url, host)
        assert response.mimetype == "text/plain"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Location" not in response.headers
        response.close()


def test_a_bad_host_gets_a_400_from_the_fast_path_too(client):
    assert client.get("/en/overdose/").status_code == 200  # rendered: now answered before Flask
    assert "/en/overdose/" in client.application.extensions["guide"].pages.by_path
    assert get(client, "/en/overdose/", "a..b").status_code == 400
    assert get(client, "/en/overdose/", "guide.example:443").status_code == 200


@pytest.mark.parametrize("host", ["localhost", "localhost:5000", "127.0.0.1:8000", "[::1]:8000", "guide.example.org", "xn--exmple-cua.org"])
def test_ordinary_hosts_are_served(client, host):
    for url in ["/en/", "/en/overdose/", "/en/overdose/"]:
        assert get(client, url, host).status_code == 200, (url, host)


def test_trusted_hosts_are_the_only_ones_served(make_app):
    client = make_app(TRUSTED_HOSTS="guide.example.org, .example.net").test_client()
    for host in ["guide.example.org", "GUIDE.Example.org:443", "www.example.net", "example.net"]:
        assert get(client, "/en/", host).status_code == 200, host
    client.get("/en/overdose/", environ_overrides={"HTTP_HOST": "guide.example.org"})
    for host in ["evil.example", "guide.example.org.evil.example", "localhost"]:
        for url in urls(make_app().test_client()) + ["/en/overdose/"]:
            response = get(client, url, host)
            assert response.status_code == 400, (url, host)
            response.close()


def test_trusted_hosts_come_from_the_environment(monkeypatch, make_app):
    monkeypatch.setenv("GUIDE_TRUSTED_HOSTS", "guide.example.org .example.net")
    client = make_app().test_client()
    assert get(client, "/en/", "www.example.net").status_code == 200
    assert get(client, "/en/", "evil.example").status_code == 400


@pytest.mark.parametrize("forwarded_host", ["a..b", "evil.example"])
def test_x_forwarded_host_is_never_believed(make_app, forwarded_host):
    client = make_app(PROXY_ADDRESSES="127.0.0.1", TRUSTED_HOSTS="guide.example.org").test_client()
    for url, status in [("/en/", 200), ("/en/overdose", 308), ("/en/nope/", 404)]:
        response = get(client, url, "guide.example.org", **{"X-Forwarded-Host": forwarded_host})
        assert response.status_code == status, url
        assert forwarded_host not in response.headers.get("Location", "")


def hsts(client, url="/en/about/", remote="127.0.0.1", **headers):
    response = client.get(url, headers=headers, environ_overrides={"REMOTE_ADDR": remote})
    return response.headers.get("Strict-Transport-Security")


def test_forwarded_https_is_ignored_without_proxy_addresses(make_app):
    client = make_app(TRUSTED_PROXIES=1).test_client()  # a count alone names no proxy
    client.get("/en/about/")
    for _ in range(2):  # Flask, then the fast path
        assert hsts(client, **{"X-Forwarded-Proto": "https"}) is None


def test_forwarded_https_is_believed_only_from_a_listed_proxy(make_app):
    client = make_app(PROXY_ADDRESSES="10.0.0.0/8, 192.168.1.5").test_client()
    for _ in range(2):  # Flask, then the fast path
        assert hsts(client, remote="10.1.2.3", **{"X-Forwarded-Proto": "https"})
        assert hsts(client, remote="192.168.1.5", **{"X-Forwarded-Proto": "https"})
        assert hsts(client, remote="127.0.0.1", **{"X-Forwarded-Proto": "https"}) is None
        assert hsts(client, remote="10.1.2.3", **{"X-Forwarded-Proto": "http"}) is None
        assert hsts(client, remote="10.1.2.3") is None


def test_proxy_addresses_that_are_not_addresses_stop_the_app_with_a_clear_message(make_app):
    with pytest.raises(ValueError, match="PROXY_ADDRESSES"):
        make_app(PROXY_ADDRESSES="nginx.local")
