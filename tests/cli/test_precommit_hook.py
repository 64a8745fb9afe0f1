"""The shipped pre-commit hook, as a user's repository runs it: `pre-commit try-repo` on this repository.

pre-commit clones this repository (with uncommitted changes, when there are any), builds the
hook's own virtualenv by pip-installing it (from the package index: this needs the network, as
CI has) and runs `geomap check` on the files it is given. Each try-repo uses a fresh store, so
the two runs go in parallel (about a minute in all). Skipped only when pre-commit or git is not
installed.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GOOD = (
    "Russia began construction of the Khmeimim Air Base near Latakia in 2015.\n"
    "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n"
)
BAD = GOOD.replace("around 60km", "around 160km")


def test_hook_definition_matches_the_readme() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "geomap-check" and hook["entry"] == "geomap check" and hook["language"] == "python"
    assert "geomap-check" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_try_repo_passes_a_good_article_and_fails_a_contradicted_one(
    tmp_path: Path, cli_cache_dir: Path
) -> None:
    if importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit (the test extra) or git is not installed")
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    (repo / "articles" / "good.txt").write_text(GOOD, encoding="utf-8")
    (repo / "articles" / "bad.txt").write_text(BAD, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GEOMAP_", "PRE_COMMIT"))}
    env |= {
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GEOMAP_CACHE_DIR": str(cli_cache_dir),
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=repo, env=env, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, env=env, check=True)
    runs = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(ROOT),
                "geomap-check",
                "--files",
                f"articles/{name}",
            ],
            cwd=repo,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for name in ("good.txt", "bad.txt")
    }
    outputs = {name: run.communicate(timeout=600)[0] for name, run in runs.items()}
    assert runs["good.txt"].returncode == 0, outputs["good.txt"]
    assert "geomap claim check" in outputs["good.txt"] and "Passed" in outputs["good.txt"]
    assert runs["bad.txt"].returncode == 1, outputs["bad.txt"]
    assert "Failed" in outputs["bad.txt"] and "contradicted" in outputs["bad.txt"]
    assert "claimed about 160 km" in outputs["bad.txt"]
