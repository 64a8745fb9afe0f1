"""Reading input articles: files, folders, globs and "-" for standard input."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from geomap.errors import InputError
from geomap.model import Article, ReadFailure

#: File suffixes read when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".text")
#: Files a folder of articles often holds that are not articles (any suffix, any case).
NOT_ARTICLES = frozenset(
    {"readme", "license", "licence", "changelog", "sources", "contributing", "copying", "notice"}
)
_MAX_BYTES = 20_000_000
_WILDCARD = re.compile(r"[*?[]")


def read_articles(targets: Iterable[str]) -> list[Article]:
    """Every article named by `targets`, in a stable order, each file once.

    A folder contributes its .txt/.md files (recursively, sorted); a pattern with
    wildcards is expanded; "-" reads standard input. Raises InputError for anything
    missing, unreadable, binary or not UTF-8.
    """
    articles, failures = gather_articles(targets)
    if failures:
        raise failures[0]
    return articles


class UnreadableFile(InputError):
    """One input file cannot be read or decoded; the other files can still be checked."""

    def __init__(self, name: str, reason: str, message: str | None = None) -> None:
        super().__init__(message or f"{name}: {reason}")
        self.name, self.reason = name, reason

    @property
    def failure(self) -> ReadFailure:
        """The failure as reports show it."""
        return ReadFailure(self.name, self.reason)


def gather_articles(targets: Iterable[str]) -> tuple[list[Article], list[UnreadableFile]]:
    """The articles named by `targets`, and the files among them that could not be read.

    Bad usage (a missing path, a glob that matches nothing, "-" twice) still raises
    InputError at once: nothing was asked for that could be checked. A file that is named or
    found but cannot be read (binary, not UTF-8, too large, not a regular file, no
    permission) is returned as Unreadable, so a run reports it and checks the rest.
    """
    articles: list[Article] = []
    failures: list[UnreadableFile] = []
    seen: set[Path] = set()
    for target in targets:
        if target == "-":
            if any(article.name == "-" for article in articles):
                raise InputError("standard input (-) given more than once")
            try:
                articles.append(Article("-", _decode(_read_stdin(), "-")))
            except UnreadableFile as error:
                failures.append(error)
            continue
        for path in _expand(target):
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                try:
                    articles.append(Article(display_name(str(path)), read_text(path)))
                except UnreadableFile as error:
                    failures.append(error)
    return articles, failures


def display_name(name: str) -> str:
    """`name` as text every output can carry: bytes of a file name that are not UTF-8 become U+FFFD.

    Python keeps such bytes as lone surrogates (U+DCFF for byte 0xFF), which a UTF-8 report, JSON or XML
    cannot hold: writing them fails, or emits invalid UTF-8 and XML that no parser reads.
    """
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace").decode("utf-8")


def _expand(target: str) -> list[Path]:
    if not target.strip():
        raise InputError("an empty path names no article (give a file, a folder, a glob or -)")
    if _WILDCARD.search(target):
        matches = sorted(Path(p) for p in _glob(target))
        files = [p for p in matches if p.is_file() and _is_article(p)]
        if not files:
            raise InputError(f"no files match {display_name(repr(target))}")
        return files
    path = Path(target)
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and _is_article(p)
        )
        if not files:
            raise InputError(
                f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in folder {display_name(target)}"
            )
        return files
    if not path.exists():
        raise InputError(f"no such file or folder: {display_name(target)}")
    return [path]


def _is_article(path: Path) -> bool:
    """Whether a file found in a folder or by a glob is an article: README, LICENSE, SOURCES... are not.

    A file named on its own is always read, whatever its name.
    """
    return path.name.split(".", 1)[0].lower() not in NOT_ARTICLES


def _glob(pattern: str) -> Iterator[str]:
    """What `glob.glob(pattern, recursive=True)` finds, except that "**" never loops.

    glob follows links to folders below "**", so a folder holding two links to itself makes
    2**40 paths before the system's limit on links stops it: a hang. Here "**" does not enter a
    folder whose real path is already on the way down. Hidden names match only a pattern part
    that starts with "." and "**" skips hidden folders, as in glob.
    """
    if pattern.endswith(("/", os.sep)):
        return  # only folders would match, and folders are not articles
    drive, path = os.path.splitdrive(pattern)
    start = drive + os.sep if os.path.isabs(pattern) else drive
    parts = [part for part in re.split(r"[/\\]" if os.sep == "\\" else "/", path) if part]
    if parts[-1] == "**":
        parts.append("*")  # the files "**" matches are those of "**/*"
    yield from _glob_in(start, parts, frozenset({os.path.realpath(start or os.curdir)}))


def _glob_in(folder: str, parts: list[str], above: frozenset[str]) -> Iterator[str]:
    """Paths below `folder` that match `parts`; `above` holds the real paths of the folders on the way."""
    part, rest = parts[0], parts[1:]
    if part == "**":
        yield from _glob_in(folder, rest, above)
        for name in _names(folder, hidden=False):
            child = os.path.join(folder, name)
            real = os.path.realpath(child)
            if real not in above and os.path.isdir(child):
                yield from _glob_in(child, parts, above | {real})  # a folder on the way: a cycle
        return
    if _WILDCARD.search(part):
        names = [n for n in _names(folder, hidden=part.startswith(".")) if fnmatch.fnmatch(n, part)]
    else:
        names = [part] if os.path.lexists(os.path.join(folder, part)) else []
    for name in names:
        child = os.path.join(folder, name)
        if not rest:
            yield child
        elif os.path.isdir(child):
            yield from _glob_in(child, rest, above | {os.path.realpath(child)})


def _names(folder: str, *, hidden: bool) -> list[str]:
    """The entries of `folder` (none when it cannot be read), without hidden ones unless asked."""
    try:
        names = os.listdir(folder or os.curdir)
    except OSError:
        return []
    return names if hidden else [name for name in names if not name.startswith(".")]


def read_text(path: Path) -> str:
    """The UTF-8 text of one article file."""
    name = display_name(str(path))
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise UnreadableFile(name, "not a regular file")
        if path.stat().st_size > _MAX_BYTES:
            raise UnreadableFile(name, f"larger than {_MAX_BYTES // 1_000_000} MB, not an article")
        data = path.read_bytes()
    except InputError:
        raise
    except OSError as error:
        reason = f"cannot read: {error.strerror or error}"
        raise UnreadableFile(name, reason, f"cannot read {name}: {error.strerror or error}") from error
    return _decode(data, name)


def require_regular_file(path: Path) -> None:
    """Refuse pipes, sockets and devices by name: reading one could block forever or never end."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise InputError(f"{display_name(str(path))}: not a regular file")


def _read_stdin() -> bytes:
    """Standard input, refused past the size limit files have (without reading it all first)."""
    if sys.stdin is None:  # the descriptor was closed (`<&-`): Python sets no stream
        raise InputError("-: standard input is closed")
    try:
        data = sys.stdin.buffer.read(_MAX_BYTES + 1)
    except OSError as error:
        raise InputError(f"-: cannot read standard input: {error.strerror or error}") from error
    if len(data) > _MAX_BYTES:
        raise UnreadableFile("-", f"larger than {_MAX_BYTES // 1_000_000} MB, not an article")
    return data


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise UnreadableFile(name, "binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(name, f"not UTF-8 text ({error.reason} at byte {error.start})") from error
    return text
