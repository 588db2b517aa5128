"""import and export: moving events in and out of a workspace.

The commands live in `datasets.py` (Briefer JSON and the dataset formats share one
`import` and one `export`); this module keeps its place in `COMMAND_MODULES`.
"""

from __future__ import annotations

from .datasets import register, run_export_command, run_import_command

__all__ = ["register", "run_import_command", "run_export_command"]
