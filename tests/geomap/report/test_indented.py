from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.model import Status
from geomap.report.indented import indented_json

LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
DOCUMENTS = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner),
    max_leaves=40,
)


@given(DOCUMENTS, st.integers(min_value=0, max_value=4))
def test_same_text_as_json_dumps(document: object, indent: int) -> None:
    assert indented_json(document, indent) == json.dumps(document, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize(
    "document",
    [
        {3: "a", 2.5: None, True: [], None: {}, False: [{}]},
        [math.nan, math.inf, -math.inf, -0.0, 1e300, 'é\u2028\x00"\\'],
        {"status": Status.HOLDS, Status.CONTRADICTED: [Status.UNVERIFIABLE]},
    ],
)
def test_keys_special_floats_and_str_enums(document: object) -> None:
    assert indented_json(document) == json.dumps(document, ensure_ascii=False, indent=2)


def test_other_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        indented_json({"a": {1, 2}})
    with pytest.raises(TypeError):
        indented_json({(1, 2): 3})
