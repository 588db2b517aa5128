"""A smaller ICU data library for the one-folder app (briefer.spec uses it).

PySide6's Qt links ICU, whose data library (libicudata, 31 MB) holds every locale's
collation, display names, units, currencies, time zones, transliterators, spell-out rules,
break dictionaries and 200 legacy codepage converters. Qt reaches ICU for collation (the
file dialog sorts with QCollator), case mapping and, when asked, codepage converters and time
zone names; Briefer itself asks for none of them. This keeps collation for the root and the
desk's languages (others fall back to the root order), time zone names for those languages,
the locale tree, normalisation and properties, and drops the rest (names of languages,
regions, currencies and units, transliterators, spell-out rules, break dictionaries, the
codepage converters).

The data is an ICU "common data" package (a header, a table of contents of
name/offset pairs, items aligned to 16 bytes); it is rewritten with the kept items and
wrapped again as a shared library exporting the same symbol and soname, with binutils
(`as`, `ld`), which PyInstaller needs on Linux anyway.

    python packaging/trim_icu.py SOURCE_LIB OUT_LIB      (prints what it kept)
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("root", "en", "ar", "fr", "de", "es", "ru", "tr", "fa", "ku", "ckb", "he")
DROP_TREES = ("lang/", "region/", "curr/", "unit/", "translit/", "rbnf/")


def _language_kept(name: str) -> bool:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.split("_")[0] in KEEP_LANGUAGES or stem in ("res_index", "pool", "tzdbNames")


def keep(name: str) -> bool:
    """Whether the item NAME (without the package prefix) stays."""
    if name.endswith(".cnv"):
        return False
    if name.startswith(DROP_TREES) or (name.startswith("brkitr/") and name.endswith(".dict")):
        return False
    if name.startswith(("coll/", "zone/")):
        return _language_kept(name) or not name.endswith(".res")
    if "/" not in name and name.endswith(".res") and re.match(r"^[a-z]{2,3}(_|\.res$)", name):
        return _language_kept(name)  # a locale of the main tree; the tree's tables stay
    return True


def read_items(data: bytes) -> tuple[bytes, str, list[tuple[str, bytes]]]:
    """The header, the package prefix ('icudt73l/') and the (name, bytes) items of a common data file."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = data[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset:toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    prefix = items[0][0].split("/", 1)[0] + "/"
    return data[:header_size], prefix, [(n[len(prefix):], body) for n, body in items]


def write_items(header: bytes, prefix: str, items: list[tuple[str, bytes]]) -> bytes:
    names = b"".join((prefix + name).encode("ascii") + b"\0" for name, _ in items)
    names_start = 4 + 8 * len(items)
    data_start = (names_start + len(names) + 15) & ~15
    offsets, blob, cursor = [], bytearray(), data_start
    name_cursor = names_start
    for name, body in items:
        offsets.append((name_cursor, cursor))
        name_cursor += len(prefix + name) + 1
        padded = body + b"\xaa" * (-len(body) % 16)  # ICU pads with 0xaa
        blob += padded
        cursor += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *o) for o in offsets)
    toc += names + b"\xaa" * (data_start - names_start - len(names))
    return header + toc + bytes(blob)


def _symbol(lib: Path) -> tuple[str, int, int, str]:
    """The data symbol's name, file offset and size, and the library's soname."""
    symbols = subprocess.run(["readelf", "-W", "--dyn-syms", str(lib)], capture_output=True, text=True,
                             check=True).stdout
    found = re.search(r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+DEFAULT\s+(\d+)\s+(icudt\d+_dat)", symbols)
    if not found:
        raise ValueError(f"{lib}: no icudtNN_dat symbol")
    address, size, section = int(found.group(1), 16), int(found.group(2), 0), int(found.group(3))
    sections = subprocess.run(["readelf", "-W", "-S", str(lib)], capture_output=True, text=True, check=True).stdout
    row = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    offset = address - int(row.group(1), 16) + int(row.group(2), 16)
    dynamic = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True, check=True).stdout
    soname = re.search(r"\(SONAME\).*\[(.*)\]", dynamic).group(1)
    return found.group(4), offset, size, soname


def trim(source: Path, out: Path) -> tuple[int, int]:
    """Write the smaller library to OUT; returns (items kept, items in the source)."""
    symbol, offset, size, soname = _symbol(source)
    data = source.read_bytes()[offset:offset + size]
    header, prefix, items = read_items(data)
    kept = [(name, body) for name, body in items if keep(name)]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "icudata.dat").write_bytes(write_items(header, prefix, kept))
        (work / "icudata.s").write_text(
            f'    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n'
            f'{symbol}:\n    .incbin "icudata.dat"\n    .size {symbol}, . - {symbol}\n'
            '    .section .note.GNU-stack,"",@progbits\n')
        subprocess.run(["as", "-o", "icudata.o", "icudata.s"], cwd=work, check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(out.resolve()), "icudata.o"], cwd=work,
                       check=True)
    return len(kept), len(items)


if __name__ == "__main__":
    kept, total = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"kept {kept} of {total} ICU data items: {Path(sys.argv[2]).stat().st_size:,} bytes")
