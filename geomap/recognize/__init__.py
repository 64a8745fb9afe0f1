"""Recognition: find the spans of text that name places or demonyms, before any resolution.

A recognizer is anything with `find(text) -> list[Span]`; RECOGNIZERS maps a name to a factory
that builds one from the gazetteer and the candidate index (which says how strong a name is).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from geomap.errors import ConfigError
from geomap.model import Span

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from geomap.resolve.candidates import CandidateIndex


class Recognizer(Protocol):
    """Finds place-name and demonym spans in a text."""

    def find(self, text: str) -> list[Span]:
        """Every span, sorted by start, non-overlapping; text[span.start:span.end] == span.surface."""
        ...


RecognizerFactory = Callable[["Gazetteer", "CandidateIndex"], Recognizer]


def _capitalised(gazetteer: Gazetteer, index: CandidateIndex) -> Recognizer:
    from geomap.recognize.capitalised import NameRecognizer

    return NameRecognizer(
        gazetteer.recognition_index(),
        gazetteer.demonyms(),
        index.strength,
        extra_names=index.county_names,
        spelling_of=index.spelling_of,
    )


#: Every recognizer by name; "capitalised" (the gazetteer's names, capitalised in prose) is the default.
RECOGNIZERS: Mapping[str, RecognizerFactory] = MappingProxyType({"capitalised": _capitalised})


def make_recognizer(name: str, gazetteer: Gazetteer, index: CandidateIndex) -> Recognizer:
    """The recognizer called `name`; ConfigError naming the valid ones otherwise."""
    factory = RECOGNIZERS.get(name)
    if factory is None:
        raise ConfigError(f"unknown recognizer {name!r}; valid: {', '.join(RECOGNIZERS)}")
    return factory(gazetteer, index)
