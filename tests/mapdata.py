"""Read back the JSON data block a rendered map carries (what geomap/data/map.js draws)."""

from __future__ import annotations

import json
import re
from typing import Any

_DATA = re.compile(r'<script type="application/json" id="geomap-data">(.*?)</script>', re.S)


def map_data(html: str) -> dict[str, Any]:
    """The page's data block, parsed; exactly one per page."""
    blocks = _DATA.findall(html)
    assert len(blocks) == 1, f"{len(blocks)} data blocks"
    return json.loads(blocks[0])
