"""`geomap eval`: score geoparsing against gold corpora (LGL, TR-News, GeoVirus formats)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geomap.cli.common import gazetteer_options, open_gazetteer, reports_errors, settings_from


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
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
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
    if output_format == "json":
        click.echo(json.dumps([_as_dict(s) for s in scores], indent=2))
        return
    click.echo(_table(scores))


def _resolution_dict(resolution) -> dict[str, float] | None:  # noqa: ANN001
    if resolution is None:
        return None
    return {
        "toponyms": resolution.count,
        "accuracy_161km": round(resolution.accuracy, 4),
        "mean_km": round(resolution.mean_km, 1),
        "median_km": round(resolution.median_km, 1),
        "auc": round(resolution.auc, 4),
    }


def _as_dict(score) -> dict[str, object]:  # noqa: ANN001
    rec = score.recognition
    return {
        "corpus": score.corpus,
        "articles": score.articles,
        "demonyms_counted": score.demonyms_counted,
        "recognition": {
            "gold": rec.gold,
            "predicted": rec.predicted,
            "exact": {
                "precision": round(rec.precision, 4),
                "recall": round(rec.recall, 4),
                "f1": round(rec.f1, 4),
            },
            "overlap": {
                "precision": round(rec.overlap_precision, 4),
                "recall": round(rec.overlap_recall, 4),
                "f1": round(rec.overlap_f1, 4),
            },
        },
        "end_to_end": _resolution_dict(score.end_to_end),
        "gold_spans": _resolution_dict(score.gold_spans),
    }


def _table(scores: list) -> str:  # noqa: ANN001
    header = (
        "corpus",
        "articles",
        "P",
        "R",
        "F1",
        "overlap F1",
        "mode",
        "toponyms",
        "acc@161",
        "mean km",
        "median km",
        "AUC",
    )
    rows = []
    for score in scores:
        rec = score.recognition
        base = (
            score.corpus,
            str(score.articles),
            f"{rec.precision:.3f}",
            f"{rec.recall:.3f}",
            f"{rec.f1:.3f}",
            f"{rec.overlap_f1:.3f}",
        )
        modes = [("end-to-end", score.end_to_end)]
        if score.gold_spans is not None:
            modes.append(("gold spans", score.gold_spans))
        for number, (mode, res) in enumerate(modes):
            first = base if number == 0 else ("",) * len(base)
            rows.append(
                (
                    *first,
                    mode,
                    str(res.count),
                    f"{100 * res.accuracy:.1f}%",
                    f"{res.mean_km:.0f}",
                    f"{res.median_km:.1f}",
                    f"{res.auc:.3f}",
                )
            )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.rjust(width) if column else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=False))
        )
        for row in [header, *rows]
    ]
    notes = [
        f"{s.corpus}: demonyms {'counted' if s.demonyms_counted else 'not counted'} as toponyms"
        for s in scores
    ]
    return "\n".join([*lines, "", *notes])
