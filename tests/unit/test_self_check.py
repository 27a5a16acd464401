"""The self-check knows a third kind of answer: unsafe for both of you, not enabling."""

from __future__ import annotations

from guide.tools import UNSAFE_KIND
from guide.tools import self_check


def test_unsafe_rows_are_their_own_kind_and_show_their_own_label(app, client):
    site = app.extensions["guide"]
    scenarios = self_check(site.chapters["helping-or-enabling"], site.source)
    unsafe = [s for s in scenarios if s.kind == UNSAFE_KIND]
    assert any("Hiding naloxone" in s.enabling.text for s in unsafe)
    assert not any("Hiding naloxone" in s.enabling.text for s in scenarios if s.kind != UNSAFE_KIND)
    html = client.get("/en/tools/self-check/").get_data(as_text=True)
    assert f'value="{UNSAFE_KIND}"' in html
    assert "Unsafe for both of you, even when it comes from love:" in html
    assert len({s.id for s in scenarios}) == len(scenarios)
