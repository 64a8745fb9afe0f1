"""`geomap check --baseline FILE`: the verdicts of an accepted run, and a run compared with them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from geomap import __version__
from geomap.errors import ConfigError
from geomap.fingerprint import claim_fingerprint, each_claim
from geomap.model import BaselineState, Notice, NoticeKind, Report, Status, Verdict

#: Layout version of the baseline file (docs/claim-report-schema.md, "Baseline file").
BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Baseline:
    """The verdict recorded for each claim fingerprint, and the article it was found in."""

    verdicts: Mapping[str, Status]
    articles: Mapping[str, str]
    """Fingerprint -> article name: entries of articles a run did not read are kept, not stale."""
    texts: Mapping[str, str]
    """Fingerprint -> the claim's words, for people reading the file."""


def read_baseline(path: Path) -> Baseline:
    """The baseline in `path`, or ConfigError in one line when it is not one."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ConfigError(f"baseline {path}: cannot read it: {error}") from None
    claims = document.get("claims") if isinstance(document, dict) else None
    if (
        not isinstance(document, dict)
        or document.get("version") != BASELINE_VERSION
        or not isinstance(claims, dict)
    ):
        raise ConfigError(
            f"baseline {path}: not a geomap baseline (version {BASELINE_VERSION} with a claims object)"
        )
    verdicts, articles, texts = {}, {}, {}
    for fingerprint, entry in claims.items():
        verdict = entry.get("verdict") if isinstance(entry, dict) else None
        if verdict not in {status.value for status in Status}:
            raise ConfigError(f"baseline {path}: claim {fingerprint}: verdict {verdict!r} is not a verdict")
        verdicts[fingerprint] = Status(verdict)
        articles[fingerprint] = str(entry.get("article", ""))
        texts[fingerprint] = str(entry.get("text", ""))
    return Baseline(verdicts, articles, texts)


def baseline_text(report: Report, previous: Baseline | None = None) -> str:
    """The baseline of a run: every claim's verdict by fingerprint, keys sorted so it diffs well.

    Entries of `previous` whose article this run did not read (a pre-commit run over the
    changed files only) are kept as they were.
    """
    read = _read_names(report)
    claims: dict[str, dict[str, str]] = {}
    if previous is not None:
        for fingerprint, status in previous.verdicts.items():
            article = previous.articles[fingerprint]
            if article not in read:
                claims[fingerprint] = {
                    "verdict": status.value,
                    "article": article,
                    "text": previous.texts[fingerprint],
                }
    for result in report.results:
        for verdict in result.verdicts:
            entry = {
                "verdict": verdict.status.value,
                "article": result.article.name,
                "text": verdict.claim.text,
            }
            claims.setdefault(claim_fingerprint(result.article.name, verdict.claim), entry)
    document = {
        "version": BASELINE_VERSION,
        "tool": {"name": "geomap", "version": __version__},
        "claims": dict(sorted(claims.items())),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def compare(report: Report, baseline: Baseline, path: Path) -> Report:
    """The report with each verdict marked new, changed or known, and a notice per stale entry.

    Only claims that are new or whose verdict changed can fail the run (Verdict.fails).
    """
    seen: set[str] = set()

    def marked(verdict: Verdict, fingerprint: str) -> Verdict:
        seen.add(fingerprint)
        recorded = baseline.verdicts.get(fingerprint)
        if recorded is None:
            return replace(verdict, baseline=BaselineState.NEW)
        same = recorded == verdict.status
        return replace(verdict, baseline=BaselineState.KNOWN if same else BaselineState.CHANGED)

    report = each_claim(report, marked)
    read = _read_names(report)
    stale = tuple(
        Notice(
            NoticeKind.STALE_BASELINE, f"baseline {path}: entry {fingerprint} matches no claim", fingerprint
        )
        for fingerprint in sorted(baseline.verdicts)
        if fingerprint not in seen and baseline.articles[fingerprint] in read
    )
    return replace(report, notices=report.notices + stale)


def _read_names(report: Report) -> set[str]:
    """The articles a run was given: those it read and those it could not."""
    return {result.article.name for result in report.results} | {failure.name for failure in report.failures}
