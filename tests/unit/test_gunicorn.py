"""The production server as the README starts it: ``gunicorn wsgi:app`` from the project root.

gunicorn reads ``gunicorn.conf.py`` from the folder it starts in. These tests start the
real server on a loopback port and speak raw HTTP to it, so nothing a test client
normalises (the Host header, the peer address) hides what a browser or attacker sees.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from guide import ROOT


def listening_socket() -> socket.socket:
    """A loopback socket on a port the system picks, already listening. gunicorn takes it
    over (``--bind fd://N``), so no other program can take the port in between."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def raw_get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str]]:
    """One HTTP/1.1 request as bytes on the wire; (status, headers with lower-case names)."""
    lines = [f"GET {path} HTTP/1.1", *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items()), "Connection: close"]
    if "Host" not in headers:
        lines.insert(1, "Host: 127.0.0.1")
    # 60 s: the first /sw.js renders every page of every language (a few seconds, more on
    # a busy CI machine); a server that never answers still fails the test.
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    fields = dict(line.split(": ", 1) for line in head[1:])
    return int(head[0].split()[1]), {name.lower(): value for name, value in fields.items()}


@pytest.fixture
def gunicorn(tmp_path):
    """``gunicorn(**env)`` starts ``gunicorn wsgi:app`` in the project root; returns its port."""
    servers = []

    def start(**env) -> int:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("GUIDE_", "FORWARDED_ALLOW_IPS", "GUNICORN"))}
        environ.update(GUIDE_STATIC_BUILD_DIR=str(tmp_path / "static"), **env)
        with listening_socket() as sock:
            port = sock.getsockname()[1]
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--bind", f"fd://{sock.fileno()}", "--workers", "1", "wsgi:app"],
                cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, pass_fds=[sock.fileno()],
            )
        servers.append(server)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                raw_get(port, "/en/")
                return port
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stderr.read().decode())
                time.sleep(0.1)
        pytest.fail("gunicorn did not start")

    yield start
    for server in servers:
        server.terminate()
        server.wait(10)
        server.stderr.close()


def test_forwarded_https_from_loopback_is_not_believed_by_default(gunicorn):
    """gunicorn alone trusts X-Forwarded-Proto from 127.0.0.1; our configuration does not."""
    port = gunicorn()
    for path in ("/en/about/", "/en/about/"):  # Flask, then the fast path
        status, headers = raw_get(port, path, X_Forwarded_Proto="https")
        assert status == 200
        assert "strict-transport-security" not in headers
    status, headers = raw_get(port, "/en/about", X_Forwarded_Proto="https")
    assert status == 308 and headers["location"] == "/en/about/"


def test_forwarded_https_is_believed_from_the_named_proxy(gunicorn):
    port = gunicorn(GUIDE_PROXY_ADDRESSES="127.0.0.1")
    for path in ("/en/about/", "/en/about/"):
        status, headers = raw_get(port, path, X_Forwarded_Proto="https")
        assert status == 200 and "max-age" in headers["strict-transport-security"]
    assert "strict-transport-security" not in raw_get(port, "/en/about/")[1]


def test_forwarded_https_from_another_address_is_not_believed(gunicorn):
    port = gunicorn(GUIDE_PROXY_ADDRESSES="10.0.0.7")
    assert "strict-transport-security" not in raw_get(port, "/en/about/", X_Forwarded_Proto="https")[1]


@pytest.mark.parametrize("host", ["a..b", "a" * 64 + ".example"])
def test_a_bad_host_gets_a_400_from_gunicorn(gunicorn, host):
    port = gunicorn(GUIDE_PROXY_ADDRESSES="127.0.0.1")
    raw_get(port, "/en/overdose/")  # rendered once, so the fast path answers next
    for path in ["/", "/en/", "/en/overdose/", "/en/overdose", "/en/nope/", "/sw.js"]:
        assert raw_get(port, path, Host=host)[0] == 400, path
        assert raw_get(port, path, X_Forwarded_Host=host)[0] in (200, 302, 308, 404), path


def test_the_trusted_hosts_setting_reaches_gunicorn(gunicorn):
    port = gunicorn(GUIDE_TRUSTED_HOSTS="guide.example.org")
    assert raw_get(port, "/en/", Host="guide.example.org")[0] == 200
    assert raw_get(port, "/en/", Host="evil.example")[0] == 400
