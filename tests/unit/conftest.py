"""Hypothesis settings for the property tests in this folder.

Every failure prints a ``@reproduce_failure(...)`` blob: paste it above the test to run
that exact example locally. Where a CI variable is set (``CI=true``, or another one
Hypothesis knows), its own ``ci`` profile is the base, which is also derandomized: the
same examples every run, so ``CI=true .venv/bin/python -m pytest tests/unit/test_bad_input.py``
replays a CI run. ``HYPOTHESIS_PROFILE`` picks another registered profile.
"""

from __future__ import annotations

import os

from hypothesis import settings

# settings.default is Hypothesis's "ci" profile when it sees a CI variable, else "default".
settings.register_profile("guide", settings.default, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "guide"))
