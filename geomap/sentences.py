"""Splitting an article into sentences with their offsets, for claims and map popups."""

from __future__ import annotations

import re
from bisect import bisect_left
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
#: A line break: "\r\n" (Windows), "\n" (Unix) or a lone "\r" (classic Mac OS, some exports).
_LINE_BREAK = re.compile(r"\r\n?|\n")
#: Longest stretch treated as one sentence. Real sentences are far shorter; a page of text
#: with no full stop (a scraped table, a binary-ish dump) is cut at spaces so that claim
#: finding, which looks at every place in a sentence, stays linear in the article's length.
MAX_SENTENCE_CHARS = 2_000


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
    for line in re.finditer(r"[^\r\n]+", text):
        begin, words = line.start(), line.group(0)
        for boundary in _SENTENCE_END.finditer(words):
            if _ends_in_abbreviation(words[max(0, boundary.start() - 40) : boundary.start()]):
                continue
            cut = line.start() + boundary.end()
            sentences.extend(_bounded_sentences(text, begin, cut))
            begin = cut
        sentences.extend(_bounded_sentences(text, begin, line.end()))
    return [s for s in sentences if s.text]


def _bounded_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """text[start:end] as one sentence, or as pieces cut at spaces when it is overlong."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        space = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = space + 1 if space > start else start + MAX_SENTENCE_CHARS
        pieces.append(_trimmed_sentence(text, start, cut))
        start = cut
    pieces.append(_trimmed_sentence(text, start, end))
    return pieces


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


class LineIndex:
    """1-based line numbers of article offsets, in logarithmic time (line breaks found once).

    CR LF is one break, and so is a lone CR (as editors count them, and as `split_sentences` cuts).
    """

    def __init__(self, text: str) -> None:
        found = list(_LINE_BREAK.finditer(text))
        self._breaks = [match.start() for match in found]
        self._line_starts = [0, *(match.end() for match in found)]

    def line_of(self, offset: int) -> int:
        """The line holding `offset`: one more than the line breaks that start before it."""
        return bisect_left(self._breaks, offset) + 1

    def column_of(self, offset: int) -> int:
        """The 1-based column of `offset` on its line."""
        return offset - self._line_starts[self.line_of(offset) - 1] + 1
