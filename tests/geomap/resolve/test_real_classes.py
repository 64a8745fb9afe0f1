"""Issue 12's classes of failure, on sentences written for these tests, against the full gazetteer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gazetteer import SETTLEMENT, Gazetteer, Kind
from geomap.model import Mention
from geomap.pipeline import Geoparser

pytestmark = pytest.mark.real_gazetteer


@pytest.fixture(scope="module")
def parser(real_gazetteer: Gazetteer) -> Iterator[Geoparser]:
    yield Geoparser(real_gazetteer)


def places(parser: Geoparser, text: str) -> dict[str, Mention]:
    return {m.surface: m for m in parser.parse(text) if m.place is not None}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Artillery hit Homs and Hama overnight, residents said.", "Homs", "SY"),
        ("Artillery hit Homs and Hama overnight, residents said.", "Hama", "SY"),
        ("Rebels advanced towards Idlib on Tuesday.", "Idlib", "SY"),
        ("Drones were shot down over Belgorod, the governor said.", "Belgorod", "RU"),
    ],
)
def test_a_bare_name_shared_by_a_division_and_its_seat_means_the_city(
    parser: Geoparser, text: str, name: str, country: str
) -> None:
    place = places(parser, text)[name].place
    assert place is not None and place.kind in (Kind.CITY, Kind.CAPITAL) and place.country_code == country


def test_the_division_is_still_found_when_the_text_says_so(parser: Geoparser) -> None:
    place = places(parser, "Clashes spread across Idlib province and the Homs governorate.")["Idlib"].place
    assert place is not None and place.kind == Kind.ADMIN1


def test_a_state_whose_official_name_is_the_bare_name_keeps_it(parser: Geoparser) -> None:
    place = places(parser, "Voters in Quebec and Ontario went to the polls.")["Quebec"].place
    assert place is not None and place.kind == Kind.ADMIN1


def test_codes_news_writes_as_names_are_found(parser: Geoparser) -> None:
    found = places(parser, "Talks between the UAE and the DRC opened in Kinshasa on Monday.")
    assert found["UAE"].place is not None and found["UAE"].place.country_code == "AE"
    assert found["DRC"].place is not None and found["DRC"].place.country_code == "CD"


def test_us_neighbours_make_georgia_the_state(parser: Geoparser) -> None:
    place = places(parser, "Floods hit Georgia and the Carolinas over the weekend.")["Georgia"].place
    assert place is not None and (place.kind, place.country_code) == (Kind.ADMIN1, "US")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Flights to O'Hare were cancelled because of snow.", "O'Hare"),
        ("The plane landed at Ben Gurion airport after midnight.", "Ben Gurion airport"),
        ("Passengers waited for hours at Heathrow, west of London.", "Heathrow"),
    ],
)
def test_famous_airports_are_found_by_the_names_news_uses(parser: Geoparser, text: str, surface: str) -> None:
    place = places(parser, text)[surface].place
    assert place is not None and place.kind == Kind.AIRPORT


def test_a_countrys_foreign_name_that_is_an_english_word_is_no_place(parser: Geoparser) -> None:
    found = places(parser, "Warships sailed near Taiwan Island on Sunday.")
    assert "Island" not in found and found["Taiwan"].place is not None


@pytest.mark.parametrize("city", ["York", "Reading"])
def test_a_big_city_named_like_a_word_is_found_after_a_locative_word(parser: Geoparser, city: str) -> None:
    found = places(parser, f"She commuted every week from {city} to London.")
    assert city in found and found[city].place is not None
    assert found[city].place.kind in (Kind.CITY, Kind.CAPITAL)


def test_the_same_words_are_no_places_in_ordinary_use(parser: Geoparser) -> None:
    found = places(parser, "Reading the report was not nice, he said.")
    assert "Reading" not in found


def test_a_spelling_the_gazetteer_lacks_finds_the_place_spelt_alike(parser: Geoparser) -> None:
    place = places(parser, "Missiles were fired near Hodeidah on Tuesday.")["Hodeidah"].place
    assert place is not None and (place.kind, place.country_code) == (Kind.CITY, "YE")


def test_an_unknown_word_after_a_locative_is_not_respelt_into_a_village(parser: Geoparser) -> None:
    assert places(parser, "The meeting moved to January.") == {}
    # Hinjawadi is a village: too small to be worth a guess at "Hinjewadi".
    assert places(parser, "The firm opened an office in Hinjewadi last year.") == {}


@pytest.mark.parametrize(
    "text",
    ["The festival in Nice drew crowds from across France.", "Officials in Nice said the beaches were shut."],
)
def test_a_big_citys_own_name_outweighs_a_divisions_alternate_name(parser: Geoparser, text: str) -> None:
    place = places(parser, text)["Nice"].place  # a Malawian district is also called "Nice"
    assert place is not None and place.country_code == "FR" and place.kind == Kind.CITY


def test_a_given_name_before_a_common_surname_is_a_person(parser: Geoparser) -> None:
    found = places(parser, "Secretary of State James Baker met George Bush in Madrid.")
    assert sorted(found) == ["Madrid"]


def test_a_name_that_lost_its_accents_is_the_place(parser: Geoparser) -> None:
    place = places(parser, "The festival moved from Warsaw to Krakw in May.")["Krakw"].place
    assert place is not None and place.name == "Kraków"


def test_each_mention_of_a_division_and_its_seat_takes_the_sense_its_words_ask_for(parser: Geoparser) -> None:
    """ "Valencia province" is the province; "Valencia city" and a bare "Valencia" the city."""
    text = (
        "Floods swept through Valencia province on Tuesday. In Paiporta, 8 km south of Valencia city, "
        "cars piled up. Teams from Madrid, 300 km west of Valencia, arrived."
    )
    kinds = [m.place.kind for m in parser.parse(text) if m.surface == "Valencia" and m.place is not None]
    assert kinds == [Kind.ADMIN1, Kind.CITY, Kind.CITY]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Protests hit Alexandria on Friday.", "Alexandria", Kind.CITY),
        ("Bombings in Istanbul killed dozens.", "Istanbul", Kind.CITY),
        # a seat much smaller than its province leaves a bare name to the ranker
        ("The law passed in Quebec last year.", "Quebec", Kind.ADMIN1),
        # ...unless it is the country's capital, or the words call it a capital
        ("Talks resumed in Colombo on Monday.", "Colombo", Kind.CAPITAL),
        ("Protests spread in Tunis and Sfax.", "Tunis", Kind.CAPITAL),
        ("The law passed in the provincial capital, Quebec, last year.", "Quebec", Kind.CITY),
    ],
)
def test_a_bare_name_shared_with_a_big_seat_is_the_city(
    parser: Geoparser, text: str, name: str, kind: Kind
) -> None:
    place = places(parser, text)[name].place
    assert place is not None and place.kind == kind


def test_a_us_county_is_placed_at_its_own_centre_in_the_state_the_story_is_about(parser: Geoparser) -> None:
    """Not at its state's centre: Walker County, Texas, lies beside Huntsville."""
    text = "Deputies in Walker County searched the woods north of Houston, Texas."
    place = places(parser, text)["Walker County"].place
    assert place is not None and place.admin1 == "Texas"
    assert abs(place.lat - 30.74) < 0.1 and abs(place.lon + 95.57) < 0.1


def test_a_county_many_states_share_can_be_in_any_of_them(parser: Geoparser) -> None:
    """Not only in the first states of the alphabet: every state's county stays a candidate."""
    text = "Sirens will go up in Columbus, Grove City and Dublin, Ohio. Washington County pays for them."
    place = places(parser, text)["Washington County"].place
    assert place is not None and place.admin1 == "Ohio"


def test_a_county_spelt_with_its_particle_joined_is_the_census_one(parser: Geoparser) -> None:
    """The Census writes "La Salle County" (Texas); news often "LaSalle County"."""
    text = "Ranchers in LaSalle County, south of San Antonio, Texas, lost cattle to the drought."
    place = places(parser, text)["LaSalle County"].place
    assert place is not None and place.admin1 == "Texas"
    assert abs(place.lat - 28.34) < 0.1 and abs(place.lon + 99.10) < 0.1


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a hyphened title names a person as the plain one does
        ("President-elect Donald Sparrow toured a plant in Cleveland on Monday.", {"Donald", "Sparrow"}),
        # after a title, a given name and the word spaced after it are one person's name
        ("Senator Bill Dunn met voters in Tulsa.", {"Bill", "Dunn"}),
        # a given name that is also an ordinary word still makes the next word a surname
        ("Reporting by Mark Rigby in Boise; editing by Grant Oakley.", {"Rigby", "Oakley"}),
        # a small town's name that is a given name, before a surname that is also a word
        ("Donald Sparrow narrowly won the vote in Tulsa.", {"Donald", "Sparrow"}),
        # a country's name that is a given name, before a common surname
        ("Officers Ron Beck and Chad Walker drove to Boise.", {"Chad", "Walker"}),
    ],
)
def test_people_named_after_titles_and_given_names_are_no_places(
    parser: Geoparser, text: str, people: set[str]
) -> None:
    found = places(parser, text)
    assert not people & set(found)
    assert {"Cleveland", "Tulsa", "Boise"} & set(found)


def test_a_country_named_as_a_given_name_is_the_country_elsewhere(parser: Geoparser) -> None:
    """Only the mention before the surname is the person's: one girl does not cost a country."""
    text = "Georgia Barnes, 9, skated in Calgary. Georgia hosts the next meet."
    found = [m.surface for m in parser.parse(text)]
    assert found.count("Georgia") == 1 and "Barnes" not in found and "Calgary" in found


def test_a_road_named_after_a_town_is_evidence_of_where_the_article_is(parser: Geoparser) -> None:
    """The road is named, not placed; the town it leads to makes the English Ripon surer."""
    with_road = {m.surface: m for m in parser.parse("Police closed Harrogate Road in Ripon after a crash.")}
    without = places(parser, "Police closed the road in Ripon after a crash.")["Ripon"]
    assert with_road["Harrogate Road"].place is None
    ripon = with_road["Ripon"]
    assert ripon.place is not None and ripon.place.country_code == "GB"
    assert ripon.confidence > without.confidence


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # a person's name that ends in a street word is no street
        (
            "Sheriff Mark Lane said the road was closed near Tulsa.",
            {"Tulsa"},
            {"Sheriff Mark Lane", "Mark Lane"},
        ),
        ("Actress Diane Lane visited Boise.", {"Boise"}, {"Diane Lane"}),
        ("Tom Lane said officers responded in Dayton.", {"Dayton"}, {"Tom Lane"}),
        # a state's name leading a headline is the state, not the start of a street
        (
            "Ohio Turnpike Road crews worked near Toledo on Monday.",
            {"Ohio", "Toledo"},
            {"Ohio Turnpike Road"},
        ),
        # a town's name before an ordinary word loses that mention only
        (
            "Marion Teen Killed In Crash\n\nA Marion teenager died north of Marion, police said.",
            {"Marion"},
            set(),
        ),
        # a firm's name is no person: Georgia is the state
        ("Georgia Power restored service to Macon.", {"Georgia", "Macon"}, set()),
        # a lowercase compound before a name leaves the locative to be read
        ("Protesters staged a sit-in Reading station on Friday.", {"Reading"}, set()),
    ],
)
def test_streets_people_and_headlines_do_not_swallow_each_other(
    parser: Geoparser, text: str, wanted: set[str], unwanted: set[str]
) -> None:
    surfaces = [m.surface for m in parser.parse(text)]
    assert wanted <= set(surfaces) and not unwanted & set(surfaces), surfaces


def test_a_state_in_a_street_name_still_says_which_country(parser: Geoparser) -> None:
    place = places(parser, "Crews repaved Washington Avenue in St. Louis.")["St. Louis"].place
    assert place is not None and place.country_code == "US"


def test_small_neighbouring_towns_are_read_together_not_as_their_bigger_namesakes(parser: Geoparser) -> None:
    found = places(parser, "Deputies searched farms between Hillsboro, Whitney and Itasca on Friday.")
    for name in ("Hillsboro", "Whitney", "Itasca"):
        place = found[name].place
        assert place is not None and (place.country_code, place.admin1) == ("US", "Texas"), (name, place)


def test_a_town_beside_the_one_named_beats_the_state_of_its_name(parser: Geoparser) -> None:
    place = places(parser, "The river crested at Hannibal and Louisiana before falling.")["Louisiana"].place
    assert place is not None and place.kind in SETTLEMENT and place.admin1 == "Missouri", place


def test_a_state_full_of_the_article_s_towns_stays_the_state(parser: Geoparser) -> None:
    text = "Flooding closed roads across New York, from Albany to Buffalo and Rochester."
    place = places(parser, text)["New York"].place
    assert place is not None and place.kind == Kind.ADMIN1, place


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Deputies from Harlan, Bell and Knox counties searched the hills.", "Kentucky"),
        ("Flooding hit Caddo, Bossier and Webster parishes on Monday.", "Louisiana"),
        ("Voters in Travis and Williamson counties approved the bonds.", "Texas"),
    ],
)
def test_names_listed_before_counties_are_those_counties(parser: Geoparser, text: str, state: str) -> None:
    found = [m for m in parser.parse(text) if m.place is not None]
    assert len(found) >= 2
    for mention in found:
        assert mention.place is not None and mention.place.kind == Kind.REGION, mention
        assert mention.place.admin1 == state, mention


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("The clinic in Athens serves Limestone and Madison counties.", "Athens", "Alabama"),
        ("The mill in Columbia employs workers from Maury and Marshall counties.", "Columbia", "Tennessee"),
    ],
)
def test_a_town_beside_the_counties_listed_is_their_town(
    parser: Geoparser, text: str, name: str, state: str
) -> None:
    place = places(parser, text)[name].place
    assert place is not None and place.admin1 == state, place


def test_the_eu_is_the_union_not_the_norman_town(parser: Geoparser) -> None:
    text = "EU ministers met in Brussels on Friday."
    (mention,) = parser.resolve_spans(text, [(0, 2)])
    assert mention.place is not None and mention.place.name == "European Union", mention.place
    assert mention.place.country_code == ""


def test_a_small_town_in_the_state_named_beats_a_big_namesake_across_the_border(parser: Geoparser) -> None:
    text = (
        "Mount Baldy is a summit in north central Massachusetts in the town of Warwick about two "
        "miles south of the New Hampshire border."
    )
    place = places(parser, text)["Warwick"].place
    assert place is not None and place.admin1 == "Massachusetts"


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Fishing is banned at Crystal Lake Park in Springfield, Illinois.", "Crystal Lake Park"),
        ("Volunteers cleaned up Turkey Run State Park in Indiana.", "Turkey Run State Park"),
        ("A ferry ran aground in Puget Sound near Seattle.", "Puget Sound"),
        ("Crews searched Eagle Creek Reservoir for the boat.", "Eagle Creek Reservoir"),
    ],
)
def test_a_park_or_lake_the_gazetteer_lacks_is_not_the_town_or_country_in_its_name(
    parser: Geoparser, text: str, feature: str
) -> None:
    mentions = parser.parse(text)
    assert any(m.surface == feature and m.place is None for m in mentions)
    assert not any(m.place is not None and feature.startswith(m.surface) for m in mentions)


@pytest.mark.parametrize(
    ("text", "named", "firm"),
    [
        ("He retired after 30 years at the Goshen Paper Company in Dayton.", ["Dayton"], "Goshen"),
        ("She worked for the Medina Steel Corporation in Cleveland.", ["Cleveland"], "Medina"),
    ],
)
def test_a_small_town_a_few_words_before_a_firms_word_is_the_firms_name(
    parser: Geoparser, text: str, named: list[str], firm: str
) -> None:
    assert [m.surface for m in parser.parse(text)] == named
    school = parser.parse(f"Pupils of {firm} High School met in {named[0]}.")
    assert [m.surface for m in school] == [firm, named[0]]  # a school's name still says where


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a club's name is no city
        ("Real Madrid arrived in Tokyo on Sunday.", ["Tokyo"]),
        ("Atletico Madrid trained in Lisbon.", ["Lisbon"]),
        # bearings before a place's name say which part of it: no region of their own
        ("Youth crime rose in Far North Queensland.", ["Queensland"]),
        ("Rain is due in South West England.", ["England"]),
        ("Farmers in Northern Ireland and Western Australia met.", ["Northern Ireland", "Western Australia"]),
        # a place noun at the end of another name is that name's head, not the region Centre
        ("She works at the Bright Futures Health Centre in Leeds.", ["Leeds"]),
        # a name seen as a disease's is the disease elsewhere in the article too
        ("Health workers fear Marburg virus in Uganda. Marburg spreads through contact.", ["Uganda"]),
        ("Pigs in Luzon tested positive for Reston ebolavirus.", ["Luzon"]),
        ("Cases of Lassa fever rose in Nigeria, and Lassa kills hundreds a year.", ["Nigeria"]),
    ],
)
def test_words_that_make_a_place_name_part_of_something_else(
    parser: Geoparser, text: str, named: list[str]
) -> None:
    assert [m.surface for m in parser.parse(text)] == named


def test_a_title_case_headline_names_no_person_after_a_verb(parser: Geoparser) -> None:
    """ "Joins" is no given name: the city stays a place, in the headline and the whole article."""
    text = "Petrov Joins Sochi Race. The mayoral election in Sochi is in April."
    assert [m.surface for m in parser.parse(text)] == ["Sochi", "Sochi"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a small town's name that is a given name, never written as a place's: the person's
        ("Martha was born on a farm in 1931. Martha loved music and taught piano for forty years.", []),
        # once the words place it, every mention is the town
        ("Martha police closed the road on Monday. Martha has 900 residents.", ["Martha", "Martha"]),
        ("Crews worked in Martha all night. Martha reopened its school on Friday.", ["Martha", "Martha"]),
        ("Hudson and Dunn are towns on the river.", ["Hudson", "Dunn"]),
    ],
)
def test_a_small_town_named_like_a_person_is_a_place_only_where_the_article_places_it(
    parser: Geoparser, text: str, named: list[str]
) -> None:
    assert [m.surface for m in parser.parse(text)] == named


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Kentucky State Police said the road was closed.", "Kentucky"),
        ("Washington State Patrol troopers stopped him.", "Washington"),
        ("He studied at Ohio State University in Columbus.", "Ohio"),
    ],
)
def test_a_states_office_names_the_state_alone(parser: Geoparser, text: str, state: str) -> None:
    """ "Kentucky State Police": the mention is "Kentucky", still the state, not DC or a city."""
    mention = parser.parse(text)[0]
    assert mention.surface == state
    assert mention.place is not None and mention.place.kind == Kind.ADMIN1 and mention.place.name == state


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Talks with the People's Republic of China opened in Geneva.", "People's Republic of China", "CN"),
        ("The Democratic People's Republic of Korea fired.", "Democratic People's Republic of Korea", "KP"),
        ("Floods cut the roads to King's Lynn and Norwich.", "King's Lynn", "GB"),
        ("Cholera spread to Port-au-Prince within a week.", "Port-au-Prince", "HT"),
        ("Cocoa prices rose in Côte d'Ivoire and Ghana.", "Côte d'Ivoire", "CI"),
        ("Horses may again travel between Australia and New Zealand.", "Australia", "AU"),
        ("Horses may again travel between Australia and New Zealand.", "New Zealand", "NZ"),
    ],
)
def test_names_are_read_whole_through_possessives_hyphens_and_elisions_but_not_across_two_countries(
    parser: Geoparser, text: str, surface: str, country: str
) -> None:
    """Not their tails ("Republic of Korea" is the South) nor a region the pair names."""
    place = places(parser, text)[surface].place
    assert place is not None and place.country_code == country


def test_a_town_named_like_a_word_is_the_town_where_a_qualifier_places_it(parser: Geoparser) -> None:
    """ "Redding" and "Hurricane" are English words too; ", California" and ", W.Va." say which."""
    redding = places(parser, "Police in Redding, California, searched the river.")["Redding"].place
    hurricane = places(parser, "The two hid in Hurricane, W.Va., for days.")["Hurricane"].place
    assert redding is not None and redding.admin1 == "California"
    assert hurricane is not None and hurricane.admin1 == "West Virginia"


def test_a_division_qualified_by_its_country_is_that_division_whatever_the_story_is_about(
    parser: Geoparser,
) -> None:
    """A Canadian story's "Queensland, Australia" is the state, not the Canadian town Queensland."""
    text = (
        "She skates in Red Deer, Innisfail and Edmonton, Alberta. "
        "She was the state champion for Queensland, Australia at seven."
    )
    place = places(parser, text)["Queensland"].place
    assert place is not None and (place.kind, place.country_code) == (Kind.ADMIN1, "AU")
    listed = parser.parse("Floods hit Illinois, Missouri and Iowa.")
    assert [m.place.kind for m in listed if m.place] == [Kind.ADMIN1] * 3


@pytest.mark.parametrize(
    "text",
    [
        "The infected cow was found at a Washington state farm.",
        "Rain is forecast for the state of Washington.",
    ],
)
def test_washington_state_is_the_state_not_the_district_also_called_washington(
    parser: Geoparser, text: str
) -> None:
    place = places(parser, text)["Washington"].place
    assert place is not None and (place.kind, place.name) == (Kind.ADMIN1, "Washington")


def test_a_bare_washington_is_not_the_state(parser: Geoparser) -> None:
    place = places(parser, "He flew to Washington to meet the president.")["Washington"].place
    assert place is not None and (place.kind, place.name) != (Kind.ADMIN1, "Washington")
