"""``/<locale>/install.json``: the words of the "Saved on this phone" banner.

The banner shows once, after the guide is saved for offline use, so its words are not
in every page (the first-render budget): `static/js/install.js` fetches this small file
(precached with the locale, so it also works offline) when it is about to show it.
"""

from __future__ import annotations

import json

from flask import g
from flask import request
from flask_babel import gettext as _

from .serving import Page
from .serving import make_page
from .serving import send_page
from .site import current_site


def banner_words() -> dict[str, str]:
    return {
        # TRANSLATORS: banner shown once, after the guide is saved for offline use.
        "heading": _("Saved on this phone: it works without internet"),
        "apple": _("To add it to your home screen on an iPhone or iPad: tap Share, then Add to Home Screen."),
        "warning": _("An icon on the home screen can be seen by anyone who uses this phone."),
        # TRANSLATORS: button that puts the guide's icon on the phone's home screen (the browser then asks to confirm).
        "add": _("Add to home screen"),
        # TRANSLATORS: button that closes the "Saved on this phone" banner for good.
        "close": _("Got it"),
    }


def install_words():
    site = current_site()
    locale = g.locale

    def build() -> Page:
        body = json.dumps(banner_words(), ensure_ascii=False, sort_keys=True)
        return make_page(body, locale.tag, mimetype="application/json")

    return send_page(site.pages.get(("install", locale.code), build, path=request.path))
