"""`geomap places` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command("places")
def places_command() -> None:
    """Not implemented yet."""
    raise click.ClickException("geomap places is not implemented yet")
