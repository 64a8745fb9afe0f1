"""Reading articles from files, folders, globs and stdin; clear errors for bad input."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from geomap.articles import read_articles
from geomap.errors import InputError


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text("Beirut.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Aleppo.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Cairo.\r\nDamascus.", encoding="utf-8")
    return tmp_path


def test_folder_is_sorted_recursive_and_filtered(folder: Path) -> None:
    names = [Path(a.name).name for a in read_articles([str(folder)])]
    assert names == ["a.md", "b.txt", "c.txt"]


def test_text_is_kept_exactly(folder: Path) -> None:
    (article,) = read_articles([str(folder / "sub" / "c.txt")])
    assert article.text == "Cairo.\r\nDamascus."


def test_glob_and_duplicates(folder: Path) -> None:
    articles = read_articles([str(folder / "*.txt"), str(folder / "b.txt")])
    assert [Path(a.name).name for a in articles] == ["b.txt"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\ufeffGaza.".encode())))
    (article,) = read_articles(["-"])
    assert (article.name, article.text) == ("-", "Gaza.")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "no article files"),
        (lambda p: p / "*.nothing", "no files match"),
    ],
)
def test_missing_inputs(tmp_path: Path, make, message: str) -> None:  # noqa: ANN001
    with pytest.raises(InputError, match=message):
        read_articles([str(make(tmp_path))])


def test_binary_and_non_utf8(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("Bogotá".encode("latin-1"))
    with pytest.raises(InputError, match="binary"):
        read_articles([str(tmp_path / "bin.txt")])
    with pytest.raises(InputError, match="not UTF-8"):
        read_articles([str(tmp_path / "latin1.txt")])


def test_oversized_standard_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from geomap import articles

    monkeypatch.setattr(articles, "_MAX_BYTES", 10)
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(b"x" * 11)))
    with pytest.raises(InputError, match="larger than"):
        articles.read_articles(["-"])


def test_stdin_only_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Gaza.")))
    with pytest.raises(InputError, match="more than once"):
        read_articles(["-", "-"])


@pytest.mark.parametrize(
    "pattern",
    [
        "**/*.md",
        "**",
        "*/*.txt",
        "news/**/*.txt",
        "news/**",
        "**/b*.t?t",
        "n*/[ab].*",
        ".hidden/*",
        "*",
        "news/x.md",
    ],
)
def test_glob_finds_what_glob_glob_finds_without_link_loops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str
) -> None:
    import glob

    from geomap.articles import _glob

    for name in ["a.md", "news/b.txt", "news/x.md", "news/deep/er/c.txt", ".hidden/d.md", "news/.e.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Gaza.", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "news" / "deep")  # a link, but no loop
    monkeypatch.chdir(tmp_path)

    def files(paths: list[str]) -> list[str]:  # articles are files: folders "**" matches do not count
        return sorted(path for path in paths if os.path.isfile(path))

    for where in (pattern, str(tmp_path / pattern)):
        assert files(list(_glob(where))) == files(glob.glob(where, recursive=True))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_index_and_sentences_count_every_line_ending(newline: str) -> None:
    from geomap.sentences import LineIndex, split_sentences

    text = newline.join(["Headline", "", "Aleppo is far", "Gaza is near."])
    lines = LineIndex(text)
    assert [(lines.line_of(s.start), s.text) for s in split_sentences(text)] == [
        (1, "Headline"),
        (3, "Aleppo is far"),
        (4, "Gaza is near."),
    ]


def test_folders_and_globs_skip_files_that_are_not_articles(tmp_path: Path) -> None:
    for name in ("story.txt", "README.md", "SOURCES.md", "LICENSE.txt", "changelog.md", "Contributing.txt"):
        (tmp_path / name).write_text("Damascus.", encoding="utf-8")
    assert [Path(a.name).name for a in read_articles([str(tmp_path)])] == ["story.txt"]
    assert [Path(a.name).name for a in read_articles([str(tmp_path / "*.txt")])] == ["story.txt"]
    with pytest.raises(InputError, match="no files match"):
        read_articles([str(tmp_path / "*.md")])  # only README, SOURCES and CHANGELOG match
    named = read_articles([str(tmp_path / "README.md")])  # named on its own: read
    assert [Path(a.name).name for a in named] == ["README.md"]


@pytest.mark.parametrize("target", ["", "   "])
def test_an_empty_path_is_an_error_not_the_current_folder(target: str) -> None:
    with pytest.raises(InputError, match="empty path"):
        read_articles([target])


def test_gather_articles_returns_unreadable_files_beside_the_good_ones(tmp_path: Path) -> None:
    from geomap.articles import UnreadableFile, gather_articles

    (tmp_path / "a.txt").write_text("Damascus.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Caf\xe9".encode("cp1252"))
    articles, unreadable = gather_articles([str(tmp_path)])
    assert [article.text for article in articles] == ["Damascus."]
    (failure,) = unreadable
    assert isinstance(failure, UnreadableFile) and isinstance(failure, InputError)
    assert failure.failure.name.endswith("b.txt") and failure.failure.reason.startswith("not UTF-8 text")
    with pytest.raises(InputError, match="b.txt: not UTF-8 text"):
        read_articles([str(tmp_path)])  # the strict reader (map, eval) still refuses the run
    with pytest.raises(InputError, match="no such file"):
        gather_articles([str(tmp_path / "missing.txt")])  # bad usage is not a file to report
