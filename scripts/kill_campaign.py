"""Kill -9 campaign: `check -o`, `map -o --geojson` and `gazetteer build` killed at random moments.

Run: python scripts/kill_campaign.py [--kills 100] [--builds 5] [--seed 1]

Each round starts the command in a real subprocess on one of two article folders (so that a
new output is told from an old one), sends SIGKILL after a random delay, and then checks:
- every output is absent or complete (JSON parses, the HTML page ends with </html>, the
  GeoJSON parses), never half-written;
- `map`'s HTML and GeoJSON come from the same run (their place counts agree);
- after the next complete run, no temporary file (`.*.geomap-*.tmp`, `.gazetteer-*.tmp`) is
  left in the output folder or the cache.
`gazetteer build` rounds rebuild the full gazetteer into a scratch cache (about 20 s each).
Prints the rounds run and the problems found; exits 1 if there was any.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEOMAP = [sys.executable, "-m", "geomap"]
STORIES = (
    "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n",
    "Jablah lies 22 km south of Latakia. Homs is 160 km north of Damascus. Aleppo was quiet.\n",
)


def story_folders(work: Path) -> list[Path]:
    folders = []
    for index, story in enumerate(STORIES):
        folder = work / f"news{index}"
        folder.mkdir()
        for copy in range(40):  # enough work that a kill often lands mid-run
            (folder / f"a{copy:02d}.txt").write_text(story * (copy + 1), encoding="utf-8")
        folders.append(folder)
    return folders


def kill_after(command: list[str], delay: float, env: dict[str, str]) -> None:
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


def leftovers(*folders: Path) -> list[str]:
    found = []
    for folder in folders:
        found += [str(p) for p in folder.glob(".*.geomap-*.tmp")] + [
            str(p) for p in folder.glob(".gazetteer-*.tmp")
        ]
    return found


def check_outputs(out: Path) -> list[str]:
    problems = []
    report = out / "report.json"
    if report.exists():
        try:
            json.loads(report.read_text(encoding="utf-8"))
        except ValueError as error:
            problems.append(f"half-written report.json: {error}")
    html, geojson = out / "map.html", out / "map.geojson"
    if html.exists() != geojson.exists():
        problems.append("map.html and map.geojson: one without the other")
    if html.exists() and geojson.exists():
        page = html.read_text(encoding="utf-8")
        if not page.rstrip().endswith("</html>"):
            problems.append("half-written map.html")
        try:
            features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
        except (ValueError, KeyError) as error:
            problems.append(f"half-written map.geojson: {error}")
        else:
            places = sum(1 for f in features if f["properties"]["feature"] == "place")
            if page.count('"className":"geomap-place ') != places:
                problems.append("map.html and map.geojson come from different runs")
    return problems


def kill_round(
    round_number: int, rng: random.Random, folders: list[Path], out: Path, env: dict[str, str]
) -> list[str]:
    """One killed run: `map` on even rounds, `check` on odd ones; the problems its outputs show."""
    folder = str(rng.choice(folders))
    if round_number % 2:
        command = [*GEOMAP, "check", folder, "--format", "json", "-o", str(out / "report.json")]
    else:
        command = [*GEOMAP, "map", folder, "-o", str(out / "map.html"), "--geojson", str(out / "map.geojson")]
    kill_after(command, rng.uniform(0.05, 3.0), env)
    return check_outputs(out)


def finish(folders: list[Path], out: Path, env: dict[str, str]) -> list[str]:
    """A complete run after the kills, and the temporary files still left next to the outputs."""
    subprocess.run(
        [*GEOMAP, "check", str(folders[0]), "-o", str(out / "report.json")], cwd=ROOT, env=env, check=False
    )
    return [f"left after a complete run: {p}" for p in leftovers(out)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100, help="rounds of check and map (half each)")
    parser.add_argument("--builds", type=int, default=5, help="rounds of gazetteer build")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    work = Path(tempfile.mkdtemp(prefix="geomap-kill-"))
    folders, out = story_folders(work), work / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    problems: list[str] = []
    for round_number in range(arguments.kills):
        problems += [f"round {round_number}: {p}" for p in kill_round(round_number, rng, folders, out, env)]
    problems += finish(folders, out, env)
    cache = work / "cache"
    for _ in range(arguments.builds):
        kill_after(
            [*GEOMAP, "gazetteer", "build", "--force", "--cache-dir", str(cache)], rng.uniform(0.5, 20.0), env
        )
    if arguments.builds:
        started = time.perf_counter()
        done = subprocess.run(
            [*GEOMAP, "gazetteer", "info", "--cache-dir", str(cache)], cwd=ROOT, env=env, check=False
        )
        if done.returncode != 0:
            problems.append(f"gazetteer info after the kills exited {done.returncode}")
        problems += [f"left in the cache: {p}" for p in leftovers(cache)]
        elapsed = time.perf_counter() - started
        print(f"gazetteer usable again after {arguments.builds} killed builds ({elapsed:.0f} s)")
    shutil.rmtree(work, ignore_errors=True)
    print(
        f"{arguments.kills} killed check/map runs, {arguments.builds} killed builds: {len(problems)} problems"
    )
    for problem in problems[:20]:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
