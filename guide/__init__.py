"""Family Support Guide: a small Flask app serving a translatable, offline-first guide."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask import g
from flask_babel import Babel
from flask_babel import Domain
from flask_babel import get_translations
from markupsafe import escape
from werkzeug.utils import cached_property

from .assets import serve_static
from .gate import Gate
from .gate import setting_list
from .serving import FastPages
from .site import Site

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent


def default_config(app: Flask) -> dict:
    """Safe defaults: the app runs with no configuration at all."""
    return {
        "TRANSLATIONS_DIR": str(ROOT / "translations"),
        "CONTENT_DIR": str(PACKAGE / "content"),
        "HELPLINES_FILE": str(PACKAGE / "data" / "helplines.toml"),
        "STATIC_DIR": str(ROOT / "static"),
        "STATIC_BUILD_DIR": str(Path(app.instance_path) / "static"),
        # A locale is offered in the language menu once this share of messages is translated.
        "LANGUAGE_MENU_THRESHOLD": 0.8,
        # Host names this site answers to (a leading dot takes subdomains); empty: any valid name.
        "TRUSTED_HOSTS": None,
        # Addresses (or networks) of the reverse proxies allowed to set X-Forwarded-Proto/-For;
        # gunicorn.conf.py gives gunicorn the same list. Empty: no forwarded header counts.
        "PROXY_ADDRESSES": "",
        # How many proxies in the chain append to X-Forwarded-Proto/-For (read right to left).
        "TRUSTED_PROXIES": 1,
    }


class _SiteDomain(Domain):
    """Flask-Babel domain that answers from the catalogs `Site` read at start-up."""

    def get_translations(self):
        locale = g.get("locale") if g else None
        return locale.translations if locale is not None else super().get_translations()


class _SiteBabel(Babel):
    @cached_property
    def domain_instance(self):
        return _SiteDomain()


def _install_escaped_gettext(app: Flask) -> None:
    """Jinja trusts gettext results as markup; a catalog is text, so escape it like text."""

    def escaped(lookup):
        return lambda *args: escape(lookup(*args))

    app.jinja_env.install_gettext_callables(
        gettext=escaped(lambda s: get_translations().ugettext(s)),
        ngettext=escaped(lambda s, p, n: get_translations().ungettext(s, p, n)),
        pgettext=escaped(lambda c, s: get_translations().upgettext(c, s)),
        npgettext=escaped(lambda c, s, p, n: get_translations().unpgettext(c, s, p, n)),
        newstyle=True,
    )


def _selected_locale():
    locale = g.get("locale")
    return str(locale.babel) if locale is not None else None


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app. Settings come from ``GUIDE_*`` environment variables, then ``test_config``."""
    app = Flask(__name__, static_folder=None)
    app.config.from_mapping(default_config(app))
    app.config.from_prefixed_env("GUIDE")
    if test_config:
        app.config.update(test_config)

    app.config["TRUSTED_HOSTS"] = setting_list(app.config["TRUSTED_HOSTS"]) or None
    site = Site.load(app.config)
    app.extensions["guide"] = site
    _SiteBabel(app, locale_selector=_selected_locale)
    _install_escaped_gettext(app)

    from . import views

    views.init_app(app)
    from . import search_index

    search_index.init_app(app)
    from . import cli

    cli.init_app(app)
    app.wsgi_app = Gate(
        serve_static(FastPages(app.wsgi_app, site.pages), Path(app.config["STATIC_BUILD_DIR"])),
        trusted_hosts=app.config["TRUSTED_HOSTS"],
        proxy_addresses=app.config["PROXY_ADDRESSES"],
        proxy_count=app.config["TRUSTED_PROXIES"],
    )
    return app
