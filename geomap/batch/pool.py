"""Spreading one run's articles over worker processes; the report is identical to one process's.

A forked worker inherits this process's ArticleAnalyser, with the caches the first article
filled, and only reconnects to the gazetteer (read-only SQLite); elsewhere each worker opens
the gazetteer and builds its analyser once. Articles travel in chunks so that pickling and
scheduling cost little per article; results come back in submission order, without the
articles' text, which this process already holds.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from geomap.errors import GeomapError
from geomap.model import Article, ArticleResult, LanguageGuess, Mention, Verdict
from geomap.settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future

    from gazetteer import Gazetteer
    from geomap.pipeline import ArticleAnalyser, Progress

#: Below both of these a run stays in one process: starting workers (about 0.1-0.2 s each to
#: fork, open the gazetteer and load its name index) would cost more than it saves.
MIN_ARTICLES = 32
MIN_CHARACTERS = 200_000
#: Most articles, and characters, in one chunk sent to a worker.
CHUNK_ARTICLES = 16
CHUNK_CHARACTERS = 1_000_000
#: Chunks cut per job at least: small ones let the processes finish together.
CHUNKS_PER_JOB = 16

#: What a worker sends back for one article: its result's fields but the article.
Outcome = tuple[tuple[Mention, ...], tuple[Verdict, ...], LanguageGuess | None]
#: How often a worker checks that the command that started it is still alive.
_PARENT_POLL_S = 0.2


class WorkerError(GeomapError, RuntimeError):
    """A worker process died (killed, or out of memory) before finishing its articles."""


def worth_a_pool(articles: Sequence[Article]) -> bool:
    """True when the articles are enough work to repay starting worker processes."""
    if len(articles) < 2:
        return False
    return len(articles) >= MIN_ARTICLES or sum(len(a.text) for a in articles) >= MIN_CHARACTERS


def chunks(articles: Sequence[Article], jobs: int) -> Iterator[list[Article]]:
    """Consecutive runs of articles, many per job, bounded in count and characters.

    Many chunks per job even out articles of unequal length, and at the end no process waits
    long for the last chunk of another (a chunk of 16 is about 50 ms of work); the bounds
    keep each message (and the memory it holds) small on long runs.
    """
    target = max(1, min(CHUNK_ARTICLES, -(-len(articles) // (jobs * CHUNKS_PER_JOB))))
    chunk: list[Article] = []
    characters = 0
    for article in articles:
        chunk.append(article)
        characters += len(article.text)
        if len(chunk) >= target or characters >= CHUNK_CHARACTERS:
            yield chunk
            chunk, characters = [], 0
    if chunk:
        yield chunk


def parallel_results(
    articles: Sequence[Article],
    gazetteer: Gazetteer,
    settings: Settings,
    jobs: int,
    *,
    claims: bool = True,
    progress: Progress | None = None,
) -> Iterator[ArticleResult]:
    """Each article's result, in the order given, computed by this process and `jobs - 1` workers.

    This process is one of the `jobs`: it has imported every stage and warmed its name caches
    on the first article, so it works on, taking chunks from the end of the queue while the
    workers take them from the front. Where the system has fork, the workers inherit those
    imports and this analyser, caches included, and only reconnect to the gazetteer;
    elsewhere each opens the gazetteer's database itself, once (never rebuilt or re-checked).
    """
    import multiprocessing  # here, not at the top: a one-process run never pays for these imports
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from geomap.pipeline import ArticleAnalyser

    # The first article is analysed here: that imports the later stages and loads their word
    # lists once, in this process, and forked workers inherit them instead of each paying it.
    analyse = ArticleAnalyser(gazetteer, settings, claims=claims)
    yield analyse(articles[0])
    if progress is not None:
        progress(1)
    batches = list(chunks(articles[1:], jobs))
    forking = "fork" in multiprocessing.get_all_start_methods()
    if forking:
        analyse.preload()
    context = multiprocessing.get_context("fork" if forking else None)
    # With fork, initializer arguments are inherited, never pickled: the analyser goes as it is.
    initializer: Callable[..., None] = adopt_analyser if forking else start_worker
    initargs: tuple[object, ...] = (analyse,) if forking else (gazetteer, settings, claims)
    with ProcessPoolExecutor(
        max_workers=max(1, jobs - 1), mp_context=context, initializer=initializer, initargs=initargs
    ) as executor:
        futures = [executor.submit(analyse_chunk, batch) for batch in batches]
        try:
            yield from _shared_out(batches, futures, analyse, progress)
        except BrokenProcessPool as error:
            raise WorkerError(f"a worker process died before finishing its articles: {error}") from error
        finally:
            for future in futures:
                future.cancel()


def _shared_out(
    batches: Sequence[Sequence[Article]],
    futures: Sequence[Future[list[Outcome]]],
    analyse: ArticleAnalyser,
    progress: Progress | None,
) -> Iterator[ArticleResult]:
    """The chunks' results in order; this process analyses every chunk it can take from the back.

    A chunk is taken by cancelling its future: that succeeds only while no worker has it.
    """
    mine: dict[int, list[ArticleResult]] = {}
    front, back = 0, len(batches) - 1
    while front < len(batches):
        while back >= front and not futures[front].done():
            if futures[back].cancel():
                mine[back] = [analyse(article) for article in batches[back]]
                if progress is not None:
                    progress(len(batches[back]))
            back -= 1
        if front in mine:
            yield from mine.pop(front)
        else:
            outcomes = zip(batches[front], futures[front].result(), strict=True)
            yield from (ArticleResult(article, *outcome) for article, outcome in outcomes)
            if progress is not None:
                progress(len(batches[front]))
        front += 1


class _Worker:
    """The one analyser of a worker process, set by its initializer and used by every chunk.

    Process-wide on purpose (it lives only in pool workers): building the analyser (or
    adopting the parent's) once per worker, not per chunk, is what makes the pool pay.
    """

    analyser: ArticleAnalyser | None = None
    inherited: Gazetteer | None = None


def adopt_analyser(analyser: ArticleAnalyser) -> None:
    """Forked worker initializer: work with the parent's analyser, over a connection of its own.

    The analyser and everything in it came with the fork, warm caches included; only the
    gazetteer's SQLite connection may not be shared, so it is replaced in place.
    """
    _watch_parent(os.getppid())
    analyser.geoparser.gazetteer.reconnect_after_fork()
    _Worker.analyser = analyser


def start_worker(gazetteer: Gazetteer, settings: Settings, claims: bool) -> None:
    """Worker initializer where there is no fork: build this process's analyser.

    The gazetteer arrives pickled (as its path and overlay), so it opens its own connection.
    """
    from geomap.pipeline import ArticleAnalyser

    _watch_parent(os.getppid())
    _Worker.inherited = gazetteer
    own = pickle.loads(pickle.dumps(gazetteer))
    _Worker.analyser = ArticleAnalyser(own, settings, claims=claims)


def _watch_parent(parent: int) -> None:
    """End this worker when the command that started it dies (say, `kill -9`).

    Forked workers share the parent's pipe ends, so none ever sees the pipe close; without
    this they would wait forever for work, orphaned.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="geomap-parent-watch", daemon=True).start()


def analyse_chunk(batch: Sequence[Article]) -> list[Outcome]:
    """Worker side: the result of each article of one chunk, less the article."""
    analyse = _Worker.analyser
    if analyse is None:
        raise WorkerError("worker process used before its initializer ran")
    return [(result.mentions, result.verdicts, result.language) for result in map(analyse, batch)]
