"""Word lists shared by the build and by recognition: state abbreviations, common words, first names.

Each is read once and immutable (mappings are read-only views), so sharing them is safe.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

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
DOTTED: Mapping[str, str] = MappingProxyType(
    {"LA": "Los Angeles", "DC": "District of Columbia", "NYC": "New York City"}
)
#: Abbreviations that name a division wherever they stand ("floods in NSW").
STANDALONE: Mapping[str, str] = MappingProxyType(
    {"NSW": "New South Wales", "QLD": "Queensland", "Qld": "Queensland"}
)
#: "LA" / "LA." / "La" -> "Louisiana", "Ont." -> "Ontario" (keys upper-cased, dots removed).
STATE_ABBREVIATIONS: Mapping[str, str] = MappingProxyType(
    {
        abbreviation.upper(): name
        for entry in (_STATES + "|" + _PROVINCES).replace("\n", "").split("|")
        for name, _, abbreviations in [entry.partition(":")]
        for abbreviation in abbreviations.split()
    }
)


#: The abbreviation tokens of every state and province, as written in STATE_ABBREVIATIONS' source.
ABBREVIATION_TOKENS: tuple[str, ...] = tuple(
    token
    for entry in (_STATES + "|" + _PROVINCES).replace("\n", "").split("|")
    for token in entry.partition(":")[2].split()
)


@cache
def common_words() -> Mapping[str, float]:
    """Frequent lowercase English words with their Zipf frequency (gazetteer/data/common_words.csv)."""
    path = resources.files("gazetteer") / "data" / "common_words.csv"
    with path.open("r", encoding="utf-8") as handle:
        rows = csv.reader(handle)  # a plain reader: twice as fast as DictReader at start-up
        header = next(rows)
        word, zipf = header.index("word"), header.index("zipf")
        return MappingProxyType({row[word]: float(row[zipf]) for row in rows if row})


@cache
def first_names() -> frozenset[str]:
    """Common given names ("Tyler", "George"), from gazetteer/data/first_names.csv."""
    return _names("first_names.csv")


@cache
def surnames() -> frozenset[str]:
    """Common surnames ("Baker", "Bush", "Lincoln"), from gazetteer/data/surnames.csv."""
    return _names("surnames.csv")


#: The words a US county's name ends in: "Walker County", "Acadia Parish", "Kenai Peninsula Borough".
COUNTY_WORDS = ("county", "parish", "borough", "census area", "city and borough", "municipality")

#: The plural county words but their first letter: a substring test before the list pattern.
_COUNTY_WORD_TAILS = ("ounties", "arishes", "oroughs", "OUNTIES", "ARISHES", "OROUGHS")
#: One capitalised word that is no "And" or "Or" (a title-case headline's): excluding them keeps
#: the pattern from reading ", And Bell" both as a separator and a name, which backtracks
#: exponentially on a long run of them that never reaches "counties".
_LISTED_WORD = r"(?!(?:And|Or|AND|OR)\b)[A-Z][A-Za-z'’-]*[a-z]"
_LISTED_NAME = rf"(?:St\. )?{_LISTED_WORD}(?: {_LISTED_WORD}){{0,2}}"
_LIST_SEPARATOR_PATTERN = r"\s*,\s*(?:(?i:and|or)\s+)?|\s+(?i:and|or)\s+"
#: Lists this long at most are read (the last ones of a longer list): a bound that keeps each
#: attempt short, so that a long run of names never followed by "counties" costs linear time.
MAX_LISTED = 20
#: Two to MAX_LISTED capitalised names of up to three words joined by commas, "and" or "or",
#: then a plural county word: "Harlan, Bell and Knox counties", "San Luis Obispo and Kern counties".
_COUNTY_LIST = re.compile(
    rf"(?P<list>{_LISTED_NAME}(?:(?:{_LIST_SEPARATOR_PATTERN}){_LISTED_NAME}){{1,{MAX_LISTED - 1}}})"
    r"\s+(?P<word>(?i:counties|parishes|boroughs))\b"
)
_LIST_SEPARATOR = re.compile(_LIST_SEPARATOR_PATTERN)
_SINGULAR_COUNTY_WORD = {"counties": "county", "parishes": "parish", "boroughs": "borough"}


def county_list_items(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, county word) of each name listed before a plural county word.

    "Deputies from Harlan, Bell and Knox counties" gives Harlan, Bell and Knox with "county";
    an item may carry a capitalised word before the name ("In Harlan and Bell counties": "In
    Harlan"), which the caller tries without. Shared by recognition (the spans) and resolution
    (the keys of given spans), so that both read the same lists.
    """
    if not any(tail in text for tail in _COUNTY_WORD_TAILS):  # most texts
        return
    for match in _COUNTY_LIST.finditer(text):
        word = _SINGULAR_COUNTY_WORD[match.group("word").lower()]
        position, end = match.span("list")
        for separator in _LIST_SEPARATOR.finditer(text, position, end):
            yield position, separator.start(), word
            position = separator.end()
        yield position, end, word


#: A county name's leading particle, written joined or apart ("DeSoto" / "De Soto", "LaSalle").
_PARTICLES = ("De", "La", "Le", "Du")
_PARTICLE_JOINED = re.compile(r"^(De|La|Le|Du)(?=[A-Z][a-z])")
_PARTICLE_APART = re.compile(r"^(De|La|Le|Du) (?=[A-Z][a-z])")


def county_spellings(name: str) -> tuple[str, ...]:
    """A county's name as the Census writes it and with its particle joined or apart.

    Counties named after people keep their particle as the family did, and sources and news
    disagree: the Census's "De Soto Parish" is the newspaper's "DeSoto Parish". Only a
    capitalised particle before a capitalised word is moved ("Delaware" stays whole).
    """
    if not name.startswith(_PARTICLES):
        return (name,)  # most names: no regular expression to run (the table is read at start)
    variants = [name, _PARTICLE_JOINED.sub(r"\1 ", name), _PARTICLE_APART.sub(r"\1", name)]
    return tuple(dict.fromkeys(variants))


def _names(file: str) -> frozenset[str]:
    """The names of a one-column CSV of gazetteer/data, capitalised as written."""
    path = resources.files("gazetteer") / "data" / file
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and line.strip() != "name")


#: Codes that news writes as names ("US", "UK", "UAE"): recognised and resolved; other codes are not.
PROSE_CODES = frozenset(
    ["us", "usa", "uk", "uae", "drc", "prc", "dprk", "rok", "ksa", "png", "fyrom", "ussr"]
)
