"""`geomap gazetteer build|info|lookup`."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from gazetteer import KINDS, Gazetteer, default_cache_dir, ensure_database
from geomap.cli.common import (
    _build_progress,
    gazetteer_options,
    open_gazetteer,
    reports_errors,
    settings_from,
)
from geomap.report.records import place_record


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build and query the offline gazetteer."""


@gazetteer_group.command("build")
@click.option("--force", is_flag=True, help="Rebuild even when the database is current.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="GEOMAP_CACHE_DIR",
    help="Where the compiled gazetteer lives [env: GEOMAP_CACHE_DIR].",
)
@reports_errors
def build_command(force: bool, cache_dir: Path | None) -> None:
    """Compile the sources into the SQLite gazetteer (done automatically on first use)."""
    settings = settings_from(cache_dir=cache_dir)
    with _build_progress() as progress:
        path = ensure_database(settings.cache_dir or default_cache_dir(), force=force, progress=progress)
    with Gazetteer(path) as gazetteer:
        info = gazetteer.info()
    click.echo(f"{info.path}: {sum(info.places_by_source.values()):,} places, {info.names:,} names")


@gazetteer_group.command("info")
@gazetteer_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@reports_errors
def info_command(cache_dir: Path | None, gazetteer_extra: tuple[Path, ...], output_format: str) -> None:
    """Counts per source and kind, size, path, build time and licences."""
    with open_gazetteer(settings_from(cache_dir=cache_dir, gazetteer_extra=gazetteer_extra)) as gazetteer:
        info = gazetteer.info()
    if output_format == "json":
        click.echo(json.dumps(asdict(info), indent=2))
        return
    click.echo(f"path:        {info.path}")
    click.echo(f"size:        {info.size_bytes / 1e6:.1f} MB")
    click.echo(f"built:       {info.built_at} in {info.build_seconds:.1f} s")
    click.echo(f"fingerprint: {info.fingerprint}")
    click.echo(f"places:      {sum(info.places_by_source.values()):,}")
    for source, count in sorted(info.places_by_source.items(), key=lambda kv: -kv[1]):
        click.echo(f"  {source:<18}{count:>10,}")
    click.echo("kinds:")
    populated = info.places_by_kind.get("city", 0) + info.places_by_kind.get("capital", 0)
    click.echo(f"  {'populated places':<18}{populated:>10,}")
    for kind, count in info.places_by_kind.items():
        click.echo(f"  {kind:<18}{count:>10,}")
    click.echo(f"names:       {info.names:,}")
    click.echo("licences:")
    for licence in info.licences:
        click.echo(f"  {licence}")


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", help="Only places in this country (ISO 3166-1 alpha-2 code).")
@click.option(
    "--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only places of this kind. Repeatable."
)
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@gazetteer_options
@reports_errors
def lookup_command(
    name: str,
    country: str | None,
    kinds: tuple[str, ...],
    limit: int,
    output_format: str,
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Places called NAME, best first. Exit 1 with suggestions when nothing matches."""
    if not name.strip():
        raise click.BadParameter("give a place name", param_hint="NAME")
    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise click.BadParameter("use a two-letter ISO code such as SY", param_hint="--country")
    settings = settings_from(cache_dir=cache_dir, gazetteer_extra=gazetteer_extra)
    with open_gazetteer(settings) as gazetteer:
        candidates = gazetteer.candidates(name, country, kinds or None)[:limit]
        suggestions = [] if candidates else gazetteer.suggest(name)
    if not candidates:
        hint = f"; did you mean: {', '.join(dict.fromkeys(suggestions))}?" if suggestions else ""
        click.echo(f"no match for {name!r}{hint}", err=True)
        if output_format == "json":
            click.echo("[]")  # still valid JSON for scripts that parse stdout
        raise SystemExit(1)
    if output_format == "json":
        rows = [
            {**place_record(c.place), "score": round(c.score, 3), "matched": c.matched} for c in candidates
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for rank, candidate in enumerate(candidates, start=1):
        place = candidate.place
        where = ", ".join(part for part in (place.admin1, place.country_code) if part)
        click.echo(
            f"{rank:>2}. {place.name} [{place.kind}] {where} "
            f"({place.lat:.4f}, {place.lon:.4f}) {place.id} pop={place.population:,} "
            f"score={candidate.score:.2f}"
        )
