"""`check -o` and `map -o --geojson` killed with SIGKILL mid-run leave complete outputs or none.

A few rounds of scripts/kill_campaign.py, which runs a hundred or more on demand.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def campaign():  # noqa: ANN201 - the script's module
    spec = importlib.util.spec_from_file_location("kill_campaign", ROOT / "scripts" / "kill_campaign.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_runs_leave_complete_outputs_or_none(cli_cache_dir: Path, tmp_path: Path) -> None:
    kill = campaign()
    folders, out = kill.story_folders(tmp_path), tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GEOMAP_CACHE_DIR": str(cli_cache_dir)}
    rng = random.Random(7)
    for round_number in range(6):
        assert kill.kill_round(round_number, rng, folders, out, env) == []
    assert kill.finish(folders, out, env) == []
