"""The `csv` formats of `check` (a row per claim) and `places` (a row per mention), for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from geomap.fingerprint import claim_fingerprint
from geomap.model import Mention, Report, Verdict
from geomap.report.base import Renderer, notice_line, why
from geomap.sentences import LineIndex

#: First characters a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: What the CSV says of each end of a claim, after the end's prefix ("subject_", "reference_").
END_COLUMNS = ("surface", "name", "kind", "division", "country", "confidence", "id")

CHECK_COLUMNS = (
    "fingerprint",
    "article",
    "line",
    "kind",
    "verdict",
    "baseline",
    "claim",
    "measured_km",
    "bearing_deg",
    "explanation",
    "waiver",
    *(f"subject_{column}" for column in END_COLUMNS),
    *(f"reference_{column}" for column in END_COLUMNS),
)

PLACES_COLUMNS = (
    "article",
    "line",
    "column",
    "start",
    "end",
    "surface",
    "mention_kind",
    "id",
    "name",
    "kind",
    "division",
    "country",
    "lat",
    "lon",
    "confidence",
    "evidence",
)

Cell = str | int | float | None


def safe_cell(value: Cell) -> str:
    """A cell as text, neutralised if a spreadsheet would run it: "=1+1" becomes "'=1+1".

    Only text is neutralised: numbers geomap writes itself ("-33.9") stay numbers.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """A header row and the rows, through the csv module (quoting, CRLF line ends, as RFC 4180 has it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def _end(mention: Mention | None) -> list[Cell]:
    """The END_COLUMNS of a claim's subject or reference (empty when unbound or unresolved)."""
    if mention is None:
        return [None] * len(END_COLUMNS)
    place = mention.place
    if place is None:
        return [mention.surface, *([None] * (len(END_COLUMNS) - 1))]
    return [
        mention.surface,
        place.name,
        place.kind,
        place.admin1,
        place.country_code,
        round(mention.confidence, 3),
        place.id,
    ]


def _claim_row(article: str, verdict: Verdict) -> list[Cell]:
    claim = verdict.claim
    return [
        claim_fingerprint(article, claim),
        article,
        claim.line,
        claim.kind,
        verdict.status,
        verdict.baseline,
        claim.text,
        None if verdict.measured_km is None else round(verdict.measured_km, 3),
        None if verdict.bearing_deg is None else round(verdict.bearing_deg, 1),
        why(verdict),
        verdict.waiver,
        *_end(claim.subject),
        *_end(claim.reference),
    ]


def _other_row(article: str, verdict: str, explanation: str, fingerprint: str = "") -> list[Cell]:
    """A row that is no claim: a file that could not be read ("unreadable") or a notice ("notice")."""
    row: list[Cell] = [None] * len(CHECK_COLUMNS)
    row[CHECK_COLUMNS.index("fingerprint")] = fingerprint
    row[CHECK_COLUMNS.index("article")] = article
    row[CHECK_COLUMNS.index("verdict")] = verdict
    row[CHECK_COLUMNS.index("explanation")] = explanation
    return row


class CheckCsvRenderer(Renderer):
    """A row per claim (CHECK_COLUMNS), then a row per unreadable file and per notice."""

    def render(self, report: Report) -> str:
        rows = [_claim_row(r.article.name, verdict) for r in report.results for verdict in r.verdicts]
        rows += [_other_row(failure.name, "unreadable", failure.reason) for failure in report.failures]
        rows += [_other_row("", "notice", notice_line(notice), notice.key) for notice in report.notices]
        return csv_text(CHECK_COLUMNS, rows)


class PlacesCsvRenderer(Renderer):
    """A row per mention (PLACES_COLUMNS); an unresolved mention has empty place cells.

    Files that could not be read are named on standard error by the command, not here.
    """

    def render(self, report: Report) -> str:
        rows: list[list[Cell]] = []
        for result in report.results:
            lines = LineIndex(result.article.text)
            for mention in result.mentions:
                place = mention.place
                where: list[Cell] = [
                    result.article.name,
                    lines.line_of(mention.start),
                    lines.column_of(mention.start),
                    mention.start,
                    mention.end,
                    mention.surface,
                    mention.kind,
                ]
                resolved: list[Cell] = (
                    [None] * 7
                    if place is None
                    else [
                        place.id,
                        place.name,
                        place.kind,
                        place.admin1,
                        place.country_code,
                        place.lat,
                        place.lon,
                    ]
                )
                rows.append([*where, *resolved, round(mention.confidence, 3), mention.evidence])
        return csv_text(PLACES_COLUMNS, rows)
