"""The composite GitHub Action: action.yml is well formed, and its script works outside GitHub.

The script (scripts/github_action.py) runs here as in a workflow step, with the job summary and
the step outputs pointed at temporary files, on the seeds and on articles written for the test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION = ROOT / "action.yml"
SCRIPT = ROOT / "scripts" / "github_action.py"
GOOD = (
    "Russia began construction of the Khmeimim Air Base near Latakia in 2015.\n"
    "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n"
)
BAD = GOOD.replace("around 60km", "around 160km")


def load_action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def run_action(
    folder: Path, cache: Path, *args: str, **inputs: str
) -> tuple[subprocess.CompletedProcess, str, dict]:
    """Run the script's `check` in `folder` as the action's step does; (process, summary, outputs)."""
    summary, outputs = folder / "summary.md", folder / "outputs.txt"
    summary.write_text("earlier step\n", encoding="utf-8")  # GitHub appends to the job summary
    outputs.touch()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INPUT_", "GITHUB_", "GEOMAP_"))
    }
    env |= {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
        "GEOMAP_CACHE_DIR": str(cache),
        **{f"INPUT_{name.upper()}": value for name, value in inputs.items()},
    }
    process = subprocess.run(
        [sys.executable, str(SCRIPT), "check", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    values = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    return process, summary.read_text(encoding="utf-8"), values


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    """A checkout with the seeds, an article that holds and one that is contradicted."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "articles" / "bad.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_action_is_composite_and_its_steps_name_files_that_exist() -> None:
    action = load_action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "strict", "exclude", "python-version", "package"} <= set(action["inputs"])
    assert action["inputs"]["paths"]["required"] is True
    steps = action["runs"]["steps"]
    ids = {step.get("id") for step in steps}
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell
            # inputs reach scripts through env, never pasted into the script (injection)
            assert "${{" not in step["run"], step["run"]
            for name in re.findall(r"\$GITHUB_ACTION_PATH/([\w./-]+)", step["run"]):
                assert (ROOT / name).is_file(), name
        else:
            assert re.fullmatch(r"actions/(setup-python|cache)@v\d+", step["uses"]), step["uses"]
    for output in action["outputs"].values():
        (step_id,) = re.findall(r"steps\.([\w-]+)\.outputs", output["value"])
        assert step_id in ids
    check_step = next(step for step in steps if step.get("id") == "check")
    assert {"INPUT_PATHS", "INPUT_STRICT", "INPUT_EXCLUDE", "GEOMAP_CACHE_DIR"} <= set(check_step["env"])
    cache_step = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert "steps.prepare.outputs.cache-key" in cache_step["with"]["key"]


def test_seeds_pass_with_summary_annotations_and_outputs(workspace: Path, cli_cache_dir: Path) -> None:
    process, summary, outputs = run_action(workspace, cli_cache_dir, paths="seeds/")
    assert process.returncode == 0, process.stderr
    assert summary.startswith("earlier step\n## geomap claim check\n")
    assert "seeds/000\\_80efbf82245133ed\\.txt" in summary  # the Markdown report, escaped
    assert outputs["articles"] == "2" and outputs["contradicted"] == "0" and outputs["exit-code"] == "0"
    assert set(load_action()["outputs"]) - {"version"} <= set(outputs)  # every declared output is set
    assert int(outputs["claims"]) == int(outputs["holds"]) + int(outputs["unverifiable"])
    assert not re.search(r"^::error", process.stdout, flags=re.M)
    assert "claims in 2 articles" in process.stdout.splitlines()[-1]


def test_contradicted_article_fails_with_an_error_annotation(workspace: Path, cli_cache_dir: Path) -> None:
    process, summary, outputs = run_action(
        workspace, cli_cache_dir, paths="articles/bad.txt articles/good.txt"
    )
    assert process.returncode == 1
    errors = re.findall(r"^::error file=([^,]+),line=(\d+)", process.stdout, flags=re.M)
    assert errors == [("articles/bad.txt", "2")]
    assert "contradicted" in summary and "claimed about 160 km" in summary
    assert outputs["contradicted"] == "1" and outputs["exit-code"] == "1" and outputs["articles"] == "2"


def test_exclude_and_junit_inputs(workspace: Path, cli_cache_dir: Path) -> None:
    process, _, outputs = run_action(
        workspace, cli_cache_dir, paths="'articles/*.txt'", exclude="bad.txt\n\n", junit="junit.xml"
    )
    assert process.returncode == 0, process.stdout + process.stderr
    assert outputs["articles"] == "1"
    assert "<testsuites" in (workspace / "junit.xml").read_text(encoding="utf-8")


def test_arguments_override_the_paths_input(workspace: Path, cli_cache_dir: Path) -> None:
    process, _, outputs = run_action(workspace, cli_cache_dir, "articles/good.txt", paths="articles/bad.txt")
    assert process.returncode == 0 and outputs["articles"] == "1"


def test_bad_input_is_exit_2_an_error_annotation_and_a_summary_line(
    workspace: Path, cli_cache_dir: Path
) -> None:
    process, summary, outputs = run_action(workspace, cli_cache_dir, paths="missing/")
    assert process.returncode == 2
    assert re.search(r"^::error title=geomap::.*no such file or folder: missing", process.stdout, flags=re.M)
    assert "geomap could not check the articles" in summary
    assert outputs == {"exit-code": "2"}


def test_empty_paths_input_is_an_error(workspace: Path, cli_cache_dir: Path) -> None:
    process, _, _ = run_action(workspace, cli_cache_dir, paths="  ")
    assert process.returncode == 2 and "::error title=geomap::" in process.stdout


def test_prepare_keys_the_cache_by_version_and_sources(tmp_path: Path) -> None:
    from gazetteer import SourcePaths
    from gazetteer.build import expected_fingerprint
    from geomap import __version__

    outputs = tmp_path / "outputs.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GEOMAP_", "GITHUB_"))}
    env |= {"GITHUB_OUTPUT": str(outputs), "RUNNER_TEMP": str(tmp_path)}
    process = subprocess.run(
        [sys.executable, str(SCRIPT), "prepare"], env=env, capture_output=True, text=True, check=False
    )
    assert process.returncode == 0, process.stderr
    values = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    assert values["version"] == __version__
    assert values["cache-dir"] == str(tmp_path / "geomap-gazetteer")
    assert values["cache-key"].endswith(expected_fingerprint(SourcePaths()))
    assert __version__ in values["cache-key"]


def test_strict_input_fails_on_an_unverifiable_claim(workspace: Path, cli_cache_dir: Path) -> None:
    (workspace / "articles" / "vague.txt").write_text(
        "The village of Swanton is located 20 km from Latakia, residents said.\n", encoding="utf-8"
    )
    relaxed, _, relaxed_outputs = run_action(workspace, cli_cache_dir, paths="articles/vague.txt")
    strict, _, strict_outputs = run_action(
        workspace, cli_cache_dir, paths="articles/vague.txt", strict="true"
    )
    assert relaxed_outputs["unverifiable"] == strict_outputs["unverifiable"] == "1"
    assert relaxed.returncode == 0 and not re.search(r"^::warning", relaxed.stdout, flags=re.M)
    assert strict.returncode == 1 and re.search(
        r"^::warning file=articles/vague.txt", strict.stdout, flags=re.M
    )
