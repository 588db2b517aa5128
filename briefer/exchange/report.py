"""What an import did: counts, and every row it could not take, with where and why.

The report is the analyst's receipt.  It is written even when nothing was imported (a
cancel, a fatal error, an abort because of bad rows), so the user can fix the file and
try again.  Saved as text for reading or as CSV for sorting the bad rows in a
spreadsheet.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

from ..core.files import write_text

__all__ = ["Problem", "ImportReport", "MAX_LISTED"]

# A file with a million bad rows should not make a report of a million lines in memory:
# the first MAX_LISTED are kept, the rest are counted.
MAX_LISTED = 10_000


@dataclass(frozen=True)
class Problem:
    """A row that was skipped (or a warning about one): `line` is the file's line
    number where the row starts, or None for formats without lines (JSON entries say
    `where`)."""

    line: Optional[int]
    reason: str
    where: str = ""
    file: str = ""  # which file, when an import reads several

    @property
    def place(self) -> str:
        at = f"line {self.line}" if self.line is not None else (self.where or "file")
        return f"{Path(self.file).name}, {at}" if self.file else at


@dataclass
class ImportReport:
    file: str = ""
    format: str = ""
    encoding: str = ""
    rows_read: int = 0
    added: dict[str, int] = field(default_factory=lambda: {"events": 0, "actors": 0, "sources": 0})
    unchanged: int = 0  # rows whose event is already in the workspace (same external id)
    merged: int = 0  # rows that added actors to an event of an earlier row (ACLED one-actor-per-row)
    skipped: list[Problem] = field(default_factory=list)
    skipped_count: int = 0
    warnings: list[Problem] = field(default_factory=list)
    warning_count: int = 0
    committed: bool = False
    cancelled: bool = False
    aborted: str = ""  # why nothing was imported, when something stopped it
    started: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    seconds: float = 0.0
    saved_to: str = ""
    files: list[str] = field(default_factory=list)  # when several files were imported at once
    current_file: str = ""  # the one being read (for progress and for the rows it skips)
    encodings: dict[str, str] = field(default_factory=dict)  # file: encoding it was read in
    actors: list[dict] = field(default_factory=list)  # names not simply found: what each became (see reconcile)

    # -- collecting ---------------------------------------------------------------
    def skip(self, line: Optional[int], reason: str, where: str = "") -> None:
        self.skipped_count += 1
        if len(self.skipped) < MAX_LISTED:
            self.skipped.append(Problem(line, reason, where, self.current_file))

    def warn(self, line: Optional[int], reason: str, where: str = "") -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_LISTED:
            self.warnings.append(Problem(line, reason, where, self.current_file))

    @property
    def has_bad_rows(self) -> bool:
        return self.skipped_count > 0

    # -- telling ------------------------------------------------------------------
    def summary(self) -> str:
        """One or two sentences: what the user sees first."""
        if self.cancelled:
            head = "Import cancelled; the workspace was left as it was."
        elif self.aborted:
            head = f"Nothing was imported: {self.aborted}"
        elif not self.committed:
            head = "Checked only; nothing was imported."
        else:
            a = self.added
            head = (f"Added {a['events']:,} events, {a['actors']:,} actors and {a['sources']:,} sources "
                    f"from {self.rows_read:,} rows.")
        extra = []
        if self.unchanged:
            extra.append(f"{self.unchanged:,} already in the workspace")
        if self.merged:
            extra.append(f"{self.merged:,} rows added actors to an event of an earlier row")
        if self.skipped_count:
            extra.append(f"{self.skipped_count:,} rows skipped")
        if self.warning_count:
            extra.append(f"{self.warning_count:,} warnings")
        return head + (" " + "; ".join(extra) + "." if extra else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "format": self.format, "encoding": self.encoding,
            "rows_read": self.rows_read, "added": dict(self.added), "unchanged": self.unchanged,
            "merged": self.merged, "committed": self.committed, "cancelled": self.cancelled,
            "aborted": self.aborted, "seconds": round(self.seconds, 3),
            "skipped_count": self.skipped_count,
            "skipped": [{"line": p.line, "where": p.where, "reason": p.reason} for p in self.skipped],
            "warning_count": self.warning_count,
            "warnings": [{"line": p.line, "where": p.where, "reason": p.reason} for p in self.warnings],
            "report": self.saved_to,
            "files": list(self.files) or [self.file], "actors": list(self.actors),
        }

    def to_text(self) -> str:
        out = [
            f"Briefer import report — {self.started:%Y-%m-%d %H:%M}",
            f"File:     {self.file}",
            f"Format:   {self.format}" + (f"   Encoding: {self.encoding}" if self.encoding else ""),
            "",
            self.summary(),
            "",
        ]
        if len(self.files) > 1:
            out.append(f"Files ({len(self.files)}):")
            out.extend(f"  {f}" + (f" ({self.encodings[f]})" if f in self.encodings else "") for f in self.files)
            out.append("")
        out.extend(self.actor_lines())
        if self.skipped_count:
            out.append(f"Skipped rows ({self.skipped_count:,}):")
            out.extend(f"  {p.place}: {p.reason}" for p in self.skipped)
            if self.skipped_count > len(self.skipped):
                out.append(f"  … and {self.skipped_count - len(self.skipped):,} more")
            out.append("")
        if self.warning_count:
            out.append(f"Warnings ({self.warning_count:,}):")
            out.extend(f"  {p.place}: {p.reason}" for p in self.warnings)
            if self.warning_count > len(self.warnings):
                out.append(f"  … and {self.warning_count - len(self.warnings):,} more")
            out.append("")
        return "\n".join(out)

    def actor_lines(self) -> list[str]:
        """The actor names that were not simply an actor's name: matched how, or made new."""
        if not self.actors:
            return []
        unsure = [a for a in self.actors if a.get("suggestion")]
        out = []
        if unsure:
            out.append(f"Actor names not matched for sure ({len(unsure):,}), imported as new actors; "
                       "choose in the import dialog or with --actor-map FILE:")
            out.extend(f"  {a['name']}  →  new '{a['actor']}'   (perhaps {a['suggestion']})" for a in unsure)
            out.append("")
        rest = [a for a in self.actors if not a.get("suggestion")]
        if rest:
            out.append(f"Actor names ({len(rest):,}):")
            for a in rest:
                what = {"existing": "", "member": "new ", "new": "new "}[a["choice"]] + f"'{a['actor']}'"
                if a.get("of"):
                    what += f", a branch of '{a['of']}'"
                out.append(f"  {a['name']}  →  {what}   ({a['why']})")
            out.append("")
        return out

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["kind", "line", "where", "reason"])
        writer.writerows(("skipped", p.line if p.line is not None else "", p.where, p.reason) for p in self.skipped)
        writer.writerows(("warning", p.line if p.line is not None else "", p.where, p.reason) for p in self.warnings)
        return buffer.getvalue()

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the report; a `.csv` name gets the CSV form, anything else text."""
        target = Path(path)
        text = self.to_csv() if target.suffix.lower() == ".csv" else self.to_text()
        write_text(target, text, inputs=[self.file, *self.files])  # never over an imported file or the workspace
        self.saved_to = str(target)
        return target
