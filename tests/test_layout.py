"""The layout is the architecture: each unit folder is one installable project that declares all
its packages and data, and the import contracts fail when one unit reaches into another."""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomli as tomllib  # Python 3.10: tomllib arrived in 3.11

ROOT = Path(__file__).resolve().parent.parent
UNITS = ["bot", "actions", "lookup", "common", "web", "tools"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
NOT_PACKAGE_DATA = {"pyproject.toml", "README.md"}


def project(unit: str) -> dict:
    return tomllib.loads((ROOT / unit / "pyproject.toml").read_text(encoding="utf-8"))


def package_dirs(unit: str) -> dict[str, Path]:
    """Every folder of the unit that Python would import as a package, by dotted name."""
    found = {}
    for init in sorted((ROOT / unit).rglob("__init__.py")):
        relative = init.parent.relative_to(ROOT / unit)
        found[".".join((unit, *relative.parts))] = init.parent
    return found


@pytest.mark.parametrize("unit", UNITS)
def test_each_unit_declares_every_package_it_has(unit: str) -> None:
    setuptools = project(unit)["tool"]["setuptools"]
    assert setuptools["package-dir"] == {unit: "."}
    assert sorted(setuptools["packages"]) == sorted(package_dirs(unit))


@pytest.mark.parametrize("unit", UNITS)
def test_each_unit_declares_the_data_files_it_ships(unit: str) -> None:
    """A wheel of the unit carries its templates, static files and migration template."""
    declared = project(unit)["tool"]["setuptools"].get("package-data", {})
    packages = package_dirs(unit)
    missing = []
    for path in sorted((ROOT / unit).rglob("*")):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or path.name in NOT_PACKAGE_DATA:
            continue
        if any(part == "__pycache__" or part.endswith(".egg-info") for part in path.parts):
            continue
        owner = max(
            (name for name, folder in packages.items() if path.is_relative_to(folder)),
            key=len,
        )
        relative = path.relative_to(packages[owner]).as_posix()
        if not any(fnmatch.fnmatch(relative, glob) for glob in declared.get(owner, [])):
            missing.append(f"{owner}: {relative}")
    assert not missing, f"not declared as package data in {unit}/pyproject.toml: {missing}"


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture()
def copy_of_the_units(tmp_path: Path) -> Path:
    for unit in UNITS:
        shutil.copytree(
            ROOT / unit, tmp_path / unit, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_import_contracts_hold(copy_of_the_units: Path) -> None:
    result = lint_imports(copy_of_the_units)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "statement", "contract"),
    [
        ("bot/rasa_config.py", "import lookup.settings", "do not import one another"),
        ("actions/base.py", "from bot.nlu import language_detector", "do not import one another"),
        ("lookup/search.py", "import tools.stack", "no unit imports the developer tools"),
        ("common/textnorm.py", "import fastapi", "common is pure Python"),
    ],
)
def test_the_import_contracts_fail_when_a_unit_reaches_into_another(
    copy_of_the_units: Path, module: str, statement: str, contract: str
) -> None:
    path = copy_of_the_units / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{statement}\n", encoding="utf-8")
    result = lint_imports(copy_of_the_units)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
