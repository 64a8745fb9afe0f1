"""The `json` check format: the documented, versioned layout of docs/claim-report-schema.md."""

from __future__ import annotations

from geomap import __version__
from geomap.fingerprint import claim_fingerprint
from geomap.model import Report, Status
from geomap.report.base import Renderer, json_text, status_counts
from geomap.report.records import claim_record, failure_record, notice_record

#: Version of the JSON report layout (docs/claim-report-schema.md); bumped on breaking changes.
SCHEMA_VERSION = 1


class JsonRenderer(Renderer):
    """The documented, versioned JSON layout (docs/claim-report-schema.md)."""

    def render(self, report: Report) -> str:
        counts = status_counts(report)
        document = {
            "version": SCHEMA_VERSION,
            "tool": {"name": "geomap", "version": __version__},
            "summary": {
                "articles": len(report.results),
                "claims": len(report.verdicts),
                **{status.value: counts[status] for status in Status},
                "failing": len(report.failing),
                "errors": len(report.failures),
            },
            "articles": [
                {
                    "name": r.article.name,
                    "claims": [
                        claim_record(v, claim_fingerprint(r.article.name, v.claim)) for v in r.verdicts
                    ],
                }
                for r in report.results
            ],
            "errors": [failure_record(failure) for failure in report.failures],
            "notices": [notice_record(notice) for notice in report.notices],
        }
        return json_text(document)
