"""Shared by the exchange tests: where the fixtures are, and a workspace's content as text."""

from __future__ import annotations

from pathlib import Path

from ..dumps import dump  # noqa: F401 - the exchange tests import it from here

FIXTURES = Path(__file__).parent / "fixtures"


def write_acled(path: Path, rows: list[dict]) -> Path:
    """An ACLED file in the fixtures' columns: each row gives the cells it fills."""
    import csv

    header = (FIXTURES / "acled_small.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(h, "") for h in header])
    return path


def clash(event_id: str, actor1: str, actor2: str = "", **cells: str) -> dict:
    """A battle row in Syria with these actors."""
    return {"event_id_cnty": event_id, "event_date": "2019-10-12", "year": "2019", "event_type": "Battles",
            "actor1": actor1, "actor2": actor2, "country": "Syria", "location": "Ras al Ain", "source": "SOHR",
            "notes": "Clash.", **cells}
