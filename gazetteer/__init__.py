"""Offline world gazetteer: compile GeoNames and other sources into SQLite and query it."""

from __future__ import annotations

from gazetteer import lexicon
from gazetteer.build import LICENCES, NaturalEarth, ensure_database
from gazetteer.errors import BuildError, GazetteerError, SourceError
from gazetteer.kinds import (
    AREA,
    DIVISION,
    KINDS,
    OPEN_WATER,
    POINT_SITE,
    SETTLEMENT,
    VAST,
    WIDE,
    Kind,
    TextEnum,
)
from gazetteer.model import Candidate, CountryInfo, GazetteerInfo, OutlineBox, Place
from gazetteer.normalize import normalize
from gazetteer.sources import SourcePaths
from gazetteer.store import Gazetteer, default_cache_dir

__all__ = [
    "AREA",
    "DIVISION",
    "KINDS",
    "OPEN_WATER",
    "POINT_SITE",
    "SETTLEMENT",
    "VAST",
    "WIDE",
    "Kind",
    "TextEnum",
    "LICENCES",
    "BuildError",
    "Candidate",
    "CountryInfo",
    "Gazetteer",
    "NaturalEarth",
    "OutlineBox",
    "GazetteerError",
    "GazetteerInfo",
    "Place",
    "SourceError",
    "SourcePaths",
    "default_cache_dir",
    "ensure_database",
    "lexicon",
    "normalize",
]
