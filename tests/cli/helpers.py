"""Running `briefer-cli` as scripts do: a real subprocess, its exit code and its stderr."""

from __future__ import annotations

import subprocess
import sys

from ..dumps import dump  # noqa: F401 - the CLI tests import it from here


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "briefer.cli", *args], capture_output=True, text=True,
                            timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"briefer-cli {' '.join(args)} failed: {result.stderr}")
    return result


def assert_clean_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    """A refusal as the user sees it: non-zero exit, one line on stderr naming the problem."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
