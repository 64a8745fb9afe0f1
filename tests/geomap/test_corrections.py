from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer
from geomap.corrections import PINNED, Pinner, parse_pins, waive
from geomap.model import Article, Mention, MentionKind, NoticeKind, Status
from tests.geomap.report.sample import sample_report


def test_a_pin_applies_where_its_glob_matches_and_overrides_what_it_overlaps(
    gazetteer: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (pin,) = parse_pins(
        [{"name": "Paris", "articles": "texas/*.txt", "place": "geonames:4717560"}], tmp_path, "t"
    )
    pinner = Pinner([pin], gazetteer)
    text = "Paris, Texas is not Paris."
    found = [Mention(0, 5, "Paris", MentionKind.PLACE, gazetteer.get("geonames:2988507"), 0.6)]
    pinned = pinner.apply(Article("texas/a.txt", text), found)
    assert [(m.start, m.place.id if m.place else None, m.confidence, m.evidence) for m in pinned] == [
        (0, "geonames:4717560", 1.0, PINNED),
        (20, "geonames:4717560", 1.0, PINNED),
    ]
    assert pinner.apply(Article("france/a.txt", text), found) == tuple(found)
    assert pinner.notices() == ()
    assert [n.kind for n in Pinner([pin], gazetteer).notices()] == [NoticeKind.UNMATCHED_PIN]


def test_a_glob_without_a_slash_matches_the_file_name(gazetteer: Gazetteer, tmp_path: Path) -> None:
    (pin,) = parse_pins([{"name": "Paris", "articles": "*.md", "lat": 1, "lon": 2}], tmp_path, "t")
    pinned = Pinner([pin], gazetteer).apply(Article(str(tmp_path / "deep/x.md"), "In Paris."), [])
    (mention,) = pinned
    assert mention.place is not None and (mention.place.lat, mention.place.lon, mention.surface) == (
        1.0,
        2.0,
        "Paris",
    )


def test_waive_marks_the_claim_and_reports_waivers_that_match_nothing() -> None:
    from geomap.corrections import Waiver
    from geomap.fingerprint import claim_fingerprint

    report = sample_report()
    target = report.results[1]
    fingerprint = claim_fingerprint(target.article.name, target.verdicts[0].claim)
    waived = waive(report, [Waiver(fingerprint, "known"), Waiver("ffffffffffff", "stale")])
    assert (
        waived.results[1].verdicts[0].status == Status.WAIVED
        and waived.results[1].verdicts[0].waiver == "known"
    )
    # the sample's second article states one claim twice in one sentence: one fingerprint, both waived
    assert [v.status for v in waived.verdicts] == [Status.HOLDS, Status.WAIVED, Status.WAIVED]
    assert [(n.kind, n.key) for n in waived.notices] == [(NoticeKind.UNMATCHED_WAIVER, "ffffffffffff")]
    assert not waived.failing  # the contradicted claim was the waived one


def test_a_pinned_name_inside_a_longer_recognised_name_is_left_alone(
    gazetteer: Gazetteer, tmp_path: Path
) -> None:
    (pin,) = parse_pins([{"name": "Moscow", "articles": "*", "lat": 1, "lon": 2}], tmp_path, "t")
    longer = Mention(3, 15, "Moscow Mills", MentionKind.PLACE, gazetteer.get("geonames:4399153"), 0.9)
    pinned = Pinner([pin], gazetteer).apply(Article("a.txt", "In Moscow Mills, not Moscow."), [longer])
    assert [(m.surface, m.evidence) for m in pinned] == [("Moscow Mills", ""), ("Moscow", PINNED)]
