"""Pieces every command shares: gazetteer options, settings, error-to-exit-code mapping."""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from gazetteer import Gazetteer, GazetteerError
from geomap.errors import GeomapError
from geomap.settings import Settings, load_settings

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


def reports_errors(command: F) -> F:
    """Turn library errors into a one-line message and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (GeomapError, GazetteerError) as error:
            raise BadInput(str(error)) from error
        except OSError as error:
            raise BadInput(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from error

    return wrapper  # type: ignore[return-value]


def write_outputs(outputs: list[tuple[Path, str]]) -> None:
    """Write each (path, text); "-" means standard output. All files land or none does.

    Every file is first written to a temporary file in its own folder (created when
    missing); only when all are complete are they renamed into place, so a failed run
    leaves neither a half-written file nor a temporary one behind.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in outputs:
            if str(path) != "-":
                staged.append((_stage(path, text), path))
        for temporary, path in staged:
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise _cannot_write(path, error) from error
    finally:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
    for path, text in outputs:
        if str(path) == "-":
            click.echo(text, nl=False)


def _stage(path: Path, text: str) -> str:
    """A complete temporary copy of `text` next to `path`, with the permissions a new file gets."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise BadInput(f"cannot write {path}: {folder} is not a folder") from None
    except OSError as error:
        raise _cannot_write(path, error) from error
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise _cannot_write(path, error) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from error
        raise
    return temporary


def _cannot_write(path: Path, error: OSError) -> BadInput:
    return BadInput(f"cannot write {path}: {error.strerror or error}")


def settings_from(**flags: Any) -> Settings:
    """Settings from pyproject.toml and the environment, overridden by the given flags."""
    return load_settings(overrides=flags)


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
