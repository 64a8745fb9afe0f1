"""Hand-made reports for the renderer's tests: value objects built directly, no pipeline."""

from __future__ import annotations

from gazetteer import Place
from geomap.model import (
    Article,
    ArticleResult,
    Claim,
    Mention,
    MentionKind,
    Quantity,
    Report,
    Status,
    Verdict,
)

PLACE, DEMONYM = MentionKind.PLACE, MentionKind.DEMONYM
HOLDS = Status.HOLDS

KHMEIMIM = Place(
    "site:khmeimim-air-base", "Khmeimim Air Base", "air_base", 35.4011, 35.9486, "SY", source="curated"
)
TARTUS = Place("geonames:170794", "Tartus", "city", 34.8890, 35.8866, "SY", "Tartus", 115769, "geonames")
LATAKIA = Place("geonames:173579", "Latakia", "city", 35.5312, 35.7909, "SY", "Latakia", 340181, "geonames")
SYRIA = Place("geonames:163843", "Syria", "country", 35.0, 38.0, "SY", source="geonames")
RUSSIA = Place("geonames:2017370", "Russia", "country", 60.0, 100.0, "RU", source="geonames")

#: Strings that would run script if any of them reached the page unescaped.
PAYLOADS = (
    '<script>window.__xss = "script"; document.title = "pwned"</script>',
    "<img src=x onerror=\"window.__xss='img'\">",
    "<a href=\"javascript:window.__xss='link'\">click me</a>",
    '"><svg onload="window.__xss=\'attr\'">',
    "'><svg onload='window.__xss=1'>",
    '</script><script>window.__xss="end-script"</script>',
    '`${window.__xss="template"}`',
    '\\`; window.__xss="backtick"; `',
    "<!-- <script>window.__xss='comment'</script> -->",
    "\u2028window.__xss='separator'\u2029",
    "<title>pwned</title><style>body{display:none}</style>",
    "<iframe src=\"javascript:parent.__xss='iframe'\"></iframe>",
    "{{7*7}} {% if 1 %}x{% endif %} {{cite web|url=x}} {{ foo }} {% raw %}",
    "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
)
EVIL = " ".join(PAYLOADS)


def mention(text: str, surface: str, place: Place | None, kind: str = PLACE, nth: int = 0) -> Mention:
    """The nth occurrence of `surface` in `text` as a mention of `place`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, kind, place, 1.0 if place else 0.0)


def distance_verdict(
    text: str,
    subject: Mention,
    reference: Mention,
    figure: str,
    status: str = HOLDS,
    direction: str | None = None,
    explanation: str = "claimed about 60 km, measured 57.1 km",
) -> Verdict:
    """A verdict on a distance claim spanning subject .. reference in `text`."""
    start, end = min(subject.start, reference.start), max(subject.end, reference.end)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", end)
    sentence = text[sentence_start : sentence_end if sentence_end >= 0 else len(text)]
    quantity = Quantity(60.0, "km", "about", 60.0, figure, precision_km=5.0)
    claim = Claim(
        "distance",
        text[start:end],
        start,
        end,
        sentence,
        text.count("\n", 0, start) + 1,
        subject,
        reference,
        quantity,
        direction=direction,
        sentence_start=sentence_start,
    )
    return Verdict(claim, status, explanation, 57.1, 187.0)


def seeds_like_report() -> Report:
    """Two articles about the Russian bases in Syria: places, a demonym and two claims."""
    first = (
        "Russian diplomats met in Latakia, Syria.\n"
        "Khmeimim Air Base is located around 60km from the naval facility at Tartus.\n"
        "Tartus hosts the fleet."
    )
    mentions = (
        mention(first, "Russian", RUSSIA, DEMONYM),
        mention(first, "Latakia", LATAKIA),
        mention(first, "Syria", SYRIA),
        mention(first, "Khmeimim Air Base", KHMEIMIM),
        mention(first, "Tartus", TARTUS),
        mention(first, "Tartus", TARTUS, nth=1),
    )
    verdict = distance_verdict(first, mentions[3], mentions[4], "around 60km")
    second = "Khmeimim Air Base lies 20km south of Latakia."
    second_mentions = (mention(second, "Khmeimim Air Base", KHMEIMIM), mention(second, "Latakia", LATAKIA))
    second_verdict = distance_verdict(second, second_mentions[0], second_mentions[1], "20km", direction="S")
    return Report(
        (
            ArticleResult(Article("news/first.txt", first), mentions, (verdict,)),
            ArticleResult(Article("news/second.txt", second), second_mentions, (second_verdict,)),
        )
    )


def evil_report() -> Report:
    """Payloads in every string that reaches the page: names, sentences, claims, places."""
    evil_place = Place(f"user:{EVIL}", f"Tartus {EVIL}", "port", 34.90, 35.87, "SY", EVIL, 0, EVIL)
    text = (
        f"{EVIL} Khmeimim Air Base {EVIL} is located around 60km {EVIL} from Tartus {EVIL}.\n"
        f"Latakia {EVIL} and Syria."
    )
    mentions = (
        mention(text, "Khmeimim Air Base", KHMEIMIM),
        mention(text, "Tartus", evil_place),
        mention(text, "Latakia", LATAKIA),
        mention(text, "Syria", SYRIA),
    )
    verdict = distance_verdict(
        text, mentions[0], mentions[1], f"around 60km {EVIL}", direction="S", explanation=f"claimed {EVIL}"
    )
    return Report(
        (
            ArticleResult(Article(f"evil {EVIL}.txt", text), mentions, (verdict,)),
            ArticleResult(Article(f"evil {EVIL}.txt", text), mentions, ()),
        )
    )
