"""Resolution on the fixture gazetteer: priors, qualifiers, country context, one sense per name."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geomap.model import Mention, MentionKind
from geomap.pipeline import Geoparser
from geomap.resolve.ranker import load_ranker

PLACE, DEMONYM = MentionKind.PLACE, MentionKind.DEMONYM


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


def resolved(mentions: list[Mention], surface: str) -> Mention:
    return next(m for m in mentions if m.surface == surface)


def test_priors_prefer_the_capital(parser: Geoparser) -> None:
    mention = resolved(parser.parse("Talks were held in Moscow."), "Moscow")
    assert mention.place is not None and mention.place.country_code == "RU"
    assert any(alt.country_code == "US" for alt in mention.alternatives)
    assert 0.5 < mention.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "surface", "country", "admin1"),
    [
        ("He moved to Paris, Texas, last year.", "Paris", "US", "Texas"),
        ("The mayor of Alexandria, La., spoke.", "Alexandria", "US", "Louisiana"),
        ("Students in Moscow, Idaho, protested.", "Moscow", "US", "Idaho"),
        ("The mayor of Alexandria, Va., spoke.", "Alexandria", "US", "Virginia"),
    ],
)
def test_explicit_qualifiers_win(
    parser: Geoparser, text: str, surface: str, country: str, admin1: str
) -> None:
    place = resolved(parser.parse(text), surface).place
    assert place is not None and (place.country_code, place.admin1) == (country, admin1)


def test_country_context_moves_a_namesake(parser: Geoparser) -> None:
    plain = resolved(parser.parse("Alexandria is busy."), "Alexandria").place
    local = resolved(
        parser.parse("In Louisiana, Alexandria is busy. Pineville and Louisiana agree."), "Alexandria"
    )
    assert plain is not None and local.place is not None
    assert local.place.country_code == "US" and local.place.admin1 == "Louisiana"


def test_lists_are_not_qualifiers(parser: Geoparser) -> None:
    mentions = parser.parse("Cases in Syria, Turkey, Russia and Egypt rose.")
    assert all(m.place is not None and m.place.kind == "country" for m in mentions)


def test_abbreviations_resolve_to_divisions(parser: Geoparser) -> None:
    mention = resolved(parser.parse("The mayor of Alexandria, La., spoke."), "La.")
    assert mention.place is not None and mention.place.kind == "admin1" and mention.place.name == "Louisiana"


def test_one_sense_per_name(parser: Geoparser) -> None:
    mentions = parser.parse("Moscow, Idaho, is small. Later Moscow voted.")
    places = {m.place.id for m in mentions if m.surface == "Moscow" and m.place}
    assert len(places) == 1


def test_demonyms_link_to_their_country(parser: Geoparser) -> None:
    mention = resolved(parser.parse("Russian and Syrian officials met."), "Russian")
    assert mention.kind == DEMONYM and mention.place is not None and mention.place.kind == "country"
    assert mention.place.country_code == "RU"


def test_given_spans_are_resolved_even_when_reduced(parser: Geoparser) -> None:
    text = "Cases in Idlib Province and among Syrians rose."
    spans = [(9, 23), (34, 41)]
    mentions = parser.resolve_spans(text, spans)
    assert [(m.start, m.end) for m in mentions] == spans
    assert all(m.kind == PLACE and m.place is not None for m in mentions)
    assert mentions[0].place.country_code == "SY" and mentions[1].place.kind == "country"


def test_unknown_given_span_goes_to_the_article_focus(parser: Geoparser) -> None:
    text = "Coffman Park in Damascus opened. Damascus celebrated."
    mention = parser.resolve_spans(text, [(0, 12)])[0]
    assert mention.place is not None and mention.place.name == "Damascus"
    # as sure as such guesses proved in the training corpora, no surer
    assert mention.confidence == load_ranker().focus_confidence < 0.6


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the kind word decides its own mention; a bare mention of a division's name is its seat
        ("Fighting in the province of Idlib went on; Idlib was shelled.", ["admin1", "city"]),
        ("Fighting in the city of Idlib went on; Idlib was shelled.", ["city", "city"]),
        ("Fighting in Idlib province went on; the city of Idlib was shelled.", ["admin1", "city"]),
        ("Farmers in the state of Louisiana and the town of Alexandria.", ["admin1"]),
    ],
)
def test_an_explicit_kind_word_decides(parser: Geoparser, text: str, kinds: list[str]) -> None:
    mentions = parser.parse(text)
    first = mentions[0]
    assert [m.place.kind for m in mentions if m.surface == first.surface and m.place] == kinds


def test_a_place_does_not_vouch_for_itself_under_another_name(parser: Geoparser) -> None:
    from geomap.resolve.evidence import Context

    base = parser.parse("Khmeimim Air Base is busy.")[0].place
    assert base is not None
    context = Context.gather({"khmeimim air base": None}, {}, {})
    context.coordinates.append((base.lat, base.lon, "khmeimim air base"))
    assert context.closeness(base, "hmeimim") == 0.0
    assert context.closeness(base, "khmeimim air base") == 0.0


def test_a_division_word_after_the_name_decides(parser: Geoparser) -> None:
    text = "A cow from a Washington state farm tested positive."
    start = text.index("Washington")
    (mention,) = parser.resolve_spans(text, [(start, start + len("Washington"))])
    assert mention.place is not None and mention.place.kind == "admin1"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Cases were found in Texas, Oregon, Washington and Illinois.", "Washington", "admin1"),
        ("Cases were found in Oregon and Washington and Idaho.", "Washington", "admin1"),
        ("Pipelines cross Armenia, Georgia and Azerbaijan.", "Georgia", "country"),
        ("Farms in Texas, Idaho, Georgia and Oregon were hit.", "Georgia", "admin1"),
    ],
)
def test_a_list_asks_for_the_kind_of_its_other_items(
    parser: Geoparser, text: str, name: str, kind: str
) -> None:
    start = text.index(name)
    (mention,) = parser.resolve_spans(text, [(start, start + len(name))])
    assert mention.place is not None and mention.place.kind == kind, mention.place


def test_a_town_known_only_by_another_name_proves_nothing_alone(gazetteer: Gazetteer) -> None:
    from geomap.resolve.candidates import CandidateIndex

    index = CandidateIndex(gazetteer)
    assert index.strength("damascus") == "city"
    assert index.strength("dimashq") == "weak"  # an alternate name: "Drug" is also Durg's
    assert index.strength("syria") == "country"


@pytest.mark.parametrize(
    ("text", "favourite"),
    [
        ("Pipelines cross Armenia, Georgia and Azerbaijan.", 1.0),  # the country: the prior's pick
        ("Farms in Texas, Idaho, Georgia and Oregon were hit.", 0.0),  # the state: the article's
    ],
)
def test_the_calibrator_sees_whether_the_article_overturned_the_prior(
    parser: Geoparser, text: str, favourite: float
) -> None:
    """A pick the context-free ranking already made is surer than one the context forced."""
    from geomap.resolve.ranker import PICK_FEATURES

    start = text.index("Georgia")
    (detail,) = parser.rank_details(text, [(start, start + len("Georgia"))])
    features = dict(zip(PICK_FEATURES, detail.pick, strict=True))
    assert features["prior_favourite"] == favourite
    assert (features["prior_margin"] > 0) == bool(favourite)
