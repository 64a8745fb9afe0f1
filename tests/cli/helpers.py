"""What the CLI tests of bad input share: invoking geomap in-process and the one-line, exit-2 check."""

from __future__ import annotations

from click.testing import CliRunner, Result

from geomap.cli import main


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_one_line_exit_2(result: Result, message: str) -> None:
    """Exit code 2, no exception escaping click, and exactly one line on stderr holding `message`."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
