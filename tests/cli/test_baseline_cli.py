"""`geomap check --baseline`: record, compare, report stale entries, update; CliRunner and a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import assert_one_line_exit_2, invoke

FALSE = "Khmeimim Air Base is located around 160km from the Russian naval facility at Tartus.\n"
TRUE = "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n"
OTHER_FALSE = "Latakia lies 90 km from Khmeimim Air Base.\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_baseline_round_trip(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", FALSE)
    assert invoke("check", "news").exit_code == 1
    first = invoke("check", "news", "--baseline", "ci/baseline.json")
    assert first.exit_code == 0, first.output  # recorded: accepted as it is
    document = json.loads((fixture_env / "ci/baseline.json").read_text(encoding="utf-8"))
    assert document["version"] == 1
    ((fingerprint, entry),) = document["claims"].items()
    assert entry == {"verdict": "contradicted", "article": "news/a.txt", "text": FALSE.strip().rstrip(".")}

    known = invoke("check", "news", "--baseline", "ci/baseline.json", "--format", "json")
    assert known.exit_code == 0, known.output
    (claim,) = json.loads(known.stdout)["articles"][0]["claims"]
    assert (claim["fingerprint"], claim["baseline"], claim["verdict"]) == (
        fingerprint,
        "known",
        "contradicted",
    )
    assert (
        "::error"
        not in invoke("check", "news", "--baseline", "ci/baseline.json", "--format", "github").stdout
    )

    write(fixture_env / "news/a.txt", "A new lead paragraph.\n\n" + FALSE + OTHER_FALSE)
    new = invoke("check", "news", "--baseline", "ci/baseline.json", "--format", "json")
    assert new.exit_code == 1, new.output  # the added contradiction is new
    states = {c["text"]: c["baseline"] for c in json.loads(new.stdout)["articles"][0]["claims"]}
    assert sorted(states.values()) == ["known", "new"]

    write(fixture_env / "news/a.txt", TRUE)
    changed = invoke("check", "news", "--baseline", "ci/baseline.json", "--format", "json")
    assert changed.exit_code == 0, changed.output  # it now holds: changed, but holding never fails
    report = json.loads(changed.stdout)
    assert report["articles"][0]["claims"][0]["baseline"] == "new"  # other words, another claim
    (stale,) = report["notices"]
    assert stale["kind"] == "stale_baseline" and stale["key"] == fingerprint
    assert f"warning: baseline ci/baseline.json: entry {fingerprint} matches no claim" in changed.stderr

    updated = invoke("check", "news", "--baseline", "ci/baseline.json", "--update-baseline")
    assert updated.exit_code == 0, updated.output
    claims = json.loads((fixture_env / "ci/baseline.json").read_text(encoding="utf-8"))["claims"]
    assert [entry["verdict"] for entry in claims.values()] == ["holds"]
    assert invoke("check", "news", "--baseline", "ci/baseline.json").stderr == ""


def test_a_changed_verdict_fails_and_entries_of_other_articles_are_kept(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", TRUE)
    write(fixture_env / "news/b.txt", TRUE)
    assert invoke("check", "news", "--baseline", "base.json").exit_code == 0
    write(fixture_env / "news/a.txt", TRUE.replace("located ", "located  "))  # spacing: the same claim
    assert invoke("check", "news/a.txt", "--baseline", "base.json").stderr == ""  # b.txt is not stale
    assert invoke("check", "news/a.txt", "--baseline", "base.json", "--update-baseline").exit_code == 0
    claims = json.loads((fixture_env / "base.json").read_text(encoding="utf-8"))["claims"]
    assert sorted(entry["article"] for entry in claims.values()) == ["news/a.txt", "news/b.txt"]
    fingerprint = next(f for f, entry in claims.items() if entry["article"] == "news/a.txt")
    claims[fingerprint]["verdict"] = "unverifiable"
    (fixture_env / "base.json").write_text(json.dumps({"version": 1, "claims": claims}), encoding="utf-8")
    strict = invoke("check", "news", "--baseline", "base.json", "--strict", "--format", "json")
    assert strict.exit_code == 0  # it holds now: changed, and holding never fails
    assert {c["baseline"] for a in json.loads(strict.stdout)["articles"] for c in a["claims"]} == {
        "changed",
        "known",
    }


def test_a_bad_baseline_is_one_line_exit_2(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", TRUE)
    write(fixture_env / "base.json", '{"claims": []}')
    assert_one_line_exit_2(invoke("check", "news", "--baseline", "base.json"), "not a geomap baseline")
    write(fixture_env / "base.json", '{"version": 1, "claims": {"abc": {"verdict": "fine"}}}')
    assert_one_line_exit_2(
        invoke("check", "news", "--baseline", "base.json"), "verdict 'fine' is not a verdict"
    )
    assert_one_line_exit_2(invoke("check", "news", "--update-baseline"), "--update-baseline needs --baseline")
    assert_one_line_exit_2(invoke("check", "news", "--baseline", "-"), "--baseline needs a file")
    both = invoke("check", "news", "--baseline", "x.json", "-o", "./x.json")
    assert_one_line_exit_2(both, "--output and --baseline both name x.json")


def test_a_baseline_in_a_real_subprocess(fixture_env: Path, cli_cache_dir: Path) -> None:
    write(fixture_env / "news/a.txt", FALSE)
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(cli_cache_dir)}
    command = [sys.executable, "-m", "geomap", "check", "news", "--baseline", "b.json"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=fixture_env, check=False)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(command, capture_output=True, text=True, env=env, cwd=fixture_env, check=False)
    assert again.returncode == 0 and "(baseline: known)" in again.stdout, again.stdout
    assert not [p for p in fixture_env.iterdir() if p.name.endswith(".tmp")]


def test_a_contradiction_whose_verdict_changed_fails(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", FALSE)
    assert invoke("check", "news", "--baseline", "base.json").exit_code == 0
    document = json.loads((fixture_env / "base.json").read_text(encoding="utf-8"))
    for entry in document["claims"].values():
        entry["verdict"] = "holds"  # as a gazetteer or tolerance change would leave it
    (fixture_env / "base.json").write_text(json.dumps(document), encoding="utf-8")
    result = invoke("check", "news", "--baseline", "base.json", "--format", "csv")
    assert result.exit_code == 1, result.output
    assert ",contradicted,changed," in result.stdout
