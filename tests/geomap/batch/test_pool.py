"""The local pool's decisions: when to start workers, and how articles are cut into chunks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gazetteer import Gazetteer
from geomap.batch.pool import CHUNK_ARTICLES, CHUNK_CHARACTERS, MIN_ARTICLES, chunks, worth_a_pool
from geomap.model import Article
from geomap.pipeline import run
from geomap.settings import Settings


def articles(count: int, text: str = "Shelling hit Homs, 160 km north of Damascus.") -> list[Article]:
    return [Article(f"a{n}.txt", text) for n in range(count)]


def test_one_article_or_little_text_stays_in_process() -> None:
    assert not worth_a_pool(articles(1, "x" * 10_000_000))
    assert not worth_a_pool(articles(MIN_ARTICLES - 1))
    assert worth_a_pool(articles(MIN_ARTICLES))
    assert worth_a_pool(articles(2, "x" * 200_000))


def test_chunks_keep_order_and_bounds() -> None:
    given = articles(1000)
    cut = list(chunks(given, 2))
    assert [a for chunk in cut for a in chunk] == given
    assert max(len(chunk) for chunk in cut) <= CHUNK_ARTICLES and len(cut) >= 8
    long = articles(41, "y" * (CHUNK_CHARACTERS // 2 + 1))
    assert [len(chunk) for chunk in chunks(long, 1)] == [2] * 20 + [1]


def test_parallel_run_equals_one_process(gazetteer: Gazetteer) -> None:
    texts = [
        f"Day {n}: fighting near Aleppo, about {40 + n} km from Idlib; Kharkiv was calm." for n in range(40)
    ]
    given = [Article(f"a{n}.txt", text) for n, text in enumerate(texts)]
    done: list[int] = []
    one = run(given, gazetteer, Settings(jobs=1))
    two = run(given, gazetteer, replace(Settings(), jobs=2), progress=done.append)
    assert two == one and sum(done) == len(given) and len(done) > 1
    assert run(given, gazetteer, Settings(jobs=1), claims=False).results[0].verdicts == ()


def test_workers_without_fork_build_their_own_analyser(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    given = [
        Article(f"a{n}.txt", f"Day {n}: shelling hit Homs, {150 + n} km north of Damascus.")
        for n in range(40)
    ]
    one = run(given, gazetteer, Settings(jobs=1))
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert run(given, gazetteer, Settings(jobs=2)) == one
