"""The `geomap` command line: a thin layer that parses flags, runs the pipeline, picks a format.

Each command's module is imported only when that command runs (or when help lists them), so
`geomap --version` and `geomap check` do not pay for the others.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from geomap import __version__

#: Command name -> "module:attribute" of its click command.
COMMANDS = {
    "gazetteer": "geomap.cli.gazetteer_cmd:gazetteer_group",
    "places": "geomap.cli.places_cmd:places_command",
    "eval": "geomap.cli.eval_cmd:eval_command",
    "check": "geomap.cli.check_cmd:check_command",
    "map": "geomap.cli.map_cmd:map_command",
    "batch": "geomap.cli.batch_cmd:batch_command",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use (click's documented pattern)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the CLI with standard output checked from the start, so that --help and --version fail loudly.

        They write while click parses the arguments, before any command's own check
        (`reports_errors`) begins: to a closed standard output they would exit 0 having written
        nothing, and to a full disk end in a traceback. Either is one line and exit 2 instead.
        """
        from geomap.cli.outputs import checked_standard_output
        from geomap.errors import OutputError

        try:
            with checked_standard_output():
                return super().main(*args, **kwargs)
        except OutputError as error:
            click.ClickException(str(error)).show()
            sys.exit(2)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, _, attribute = COMMANDS[cmd_name].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{COMMANDS[cmd_name]} is not a click command")
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="geomap")
def main() -> None:
    """Find the places a news article names, check its geographic claims, map them. Offline."""
