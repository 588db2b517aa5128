"""The records an analyst keeps: events, actors, sources, documents and citations.

Plain frozen dataclasses: the store reads and writes them, the GUI and the services
pass them around, and nothing in here knows about SQL or Qt.  Every record carries a
UUID besides the store's row id so that two workspaces can one day be merged.
Change a record with `dataclasses.replace`.
"""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Optional

from .errors import ValidationError
from .when import When

__all__ = [
    "ActorKind", "SourceKind", "Role", "Confidence", "Reliability", "Credibility",
    "Actor", "Source", "Document", "Citation", "Participant", "Event",
    "new_uid", "now_utc", "normalize_name", "content_hash",
    "RELIABILITY_LABELS", "CREDIBILITY_LABELS",
]


def new_uid() -> str:
    return str(uuid.uuid4())


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def normalize_name(name: str) -> str:
    """The key aliases are unique by: case-, accent- and spacing-insensitive.

    "Daesh", "DAESH" and "Dāesh" are one name; so are "Dall'Oglio" and "Dall’Oglio".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return " ".join(text.casefold().split())


def content_hash(text: str) -> str:
    """SHA-256 of a document's text with line endings and outer space normalised,
    so that the same report pasted twice is recognised."""
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class _Choice(str, Enum):
    """An enum whose value is what the user types and the file stores."""

    @classmethod
    def parse(cls, text: str, what: str) -> "_Choice":
        key = normalize_name(str(text)).replace(" ", "_").replace("-", "_")
        for member in cls:
            if member.value == key or member.name.lower() == key:
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValidationError(f"{what} '{text}' is not one of: {choices}")

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class ActorKind(_Choice):
    PERSON = "person"
    ORGANISATION = "organisation"
    ARMED_GROUP = "armed_group"
    STATE = "state"
    OTHER = "other"


class SourceKind(_Choice):
    NEWS_AGENCY = "news_agency"
    OUTLET = "outlet"
    NGO = "ngo"
    OFFICIAL = "official"
    SOCIAL_MEDIA = "social_media"
    OTHER = "other"


class Role(_Choice):
    INITIATOR = "initiator"
    TARGET = "target"
    AFFECTED = "affected"
    SPOKESPERSON = "spokesperson"
    MENTIONED = "mentioned"


class Confidence(_Choice):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


RELIABILITY_LABELS = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}

CREDIBILITY_LABELS = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}


class Reliability:
    """Admiralty source reliability, A (completely reliable) to F (cannot be judged)."""

    @staticmethod
    def parse(text: str) -> str:
        grade = str(text).strip().upper()
        if grade not in RELIABILITY_LABELS:
            raise ValidationError(f"reliability '{text}' is not a grade from A to F")
        return grade


class Credibility:
    """Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged)."""

    @staticmethod
    def parse(value: object) -> int:
        if type(value) is int and value in CREDIBILITY_LABELS:  # as stored: nothing to read
            return value
        try:
            grade = int(str(value).strip())
        except ValueError:
            grade = 0
        if grade not in CREDIBILITY_LABELS:
            raise ValidationError(f"credibility '{value}' is not a grade from 1 to 6")
        return grade


def _require(value: str, what: str) -> None:
    if not isinstance(value, str):  # a number or a list where a file should hold text
        raise ValidationError(f"{what} is not text ({type(value).__name__} {str(value)[:40]!r})")
    if not value or not value.strip():
        raise ValidationError(f"{what} is empty")


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind = ActorKind.OTHER
    description: str = ""
    aliases: tuple[str, ...] = ()
    member_of: Optional[str] = None  # uid of the actor this one belongs to
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        _require(self.name, "actor name")

    @property
    def names(self) -> tuple[str, ...]:
        """The name first, then every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Source:
    name: str
    kind: SourceKind = SourceKind.OTHER
    reliability: str = "F"
    url: str = ""
    notes: str = ""
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        _require(self.name, "source name")
        object.__setattr__(self, "reliability", Reliability.parse(self.reliability))


@dataclass(frozen=True)
class Document:
    """A report a source published; `text` is what the analyst read."""

    source_uid: str
    title: str
    text: str = ""
    published: Optional[When] = None
    author: str = ""
    url: str = ""
    content_hash: str = ""
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        _require(self.title, "document title")
        if not self.content_hash and self.text:
            object.__setattr__(self, "content_hash", content_hash(self.text))


@dataclass(frozen=True)
class Citation:
    """An event backed by a source (and maybe one of its documents)."""

    source_uid: str
    credibility: int = 6
    quote: str = ""
    document_uid: Optional[str] = None
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        object.__setattr__(self, "credibility", Credibility.parse(self.credibility))


@dataclass(frozen=True)
class Participant:
    """An actor's part in an event."""

    actor_uid: str
    role: Role = Role.MENTIONED


# A count of dead above this is a typo or a hostile file (and would not fit SQLite's integers).
MAX_FATALITIES = 100_000_000


def check_event(title: str, when: object, latitude: Optional[float], longitude: Optional[float],
                fatalities: Optional[int]) -> None:
    """What makes an event's fields valid (`Event` checks them; a bulk import checks a
    million rows with this without building each `Event`)."""
    _require(title, "event title")
    if not isinstance(when, When):
        raise ValidationError("event date is missing")
    if latitude is not None and not -90 <= latitude <= 90:
        raise ValidationError(f"latitude {latitude} is outside -90..90")
    if longitude is not None and not -180 <= longitude <= 180:
        raise ValidationError(f"longitude {longitude} is outside -180..180")
    if fatalities is not None and fatalities < 0:
        raise ValidationError(f"fatalities {fatalities} is negative")
    if fatalities is not None and fatalities > MAX_FATALITIES:
        raise ValidationError(f"fatalities {fatalities} is more than {MAX_FATALITIES:,}; "
                              "no event counts that many dead")


@dataclass(frozen=True)
class Event:
    title: str
    when: When
    summary: str = ""
    place: str = ""
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    country: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    tags: tuple[str, ...] = ()
    fatalities: Optional[int] = None
    confidence: Confidence = Confidence.MODERATE
    notes: str = ""
    participants: tuple[Participant, ...] = ()
    citations: tuple[Citation, ...] = ()
    external_id: str = ""  # e.g. an ACLED event id, so a re-import adds nothing
    created: datetime = field(default_factory=now_utc)
    updated: datetime = field(default_factory=now_utc)
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        check_event(self.title, self.when, self.latitude, self.longitude, self.fatalities)

    @property
    def where(self) -> str:
        """Place and country as people read them ("Raqqa, Syria"; "Syria" once when both say it)."""
        return ", ".join(dict.fromkeys(x.strip() for x in (self.place, self.country) if x and x.strip()))

    @property
    def actor_uids(self) -> tuple[str, ...]:
        return tuple(p.actor_uid for p in self.participants)

    @property
    def source_uids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.citations:
            seen.setdefault(c.source_uid)
        return tuple(seen)
