"""Pieces every command shares: gazetteer options, settings, error-to-exit-code mapping."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from gazetteer import Gazetteer, GazetteerError
from geomap.cli.outputs import checked_standard_output
from geomap.cli.outputs import write_outputs as write_outputs
from geomap.errors import GeomapError
from geomap.model import Article, Report
from geomap.report.base import failure_line, notice_line
from geomap.settings import Settings, load_settings

if TYPE_CHECKING:
    from geomap.articles import UnreadableFile

F = TypeVar("F", bound=Callable[..., Any])


class BadInput(click.ClickException):
    """Bad usage or unreadable input: one line on stderr, exit code 2."""

    exit_code = 2


def gazetteer_options(command: F) -> F:
    """Add --cache-dir and --gazetteer-extra to a command."""
    command = click.option(
        "--gazetteer-extra",
        "gazetteer_extra",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Extra places (CSV or GeoJSON points) that outrank built-in ones. Repeatable.",
    )(command)
    command = click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="GEOMAP_CACHE_DIR",
        help="Where the compiled gazetteer lives [env: GEOMAP_CACHE_DIR; default: user cache].",
    )(command)
    return command


def exclude_option(command: F) -> F:
    """Add --exclude GLOB (repeatable) to a command that reads article paths."""
    return click.option(
        "--exclude",
        "exclude",
        multiple=True,
        metavar="GLOB",
        help="Leave out article files matching GLOB (a name, folder or path part; e.g. drafts, "
        "'*.draft.md'). Repeatable [pyproject: exclude].",
    )(command)


def read_inputs(paths: Sequence[str], settings: Settings) -> tuple[list[Article], list[UnreadableFile]]:
    """The articles named by `paths` less those `settings.exclude` leaves out, and the unreadable files."""
    from geomap.articles import gather_articles

    return gather_articles(paths, exclude=settings.exclude)


def jobs_option(command: F) -> F:
    """Add --jobs/-j: worker processes for runs over many articles."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1, max=1024),
        help="Worker processes for many articles; 1 runs in this process "
        "[pyproject: jobs; env: GEOMAP_JOBS; default: every core].",
    )(command)


@contextmanager
def article_progress(count: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for a run over several articles, when stderr is a terminal.

    Nothing at all otherwise (a pipe, a file, CI), so no stray output reaches logs or tests.
    """
    if count < 2 or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=count, label="Articles", file=sys.stderr, show_pos=True) as bar:
        yield bar.update


def reports_errors(command: F) -> F:
    """Turn library errors into a one-line message and exit code 2, never a traceback.

    Every command runs with standard output checked (geomap.cli.outputs): a write that fails
    (full disk, closed or broken pipe) is such an error too, not exit 0 or a traceback at exit.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with checked_standard_output():
                return command(*args, **kwargs)
        except (GeomapError, GazetteerError) as error:
            raise BadInput(str(error)) from error
        except OSError as error:
            raise BadInput(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from error
        except sqlite3.Error as error:  # the database went bad after it was checked (see is_current)
            hint = "rebuild it with: geomap gazetteer build --force"
            raise BadInput(f"gazetteer database error: {error}; {hint}") from error

    return wrapper  # type: ignore[return-value]


class OutputFile(click.Path):
    """A file to write, or "-"; a folder is refused here, in one line.

    click would print its usage text for a folder, and pathlib drops the trailing slash of
    `out/`, which would then become a file named "out".
    """

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path, allow_dash=True)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        folder = isinstance(value, str) and (value.endswith(("/", os.sep)) or os.path.isdir(value))
        if folder and value != "-":
            raise BadInput(f"cannot write {value}: it is a folder, not a file")
        return super().convert(value, param, ctx)


def settings_from(paths: Sequence[str] = (), **flags: Any) -> Settings:
    """Settings from the file nearest the articles at `paths` and the environment, then the flags.

    With no article path (standard input) the search starts in the working directory.
    """
    return load_settings(overrides=flags, articles=articles_folder(paths))


def articles_folder(paths: Sequence[str]) -> Path | None:
    """Where the settings file search starts: the folder of the first path that is not "-".

    A folder is itself, a file its parent, a glob the folder before its first wildcard.
    """
    for target in paths:
        if target in ("-", "") or not target.strip():
            continue
        parts = Path(target).parts
        fixed = next((i for i, part in enumerate(parts) if any(c in part for c in "*?[")), None)
        if fixed is not None:
            return Path(*parts[:fixed]) if fixed else Path()
        path = Path(target)
        return path if path.is_dir() else path.parent
    return None


def warn_on_stderr(report: Report) -> None:
    """Each article that does not look English, unreadable file and notice: one line on stderr each.

    Recognition and claims are English only, so an article in another language gives junk
    places; that is a warning, never a failure. Whatever the format, stdout stays the report.
    """
    from geomap.escape import escape_terminal

    for result in report.results:
        if result.language is not None:
            click.echo(
                f"warning: {escape_terminal(result.article.name)} does not look English "
                f"({result.language.reason}); its places and claims may be wrong",
                err=True,
            )
    for failure in report.failures:
        click.echo(failure_line(failure), err=True)
    for notice in report.notices:
        click.echo(notice_line(notice), err=True)


@contextmanager
def _build_progress() -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar on a terminal; a single line on stderr otherwise."""
    if not sys.stderr.isatty():
        announced = False

        def quiet(label: str, done: int, total: int) -> None:
            nonlocal announced
            if not announced:
                click.echo("Building the gazetteer (first run, about a minute)...", err=True)
                announced = True

        yield quiet
        return
    with click.progressbar(length=1, label="Building gazetteer", file=sys.stderr) as bar:

        def report(label: str, done: int, total: int) -> None:
            bar.length = total
            bar.label = f"Building gazetteer: {label:<24}"
            bar.update(done - bar.pos)

        yield report


def open_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer for a run, built first (with progress shown) when needed."""
    if settings.cache_dir is not None and settings.cache_dir.exists() and not settings.cache_dir.is_dir():
        raise BadInput(f"cache dir {settings.cache_dir} is not a folder")
    with _build_progress() as progress:
        return Gazetteer.open(settings.cache_dir, settings.gazetteer_extra, progress=progress)
