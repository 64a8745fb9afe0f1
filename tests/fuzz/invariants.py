"""What must hold for any article: generators of hostile articles, and the checks they must pass.

Shared by the bounded fuzz tests run in CI (tests/fuzz/test_fuzz.py) and by the long campaign
script (scripts/fuzz_campaign.py).
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import xml.etree.ElementTree as ET

from geomap.claims.extract import extract_claims
from geomap.claims.quantities import find_quantities
from geomap.model import Article, ArticleResult, Report
from geomap.pipeline import Geoparser
from geomap.report import ReportFormat, render
from geomap.verify import Verifier

PLACES = (
    "Damascus",
    "Latakia",
    "Tartus",
    "Homs",
    "Jablah",
    "Syria",
    "Turkey",
    "Aleppo",
    "Idlib",
    "Khmeimim Air Base",
)
NUMBERS = (
    "60",
    "1,200.5",
    "1/2",
    "0",
    "0/0",
    "1/0",
    "sixty-five",
    "a dozen",
    "two and a half",
    "٨٠",
    "８０",
    "9" * 40,
    "20 or 25",
    "50-60",
    "between 5 and 9",
    " ".join(["sixty"] * 12),
    "1…0/1",
    ".5",
    "1e9",
)
UNITS = (
    "km",
    "kilometres",
    "miles",
    "mi",
    "nautical miles",
    "nm",
    "metres",
    "m",
    "ft",
    "yards",
    "kİlometres",
    "ſ",
)
HEDGES = ("", "around ", "some ", "about ", "more than ", "within ", "just under ", "nearly ")
CUES = (
    " from ",
    " north of ",
    " south-west of ",
    " south–east of ",
    " NNE of ",
    " to the west of ",
    " away",
    " apart",
    " inside ",
    " outside ",
    " by road from ",
    " off the coast of ",
    " from the border with ",
)
NOISE = (
    "{{7*7}}",
    "{% if 1 %}x{% endif %}",
    "<script>x()</script>",
    "`${x}`",
    "\u2028",
    "\x00",
    "\r",
    "\r\n",
    "\n",
    " " * 30,
    "@octocat",
    "https://evil.example",
    "THE CAPITAL",
    "the Syrian capital",
    ", a town",
    " and ",
    "'s ",
    "İ",
    "ß",
    "\ufeff",
    "\udcff",
    "(",
    ")",
    ";",
    "...",
)


def random_article(rng: random.Random) -> str:
    """A short article of claim-like phrases, noise and random Unicode."""
    parts = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.5:
            parts.append(
                f"{rng.choice(PLACES)} is {rng.choice(HEDGES)}{rng.choice(NUMBERS)} {rng.choice(UNITS)}"
                f"{rng.choice(CUES)}{rng.choice(PLACES)}"
            )
        elif roll < 0.8:
            parts.append(rng.choice(NOISE))
        else:
            parts.append("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 20))))
        parts.append(rng.choice((". ", " ", ", ", "\n")))
    text = "".join(parts)
    return text.upper() if rng.random() < 0.1 else text


def check_article(raw: str, parser: Geoparser, verifier: Verifier) -> list[str]:
    """Every invariant violated by one article (empty when all hold); exceptions propagate."""
    article = Article("fuzz.txt", raw)  # as the pipeline reads it: lone surrogates replaced
    text = article.text
    problems: list[str] = []
    for found in find_quantities(text):
        quantity = found.quantity
        if text[found.start : found.start + len(quantity.text)] != quantity.text:
            problems.append(f"quantity {quantity.text!r} does not slice back")
        if not (math.isfinite(quantity.km) and quantity.km >= 0):
            problems.append(f"quantity {quantity.text!r} is {quantity.km} km")
    mentions = parser.parse(text)
    for mention in mentions:
        if text[mention.start : mention.end] != mention.surface:
            problems.append(f"mention {mention.surface!r} does not slice back")
    claims = extract_claims(text, mentions, parser.capital_of)
    verdicts = tuple(verifier.verify(claim) for claim in claims)
    for verdict in verdicts:
        claim = verdict.claim
        if text[claim.start : claim.end] != claim.text:
            problems.append(f"claim {claim.text!r} does not slice back")
        if verdict.measured_km is not None and not (
            math.isfinite(verdict.measured_km) and verdict.measured_km >= 0
        ):
            problems.append(f"measured {verdict.measured_km}")
        if verdict.bearing_deg is not None and not 0 <= verdict.bearing_deg < 360:
            problems.append(f"bearing {verdict.bearing_deg}")
    report = Report((ArticleResult(article, tuple(mentions), verdicts),))
    problems.extend(check_formats(report, len(verdicts)))
    return problems


def check_formats(report: Report, claims: int) -> list[str]:
    """Every check format renders valid UTF-8; JSON, JUnit and CSV parse; one annotation per failing claim."""
    problems = []
    for form in ReportFormat:
        output = render(report, form)
        try:
            output.encode("utf-8")
        except UnicodeEncodeError as error:
            problems.append(f"{form.value}: not UTF-8 ({error})")
            continue
        if form is ReportFormat.JSON:
            json.loads(output, parse_constant=_no_constants)
        elif form is ReportFormat.JUNIT:
            ET.fromstring(output)
        elif form is ReportFormat.CSV:
            rows = list(csv.reader(io.StringIO(output, newline="")))
            if len(rows) != claims + 1:
                problems.append(f"csv: {len(rows)} rows for {claims} claims and a header")
        elif form is ReportFormat.GITHUB:
            annotations = [line for line in output.splitlines() if line.startswith("::")]
            if len(annotations) != len(report.failing) + 1:  # and the summary notice (no waivers here)
                problems.append(
                    f"github: {len(annotations)} annotations for {len(report.failing)} failing claims"
                )
    return problems


def _no_constants(name: str) -> float:
    raise ValueError(f"JSON holds {name}")
