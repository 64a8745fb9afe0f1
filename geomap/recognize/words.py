"""Word lists recognition consults: titles, qualifying words, calendar words, never-places, diseases."""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a block of text (keeps long word lists readable)."""
    return text.split()


#: Words after a place name that make it the name of a disease: "West Nile virus", "Lyme disease".
DISEASE_WORDS = frozenset(
    {
        "virus",
        "viruses",
        "ebolavirus",
        "disease",
        "fever",
        "hemorrhagic",
        "haemorrhagic",
        "encephalitis",
        "syndrome",
    }
)
#: Words before a name that make it a person's or an office's: "President Assad".
TITLES = frozenset(
    _words(
        """
        mr mrs ms miss dr prof president vice minister premier chancellor king queen prince princess
        pope sheikh shaikh emir sultan general gen lt col colonel capt captain sgt sergeant major
        maj adm admiral rev reverend father sister brother judge justice senator sen rep
        representative gov governor mayor secretary ambassador commissioner chief sir lord lady dame
        saint officer deputy director coach professor bishop cardinal imam rabbi ayatollah mullah
        comrade cpl spokesman spokeswoman agent detective trooper corporal private sheriff marshal
        del
        """
    )
)
#: Roles written before a person's name ("founder Elon Musk", "striker Harry Kane"), titles too,
#: but a country's name after one is no person: "its founder France Football".
ROLES = frozenset(
    _words(
        """
        founder cofounder co-founder executive ceo chairman chairwoman billionaire tycoon
        entrepreneur striker midfielder defender goalkeeper winger actor actress singer rapper
        author novelist
        """
    )
)
#: Capitalised words that qualify a following place rather than make it a person's name.
MODIFIERS = frozenset(
    _words(
        """
        north south east west northern southern eastern western central upper lower greater
        northeast northwest southeast southwest northeastern northwestern southeastern southwestern
        downtown metro metropolitan suburban rural coastal inner outer old new mid far near occupied
        free republic kingdom state province county city town village district region governorate
        oblast mount lake port fort camp cape gulf bay
        """
    )
)
#: Day and month names: capitalised, yet never a first name before a place ("Friday at Athens");
#: April, June and August are left out: they are first names too.
CALENDAR = frozenset(
    _words(
        """
        monday tuesday wednesday thursday friday saturday sunday january february march july
        september october november december
        """
    )
)
#: Words that are never places in prose, whatever some gazetteer alternate name says:
#: calendar words, religious and institutional names used as metonyms.
NEVER = (
    CALENDAR
    | frozenset(
        _words(
            """
        april june august christmas easter god allah jesus jan feb mar
        apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun arab arabs jewish muslim
        muslims christian catholic islamic olympic olympics capitol pentagon kremlin hamas hezbollah
        fatah likud taliban
        """
        )
    )
    | {"white house", "downing street", "capitol hill", "wall street"}
    | TITLES
)
#: Organisations named after the country or continent they work in, which news names far more
#: often than it means a place by those words: parties and councils.
ORGANISATIONS = (
    "United Russia",
    "A Just Russia",
    "Forza Italia",
    "Alternative for Germany",
    "Council of Europe",
    "State Duma",
)
#: Titles that, written in lower case, are ordinary words: "expected to miss Rochester",
#: "the general Atlanta area", "a private Boston clinic".
LOWERCASE_NOT_TITLES = frozenset(
    _words("miss general major private marshal chief agent officer deputy director father sister brother del")
)
#: Capitalised words that, after a town's name, make it part of a building's: "Fairview Mall".
BUILDING_HEADS = frozenset(
    _words(
        """
        university college school academy institute seminary hospital clinic church cathedral chapel
        mosque temple mall plaza stadium arena library museum theater theatre hotel
        """
    )
)
#: Words right after a small town's name that show it is a place: "Lindsay police", "an Alton man".
LOCAL_NOUNS = frozenset(
    _words(
        """
        police officer officers man woman men women couple family resident residents native
        natives area officials council mayor city town county school schools
        """
    )
)
#: Words before a city's name that make it a sports club's: "Real Madrid", "Atletico Madrid".
CLUB_PREFIXES = frozenset(_words("real atletico atlético dynamo dinamo sporting olympique club"))
#: Words of a region's name made of bearings alone ("Far North", "North West"): before another
#: place's name they only say which part of it ("Far North Queensland").
BEARING_WORDS = frozenset(
    _words("far north south east west northern southern eastern western central upper lower mid")
)
#: Heads of a firm's name, a word or two after a town's: "Campbell Soup Company". (Not a school's
#: or a civic centre's: "Mount Pleasant High School" still says where it is.)
INSTITUTION_HEADS = frozenset(_words("company corporation"))
#: The last word of a street's or a road's name, as news writes it: "Main Street", "Elm St.",
#: "Rest Acres Road". Case counts: "the street" and "Street" alone are no street's name.
STREET_HEADS = frozenset(
    {
        "Street",
        "St.",
        "St",
        "Road",
        "Rd",
        "Avenue",
        "Ave",
        "Boulevard",
        "Blvd",
        "Lane",
        "Drive",
        "Parkway",
        "Pike",
    }
)
#: Street words that are common surnames too: after a given name, a person's ("Diane Lane",
#: "Rosamund Pike"), where "George Street" stays a street.
STREET_HEADS_THAT_ARE_SURNAMES = frozenset({"Lane", "Pike"})
#: The last word of a local feature's name: "Pine Hollow Lake Park", "Eagle Creek Reservoir",
#: "Puget Sound". Such names are read whole, as streets are: their first words are often a
#: town's name ("Lake Park", "Eagle Creek", "Puget") that the feature is not.
FEATURE_HEADS = frozenset(
    {"Park", "Creek", "Reservoir", "Pond", "Sound", "Forest", "Canyon", "Preserve", "Refuge", "Lake", "River"}
)
#: Feature words that are common surnames too: after a given name, a person's ("Sarah Park").
FEATURE_HEADS_THAT_ARE_SURNAMES = frozenset({"Park", "Lake", "Forest", "River"})
#: Capitalised words that, after a name that is no country or big city, make it a broadcaster's:
#: "Al Masirah TV" is no Omani island.
MEDIA_HEADS = frozenset(_words("tv television radio channel"))
#: Capitalised words that continue a name as its head ("Lincoln Park", "George Street", "Charlotte
#: Observer"): never a surname after a given name.
NAME_HEADS = (
    BUILDING_HEADS
    | MEDIA_HEADS
    | frozenset(
        _words(
            """
        center centre hall airport station county city town township village parish district province state
        park street avenue road square court drive boulevard lane bridge lake river creek mountain
        mount beach island bay valley falls springs heights hills harbor harbour port point
        observer times post news herald tribune journal gazette daily press club company corp inc
        """
        )
    )
)
