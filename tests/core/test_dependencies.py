"""Every third-party package Briefer's code imports is declared in pyproject.toml: one that
only arrives through another dependency (as dateutil did through dateparser) may vanish
from an install, or sit below the version the code needs, without anything saying so."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import briefer

PACKAGE = Path(briefer.__file__).resolve().parent
ROOT = PACKAGE.parent


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"\s*([A-Za-z0-9._-]+)", requirement).group(1)).lower()


def _imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_package_the_code_imports_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    declared |= {_name(r) for name, extra in project["optional-dependencies"].items() if name not in ("test", "package")
                 for r in extra}  # an extra a user chooses (keyring), imported only when installed
    distributions = packages_distributions()
    undeclared = {}
    for path in PACKAGE.rglob("*.py"):
        for module in _imported(path) - set(sys.stdlib_module_names) - {"briefer"}:
            names = {_name(d) for d in distributions.get(module, [module])}
            if not names & declared:
                undeclared.setdefault(module, path.relative_to(ROOT).as_posix())
    assert undeclared == {}, f"imported but not declared in pyproject.toml: {undeclared}"
