"""Whether an article looks English: geomap's names, cues and claim shapes are English only.

A cheap, offline heuristic, not a language identifier: it counts function words (the stop-word
lists of the `stop-words` package) written in lower case, and letters outside the Latin
script. Lower case only, because the function words of a list of place names or of a headline
in Title Case are capitalised ("Los Angeles", "Le Havre", "As Talks Stall"), and those must
never raise a warning.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from gazetteer.normalize import is_latin
from geomap.model import LanguageGuess

#: Latin-script languages whose function words are counted against English's.
FOREIGN = (
    "french",
    "spanish",
    "german",
    "italian",
    "portuguese",
    "dutch",
    "catalan",
    "danish",
    "norwegian",
    "swedish",
    "finnish",
    "polish",
    "czech",
    "slovak",
    "romanian",
    "hungarian",
    "turkish",
    "indonesian",
)
#: How much of an article is read: enough for a verdict, and the same cost for a 20 MB one.
SAMPLE_CHARS = 50_000
#: Fewest function words of one other language before it can outweigh English.
MIN_FOREIGN_WORDS = 4
#: That language must show more function words than English, by this factor.
FOREIGN_RATIO = 1.0
#: Fewest letters, and the share of them outside the Latin script, that make a text not English.
MIN_LETTERS = 20
NON_LATIN_SHARE = 0.5

#: Lower-case words inside place names ("Rio de Janeiro", "Ciudad del Este", "Bergen op Zoom").
_PARTICLES = "a al au aux d da das de dei del della delle den der des di do dos du e el en et i l la las le "
NAME_PARTICLES = frozenset((_PARTICLES + "les los op sur sous ten ter van von y zu zum zur").split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())


@functools.lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    """Each counted language's function words (English first), read once from `stop-words`."""
    from stop_words import get_stop_words

    return {language: frozenset(get_stop_words(language)) for language in ("english", *FOREIGN)}


def not_english(text: str) -> LanguageGuess | None:
    """Why `text` does not look English, or None when it does (or is too short to tell).

    English's list is long and holds many words of other languages ("de", "la", "il", "que"),
    so English text always scores highest on it; another language must score higher still.
    """
    sample = text[:SAMPLE_CHARS]
    script = _foreign_script(sample)
    if script is not None:
        return LanguageGuess(f"mostly {script} script")
    words = _prose_words(sample)
    hits = dict.fromkeys(_function_words(), 0)
    languages_of = _languages_of()
    for word, count in words.items():
        for language in languages_of.get(word, ()):
            hits[language] += count
    english = hits.pop("english")
    language, foreign = max(hits.items(), key=lambda item: item[1])
    if foreign >= MIN_FOREIGN_WORDS and foreign > FOREIGN_RATIO * english:
        return LanguageGuess(f"its function words are not English; closest list: {language.capitalize()}")
    return None


@functools.lru_cache(maxsize=1)
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each function word -> the counted languages whose list holds it (English first).

    One look-up per distinct word of an article, instead of one per word and language.
    """
    languages: dict[str, list[str]] = {}
    for language, vocabulary in _function_words().items():
        for word in vocabulary:
            languages.setdefault(word, []).append(language)
    return {word: tuple(names) for word, names in languages.items()}


def _prose_words(sample: str) -> Counter[str]:
    """The lower-case words of `sample`, less the particles of names ("Rio de Janeiro", "Port-au-Prince").

    A particle right before a capitalised word (across spaces or a hyphen) is taken as part of
    a name: a list of places is full of "de", "la", "du" and must not look French. Only
    particles: German capitalises its nouns, so "die Stadt" and "am Dienstag" still count.
    The words are counted in C; only a particle before a capitalised word is looked at again.
    """
    tokens = _WORD.findall(sample)
    words: Counter[str] = Counter(filter(str.islower, tokens))
    suspects = [
        index
        for index, word in enumerate(tokens[:-1])
        if word in NAME_PARTICLES and tokens[index + 1][0].isupper() and word.islower()
    ]
    if suspects:
        matches = list(_WORD.finditer(sample))
        for index in suspects:
            gap = sample[matches[index].end() : matches[index + 1].start()]
            if gap and not gap.strip(" -\u2010\u2011"):
                words[tokens[index]] -= 1
        words = +words
    return words


def _foreign_script(sample: str) -> str | None:
    """The commonest non-Latin script when most letters are in one, e.g. "Arabic"; else None.

    ASCII letters (all Latin) are counted in C; only the other characters one by one.
    """
    ascii_part = sample.encode("ascii", "ignore")
    letters = len(ascii_part.translate(None, _NOT_ASCII_LETTER))
    others = (
        [char for char in _NON_ASCII.findall(sample) if char.isalpha()]
        if len(ascii_part) < len(sample)
        else []
    )
    letters += len(others)
    if letters < MIN_LETTERS:
        return None
    scripts = Counter(_script(char) for char in others if not is_latin(char))
    outside = sum(scripts.values())
    if outside <= NON_LATIN_SHARE * letters:
        return None
    return scripts.most_common(1)[0][0]


def _script(char: str) -> str:
    """The script word of a letter's Unicode name: ARABIC LETTER ALEF -> "Arabic"; CJK -> "CJK"."""
    word = unicodedata.name(char, "OTHER").split(" ", 1)[0]
    return word if word == "CJK" else word.capitalize()
