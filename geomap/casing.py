"""Text in capitals (1980s-90s wire copy, headlines): same-length views in ordinary case.

Case is decided per paragraph (line), not per word. In a paragraph written in capitals
"LIMA" is a name and "THE" a word, so recognition reads it as a headline in title case
(function words and very common words lower case), and claim finding reads everything but the
recognised names in lower case. Offsets never change: a word whose case forms differ in length
("İ") is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from gazetteer import lexicon
from geomap.model import Mention


def _words(block: str) -> list[str]:
    return block.split()


#: A paragraph is in capitals when at least this share of its letters are upper case...
SHOUTING_SHARE = 0.8
#: ...and it has at least this many letters (a dateline alone is not enough).
MIN_LETTERS = 40
#: Words at least this frequent in English (Zipf) read as ordinary words, unless a name part.
ORDINARY_ZIPF = 4.0
#: Frequent words that are often part of a place's name ("NEW YORK", "SAN SALVADOR").
NAME_PARTS = frozenset(
    _words(
        """
        new san santa santo saint north south east west northern southern eastern western upper
        lower great port fort mount lake river bay island islands united states republic kingdom
        gulf sea cape valley hill hills gold coast bank strip heights
        """
    )
)
#: Words that are never names: articles, prepositions, conjunctions, pronouns, auxiliaries.
FUNCTION_WORDS = frozenset(
    _words(
        """
        a an the and or but nor of in on at by for from
        to with into onto off over under about as is are was were be
        been being has have had do does did will would shall should can could
        may might must this that these those it its he she they them his
        her their we our you your i me my who whom whose which what
        where when why how than then there here not no so if also said
        says told according some approximately around nearly almost located lies
        """
    )
)
#: Up to four words in capitals opening a text, then what follows a dateline: an agency in
#: brackets ("(Reuters)"), a dash, or a comma and a date ("LIMA, 3 MAY", "BEIRUT, May 3").
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*\.?"
_DATELINE = re.compile(
    r"\s*([A-Z][A-Z'’.-]{2,}(?:[ \t]+[A-Z][A-Z'’.-]*){0,3})"
    rf"(?=[ \t]*(?:\([A-Za-z-]{{2,12}}\)|[-—–]+[ \t]|,[ \t]*(?:\d{{1,2}}[ \t]+{_MONTH}|{_MONTH}[ \t]+\d)))"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LINE = re.compile(r"[^\n\r]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_ASCII_UPPER = bytes(c for c in range(128) if not chr(c).isupper())


def capital_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of the text that is written in capitals.

    A short line (a headline, "TROOPS ENTERED IDLIB.") is too short to judge alone, so it
    counts as in capitals when the whole text is: the case is decided per text first.
    """
    whole = _shouting(text, MIN_LETTERS)
    for match in _LINE.finditer(text):
        if _shouting(match.group(), 1 if whole else MIN_LETTERS):
            yield match.start(), match.end()


def _shouting(block: str, min_letters: int) -> bool:
    """Whether a stretch of text has `min_letters` letters or more, nearly all upper case.

    Called for every line of every article twice, so the ASCII letters are counted in C
    (bytes.translate); only the few non-ASCII characters are looked at one by one.
    """
    ascii_part = block.encode("ascii", "ignore")
    letters = len(ascii_part.translate(None, _NOT_ASCII_LETTER))
    upper = len(ascii_part.translate(None, _NOT_ASCII_UPPER))
    if len(ascii_part) != len(block):
        for char in _NON_ASCII.findall(block):
            if char.isalpha():
                letters += 1
                upper += char.isupper()
    return letters >= min_letters and upper >= SHOUTING_SHARE * letters


def recognition_view(text: str) -> str:
    """The text with each paragraph in capitals as a title-case headline."""
    common = lexicon.common_words()

    def recase(word: str) -> str:
        lowered = word.lower()
        ordinary = lowered in FUNCTION_WORDS or (
            lowered not in NAME_PARTS
            and max(common.get(form, 0.0) for form in _forms(lowered)) >= ORDINARY_ZIPF
        )
        return lowered if ordinary else word[:1] + lowered[1:]

    return _recased(text, recase, _title)


def _title(word: str) -> str:
    """A dateline's word as a name: "KYIV" -> "Kyiv", "BERLIN" -> "Berlin" (never an ordinary word)."""
    return word[:1] + word[1:].lower()


def claims_view(text: str, mentions: Sequence[Mention]) -> str:
    """The text with each paragraph in capitals in lower case but for its recognised names."""
    view = _recased(text, str.lower)
    if view is text:
        return text
    chars = list(view)
    for mention in mentions:
        surface = text[mention.start : mention.end]
        chars[mention.start : mention.end] = _WORD.sub(
            lambda m: _same_length(m.group(), m.group().title()), surface
        )
    return "".join(chars)


def _forms(word: str) -> tuple[str, ...]:
    """The word and the stems its English endings may hide ("attacked", "sources", "cities").

    The frequency list holds base forms; an inflected word is as ordinary as its stem.
    """
    forms = [word]
    for ending, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("d", ""),
    ):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: -len(ending)] + replacement)
    return tuple(forms)


def dateline(text: str) -> tuple[int, int] | None:
    """(start, end) of a dateline in capitals opening a text in ordinary case ("KYIV (Reuters) -").

    Its words are names ("LIMA", "QUITO"), not acronyms, however short.
    """
    match = _DATELINE.match(text)
    return (match.start(1), match.end(1)) if match else None


def _recased(
    text: str, recase: Callable[[str], str], dateline_recase: Callable[[str], str] | None = None
) -> str:
    """The text with its paragraphs in capitals recased word by word.

    `dateline_recase` recases a dateline opening a text in ordinary case; None leaves it as is.
    """
    spans = [(start, end, recase) for start, end in capital_paragraphs(text)]
    opening = dateline(text) if dateline_recase is not None else None
    if (
        opening is not None
        and dateline_recase is not None
        and not any(s <= opening[0] < e for s, e, _ in spans)
    ):
        spans.insert(0, (*opening, dateline_recase))
    if not spans:
        return text
    chars = list(text)
    for start, end, how in spans:
        recased = _WORD.sub(lambda m, how=how: _same_length(m.group(), how(m.group())), text[start:end])  # type: ignore[misc]
        chars[start:end] = recased
    return "".join(chars)


def _same_length(word: str, recased: str) -> str:
    return recased if len(recased) == len(word) else word
