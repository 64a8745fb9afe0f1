"""The not-English heuristic: other languages and scripts are flagged, English of every shape is not."""

from __future__ import annotations

import pytest

from geomap.language import SAMPLE_CHARS, not_english

FOREIGN = {
    "French": "Le pont sur la rivière a été fermé mardi, et les habitants du quartier ont dû partir "
    "vers le nord pendant que les pompiers luttaient contre les flammes.",
    "Spanish": "El puente sobre el río fue cerrado el martes y los vecinos del barrio tuvieron que irse "
    "hacia el norte mientras los bomberos luchaban contra el fuego.",
    "German": "Die Brücke über den Fluss wurde am Dienstag gesperrt, und die Bewohner des Viertels mussten "
    "nach Norden gehen, während die Feuerwehr gegen die Flammen kämpfte.",
    "Italian": "Il ponte sul fiume è stato chiuso martedì e gli abitanti del quartiere sono dovuti andare "
    "verso nord mentre i vigili del fuoco combattevano contro le fiamme.",
}
SCRIPTS = {
    "Arabic": "أغلق الجسر فوق النهر يوم الثلاثاء واضطر سكان الحي إلى التوجه شمالا بينما كان رجال الإطفاء "
    "يكافحون النيران.",
    "Cyrillic": "Мост через реку закрыли во вторник, и жителям района пришлось уйти на север, пока "
    "пожарные боролись с огнём.",
    "CJK": "星期二河上的桥被关闭了，居民们不得不向北撤离，消防员正在与大火搏斗。"
    "这座城市的大部分地区已经停电。",
}
ENGLISH = [
    "The bridge over the river was closed on Tuesday, and residents of the district had to leave "
    "for the north while firefighters fought the flames.",
    "Floods hit Cedar Falls.",  # short
    "Storm Batters Coast As Towns Brace For More Rain",  # a headline in Title Case
    "BRIDGE CLOSED AFTER FIRE",  # capitals
    "Los Angeles, Las Vegas, San Diego, El Paso, La Paz, Santa Fe, Las Cruces, Los Alamos, Le Havre, "
    "Rio de Janeiro, Ciudad del Este, Aix-en-Provence, Port-au-Prince, Puerto de la Cruz, Bois de la "
    "Cambre, Saint-Jean-de-Luz, Castellón de la Plana",  # a list of place names
    "- Des Moines\n- Cedar Rapids\n- Sioux City\n- Council Bluffs\n",
    'The mayor said "nous sommes prêts" as the water rose, and the army was sent to the town on Monday '
    "with boats and sandbags from the depot.",  # a French quote in English prose
    "",
    "42 17 3.5 km",
]


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_other_latin_languages_are_flagged(language: str) -> None:
    guess = not_english(FOREIGN[language])
    assert guess is not None
    assert language in guess.reason


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_other_scripts_are_flagged(script: str) -> None:
    guess = not_english(SCRIPTS[script])
    assert guess is not None
    assert guess.reason == f"mostly {script} script"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_of_every_shape_is_not_flagged(text: str) -> None:
    assert not_english(text) is None


def test_only_a_sample_is_read() -> None:
    text = ENGLISH[0] * (SAMPLE_CHARS // len(ENGLISH[0]) + 1) + FOREIGN["French"] * 1000
    assert not_english(text) is None
    assert not_english(FOREIGN["French"] * 1000) is not None
