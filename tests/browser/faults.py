"""A test-only WSGI layer in front of the app: counts requests and breaks chosen URLs.

``Faults(app)`` serves ``app`` unchanged until told otherwise:

- ``fail(path, times=None)``: answer 500 for ``path`` (``times`` requests, or always);
- ``truncate(path, size, times=None)``: answer a well-formed 200 whose body is the real
  one cut to ``size`` bytes (sent uncompressed, with a matching Content-Length);
- ``heal()``: forget every fault.

``requested`` counts requests per path (service-worker fetches included: they reach the
server like any other). ``app`` may be swapped while the server runs, to deploy a new
version on the same origin without restarting the server or reusing a port.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass


@dataclass
class Fault:
    kind: str  # "fail" or "truncate"
    times: int | None
    size: int = 0


class Faults:
    def __init__(self, app):
        self.app = app
        self.requested: Counter[str] = Counter()
        self.sent_bytes: Counter[str] = Counter()
        self._faults: dict[str, Fault] = {}
        self._lock = threading.Lock()

    def fail(self, path: str, times: int | None = None) -> None:
        self._faults[path] = Fault("fail", times)

    def truncate(self, path: str, size: int, times: int | None = None) -> None:
        self._faults[path] = Fault("truncate", times, size)

    def heal(self) -> None:
        self._faults.clear()

    def reset_counts(self) -> None:
        with self._lock:
            self.requested.clear()
            self.sent_bytes.clear()

    def _take(self, path: str) -> Fault | None:
        with self._lock:
            self.requested[path] += 1
            fault = self._faults.get(path)
            if fault is None:
                return None
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    del self._faults[path]
            return fault

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        fault = self._take(path)
        if fault is not None and fault.kind == "fail":
            start_response("500 INTERNAL SERVER ERROR", [("Content-Type", "text/plain"), ("Content-Length", "6")])
            return [b"broken"]
        if fault is not None and fault.kind == "truncate":
            return self._truncated(environ, start_response, fault.size)
        status, headers, body = self._run(environ)
        with self._lock:
            self.sent_bytes[path] += len(body) + sum(len(k) + len(v) + 4 for k, v in headers)
        start_response(status, headers)
        return [body]

    def _run(self, environ):
        """(status, headers, whole body) of the app's answer, its response closed."""
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        response = self.app(environ, capture)
        try:
            body = b"".join(response)
        finally:
            if hasattr(response, "close"):
                response.close()
        return captured["status"], captured["headers"], body

    def _truncated(self, environ, start_response, size: int):
        environ = {k: v for k, v in environ.items() if k not in ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH")}
        _status, headers, body = self._run(environ)
        body = body[:size]
        headers = [(k, v) for k, v in headers if k.lower() not in ("content-length", "etag")]
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [body]
