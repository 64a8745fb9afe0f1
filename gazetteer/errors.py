"""Exceptions raised by the gazetteer package."""

from __future__ import annotations


class GazetteerError(Exception):
    """Root of every error the gazetteer raises."""


class SourceError(GazetteerError, ValueError):
    """A source or overlay file is missing, unreadable or malformed."""


class BuildError(GazetteerError, RuntimeError):
    """The database could not be compiled."""
