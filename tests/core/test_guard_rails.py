"""Guard rails: behaviour a user relies on that the rest of the suite did not pin down
(each of these survived a mutation before): markup in names is printed, never obeyed, in
the brief; "N weeks ago"; curly apostrophes in names; a doubled alias; the reliability
grade in the event table's Sources column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest

from briefer.core.model import Actor, ActorKind, Citation, Document, Event, Participant, Role, Source, normalize_name
from briefer.core.when import When

MARKUP = '<img src="{png}" width="40" height="40"/>'


def _png(folder: Path) -> Path:
    from reportlab.graphics import renderPM  # noqa: F401 - only to be sure reportlab can read images
    path = folder / "secret.png"
    # a valid 1x1 PNG: the file a hostile name would pull into the PDF
    path.write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    return path


@pytest.fixture
def hostile_brief(workspace, tmp_path: Path):
    """A brief whose group heading (the lead actor), actor alias and document author hold markup."""
    from briefer.brief.build import build_brief
    from briefer.brief.settings import load_settings

    markup = MARKUP.format(png=_png(tmp_path))
    actor = workspace.add_actor(Actor(f"Brigade {markup}", ActorKind.ARMED_GROUP, aliases=(f"alias {markup}",)))
    source = workspace.add_source(Source("Wire", reliability="B"))
    document = workspace.add_document(Document(source.uid, "Report", "text", None, f"Author {markup}"))
    workspace.add_event(Event("Clash at the dam", When.parse("2019-02-09"),
                              participants=(Participant(actor.uid, Role.INITIATOR),),
                              citations=(Citation(source.uid, 2, "they said", document.uid),)))
    settings = load_settings(workspace).with_(template="period", group_by="actor")
    out = tmp_path / "brief.pdf"
    build_brief(workspace, settings, None, out)
    reader = pypdf.PdfReader(str(out))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    images = sum(len(page.images) for page in reader.pages)
    return text, images


@pytest.mark.parametrize("where", ["Brigade <img", "alias <img", "Author <img"],
                         ids=["group heading", "actor alias", "document author"])
def test_markup_in_a_name_is_printed_not_obeyed(hostile_brief, where: str) -> None:
    text, images = hostile_brief
    assert where in text
    assert images == 0  # no local file was embedded


def test_n_weeks_ago_counts_weeks() -> None:
    from briefer.intake.dates import find_dates

    found = find_dates("The town fell three weeks ago, officials said.", date(2019, 2, 9))
    assert [d.when.edtf for d in found] == ["2019-01-19~"]  # about three weeks before, not days


def test_curly_apostrophes_are_one_name() -> None:
    assert normalize_name("Dall’Oglio") == normalize_name("Dall'Oglio") == normalize_name("Dall‘Oglio")


def test_an_actor_lookup_finds_a_name_typed_with_either_apostrophe(workspace) -> None:
    workspace.add_actor(Actor("Paolo Dall’Oglio", ActorKind.PERSON))
    assert workspace.find_actor("paolo dall'oglio") is not None


def test_a_doubled_alias_within_one_actor_is_kept_once(workspace) -> None:
    actor = workspace.add_actor(Actor("Syrian Democratic Forces", ActorKind.ARMED_GROUP, aliases=("SDF", "SDF", "sdf")))
    assert workspace.get_actor(actor.uid).aliases == ("SDF",)


def test_the_sources_column_shows_each_source_with_its_grade(qtbot, workspace) -> None:
    from briefer.ui.event_table import SOURCES, EventTableModel
    from briefer.ui.session import Session

    source = workspace.add_source(Source("Reuters", reliability="B"))
    workspace.add_event(Event("Talks", When.parse("2019-02-09"), citations=(Citation(source.uid, 2),)))
    session = Session()
    model = EventTableModel(session)
    session.open(workspace)
    assert model.rowCount() == 1
    assert model.data(model.index(0, SOURCES)) == "Reuters (B)"
