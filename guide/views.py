"""The pages: language negotiation, home, chapters, about, and error pages.

Every page lives under ``/<locale>/``. The URL processors below are the only place
that reads the locale from the URL; views and `url_for` never mention it.
"""

from __future__ import annotations

import re

from flask import Blueprint
from flask import Flask
from flask import abort
from flask import g
from flask import redirect
from flask import render_template
from flask import Response
from flask import request
from flask import url_for
from flask_babel import gettext as _
from werkzeug.exceptions import BadHost
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import SecurityError
from werkzeug.routing import BaseConverter

from . import install_banner
from . import pwa
from . import tools
from .assets import FIGURES
from .assets import tool_script
from .content import FIGURE_SPRITE
from .content import render_chapter
from .content import translate
from .countries import attribute_json
from .countries import crisis_prefill
from .countries import menu_order
from .countries import old_prefills
from .locales import best_locale
from .serving import add_security_headers
from .serving import make_page
from .serving import path_only_location
from .serving import send_page
from .site import current_site

bp = Blueprint("pages", __name__, url_prefix="/<locale:lang_code>")


class LocaleConverter(BaseConverter):
    """A locale-shaped path segment: ``es``, ``pt-br``, ``ES``, ``pt_BR``."""

    regex = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?"
    pattern = re.compile(regex)


@bp.url_value_preprocessor
def pull_locale(endpoint, values):
    code = values.pop("lang_code")
    site = current_site()
    canonical = site.normalise(code)
    if canonical is None:
        abort(404)
    if canonical != code:
        abort(redirect(url_for(endpoint, lang_code=canonical, **values), 301))
    g.locale = site.locales[canonical]


@bp.url_defaults
def add_locale(endpoint, values):
    if "lang_code" not in values and "locale" in g:
        values["lang_code"] = g.locale.code


def _cached(kind: str, render, *key):
    """Serve the page ``kind`` for this locale from the cache, rendering it once."""
    site = current_site()

    def build():
        return make_page(render(), g.locale.tag)

    return send_page(site.pages.get((kind, g.locale.code, *key), build, path=request.path))


def _callout_labels() -> dict[str, str]:
    """The words above callouts in chapters, in the page's language."""
    return {"note": _("Good to know"), "warning": _("Important"), "script": _("What you could say")}


def _chapter_url(slug: str) -> str:
    return url_for("pages.chapter", slug=slug)


@bp.get("/")
def index():
    """Home: what the guide is and the table of contents."""
    return _cached("index", lambda: render_template("index.html"))


@bp.get("/<slug>/")
def chapter(slug: str):
    """One chapter, with "on this page" sections and previous/next links."""
    site = current_site()
    found = site.chapters.get(slug)
    if found is None:
        abort(404)

    def render():
        components = {
            name: render_template(f"_{name}.html", helplines=site.helplines) for name in found.components
        }
        components[FIGURE_SPRITE] = site.static_url(FIGURES)
        rendered = render_chapter(found, g.locale, site.chapters, _chapter_url, _callout_labels(), components)
        previous, following = site.neighbours(slug)
        return render_template(
            "chapter.html",
            chapter=found,
            page=rendered,
            previous=previous,
            following=following,
            chapter_tools=tools.CHAPTER_TOOLS.get(found.slug, ()),
        )

    return _cached("chapter", render, slug)


@bp.get("/about/")
def about():
    """About the guide: who it is for, privacy, and how complete each translation is."""
    return _cached("about", lambda: render_template("about.html"))


@bp.get("/tools/")
def tools_index():
    """The family tools, and what happens to what a family types in them."""
    return _cached("tools", lambda: render_template("tools/index.html", names=tools.TOOLS))


@bp.get("/tools/<name>/")
def tool(name: str):
    """One tool page. The page is the same for everyone; data stays in the browser."""
    if name not in tools.TOOLS:
        abort(404)
    site = current_site()

    def render():
        chapters = site.chapters
        context = {"name": name}
        if name == "plan":
            overdose = chapters.get("overdose")
            if overdose is not None:
                components = {
                    "emergency": render_template("_emergency.html", helplines=site.helplines),
                    FIGURE_SPRITE: site.static_url(FIGURES),
                }
                context["overdose"] = render_chapter(
                    overdose, g.locale, chapters, _chapter_url, _callout_labels(), components
                )
            context["crisis_lines"] = {c.code: crisis_prefill(c, localized) for c in site.helplines.countries}
            context["old_crisis_lines"] = old_prefills(site.helplines.countries, localized)
        elif name == "scripts" and "boundaries" in chapters:
            context["library"] = tools.script_library(chapters["boundaries"], g.locale)
        elif name == "self-check" and "helping-or-enabling" in chapters:
            context["scenarios"] = tools.self_check(chapters["helping-or-enabling"], g.locale)
        return render_template(f"tools/{name.replace('-', '_')}.html", **context)

    return _cached("tool", render, name)


@bp.get("/recipe/")
def neutral():
    """The ordinary page the exit control opens: a recipe that gives nothing away."""
    return _cached("neutral", lambda: render_template("neutral.html"))


@bp.get("/offline/")
def offline():
    """Shown by the service worker for a page that is not saved while there is no network."""
    return _cached("offline", lambda: render_template("offline.html"))


bp.add_url_rule("/manifest.webmanifest", "manifest", pwa.web_manifest)
bp.add_url_rule("/install.json", "install_words", install_banner.install_words)


bp.add_app_template_global(tool_script)
bp.add_app_template_filter(attribute_json)


@bp.app_template_global()
def tool_names() -> tuple[str, ...]:
    return tools.TOOLS


@bp.app_template_global()
def tool_title(name: str) -> str:
    return {
        "plan": _("Our plan"),
        "scripts": _("My boundary scripts"),
        "self-check": _("Helping or enabling? A self-check"),
        "craft": _("Notice patterns and good moments"),
    }[name]


@bp.app_template_global()
def tool_summary(name: str) -> str:
    return {
        "plan": _("Write down who to call, where the naloxone is, and what you will and will not do if your loved one uses again."),
        "scripts": _("Choose words for hard moments, make them your own, and keep them ready."),
        "self-check": _("Fifteen everyday situations. See which choices make recovery easier."),
        "craft": _("Write down what comes before and after use, and the good times without it, to see what you can change."),
    }[name]


@bp.app_template_global()
def localized(text: str) -> tuple[str, bool]:
    """(content text in the page's locale, whether it is translated) for titles and summaries."""
    return translate(g.locale, text)


@bp.app_template_global()
def country_name(country) -> str:
    """A country's name in the page's language (CLDR), English if CLDR has none."""
    return g.locale.babel.territories.get(country.code, country.name)


@bp.app_template_global()
def country_menu(countries) -> list:
    """The country menu's order: the page's own countries first, each group by name."""
    return menu_order(countries, str(g.locale.babel), country_name)


@bp.app_template_global()
def alternate_url(other) -> str:
    """This page in another language; the other language's home for error pages."""
    if request.blueprint == "pages" and not g.get("error"):
        return url_for(request.endpoint, lang_code=other.code, **(request.view_args or {}))
    return url_for("pages.index", lang_code=other.code)


def negotiate():
    """``/``: send the reader to the language their browser asks for."""
    site = current_site()
    code = best_locale(request.headers.get("Accept-Language"), [loc.code for loc in site.menu])
    response = redirect(url_for("pages.index", lang_code=code), 302)
    response.headers["Vary"] = "Accept-Language"
    response.headers["Cache-Control"] = "no-cache"
    return response


def _error_locale():
    """The locale to apologise in: the URL's if it named one, else the browser's.

    A 405 is raised while routing, before `pull_locale` runs, so the URL is read here too.
    """
    if "locale" not in g:
        site = current_site()
        first = request.path.split("/")[1]
        code = site.normalise(first) if LocaleConverter.pattern.fullmatch(first) else None
        if code is None:
            code = best_locale(request.headers.get("Accept-Language"), [loc.code for loc in site.menu])
        g.locale = site.locales[code]
    return g.locale


def handle_http_error(error: HTTPException):
    if error.code is None or error.code < 400:
        return error
    if isinstance(error, (BadHost, SecurityError)):
        # No URL can be built for this host; `Gate` answers these first, this is the fallback.
        return Response(f"{error.code} {error.name}\n", error.code, mimetype="text/plain")
    locale = _error_locale()
    g.error = error.code
    site = current_site()
    page = site.pages.get(
        ("error", locale.code, error.code),
        lambda: make_page(render_template("error.html", error=error), locale.tag, error.code),
    )
    response = send_page(page)
    if error.code == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def init_app(app: Flask) -> None:
    app.url_map.converters["locale"] = LocaleConverter
    app.register_blueprint(bp)
    app.add_url_rule("/", "negotiate", negotiate)
    app.add_url_rule("/sw.js", "service_worker", pwa.service_worker)
    app.register_error_handler(HTTPException, handle_http_error)
    app.after_request(add_security_headers)
    app.after_request(path_only_location)

    @app.context_processor
    def inject_site():
        site = current_site()
        return {"site": site, "locale": g.get("locale"), "static_url": site.static_url}
