"""What a Dask worker runs: one partition's articles through the pipeline, into table files.

Each worker thread keeps one ArticleAnalyser per Settings, so it opens the gazetteer (building
it first, once, under the cache's file lock when that worker's cache has none) on its first
partition only. An article that makes geomap fail becomes a row of the errors table, never a
failed partition.
"""

from __future__ import annotations

import threading

from geomap.batch.sources import Partition, RecordError
from geomap.batch.tables import (
    OutputFormat,
    PartitionFiles,
    PartitionTables,
    Row,
    Table,
    article_rows,
    encode_partition,
    error_row,
)
from geomap.model import Article
from geomap.pipeline import ArticleAnalyser
from geomap.settings import Settings


class _ThreadAnalysers(threading.local):
    """One analyser per Settings and thread: Geoparser caches are not shared between threads."""

    def __init__(self) -> None:
        self.by_settings: dict[Settings, ArticleAnalyser] = {}


_ANALYSERS = _ThreadAnalysers()


def analyser_for(settings: Settings) -> ArticleAnalyser:
    """The calling thread's analyser for `settings`, opening the worker's gazetteer on first use."""
    analyser = _ANALYSERS.by_settings.get(settings)
    if analyser is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.open(settings.cache_dir, settings.gazetteer_extra)
        analyser = _ANALYSERS.by_settings[settings] = ArticleAnalyser(gazetteer, settings, languages=False)
    return analyser


def analyse_partition(
    partition: Partition, settings: Settings, output_format: OutputFormat = OutputFormat.PARQUET
) -> PartitionFiles:
    """Every table's file for one partition: its articles' results and its unreadable records.

    Encoded here, in the worker, so the client only writes bytes (geomap.batch.tables).
    """
    analyse = analyser_for(settings)
    rows: dict[Table, list[Row]] = {table: [] for table in Table}
    errors = list(partition.errors)
    for record in partition.records:
        try:
            result = analyse(Article(record.article_id, record.text))
        except Exception as error:  # one article that trips a bug must not lose the partition
            message = f"geomap failed on this article: {type(error).__name__}: {error}"
            errors.append(RecordError(record.source, record.position, message, record.article_id))
            continue
        for table, table_rows in article_rows(record, result, partition.number).items():
            rows[table].extend(table_rows)
    rows[Table.ERRORS] = [error_row(error, partition.number) for error in errors]
    return encode_partition(PartitionTables(partition.number, rows), output_format)
