"""CSV and TSV records with the line each starts on, and encoding trouble turned into
skipped rows: what every delimited format (ACLED, GDELT, generic CSV) reads through."""

from __future__ import annotations

import csv
import sys
from typing import Iterator, Optional, Union

from ..core.model import MAX_FATALITIES
from .encoding import TextFile
from .report import ImportReport, Problem

__all__ = ["records", "sniff_delimiter", "open_text", "parse_count"]

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # ACLED notes can be long; a default of 128 KiB is not enough


def parse_count(text: str, name: str, most: int = MAX_FATALITIES) -> Optional[int]:
    """A count ("12", "12.0", "") as a dataset cell writes it, or None when empty.
    ValueError names the column when it is not a number, or one above `most` (the
    model's bound: "1e400", thirty digits, "nan"): the row is skipped, not the import."""
    if text.isdigit() and len(text) < 19:
        value = int(text)
    elif not text.strip():
        return None
    else:
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"{name} '{text}' is not a number") from None
    if value != value or abs(value) > most:
        raise ValueError(f"{name} '{text[:40]}' is too large to keep (at most {most:,})")
    return int(value)


def open_text(path, encoding: Optional[str] = None) -> TextFile:
    from .json_format import ExchangeError

    try:
        return TextFile(path, encoding)
    except FileNotFoundError:
        raise ExchangeError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ExchangeError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise ExchangeError(f"{path}: permission denied") from None
    except LookupError:
        raise ExchangeError(f"{path}: '{encoding}' is not an encoding Briefer knows") from None


def sniff_delimiter(lines: list[str]) -> str:
    """Tab, comma, semicolon or bar: the one that splits the first lines most evenly."""
    sample = [line for line in lines[:20] if line.strip()]
    if not sample:
        return ","
    best, best_score = ",", -1.0
    for delimiter in ("\t", ",", ";", "|"):
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in sample]
        if counts[0] < 2:
            continue
        same = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = same * 100 + min(counts[0], 60)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def records(text: TextFile, report: ImportReport, delimiter: str = ",",
            quoting: int = csv.QUOTE_MINIMAL) -> Iterator[Union[tuple[int, list[str]], Problem]]:
    """(first line, fields) per record, or a Problem for a record on a line that could
    not be decoded.  Repairs the decoder made are reported as warnings."""
    quotes = [0]  # quote marks in the lines of the record being read

    def counted(lines: Iterator[str]) -> Iterator[str]:
        for line in lines:
            quotes[0] += line.count('"')
            yield line

    reader = csv.reader(counted(text.lines()), delimiter=delimiter, quoting=quoting, strict=False)
    bad, repaired = text.bad_lines, text.repaired_lines
    previous = 0
    held: Optional[tuple[int, list[str]]] = None  # the last record is checked before it is passed on
    try:
        for fields in reader:
            odd, quotes[0] = quotes[0] % 2, 0
            if held is not None:
                yield held
                held = None
            last = reader.line_num
            first = previous + 1
            previous = last
            if bad or repaired:
                for line in range(first, last + 1):
                    if line in repaired:
                        report.warn(line, repaired.pop(line))
                if bad and any(line in bad for line in range(first, last + 1)):
                    reason = next(bad[line] for line in range(first, last + 1) if line in bad)
                    yield Problem(first, reason)
                    continue
            if not fields:
                continue
            if odd and quoting != csv.QUOTE_NONE:
                held = (first, fields)  # a quote left open: fine inside a file, not at its very end
                continue
            yield first, fields
    except csv.Error as error:
        if held is not None:
            yield held
        yield Problem(previous + 1, f"cannot be read as CSV ({error}); the rest of the file was not read")
        return
    if held is not None:
        yield Problem(held[0], "ends inside a quoted field: the file seems cut short (this row was not imported)")
