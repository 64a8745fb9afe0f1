"""Regenerate gazetteer/data/common_words.csv: frequent lowercase English words with their Zipf frequency.

Recognition uses it to drop gazetteer names that are ordinary words ("Most", "Police", "Bad")
and to tell name-like words ("Mikhail") from ordinary capitalised ones ("Downtown").
A word counts when Webster's 2nd lists it in lowercase (so "london" is out, "police" in)
and wordfreq gives it a Zipf frequency of at least 3. Needs `pip install wordfreq english-words`
(only to regenerate; the CSV is shipped). Run: python scripts/make_common_words.py
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "common_words.csv"


def main() -> None:
    from english_words import get_english_words_set
    from wordfreq import top_n_list, zipf_frequency

    lowercase = {word for word in get_english_words_set(["web2"], lower=False, alpha=True) if word.islower()}
    rows = []
    for word in top_n_list("en", 80_000):
        zipf = zipf_frequency(word, "en")
        if zipf < 3.0:
            break
        if word in lowercase:
            rows.append((word, f"{zipf:.2f}"))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["word", "zipf"])
        writer.writerows(sorted(rows))
    print(f"{len(rows)} words written to {OUT}")


if __name__ == "__main__":
    main()
