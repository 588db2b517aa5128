"""Known actors are found however the report writes them: case, accents, apostrophes and
transliteration variants (fuzzy matching), and are not proposed again as new actors."""

from __future__ import annotations

from datetime import date

from briefer.core.model import Actor, ActorKind
from briefer.intake.assistant import analyse_text

TEXT = ("Talks at the dam\n\n"
        "The jesuit Paolo Dall’Oglio was seen in Raqqa, a report said on Monday. "
        "Abou Bakr al-Baghdadi ordered the attack, officials said. "
        "HAYAT TAHRIR AL-SHAM fighters shelled the town. "
        "Hay'at Tahrir al-Sham attacked the village and Jaish al-Islam fighters attacked Douma. "
        "Paolo Dall'Öglio was not seen again.")


def test_variants_of_known_names_are_the_known_actors(workspace) -> None:
    known = {
        "Paolo Dall'Oglio": workspace.add_actor(Actor("Paolo Dall'Oglio", ActorKind.PERSON, aliases=("Father Paolo",))),
        "Abu Bakr al-Baghdadi": workspace.add_actor(Actor("Abu Bakr al-Baghdadi", ActorKind.PERSON)),
        "Hayat Tahrir al-Sham": workspace.add_actor(Actor("Hayat Tahrir al-Sham", ActorKind.ARMED_GROUP)),
        "Jaysh al-Islam": workspace.add_actor(Actor("Jaysh al-Islam", ActorKind.ARMED_GROUP)),
    }
    analysis = analyse_text(workspace, TEXT, published=date(2019, 2, 9))
    found = {a.name: a for a in analysis.actors}
    for name, actor in known.items():
        assert found[name].known and found[name].uid == actor.uid, name
    assert {"Paolo Dall’Oglio", "Paolo Dall'Öglio"} <= set(found["Paolo Dall'Oglio"].aliases_seen)
    assert "Abou Bakr al-Baghdadi" in found["Abu Bakr al-Baghdadi"].aliases_seen
    assert {"HAYAT TAHRIR AL-SHAM", "Hay'at Tahrir al-Sham"} <= set(found["Hayat Tahrir al-Sham"].aliases_seen)
    assert "Jaish al-Islam" in found["Jaysh al-Islam"].aliases_seen
    assert not any(not a.known for a in analysis.actors if "Baghdadi" in a.name or "Islam" in a.name)


def test_the_names_the_press_uses_for_one_group_are_one_actor(workspace) -> None:
    """IS = ISIS = ISIL = Daesh: no rule of initials or brackets ties these together."""
    text = ("Fighting near the river\n\n"
            "ISIS fighters attacked the village at dawn, residents said on Monday. "
            "Kurdish-led forces said ISIL had lost the ridge. "
            "Daesh militants shelled the road, the SDF said.")
    analysis = analyse_text(workspace, text, published=date(2019, 2, 9))
    group = [a for a in analysis.actors if {"ISIS", "ISIL", "Daesh"} & set(a.aliases_seen)]
    assert len(group) == 1 and {"ISIS", "ISIL", "Daesh"} <= set(group[0].aliases_seen), group

    known = workspace.add_actor(Actor("Islamic State", ActorKind.ARMED_GROUP, aliases=("IS", "Daesh")))
    analysis = analyse_text(workspace, text, published=date(2019, 2, 9))
    found = [a for a in analysis.actors if "ISIS" in a.aliases_seen]
    assert len(found) == 1 and found[0].known and found[0].uid == known.uid
    assert not [a for a in analysis.actors if not a.known and {"ISIL", "Daesh"} & set(a.aliases_seen)]


def test_a_longer_name_going_on_from_a_known_one_is_its_own_actor(workspace) -> None:
    """"Islamic State in the Greater Sahara" is not the "Islamic State" the workspace knows,
    and is proposed on its own in an empty workspace too; "in the Middle East" names no group."""
    text = ("Raid near the border\n\n"
            "Gunmen of the Islamic State in the Greater Sahara raided two hamlets near Tillia on Sunday, "
            "a district chief said. The Islamic State in the Greater Sahara has not commented. "
            "The Islamic State in the Middle East has lost most of its land, analysts say.")
    analysis = analyse_text(workspace, text, published=date(2021, 3, 22))
    names = {a.name: a for a in analysis.actors}
    assert "Islamic State in the Greater Sahara" in names, list(names)
    assert names["Islamic State in the Greater Sahara"].kind == "armed_group"
    assert not any("Middle East" in n for n in names)

    known = workspace.add_actor(Actor("Islamic State", ActorKind.ARMED_GROUP, aliases=("IS",)))
    analysis = analyse_text(workspace, text, published=date(2021, 3, 22))
    new = [a for a in analysis.actors if a.name == "Islamic State in the Greater Sahara"]
    assert len(new) == 1 and not new[0].known
    old = [a for a in analysis.actors if a.known and a.uid == known.uid]
    assert len(old) == 1 and not any("Sahara" in s for s in old[0].aliases_seen)


def test_a_group_the_press_knows_is_an_armed_group_in_an_empty_workspace(workspace) -> None:
    text = ("Raid near the border\n\n"
            "A local band that pledged allegiance to the Islamic State group raided a checkpoint near Tillia "
            "on Sunday, a district chief said.")
    kinds = {a.name: a.kind for a in analyse_text(workspace, text, published=date(2021, 3, 22)).actors}
    assert kinds.get("Islamic State") in ("armed_group", ActorKind.ARMED_GROUP), kinds
