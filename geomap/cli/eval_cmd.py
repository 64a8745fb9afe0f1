"""`geomap eval`: score geoparsing against gold corpora (LGL, TR-News, GeoVirus formats)."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.common import gazetteer_options, open_gazetteer, reports_errors, settings_from
from geomap.evaluate.formats import EVAL_FORMATS, EvalFormat, render_scores


@click.command("eval")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--gold-spans", is_flag=True, help="Also resolve the gold spans (resolution alone, no recognition)."
)
@click.option(
    "--demonyms",
    type=click.Choice(["auto", "include", "exclude"]),
    default="auto",
    show_default=True,
    help="Count demonym mentions as toponyms: include (LGL, TR-News annotate them), exclude, or auto "
    "(include when at least 1% of the gold toponyms are demonyms).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(EVAL_FORMATS.choices),
    default=EvalFormat.TEXT.value,
    show_default=True,
)
@gazetteer_options
@reports_errors
def eval_command(
    corpora: tuple[Path, ...],
    gold_spans: bool,
    demonyms: str,
    output_format: str,
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Recognition P/R/F1 and resolution accuracy@161km, mean/median error and AUC per CORPUS."""
    from geomap.evaluate.corpora import read_corpus
    from geomap.evaluate.metrics import evaluate
    from geomap.pipeline import Geoparser

    loaded = [read_corpus(path) for path in corpora]
    settings = settings_from(cache_dir=cache_dir, gazetteer_extra=gazetteer_extra)
    with open_gazetteer(settings) as gazetteer:
        geoparser = Geoparser(gazetteer)
        scores = [evaluate(c, geoparser, gold_spans=gold_spans, demonyms=demonyms) for c in loaded]
    click.echo(render_scores(scores, output_format), nl=False)
