"""Regenerate the tiny fixture gazetteer in tests/fixtures/gazetteer from the installed sources.

Hand-written fixture files (sites.csv, demonyms.csv, country_aliases.csv,
division_aliases.csv) are left alone. The fixture keeps the real source formats, so tests
exercise the real build code in milliseconds. Run: python scripts/make_fixture.py
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from gazetteer.normalize import normalize
from gazetteer.sources import SourcePaths

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gazetteer"
COUNTRIES = [
    "SY",
    "RU",
    "IL",
    "TR",
    "US",
    "FR",
    "EG",
    "LB",
    "JO",
    "IQ",
    "UA",
    "GB",
    "DE",
    "PS",
    "IR",
    "CN",
    "GE",
    "AM",
    "AZ",
]
# (name, country, admin1 code or None): the most populous match is kept, plus namesakes listed twice.
CITIES = [
    ("Damascus", "SY"),
    ("Idlib", "SY"),
    ("Latakia", "SY"),
    ("Ţarţūs", "SY"),
    ("Aleppo", "SY"),
    ("Homs", "SY"),
    ("Hama", "SY"),
    ("Jablah", "SY"),
    ("Baniyas", "SY"),
    ("Daraa", "SY"),
    ("Moscow", "RU"),
    ("Saint Petersburg", "RU"),
    ("Moscow", "US"),
    ("Jerusalem", "IL"),
    ("West Jerusalem", "IL"),
    ("Tel Aviv", "IL"),
    ("Haifa", "IL"),
    ("Beirut", "LB"),
    ("Tripoli", "LB"),
    ("Ankara", "TR"),
    ("Istanbul", "TR"),
    ("Gaziantep", "TR"),
    ("Paris", "FR"),
    ("Paris", "US"),
    ("Alexandria", "EG"),
    ("Alexandria", "US"),
    ("Cairo", "EG"),
    ("Kyiv", "UA"),
    ("Kharkiv", "UA"),
    ("Mariupol", "UA"),
    ("Donetsk", "UA"),
    ("Baghdad", "IQ"),
    ("Mosul", "IQ"),
    ("Amman", "JO"),
    ("Gaza", "PS"),
    ("London", "GB"),
    ("Berlin", "DE"),
    ("New York City", "US"),
    ("Washington", "US"),
    ("Springfield", "US"),
    ("Tehran", "IR"),
    ("Beijing", "CN"),
    ("Boston", "US"),
    ("Dallas", "US"),
    ("Pineville", "US"),
]
STATES = {
    "SY": None,
    "US": [
        "Louisiana",
        "Texas",
        "Virginia",
        "Idaho",
        "Illinois",
        "New York",
        "Washington",
        "Oregon",
        "Georgia",
    ],
    "RU": ["Moscow"],
}
AIRPORTS = ["OSLK", "OSDI", "LLBG", "UUEE", "KBOS"]


def main() -> None:
    src = SourcePaths()
    # Only the generated files are replaced: sites.csv, demonyms.csv, country_aliases.csv
    # and division_aliases.csv in the same folder are written by hand.
    shutil.rmtree(OUT / "csc", ignore_errors=True)
    (OUT / "csc" / "by-country").mkdir(parents=True)
    countries = json.loads(src.geonames_countries.read_text())
    _dump(OUT / "countries.json", {c: countries[c] for c in COUNTRIES})
    continents = json.loads(src.geonames_continents.read_text())
    for record in continents.values():
        record["alternateNames"] = [a for a in record.get("alternateNames", []) if a.get("lang") == "en"]
    _dump(OUT / "continents.json", continents)
    shutil.copy(src.geonames_us_states, OUT / "us_states.json")
    _dump(OUT / "cities500.json", _cities(src))
    csc = json.loads((src.csc_data / "countries.json").read_text())
    _dump(OUT / "csc" / "countries.json", [c for c in csc if c["iso2"] in COUNTRIES])
    for code, names in STATES.items():
        states = json.loads((src.csc_data / "by-country" / code / "states.json").read_text())
        keep = [s for s in states if names is None or s["name"] in names]
        (OUT / "csc" / "by-country" / code).mkdir()
        _dump(OUT / "csc" / "by-country" / code / "states.json", keep)
    with (
        src.airports.open(encoding="utf-8", newline="") as handle,
        (OUT / "airports.csv").open("w", encoding="utf-8", newline="") as out,
    ):
        reader = csv.DictReader(handle)
        writer = csv.DictWriter(out, reader.fieldnames or [])
        writer.writeheader()
        writer.writerows(row for row in reader if row["icao"] in AIRPORTS)
    print(f"fixture written to {OUT}")


def _cities(src: SourcePaths) -> dict[str, dict]:
    records = json.loads(src.geonames_cities.read_text()).values()
    chosen: dict[str, dict] = {}
    for name, country in CITIES:
        matches = [
            r
            for r in records
            if r["countrycode"] == country
            and (normalize(r["name"]) == normalize(name) or name in r["alternatenames"])
        ]
        matches.sort(key=lambda r: -r["population"])
        for record in matches[: 2 if country == "US" else 1]:
            chosen[str(record["geonameid"])] = record
    return chosen


def _dump(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
