"""What a reader gets out of a machine format: every string of a JSON value, an XML or a CSV document."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from typing import Any


def _refuse(constant: str) -> float:
    raise ValueError(f"not strict JSON: {constant}")


def strict_json(text: str) -> Any:
    """The document, refusing NaN and Infinity (which json.dumps writes and other readers reject)."""
    return json.loads(text, parse_constant=_refuse)


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def json_strings(text: str) -> list[str]:
    """Every string of a strict JSON document, keys included."""
    return list(strings(strict_json(text)))


def xml_strings(text: str) -> list[str]:
    """Every text and attribute value of an XML document."""
    root = ElementTree.fromstring(text.encode("utf-8"))
    return [value for element in root.iter() for value in (element.text or "", *element.attrib.values())]


def csv_strings(text: str) -> list[str]:
    """Every cell of a CSV document, header included, as csv.reader reads it."""
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
