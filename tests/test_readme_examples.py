"""Every `briefer-cli` example in the README works as typed after the PATH step.

The README's ```sh blocks hold examples to type; synopses with placeholders (PATH, FILE,
[options]) live in ```text blocks.  Each sh block runs, line by line in order, in a fresh
temporary folder laid out like a checkout (its `tests/` and a `../shared/data` beside it),
through bash with the environment's `bin` folder first on PATH, as the README's PATH step
does.  A line's exit code is the one its comment documents (`# exit N: …`), otherwise 0;
no line may print a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_EXIT = re.compile(r"#\s*exit\s+(\d+)")
# what a synopsis has and a typed example never does
_PLACEHOLDER = re.compile(r"[\[\]|…]|\.\.\.|\b(PATH|FILE|NAME|EDTF|TEXT|UID|OTHER|PEER|HOST|DATABASE)\b")


def readme_blocks() -> list[tuple[int, list[tuple[int, str]]]]:
    """The sh blocks' briefer-cli commands: (first line number, [(line number, command)])."""
    blocks: list[tuple[int, list[tuple[int, str]]]] = []
    fence: str | None = None
    commands: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    start = 0
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            if fence is None:
                fence, commands, start = line[3:].strip(), [], number
            else:
                if fence == "sh" and commands:
                    blocks.append((start, commands))
                fence = None
            continue
        if fence != "sh":
            continue
        if pending is not None:
            pending = (pending[0], pending[1] + " " + line.strip())
        elif line.startswith("briefer-cli ") or line == "briefer-cli":
            pending = (number, line.strip())
        else:
            continue
        if pending[1].endswith("\\"):
            pending = (pending[0], pending[1][:-1].rstrip())
            continue
        commands.append(pending)
        pending = None
    return blocks


BLOCKS = readme_blocks()


def test_the_readme_has_examples_to_type() -> None:
    commands = [command for _, block in BLOCKS for _, command in block]
    assert len(commands) >= 20, commands
    for command in commands:
        assert not _PLACEHOLDER.search(command.split("#")[0]), f"a placeholder in an sh example: {command}"
    assert any("brief " in c for c in commands) and any(" import " in c for c in commands)
    assert any(" intake " in c for c in commands) and any(_EXIT.search(c) for c in commands)


@pytest.mark.parametrize("block", BLOCKS, ids=[f"README line {start}" for start, _ in BLOCKS])
def test_a_readme_example_block_runs_as_typed(block, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    start, commands = block
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "briefer-cli").exists(), f"briefer-cli is not in {bin_dir}: install the project first"
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "tests").symlink_to(ROOT / "tests")
    if any("../shared/" in command for _, command in commands):
        (tmp_path / "shared").symlink_to(request.getfixturevalue("shared_data").parent)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PYTHONPATH", None)

    def run(number: int, command: str, expected: int) -> None:
        result = subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True,
                                timeout=300)
        said = f"README line {number}: {command}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr + result.stdout, said
        assert result.returncode == expected, said
        if expected:
            assert result.stderr.strip(), said  # a refusal says why

    if not any(re.match(r"briefer-cli init demo\.briefer\b", command) for _, command in commands):
        run(start, "briefer-cli init demo.briefer --demo", 0)  # the demo workspace the block names
    for number, command in commands:
        found = _EXIT.search(command)
        run(number, command, int(found.group(1)) if found else 0)
