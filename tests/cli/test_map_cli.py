"""`geomap map` end to end: CliRunner on the fixture gazetteer, plus a real subprocess run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from geomap.cli import main
from geomap.cli.map_cmd import default_name
from tests.mapdata import map_data

ARTICLE = (
    "Russia began construction of the Khmeimim Air Base near Latakia in 2015.\n"
    "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n"
)


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def write(folder: Path, name: str, text: str = ARTICLE) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def markers(html: str) -> int:
    return sum(len(layer["pins"]) for layer in map_data(html)["layers"])


def test_one_article_makes_maps_stem_html(fixture_env: Path) -> None:
    write(fixture_env, "news/base.txt")
    result = invoke("map", "news/base.txt")
    assert result.exit_code == 0, result.output
    html = (fixture_env / "maps" / "base.html").read_text(encoding="utf-8")
    assert "<title>geomap: base</title>" in html
    assert markers(html) >= 3 and "geomap-claim-holds" in html
    assert result.stdout.startswith("wrote maps/base.html (") and "claim line" in result.stdout
    assert not any(p.name.endswith(".tmp") for p in (fixture_env / "maps").iterdir())


def test_a_folder_makes_one_map_with_a_layer_per_article(fixture_env: Path) -> None:
    write(fixture_env, "seeds/a.txt")
    write(fixture_env, "seeds/b.txt", "Damascus and Idlib are in Syria.\n")
    result = invoke("map", "seeds/")
    assert result.exit_code == 0, result.output
    html = (fixture_env / "maps" / "seeds.html").read_text(encoding="utf-8")
    assert [layer["name"] for layer in map_data(html)["layers"]] == ["a.txt", "b.txt"]
    assert "2 article(s)" in result.stdout


def test_output_title_and_geojson_options(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    result = invoke(
        "map", "a.txt", "-o", "out/deep/x.html", "--title", "Bases <in> Syria", "--geojson", "x.geojson"
    )
    assert result.exit_code == 0, result.output
    html = (fixture_env / "out" / "deep" / "x.html").read_text(encoding="utf-8")
    assert "<title>Bases &lt;in&gt; Syria</title>" in html
    collection = json.loads((fixture_env / "x.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    kinds = {f["properties"]["feature"] for f in collection["features"]}
    assert kinds == {"place", "claim"}
    assert sum(1 for f in collection["features"] if f["properties"]["feature"] == "place") == markers(html)
    assert "GeoJSON in x.geojson" in result.stdout


def test_html_to_standard_output_sends_the_summary_to_stderr(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    result = invoke("map", "a.txt", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    assert "wrote standard output" in result.stderr
    assert not (fixture_env / "maps").exists()


def test_standard_input_makes_maps_stdin_html(fixture_env: Path) -> None:
    result = invoke("map", "-", stdin=ARTICLE)
    assert result.exit_code == 0, result.output
    assert (fixture_env / "maps" / "stdin.html").is_file()


def test_tiles_option(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    assert invoke("map", "a.txt", "--tiles", "osm").exit_code == 0
    assert "tile.openstreetmap.org" in (fixture_env / "maps" / "a.html").read_text(encoding="utf-8")
    bad = invoke("map", "a.txt", "--tiles", "google")
    assert bad.exit_code == 2 and "osm" in bad.stderr


def test_missing_input_is_one_line_and_exit_2(fixture_env: Path) -> None:
    result = invoke("map", "nowhere.txt")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["Error: no such file or folder: nowhere.txt"]
    assert "Traceback" not in result.output


def test_unwritable_output_is_exit_2(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    (fixture_env / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = invoke("map", "a.txt", "-o", "taken/x.html")
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("paths", "articles", "expected"),
    [
        (("news/a.txt",), ["news/a.txt"], "a"),
        (("-",), ["-"], "stdin"),
        (("news/*.txt",), ["news/a.txt", "news/b.txt"], "news"),
        (("news/a.txt", "other/b.txt"), ["news/a.txt", "other/b.txt"], "map"),
        (("my stories/a b.txt",), ["my stories/a b.txt"], "a_b"),
        (("-", "news/a.txt"), ["-", "news/a.txt"], "map"),
    ],
)
def test_default_names(paths: tuple[str, ...], articles: list[str], expected: str) -> None:
    assert default_name(paths, articles) == expected


def test_default_name_of_a_folder_is_its_own_name(tmp_path: Path) -> None:
    write(tmp_path, "seeds/sub/a.txt")
    write(tmp_path, "seeds/b.txt")
    folder = str(tmp_path / "seeds")
    assert default_name((folder,), [f"{folder}/sub/a.txt", f"{folder}/b.txt"]) == "seeds"
    assert default_name((f"{folder}/sub",), [f"{folder}/sub/a.txt"]) == "sub"


def _geomap() -> list[str]:
    installed = shutil.which("geomap", path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "geomap"]


def test_real_subprocess(fixture_env: Path) -> None:
    write(fixture_env, "seeds/a.txt")
    done = subprocess.run(
        [*_geomap(), "map", "seeds/"], capture_output=True, text=True, env={**os.environ}, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (fixture_env / "maps" / "seeds.html").stat().st_size > 100_000
    missing = subprocess.run(
        [*_geomap(), "map", "nope/"], capture_output=True, text=True, env={**os.environ}, timeout=120
    )
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def test_per_article_writes_a_map_each_and_an_index(fixture_env: Path) -> None:
    write(fixture_env, "news/bases.txt")
    write(fixture_env, "news/other/bases.md", "Damascus fell. Crowds gathered in Latakia.\n")
    write(fixture_env, "news/<i>x&y.txt", "Tartus is quiet.\n")
    result = invoke("map", "news", "--per-article")
    assert result.exit_code == 0, result.output
    folder = fixture_env / "maps" / "news"
    assert sorted(p.name for p in folder.iterdir()) == [
        "bases-2.html",
        "bases.html",
        "i_x_y.html",
        "index.html",
    ]
    assert "wrote 3 map(s) and maps/news/index.html" in result.output
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "news/&lt;i&gt;x&amp;y.txt" in index and "<i>x" not in index
    for name in ("bases.html", "bases-2.html", "i_x_y.html"):
        assert f'href="{name}"' in index
        assert len(map_data((folder / name).read_text(encoding="utf-8"))["layers"]) == 1
    alone = invoke("map", "news/bases.txt", "-o", "-")
    assert markers((folder / "bases.html").read_text(encoding="utf-8")) == markers(alone.stdout) >= 3
    # Same articles, same bytes.
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert invoke("map", "news", "--per-article").exit_code == 0
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_per_article_output_folder_and_refusals(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    result = invoke("map", "a.txt", "--per-article", "-o", "out/maps", "--title", "Bases")
    assert result.exit_code == 0, result.output
    assert (fixture_env / "out" / "maps" / "a.html").is_file()
    assert "<title>Bases</title>" in (fixture_env / "out" / "maps" / "index.html").read_text(encoding="utf-8")
    refused = invoke("map", "a.txt", "--per-article", "-o", "-")
    assert refused.exit_code == 2 and "standard output" in refused.output
    write(fixture_env, "file.html", "x")
    refused = invoke("map", "a.txt", "--per-article", "-o", "file.html")
    assert refused.exit_code == 2 and "not a folder" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    # Without --per-article, a folder is still refused as the output file.
    assert invoke("map", "a.txt", "-o", "out").exit_code == 2
