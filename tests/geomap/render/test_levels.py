"""Outlines simplified once per ladder step and kept in the cache dir."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from geomap.render import levels
from geomap.render.levels import LADDER, level_for, outline_level

COARSEST = LADDER[-1]


def test_a_tolerance_snaps_down_to_a_ladder_step() -> None:
    assert LADDER[0] == 0.004 and all(b == pytest.approx(2 * a) for a, b in pairwise(LADDER))
    assert level_for(0.004) == 0.004 and level_for(0.001) == 0.004
    assert level_for(0.03) == 0.016  # never coarser than asked
    assert level_for(0.3) == COARSEST


def test_a_step_is_written_once_and_read_back_the_same(tmp_path: Path) -> None:
    made = outline_level(COARSEST, cache_dir=tmp_path)
    (path,) = (tmp_path / "basemap").glob("*.npz")
    assert path.name == levels._file_name(COARSEST) and not list(path.parent.glob("*.tmp"))
    read = levels._read(path, COARSEST)
    assert read is not None and read.codes == made.codes and "SY" in read.codes
    assert all(shapely.equals_exact(read.geometries, made.geometries, 0))
    assert np.array_equal(read.bounds, made.bounds, equal_nan=True)  # NaN: an empty outline


def test_an_unreadable_step_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "basemap" / levels._file_name(COARSEST)
    path.parent.mkdir()
    path.write_bytes(b"not numpy")
    assert levels._read(path, COARSEST) is None
    levels._level.cache_clear()
    assert "FR" in outline_level(COARSEST, cache_dir=tmp_path).codes
    assert levels._read(path, COARSEST) is not None  # rewritten


def test_cut_keeps_only_what_meets_the_area_inside_it() -> None:
    syria = box(35.5, 32.0, 42.5, 37.5)
    codes, pieces = outline_level(COARSEST).cut(syria)
    drawn = {code for code, piece in zip(codes, pieces, strict=True) if not piece.is_empty}
    assert {"SY", "LB", "TR"} <= drawn and not drawn & {"RU", "US", "FR"}  # FR, US: boxes span the world
    assert all(syria.buffer(1e-9).contains(piece) for piece in pieces if not piece.is_empty)
