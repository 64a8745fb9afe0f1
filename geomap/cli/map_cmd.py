"""`geomap map` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command("map")
def map_command() -> None:
    """Not implemented yet."""
    raise click.ClickException("geomap map is not implemented yet")
