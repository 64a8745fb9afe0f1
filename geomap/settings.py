"""One frozen Settings object: defaults < a settings file (geomap.toml, pyproject.toml) < GEOMAP_* < flags."""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from geomap.corrections import Pin, Waiver, parse_pins, parse_waivers
from geomap.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of a geomap run."""

    cache_dir: Path | None = None
    """Where the compiled gazetteer lives (None: $GEOMAP_CACHE_DIR or the user cache dir)."""
    gazetteer_extra: tuple[Path, ...] = ()
    """User overlay files (CSV or GeoJSON points) that outrank built-in places."""
    strict: bool = False
    """Also fail (exit 1) when a claim is unverifiable."""
    relative_tolerance: float = 0.15
    """Fraction of the claimed distance allowed for an "about" claim."""
    absolute_tolerance_km: float = 2.0
    """Minimum slack in km, whatever the figure."""
    bearing_tolerance_deg: float = 10.0
    """Extra degrees allowed beyond a compass point's own width (±45° cardinal, ±35° finer)."""
    near_km: float = 50.0
    """Largest distance that still counts as "near" / "on the outskirts of"."""
    unhedged_tolerance: float = 0.10
    """Fraction of the claimed distance allowed for a figure stated without a hedge ("60 km from")."""
    site_extent_km: float = 1.0
    """Radius given to point sites (bases, airports, ports, dams, bridges)."""
    city_extent_km: float = 3.0
    """Radius given to a town of 100,000 people; it grows with the square root of the population."""
    max_city_extent_km: float = 25.0
    """Largest radius any city is given, however populous."""
    area_extent_km: float = 50.0
    """Radius given to areas (countries, provinces, regions, seas, lakes, deserts)."""
    exclude: tuple[str, ...] = ()
    """Globs of article files to leave out (geomap.articles.is_excluded says how they match)."""
    waive: tuple[Waiver, ...] = ()
    """Claims accepted by fingerprint ([[tool.geomap.waive]]; settings files only)."""
    pin: tuple[Pin, ...] = ()
    """Names pinned to a place in some articles ([[tool.geomap.pin]]; settings files only)."""
    jobs: int | None = None
    """Worker processes for runs over many articles (None: every core, os.cpu_count(); 1: in-process)."""

    def job_count(self) -> int:
        """How many worker processes `jobs` asks for, with None resolved to the machine's cores."""
        return self.jobs if self.jobs is not None else max(1, os.cpu_count() or 1)


_ENV_PREFIX = "GEOMAP_"
#: Settings only a settings file can hold: arrays of tables have no environment or flag form.
_FILE_ONLY = frozenset({"waive", "pin"})
#: The settings file of its own a folder of articles may hold: the keys of [tool.geomap] at its top level.
GEOMAP_TOML = "geomap.toml"


def find_settings_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest settings file at or above `start` and its geomap table.

    In each folder a geomap.toml (keys at its top level) comes before a pyproject.toml, and a
    pyproject.toml without a [tool.geomap] table is passed over, as ruff does with [tool.ruff].
    """
    for folder in (start, *start.parents):
        own = folder / GEOMAP_TOML
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool", {})
            if isinstance(tool, dict) and "geomap" in tool:
                table = tool["geomap"]
                if not isinstance(table, dict):
                    raise ConfigError(
                        f"{pyproject}: [tool.geomap] must be a table, not {type(table).__name__}"
                    )
                return pyproject, table
    return None


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
#: Largest value of the fields with an upper bound (the rest only need to be finite and >= 0).
_MAXIMA = {"bearing_tolerance_deg": 180.0}


def _coerce(name: str, value: Any, base: Path, where: str = "") -> Any:
    """Turn a TOML/env/flag value into the type of the Settings field `name`, or raise ConfigError."""
    if name == "waive":
        return parse_waivers(value, where)
    if name == "pin":
        return parse_pins(value, base, where)
    if name == "cache_dir":
        if value in (None, ""):
            return None
        return base / Path(_path_text(name, value, where)).expanduser()
    if name == "gazetteer_extra":
        if isinstance(value, (str, Path)):
            items = str(value).split(os.pathsep) if isinstance(value, str) else [value]
        elif isinstance(value, (list, tuple)):
            items = [_path_text(name, item, where) for item in value]
        else:
            raise _invalid(name, value, where, "a file name or a list of file names")
        return tuple(base / Path(str(item)).expanduser() for item in items if str(item))
    if name == "exclude":
        return _globs(value, where)
    if name == "strict":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
            return value.strip().lower() in _TRUE
        raise _invalid(name, value, where, "true or false")
    if name == "jobs":
        return _jobs(value, where)
    return _number(name, value, where)


def _globs(value: Any, where: str) -> tuple[str, ...]:
    """Exclude patterns: a string (in the environment, several separated by os.pathsep) or a list."""
    if isinstance(value, str):
        items: list[Any] = value.split(os.pathsep) if where.startswith("environment") else [value]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise _invalid("exclude", value, where, "a glob or a list of globs")
    if not all(isinstance(item, str) for item in items):
        raise _invalid("exclude", value, where, "a glob or a list of globs")
    return tuple(item for item in items if item.strip())


def _jobs(value: Any, where: str) -> int:
    """A whole number of worker processes, at least 1 (TOML integers or numeric strings)."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and text.isdecimal():
        text = int(text)
    if isinstance(text, bool) or not isinstance(text, int) or not 1 <= text <= 1024:
        raise _invalid("jobs", value, where, "a whole number from 1 to 1024")
    return text


def _number(name: str, value: Any, where: str) -> float:
    """A finite, non-negative float (bounded above for some fields)."""
    maximum = _MAXIMA.get(name, math.inf)
    expected = f"a number from 0 to {maximum:g}" if maximum < math.inf else "a number >= 0"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _invalid(name, value, where, expected)
    try:
        number = float(value)
    except ValueError:
        raise _invalid(name, value, where, expected) from None
    if not (math.isfinite(number) and 0 <= number <= maximum):
        raise _invalid(name, value, where, expected)
    return number


def _path_text(name: str, value: Any, where: str) -> str:
    if not isinstance(value, (str, Path)):
        raise _invalid(name, value, where, "a path")
    return str(value)


def _invalid(name: str, value: Any, where: str, expected: str) -> ConfigError:
    key = name.replace("_", "-")
    if where == "flag":
        return ConfigError(f"invalid value for --{key}: {value!r} (expected {expected})")
    return ConfigError(
        f"{where + ': ' if where else ''}invalid value for {key}: {value!r} (expected {expected})"
    )


def _known_keys() -> dict[str, str]:
    return {f.name.replace("_", "-"): f.name for f in fields(Settings)}


def load_settings(
    start: Path | None = None, overrides: dict[str, Any] | None = None, articles: Path | None = None
) -> Settings:
    """Settings for a run started in `start` (default: the working directory) over the articles at `articles`.

    The settings file is the nearest one above the articles' folder, else above `start`.
    """
    start = (start or Path.cwd()).resolve()
    settings = Settings()
    found = (find_settings_file(articles.resolve()) if articles is not None else None) or find_settings_file(
        start
    )
    if found is not None:
        settings = _apply_table(settings, *found)
    settings = _apply_environment(settings)
    values = {k: v for k, v in (overrides or {}).items() if v is not None and v != ()}
    flags = {k: _coerce(k, v, Path.cwd(), "flag") for k, v in values.items()}
    return replace(settings, **flags)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from error
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise ConfigError(f"cannot read {path}: arrays or tables nested too deeply") from None


def _apply_table(settings: Settings, path: Path, table: dict[str, Any]) -> Settings:
    """Settings changed by the geomap table of a settings file (relative paths: from its folder)."""
    section = "" if path.name == GEOMAP_TOML else " [tool.geomap]"
    known = _known_keys()
    changes = {}
    for key, value in table.items():
        name = known.get(key) or (key if key in known.values() else None)
        if name is None:
            raise ConfigError(f"{path}: unknown{section} key {key!r}; valid keys: {', '.join(known)}")
        changes[name] = _coerce(name, value, path.parent, f"{path}{section}")
    return replace(settings, **changes)


def _apply_environment(settings: Settings) -> Settings:
    changes = {}
    for field_ in fields(Settings):
        if field_.name in _FILE_ONLY:
            continue
        variable = _ENV_PREFIX + field_.name.upper()
        raw = os.environ.get(variable)
        if raw:
            changes[field_.name] = _coerce(field_.name, raw, Path.cwd(), f"environment variable {variable}")
    return replace(settings, **changes)
