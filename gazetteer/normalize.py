"""The one name-normalisation function shared by the build, every lookup and recognition."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode decomposition leaves alone but that news spells with plain ASCII.
_LETTER_FOLDS = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŋ": "n",
        "ħ": "h",
        "ŧ": "t",
        "&": " and ",
    }
)
# Apostrophes and the Arabic ayn/hamza marks vanish: "Ma'arrat" == "Maarrat" == "Ma’arrat".
_APOSTROPHES = re.compile(r"['’‘`´ʼʻʿʾ′\u02bc\u02bb]")
# Separators become a single space: "Tahrir-al-Sham" == "Tahrir al Sham".
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―_.,;:/\\()\[\]{}\"“”«»!?·•*+]+")
# The Arabic article in its transliterations: el-/ad-/as-/ash-... all fold to "al".
# Sun-letter forms (ad-, as-, ar-...) only count when hyphenated or assimilated
# ("as Suwayda", "ar Raqqah"), so English words such as "as" or "at" are left alone.
_ARTICLE_HYPHEN = re.compile(r"\b[ae](?:l|d|s|t|z|n|r|sh|th|dh)-(?=\w)")
_ARTICLE_ASSIMILATED = re.compile(r"\b[ae](d|s|t|z|n|r|sh|th|dh) (?=\1)")
_ARTICLE_EL = re.compile(r"\bel (?=\w)")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Fold a place name to the key under which it is stored and looked up.

    Case, diacritics, apostrophes, hyphens and the spelling of the Arabic article are
    erased, so "Ţarţūs" == "tartus", "Al-Lādhiqīyah" == "el Ladhiqiyah" and
    "St. Louis" == "Saint Louis". Non-Latin scripts keep their letters (minus marks).
    """
    if name.isascii() and _plain_words(name):
        # ASCII letters and single spaces (most names recognition tries): only case, the
        # Arabic article and abbreviations can change.
        text = name.lower()
        if " " not in text:
            return _ABBREVIATIONS.get(text, text)
        text = _ARTICLE_EL.sub("al ", _ARTICLE_ASSIMILATED.sub("al ", text))
        return " ".join([_ABBREVIATIONS.get(word, word) for word in text.split(" ")])
    if name.isascii():
        text = name  # decomposition and mark stripping change nothing in ASCII (the common case)
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_LETTER_FOLDS)
    text = _APOSTROPHES.sub("", text)
    text = _ARTICLE_HYPHEN.sub("al ", text)
    text = _SEPARATORS.sub(" ", text).strip()
    text = _ARTICLE_ASSIMILATED.sub("al ", text)
    text = _ARTICLE_EL.sub("al ", text)
    words = [_ABBREVIATIONS.get(word, word) for word in text.split()]
    return " ".join(words)


def _plain_words(name: str) -> bool:
    """ASCII words of letters only, one space between them, none at either end."""
    return name.replace(" ", "").isalpha() and "  " not in name and name[0] != " " and name[-1] != " "


_VOWEL_RUNS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(\w)\1+")
#: Shortest skeleton matched: shorter ones collide too often ("Paris", "Peres").
MIN_SKELETON = 5


def skeleton(norm: str) -> str:
    """A normalised name with the letters transliterations disagree on erased.

    The Arabic article goes, words are joined, doubled letters single, every run of vowels
    is one "a", a final "h" goes, and "q" is "k": "Hodeidah" and "al Hudaydah" both give
    "hadada", "Hinjewadi" and "Hinjawadi" "hanjawada". Used only when no name matches exactly.
    """
    words = norm.split()
    if len(words) > 1 and words[0] == "al":
        words = words[1:]
    text = "".join(words).replace("q", "k")
    text = _DOUBLED.sub(r"\1", text)
    text = _VOWEL_RUNS.sub("a", text)
    return text[:-1] if text.endswith("h") and len(text) > MIN_SKELETON else text


#: Fewest letters a name keeps after its accented letters are dropped, for that form to be indexed.
MIN_STRIPPED = 4


def stripped(name: str) -> str | None:
    """The normalised name as text that lost its non-ASCII letters reads it, or None when the same.

    Some archives and datasets drop every non-ASCII character: "Kraków" becomes "Krakw",
    "Wrocław" "Wrocaw", "Nowy Sącz" "Nowy Scz". Only names in Latin letters
    with a few accented ones give such a form; one shorter than MIN_STRIPPED letters or
    than two thirds of the name would collide with too many words.
    """
    if name.isascii() or not all(is_latin(char) for char in name if char.isalpha()):
        return None
    kept = "".join(char for char in name if char.isascii())
    letters = sum(char.isalpha() for char in kept)
    if letters < MIN_STRIPPED or 3 * letters < 2 * sum(char.isalpha() for char in name):
        return None
    form = normalize(kept)
    return form if form and form != normalize(name) else None


def is_latin(char: str) -> bool:
    """Basic Latin, Latin-1, Latin Extended-A/B and Additional (Vietnamese): the scripts English borrows."""
    code = ord(char)
    return code <= 0x024F or 0x1E00 <= code <= 0x1EFF
