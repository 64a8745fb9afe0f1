"""Claim phrasings written for these tests, each with the claims it must yield and their verdicts.

One row per sentence: the text, then one tuple per claim in text order:
(kind, subject, reference or country code, claimed km rounded to 0.1, unit, compass point, verdict).
Place names are the fixture gazetteer's (tests/fixtures/gazetteer). The claims tests check the
first six fields (what was found and bound), the verify tests the verdict.
"""

from __future__ import annotations

from gazetteer import Gazetteer
from geomap.claims.extract import extract_claims
from geomap.outlines import Borders
from geomap.pipeline import Geoparser
from geomap.settings import Settings
from geomap.verify import Verifier

#: (kind, subject, reference or country, km, unit, direction, verdict)
Row = tuple[str, "str | None", "str | None", "float | None", "str | None", "str | None", str]

PHRASINGS: tuple[tuple[str, list[Row]], ...] = (
    # an appositive saying where its place lies, in names the gazetteer lacks, commas or none
    (
        "The school lies 4 km from Jablah a town in the Wolqeda Zone about 22 km from Latakia.",
        [
            ("distance", None, "Jablah", 4.0, "km", None, "unverifiable"),
            ("distance", "Jablah", "Latakia", 22.0, "km", None, "holds"),
        ],
    ),
    (
        "Jablah, a town in the Wolqeda district, about 22 km south of Latakia, was shelled.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah, a port in the north, lies some 60 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "contradicted")],
    ),
    (
        "Jablah a coastal town in Latakia province about 22 km south of Latakia was shelled.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah, a coastal town in Latakia province, about 22 km south of Latakia, was shelled.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # an appositive's noun may be any kind of settlement: a hill station, a spa, a seaport
    (
        "Jablah, a hill station 22 km south of Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah, a small seaport some 22 km south of Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # a works named after its town is measured from the town; "the city" is then another one
    (
        "Troops entered Latakia, where the Jablah plant lies 22 km south of the city.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # an appositive may say how many live there
    (
        "In Jablah, a town of 80,000 people about 22 km south of Latakia, shops closed.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # "the city" after a claim's subject is another city named before, never the subject itself
    (
        "Rescue teams reached Latakia at dawn. In Jablah, 22 km south of the city, shops closed.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # "the village of X" names X, known or not: it is never a village carried over
    (
        "Troops entered Latakia. "
        "The post lies between Jablah and Tartus two miles north of the village of Zorvath.",
        [("direction", None, None, 3.2, "mi", "N", "unverifiable")],
    ),
    # "the provincial capital" with no province's seat named before it (the full gazetteer's
    # tests, tests/geomap/claims/test_real_claims.py, bind one named before)
    (
        "Jablah lies 22 km south of the provincial capital.",
        [("direction", "Jablah", None, 22.0, "km", "S", "unverifiable")],
    ),
    # an aside that ends in a name is about that name, not the place before it
    (
        "Troops took Latakia, and pushed towards Qorvath al-Zeit, 20 km south of Damascus.",
        [("direction", None, "Damascus", 20.0, "km", "S", "unverifiable")],
    ),
    (
        "Jablah, which the army took in 2019, lies 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # a division's word after its name makes it an area, not the claim's point
    (
        "Idlib province, 30 km west of Aleppo, was shelled.",
        [("direction", None, "Aleppo", 30.0, "km", "W", "unverifiable")],
    ),
    (
        "Troops entered Idlib province, 30 km west of Aleppo.",
        [("direction", None, "Aleppo", 30.0, "km", "W", "unverifiable")],
    ),
    # a chapel or museum named before is measured from the town it stands in
    (
        "The old chapel stands in Jablah. The chapel lies some 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        # a guessed antecedent never contradicts: a wrong figure leaves it unverifiable
        "A war museum opened in Jablah. The museum is 80 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 80.0, "km", "S", "unverifiable")],
    ),
    # compass phrasings
    (
        "Jablah lies 22 km to the south-west of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SW", "contradicted")],
    ),
    (
        "Jablah lies 22 km to the southwest of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SW", "contradicted")],
    ),
    ("Jablah lies 22 km south of Latakia.", [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")]),
    (
        # 56° off: a fine point allows as much as a half-cardinal (news' compass words are loose)
        "Jablah lies 22 km south-southwest of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SSW", "holds")],
    ),
    (
        # 56° off: a fine point allows as much as a half-cardinal (news' compass words are loose)
        "Jablah lies 22 km SSW of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SSW", "holds")],
    ),
    (
        "Jablah lies 22 km SW of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SW", "contradicted")],
    ),
    (
        "Jablah lies 22 km south west of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SW", "contradicted")],
    ),
    (
        "Jablah lies 22 km south–west of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SW", "contradicted")],
    ),
    (
        "Jablah lies 22 km south‑west of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SW", "contradicted")],
    ),
    (
        "Jablah is located 22 km south-west from Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "SW", "contradicted")],
    ),
    (
        "Jablah, 22 km to the south of Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    ("Homs lies 140 km north of Damascus.", [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")]),
    (
        "Homs lies 140 km to the north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    ("Homs lies 140 km N of Damascus.", [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")]),
    (
        "Homs lies 140 km north-northeast of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "NNE", "holds")],
    ),
    ("Homs is 140 km NNE of Damascus.", [("direction", "Homs", "Damascus", 140.0, "km", "NNE", "holds")]),
    (
        "Latakia lies 22 km north-east of Jablah.",
        [("direction", "Latakia", "Jablah", 22.0, "km", "NE", "contradicted")],
    ),
    (
        "Latakia lies 22 km north east of Jablah.",
        [("direction", "Latakia", "Jablah", 22.0, "km", "NE", "contradicted")],
    ),
    (
        "Latakia lies 22 km NE of Jablah.",
        [("direction", "Latakia", "Jablah", 22.0, "km", "NE", "contradicted")],
    ),
    (
        "Tripoli lies 85 km north of Beirut.",
        [("direction", "Tripoli", "Beirut", 85.0, "km", "N", "contradicted")],
    ),
    ("Haifa is 90 km north of Tel Aviv.", [("direction", "Haifa", "Tel Aviv", 90.0, "km", "N", "holds")]),
    (
        "Aleppo lies 310 km north of Damascus.",
        [("direction", "Aleppo", "Damascus", 310.0, "km", "N", "holds")],
    ),
    ("Idlib lies 56 km south-west of Aleppo.", [("direction", "Idlib", "Aleppo", 56.0, "km", "SW", "holds")]),
    ("Kharkiv lies 410 km east of Kyiv.", [("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds")]),
    (
        "Mariupol is about 100 km south of Donetsk.",
        [("direction", "Mariupol", "Donetsk", 100.0, "km", "S", "holds")],
    ),
    (
        "Tel Aviv lies 55 km west of Jerusalem.",
        [("direction", "Tel Aviv", "Jerusalem", 55.0, "km", "W", "holds")],
    ),
    ("Amman lies 70 km east of Jerusalem.", [("direction", "Amman", "Jerusalem", 70.0, "km", "E", "holds")]),
    # units
    ("Homs is 87 miles north of Damascus.", [("direction", "Homs", "Damascus", 140.0, "mi", "N", "holds")]),
    ("Homs is 87 mi north of Damascus.", [("direction", "Homs", "Damascus", 140.0, "mi", "N", "holds")]),
    (
        "Homs is 140 kilometres north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Homs is 140 kilometers north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    ("Homs is 140 kms north of Damascus.", [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")]),
    ("Homs is 140km north of Damascus.", [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")]),
    ("Homs is 140-km north of Damascus.", [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")]),
    (
        "Jablah lies 12 nautical miles north of Baniyas.",
        [("direction", "Jablah", "Bāniyās", 22.2, "nmi", "N", "holds")],
    ),
    ("Jablah lies 12 nm north of Baniyas.", [("direction", "Jablah", "Bāniyās", 22.2, "nmi", "N", "holds")]),
    ("Latakia is 22,000 metres from Jablah.", [("distance", "Latakia", "Jablah", 22.0, "m", None, "holds")]),
    ("Latakia is 22,000 meters from Jablah.", [("distance", "Latakia", "Jablah", 22.0, "m", None, "holds")]),
    ("Latakia is 72,000 feet from Jablah.", [("distance", "Latakia", "Jablah", 21.9, "ft", None, "holds")]),
    ("Latakia is 24,000 yards from Jablah.", [("distance", "Latakia", "Jablah", 21.9, "yd", None, "holds")]),
    (
        "Homs is 140 km (87 miles) north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Homs is 87 miles (140 km) north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "mi", "N", "holds")],
    ),
    (
        "Homs is 140 kilometres (87 mi) north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    # numbers
    (
        "Jablah is twenty-two kilometres from Latakia.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    (
        "Jablah is twenty two kilometres from Latakia.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    ("Jablah is twenty-two km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    (
        "Homs is a hundred and forty km from Damascus.",
        [("distance", "Homs", "Damascus", 140.0, "km", None, "holds")],
    ),
    (
        "Homs is one hundred and forty kilometres north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Aleppo is three hundred and ten km north of Damascus.",
        [("direction", "Aleppo", "Damascus", 310.0, "km", "N", "holds")],
    ),
    ("Jablah is 20 or 25 km from Latakia.", [("distance", "Jablah", "Latakia", 22.5, "km", None, "holds")]),
    ("Jablah is 20-25 km from Latakia.", [("distance", "Jablah", "Latakia", 22.5, "km", None, "holds")]),
    ("Jablah is 20 to 25 km from Latakia.", [("distance", "Jablah", "Latakia", 22.5, "km", None, "holds")]),
    ("Jablah is 20–25 km from Latakia.", [("distance", "Jablah", "Latakia", 22.5, "km", None, "holds")]),
    (
        "Jablah is between 20 and 25 km from Latakia.",
        [("distance", "Jablah", "Latakia", 22.5, "km", None, "holds")],
    ),
    (
        "Jablah is between 12 and 15 miles from Latakia.",
        [("distance", "Jablah", "Latakia", 21.7, "mi", None, "holds")],
    ),
    (
        "Jablah is twenty to twenty-five kilometres from Latakia.",
        [("distance", "Jablah", "Latakia", 22.5, "km", None, "holds")],
    ),
    ("Homs lies 140.5 km north of Damascus.", [("direction", "Homs", "Damascus", 140.5, "km", "N", "holds")]),
    ("Jablah is 22.4 km from Latakia.", [("distance", "Jablah", "Latakia", 22.4, "km", None, "holds")]),
    # hedges
    ("Jablah is about 22 km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    ("Jablah is around 22 km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    ("Jablah is some 22 km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    ("Jablah is roughly 22 km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    (
        "Jablah is approximately 22 km from Latakia.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    ("Jablah is nearly 25 km from Latakia.", [("distance", "Jablah", "Latakia", 25.0, "km", None, "holds")]),
    ("Jablah is almost 25 km from Latakia.", [("distance", "Jablah", "Latakia", 25.0, "km", None, "holds")]),
    (
        "Jablah is just over 20 km from Latakia.",
        [("distance", "Jablah", "Latakia", 20.0, "km", None, "holds")],
    ),
    (
        "Jablah is just under 25 km from Latakia.",
        [("distance", "Jablah", "Latakia", 25.0, "km", None, "holds")],
    ),
    (
        "Jablah is more than 15 km from Latakia.",
        [("distance", "Jablah", "Latakia", 15.0, "km", None, "holds")],
    ),
    ("Jablah is over 15 km from Latakia.", [("distance", "Jablah", "Latakia", 15.0, "km", None, "holds")]),
    (
        "Jablah is less than 30 km from Latakia.",
        [("distance", "Jablah", "Latakia", 30.0, "km", None, "holds")],
    ),
    ("Jablah is under 30 km from Latakia.", [("distance", "Jablah", "Latakia", 30.0, "km", None, "holds")]),
    ("Jablah is within 30 km of Latakia.", [("distance", "Jablah", "Latakia", 30.0, "km", None, "holds")]),
    ("Jablah is up to 30 km from Latakia.", [("distance", "Jablah", "Latakia", 30.0, "km", None, "holds")]),
    (
        "Jablah is at least 15 km from Latakia.",
        [("distance", "Jablah", "Latakia", 15.0, "km", None, "holds")],
    ),
    ("Jablah is at most 30 km from Latakia.", [("distance", "Jablah", "Latakia", 30.0, "km", None, "holds")]),
    ("Jablah is only 22 km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    ("Jablah is a mere 22 km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    # cues
    ("Jablah is 22 km away from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    ("Jablah is 22 km from Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    ("Jablah is within 25 km of Latakia.", [("distance", "Jablah", "Latakia", 25.0, "km", None, "holds")]),
    ("Jablah sits 20 km outside Latakia.", [("distance", "Jablah", "Latakia", 20.0, "km", None, "holds")]),
    ("Jablah lies 22 km outside of Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    ("Jablah lies 22 km off Latakia.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    (
        "Jablah lies some 22 km inland from Latakia.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    ("Jablah and Latakia are 22 km apart.", [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")]),
    (
        "Jablah and Latakia, 22 km apart, were shelled.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    (
        "Fighting reached Jablah. Latakia is just 22 km away.",
        [("distance", "Latakia", "Jablah", 22.0, "km", None, "holds")],
    ),
    (
        "Jablah lies 8 km from Baniyas and some 22 km south of Latakia.",
        [
            ("distance", "Jablah", "Bāniyās", 8.0, "km", None, "contradicted"),
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
        ],
    ),
    (
        "Jablah lies 20 km from Baniyas, and about 22 km from Latakia.",
        [
            ("distance", "Jablah", "Bāniyās", 20.0, "km", None, "holds"),
            ("distance", "Jablah", "Latakia", 22.0, "km", None, "holds"),
        ],
    ),
    (
        "Jablah is 20 km north of Baniyas and 22 km south of Latakia.",
        [
            ("direction", "Jablah", "Bāniyās", 20.0, "km", "N", "holds"),
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
        ],
    ),
    # appositives and descriptions
    (
        "Idlib, a city some 56 km south-west of Aleppo, was shelled.",
        [("direction", "Idlib", "Aleppo", 56.0, "km", "SW", "holds")],
    ),
    (
        "Jablah, another coastal town about 22 km from Latakia, was quiet.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    (
        "Jablah, a small town 22 km south of Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah, the coastal town 22 km south of Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "The city of Jablah, 22 km south of Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "The town of Jablah, some 22 km from Latakia, was quiet.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    (
        "Talks in Homs (140 km north of Damascus) were postponed.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Jablah, which lies 22 km south of Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah, which Russia protects, is 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah — a port town — lies 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Rebels shelled Jablah town 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Rebels shelled Jablah city, 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # a clause between subject and claim
    (
        "Jablah is on the coast, about 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Gaza is on the Egyptian border, some 70 km south of Tel Aviv.",
        [("direction", "Gaza", "Tel Aviv", 70.0, "km", "S", "holds")],
    ),
    (
        "Jablah lies by the sea, 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah sits on a hill, some 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # near must not steal the subject
    (
        "The convoy was hit 60 km north of Homs, near Hama.",
        [("direction", None, "Homs", 60.0, "km", "N", "unverifiable")],
    ),
    (
        "Jablah, 22 km south of Latakia, near Baniyas, was calm.",
        [
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
            ("proximity", "Jablah", "Bāniyās", None, None, None, "holds"),
        ],
    ),
    ("Jablah lies near Baniyas.", [("proximity", "Jablah", "Bāniyās", None, None, None, "holds")]),
    # possessives
    (
        "Jablah lies 22 km south of Syria's Latakia.",
        [
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
            ("containment", "Latakia", "SY", None, None, None, "holds"),
        ],
    ),
    (
        "Jablah lies 22 km south of Syria's port of Latakia.",
        [
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
            ("containment", "Latakia", "SY", None, None, None, "holds"),
        ],
    ),
    (
        "The tanker was 12 nautical miles west of Syria's Jablah.",
        [
            ("direction", None, "Jablah", 22.2, "nmi", "W", "unverifiable"),
            ("containment", "Jablah", "SY", None, None, None, "holds"),
        ],
    ),
    (
        "Homs lies 140 km north of Syria's capital Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    # capitals described or named
    (
        "Homs lies 140 km north of the Syrian capital.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Homs lies 140 km north of the capital of Syria.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Homs lies 140 km north of the Syrian capital Damascus.",
        [
            ("direction", "Homs", "Damascus", 140.0, "km", "N", "holds"),
            ("containment", "Damascus", "SY", None, None, None, "holds"),
        ],
    ),
    (
        "Homs lies 140 km north of the capital, Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Homs lies 140 km north of the capital city Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Idlib lies 56 km south-west of the provincial capital Aleppo.",
        [("direction", "Idlib", "Aleppo", 56.0, "km", "SW", "holds")],
    ),
    (
        "Jablah lies 22 km south of the regional capital Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "DAMASCUS (Reuters) - Fighting raged in Homs, 140 km north of the capital.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    # carried-over subjects
    (
        "Homs is a city in Syria. It lies 140 km north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Jablah is a coastal town. It lies about 22 km south of Latakia and 20 km north of Baniyas.",
        [
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
            ("direction", "Jablah", "Bāniyās", 20.0, "km", "N", "holds"),
        ],
    ),
    (
        "Aleppo was quiet. The city lies 310 km north of Damascus.",
        [("direction", "Aleppo", "Damascus", 310.0, "km", "N", "holds")],
    ),
    (
        "Jablah was calm on Monday. The town is 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah is a town. It lies 60 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "contradicted")],
    ),
    (
        "Homs is a city in Syria. Rebels hold Jablah. It lies 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah was calm. Shelling hit it 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # text in capitals
    (
        "GUERRILLAS ATTACKED JABLAH, WHICH LIES 22 KM SOUTH OF LATAKIA, THE POLICE SAID TODAY.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "THE ATTACK TOOK PLACE IN HOMS, ABOUT 140 KM NORTH OF THE SYRIAN CAPITAL, POLICE SAID.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        # a short line counts as in capitals when the whole text is
        "TROOPS ENTERED IDLIB, 56 KM SOUTHWEST OF ALEPPO.\nTHE ARMY SAID THE TOWN FELL AFTER A DAY OF WAR.",
        [("direction", "Idlib", "Aleppo", 56.0, "km", "SW", "holds")],
    ),
    (
        "THE BOMB EXPLODED IN HOMS, SOME 140 KILOMETERS NORTH OF DAMASCUS.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "DAMASCUS, 3 MAY (AFP) -- REBELS TOOK HOMS, 140 KM NORTH OF THE CAPITAL.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    # routes
    (
        "The 400 km trip between Aleppo and Damascus took two days.",
        [("route", "Aleppo", "Damascus", 400.0, "km", None, "holds")],
    ),
    (
        "The 400-km road between Aleppo and Damascus was cut.",
        [("route", "Aleppo", "Damascus", 400.0, "km", None, "holds")],
    ),
    (
        "Aleppo is a 400-km drive from Damascus.",
        [("route", "Aleppo", "Damascus", 400.0, "km", None, "holds")],
    ),
    (
        "Aleppo is 400 km by road from Damascus.",
        [("route", "Aleppo", "Damascus", 400.0, "km", None, "holds")],
    ),
    (
        "Jablah is 30 km from Latakia along the coast road.",
        [("route", "Jablah", "Latakia", 30.0, "km", None, "holds")],
    ),
    ("Jablah is 30 km by rail from Latakia.", [("route", "Jablah", "Latakia", 30.0, "km", None, "holds")]),
    (
        "The 180 km drive from Homs to Damascus took four hours.",
        [("route", "Homs", "Damascus", 180.0, "km", None, "holds")],
    ),
    (
        "The 100 km trip between Aleppo and Damascus took two days.",
        [("route", "Aleppo", "Damascus", 100.0, "km", None, "unverifiable")],
    ),
    # borders
    (
        "Jablah lies 10 km from the Turkish border.",
        [("border_distance", "Jablah", "TR", 10.0, "km", None, "contradicted")],
    ),
    (
        "Idlib lies some 30 km from the border with Turkey.",
        [("border_distance", "Idlib", "TR", 30.0, "km", None, "holds")],
    ),
    (
        "Idlib is about 30 km south of the Turkish border.",
        [("border_distance", "Idlib", "TR", 30.0, "km", "S", "holds")],
    ),
    ("Idlib lies some 20 km inside Syria.", [("border_distance", "Idlib", "SY", 20.0, "km", None, "holds")]),
    ("Jablah is 30 km from Lebanon.", [("distance", "Jablah", "Lebanon", 30.0, "km", None, "contradicted")]),
    # no claim: unnamed ends, lengths, heights, speeds
    ("The wall is 15 metres from the road.", []),
    # a named reference the gazetteer lacks: reported, unverifiable, with no known end
    (
        "The hut is 11 km south-west of Mount Zogbar.",
        [("direction", None, None, 11.0, "km", "SW", "unverifiable")],
    ),
    (
        "It lies 9 kilometres (5.6 mi) west of Qorvath and 4 km north of Zell Pike.",
        [
            ("direction", None, None, 9.0, "km", "W", "unverifiable"),
            ("direction", None, None, 4.0, "km", "N", "unverifiable"),
        ],
    ),
    ("The kicker stood 12 yards from the Zogbar Stand.", []),
    ("The ball landed 40 metres from Gate Seven.", []),
    ("The convoy drove 300 km across the desert.", []),
    ("The pipeline runs 60 km.", []),
    ("The hill rises 800 m above the plain.", []),
    ("The jets flew at 900 km an hour.", []),
    ("A 40 km stretch of road was repaired.", []),
    ("The lake covers 200 square km.", []),
    ("He ran 10 km on Sunday.", []),
    ("The storm was 300 miles off the coast.", []),
    ("The ship sailed 20 nautical miles.", []),
    ("The front line moved 5 km overnight.", []),
    ("The stadium seats 40,000 people.", []),
    ("Prices rose 20 m dollars.", []),
    # more places, true and false
    (
        "Kharkiv lies about 410 km east of Kyiv.",
        [("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds")],
    ),
    (
        "Kharkiv lies about 410 km west of Kyiv.",
        [("direction", "Kharkiv", "Kyiv", 410.0, "km", "W", "contradicted")],
    ),
    (
        "Kharkiv lies about 1,000 km east of Kyiv.",
        [("direction", "Kharkiv", "Kyiv", 1000.0, "km", "E", "contradicted")],
    ),
    (
        "Donetsk is some 100 km north of Mariupol.",
        [("direction", "Donetsk", "Mariupol", 100.0, "km", "N", "holds")],
    ),
    (
        "Donetsk is some 100 km south of Mariupol.",
        [("direction", "Donetsk", "Mariupol", 100.0, "km", "S", "contradicted")],
    ),
    (
        "Gaziantep lies 100 km north of Aleppo.",
        [("direction", "Gaziantep", "Aleppo", 100.0, "km", "N", "holds")],
    ),
    (
        "Gaziantep is about 100 km north of Aleppo.",
        [("direction", "Gaziantep", "Aleppo", 100.0, "km", "N", "holds")],
    ),
    (
        "Aleppo is about 100 km south of Gaziantep.",
        [("direction", "Aleppo", "Gaziantep", 100.0, "km", "S", "holds")],
    ),
    ("Beirut is 85 km west of Damascus.", [("direction", "Beirut", "Damascus", 85.0, "km", "W", "holds")]),
    ("Damascus is 85 km east of Beirut.", [("direction", "Damascus", "Beirut", 85.0, "km", "E", "holds")]),
    (
        "Damascus lies 85 km west of Beirut.",
        [("direction", "Damascus", "Beirut", 85.0, "km", "W", "contradicted")],
    ),
    (
        "Haifa lies 130 km north of Jerusalem.",
        [("direction", "Haifa", "Jerusalem", 130.0, "km", "N", "holds")],
    ),
    ("Mosul is 400 km north of Baghdad.", [("direction", "Mosul", "Baghdad", 400.0, "km", "N", "holds")]),
    (
        "Mosul is 400 km south of Baghdad.",
        [("direction", "Mosul", "Baghdad", 400.0, "km", "S", "contradicted")],
    ),
    (
        "Baghdad is about 400 km south-east of Mosul.",
        [("direction", "Baghdad", "Mosul", 400.0, "km", "SE", "holds")],
    ),
    (
        "Alexandria is 180 km north-west of Cairo.",
        [("direction", "Alexandria", "Cairo", 180.0, "km", "NW", "holds")],
    ),
    (
        "Alexandria is 180 km north-east of Cairo.",
        [("direction", "Alexandria", "Cairo", 180.0, "km", "NE", "contradicted")],
    ),
    (
        "Ankara lies 350 km east of Istanbul.",
        [("direction", "Ankara", "Istanbul", 350.0, "km", "E", "holds")],
    ),
    (
        "Moscow is 630 km south-east of Saint Petersburg.",
        [("direction", "Moscow", "Saint Petersburg", 630.0, "km", "SE", "holds")],
    ),
    (
        "Cairo is 400 km from Alexandria.",
        [("distance", "Cairo", "Alexandria", 400.0, "km", None, "contradicted")],
    ),
    ("Homs is 400 km from Damascus.", [("distance", "Homs", "Damascus", 400.0, "km", None, "contradicted")]),
    (
        "Jablah is 60 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "contradicted")],
    ),
    (
        "Homs lies 350 km north of Damascus.",
        [("direction", "Homs", "Damascus", 350.0, "km", "N", "contradicted")],
    ),
    # hedged bounds, true and false
    (
        "Homs is more than 100 km from Damascus.",
        [("distance", "Homs", "Damascus", 100.0, "km", None, "holds")],
    ),
    (
        "Homs is more than 300 km from Damascus.",
        [("distance", "Homs", "Damascus", 300.0, "km", None, "contradicted")],
    ),
    (
        "Homs is less than 200 km from Damascus.",
        [("distance", "Homs", "Damascus", 200.0, "km", None, "holds")],
    ),
    (
        "Homs is less than 50 km from Damascus.",
        [("distance", "Homs", "Damascus", 50.0, "km", None, "contradicted")],
    ),
    # 22.5 km apart: the sum of both towns' extents (10.4 km) used to let this pass
    (
        "Jablah is within 10 km of Latakia.",
        [("distance", "Jablah", "Latakia", 10.0, "km", None, "contradicted")],
    ),
    ("Jablah is nearly 30 km from Latakia.", [("distance", "Jablah", "Latakia", 30.0, "km", None, "holds")]),
    (
        "Jablah is just over 80 km from Latakia.",
        [("distance", "Jablah", "Latakia", 80.0, "km", None, "contradicted")],
    ),
    # ranges, true and false
    ("Homs is 130-150 km north of Damascus.", [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")]),
    (
        "Homs is 300-350 km north of Damascus.",
        [("direction", "Homs", "Damascus", 325.0, "km", "N", "contradicted")],
    ),
    (
        "Homs is between 130 and 150 km north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    # capitals wire copy
    (
        "BEIRUT (Reuters) - Shelling hit Tripoli, 70 km north of the capital, on Monday.",
        [("direction", "Tripoli", "Beirut", 70.0, "km", "N", "holds")],
    ),
    (
        "BEIRUT, May 3 (Reuters) - Shelling hit Tripoli, about 70 km north of the capital, on Monday.",
        [("direction", "Tripoli", "Beirut", 70.0, "km", "N", "holds")],
    ),
    (
        "KYIV (Reuters) - Russian missiles struck Kharkiv, about 410 km east of the capital, officials said.",
        [("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds")],
    ),
    (
        "KYIV (Reuters) - Missiles struck Kharkiv, about 410 km east of the Ukrainian capital, they said.",
        [("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds")],
    ),
    (
        "Missiles struck Kharkiv, about 410 km east of the capital of Ukraine.",
        [("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds")],
    ),
    (
        "Missiles struck Kharkiv, about 410 km east of the Ukrainian capital Kyiv.",
        [
            ("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds"),
            ("containment", "Kyiv", "UA", None, None, None, "holds"),
        ],
    ),
    # carried over
    (
        "Kharkiv was hit again. The city lies about 410 km east of Kyiv.",
        [("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds")],
    ),
    (
        "Kharkiv is Ukraine's second city. It lies about 410 km east of Kyiv.",
        [("direction", "Kharkiv", "Kyiv", 410.0, "km", "E", "holds")],
    ),
    (
        "Kharkiv is Ukraine's second city. It lies about 900 km east of Kyiv.",
        [("direction", "Kharkiv", "Kyiv", 900.0, "km", "E", "contradicted")],
    ),
    (
        "Mariupol is a port. It is some 100 km south of Donetsk.",
        [("direction", "Mariupol", "Donetsk", 100.0, "km", "S", "holds")],
    ),
    (
        "Tripoli is a port city. It lies 70 km north of Beirut and 85 km north-west of Homs.",
        [
            ("direction", "Tripoli", "Beirut", 70.0, "km", "N", "holds"),
            ("direction", "Tripoli", "Homs", 85.0, "km", "NW", "contradicted"),
        ],
    ),
    (
        "Jablah was shelled. Latakia lies 22 km north of it.",
        [("direction", "Latakia", "Jablah", 22.0, "km", "N", "holds")],
    ),
    # a sentence that opens with "It is located ..." or "The town lies ..."
    (
        "Jablah is a town. It is located on the coast at the foot of the hills 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah is a town. The town lies between the hills and the sea about 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah is a town on the coast. It lies in western Syria about 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah is a town on the coast. It lies 22 km south of Qurdaha and 20 km north of Baniyas.",
        [
            ("direction", "Jablah", None, 22.0, "km", "S", "unverifiable"),
            ("direction", "Jablah", "Bāniyās", 20.0, "km", "N", "holds"),
        ],
    ),
    # a guessed antecedent is never contradicted; a firm one is
    (
        "Rebels hold Jablah. It lies 60 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "unverifiable")],
    ),
    (
        "Shelling hit Jablah on Monday. The town lies 60 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "unverifiable")],
    ),
    (
        "Jablah was quiet. The town lies 60 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "contradicted")],
    ),
    (
        "Homs is a city. Aleppo lies 400 km north. It lies 350 km north of Damascus.",
        [("direction", "Aleppo", "Damascus", 350.0, "km", "N", "holds")],
    ),
    # planted figures, two and a half times the true one
    (
        "Jablah lies 56 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 56.0, "km", "S", "contradicted")],
    ),
    (
        "Jablah is some 56 km from Latakia.",
        [("distance", "Jablah", "Latakia", 56.0, "km", None, "contradicted")],
    ),
    (
        "Idlib lies 140 km south-west of Aleppo.",
        [("direction", "Idlib", "Aleppo", 140.0, "km", "SW", "contradicted")],
    ),
    (
        "Homs lies 350 km north of Damascus.",
        [("direction", "Homs", "Damascus", 350.0, "km", "N", "contradicted")],
    ),
    (
        "Tel Aviv lies 135 km west of Jerusalem.",
        [("direction", "Tel Aviv", "Jerusalem", 135.0, "km", "W", "contradicted")],
    ),
    (
        "Kharkiv lies about 1,025 km east of Kyiv.",
        [("direction", "Kharkiv", "Kyiv", 1025.0, "km", "E", "contradicted")],
    ),
    # borders: named, unnamed (the land border, not the coast), a division's
    (
        "Idlib lies 26 km from the border with Turkey.",
        [("border_distance", "Idlib", "TR", 26.0, "km", None, "holds")],
    ),
    (
        "Idlib is about 26 km south of the Turkish border.",
        [("border_distance", "Idlib", "TR", 26.0, "km", "S", "holds")],
    ),
    (
        "Idlib lies some 30 km from the border.",
        [("border_distance", "Idlib", None, 30.0, "km", None, "holds")],
    ),
    (
        "Latakia lies 40 km from the border.",
        [("border_distance", "Latakia", None, 40.0, "km", None, "holds")],
    ),
    (
        "Latakia lies 5 km from the border.",
        [("border_distance", "Latakia", None, 5.0, "km", None, "unverifiable")],
    ),
    (
        "Latakia lies some 40 km inside Syria.",
        [("border_distance", "Latakia", "SY", 40.0, "km", None, "holds")],
    ),
    (
        "Latakia lies some 120 km inside Syria.",
        [("border_distance", "Latakia", "SY", 120.0, "km", None, "contradicted")],
    ),
    (
        "Jablah lies 30 km from the Latakia border.",
        [("border_distance", "Jablah", None, 30.0, "km", None, "unverifiable")],
    ),
    (
        "Idlib, a town some 26 km from the Turkish border, was shelled.",
        [("border_distance", "Idlib", "TR", 26.0, "km", None, "holds")],
    ),
    # more of the shapes, written for these tests
    (
        "Jablah lies 12 nautical miles off the coast of Latakia.",
        [("distance", "Jablah", "Latakia", 22.2, "nmi", None, "holds")],
    ),
    (
        "The city of Jablah, 22 km south of the capital Latakia, was quiet.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Jablah, another coastal town some 22 km from Latakia, was quiet.",
        [("distance", "Jablah", "Latakia", 22.0, "km", None, "holds")],
    ),
    (
        "Homs is 140 km (87 miles) to the north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Jablah lies 14 miles (22 km) to the south-east of Latakia.",
        [("direction", "Jablah", "Latakia", 22.5, "mi", "SE", "holds")],
    ),
    (
        "Jablah lies 22 km SE of Latakia and 20 km N of Baniyas.",
        [
            ("direction", "Jablah", "Latakia", 22.0, "km", "SE", "holds"),
            ("direction", "Jablah", "Bāniyās", 20.0, "km", "N", "holds"),
        ],
    ),
    (
        "Jablah lies 22 km from Latakia, near Baniyas.",
        [
            ("distance", "Jablah", "Latakia", 22.0, "km", None, "holds"),
            ("proximity", "Jablah", "Bāniyās", None, None, None, "holds"),
        ],
    ),
    (
        "Idlib lies sixty kilometres south-west of Aleppo.",
        [("direction", "Idlib", "Aleppo", 60.0, "km", "SW", "holds")],
    ),
    (
        "Idlib lies fifty-six kilometres south-west of Aleppo.",
        [("direction", "Idlib", "Aleppo", 56.0, "km", "SW", "holds")],
    ),
    (
        "Idlib lies 56 kilometres south west of Aleppo.",
        [("direction", "Idlib", "Aleppo", 56.0, "km", "SW", "holds")],
    ),
    (
        "Homs lies some 140 km north of Damascus, the Syrian capital.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Homs, Syria's third city, lies 140 km north of Damascus.",
        [("direction", "Homs", "Damascus", 140.0, "km", "N", "holds")],
    ),
    (
        "Mariupol, the port city, lies some 100 km south of Donetsk.",
        [("direction", "Mariupol", "Donetsk", 100.0, "km", "S", "holds")],
    ),
    (
        "The Syrian town of Jablah lies 22 km south of Latakia.",
        [
            ("containment", "Jablah", "SY", None, None, None, "holds"),
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
        ],
    ),
    # a building is measured from the settlement it was said to be in; a guess never contradicts
    (
        "The old hospital stands in Jablah, on the coast. The hospital lies some 25 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 25.0, "km", "S", "holds")],
    ),
    (
        "The mill is in Jablah. The mill lies 22 km north of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "N", "unverifiable")],
    ),
    (
        "Jablah has a new campus. The campus lies about 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    # a carried-over subject is never the claim's own reference
    (
        "Shelling hit the town of Jablah in Latakia province. Residents fled the town, some 22 km "
        "south of the provincial capital Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Shelling hit Latakia. Residents fled the city, some 22 km north of Latakia.",
        [("direction", None, "Latakia", 22.0, "km", "N", "unverifiable")],
    ),
    (
        "Shelling hit the town of Jablah on Monday. Twelve died in the town in Latakia province "
        "around 22 km south of the provincial capital Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "Shelling hit the town of Jablah on Monday. Twelve died in the town in Latakia province "
        "around 60 km south of the provincial capital Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "unverifiable")],
    ),
    # a chain of containment said in words leads back to its town; a bare list does not
    (
        "The school is located in Jablah in the Latakia Governorate of western Syria, about 22 km "
        "south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "The college is located in Jablah in the coastal plain of Latakia Governorate of western "
        "Syria, about 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "The school is located in Jablah Latakia Governorate Syria about 22 km south of Latakia.",
        [("direction", "Syria", "Latakia", 22.0, "km", "S", "unverifiable")],
    ),
    # ...while commas listing an address lead back to its town, unless a name is listed before it
    (
        "The school is located in Jablah, Latakia Governorate, Syria, about 22 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds")],
    ),
    (
        "The school is located in Jablah, Latakia Governorate, Syria, about 60 km south of Latakia.",
        [("direction", "Jablah", "Latakia", 60.0, "km", "S", "contradicted")],
    ),
    (
        "The depot is in Kemal, Tartus, Syria, about 20 km south of Latakia.",
        [("direction", "Syria", "Latakia", 20.0, "km", "S", "unverifiable")],
    ),
    (
        "The depot is in Kemal, Tartus, about 20 km south of Latakia.",
        [("direction", None, "Latakia", 20.0, "km", "S", "unverifiable")],
    ),
    # a division after "in" says where the subject lies; it is never the subject itself
    (
        "It lies in Rif Dimashq, some 20 km north of Damascus.",
        [("direction", None, "Damascus", 20.0, "km", "N", "unverifiable")],
    ),
    (
        "The farm lies in Rif Dimashq, about 20 km north of Damascus.",
        [("direction", None, "Damascus", 20.0, "km", "N", "unverifiable")],
    ),
    (
        "The village lies in Homs province, 30 km west of Hama.",
        [("direction", None, "Ḩamāh", 30.0, "km", "W", "unverifiable")],
    ),
    (
        "Jablah is in western Syria about 22 km south of Latakia.",
        [
            ("direction", "Jablah", "Latakia", 22.0, "km", "S", "holds"),
            ("containment", "Jablah", "SY", None, None, None, "holds"),
        ],
    ),
    # ...but a bare name a division shares with its seat is the town
    (
        "Fighting raged in Homs, 160 km north of Damascus.",
        [("direction", "Homs", "Damascus", 160.0, "km", "N", "holds")],
    ),
    # text that lost its accented letters ("Bāniyās" read as "Bniys")
    (
        "Bniys lies some 30 km north of Tartus.",
        [("direction", "Bāniyās", "Ţarţūs", 30.0, "km", "N", "holds")],
    ),
    (
        "Bniys lies some 75 km north of Tartus.",
        [("direction", "Bāniyās", "Ţarţūs", 75.0, "km", "N", "contradicted")],
    ),
    # a name after "in" before "said" is where people spoke, not who spoke
    (
        "Officials in Hama said the road was open. It lies about 190 km north of Damascus.",
        [("direction", "Ḩamāh", "Damascus", 190.0, "km", "N", "holds")],
    ),
)


def found(pair: tuple[Geoparser, Verifier], text: str) -> list[Row]:
    """The rows geomap yields for `text`: what each claim binds, and its verdict."""
    parser, verifier = pair
    rows: list[Row] = []
    for claim in extract_claims(text, parser.parse(text), parser.capital_of):
        subject = claim.subject.place.name if claim.subject and claim.subject.place else None
        reference = claim.reference.place.name if claim.reference and claim.reference.place else None
        quantity = claim.quantity
        rows.append(
            (
                claim.kind.value,
                subject,
                reference or claim.country,
                round(quantity.km, 1) if quantity else None,
                quantity.unit if quantity else None,
                claim.direction,
                verifier.verify(claim).status.value,
            )
        )
    return rows


def tools(gazetteer: Gazetteer) -> tuple[Geoparser, Verifier]:
    """The geoparser (on the fixture gazetteer) and the default verifier the phrasing tests run."""
    return Geoparser(gazetteer), Verifier(Settings(), Borders())
