"""Per-article maps (`geomap map --per-article`): one page per article and an index page linking them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from geomap.escape import escape_html
from geomap.model import Report
from geomap.render.features import claim_lines, place_pins
from geomap.render.popups import STATUS_COLOURS, STATUS_LABELS

INDEX_NAME = "index.html"


@dataclass(frozen=True, slots=True)
class ArticleMap:
    """One article's map page."""

    article: str
    """The article's name as given (path or "-")."""
    file_name: str
    """The page's file name inside the output folder (unique, safe characters only)."""
    report: Report
    """A report holding that article alone."""


def article_maps(report: Report) -> list[ArticleMap]:
    """A page per article, named after its file (`dir/story.txt` -> `story.html`), never `index.html`.

    Names are made of letters, digits, `.`, `_` and `-`; a second article with the same
    stem gets `-2`, `-3`... in the order the articles were read, so the output is stable.
    """
    taken = {INDEX_NAME}
    out = []
    for result in report.results:
        stem = "stdin" if result.article.name == "-" else PurePath(result.article.name).stem
        stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.ASCII).strip("._") or "article"
        name, number = f"{stem}.html", 2
        while name.lower() in taken:
            name, number = f"{stem}-{number}.html", number + 1
        taken.add(name.lower())
        out.append(ArticleMap(result.article.name, name, Report((result,))))
    return out


def index_html(title: str, maps: Sequence[ArticleMap]) -> str:
    """The index page: a row per article linking its map (relative links), with what it shows.

    Every name from outside the program is escaped; links are percent-encoded file names.
    """
    rows = []
    for item in maps:
        result = item.report.results[0]
        lines = [line for r in item.report.results for line in claim_lines(r)]
        statuses = Counter(line.verdict.status for line in lines)
        verdicts = ", ".join(
            f'<span style="color: {colour}">{statuses[status]} {STATUS_LABELS[status]}</span>'
            for status, colour in STATUS_COLOURS.items()
            if statuses[status]
        )
        rows.append(
            f'<tr><td><a href="{escape_html(quote(item.file_name))}">{escape_html(item.article)}</a></td>'
            f"<td>{len(place_pins(result))}</td><td>{len(lines)}</td><td>{verdicts or '&ndash;'}</td></tr>"
        )
    body = "\n".join(rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape_html(title)}</title>
<style>
body {{ font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 4px 10px; border-bottom: 1px solid #ddd; overflow-wrap: break-word; }}
th {{ background: #f4f1e8; }}
</style>
</head>
<body>
<h1>{escape_html(title)}</h1>
<p>{len(maps)} article map{"s" if len(maps) != 1 else ""}; each works offline.</p>
<table>
<thead><tr><th>Article</th><th>Places</th><th>Claim lines</th><th>Verdicts</th></tr></thead>
<tbody>
{body}
</tbody>
</table>
</body>
</html>
"""
