"""Reading a report: plain text, Markdown, HTML or an e-mail, into text plus metadata.

The metadata (headline, outlet, author, publication date) is only a first guess that
the analyst can correct; each guess keeps a note of where it came from.  The text
kept is what the analyst reads in the review view and what gets stored, so every
span the assistant proposes is an offset into it.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Optional
from urllib.parse import urlparse

from ..core.errors import BrieferError, too_deep
from ..core.files import check_input
from .arabic_text import AR, DIGITS as AR_DIGITS, MONTHS as AR_MONTHS, alternation, fold
from .dates import MONTHS, parse_date_text
from .text import unwrap_lines

__all__ = ["Article", "IntakeError", "read_article", "article_from_text", "SUPPORTED_SUFFIXES", "MAX_FILE_BYTES",
           "MAX_TEXT_CHARS", "check_length"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".eml")
# Bounds that keep every input answered in bounded time: a report is rarely past 100 KB;
# the assistant reads up to 2 million characters (about 330,000 words) in a few seconds.
MAX_FILE_BYTES = 10_000_000
MAX_TEXT_CHARS = 2_000_000
# An e-mail nested deeper than this, or with more parts, is not a report but a MIME bomb.
MAX_MIME_DEPTH = 20
MAX_MIME_PARTS = 500


class IntakeError(BrieferError):
    """A report that cannot be read; the message names the file."""


@dataclass
class Article:
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: Optional[date] = None
    url: str = ""
    location: str = ""
    body_start: int = 0  # offset where the body (after headline and header lines) begins
    notes: list[str] = field(default_factory=list)  # where each metadata guess came from
    skipped: list[tuple[int, int]] = field(default_factory=list)  # date lines, captions: not body text
    path: str = ""
    dateline: Optional[tuple[int, int]] = None  # "Published 17 November 2017" opening the body: not an event date
    published_month: Optional[tuple[int, int]] = None  # (year, month) when the report gives only its month


def read_article(path: str | Path) -> Article:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IntakeError(f"{path.name}: Briefer reads articles from {', '.join(SUPPORTED_SUFFIXES)} files")
    check_input(path, "report file")  # a pipe or a device would hang the intake
    try:
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            raise IntakeError(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB is more than one report (Briefer "
                              f"reads reports up to {MAX_FILE_BYTES // 1_000_000} MB); split it, or paste the part "
                              "you need")
        with path.open("rb") as handle:  # (at most the bound plus one byte, whatever the file claims)
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise IntakeError(f"{path}: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise IntakeError(f"{path.name}: more than {MAX_FILE_BYTES // 1_000_000} MB is more than one report; "
                          "split it, or paste the part you need")
    if not data.strip():
        raise IntakeError(f"{path.name}: the file is empty")
    if _looks_binary(data[:4096]):
        raise IntakeError(f"{path.name}: not a text file (it holds binary data, like an image); "
                          "open the report itself, or paste its text")
    if suffix == ".eml":
        try:
            article = _read_email(data, path.name)
        except RecursionError:  # a MIME bomb: parts nested thousands deep
            raise IntakeError(too_deep(path.name)) from None
    elif suffix in (".html", ".htm"):
        article = _read_html(_decode(data, path.name), path.name)
    else:
        text = _decode(data, path.name)
        check_length(text, path.name)
        if suffix in (".md", ".markdown"):
            text = _strip_markdown(text)
        article = article_from_text(text)
    if not article.text.strip():
        raise IntakeError(f"{path.name}: the file holds no readable text")
    if article.published is None:
        _date_from_url(article)
    article.path = str(path)
    return article


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _looks_binary(head: bytes) -> bool:
    """Control bytes no report has: an image or a PDF renamed .txt (UTF-16's zero bytes aside)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return len(_CONTROL.findall(head)) > 2


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; cp1252 only when UTF-8 fails,
    and then said so rather than mangling silently."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise IntakeError(f"{name}: the text is neither UTF-8, UTF-16 nor Windows-1252; save it as UTF-8") from None


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()


_HEADER_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z \-]{1,24}):\s*(?P<value>.*\S)?\s*$")
_HEADER_KEYS = {
    "headline": "title", "title": "title", "subject": "title",
    "date": "date", "published": "date", "publication date": "date", "dateline": "date", "date-extracted": "date_extracted",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet", "newspaper": "outlet",
    "author": "author", "by": "author", "byline": "author", "url": "url", "link": "url", "location": "location",
}
_NOISE_LINE_RE = re.compile(r"^(?:\d+\s+min(?:ute)?s?\s+read|share|advertisement|read more|print)$", re.I)
_CAPTION_RE = re.compile(r"\[[^\]]{2,40}\]\s*$")
# a wire report's closing credits: "(Reporting by A; additional reporting by B; editing by C)",
# often followed by the agency's standards line; names there are the desk's, not the story's
_CREDITS_RE = re.compile(
    r"(?:(?<=[.!?”\"’)])\s+|^)\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research)"
    r"(?:\s+and\s+(?:reporting|writing|editing))?\s+by\s+[A-Z]", re.I | re.M)
_CREDITS_TAIL = 400  # the credits close the report: they are looked for in its last characters only


def check_length(text: str, name: str = "the text") -> None:
    """Refuse, by name, a text longer than the assistant reads in bounded time."""
    if len(text) > MAX_TEXT_CHARS:
        raise IntakeError(f"{name}: {len(text):,} characters is more than one report (Briefer reads up to "
                          f"{MAX_TEXT_CHARS:,} characters, about 300,000 words); split it, or paste the part you need")


def article_from_text(text: str, *, title: str = "", outlet: str = "", author: str = "",
                      published: Optional[date] = None, url: str = "") -> Article:
    """Plain text: a header block ("Headline: ...", "Date: ..."), else a headline line,
    then date lines ("09 February, 2019") and captions before the body.  Lines a wire
    service or an e-mail hard-wrapped inside sentences are joined first."""
    check_length(text)
    text, joined = unwrap_lines(_normalise(text))
    article = Article(text, title, outlet, author, published, url)
    if joined:
        article.notes.append(f"the text was hard-wrapped: {joined} line breaks inside sentences were joined")
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    # "Key: value" header block at the top
    header_seen = False
    while i < len(lines):
        m = _HEADER_RE.match(lines[i])
        key = _HEADER_KEYS.get(m.group("key").strip().lower()) if m else None
        if m is None or (key is None and not header_seen):
            break
        header_seen = True
        if key is not None:  # other "Key: value" lines of the block (e.g. "Source-dataset:") are skipped
            value = (m.group("value") or "").strip()
            _apply_header(article, key, value, f"the '{m.group('key')}:' header line")
        i += 1
    if header_seen:
        while i < len(lines) and not lines[i].strip():
            i += 1
    elif lines and lines[0].strip() and not article.title and _looks_like_headline(lines[0]):
        article.title = lines[0].strip().lstrip("#").strip()
        article.notes.append("headline: the first line")
        i = 1
    article.body_start = offsets[i] if i < len(lines) else len(text)
    # Date lines, bylines, noise and captions among the first lines are not body text.
    seen = 0
    while i < len(lines) and seen < 8:
        line = lines[i].strip()
        span = (offsets[i], offsets[i] + len(lines[i]))
        i += 1
        if not line:
            continue
        seen += 1
        if len(line) < 60 and (day := parse_date_text(line)) is not None:
            if article.published is None:
                article.published = day
                article.notes.append(f"publication date: the line '{line}'")
            article.skipped.append(span)
        elif _NOISE_LINE_RE.match(line):
            article.skipped.append(span)
        elif (by := re.match(r"^By\s+([A-Z][\w.'’\- ]{2,60})$", line)):
            if not article.author:
                article.author = by.group(1).strip()
                article.notes.append("author: the byline")
            article.skipped.append(span)
        elif _CAPTION_RE.search(line) and len(line) < 200:
            article.skipped.append(span)
    _dateline(article)
    _credits(article)
    if article.published is None:
        _date_from_url(article)
    if not article.title:
        first = text[article.body_start:].split("\n", 1)[0]
        article.title = _shorten(first, 100) or "Untitled report"
        article.notes.append("headline: none found; the first words of the text")
    return article


def _apply_header(article: Article, key: str, value: str, where: str) -> None:
    if not value:
        return
    if key == "title" and not article.title:
        article.title = value
    elif key == "date" and article.published is None:
        # a note after the date ("2013-05-06 (inferred from the text)", "2013-07; approximate") is not the date
        core = re.split(r"\s*[(\[;]|\s+[—–-]\s+", value, maxsplit=1)[0].strip() or value
        article.published = parse_date_text(value) or parse_date_text(core) or _arabic_day(core)
        if article.published is not None:
            article.notes.append(f"publication date: {where}")
        elif (month := _publication_month(core)) is not None:
            article.published_month = month
            article.notes.append(f"publication month only ({value}): {where}; days counted from it stay that month")
    elif key == "date_extracted":
        article.notes.append(f"{where} gives when the page was collected ({value}), not when it was published")
        return
    elif key == "outlet" and not article.outlet:
        article.outlet = value
    elif key == "author" and not article.author:
        article.author = value
    elif key == "url" and not article.url:
        article.url = value
    elif key == "location" and not article.location:
        article.location = value
    else:
        return
    if key != "date":
        article.notes.append(f"{key}: {where}")


def _publication_month(text: str) -> Optional[tuple[int, int]]:
    """(year, month) of a date header that gives only the month: "2013-07", "July 2013", "يوليو 2013"."""
    m = re.fullmatch(r"((?:19|20)\d\d)-(0?[1-9]|1[0-2])", text)
    if m:
        return int(m[1]), int(m[2])
    m = re.fullmatch(r"(\S+)\s*,?\s*((?:19|20)\d\d)", text)
    if m:
        from .arabic import month_number  # Arabic and Levantine month names

        month = MONTHS.get(m[1].lower().rstrip(".")) or month_number(m[1])
        if month:
            return int(m[2]), month
    return None


def _looks_like_headline(line: str) -> bool:
    line = line.strip()
    if re.match(r"^[A-Z]{3,12}=", line):  # a broadcast script's first field ("DATE=3/14/97")
        return False
    return 0 < len(line.split()) <= 25 and not line.endswith((".", ",", ";", ":")) or line.startswith("#")


_DATELINE_RE = re.compile(
    r"^\s*(?:(?:Date of publication|Published(?: on)?|Last updated(?: at| on)?|Updated)\s*:?\s*)?"
    r"(?P<date>(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}"
    r"|\d{4}-\d{2}-\d{2}))"
)


# A wire dateline: "BEIRUT (Reuters) -", "TAL HAMRA, Syria, March 4 (AFP) —", "DAMASCUS, 4 March 2019 -"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WIRE_DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][A-Za-z .'’\-]{2,30})?)"
    r"(?:\s*,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&'’\-]{1,30})\))?\s*[-–—]+\s+")


# An Arabic wire's dateline: "بيروت (رويترز) -", "حلب (سوريا) 12 مارس آذار (رويترز) -", "الخرطوم، 5 مايو (أ ف ب) -":
# a place of one to three words, its country, a day and month (in one calendar or both) and the agency in
# brackets before a dash.  Matched on the folded text (arabic_text.fold); the agency's brackets are required.
_AR_MONTH = alternation(AR_MONTHS)
_AR_MONTH_NUMBER = {fold(name): number for name, number in AR_MONTHS.items()}  # the folded name matched -> month
_AR_DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[{AR}]+(?:\s+[{AR}]+){{0,2}})\s*(?:\([{AR}\s]{{2,20}}\)\s*)?"
    rf"(?:[،,\-–—]?\s*(?P<date>(?P<d>\d{{1,2}})\s+(?P<m>{_AR_MONTH})(?:\s*[/(]?\s*(?:{_AR_MONTH})\s*\)?)?"
    rf"(?:\s+(?P<y>(?:19|20)\d\d))?)\s*)?[\-–—]?\s*\((?P<agency>[^()\n]{{1,25}})\)\s*[\-–—:]+\s*")


def _arabic_day(value: str) -> Optional[date]:
    """A day written in Arabic with its year ("الثلاثاء 12 مارس 2024", "١٢ آذار ٢٠٢٤"), alone."""
    from .arabic import arabic_dates  # the Arabic reader, only for a header no other parse reads

    value = value.translate(AR_DIGITS)
    value = re.sub(rf"^\s*[{AR}]+\s*[،,]?\s+(?=\d)", "", value).strip()  # its weekday before it: "الثلاثاء، 12 مارس 2024"
    days = [d for d in arabic_dates(value, None) if d.when.is_point and d.when.precision.value >= 5]
    if len(days) != 1 or len(days[0].text) < 0.6 * len(value):
        return None
    return days[0].when.earliest.date()


# or a line of its own: "غزة ـ وكالات" (a place and its source), "((الصحيفة)) الأحد 6 نوفمبر 2016 / صعدة" (the
# paper, the day and the place)
_AR_DATELINE_LINE_RE = re.compile(
    rf"^\s*(?:(?:\(\([^()\n]{{1,30}}\)\)|«[^»\n]{{1,30}}»)\s*)?(?:[{AR}]+\s*[،,]?\s*)?(?P<d>\d{{1,2}})\s+(?P<m>{_AR_MONTH})"
    rf"(?:\s*[/(]?\s*(?:{_AR_MONTH})\s*\)?)?\s+(?P<y>(?:19|20)\d\d)(?:\s*[/\-ـ–—]\s*[{AR}]+(?:\s+[{AR}]+){{0,2}})?[ \t]*\n"
    rf"|^\s*[{AR}]+(?:\s+[{AR}]+){{0,2}}\s*[\-ـ–—]\s*[{AR}]+(?:\s+[{AR}]+)?[ \t]*\n")


def _arabic_dateline(article: Article, head: str) -> Optional[re.Match]:
    """The Arabic wire dateline opening the body, if any; a day written with its year there is the
    publication day when the header gives none."""
    m = _AR_DATELINE_RE.match(fold(head)) or _AR_DATELINE_LINE_RE.match(fold(head))
    if m is None:
        return None
    if m.group("y") and article.published is None:
        month = _AR_MONTH_NUMBER[m.group("m")]
        try:
            article.published = date(int(m.group("y")), month, int(m.group("d")))
            article.notes.append(f"publication date: the dateline '{head[:m.end()].strip(' -–—')}'")
        except ValueError:
            pass
    return m


_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "EDITOR'S NOTE", "EDITORS NOTE", "CORRECTION", "NOTE", "ANALYSIS"}


def _wire_dateline(article: Article) -> bool:
    head = article.text[article.body_start:article.body_start + 120]
    m = _WIRE_DATELINE_RE.match(head)
    # "NAIROBI, KENYA —": a city (and its country) in capitals before a dash, no date or agency
    capitals = m is not None and m.group("place").split(",")[0].strip().isupper() and len(m.group("place")) > 3 \
        and re.search(r"[—–]\s+$", m.group(0)) is not None and m.group("place").split(",")[0].strip() not in _NOT_PLACES
    latin = m is not None and bool(m.group("date") or m.group("agency") or capitals)
    if not latin:
        m = _arabic_dateline(article, head)
        if m is None:
            return False
    span = (article.body_start + len(head) - len(head.lstrip()), article.body_start + m.end())
    article.dateline = span
    article.skipped.append(span)
    if not latin:
        return True
    if m.group("agency") and not article.outlet:
        article.outlet = m.group("agency").strip()
        article.notes.append(f"outlet: the agency in the dateline '{m.group(0).strip(' -–—')}'")
    if m.group("date"):
        day = parse_date_text(m.group("date"))
        if day is None and article.published is not None:
            day = parse_date_text(f"{m.group('date')} {article.published.year}")
        if day is not None and article.published is None and re.search(r"\d{4}", m.group("date")):
            article.published = day
            article.notes.append(f"publication date: the dateline '{m.group(0).strip(' -–—')}'")
    return True


def _credits(article: Article) -> None:
    """The closing credits of a wire report are not body text (see `_CREDITS_RE`)."""
    tail_start = max(article.body_start, len(article.text) - _CREDITS_TAIL)
    m = _CREDITS_RE.search(article.text, tail_start)
    if m is None:
        return
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    article.skipped.append((start, len(article.text)))
    article.notes.append("credits at the end (reporting/editing by …): not read as the story")


def _dateline(article: Article) -> None:
    """A date opening the body ("2 May 2017 At least ...", "Published November 17 2017"),
    or a wire dateline ("BEIRUT, March 4 (Reuters) -"): neither dates an event."""
    if _wire_dateline(article):
        return
    head = article.text[article.body_start:article.body_start + 80]
    m = _DATELINE_RE.match(head)
    if m:
        day = parse_date_text(m.group("date"))
        if day is not None:
            span = (article.body_start + len(head) - len(head.lstrip()), article.body_start + m.end())
            article.dateline = span
            article.skipped.append(span)
            if article.published is None:
                article.published = day
                article.notes.append(f"publication date: the dateline '{m.group(0).strip()}'")
            elif day != article.published:
                article.notes.append(f"the dateline '{m.group(0).strip()}' differs from the publication date "
                                     "found first; it is not taken as an event's date")


_URL_DATE_RE = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?=[/\-_.]|$)")


def _date_from_url(article: Article) -> None:
    """News addresses often carry the publication day: ".../2015/08/06/article_979488.html"."""
    m = _URL_DATE_RE.search(article.url or "")
    if m is None:
        return
    try:
        day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return
    article.published = day
    article.notes.append(f"publication date: the date in the address ({m.group(0).strip('/')})")


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def _strip_markdown(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.M)
    return text


def _read_html(markup: str, name: str) -> Article:
    """Main text and metadata by trafilatura (offline: it is given the markup, never a URL)."""
    import trafilatura

    if len(markup) > MAX_FILE_BYTES:
        raise IntakeError(f"{name}: the page is more than {MAX_FILE_BYTES // 1_000_000} MB, more than one report")
    try:
        extracted = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                                include_tables=False)
        doc = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else extracted
    except Exception:  # trafilatura raises assorted errors on broken markup
        doc = None
    if doc and (doc.get("text") or "").strip():
        body = doc.get("text") or ""
        check_length(body, name)
        title = (doc.get("title") or "").strip()
        article = article_from_text(body)
        site = (doc.get("sitename") or "").strip()
        if title and site:
            title = re.sub(r"\s+[|\-–—:]\s+" + re.escape(site) + r"\s*$", "", title)
        if title:
            if article.title and article.title != title and article.body_start:
                # the extracted body repeats no headline: keep the whole text as body
                article = article_from_text(title + "\n\n" + body)
            article.title = title
            article.notes.append("headline: the page's title metadata")
        published = parse_date_text(doc.get("date") or "")
        if published is not None:
            article.published = published
            article.notes.append("publication date: the page's metadata")
        if doc.get("author"):
            article.author = doc["author"]
            article.notes.append("author: the page's metadata")
        if doc.get("sitename"):
            article.outlet = doc["sitename"]
            article.notes.append("outlet: the page's site name")
        if doc.get("url"):
            article.url = doc["url"]
        if not article.outlet and article.url:
            article.outlet = urlparse(article.url).hostname or ""
        return article
    # Too little for the extractor: strip the tags ourselves.
    stripped = re.sub(r"(?is)<(script|style).*?</\1>", " ", markup)
    stripped = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>", "\n", stripped)
    stripped = html.unescape(re.sub(r"<[^>]+>", " ", stripped))
    stripped = "\n".join(" ".join(line.split()) for line in stripped.split("\n"))
    stripped = re.sub(r"\n{3,}", "\n\n", stripped)
    if not stripped.strip():
        raise IntakeError(f"{name}: the page holds no readable text")
    return article_from_text(stripped)


def _mime_shape(message) -> tuple[int, int]:
    """(deepest nesting, number of parts) of a parsed message, walked without recursion."""
    deepest, parts = 0, 0
    stack = [(message, 1)]
    while stack:
        part, depth = stack.pop()
        parts += 1
        deepest = max(deepest, depth)
        if parts > MAX_MIME_PARTS or deepest > MAX_MIME_DEPTH:
            break
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack.extend((p, depth + 1) for p in payload)
    return deepest, parts


def _read_email(data: bytes, name: str) -> Article:
    refusal = (f"{name}: the e-mail nests its parts more than {MAX_MIME_DEPTH} levels deep or holds more than "
               f"{MAX_MIME_PARTS} parts (a MIME bomb, not a report); nothing was read")
    if data.count(b"boundary=") > MAX_MIME_PARTS:
        raise IntakeError(refusal)
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        depth, parts = _mime_shape(message)
        if depth > MAX_MIME_DEPTH or parts > MAX_MIME_PARTS:
            raise IntakeError(refusal)
        body_part = message.get_body(preferencelist=("plain", "html"))
    except RecursionError:
        raise IntakeError(refusal) from None
    if body_part is None:
        raise IntakeError(f"{name}: the message has no text part")
    try:
        content = body_part.get_content()
    except (LookupError, UnicodeDecodeError):
        content = body_part.get_payload(decode=True).decode("utf-8", "replace")
    check_length(content, name)
    if body_part.get_content_subtype() == "html":
        article = _read_html(content, name)
    else:
        article = article_from_text(content)
    subject = str(message.get("Subject", "") or "").strip()
    subject = re.sub(r"^(?:(?:Fwd?|Re|TR|AW|WG)\s*:\s*)+", "", subject, flags=re.I)
    if subject:
        article.title = subject
        article.notes.append("headline: the message subject")
    if article.published is None and message.get("Date"):
        try:
            article.published = parsedate_to_datetime(str(message["Date"])).date()
            article.notes.append("publication date: the message's Date header (when it was sent)")
        except (TypeError, ValueError):
            pass
    sender = message.get("From")
    if sender is not None and not article.outlet:
        addresses = getattr(sender, "addresses", ())
        if addresses:
            display = addresses[0].display_name
            domain = addresses[0].domain
            article.outlet = display or domain
            article.notes.append("outlet: the sender of the message")
    return article
