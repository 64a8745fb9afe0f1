"""Reading input articles: files, folders, globs and "-" for standard input."""

from __future__ import annotations

import glob
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from geomap.errors import InputError
from geomap.model import Article

#: File suffixes read when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".text")
_MAX_BYTES = 20_000_000


def read_articles(targets: Iterable[str]) -> list[Article]:
    """Every article named by `targets`, in a stable order, each file once.

    A folder contributes its .txt/.md files (recursively, sorted); a pattern with
    wildcards is expanded; "-" reads standard input. Raises InputError for anything
    missing, unreadable, binary or not UTF-8.
    """
    articles: list[Article] = []
    seen: set[Path] = set()
    for target in targets:
        if target == "-":
            if any(article.name == "-" for article in articles):
                raise InputError("standard input (-) given more than once")
            articles.append(Article("-", _decode(_read_stdin(), "-")))
            continue
        for path in _expand(target):
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                articles.append(Article(str(path), read_text(path)))
    return articles


def _expand(target: str) -> list[Path]:
    if any(char in target for char in "*?["):
        matches = sorted(Path(p) for p in glob.glob(target, recursive=True))
        files = [p for p in matches if p.is_file()]
        if not files:
            raise InputError(f"no files match {target!r}")
        return files
    path = Path(target)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        if not files:
            raise InputError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in folder {target}")
        return files
    if not path.exists():
        raise InputError(f"no such file or folder: {target}")
    return [path]


def read_text(path: Path) -> str:
    """The UTF-8 text of one article file."""
    try:
        require_regular_file(path)
        if path.stat().st_size > _MAX_BYTES:
            raise InputError(f"{path}: larger than {_MAX_BYTES // 1_000_000} MB, not an article")
        data = path.read_bytes()
    except InputError:
        raise
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error
    return _decode(data, str(path))


def require_regular_file(path: Path) -> None:
    """Refuse pipes, sockets and devices by name: reading one could block forever or never end."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise InputError(f"{path}: not a regular file")


def _read_stdin() -> bytes:
    """Standard input, refused past the size limit files have (without reading it all first)."""
    if sys.stdin is None:  # the descriptor was closed (`<&-`): Python sets no stream
        raise InputError("-: standard input is closed")
    try:
        data = sys.stdin.buffer.read(_MAX_BYTES + 1)
    except OSError as error:
        raise InputError(f"-: cannot read standard input: {error.strerror or error}") from error
    if len(data) > _MAX_BYTES:
        raise InputError(f"-: larger than {_MAX_BYTES // 1_000_000} MB, not an article")
    return data


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from error
    return text
