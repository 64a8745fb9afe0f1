"""Writing reports and maps: atomic files, all-or-nothing pairs, standard output that fails loudly."""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import click

from geomap.errors import OutputError

#: `.NAME.geomap-PID.tmp` (a staged output) and `.NAME.geomap-PID.bak.tmp` (the file it replaces,
#: kept until the whole run's outputs are in place); recognisable, so that what a killed run left
#: behind can be removed by the next one.
_TEMPORARY = re.compile(r"\..+\.geomap-(\d+)(?:\.bak)?\.tmp")


@dataclass(frozen=True, slots=True)
class _Staged:
    """An output written in full to a temporary file beside its target, not yet renamed into place."""

    target: Path
    temporary: Path
    backup: Path
    """Where the target's previous version is kept while the other outputs are renamed."""


def write_outputs(outputs: Sequence[tuple[Path, str]]) -> None:
    """Write each (path, text); "-" means standard output. All files land or none does.

    Every target is checked first (a folder, symbolic link, device, FIFO or socket is refused:
    renaming over it would replace it with a regular file). Each file is then written to a
    temporary file in its own folder (created when missing); only when all are complete are
    they renamed into place, and if a rename fails the ones already renamed are put back, so a
    failed run leaves the previous files, no half-written file and no temporary one.
    """
    files = [(path, text) for path, text in outputs if str(path) != "-"]
    for path, _ in files:
        _require_replaceable(path)
    staged: list[_Staged] = []
    try:
        for path, text in files:
            staged.append(_stage(path, text))
        _rename_all(staged)
    finally:
        for item in staged:
            item.temporary.unlink(missing_ok=True)
            item.backup.unlink(missing_ok=True)
    for path, text in outputs:
        if str(path) == "-":
            click.echo(text, nl=False)


def _require_replaceable(path: Path) -> None:
    """Refuse a target that is not a regular file (or missing); the rest is left to staging."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {path}: it is a folder")
    if stat.S_ISLNK(mode):
        hint = "name the file it points to, or - for standard output"
        raise OutputError(f"cannot write {path}: it is a symbolic link ({hint})")
    raise OutputError(
        f"cannot write {path}: not a regular file (a device, FIFO or socket); use - for standard output"
    )


def _stage(path: Path, text: str) -> _Staged:
    """A complete temporary copy of `text` next to `path`, with the permissions a new file gets."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"cannot write {path}: {folder} is not a folder") from None
    except OSError as error:
        raise _cannot_write(path, error) from error
    remove_stale_temporaries(folder)
    prefix = folder / f".{path.name}.geomap-{os.getpid()}"
    item = _Staged(path, Path(f"{prefix}.tmp"), Path(f"{prefix}.bak.tmp"))
    try:
        handle = _create(item.temporary)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as error:
        item.temporary.unlink(missing_ok=True)
        raise _cannot_write(path, error) from error
    except BaseException:
        item.temporary.unlink(missing_ok=True)
        raise
    return item


def _create(path: Path) -> int:
    """A new file (never through a symbolic link); one left by a dead process of the same pid goes first."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags, 0o666)
    except FileExistsError:
        path.unlink()
        return os.open(path, flags, 0o666)


def _rename_all(staged: list[_Staged]) -> None:
    """Rename every staged file into place; on a failure, put back what was already replaced."""
    done: list[tuple[_Staged, bool]] = []
    for number, item in enumerate(staged):
        try:
            kept = number < len(staged) - 1 and _keep_previous(item)
            os.replace(item.temporary, item.target)
        except OSError as error:
            for earlier, had_previous in reversed(done):
                with suppress(OSError):
                    if had_previous:
                        os.replace(earlier.backup, earlier.target)
                    else:
                        earlier.target.unlink()
            raise _cannot_write(item.target, error) from error
        done.append((item, kept))


def _keep_previous(item: _Staged) -> bool:
    """Keep the target's current version as the backup (a hard link, else a copy); False if none."""
    if not item.target.exists():
        return False
    try:
        os.link(item.target, item.backup)
    except OSError:
        shutil.copyfile(item.target, item.backup)
    return True


def remove_stale_temporaries(folder: Path) -> None:
    """Delete the temporary files that geomap runs killed mid-write (their pid is gone) left in `folder`."""
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        match = _TEMPORARY.fullmatch(name)
        if match and not _alive(int(match.group(1))):
            with suppress(OSError):
                (folder / name).unlink()


def _alive(pid: int) -> bool:
    """Whether process `pid` runs on this machine (ours counts: its temporaries are in use)."""
    if pid == os.getpid() or os.name == "nt":
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _cannot_write(path: Path, error: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {error.strerror or error}")


class _StandardOutputError(OutputError):
    """Standard output could not be written."""


class _CheckedStream:
    """Standard output whose failed writes (full disk, closed descriptor, broken pipe) raise OutputError.

    click.echo writes and flushes through `sys.stdout`; an OSError there would otherwise carry no
    name, and a closed standard output (`sys.stdout` is None) would swallow every line silently.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            if not isinstance(text, str):
                raise TypeError("write() argument must be str")  # as a text stream says (click asks)
            if text:
                raise _StandardOutputError("cannot write standard output: it is closed")
            return 0
        try:
            return self._stream.write(text)
        except _StandardOutputError:
            raise  # the stream below is checked too (the CLI checks --help, a command its output)
        except OSError as error:
            raise _stdout_error(error) from error

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except _StandardOutputError:
            raise
        except OSError as error:
            raise _stdout_error(error) from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _stdout_error(error: OSError) -> OutputError:
    return _StandardOutputError(f"cannot write standard output: {error.strerror or error}")


@contextmanager
def checked_standard_output() -> Iterator[None]:
    """Run a command with failures to write standard output raised as OutputError, flushing at the end.

    After such a failure, standard output is pointed at the null device so that Python's own
    flush at exit (of what is still buffered) cannot fail again and print a traceback.
    """
    original = sys.stdout
    checked = _CheckedStream(original)
    sys.stdout = checked  # type: ignore[assignment]
    try:
        try:
            yield
        finally:
            checked.flush()
    except _StandardOutputError:
        _discard(original)
        raise
    finally:
        sys.stdout = original


def _discard(stream: TextIO | None) -> None:
    """Point the file descriptor under `stream` at the null device, if it has one."""
    try:
        descriptor = stream.fileno() if stream is not None else -1
    except (AttributeError, OSError, ValueError):
        return
    if descriptor < 0:
        return
    with suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)
