"""The README's Quick start holds exactly two commands and CI runs the second one verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S)]


def test_quick_start_has_exactly_two_single_line_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert "seeds/" in commands[0] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci_lines


def in_ci_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("### In CI", 1)[1].split("\n### ", 1)[0]


def yaml_blocks(section: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)


def test_action_snippet_uses_only_inputs_action_yml_declares() -> None:
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    workflow = yaml.safe_load(yaml_blocks(in_ci_section())[0])
    steps = workflow["jobs"]["geomap"]["steps"]
    (step,) = [s for s in steps if re.fullmatch(r"YOUR-ORG/geomap@\S+", s.get("uses", ""))]
    required = {name for name, spec in action["inputs"].items() if spec.get("required")}
    assert required <= set(step["with"]) <= set(action["inputs"])


def test_in_ci_tables_list_every_action_input_and_output() -> None:
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    section = in_ci_section()
    for name in action["inputs"]:
        assert f"| `{name}`" in section, name
    for name in action["outputs"]:
        assert f"`{name}`" in section, name


def test_snippets_name_a_tag_the_readme_explains_how_to_create() -> None:
    import yaml

    section = in_ci_section()
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), flags=re.M)
    assert version is not None
    tag = f"v{version.group(1)}"
    refs = set(re.findall(r"YOUR-ORG/geomap@(\S+?)[\"\s]", section))
    refs |= set(re.findall(r"^\s*rev: (\S+)", section, flags=re.M))
    assert refs == {tag}
    assert f"git tag {tag} && git push origin {tag}" in section
    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load(next(block for block in yaml_blocks(section) if "rev:" in block))
    assert {hook["id"] for repo in config["repos"] for hook in repo["hooks"]} <= hooks
