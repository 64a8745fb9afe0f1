"""Settings precedence: defaults < [tool.geomap] < GEOMAP_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.errors import ConfigError
from geomap.settings import Settings, load_settings


def write_pyproject(folder: Path, body: str) -> None:
    (folder / "pyproject.toml").write_text(body, encoding="utf-8")


def test_defaults_without_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEOMAP_STRICT", raising=False)
    monkeypatch.delenv("GEOMAP_CACHE_DIR", raising=False)
    assert load_settings(tmp_path) == Settings()


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEOMAP_CACHE_DIR", raising=False)
    write_pyproject(
        tmp_path, '[tool.geomap]\nstrict = true\nrelative-tolerance = 0.2\ngazetteer-extra = ["a.csv"]\n'
    )
    nested = tmp_path / "articles"
    nested.mkdir()
    settings = load_settings(nested)
    assert settings.strict is True
    assert settings.relative_tolerance == 0.2
    assert settings.gazetteer_extra == (tmp_path / "a.csv",)  # relative to the pyproject
    monkeypatch.setenv("GEOMAP_RELATIVE_TOLERANCE", "0.3")
    monkeypatch.setenv("GEOMAP_STRICT", "no")
    settings = load_settings(nested)
    assert (settings.relative_tolerance, settings.strict) == (0.3, False)
    settings = load_settings(nested, {"relative_tolerance": 0.05, "strict": None})
    assert (settings.relative_tolerance, settings.strict) == (0.05, False)


def test_unknown_key_lists_valid_ones(tmp_path: Path) -> None:
    write_pyproject(tmp_path, "[tool.geomap]\ntolerance = 1\n")
    with pytest.raises(ConfigError, match="valid keys: .*relative-tolerance"):
        load_settings(tmp_path)


@pytest.mark.parametrize(
    "body",
    ['[tool.geomap]\nrelative-tolerance = "wide"\n', "[tool.geomap\n", "[tool.geomap]\nnear-km = [1]\n"],
)
def test_bad_values_raise_config_error(tmp_path: Path, body: str) -> None:
    write_pyproject(tmp_path, body)
    with pytest.raises(ConfigError):
        load_settings(tmp_path)


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GEOMAP_STRICT", "maybe"),
        ("GEOMAP_NEAR_KM", "-1"),
        ("GEOMAP_NEAR_KM", "inf"),
        ("GEOMAP_NEAR_KM", "x"),
    ],
)
def test_bad_environment_values_name_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"environment variable {name}: invalid value"):
        load_settings(tmp_path)


@pytest.mark.parametrize(
    "body",
    [
        "[tool]\ngeomap = 5\n",
        "[tool.geomap]\nstrict = 2\n",
        "[tool.geomap]\nnear-km = true\n",
        "[tool.geomap]\nrelative-tolerance = -0.1\n",
        "[tool.geomap]\nbearing-tolerance-deg = 181\n",
        '[tool.geomap]\ngazetteer-extra = [1, "a.csv"]\n',
    ],
)
def test_wrongly_typed_or_out_of_range_values_raise(tmp_path: Path, body: str) -> None:
    write_pyproject(tmp_path, body)
    with pytest.raises(ConfigError):
        load_settings(tmp_path)


def test_flag_values_are_checked_like_the_others(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--near-km"):
        load_settings(tmp_path, {"near_km": float("nan")})


def test_a_geomap_toml_beside_the_articles_wins_over_a_pyproject_above(tmp_path: Path) -> None:
    write_pyproject(tmp_path, "[tool.geomap]\nnear-km = 10\n")
    articles = tmp_path / "desk" / "news"
    articles.mkdir(parents=True)
    (tmp_path / "desk" / "geomap.toml").write_text(
        'near-km = 20\ngazetteer-extra = ["x.csv"]\n', encoding="utf-8"
    )
    settings = load_settings(tmp_path, articles=articles)
    assert settings.near_km == 20 and settings.gazetteer_extra == (tmp_path / "desk" / "x.csv",)
    assert load_settings(tmp_path).near_km == 10  # no articles named: from the working directory


def test_a_pyproject_without_a_geomap_table_is_passed_over(tmp_path: Path) -> None:
    write_pyproject(tmp_path, "[tool.geomap]\nnear-km = 10\n")
    package = tmp_path / "package"
    package.mkdir()
    write_pyproject(package, '[project]\nname = "x"\n')
    assert load_settings(package).near_km == 10


def test_waivers_and_pins_are_read_from_the_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pyproject(
        tmp_path,
        '[[tool.geomap.waive]]\nclaim = "0123456789ab"\nreason = "checked  by the desk"\n'
        '[[tool.geomap.pin]]\nname = "Paris"\narticles = "texas/*.md"\nplace = "geonames:4717560"\n',
    )
    monkeypatch.setenv("GEOMAP_WAIVE", "ignored")
    settings = load_settings(tmp_path)
    (waiver,) = settings.waive
    assert (waiver.claim, waiver.reason) == ("0123456789ab", "checked by the desk")
    (pin,) = settings.pin
    assert (pin.name, pin.articles, pin.place, pin.base) == (
        "Paris",
        ("texas/*.md",),
        "geonames:4717560",
        tmp_path,
    )
