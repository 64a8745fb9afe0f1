"""Snapshot geomap's outputs on the seeds and the development corpora, and compare two snapshots.

Run:
  python scripts/compare_outputs.py snapshot BEFORE [--corpora ../shared/corpora]
  ... change the code ...
  python scripts/compare_outputs.py snapshot AFTER --articles BEFORE/articles
  python scripts/compare_outputs.py compare BEFORE AFTER

`snapshot` writes every corpus article to OUT/articles/ (read from the corpus files at run
time, never copied into the repository; --articles reuses an earlier snapshot's, so the paths
in the outputs are the same), then records `geomap places --format json`,
`geomap check --format json` for the seeds and each corpus, and `geomap eval` (with and
without --gold-spans, text and JSON). `compare` reports every file that differs, byte for
byte, and exits 1 when any does. Used to show that a refactoring changed no output.
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEOMAP = [sys.executable, "-m", "geomap"]


def write_articles(corpus: Path, folder: Path) -> Path:
    """Each <article>'s <text> of a corpus file as its own .txt file; the folder."""
    target = folder / corpus.stem
    target.mkdir(parents=True, exist_ok=True)
    for number, article in enumerate(ET.parse(corpus).getroot().iter("article")):
        text = article.findtext("text") or ""
        (target / f"{number:05d}.txt").write_text(text, encoding="utf-8")
    return target


def run(arguments: list[str], output: Path) -> None:
    """Run geomap with `arguments`, keeping stdout and the exit code."""
    done = subprocess.run([*GEOMAP, *arguments], capture_output=True, cwd=ROOT, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"geomap {' '.join(arguments)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    output.write_bytes(done.stdout + f"\n# exit {done.returncode}\n".encode())


def snapshot(out: Path, corpora: Path, articles: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    articles = (articles or out / "articles").resolve()
    corpus_files = sorted(corpora.glob("*.xml"))
    folders = {"seeds": ROOT / "seeds"}
    for corpus in corpus_files:
        folder = articles / corpus.stem
        folders[corpus.stem] = folder if folder.is_dir() else write_articles(corpus, articles)
    for name, folder in folders.items():
        print(f"{name}: places, check", flush=True)
        run(["places", str(folder), "--format", "json"], out / f"places-{name}.json")
        run(["check", str(folder), "--format", "json"], out / f"check-{name}.json")
    names = [str(corpus) for corpus in corpus_files]
    for form in ("text", "json"):
        print(f"eval --format {form}", flush=True)
        run(["eval", *names, "--format", form], out / f"eval.{form}")
        run(["eval", *names, "--gold-spans", "--format", form], out / f"eval-gold.{form}")


def compare(before: Path, after: Path) -> int:
    names = sorted(p.name for p in before.iterdir() if p.is_file())
    missing = [name for name in names if not (after / name).is_file()]
    differ = [
        name for name in names if name not in missing and not filecmp.cmp(before / name, after / name, False)
    ]
    for name in names:
        state = "MISSING" if name in missing else "DIFFERS" if name in differ else "identical"
        print(f"{state:9}  {name}  ({(before / name).stat().st_size:,} bytes)")
    print(f"{len(names) - len(missing) - len(differ)} of {len(names)} outputs byte-identical")
    return 1 if missing or differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("snapshot")
    take.add_argument("out", type=Path)
    take.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    take.add_argument("--articles", type=Path, help="reuse this folder of articles (an earlier snapshot's)")
    check = commands.add_parser("compare")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    arguments = parser.parse_args()
    if arguments.command == "snapshot":
        snapshot(arguments.out, arguments.corpora, arguments.articles)
        return 0
    return compare(arguments.before, arguments.after)


if __name__ == "__main__":
    sys.exit(main())
