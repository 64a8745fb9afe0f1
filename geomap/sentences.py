"""Splitting an article into sentences with their offsets, for claims and map popups."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words whose full stop does not end a sentence ("Mt. Hermon", "Gen. Smith").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "st",
        "mt",
        "ft",
        "approx",
        "etc",
        "no",
        "vs",
        "jr",
        "sr",
        "prof",
        "gov",
        "sen",
        "rep",
        "inc",
        "corp",
        "co",
    ]
)
# Closing punctuation and quotes, then a space and what can start a sentence.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article and where it starts."""

    start: int
    """Offset of the first non-space character in the article text."""
    end: int
    """Offset one past the last non-space character."""
    text: str
    """text == article[start:end]."""


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets: lines first (news paragraphs), then full stops.

    A claim never spans two sentences, and a headline or dateline line without a full
    stop must not run into the paragraph below it, hence lines before punctuation.
    """
    sentences = []
    for line in re.finditer(r"[^\n]+", text):
        begin = line.start()
        for boundary in _SENTENCE_END.finditer(line.group(0)):
            if _ends_in_abbreviation(line.group(0)[: boundary.start()]):
                continue
            cut = line.start() + boundary.end()
            sentences.append(_trimmed_sentence(text, begin, cut))
            begin = cut
        sentences.append(_trimmed_sentence(text, begin, line.end()))
    return [s for s in sentences if s.text]


def _ends_in_abbreviation(before: str) -> bool:
    """Whether the full stop after `before` belongs to "Mt.", an initial ("J.") or "U.S."."""
    words = re.findall(r"[\w.]+$", before)
    last = words[0].lower().strip(".") if words else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or "." in last


def _trimmed_sentence(text: str, start: int, end: int) -> Sentence:
    """The sentence text[start:end] without its surrounding spaces, offsets moved to match."""
    chunk = text[start:end]
    start += len(chunk) - len(chunk.lstrip())
    end -= len(chunk) - len(chunk.rstrip())
    return Sentence(start, max(start, end), text[start : max(start, end)])
