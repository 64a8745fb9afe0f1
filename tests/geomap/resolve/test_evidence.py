"""The article evidence resolution weighs: how much of it points into each country."""

from __future__ import annotations

from collections import Counter

from gazetteer import Candidate, Kind, Place
from geomap.model import LookupKey, MentionKind, Span
from geomap.resolve.evidence import Context


def _pick(name: str, code: str, kind: Kind = Kind.CITY) -> Candidate:
    return Candidate(Place(f"test:{name}", name, kind, 0.0, 0.0, code, "", 1000), 0.0, "primary")


def _context(*picks: tuple[str, str]) -> tuple[Context, dict[str, LookupKey]]:
    keys = {name: LookupKey(name.lower()) for name, _ in picks}
    chosen = {keys[name]: _pick(name, code) for name, code in picks}
    spans = {key: [Span(0, 1, "x", key, MentionKind.PLACE)] for key in chosen}
    return Context.gather(dict(chosen), spans, Counter()), keys


def test_the_leading_other_country_share_leaves_out_the_name_itself() -> None:
    context, keys = _context(("Balad", "IQ"), ("Mogadishu", "SO"), ("Jowhar", "SO"), ("Kismayo", "SO"))
    assert context.leading_share_elsewhere("IQ", keys["Balad"]) == 1.0
    assert context.country_share("IQ", keys["Balad"]) == (0.0, False)


def test_no_other_country_leads_an_article_about_the_pick_s_own() -> None:
    context, keys = _context(("Jowhar", "SO"), ("Mogadishu", "SO"))
    assert context.leading_share_elsewhere("SO", keys["Jowhar"]) == 0.0


def test_a_lone_name_has_no_evidence_either_way() -> None:
    context, keys = _context(("Balad", "IQ"))
    assert context.leading_share_elsewhere("IQ", keys["Balad"]) == 0.0
