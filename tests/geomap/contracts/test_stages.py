"""One set of checks run over every registered recognizer, resolver, claim finder and checker.

A new variant is tested by registering it: these tests iterate the registries.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer, Place
from geomap.claims.draft import make_claim
from geomap.claims.endpoints import ArticleMentions, SentencePlaces
from geomap.claims.extract import FINDERS, extract_claims
from geomap.model import Claim, ClaimKind, LookupKey, Mention, MentionKind, Span, Status, Verdict
from geomap.outlines import Borders
from geomap.pipeline import Geoparser
from geomap.recognize import RECOGNIZERS, make_recognizer
from geomap.resolve import RESOLVERS, make_resolver
from geomap.resolve.candidates import CandidateIndex
from geomap.sentences import LineIndex, split_sentences
from geomap.settings import Settings
from geomap.verify import CHECKERS, VerifyContext

TEXTS = (
    "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.",
    "Russian jets struck Idlib, Syria; Moscow denied it. Jablah lies 22 km south of Latakia.",
    "Paris, TX, and Alexandria, La. are small. Latakia, in Syria, is near Jablah.",
    "DAMASCUS (Reuters) - Aleppo and Homs are 120 miles apart. Syria's Tartus is quiet.",
    "",
    "no places at all, only lowercase words 12 km from nowhere.",
)
ARBITRARY = st.text(
    alphabet=st.sampled_from(list("Damascus Latakia Tartus Syria km 60 from north of near in , . ' ’ -\n")),
    max_size=200,
)
SEARCH = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def index(gazetteer: Gazetteer) -> CandidateIndex:
    return CandidateIndex(gazetteer)


def check_spans(text: str, spans: list[Span]) -> None:
    assert spans == sorted(spans, key=lambda s: s.start)
    for span, following in zip(spans, spans[1:], strict=False):
        assert span.end <= following.start, "spans overlap"
    for span in spans:
        assert text[span.start : span.end] == span.surface and span.surface
        assert isinstance(span.kind, MentionKind) and isinstance(span.key, LookupKey)


@pytest.mark.parametrize("name", sorted(RECOGNIZERS))
@pytest.mark.parametrize("text", TEXTS)
def test_recognizers_find_ordered_spans_that_slice_back(
    name: str, text: str, gazetteer: Gazetteer, index: CandidateIndex
) -> None:
    check_spans(text, make_recognizer(name, gazetteer, index).find(text))


@pytest.mark.parametrize("name", sorted(RECOGNIZERS))
@given(text=ARBITRARY)
@SEARCH
def test_recognizers_never_raise_on_arbitrary_text(
    name: str, text: str, gazetteer: Gazetteer, index: CandidateIndex
) -> None:
    check_spans(text, make_recognizer(name, gazetteer, index).find(text))


def check_mentions(text: str, mentions: list[Mention]) -> None:
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert 0.0 <= mention.confidence <= 1.0
        assert mention.place is None or isinstance(mention.place, Place)
        assert all(isinstance(p, Place) for p in mention.alternatives)
        if mention.kind == MentionKind.DEMONYM:
            assert mention.place is None or mention.place.kind == "country"


@pytest.mark.parametrize("name", sorted(RESOLVERS))
@pytest.mark.parametrize("text", TEXTS)
def test_resolvers_give_one_mention_per_span(
    name: str, text: str, gazetteer: Gazetteer, index: CandidateIndex
) -> None:
    spans = make_recognizer("capitalised", gazetteer, index).find(text)
    resolver = make_resolver(name, index, gazetteer.demonyms())
    mentions = resolver.resolve(text, spans)
    assert [(m.start, m.end) for m in mentions] == [(s.start, s.end) for s in spans]
    check_mentions(text, mentions)
    given_spans = [(s.start, s.end) for s in spans if s.kind == MentionKind.PLACE]
    resolved = resolver.resolve_given(text, given_spans, spans)
    assert [(m.start, m.end) for m in resolved] == given_spans
    check_mentions(text, resolved)


def test_unknown_stage_names_list_the_valid_ones(gazetteer: Gazetteer) -> None:
    from geomap.errors import ConfigError

    with pytest.raises(ConfigError, match="valid: capitalised"):
        Geoparser(gazetteer, recognizer="nope")
    with pytest.raises(ConfigError, match="valid: joint"):
        Geoparser(gazetteer, resolver="nope")


def claims_of(text: str, parser: Geoparser, finder_name: str) -> list[Claim]:
    """The claims one finder alone makes in a text, made as the pipeline makes them."""
    every = ArticleMentions(parser.parse(text))
    lines, found = LineIndex(text), []
    for sentence in split_sentences(text):
        inside = [m for m in every.ordered if sentence.start <= m.start and m.end <= sentence.end]
        assert inside == every.within(sentence.start, sentence.end)
        places = SentencePlaces(text, sentence, inside, every, lines.line_of, parser.capital_of)
        for draft in FINDERS[finder_name].find(places, []):
            assert 0 <= draft.start <= draft.end <= len(sentence.text)
            assert isinstance(draft.kind, ClaimKind)
            if draft.names_a_place:
                found.append(make_claim(places, draft))
    return found


def check_claims(text: str, claims: list[Claim]) -> None:
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence[claim.start - claim.sentence_start :][: len(claim.text)] == claim.text
        assert claim.line == text.count("\n", 0, claim.start) + 1
        assert claim.subject is not None or claim.reference is not None or claim.country is not None


@pytest.mark.parametrize("name", list(FINDERS))
@pytest.mark.parametrize("text", TEXTS)
def test_finders_make_claims_whose_offsets_slice_back(name: str, text: str, gazetteer: Gazetteer) -> None:
    check_claims(text, claims_of(text, Geoparser(gazetteer), name))


@given(text=ARBITRARY)
@SEARCH
def test_every_finder_together_never_raises(text: str, gazetteer: Gazetteer) -> None:
    parser = Geoparser(gazetteer)
    check_claims(text, extract_claims(text, parser.parse(text)))


def test_every_claim_kind_has_a_checker() -> None:
    assert set(CHECKERS) == set(ClaimKind)


PLACES = (
    Place("site:a", "A", "air_base", 35.40, 35.95, "SY"),
    Place("city:b", "B", "city", 34.89, 35.89, "SY", population=100_000),
    Place("country:sy", "Syria", "country", 35.0, 38.0, "SY"),
    Place("region:c", "C", "admin1", 36.0, 37.0, "SY"),
    Place("sea:d", "D", "sea", 34.0, 34.0, ""),
)


@pytest.mark.parametrize("kind", list(ClaimKind))
@pytest.mark.parametrize("subject", PLACES, ids=lambda p: p.kind)
@pytest.mark.parametrize("reference", (*PLACES, None), ids=lambda p: p.kind if p else "none")
@pytest.mark.parametrize("figure", ("about 60 km", "more than 10 miles", None))
def test_checkers_return_a_verdict_with_finite_figures(
    kind: ClaimKind, subject: Place, reference: Place | None, figure: str | None
) -> None:
    from geomap.claims.quantities import parse_quantity

    def mention(place: Place | None) -> Mention | None:
        return Mention(0, 1, "x", MentionKind.PLACE, place, 1.0) if place else None

    claim = Claim(
        kind,
        "x",
        0,
        1,
        "x",
        1,
        mention(subject),
        mention(reference),
        parse_quantity(figure) if figure else None,
        "N" if kind == ClaimKind.DIRECTION else None,
        "SY" if kind in (ClaimKind.BORDER_DISTANCE, ClaimKind.CONTAINMENT) else None,
    )
    verdict = CHECKERS[kind](claim, subject, reference, CONTEXT)
    assert isinstance(verdict, Verdict) and isinstance(verdict.status, Status)
    # the claim itself, or read more precisely ("30 km from Lebanon" is a distance to its border)
    assert (verdict.claim.start, verdict.claim.end, verdict.claim.text) == (
        claim.start,
        claim.end,
        claim.text,
    )
    assert verdict.explanation and "\n" not in verdict.explanation
    assert verdict.measured_km is None or (math.isfinite(verdict.measured_km) and verdict.measured_km >= 0)
    assert verdict.bearing_deg is None or 0 <= verdict.bearing_deg < 360


CONTEXT = VerifyContext(Settings(), Borders())
