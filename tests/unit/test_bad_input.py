"""Junk in, clear answers out: no input makes the app answer 5xx or show a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from guide import create_app

SEGMENTS = [
    "en", "es", "ar", "xx", "ES", "pt_BR", "..", "%2e%2e", "%2F", "static", "css", "sw.js", "about",
    "offline", "overdose", "manifest.webmanifest", "%00", "é", "\u202e", "~", "a" * 300, "", "index.html",
]
#: Header values a browser or a bot might send; CR, LF and NUL cannot travel in HTTP.
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=300)
HEADERS = st.dictionaries(
    st.sampled_from([
        "Accept-Language", "Accept-Encoding", "If-None-Match", "If-Modified-Since", "Range",
        "Cookie", "User-Agent", "X-Forwarded-Proto", "Accept", "Content-Type", "Content-Length", "Host",
        "X-Forwarded-Host", "X-Forwarded-For",
    ]),
    # Random text, and host-shaped values that are not host names (a 500 once, found by hand).
    st.one_of(HEADER_TEXT, st.sampled_from(["a..b", "a" * 64 + ".example", ".", "[::1", "x:99999", "evil.example"])),
    max_size=5,
)
PATHS = st.one_of(
    st.lists(st.sampled_from(SEGMENTS), max_size=5).map(lambda parts: "/" + "/".join(parts)),
    st.text(max_size=120).map(lambda text: "/" + text.lstrip("/")),
)
METHODS = st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "BREW"])


@pytest.fixture(scope="module")
def junk_client(tmp_path_factory):
    # Forwarded headers count from the test client (127.0.0.1), so their junk reaches ProxyFix too.
    app = create_app({"TESTING": False, "PROXY_ADDRESSES": "127.0.0.1", "STATIC_BUILD_DIR": str(tmp_path_factory.mktemp("static"))})
    return app.test_client()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=PATHS, method=METHODS, headers=HEADERS, query=st.text(max_size=60), body=st.binary(max_size=200))
def test_no_input_makes_the_server_fail(junk_client, path, method, headers, query, body):
    # Set the WSGI path as a real server would (bytes read as Latin-1), so paths like
    # "//x" reach the app instead of being taken for a host name by the test client.
    environ = {
        "PATH_INFO": path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": query.encode("utf-8").decode("latin-1"),
    }
    response = junk_client.open("/", method=method, headers=headers, data=body, environ_overrides=environ)
    try:
        assert response.status_code < 500, (method, path, query, headers, response.status_code)
        assert b"Traceback" not in response.data
        assert "Set-Cookie" not in response.headers
    finally:
        response.close()


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "BREW", "CONNECT"])
def test_unknown_methods_are_refused(client, method):
    assert client.open("/en/overdose/", method=method).status_code in (405, 501)


def test_head_works_like_get_without_a_body(client):
    response = client.head("/en/overdose/")
    assert response.status_code == 200
    assert response.data == b""
    assert response.headers["ETag"] == client.get("/en/overdose/").headers["ETag"]


@pytest.mark.parametrize("query", ["\r", "\n", "a\r\nSet-Cookie: x=1", "\x00", "\x7f"])
def test_control_characters_in_a_query_never_reach_a_header(client, query):
    """Found by the property test: a redirect once copied a raw CR into Location (a 500)."""
    response = client.get("/", environ_overrides={"PATH_INFO": "/en", "QUERY_STRING": query})
    assert response.status_code in (301, 308)
    assert "\r" not in response.headers["Location"] and "\n" not in response.headers["Location"]
    assert "Set-Cookie" not in response.headers
