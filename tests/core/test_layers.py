"""What import-linter cannot see: no module outside briefer/store runs SQL through a
workspace's connection (`ws.conn.execute(…)`), and every module of the package is in a layer."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import briefer

PACKAGE = Path(briefer.__file__).resolve().parent
ROOT = PACKAGE.parent
SQL_CALLS = {"execute", "executemany", "executescript"}


def _outside_store() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "store" not in p.relative_to(PACKAGE).parts[:1]]


def test_no_sql_outside_the_store() -> None:
    found = []
    for path in _outside_store():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and (node.attr == "conn" or node.attr in SQL_CALLS):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert found == []


def test_the_check_sees_sql_where_it_is() -> None:
    assert any(isinstance(n, ast.Attribute) and n.attr == "execute"
               for n in ast.walk(ast.parse("ws.conn.execute('DELETE FROM event')")))


def test_every_module_is_in_a_layer() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")["layers"]
    named = {m.strip("() ") for layer in layers for m in layer.split("|")}
    top = {p.stem if p.suffix == ".py" else p.name for p in PACKAGE.iterdir()
           if (p.suffix == ".py" and p.stem not in ("__init__", "__main__")) or (p / "__init__.py").exists()}
    missing = sorted(f"briefer.{name}" for name in top if f"briefer.{name}" not in named)
    assert missing == [], f"not in any layer of pyproject.toml: {missing}"
