"""Regenerate gazetteer/data/geonames_features.tsv from the GeoNames extract (CC BY 4.0).

The extract (`geonames-extract/features.tsv`, GeoNames' own records for countries, first-level
divisions, continents, oceans, seas, gulfs, straits and regions) is read from the folder given
as the only argument; its README says where every row came from. The shipped file keeps the
columns the gazetteer compiles, in GeoNames' order, and drops feature_class (implied by the code).
Run: python scripts/make_geonames_features.py ../shared/geonames-extract
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "geonames_features.tsv"
COLUMNS = (
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "latitude",
    "longitude",
    "feature_code",
    "country_code",
    "admin1_code",
    "population",
)


def main(folder: Path) -> None:
    source = folder / "features.tsv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    temporary = OUT.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([row[column] for column in COLUMNS] for row in rows)
    temporary.replace(OUT)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    print(f"{len(rows)} rows written to {OUT} (from {source}, sha256 {digest})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/geonames-extract"))
