"""The Renderer interface, the format-name registry, and the phrases several check formats share."""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

from geomap.claims.quantities import describe
from geomap.errors import ConfigError
from geomap.fingerprint import claim_fingerprint
from geomap.model import ArticleResult, Claim, ClaimKind, Notice, ReadFailure, Report, Status, Verdict
from geomap.report.indented import indented_json

Name = TypeVar("Name", bound=enum.Enum)
Implementation = TypeVar("Implementation")


class Renderer(ABC):
    """Turns a Report into the text of one output format."""

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole output: empty, or ending with a newline."""


class FormatRegistry(Generic[Name, Implementation]):
    """Every member of a format-name enum mapped to its implementation.

    Built complete or not at all: an enum member without an implementation (or an entry
    that is no member) is a TypeError when the registry is made, so a format cannot be
    named and forgotten. A wrong name looked up raises ConfigError listing the valid ones.
    """

    def __init__(self, names: type[Name], entries: Mapping[Name, Implementation]) -> None:
        missing = [str(member.value) for member in names if member not in entries]
        strays = [repr(key) for key in entries if not isinstance(key, names)]
        if missing or strays:
            raise TypeError(
                f"{names.__name__} registry: no implementation for {', '.join(missing) or '-'}; "
                f"not a member: {', '.join(strays) or '-'}"
            )
        self.names = names
        self._entries = {member: entries[member] for member in names}

    def member(self, name: Name | str) -> Name:
        """The member called `name`; a member passes through."""
        try:
            return self.names(name)
        except ValueError:
            valid = ", ".join(self.choices)
            raise ConfigError(f"{name!r} is not a valid {self.names.__name__}; valid: {valid}") from None

    @property
    def choices(self) -> list[str]:
        """The format names, in enum order (for click.Choice)."""
        return [str(member.value) for member in self.names]

    def __getitem__(self, name: Name | str) -> Implementation:
        return self._entries[self.member(name)]

    def __iter__(self) -> Iterator[Name]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def json_text(document: Any) -> str:
    """A JSON document as geomap writes it: UTF-8 text (not ASCII-escaped), indented, a final newline."""
    return indented_json(document, indent=2) + "\n"


def status_counts(report: Report) -> Counter[Status]:
    """How many verdicts of the report have each status."""
    return Counter(verdict.status for verdict in report.verdicts)


def summary(report: Report) -> str:
    """The closing line: "3 claims in 2 articles: 1 holds, 1 contradicted, 1 unverifiable".

    Waived claims, files that could not be read and notices are counted only when there are
    any, so a run without corrections reads as it always did.
    """
    counts = status_counts(report)
    total = len(report.verdicts)
    line = (
        f"{total} claim{'s' if total != 1 else ''} in {len(report.results)} "
        f"article{'s' if len(report.results) != 1 else ''}: {counts[Status.HOLDS]} holds, "
        f"{counts[Status.CONTRADICTED]} contradicted, {counts[Status.UNVERIFIABLE]} unverifiable"
    )
    if counts[Status.WAIVED]:
        line += f", {counts[Status.WAIVED]} waived"
    if report.failures:
        line += f"; {_count(len(report.failures), 'file')} could not be read"
    if report.notices:
        line += f"; {_count(len(report.notices), 'warning')}"
    return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def why(verdict: Verdict) -> str:
    """The verdict's explanation, led by the waiver's reason when the claim is waived."""
    if verdict.waiver is None:
        return verdict.explanation
    return f"waived: {verdict.waiver} (check: {verdict.explanation})"


def failure_line(failure: ReadFailure) -> str:
    """One line for a file that could not be read: "error: NAME: REASON"."""
    return f"error: {failure.name}: {failure.reason}"


def notice_line(notice: Notice) -> str:
    """One line for a waiver, pin or baseline entry that matched nothing: "warning: ..."."""
    return f"warning: {notice.message}"


def fingerprinted(report: Report) -> Iterator[tuple[ArticleResult, Verdict, str]]:
    """Every verdict of the report with its article and its claim's fingerprint, in order."""
    for result in report.results:
        for verdict in result.verdicts:
            yield result, verdict, claim_fingerprint(result.article.name, verdict.claim)


def named_text(claim: Claim, width: int | None = None) -> str:
    """The claim as written, with each end it does not spell out named after it.

    "The town lies 30 km west of the city" reads "... [subject: Chiva; reference: Valencia]":
    the reader sees which places were measured without the article at hand. With `width`,
    the written text is clipped so that the names still show.
    """
    extra = []
    for role, mention in (("subject", claim.subject), ("reference", claim.reference)):
        if mention is None or mention.place is None:
            continue
        if not (claim.start <= mention.start and mention.end <= claim.end):
            extra.append(f"{role}: {mention.place.name}")
    suffix = f" [{'; '.join(extra)}]" if extra else ""
    if width is None:
        return claim.text + suffix
    return clip(claim.text, max(width - len(suffix), 12)) + suffix if suffix else clip(claim.text, width)


def claimed(claim: Claim) -> str:
    """What the claim states, in a few words."""
    parts = []
    if claim.quantity is not None:
        parts.append(describe(claim.quantity))
    if claim.direction is not None:
        parts.append(claim.direction)
    if claim.kind == ClaimKind.PROXIMITY:
        parts.append("near")
    if claim.kind == ClaimKind.ROUTE:
        parts.append("by route")
    if claim.kind == ClaimKind.BORDER_DISTANCE:
        parts.append(f"from {claim.country or 'the'} border")
    if claim.kind == ClaimKind.CONTAINMENT:
        parts.append(f"inside {claim.country or '?'}")
    return " ".join(parts)


def measured(verdict: Verdict) -> str:
    """The measured distance, or "-" when nothing could be measured."""
    return "-" if verdict.measured_km is None else f"{verdict.measured_km:.1f} km"


def clip(text: str, width: int) -> str:
    """`text` cut to `width` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"
