"""Recognition: spans, precision filters and offsets, on a synthetic name index (no gazetteer)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import normalize
from geomap.model import LookupKey, MentionKind
from geomap.recognize.capitalised import NameRecognizer

PLACE, DEMONYM = MentionKind.PLACE, MentionKind.DEMONYM

NAMES = frozenset(
    normalize(name)
    for name in (
        "Damascus",
        "Syria",
        "Idlib",
        "Moscow",
        "Russia",
        "Khmeimim Air Base",
        "Latakia",
        "Tartus",
        "West Jerusalem",
        "Jerusalem",
        "Rapides Parish",
        "Alexandria",
        "Paris",
        "Texas",
        "Louisiana",
        "Most",
        "Police",
        "Of",
        "Bad",
        "Assad",
        "Bogdanov",
        "Sham",
        "Jones",
        "Ma'arrat al-Numan",
        "Tahrir",
        "Thursday Island",
        "Crystal Lake",
        "Thursday",
        "Stratford-upon-Avon",
        "Saint Louis",
        "Georgia",
        "West Nile",
        "Ebola",
        "Cases",
        "Baker",
        "Bush",
        "George",
        "Williams",
        "Austin",
        "Abbaye",
        "Evans",
        "Earle",
        "Columbus",
        "Boston",
        "Valhalla",
        "New York",
        "St. Patrick",
        "Reading",
        "Maritime",
        "Central",
        "Central Province",
        "Hassan",
        "Nur",
        "Angus",
        "Taylor",
        "Masirah",
        "Flanders",
        "Nebraska",
        "Lincoln",
        "Elon",
        "Wal",
        "Mart",
        "The City",
        "Roswell",
        "King's Lynn",
        "Lynn",
        "Republic of Korea",
        "Democratic People's Republic of Korea",
        "Canada",
        "Canadas",
        "US",
        "Port-au-Prince",
        "Côte d'Ivoire",
        "Australia",
        "New Zealand",
        "Australia and New Zealand",
        "Trinidad and Tobago",
        "Trinidad",
        "Lombard",
        "Dar es Salaam",
        "St. Mary",
        "America",
        "Duma",
    )
)
DEMONYMS = {"russian": "RU", "syrian": "SY", "israeli": "IL", "syrians": "SY"}
STRENGTH = {
    "syria": "country",
    "russia": "country",
    "canada": "country",
    "us": "country",
    "america": "country",
    "australia": "country",
    "new zealand": "country",
    "australia and new zealand": "strong",
    "trinidad and tobago": "country",
    "georgia": "country",
    "damascus": "strong",
    "moscow": "strong",
    "paris": "strong",
    "texas": "strong",
    "louisiana": "strong",
    "george": "city",
    "bush": "city",
    "austin": "city",
    "new york": "city",
    "boston": "city",
    "columbus": "city",
    "reading": "city",
    "maritime": "strong",
    "central": "strong",
    "central province": "strong",
    "angus": "strong",
    "masirah": "strong",
    "nebraska": "strong",
}


@pytest.fixture(scope="module")
def recognizer() -> NameRecognizer:
    return NameRecognizer(NAMES, DEMONYMS, lambda norm: STRENGTH.get(norm, "weak"))


def found(recognizer: NameRecognizer, text: str) -> list[tuple[str, str]]:
    spans = recognizer.find(text)
    for span in spans:
        assert text[span.start : span.end] == span.surface
    return [(span.surface, span.kind) for span in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in Damascus met.", [("Damascus", PLACE)]),
        ("Russia's army and Moscow’s plans.", [("Russia", PLACE), ("Moscow", PLACE)]),
        # a lowercase word inside a hyphened name, and an elided article, belong to the name
        ("Cholera reached Port-au-Prince.", [("Port-au-Prince", PLACE)]),
        ("Votes were counted in Côte d'Ivoire and Syria.", [("Côte d'Ivoire", PLACE), ("Syria", PLACE)]),
        ("Votes were counted in Côte d’Ivoire.", [("Côte d’Ivoire", PLACE)]),
        ("Russian-backed forces left Syria.", [("Russian", DEMONYM), ("Syria", PLACE)]),
        # two countries joined by "and" are two mentions, unless the pair is itself a country
        (
            "Flights between Australia and New Zealand resumed.",
            [("Australia", PLACE), ("New Zealand", PLACE)],
        ),
        ("Flights to Trinidad and Tobago resumed.", [("Trinidad and Tobago", PLACE)]),
        # an organisation named after a country is no mention of it
        ("Putin heads United Russia, the ruling party of Russia.", [("Russia", PLACE)]),
        ("UNITED RUSSIA WON IN MOSCOW", [("MOSCOW", PLACE)]),
        ("The State Duma met in Moscow.", [("Moscow", PLACE)]),
        ("Club America played in Boston.", [("Boston", PLACE)]),
        # a saint's name before "'s" and a building's is the building's, not a town's
        ("He was taken to St. Mary's Hospital in Paris.", [("Paris", PLACE)]),
        ("Pupils of St. Mary's Catholic School met.", []),
        ("St. Mary's mayor spoke in Paris.", [("St. Mary", PLACE), ("Paris", PLACE)]),
        # a town named like a rarer word is the town after "in" or "near", not after "to"
        ("Students in Lombard won awards.", [("Lombard", PLACE)]),
        ("Students near Lombard won awards.", [("Lombard", PLACE)]),
        ("A letter to Lombard arrived.", []),
        ("The forum met in Dar es Salaam.", [("Dar es Salaam", PLACE)]),
        # a small town named like a word, placed by a qualifier, is the town
        ("Floods hit Bad, Texas, overnight.", [("Bad", PLACE), ("Texas", PLACE)]),
        ("Floods hit Bad, Tex., overnight.", [("Bad", PLACE), ("Tex.", PLACE)]),
        ("Floods hit Bad near Texas.", [("Texas", PLACE)]),
        ("Most, Texas officials agree, is fine.", [("Texas", PLACE)]),
        # a country's code before "$" is a currency's
        ("Syria got US$460 million.", [("Syria", PLACE)]),
        ("Syria got US$460 million from the US.", [("Syria", PLACE), ("US", PLACE)]),
        # a name with a possessive inside is one mention, where the gazetteer has it whole
        ("Floods reached King's Lynn and Paris.", [("King's Lynn", PLACE), ("Paris", PLACE)]),
        ("Floods reached King’s Lynn.", [("King’s Lynn", PLACE)]),
        ("FLOODS REACHED KING'S LYNN ON MONDAY.", [("KING'S LYNN", PLACE)]),
        (
            "A missile from the Democratic People's Republic of Korea fell.",
            [("Democratic People's Republic of Korea", PLACE)],
        ),
        ("The Republic of Korea's envoy left.", [("Republic of Korea", PLACE)]),
        ("Shells hit Syria's Latakia port.", [("Syria", PLACE), ("Latakia", PLACE)]),
        # ...never a name ending in one: "Canada's" is Canada's, not the town "Canadas"
        ("Canada's Prime Minister spoke.", [("Canada", PLACE)]),
        ("Canada's envoy spoke.", [("Canada", PLACE)]),
        (
            "near Khmeimim Air Base in Latakia",
            [("Khmeimim Air Base", PLACE), ("Latakia", PLACE)],
        ),
        ("as West Jerusalem seized", [("West Jerusalem", PLACE)]),
        ("Both the Sheriff and Rapides Parish Fire District", [("Rapides Parish", PLACE)]),
        (
            "Russian diplomats and Syrian troops",
            [("Russian", DEMONYM), ("Syrian", DEMONYM)],
        ),
        ("the Free Syrian Army", [("Syrian", DEMONYM)]),
        ("fighting in Ma’arrat al-Numan", [("Ma’arrat al-Numan", PLACE)]),
        ("born in Stratford-upon-Avon", [("Stratford-upon-Avon", PLACE)]),
        ("flew to St. Louis", [("St. Louis", PLACE)]),
        ("DAMASCUS, Syria", [("DAMASCUS", PLACE), ("Syria", PLACE)]),
        ("Recycling starts on Friday at Alexandria center.", [("Alexandria", PLACE)]),
        (
            "The storm is expected to miss Alexandria and Boston today.",
            [("Alexandria", PLACE), ("Boston", PLACE)],
        ),
        ("a general Alexandria area curfew", [("Alexandria", PLACE)]),
        ("Officials in Tahrir said the road was open.", [("Tahrir", PLACE)]),
        # a given name before a common surname is a person; before anything else it is not
        ("a speech by James Baker in Paris", [("Paris", PLACE)]),
        ("under George Bush Jr. and in Texas", [("Texas", PLACE)]),
        ("Alexandria Police said Alexandria was calm.", [("Alexandria", PLACE), ("Alexandria", PLACE)]),
        ("She moved to Austin Texas last year.", [("Austin", PLACE), ("Texas", PLACE)]),
        # a street is named, as a whole, though the gazetteer does not know it
        ("a walk down George Street", [("George Street", PLACE)]),
        (
            "Crews closed Elm Street and Oak Lane in Paris.",
            [("Elm Street", PLACE), ("Oak Lane", PLACE), ("Paris", PLACE)],
        ),
        ("at 775 Main St., near Paris", [("Main St.", PLACE), ("Paris", PLACE)]),
        # not inside a longer name, nor a numbered road, nor after a function word
        ("The Paris Street Journal said so.", [("Paris", PLACE)]),
        ("west on Rapides Parish Road 12 to Alexandria", [("Rapides Parish", PLACE), ("Alexandria", PLACE)]),
        ("The Road to Damascus", [("Damascus", PLACE)]),
        # a name before "the" and an epithet is a person's, here and elsewhere in the article
        ("The church of Paris the Evangelist stands in Texas; Paris is its saint.", [("Texas", PLACE)]),
        ("Man Hurt In Crash On Elm Street In Paris", [("Elm Street", PLACE), ("Paris", PLACE)]),
        # a street named after a king is a street; a person named Lane is not
        ("Crews closed King Edward Street in Paris.", [("King Edward Street", PLACE), ("Paris", PLACE)]),
        ("Sheriff Lane said Paris was calm.", [("Paris", PLACE)]),
        # a park, lake or creek the gazetteer lacks is named as a whole, not as the town it spells
        ("Volunteers cleaned Paris Lake Park on Saturday.", [("Paris Lake Park", PLACE)]),
        ("Families swam in Georgia Pond near Austin.", [("Georgia Pond", PLACE), ("Austin", PLACE)]),
        ("Trout were stocked in Moscow Creek Reservoir.", [("Moscow Creek Reservoir", PLACE)]),
        # the gazetteer's own name stays itself, and the feature named after it is whole
        ("She grew up in Crystal Lake.", [("Crystal Lake", PLACE)]),
        ("Crystal Lake Park was closed.", [("Crystal Lake Park", PLACE)]),
        # a given name before a feature word is a person's; a longer name is something else's
        ("a speech by Sarah Park in Paris", [("Paris", PLACE)]),
        ("Tickets for Texas Forest Park Zoo", [("Texas", PLACE)]),  # as "The Paris Street Journal"
        # a small town's name hyphened to an ordinary word is half of one word, though Mart is a town
        ("Shoppers lined up at the Wal-Mart in Paris.", [("Paris", PLACE)]),
        # a dateline's dash starts another phrase: "A" is no initial of a person called Roswell
        ("ROSWELL - A man was hurt, Roswell police said.", [("ROSWELL", PLACE), ("Roswell", PLACE)]),
        # a lone name before an age is a person's, here and elsewhere; not a big city's name
        ("Deputies spoke with Evans, 31, of Paris. Evans was charged.", [("Paris", PLACE)]),
        ("The family of Austin, 24, lives in Austin.", [("Austin", PLACE), ("Austin", PLACE)]),
        # an article and place nouns are no town's name, whatever the gazetteer lists
        ("The City Council met in Paris.", [("Paris", PLACE)]),
        # a small town's name before a building's word is the building's name
        ("students of Williams College in Paris", [("Paris", PLACE)]),
        ("students of Paris University", [("Paris", PLACE)]),
        # ...and a few words before a firm's word, a firm's name
        ("workers of Williams Soup Company in Paris", [("Paris", PLACE)]),
        # a possessive that lost its apostrophe is no surname: Idlib is not a person here
        ("Idlib Syrias northern city", [("Idlib", PLACE)]),
        # after a particle a name may be a building's or a person's: left out there, not everywhere
        ("The Abbaye de Paris stands in Paris.", [("Abbaye", PLACE), ("Paris", PLACE)]),
    ],
)
def test_finds_places_and_demonyms(
    recognizer: NameRecognizer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Most importantly, the Police said so.",
        "One Of them was Bad.",
        "President Assad spoke.",
        "Miss Alexandria Jones won.",
        "Shoppers at the Tahrir-Mart store.",
        "Deputy Foreign Minister Mikhail Bogdanov said.",
        "Hayat Tahrir al-Sham fighters",
        "He told reporters on Thursday.",
        "TASS and HTS reported.",
        "I’ve seen it.",
        "Tahrir said the road was open.",
    ],
)
def test_drops_common_words_people_codes(recognizer: NameRecognizer, text: str) -> None:
    assert [surface for surface, kind in found(recognizer, text) if kind == PLACE] == []


@pytest.mark.parametrize(
    "text",
    [
        "Cases of West Nile virus rose.",
        "The Ebola Virus Disease spread.",
        "an outbreak of Ebola fever",
        "West Nile-virus season",
    ],
)
def test_disease_names_and_plural_common_words_are_not_places(recognizer: NameRecognizer, text: str) -> None:
    assert [surface for surface, kind in found(recognizer, text) if kind == PLACE] == []


def test_the_place_itself_still_counts_next_to_a_disease_word(recognizer: NameRecognizer) -> None:
    assert found(recognizer, "The virus reached West Nile and Ebola.") == [
        ("West Nile", PLACE),
        ("Ebola", PLACE),
    ]


def test_a_surname_seen_in_a_full_name_is_a_person_later(recognizer: NameRecognizer) -> None:
    text = "Police chief Tom Jones arrived. Jones said the road is closed."
    assert found(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name with initials or a second given name before a surname: all a person's
        ("Maria J. Evans, 31, of Boston, was charged. Evans denied it.", [("Boston", PLACE)]),
        ("The court overturned Kevin Lee Earle's conviction in Boston.", [("Boston", PLACE)]),
        (
            "Evans and Earle are small towns near Boston.",
            [("Evans", PLACE), ("Earle", PLACE), ("Boston", PLACE)],
        ),
        # a holiday named after a person or place is neither
        ("Crowds gathered for St. Patrick's Day in Boston.", [("Boston", PLACE)]),
        ("The Columbus Day parade drew crowds in Boston.", [("Boston", PLACE)]),
        ("Flights from Columbus to Boston resumed.", [("Columbus", PLACE), ("Boston", PLACE)]),
        # a division named like an ordinary word, running on into a title, is a word of the title
        ("The UK Maritime Trade Operations agency said so.", []),
        ("The Central Bank raised rates in Boston.", [("Boston", PLACE)]),
        (
            "Fighting in Central Province and Maritime left ten dead.",
            [("Central Province", PLACE), ("Maritime", PLACE)],
        ),
        # a name described as a person's is a person's, every word of it
        ("Hassan Nur, a resident of Boston, said so. Nur left.", [("Boston", PLACE)]),
        ("Hassan Nur, 34, was hurt in Boston.", [("Boston", PLACE)]),
        ("He lives at 9 Flanders Road, the driver said.", [("Flanders Road", PLACE)]),
        # a division's name before a surname no word shares is a given name
        ("Angus Taylor spoke in Boston.", [("Boston", PLACE)]),
        ("Floods hit Angus and Boston.", [("Angus", PLACE), ("Boston", PLACE)]),
        (
            "The University of Nebraska-Lincoln is in Nebraska.",
            [("Nebraska", PLACE), ("Lincoln", PLACE), ("Nebraska", PLACE)],
        ),
        # a role before a name makes it a person's
        ("Tesla founder Elon Musk flew to Boston.", [("Boston", PLACE)]),
        ("The race, run by its founder Syria Motors, left Boston.", [("Syria", PLACE), ("Boston", PLACE)]),
        # a broadcaster's name
        ("Al Masirah TV said Boston was calm.", [("Boston", PLACE)]),
        # a state after its town is no surname, however name-like the town
        ("The college is based in Valhalla New York.", [("Valhalla", PLACE), ("New York", PLACE)]),
    ],
)
def test_people_holidays_and_towns_before_their_state(
    recognizer: NameRecognizer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


def test_a_city_named_as_such_once_is_the_city_wherever_its_name_reads_as_a_word(
    recognizer: NameRecognizer,
) -> None:
    """One sense per article: "Reading" after "in" shows that the other "Reading"s are the town."""
    text = "Police in Reading said so. Reading lies west of Boston. Reading the report, they left."
    assert found(recognizer, text) == [("Reading", PLACE), ("Reading", PLACE), ("Boston", PLACE)]
    assert found(recognizer, "Reading lies west of Boston.") == [("Boston", PLACE)]


def test_state_abbreviations_after_a_comma(recognizer: NameRecognizer) -> None:
    text = "Alexandria, La., and Paris, TX, and HURRICANE, W.Va. - but not La alone."
    spans = recognizer.find(text)
    assert [(s.surface, s.key) for s in spans] == [
        ("Alexandria", LookupKey("alexandria")),
        ("La.", LookupKey.division("louisiana")),
        ("Paris", LookupKey("paris")),
        ("TX", LookupKey.division("texas")),
        ("W.Va.", LookupKey.division("west virginia")),
    ]


def test_dotted_city_abbreviations_and_titles(recognizer: NameRecognizer) -> None:
    spans = recognizer.find("L.A. police met Maury Smith, M.D., in 500 B.C. style.")
    assert [(s.surface, s.key) for s in spans] == [("L.A.", LookupKey("los angeles"))]


def test_sentence_start_marks_the_span(recognizer: NameRecognizer) -> None:
    spans = recognizer.find("Damascus fell. Then Idlib.")
    assert [s.sentence_start for s in spans] == [True, False]


def test_country_names_survive_common_word_filter(recognizer: NameRecognizer) -> None:
    assert found(recognizer, "Georgia and Syria.") == [
        ("Georgia", PLACE),
        ("Syria", PLACE),
    ]


def test_a_slash_joins_the_words_of_one_name_and_separates_two() -> None:
    names = frozenset({normalize("Dallas Fort Worth International Airport"), "israel", "gaza"})
    recognizer = NameRecognizer(names, {}, lambda norm: "strong")
    text = "It is west of the Dallas/Fort Worth International Airport, not in Israel/Gaza."
    assert [s.surface for s in recognizer.find(text)] == [
        "Dallas/Fort Worth International Airport",
        "Israel",
        "Gaza",
    ]


def test_a_street_asks_for_no_place_but_carries_the_town_it_is_named_after(
    recognizer: NameRecognizer,
) -> None:
    (road, town) = recognizer.find("Police closed Latakia Road in Tartus.")
    assert road.surface == "Latakia Road" and road.key.kinds == frozenset()
    assert road.key.named_after == "latakia" and town.key.norm == "tartus"
    (street,) = recognizer.find("Police closed Most Street on Friday.")
    assert street.key.named_after is None  # "Most" is an ordinary word, not a town
    (park,) = recognizer.find("Volunteers cleaned Paris Lake Park on Saturday.")
    assert park.key.kinds == frozenset()  # named, never placed: not the town in its name


COUNTIES = frozenset({"harlan county", "bell county", "knox county", "caddo parish", "saint clair county"})


@pytest.fixture(scope="module")
def county_recognizer() -> NameRecognizer:
    return NameRecognizer(NAMES, DEMONYMS, lambda norm: STRENGTH.get(norm, "weak"), extra_names=COUNTIES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Crews from Harlan, Bell and Knox counties helped.",
            ["harlan county", "bell county", "knox county"],
        ),
        ("In Harlan and Bell counties the roads closed.", ["harlan county", "bell county"]),
        ("Storms Batter Harlan, Bell And Knox Counties", ["harlan county", "bell county", "knox county"]),
        ("Storms hit Caddo and Paris parishes.", ["caddo parish", "paris"]),  # no Paris Parish: as it was
        ("Crews from St. Clair and Knox counties helped.", ["saint clair county", "knox county"]),
    ],
)
def test_names_listed_before_counties_are_each_that_county(
    county_recognizer: NameRecognizer, text: str, expected: list[str]
) -> None:
    spans = county_recognizer.find(text)
    assert [s.key.norm for s in spans] == expected
    assert all(text[s.start : s.end] == s.surface for s in spans)


def test_a_lone_name_before_counties_or_a_list_without_them_is_no_county(
    county_recognizer: NameRecognizer,
) -> None:
    assert not any(s.key.norm.endswith("county") for s in county_recognizer.find("Both Bell counties voted."))
    assert not any(
        s.key.norm.endswith("county") for s in county_recognizer.find("Harlan, Bell and Knox voted for it.")
    )


LIST_PIECES = st.sampled_from(
    [
        "Harlan",
        "Bell",
        "Knox",
        "St. Clair",
        "Caddo",
        "In",
        ", ",
        " and ",
        " or ",
        " ",
        "counties",
        "parishes",
        " And ",
        " Or ",
        "Counties",
        ".",
        "x",
        "\n",
    ]
)


@given(st.lists(LIST_PIECES, max_size=40).map("".join))
def test_county_lists_keep_offsets_exact_and_spans_apart(text: str) -> None:
    recognizer = NameRecognizer(NAMES, DEMONYMS, lambda norm: "weak", extra_names=COUNTIES)
    spans = recognizer.find(text)
    assert all(text[s.start : s.end] == s.surface for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
