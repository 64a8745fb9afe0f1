"""The stable name of a claim: a short hash a config file or a baseline can refer to it by."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable
from dataclasses import replace

from geomap.model import Claim, Report, Verdict

#: Hex digits kept of the SHA-1: 12 make a collision between two claims of one newsroom unlikely
#: (about 1 in 10^7 for 10,000 claims) while staying short enough to paste into a config file.
FINGERPRINT_LENGTH = 12


def claim_fingerprint(article_name: str, claim: Claim) -> str:
    """A 12-hex-digit name of `claim` in the article called `article_name`.

    It hashes what identifies the claim to a reader, never where it stands: the article path
    as given (normalised: "./a/../b.txt" is "b.txt", separators are "/"), the sentence and the
    claim's own words with white space folded and case ignored, the claim's kind and its figure
    (the quantity as written, the compass point, the country). Line numbers and offsets are
    left out, so editing other lines of the article keeps every fingerprint. Two identical
    claims in identical sentences of one article share a fingerprint (a waiver covers both).
    """
    parts = (
        _path(article_name),
        _fold(claim.sentence),
        _fold(claim.text),
        str(claim.kind),
        _fold(claim.quantity.text) if claim.quantity is not None else "",
        claim.direction or "",
        claim.country or "",
    )
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def _path(name: str) -> str:
    """The article path as given, in one spelling: normalised, with "/" separators."""
    if name == "-":
        return name
    return posixpath.normpath(name.replace("\\", "/"))


def _fold(text: str) -> str:
    """Text with runs of white space as one space and case folded: re-wrapping a line changes nothing."""
    return " ".join(text.split()).casefold()


def each_claim(report: Report, change: Callable[[Verdict, str], Verdict]) -> Report:
    """The report with every verdict replaced by `change(verdict, fingerprint of its claim)`."""
    results = tuple(
        replace(
            result,
            verdicts=tuple(
                change(verdict, claim_fingerprint(result.article.name, verdict.claim))
                for verdict in result.verdicts
            ),
        )
        for result in report.results
    )
    return replace(report, results=results)
