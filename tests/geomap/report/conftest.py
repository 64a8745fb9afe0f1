"""The hand-made report every format test renders."""

from __future__ import annotations

import pytest

from geomap.model import Report
from tests.geomap.report.sample import sample_report


@pytest.fixture()
def report() -> Report:
    return sample_report()
