from __future__ import annotations

import dataclasses
import json

from gazetteer import Place
from geomap.model import Mention, MentionKind
from geomap.report.records import (
    END_POINT_FIELDS,
    PLACE_FIELDS,
    claim_record,
    end_point_record,
    mention_record,
    place_record,
)
from tests.browser.handmade import LATAKIA, TARTUS, seeds_like_report


def test_a_place_record_is_every_place_field_in_the_gazetteer_order() -> None:
    assert tuple(field.name for field in dataclasses.fields(Place)) == PLACE_FIELDS
    assert place_record(TARTUS) == dataclasses.asdict(TARTUS)
    assert list(place_record(TARTUS)) == list(PLACE_FIELDS)
    assert json.dumps(place_record(TARTUS)) == json.dumps(dataclasses.asdict(TARTUS))


def test_a_place_record_takes_the_fields_asked_for_in_that_order() -> None:
    assert place_record(LATAKIA, ("lon", "id")) == {"lon": LATAKIA.lon, "id": LATAKIA.id}
    assert list(place_record(LATAKIA, ("lon", "id"))) == ["lon", "id"]


def test_an_end_point_is_null_or_its_span_and_place_flat() -> None:
    assert end_point_record(None) is None
    unresolved = end_point_record(Mention(3, 9, "Nowher", MentionKind.PLACE, None))
    expected = {
        "surface": "Nowher",
        "start": 3,
        "end": 9,
        **dict.fromkeys(END_POINT_FIELDS),
        "evidence": None,
    }
    assert unresolved == expected
    resolved = end_point_record(Mention(0, 6, "Tartus", MentionKind.PLACE, TARTUS, 1.0))
    assert resolved is not None and list(resolved) == [
        "surface",
        "start",
        "end",
        *END_POINT_FIELDS,
        "evidence",
    ]
    assert resolved["id"] == TARTUS.id and resolved["kind"] == "city"


def test_a_mention_record_nests_its_place_and_runners_up() -> None:
    record = mention_record(Mention(0, 6, "Tartus", MentionKind.PLACE, TARTUS, 0.75, (LATAKIA,)))
    assert record["place"] == {k: v for k, v in dataclasses.asdict(TARTUS).items() if k != "source"}
    assert record["alternatives"] == [
        {k: getattr(LATAKIA, k) for k in ("id", "name", "kind", "country_code", "lat", "lon")}
    ]
    assert record["confidence"] == 0.75 and record["kind"] == "place"


def test_a_claim_record_rounds_the_measurements_and_slices_back() -> None:
    result = seeds_like_report().results[0]
    record = claim_record(result.verdicts[0], "0123456789ab")
    assert record["measured_km"] == 57.1 and record["bearing_deg"] == 187.0
    assert result.article.text[record["start"] : record["end"]] == record["text"]
    assert record["fingerprint"] == "0123456789ab" and record["waiver"] is None
    assert record["claimed"]["text"] == "around 60km" and record["subject"]["name"] == "Khmeimim Air Base"
    json.dumps(record, allow_nan=False)
