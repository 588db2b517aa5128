"""The hostile-input corpus: files and command lines a careless or hostile user may give.

`make_files(folder)` writes the hostile files once per test session; `CLI_CASES` is the
table the tests run: each row is a command line (placeholders: {ws} the demo workspace,
{f} the folder of hostile files, {t} a private scratch folder, {acled} a small ACLED file),
the exit code it must end with, a fragment its one-line message must hold (the problem,
named), and whether the workspace must be left byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "exchange" / "fixtures"
INTAKE_FIXTURES = Path(__file__).resolve().parents[1] / "intake" / "fixtures"

DEEP = 100_000


def _write(path: Path, data: str | bytes) -> None:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _mime_bomb(depth: int) -> str:
    body = "hello\n"
    for i in range(depth):
        body = f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n{body}\n--b{i}--\n'
    return "From: a@example.org\nSubject: nested\nMIME-Version: 1.0\n" + body


def make_files(folder: Path, demo: Path, export: dict) -> None:
    """Every hostile file the corpus names, in FOLDER; DEMO is a demo workspace to spoil,
    EXPORT a Briefer JSON export of it to spoil."""
    f = folder
    _write(f / "deep.json", "[" * DEEP + "]" * DEEP)
    _write(f / "deep_object.json", '{"format": "briefer-workspace", "version": 1, "actors": '
           + '{"a":' * DEEP + "1" + "}" * DEEP + "}")
    _write(f / "deep_timelinejs.json", '{"events": ' + "[" * DEEP + "]" * DEEP + "}")
    _write(f / "bomb.eml", _mime_bomb(5000))
    _write(f / "deep.html", "<html><body>" + "<div>" * 50_000 + "Baghouz fell." + "</div>" * 50_000 + "</body></html>")
    _write(f / "empty.json", "")
    _write(f / "empty.csv", "")
    _write(f / "empty.txt", "")
    _write(f / "blank.txt", "   \n\n\t \n")
    _write(f / "binary.csv", bytes(range(256)) * 64)
    _write(f / "binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    _write(f / "binary.html", b"\x00\x01\x02" * 3000)
    _write(f / "binary.eml", b"\x00" * 5000)
    _write(f / "list.json", "[1, 2, 3]")
    _write(f / "string.json", '"just a string"')
    _write(f / "broken.json", '{"format": "briefer-workspace", "version": 1, "actors": [')
    _write(f / "other.json", '{"name": "not ours", "items": []}')
    _write(f / "latin1.json", '{"format": "briefer-workspace", "caf\xe9": 1}'.encode("latin-1"))
    _write(f / "notes.md", "")
    _write(f / "report.pdf", b"%PDF-1.4\n")
    _write(f / "header_only.csv", "event_id_cnty,event_date,year\n")
    _write(f / "mapping_deep.json", "[" * DEEP + "]" * DEEP)
    _write(f / "mapping_list.json", "[1]")
    _write(f / "mapping_bad.json", "{not json")
    _write(f / "bluf.bin", b"\xff\xfe\x00\x00" * 100)
    os.mkfifo(f / "fifo")
    os.mkfifo(f / "fifo.json")
    os.mkfifo(f / "fifo.briefer")
    os.mkfifo(f / "fifo.txt")
    os.mkfifo(f / "fifo.csv")
    (f / "folder.briefer").mkdir()
    (f / "folder.json").mkdir()
    (f / "folder.txt").mkdir()

    for name, change in _spoiled_exports().items():
        data = json.loads(json.dumps(export))
        change(data)
        _write(f / name, json.dumps(data))

    # workspace files that are not workspaces, or broken ones
    _write(f / "empty.briefer", b"")
    _write(f / "text.briefer", "this is a note, not a workspace\n")
    _write(f / "random.briefer", os.urandom(8192))
    _write(f / "header.briefer", b"SQLite format 3\x00" + b"\x00" * 84)
    raw = demo.read_bytes()
    _write(f / "truncated.briefer", raw[:4096])
    _write(f / "half.briefer", raw[: len(raw) // 2])
    spoiled = bytearray(raw)
    spoiled[4096:8192] = b"\xde\xad\xbe\xef" * 1024
    _write(f / "spoiled.briefer", bytes(spoiled))
    other = sqlite3.connect(f / "other.briefer")
    other.execute("CREATE TABLE t(x)")
    other.commit()
    other.close()
    newer = bytearray(raw)
    newer[60:64] = (999).to_bytes(4, "big")  # user_version: a format from the future
    _write(f / "newer.briefer", bytes(newer))
    os.symlink(f / "nowhere.briefer", f / "dangling.briefer")


def _set_event(key: str, value):
    def change(data: dict) -> None:
        data["events"][0][key] = value
    return change


def _spoiled_exports() -> dict:
    return {
        "fatalities_huge.json": _set_event("fatalities", 10 ** 30),
        "fatalities_negative.json": _set_event("fatalities", -5),
        "fatalities_text.json": _set_event("fatalities", "many"),
        "fatalities_float.json": _set_event("fatalities", 1e300),
        "latitude_out.json": _set_event("latitude", 123.0),
        "latitude_text.json": _set_event("latitude", "north"),
        "when_bad.json": _set_event("when", "the day after tomorrow"),
        "when_missing.json": lambda d: d["events"][0].pop("when"),
        "title_empty.json": _set_event("title", ""),
        "title_number.json": _set_event("title", 12),
        "confidence_bad.json": _set_event("confidence", "certain"),
        "events_object.json": lambda d: d.__setitem__("events", {"a": 1}),
        "event_list.json": lambda d: d["events"].__setitem__(0, [1, 2]),
        "actor_no_name.json": lambda d: d["actors"][0].pop("name"),
        "actor_kind_bad.json": lambda d: d["actors"][0].__setitem__("kind", "dragon"),
        "source_grade_bad.json": lambda d: d["sources"][0].__setitem__("reliability", "Z"),
        "version_future.json": lambda d: d.__setitem__("version", 99),
    }


@dataclass(frozen=True)
class Case:
    argv: tuple[str, ...]
    code: int
    says: str  # a fragment of the one-line message
    unchanged: bool = True  # the workspace file is byte for byte as it was
    empty: bool = False  # run on an empty workspace instead of the demo

    @property
    def id(self) -> str:
        return " ".join(self.argv).replace("{ws}", "WS").replace("{f}/", "").replace("{t}/", "")[:90]


def _c(argv: str, code: int, says: str, unchanged: bool = True, empty: bool = False) -> Case:
    return Case(tuple(argv.split("|")), code, says, unchanged, empty)


W = "-w|{ws}|"
BAD_WORKSPACES = [
    ("empty.briefer", "not a Briefer workspace"), ("text.briefer", "not a Briefer workspace"),
    ("random.briefer", "not a Briefer workspace"), ("header.briefer", "workspace"),
    ("truncated.briefer", "damaged"), ("half.briefer", "damaged"), ("other.briefer", "another program"),
    ("newer.briefer", "newer Briefer"), ("fifo.briefer", "not a regular file"),
    ("folder.briefer", "is a folder"), ("dangling.briefer", "no such workspace file"),
    ("missing.briefer", "no such workspace file"),
]

CLI_CASES: list[Case] = [
    # -- workspace files that are not workspaces (every command that opens one) --------------
    *[_c(f"-w|{{f}}/{name}|{cmd}", 1, says) for name, says in BAD_WORKSPACES
      for cmd in ("search", "add|actor|X")],
    _c("-w|/dev/null|search", 1, "not a regular file"),
    _c("-w|/dev/zero|search", 1, "not a regular file"),
    _c("-w||search", 2, "-w/--workspace: the value is empty"),
    _c("search", 2, "needs a workspace"),
    # -- init -------------------------------------------------------------------------------
    _c("init|{ws}", 1, "already exists"),
    _c("init|{t}/no/such/folder/x.briefer", 1, "no such folder"),
    _c("init|{f}/folder.briefer", 1, "already exists"),
    _c("init|{f}/fifo.briefer", 1, "already exists"),
    _c("init|", 1, ""),
    # -- add ----------------------------------------------------------------------------------
    _c(W + "add|event|X|--when|2019|--fatalities|1000000000000000000000000000000", 2, "--fatalities"),
    _c(W + "add|event|X|--when|2019|--fatalities|-3", 2, "--fatalities"),
    _c(W + "add|event|X|--when|2019|--fatalities|many", 2, "not a whole number"),
    _c(W + "add|event|X|--when|2019|--fatalities|1e400", 2, "not a whole number"),
    _c(W + "add|event|X|--when|2019|--fatalities|", 2, "--fatalities: the value is empty"),
    _c(W + "add|event|X|--when|2019|--lat|1e400", 2, "not a finite number"),
    _c(W + "add|event|X|--when|2019|--lat|nan", 2, "not a finite number"),
    _c(W + "add|event|X|--when|2019|--lat|inf", 2, "not a finite number"),
    _c(W + "add|event|X|--when|2019|--lat|91", 1, "latitude"),
    _c(W + "add|event|X|--when|2019|--lon|-181", 1, "longitude"),
    _c(W + "add|event|X|--when|2019|--lat|north", 2, "--lat"),
    _c(W + "add|event|X|--when|", 2, "--when: the value is empty"),
    _c(W + "add|event|X|--when|the day after tomorrow", 1, "the day after tomorrow"),
    _c(W + "add|event|X|--when|2019-02-31", 1, "31"),
    _c(W + "add|event|X|--when|99999999999", 1, "99999999999"),
    _c(W + "add|event||--when|2019", 1, "title"),
    _c(W + "add|event|X|--when|2019|--confidence|certain", 1, "certain"),
    _c(W + "add|event|X|--when|2019|--source|Reuters:9", 1, "9"),
    _c(W + "add|event|X|--when|2019|--quote|said", 1, "--quote"),
    _c(W + "add|event|X|--when|2019|--actor|SDF:emperor", 1, "emperor"),
    _c(W + "add|event|X|--when|2019|--actor|", 2, "--actor: the value is empty"),
    _c(W + "add|actor|", 1, "name"),
    _c(W + "add|actor|X|--kind|dragon", 1, "dragon"),
    _c(W + "add|actor|X|--member-of|Nobody At All", 1, "Nobody At All"),
    _c(W + "add|actor|X|--kind|", 2, "--kind: the value is empty"),
    _c(W + "add|source|", 1, "name"),
    _c(W + "add|source|X|--reliability|Z", 1, "Z"),
    _c(W + "add|source|X|--reliability|", 2, "--reliability: the value is empty"),
    _c(W + "add|source|X|--kind|blog-ish", 1, "blog-ish"),
    # -- search and show --------------------------------------------------------------------
    _c(W + "search|--limit|1000000000000000000000000000000", 2, "--limit"),
    _c(W + "search|--limit|-1", 2, "--limit"),
    _c(W + "search|--limit|ten", 2, "not a whole number"),
    _c(W + "search|--limit|", 2, "--limit: the value is empty"),
    _c(W + "search|--from|", 2, "--from: the value is empty"),
    _c(W + "search|--to|", 2, "--to: the value is empty"),
    _c(W + "search|--from|tomorrowish", 1, "tomorrowish"),
    _c(W + "search|--to|2019-13", 1, "2019-13"),
    _c(W + "search|--min-reliability|Q", 1, "Q"),
    _c(W + "search|--min-reliability|", 2, "--min-reliability: the value is empty"),
    _c(W + "search|--actor|", 2, "--actor: the value is empty"),
    _c(W + "search|--source|", 2, "--source: the value is empty"),
    _c(W + "search|--tag|", 2, "--tag: the value is empty"),
    _c(W + "search|--type|", 2, "--type: the value is empty"),
    _c(W + "show|nothing-such", 1, "nothing-such"),
    _c(W + "show|", 1, ""),
    # -- export ---------------------------------------------------------------------------------
    _c(W + "export|--json|{ws}", 1, "is the open workspace"),
    _c(W + "export|--format|acled|{ws}", 1, "is the open workspace"),
    _c(W + "export|--format|timelinejs|{ws}-wal", 1, "-wal file"),
    _c(W + "export|--format|geojson|{ws}-shm", 1, "-shm file"),
    _c(W + "export|--json|{ws}.v1.bak", 1, "a backup of the workspace"),
    _c(W + "export|--json|{f}/folder.json", 1, "is a folder"),
    _c(W + "export|--json|{f}/fifo.json", 1, "not a regular file"),
    _c(W + "export|--json|/dev/null", 1, "not a regular file"),
    _c(W + "export|--json|{t}/no/such/out.json", 1, "does not exist"),
    _c(W + "export|--json|", 2, "--json: the value is empty"),
    _c(W + "export", 1, "needs a FILE"),
    _c(W + "export|--format|pdf|{t}/x.pdf", 2, "pdf"),
    _c(W + "export|--json|{t}/x.json|--from|", 2, "--from: the value is empty"),
    _c(W + "export|--json|{t}/x.json|--from|later", 1, "later"),
    # -- import ---------------------------------------------------------------------------------
    _c(W + "import|--json|{f}/deep.json", 1, "nested too deeply"),
    _c(W + "import|--json|{f}/deep_object.json", 1, "deep"),
    _c(W + "import|--format|timelinejs|{f}/deep_timelinejs.json", 1, "nested too deeply"),
    _c(W + "import|--json|{f}/fifo.json", 1, "named pipe (FIFO)"),
    _c(W + "import|{f}/fifo.csv", 1, "named pipe (FIFO)"),
    _c(W + "import|--format|acled|{f}/fifo.csv", 1, "named pipe (FIFO)"),
    _c(W + "import|--format|acled|/dev/zero", 1, "is a device, not a file"),
    _c(W + "import|--json|{f}/folder.json", 1, "folder"),
    _c(W + "import|--json|{f}/missing.json", 1, "no such file"),
    _c(W + "import|--json|{f}/empty.json", 1, "empty.json"),
    _c(W + "import|{f}/empty.csv", 1, "empty.csv"),
    _c(W + "import|{f}/binary.csv", 1, "binary.csv"),
    _c(W + "import|--json|{f}/list.json", 1, "list.json"),
    _c(W + "import|--json|{f}/string.json", 1, "string.json"),
    _c(W + "import|--json|{f}/broken.json", 1, "not valid JSON"),
    _c(W + "import|--json|{f}/other.json", 1, "other.json"),
    _c(W + "import|--json|{f}/latin1.json", 1, "UTF-8"),
    _c(W + "import|--format|acled|{f}/header_only.csv", 1, "header_only.csv"),
    _c(W + "import|--format|csv|{acled}", 1, "mapping"),
    _c(W + "import|--format|csv|{acled}|--mapping|{f}/mapping_deep.json", 1, "nested too deeply"),
    _c(W + "import|--format|csv|{acled}|--mapping|{f}/mapping_list.json", 1, "mapping"),
    _c(W + "import|--format|csv|{acled}|--mapping|{f}/mapping_bad.json", 1, "mapping"),
    _c(W + "import|--format|csv|{acled}|--mapping|{f}/fifo.json", 1, "named pipe (FIFO)"),
    _c(W + "import|--format|csv|{acled}|--mapping|{f}/missing.json", 1, "missing.json"),
    _c(W + "import|--format|acled|{acled}|--report|{ws}", 1, "is the open workspace"),
    _c(W + "import|--format|acled|{acled}|--report|{ws}-wal", 1, "-wal file"),
    _c(W + "import|--format|acled|{acled}|--report|{acled}", 1, "is also an input"),
    _c(W + "import|--format|acled|{acled}|--report|{f}/fifo.txt", 1, "not a regular file"),
    _c(W + "import|--format|acled|{acled}|--report|", 2, "--report: the value is empty"),
    _c(W + "import|--format|acled|{acled}|--encoding|klingon", 1, "klingon"),
    _c(W + "import|--format|acled|{acled}|--encoding|", 2, "--encoding: the value is empty"),
    _c(W + "import|--format|gdelt|{f}/binary.txt", 1, "binary.txt"),
    _c(W + "import|--format|timeline|{f}/other.json", 1, "other.json"),
    _c(W + "import", 1, "needs a FILE"),
    *[_c(W + f"import|--json|{{f}}/{name}", 1, name, empty=True) for name in _spoiled_exports()],
    # -- brief --------------------------------------------------------------------------------
    _c(W + "brief|--out|{ws}", 1, "is the open workspace"),
    _c(W + "brief|--template|period|--out|{t}/x.pdf|--bluf-file|{ws}", 1, "bottom-line file is not UTF-8"),
    _c(W + "brief|--template|period|--out|{t}/b.txt", 1, "the brief is a PDF"),
    _c(W + "brief|--template|period|--out|{f}/folder.briefer", 1, "folder"),
    _c(W + "brief|--template|period|--out|{t}/no/such/b.pdf", 1, "does not exist"),
    _c(W + "brief|--date||--out|{t}/b.pdf", 2, "--date: the value is empty"),
    _c(W + "brief|--cutoff||--out|{t}/b.pdf", 2, "--cutoff: the value is empty"),
    _c(W + "brief|--template|period|--from||--out|{t}/b.pdf", 2, "--from: the value is empty"),
    _c(W + "brief|--date|someday|--out|{t}/b.pdf", 1, "someday"),
    _c(W + "brief|--date|2019|--out|{t}/b.pdf", 1, "not one day"),
    _c(W + "brief|--cutoff|teatime|--out|{t}/b.pdf", 1, "teatime"),
    _c(W + "brief|--number|99999999999999999999999|--out|{t}/b.pdf", 2, "--number"),
    _c(W + "brief|--number|many|--out|{t}/b.pdf", 2, "--number"),
    _c(W + "brief|--bluf-file|{f}/fifo.txt|--out|{t}/b.pdf", 1, "not a regular file"),
    _c(W + "brief|--bluf-file|/dev/zero|--out|{t}/b.pdf", 1, "not a regular file"),
    _c(W + "brief|--bluf-file|{f}/missing.txt|--out|{t}/b.pdf", 1, "missing.txt"),
    _c(W + "brief|--bluf-file|{f}/bluf.bin|--out|{t}/b.pdf", 1, "bluf.bin"),
    _c(W + "brief|--bluf-file|{t}/b.pdf|--out|{t}/b.pdf", 1, "is also an input"),
    _c(W + "brief|--template|weekly|--out|{t}/b.pdf", 2, "weekly"),
    _c(W + "brief|--template|daily|--from|2019|--out|{t}/b.pdf", 1, "--from"),
    _c(W + "brief|--date|2019-02-09|--cutoff|2019-02-09T06:00|--out|{t}/b.pdf", 1, "either --date or --cutoff"),
    _c(W + "brief|--out|", 2, "--out: the value is empty"),
    # -- intake -------------------------------------------------------------------------------
    _c(W + "intake|{f}/bomb.eml", 1, "MIME bomb"),
    _c(W + "intake|{f}/fifo.txt", 1, "named pipe (FIFO)"),
    _c(W + "intake|{f}/folder.txt", 1, "folder"),
    _c(W + "intake|{f}/missing.txt", 1, "missing.txt"),
    _c(W + "intake|{f}/empty.txt", 1, "empty"),
    _c(W + "intake|{f}/blank.txt", 1, "blank.txt"),
    _c(W + "intake|{f}/notes.md", 1, "notes.md"),
    _c(W + "intake|{f}/binary.txt", 1, "not a text file"),
    _c(W + "intake|{f}/binary.html", 1, "binary.html"),
    _c(W + "intake|{f}/binary.eml", 1, "binary.eml"),
    _c(W + "intake|{f}/report.pdf", 1, "report.pdf"),
    _c(W + "intake|{f}/empty.txt|--published|", 2, "--published: the value is empty"),
    _c(W + "intake|" + str(INTAKE_FIXTURES / "dam_talks.html") + "|--published|sometime", 1, "sometime"),
    # -- the parser ---------------------------------------------------------------------------
    _c("frobnicate", 2, "frobnicate"),
    _c(W + "add|planet|X", 2, "planet"),
    _c(W + "search|--no-such-option", 2, "--no-such-option"),
]
