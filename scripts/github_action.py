"""What the composite GitHub Action (action.yml) runs; also runs outside GitHub, as CI and the tests do.

Run: python scripts/github_action.py prepare
     python scripts/github_action.py check [PATHS...]

`prepare` writes `version`, `cache-dir` and `cache-key` to $GITHUB_OUTPUT: the gazetteer cache
is keyed by geomap's version and the fingerprint of the installed data sources, so a new geomap
or a new source package gets a fresh cache, and an unchanged one is never rebuilt.

`check` runs `geomap check` on PATHS (default: $INPUT_PATHS, split like a shell line, so quoted
globs stay globs) with --strict when $INPUT_STRICT is true and one --exclude per line of
$INPUT_EXCLUDE. It prints the `github` format (workflow commands: GitHub turns them into
annotations), appends the `markdown` report to $GITHUB_STEP_SUMMARY, writes the counts
(`articles`, `claims`, `holds`, `contradicted`, `unverifiable`, ... and `exit-code`) to
$GITHUB_OUTPUT, writes a JUnit report to $INPUT_JUNIT when set, and exits with geomap's exit
code (0 nothing contradicted, 1 a failing claim, 2 bad input). A run that could not check (exit
2 without a report) is an `::error` annotation and a line in the summary. Needs only the
standard library and the geomap installed for this interpreter.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

TRUE = ("1", "true", "yes", "on")


def geomap(*args: str) -> subprocess.CompletedProcess[str]:
    """`geomap ARGS` with this interpreter, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "geomap", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        stdin=subprocess.DEVNULL,
        check=False,
    )


def append(variable: str, text: str) -> None:
    """Append to the file GitHub names in `variable` (the job summary, the step's outputs); skip if unset."""
    target = os.environ.get(variable)
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(text)


def prepare() -> int:
    """Outputs for actions/cache: where the gazetteer lives and the key it is cached under."""
    from gazetteer import SourcePaths
    from gazetteer.build import expected_fingerprint
    from geomap import __version__

    cache_dir = os.environ.get("INPUT_CACHE_DIR") or os.environ.get("GEOMAP_CACHE_DIR")
    if not cache_dir:
        cache_dir = str(Path(os.environ.get("RUNNER_TEMP") or tempfile.gettempdir()) / "geomap-gazetteer")
    key = f"geomap-gazetteer-{sys.platform}-{expected_fingerprint(SourcePaths())}"
    append("GITHUB_OUTPUT", f"version={__version__}\ncache-dir={cache_dir}\ncache-key={key}\n")
    print(f"geomap {__version__}; gazetteer cache {cache_dir} (key {key})")
    return 0


def check_arguments(paths: list[str]) -> list[str]:
    """The `geomap check` arguments the action's inputs ask for."""
    arguments = ["check", *paths]
    if os.environ.get("INPUT_STRICT", "").strip().lower() in TRUE:
        arguments.append("--strict")
    for pattern in os.environ.get("INPUT_EXCLUDE", "").splitlines():
        if pattern.strip():
            arguments += ["--exclude", pattern.strip()]
    return arguments


def check(paths: list[str]) -> int:
    """Annotations on stdout, the Markdown report in the job summary, counts in the outputs."""
    paths = paths or shlex.split(os.environ.get("INPUT_PATHS", ""))
    if not paths:
        print("::error title=geomap::the action's `paths` input names no article")
        return 2
    arguments = check_arguments(paths)
    annotated = geomap(*arguments, "--format", "github")
    sys.stdout.write(annotated.stdout)
    sys.stderr.write(annotated.stderr)
    code = annotated.returncode
    with tempfile.TemporaryDirectory(prefix="geomap-action-") as folder:
        report_file, summary_file = Path(folder) / "report.json", Path(folder) / "summary.md"
        geomap(*arguments, "--format", "json", "--output", str(report_file))
        geomap(*arguments, "--format", "markdown", "--output", str(summary_file))
        junit = os.environ.get("INPUT_JUNIT", "").strip()
        if junit:
            geomap(*arguments, "--format", "junit", "--output", junit)
        counts = (
            json.loads(report_file.read_text(encoding="utf-8"))["summary"] if report_file.exists() else {}
        )
        summary = summary_file.read_text(encoding="utf-8") if summary_file.exists() else ""
    if not summary:  # bad input: geomap said why in one line on stderr
        from geomap.escape import escape_annotation, escape_markdown

        reason = (annotated.stderr.strip().splitlines() or [f"exit code {code}"])[-1]
        print(f"::error title=geomap::{escape_annotation(reason)}")
        summary = f"## geomap claim check\n\ngeomap could not check the articles: {escape_markdown(reason)}\n"
    append("GITHUB_STEP_SUMMARY", summary.rstrip("\n") + "\n\n")
    outputs = {key: value for key, value in counts.items() if isinstance(value, int)}
    outputs["exit-code"] = code
    append("GITHUB_OUTPUT", "".join(f"{key}={value}\n" for key, value in outputs.items()))
    return code


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("prepare", "check"):
        print(__doc__.split("\n\n", 1)[0], file=sys.stderr)
        print("usage: github_action.py prepare | check [PATHS...]", file=sys.stderr)
        return 2
    return prepare() if argv[0] == "prepare" else check(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
