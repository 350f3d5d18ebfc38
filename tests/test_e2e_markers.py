"""Every end-to-end module is marked e2e (so `-m "not e2e"` leaves out everything that starts
the real processes), checked here in the fast tests as well as when tests/e2e is collected."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from tests.e2e.helpers import E2E_DIR, unmarked_modules


def e2e_module(name: str, **attributes: object) -> ModuleType:
    module = ModuleType(name)
    module.__file__ = str(E2E_DIR / f"{name}.py")
    vars(module).update(attributes)
    return module


def test_every_module_in_tests_e2e_is_marked_e2e() -> None:
    names = sorted(path.stem for path in E2E_DIR.glob("test_*.py"))
    assert names, "no end-to-end modules found"
    modules = [importlib.import_module(f"tests.e2e.{name}") for name in names]
    assert unmarked_modules(modules) == []


def test_a_module_without_the_mark_is_named() -> None:
    modules = [
        e2e_module("test_marked", pytestmark=pytest.mark.e2e),
        e2e_module(
            "test_listed", pytestmark=[pytest.mark.usefixtures("tmp_path"), pytest.mark.e2e]
        ),
        e2e_module("test_other_mark", pytestmark=pytest.mark.usefixtures("tmp_path")),
        e2e_module("test_unmarked"),
    ]
    outside = ModuleType("test_elsewhere")
    outside.__file__ = str(E2E_DIR.parent / "test_elsewhere.py")
    assert unmarked_modules([*modules, outside, None]) == ["test_other_mark.py", "test_unmarked.py"]
