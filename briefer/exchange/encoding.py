"""Reading a text file whose encoding nobody wrote down, without mangling it.

Datasets arrive as UTF-8, UTF-8 with a BOM (Excel), UTF-16 with a BOM (Excel's
"Unicode text"), Windows-1252 (old Excel, old exports), or a mix of them when files
were glued together.  The encoding is detected from the file's start; after that, every
line is decoded strictly.  A line that does not decode is *reported* (its number and
what it looks like) and handed on decoded with replacement characters only so that the
CSV parser keeps its place: the importer skips any row touching a bad line, so no
guessed character ever reaches the workspace.

One repair is made, and reported per line: C1 control characters (U+0080–U+009F) in
UTF-8 text are Windows-1252 punctuation that went through Latin-1 on its way (ACLED's
2016 files have ’ “ ” – stored that way); they are turned back into the punctuation.

Lines are yielded split on LF only, with their endings kept, so `csv.reader.line_num`
is the file's line number and CRLF files parse unchanged.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from pathlib import Path
from typing import BinaryIO, Iterator, Optional

from ..core.errors import BrieferError

__all__ = ["TextFile", "detect_encoding", "ENCODING_LABELS"]

BLOCK = 1 << 20
SAMPLE = 1 << 16

ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16 with BOM",
    "utf-16-le": "UTF-16 LE (no BOM)",
    "utf-16-be": "UTF-16 BE (no BOM)",
    "cp1252": "Windows-1252",
}

_C1 = re.compile("[\x80-\x9f]")
# A multi-byte UTF-8 character: in a Windows-1252 file this is almost surely UTF-8 text
# pasted in (Ã© for é), i.e. a file mixing encodings.
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _repair_c1(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        try:
            return bytes([ord(match.group())]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d mean nothing in cp1252
            return match.group()
    return _C1.sub(fix, text)


def _utf8_ok(sample: bytes) -> bool:
    """True when the sample is UTF-8 (a multi-byte character cut by the sample's end is fine)."""
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        return error.start >= len(sample) - 3 and error.reason == "unexpected end of data"


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def looks_binary(sample: bytes) -> bool:
    """Control bytes no text file has (UTF-16's zero bytes aside): a PNG, a PDF, an .xlsx."""
    if detect_encoding(sample).startswith("utf-16"):
        return False
    return len(_CONTROL.findall(sample[:4096])) > 2


def detect_encoding(sample: bytes) -> str:
    """A Python codec name for a file starting with `sample`."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM: ASCII text has its zero bytes on one side (binary data,
        # an image say, has them on both, and is left to `looks_binary`)
        even = sample[0::2].count(b"\x00")
        odd = sample[1::2].count(b"\x00")
        if max(even, odd) >= 0.95 * (even + odd):
            return "utf-16-be" if even > odd else "utf-16-le"
    if _utf8_ok(sample) or _UTF8_SEQ.search(sample):
        return "utf-8"  # with some invalid lines: a mixed file, whose foreign lines are reported
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "utf-8"  # neither: read as UTF-8 and report the lines that are not
    return "cp1252"


def _describe_bad(raw: bytes, encoding: str) -> str:
    """Why a line did not decode, in words a user can act on."""
    try:
        raw.decode(encoding)
        return ""
    except UnicodeDecodeError as error:
        byte = raw[error.start:error.start + 1].hex().upper()
        column = len(raw[:error.start].decode(encoding, errors="replace")) + 1
        hint = ""
        if encoding.startswith("utf-8"):
            try:
                looks = raw[error.start:error.start + 1].decode("cp1252")
                hint = f"; it looks like Windows-1252 ('{looks}'), so the file mixes encodings"
            except UnicodeDecodeError:
                pass
        label = ENCODING_LABELS.get(encoding, encoding)
        return f"not valid {label} (byte 0x{byte} at column {column}){hint}"


class TextFile:
    """The decoded lines of one file, with what was detected and what went wrong.

    `bad_lines` maps a line number to why it could not be decoded; `repaired_lines`
    maps a line number to what was repaired.  `bytes_read` follows reading, for
    progress bars; `size` is the file's size.
    """

    def __init__(self, path: str | os.PathLike[str], encoding: Optional[str] = None) -> None:
        self.path = Path(path)
        self.size = self.path.stat().st_size
        with open(self.path, "rb") as handle:
            sample = handle.read(SAMPLE)
        if encoding is None and looks_binary(sample):
            raise BrieferError(f"{self.path}: not a text file (it holds binary data, like an image or a "
                               "spreadsheet); export it as CSV first")
        self.codec = encoding or detect_encoding(sample)
        codecs.lookup(self.codec)  # an unknown name fails here, not half-way
        self.encoding = ENCODING_LABELS.get(self.codec, self.codec)
        self.bad_lines: dict[int, str] = {}
        self.repaired_lines: dict[int, str] = {}
        self.bytes_read = 0

    def head(self, lines: int = 20) -> list[str]:
        """The first lines, decoded leniently: for previews and sniffing, never for import."""
        out: list[str] = []
        with open(self.path, "rb") as handle:
            data = handle.read(SAMPLE * 4)
        text = data.decode(self.codec, errors="replace")
        for line in text.split("\n")[:lines]:
            out.append(line.rstrip("\r"))
        return out

    def lines(self) -> Iterator[str]:
        if self.codec.startswith("utf-16"):
            yield from self._utf16_lines()
            return
        codec = "utf-8" if self.codec == "utf-8-sig" else self.codec
        check_c1 = codec == "utf-8"
        line_no = 0
        with open(self.path, "rb") as handle:
            if self.codec == "utf-8-sig":
                handle.read(3)
                self.bytes_read = 3
            rest = b""
            while True:
                block = handle.read(BLOCK)
                if not block:
                    if rest:
                        line_no += 1
                        yield self._line(rest, line_no, codec, check_c1)
                    break
                data = rest + block
                cut = data.rfind(b"\n") + 1
                if cut == 0:
                    rest = data
                    continue
                rest = data[cut:]
                chunk = data[:cut]
                self.bytes_read += len(block)
                try:
                    text = chunk.decode(codec)
                    if codec == "cp1252" and _UTF8_SEQ.search(chunk):
                        raise UnicodeDecodeError(codec, chunk, 0, 1, "UTF-8 inside")
                except UnicodeDecodeError:
                    for raw in chunk.split(b"\n")[:-1]:
                        line_no += 1
                        yield self._line(raw + b"\n", line_no, codec, check_c1)
                    continue
                parts = text.split("\n")
                parts.pop()  # the chunk ends with "\n": the last part is empty
                if check_c1 and _C1.search(text):
                    for part in parts:
                        line_no += 1
                        yield self._repaired(part + "\n", line_no)
                    continue
                for part in parts:
                    yield part + "\n"
                line_no += len(parts)
        self.bytes_read = self.size

    def _line(self, raw: bytes, line_no: int, codec: str, check_c1: bool) -> str:
        try:
            text = raw.decode(codec)
            if codec == "cp1252" and _UTF8_SEQ.search(raw):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    pass
                else:
                    self.bad_lines[line_no] = "this line is UTF-8 in a Windows-1252 file: the file mixes encodings"
                    return text
        except UnicodeDecodeError:
            self.bad_lines[line_no] = _describe_bad(raw, codec)
            return raw.decode(codec, errors="replace")
        return self._repaired(text, line_no) if check_c1 else text

    def _repaired(self, text: str, line_no: int) -> str:
        if not _C1.search(text):
            return text
        fixed = _repair_c1(text)
        found = sorted(set(_C1.findall(text)))
        self.repaired_lines[line_no] = (
            "repaired Windows-1252 punctuation stored as control characters ("
            + ", ".join(f"U+{ord(c):04X}→{_repair_c1(c)}" for c in found) + ")")
        return fixed

    def _utf16_lines(self) -> Iterator[str]:
        with open(self.path, "rb") as raw:
            counting = _Counting(raw, self)
            text = io.TextIOWrapper(counting, encoding=self.codec, errors="strict", newline="")  # type: ignore[arg-type]
            line_no = 0
            try:
                for line in text:
                    line_no += 1
                    yield line
            except UnicodeError as error:  # a bad sequence, or no byte-order mark for "utf-16"
                self.bad_lines[line_no + 1] = (f"not valid {self.encoding} ({error}); "
                                               "the rest of the file could not be read")
                yield "\n"
        self.bytes_read = self.size


class _Counting(io.RawIOBase):
    """A binary stream that tells a `TextFile` how far reading got."""

    def __init__(self, raw: BinaryIO, owner: TextFile) -> None:
        self._raw, self._owner = raw, owner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[:len(data)] = data
        self._owner.bytes_read += len(data)
        return len(data)
