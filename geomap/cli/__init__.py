"""The `geomap` command line: a thin layer that parses flags, runs the pipeline, picks a format."""

from __future__ import annotations

import click

from geomap import __version__
from geomap.cli.check_cmd import check_command
from geomap.cli.eval_cmd import eval_command
from geomap.cli.gazetteer_cmd import gazetteer_group
from geomap.cli.map_cmd import map_command
from geomap.cli.places_cmd import places_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="geomap")
def main() -> None:
    """Find the places a news article names, check its geographic claims, map them. Offline."""


main.add_command(gazetteer_group)
main.add_command(places_command)
main.add_command(eval_command)
main.add_command(check_command)
main.add_command(map_command)
