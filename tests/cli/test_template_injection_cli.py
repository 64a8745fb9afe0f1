"""Template syntax from every input channel is shown as text and never runs (map, GeoJSON, every report).

Each channel plants Jinja expressions, a Jinja statement, ordinary wiki-style braces and a payload
that would create a file in the working directory if any template compiler ever saw it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from geomap.cli import main
from geomap.escape import escape_annotation, escape_markdown
from geomap.report import ReportFormat
from tests.geomap.contracts.readers import strings, xml_strings
from tests.mapdata import map_data

#: Would create ./pwned if compiled as a Jinja template (both spellings reach os through globals).
FILE_PAYLOADS = (
    "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
    "{{ lipsum.__globals__['os'].popen('touch pwned').read() }}",
)
PAYLOADS = (
    "{{7*7}}",
    "{% if 1 %}x{% endif %}",
    *FILE_PAYLOADS,
    "{{cite web|url=x}}",
    "{{ foo }}",
    "{% raw %}",
)
#: The same payloads, safe in a file name (no slash).
NAME_PAYLOAD = "{{7*7}} {% if 1 %}x{% endif %} {{ cycler.__init__.__globals__.os.system('touch pwned') }}"
CLAIM = "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus."


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def map_text(page: str) -> str:
    """What a reader of the map can see: the title and every data string, HTML entities decoded."""
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    return "\n".join([html.unescape(title), *(html.unescape(s) for s in strings(map_data(page)))])


def run_map(article: Path, *extra: str) -> tuple[str, str]:
    """`geomap map ARTICLE --geojson`: the page and the GeoJSON text."""
    result = invoke("map", str(article), "-o", "out/map.html", "--geojson", "out/map.geojson", *extra)
    assert result.exit_code == 0, result.output
    page = Path("out/map.html").read_text(encoding="utf-8")
    geojson = Path("out/map.geojson").read_text(encoding="utf-8")
    json.loads(geojson)
    return page, geojson


def report_shows(form: ReportFormat, output: str, text: str) -> bool:
    """Whether a check report shows `text` as written (after the format's own escaping)."""
    if form is ReportFormat.JSON:
        return any(text in s for s in strings(json.loads(output)))
    if form is ReportFormat.JUNIT:
        return any(text in value for value in xml_strings(output))
    if form is ReportFormat.MARKDOWN:
        return escape_markdown(text) in output
    if form is ReportFormat.GITHUB:
        return escape_annotation(text) in output
    if form is ReportFormat.CSV:
        return any(text in cell for row in csv.reader(io.StringIO(output, newline="")) for cell in row)
    return " ".join(text.split()) in output


def check_every_format(
    article: Path, everywhere: tuple[str, ...] = (), *extra: str, in_json: tuple[str, ...] = ()
) -> None:
    """Every `check` format exits 0 and shows `everywhere` as written; JSON also shows `in_json`."""
    for form in ReportFormat:
        result = invoke("check", str(article), "--format", form.value, *extra)
        assert result.exit_code == 0, (form, result.output)
        expected = everywhere + (in_json if form is ReportFormat.JSON else ())
        if form is ReportFormat.GITHUB:  # annotates only failing claims: here one summary notice
            assert [line[:9] for line in result.stdout.splitlines()] == ["::notice "], result.stdout
            continue
        for text in expected:
            assert report_shows(form, result.stdout, text), (form, text, result.stdout)


@pytest.fixture(autouse=True)
def nothing_ran(fixture_env: Path) -> Iterator[None]:
    yield
    assert not (fixture_env / "pwned").exists(), "a template payload ran"


def test_article_text(fixture_env: Path) -> None:
    article = fixture_env / "story.txt"
    article.write_text(
        f"{CLAIM} Residents of Damascus wrote {' '.join(PAYLOADS)} on the walls.\n"
        + "".join(f"Latakia {payload} fell.\n" for payload in PAYLOADS),
        encoding="utf-8",
    )
    page, geojson = run_map(article)
    shown = map_text(page)
    for payload in PAYLOADS:
        assert payload in shown, payload
    # The claim's sentence carries no payload; the GeoJSON carries the places' surfaces and ids.
    assert json.loads(geojson)["features"]
    check_every_format(article, ())
    second = fixture_env / "claim.txt"
    second.write_text(f"{PAYLOADS[0]} {PAYLOADS[2]}: {CLAIM}\n", encoding="utf-8")
    for payload in (PAYLOADS[0], PAYLOADS[2]):
        assert payload in "\n".join(strings(json.loads(run_map(second)[1])))
    check_every_format(second, in_json=(PAYLOADS[0], PAYLOADS[2]))


def test_file_name(fixture_env: Path) -> None:
    article = fixture_env / f"{NAME_PAYLOAD}.txt"
    article.write_text(f"{CLAIM}\n", encoding="utf-8")
    page, geojson = run_map(article)
    assert f"{NAME_PAYLOAD}.txt" in map_text(page)
    assert any(f"{NAME_PAYLOAD}.txt" in s for s in strings(json.loads(geojson)))
    check_every_format(article, (f"{NAME_PAYLOAD}.txt",))


def test_title(fixture_env: Path) -> None:
    article = fixture_env / "story.txt"
    article.write_text(f"{CLAIM}\n", encoding="utf-8")
    title = " ".join(PAYLOADS)
    page, _ = run_map(article, "--title", title)
    data = map_data(page)
    assert html.unescape(page.split("<title>", 1)[1].split("</title>", 1)[0]) == title
    assert title in html.unescape(data["legend"])


def overlay(folder: Path) -> Path:
    """An overlay CSV whose place name, admin1 and source are payloads."""
    path = folder / "places.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("name,aliases,kind,lat,lon,country,admin1,source\n")
        for number, payload in enumerate(PAYLOADS):
            quoted = payload.replace('"', '""')
            handle.write(
                f'"Zorbaville{number} {quoted}",Zorbaville{number},city,35.{number}1,36.{number}2,SY,'
                f'"{quoted}","{quoted}"\n'
            )
    return path


def overlay_article(folder: Path) -> Path:
    article = folder / "story.txt"
    names = ", ".join(f"Zorbaville{number}" for number in range(len(PAYLOADS)))
    article.write_text(f"{CLAIM} Fighting reached {names}.\n", encoding="utf-8")
    return article


def assert_overlay_shown(page: str, geojson: str) -> None:
    shown = map_text(page)
    collection = "\n".join(strings(json.loads(geojson)))
    for number, payload in enumerate(PAYLOADS):
        assert f"Zorbaville{number} {payload}" in shown and f"Zorbaville{number} {payload}" in collection
        assert f"user: {payload}" in shown  # the overlay's source column, in the popup


def test_overlay_place_name_and_source(fixture_env: Path) -> None:
    article = overlay_article(fixture_env)
    places = overlay(fixture_env)
    page, geojson = run_map(article, "--gazetteer-extra", str(places))
    assert_overlay_shown(page, geojson)
    check_every_format(article, (), "--gazetteer-extra", str(places))
    lookup = invoke("gazetteer", "lookup", "Zorbaville0", "--gazetteer-extra", str(places))
    assert lookup.exit_code == 0 and PAYLOADS[0] in lookup.stdout


def test_overlay_named_from_a_parent_pyproject(fixture_env: Path) -> None:
    overlay(fixture_env)
    (fixture_env / "pyproject.toml").write_text('[tool.geomap]\ngazetteer-extra = ["places.csv"]\n')
    news = fixture_env / "news"
    news.mkdir()
    article = overlay_article(news)
    page, geojson = run_map(article)
    assert_overlay_shown(page, geojson)
    check_every_format(article, ())


def test_place_name_in_the_cached_gazetteer(
    fixture_env: Path,
    cli_cache_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gazetteer.build import DATABASE_NAME, stamp_checksum

    cache = tmp_path_factory.mktemp("poisoned-cache")
    shutil.copy(cli_cache_dir / DATABASE_NAME, cache / DATABASE_NAME)
    poisoned = " ".join(PAYLOADS)
    db = sqlite3.connect(cache / DATABASE_NAME)
    with db:
        changed = db.execute(
            "UPDATE places SET name = name || ' ' || ?, admin1 = ?, source = ? "
            "WHERE name IN ('Damascus', 'Tartus naval facility', 'Khmeimim Air Base')",
            (poisoned, poisoned, poisoned),
        ).rowcount
    db.close()
    stamp_checksum(cache / DATABASE_NAME)  # a deliberate change, not damage to rebuild from
    assert changed >= 3
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(cache))
    article = fixture_env / "story.txt"
    article.write_text(f"{CLAIM} Damascus denied it.\n", encoding="utf-8")
    page, geojson = run_map(article)
    assert f"Damascus {poisoned}" in map_text(page)
    assert f"Damascus {poisoned}" in "\n".join(strings(json.loads(geojson)))
    check_every_format(article, in_json=(poisoned,))


def test_map_html_is_byte_identical_across_runs(fixture_env: Path) -> None:
    article = fixture_env / "story.txt"
    article.write_text(f"{CLAIM} {PAYLOADS[0]} Damascus.\n", encoding="utf-8")
    first, _ = run_map(article, "--title", PAYLOADS[1])
    second, _ = run_map(article, "--title", PAYLOADS[1])
    assert first == second
