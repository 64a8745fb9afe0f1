"""`geomap map`: a self-contained Leaflet map of the places and checked claims of articles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from geomap.cli.common import (
    BadInput,
    OutputFile,
    article_progress,
    exclude_option,
    gazetteer_options,
    jobs_option,
    open_gazetteer,
    read_inputs,
    reports_errors,
    settings_from,
    warn_on_stderr,
    write_outputs,
)
from geomap.render.tiles import PROVIDERS

if TYPE_CHECKING:
    from geomap.model import Report


@click.command("map")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output_arg",
    help="HTML file to write, or - for standard output [default: maps/NAME.html, see below]; "
    "with --per-article, the folder to write [default: maps/NAME/].",
)
@click.option(
    "--per-article",
    is_flag=True,
    help="One map per article in the -o folder, plus an index.html linking them.",
)
@click.option(
    "--tiles",
    type=click.Choice(list(PROVIDERS)),
    help="Also add this online tile layer (shown first; the offline outlines stay one click away).",
)
@click.option("--title", help="Page and legend title [default: geomap: NAME].")
@click.option(
    "--geojson",
    "geojson_path",
    type=OutputFile(),
    help="Also write the places and claim lines as a GeoJSON FeatureCollection (- for standard output).",
)
@exclude_option
@jobs_option
@gazetteer_options
@reports_errors
def map_command(
    paths: tuple[str, ...],
    output_arg: str | None,
    per_article: bool,
    tiles: str | None,
    title: str | None,
    geojson_path: Path | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Map the places and checked claims of articles (files, folders, globs, - for stdin).

    Writes ONE HTML file that works offline and makes no network request: Leaflet is
    inlined and the background is Natural Earth country outlines around the places.
    Several articles make one map with a layer per article. The default output is
    maps/NAME.html, where NAME is the folder's name for one folder argument, else the
    article's file name for one article ("stdin" for -), else the name of the folder all
    the articles sit in, else "map".
    """
    from gazetteer import default_cache_dir
    from geomap.outlines import Borders
    from geomap.pipeline import run
    from geomap.render.leaflet import render_map

    output = _output_path(output_arg, per_article)
    _check_targets(output, geojson_path)
    settings = settings_from(cache_dir=cache_dir, gazetteer_extra=gazetteer_extra, exclude=exclude, jobs=jobs)
    articles, unreadable = read_inputs(paths, settings)
    name = default_name(paths, [article.name for article in articles])
    page_title = title if title is not None else f"geomap: {name}"
    with open_gazetteer(settings) as gazetteer:
        with article_progress(len(articles)) as progress:
            report = run(articles, gazetteer, settings, progress=progress)
        report = replace(report, failures=tuple(error.failure for error in unreadable))
        warn_on_stderr(report)
        # The simplified outlines are kept beside the gazetteer (geomap.render.levels).
        cache = settings.cache_dir or default_cache_dir()
        draw = partial(render_map, tiles=tiles, borders=Borders(gazetteer), cache_dir=cache)
        if per_article:
            folder = output if output is not None else Path("maps") / name
            _write_per_article(report, folder, page_title, geojson_path, draw)
        else:
            html = draw(report, title=page_title)
    if per_article:
        _exit_if_unreadable(unreadable)
        return
    target = output if output is not None else Path("maps") / f"{name}.html"
    outputs = [(target, html)]
    if geojson_path is not None:
        from geomap.render.features import dumps

        outputs.append((geojson_path, dumps(report)))
    write_outputs(outputs)
    _summarise(report, target, len(html.encode("utf-8")), geojson_path)
    _exit_if_unreadable(unreadable)


def _exit_if_unreadable(unreadable: Sequence[object]) -> None:
    """Exit 2 once the map of the readable articles is written, when some file could not be read."""
    if unreadable:
        raise SystemExit(2)


def default_name(paths: tuple[str, ...], article_names: list[str]) -> str:
    """The NAME in maps/NAME.html for these arguments (see `geomap map --help`)."""
    if len(paths) == 1 and paths[0] != "-" and Path(paths[0]).is_dir():
        name = Path(paths[0]).resolve().name
    elif len(article_names) == 1:
        name = "stdin" if article_names[0] == "-" else Path(article_names[0]).stem
    elif "-" not in article_names and len({Path(n).resolve().parent for n in article_names}) == 1:
        name = Path(article_names[0]).resolve().parent.name
    else:
        name = "map"
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "map"


def _output_path(value: str | None, per_article: bool) -> Path | None:
    """-o as a file (checked like every command's output file) or, with --per-article, a folder."""
    if value is None:
        return None
    if not per_article:
        return Path(OutputFile().convert(value, None, None))
    if value == "-":
        raise BadInput("--per-article writes a folder of files: -o - (standard output) cannot hold them")
    folder = Path(value)
    if folder.exists() and not folder.is_dir():
        raise BadInput(f"cannot write maps into {value}: it is not a folder")
    return folder


def _write_per_article(
    report: Report, folder: Path, title: str, geojson_path: Path | None, draw: Callable[..., str]
) -> None:
    """A page per article and the index, written together (all land or none); `draw` is render_map."""
    from geomap.render.index import INDEX_NAME, article_maps, index_html

    maps = article_maps(report)
    outputs = [
        (
            folder / item.file_name,
            draw(item.report, title=f"{title}: {item.article}"),
        )
        for item in maps
    ]
    outputs.append((folder / INDEX_NAME, index_html(title, maps)))
    if geojson_path is not None:
        from geomap.render.features import dumps

        outputs.append((geojson_path, dumps(report)))
    write_outputs(outputs)
    size = sum(len(text.encode("utf-8")) for _, text in outputs)
    click.echo(
        f"wrote {len(maps)} map(s) and {folder / INDEX_NAME} ({size / 1024:.0f} KB in all)"
        + (f"; GeoJSON in {geojson_path}" if geojson_path is not None and str(geojson_path) != "-" else ""),
        err=geojson_path is not None and str(geojson_path) == "-",
    )


def _check_targets(output: Path | None, geojson_path: Path | None) -> None:
    """Refuse two outputs that would land in one place (both "-", or one file twice)."""
    if geojson_path is None or output is None:
        return
    if str(output) == "-" and str(geojson_path) == "-":
        raise BadInput("--output - and --geojson - would mix HTML and GeoJSON on standard output")
    if str(output) != "-" and output.resolve() == geojson_path.resolve():
        raise BadInput(f"--output and --geojson both name {output}")


def _summarise(report: Report, target: Path, size: int, geojson_path: Path | None) -> None:
    """One line on what was drawn (on stderr when a file went to standard output)."""
    from geomap.render.features import claim_lines, place_pins

    pins = sum(len(place_pins(result)) for result in report.results)
    lines = [line for result in report.results for line in claim_lines(result)]
    statuses = Counter(line.verdict.status for line in lines)
    detail = ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
    undrawn = len(report.verdicts) - len(lines)
    where = "standard output" if str(target) == "-" else target
    message = (
        f"wrote {where} ({size / 1024:.0f} KB): {len(report.results)} article(s), {pins} place marker(s), "
        f"{len(lines)} claim line(s){f' ({detail})' if detail else ''}"
        + (f", {undrawn} claim(s) not drawn (an end point unresolved)" if undrawn else "")
        + (f"; GeoJSON in {geojson_path}" if geojson_path is not None and str(geojson_path) != "-" else "")
    )
    to_stderr = str(target) == "-" or (geojson_path is not None and str(geojson_path) == "-")
    click.echo(message, err=to_stderr)
