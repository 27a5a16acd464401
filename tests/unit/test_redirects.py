"""Every redirect sends a path, never a host: a cached redirect cannot send readers elsewhere."""

from __future__ import annotations

import pytest

#: Whatever an attacker can put in a request that might end up in a Location header.
HOSTILE = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "X-Forwarded-Prefix": "/evil"}

REDIRECTS = [
    ("/", "", "/en/"),  # language negotiation
    ("/en", "", "/en/"),  # trailing slash
    ("/en/overdose", "", "/en/overdose/"),
    ("/en/overdose", "from=leaflet", "/en/overdose/?from=leaflet"),
    ("/ar/tools/plan", "", "/ar/tools/plan/"),
    ("/ES/", "", "/es/"),  # locale spelling
    ("/es_MX/overdose/", "", "/es/overdose/"),
    ("/en-GB/about", "", "/en-GB/about/"),  # then /en/about/
    ("//en//overdose", "", "/en/overdose/"),  # merged slashes
    ("/en//overdose/", "", "/en/overdose/"),
]


@pytest.mark.parametrize("proxies", [{}, {"PROXY_ADDRESSES": "127.0.0.1"}])
@pytest.mark.parametrize(("path", "query", "target"), REDIRECTS)
def test_redirects_send_a_path_only_with_cache_control(make_app, proxies, path, query, target):
    client = make_app(**proxies).test_client()
    for method in (client.get, client.head):
        response = method(
            "/",
            headers=HOSTILE,
            environ_overrides={"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "evil.example"},
        )
        assert 300 <= response.status_code < 400, path
        assert response.headers["Location"] == target
        assert response.headers["Cache-Control"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_redirect_never_starts_with_two_slashes(client):
    """``//host/path`` in a Location header is another site."""
    for path in ["//evil.example/en", "//evil.example/", "///evil.example/en", "/\\evil.example/en"]:
        response = client.get("/", environ_overrides={"PATH_INFO": path})
        location = response.headers.get("Location", "/")
        assert location.startswith("/") and not location.startswith(("//", "/\\")), (path, location)


def test_permanent_redirects_may_be_cached_and_negotiation_may_not(client):
    assert "max-age" in client.get("/en/overdose").headers["Cache-Control"]
    negotiated = client.get("/", headers={"Accept-Language": "es"})
    assert negotiated.headers["Cache-Control"] == "no-cache"
    assert "Accept-Language" in negotiated.headers["Vary"]
