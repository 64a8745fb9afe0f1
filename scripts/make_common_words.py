"""Regenerate gazetteer/data/common_words.csv: frequent lowercase English words with their Zipf frequency.

Recognition uses it to drop gazetteer names that are ordinary words ("Most", "Police", "Bad")
and to tell name-like words ("Mikhail") from ordinary capitalised ones ("Downtown").
A word counts when Webster's 2nd lists it in lowercase (so "london" is out, "police" in)
and wordfreq gives it a Zipf frequency of at least 3. Webster's lists base forms only, so an
inflected form counts too when lemminflect's lemma of it is listed and the suffix rules of
`geomap.casing._forms` cannot undo it ("began", "held", "women", "larger"): in capitals, "BEGAN"
is a verb, not a misspelt French village. Needs `pip install wordfreq english-words lemminflect`
(only to regenerate; the CSV is shipped). Run: python scripts/make_common_words.py
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "common_words.csv"


def main() -> None:
    from english_words import get_english_words_set
    from lemminflect import getAllLemmas
    from wordfreq import top_n_list, zipf_frequency

    from geomap.casing import _forms

    lowercase = {word for word in get_english_words_set(["web2"], lower=False, alpha=True) if word.islower()}
    rows = []
    for word in top_n_list("en", 80_000):
        zipf = zipf_frequency(word, "en")
        if zipf < 3.0:
            break
        if word in lowercase or _irregular_form(word, lowercase, getAllLemmas, _forms):
            rows.append((word, f"{zipf:.2f}"))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["word", "zipf"])
        writer.writerows(sorted(rows))
    print(f"{len(rows)} words written to {OUT}")


def _irregular_form(
    word: str,
    lowercase: set[str],
    lemmas_of: Callable[[str], dict[str, tuple[str, ...]]],
    stems_of: Callable[[str], tuple[str, ...]],
) -> bool:
    """Whether `word` inflects a listed word in a way the runtime suffix rules cannot undo."""
    if not word.isalpha() or not word.islower():
        return False
    lemmas = {lemma for forms in lemmas_of(word).values() for lemma in forms}
    if word in lemmas or not lemmas & lowercase:
        return False
    return not any(stem in lowercase for stem in stems_of(word)[1:])


if __name__ == "__main__":
    main()
