"""The recognition name index: the marisa trie compiled with the database, plus the overlay."""

from __future__ import annotations

import re
from pathlib import Path

from gazetteer import Gazetteer
from gazetteer.lexicon import PROSE_CODES
from gazetteer.sources.curated import read_overlay

_PROSE_NAME = re.compile(r"[a-z0-9]+(?: [a-z0-9]+){0,7}")


def test_index_holds_exactly_the_prose_names(gazetteer: Gazetteer) -> None:
    expected = {
        norm
        for (norm, matched) in gazetteer._db.execute("SELECT DISTINCT norm, matched FROM names")
        if _PROSE_NAME.fullmatch(norm) and (matched != "code" or norm in PROSE_CODES)
    }
    assert gazetteer.recognition_names() == expected
    index = gazetteer.recognition_index()
    assert all(norm in index for norm in expected)
    assert len(index) == len(expected)


def test_index_leaves_out_codes_other_scripts_and_unnormalised_forms(gazetteer: Gazetteer) -> None:
    index = gazetteer.recognition_index()
    assert "damascus" in index and "syria" in index
    assert "Damascus" not in index and "" not in index
    codes = [norm for (norm,) in gazetteer._db.execute("SELECT norm FROM names WHERE matched = 'code'")]
    prose_codes = [code for code in codes if code in PROSE_CODES]
    assert prose_codes and all(code in index for code in prose_codes)  # "US", "UK": written as names
    codes = [code for code in codes if code not in PROSE_CODES]
    names = gazetteer.recognition_names()
    assert any(code not in names for code in codes)
    assert all(code not in index for code in codes if code not in names)
    assert "сирия" not in index and "سوريا" not in index


def test_overlay_names_join_the_index(gazetteer: Gazetteer, tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("name,aliases,kind,lat,lon,country\nQwertyville,Zxcv Base,military_site,33.5,36.3,SY\n")
    assert "qwertyville" not in gazetteer.recognition_index()
    with Gazetteer(gazetteer.path, read_overlay(extra)) as overlaid:
        index = overlaid.recognition_index()
        assert "qwertyville" in index and "zxcv base" in index and "damascus" in index
        assert len(index) == len(gazetteer.recognition_index()) + 2
        assert overlaid.recognition_names() == gazetteer.recognition_names() | {"qwertyville", "zxcv base"}
