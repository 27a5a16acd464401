"""gunicorn settings, read by ``gunicorn wsgi:app`` when it starts in this folder.

Command-line flags override anything here. Meant to run behind the buffering nginx in
``deploy/nginx/`` (see README, "Running in production"); never expose it directly.
"""

import os

# gunicorn on its own believes X-Forwarded-Proto from 127.0.0.1 and ::1, so anyone on the
# machine (or a proxy that passes the header through) could make plain HTTP look like HTTPS.
# Believe forwarded headers only from the proxies GUIDE_PROXY_ADDRESSES names: the app reads
# the same setting, so gunicorn and the app always agree. Empty: no forwarded header counts.
forwarded_allow_ips = os.environ.get("GUIDE_PROXY_ADDRESSES", "").replace(" ", ",")
# Only the header the nginx configuration sets; X-Forwarded-Ssl and -Protocol are never read.
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
# Nor may a proxy rewrite SCRIPT_NAME or PATH_INFO through headers.
forwarder_headers = ""

# Loopback only: the proxy in front is the one thing that talks to gunicorn.
bind = "127.0.0.1:8000"
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1))
# No access log: the guide keeps no record of who read what.
accesslog = None
