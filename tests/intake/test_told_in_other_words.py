"""A happening told again in other words is one proposal: the report points back at it (its doers
named again with "the"), on reports in the project's own words."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

THURSDAY = date(2015, 3, 5)


def events(workspace, body: str, published: date = THURSDAY):
    return analyse_text(workspace, "Valley report\n\n" + body, published=published).events


def test_the_doers_named_again_at_the_same_place_tell_the_happening_again(workspace) -> None:
    found = events(workspace, "The Valley Council closed all schools after masked gunmen fired on a crowd of "
                              "traders in the town of Korbessa.\n\nPolice and witnesses say the two masked gunmen "
                              "opened fire at a busy bus station in Korbessa.")
    quotes = [e.quote for e in found if "fire" in e.quote or "fired" in e.quote]
    assert len(quotes) == 1, quotes
    assert "opened fire" in quotes[0] and "fired on a crowd" in quotes[0]  # the retelling's words kept as evidence


def test_the_doers_named_again_elsewhere_or_doing_another_kind_of_thing_tell_another_happening(workspace) -> None:
    found = events(workspace, "The Valley Council closed all schools after masked gunmen fired on a crowd of "
                              "traders in the town of Korbessa.\n\nPolice say the masked gunmen opened fire at a "
                              "busy bus station in Dara Khel.")
    assert len([e for e in found if "fire" in e.quote]) == 2, [e.quote for e in found]
    found = events(workspace, "The Valley Council closed all schools after masked gunmen fired on a crowd of "
                              "traders in the town of Korbessa.\n\nPolice say the masked gunmen abducted two traders "
                              "in Korbessa.")  # a kind of happening not told before: news
    assert any("abducted" in e.quote and "fired" not in e.quote for e in found), [e.quote for e in found]




def test_a_count_of_the_dead_further_on_is_the_toll_of_the_violent_happening_told_last(workspace) -> None:
    between = "\n\nThe village lies on the road to the old fortress.\n\nIts elders have asked the council for a " \
              "police post for many years.\n\nAt least nine guests from Korbessa were killed, a doctor in Dara Khel said."
    found = events(workspace, "Gunmen opened fire on a wedding party in the village of Dara Khel." + between)
    assert len(found) == 1, [e.quote for e in found]
    assert "nine guests from Korbessa were killed" in found[0].quote
    # after a happening of another kind, a count told further on is not taken as its toll
    found = events(workspace, "Hundreds of families fled the village of Dara Khel on Monday." + between)
    assert len(found) == 2, [e.quote for e in found]


@pytest.mark.parametrize("retelling", [
    # no place named: a new deed of the same doers, not the same happening told again
    "Police say the two masked gunmen opened fire on a police patrol on Tuesday.",
    # the doers not pointed back at with "the": other gunmen, maybe
    "Police say masked gunmen opened fire at a busy bus station in Korbessa on Tuesday.",
    # not told in the simple past: no retelling of the deed done
    "Police say the two masked gunmen have opened fire at a busy bus station in Korbessa.",
])
def test_only_the_doers_named_again_in_the_past_at_a_place_tell_it_again(workspace, retelling: str) -> None:
    body = ("Masked gunmen fired on a crowd of traders in the town of Korbessa on Tuesday.\n\n"
            "The Valley Council runs the markets of the town.\n\n")
    assert len(events(workspace, body + retelling)) == 2, [e.quote for e in events(workspace, body + retelling)]
    told_again = "Police say the two masked gunmen opened fire at a busy bus station in Korbessa on Tuesday."
    assert len(events(workspace, body + told_again)) == 1


def test_the_doers_named_again_doing_a_new_kind_of_thing_tell_another_happening(workspace) -> None:
    # "after the shooting" points back at the first telling, but the kidnapping is news
    found = events(workspace, "Masked gunmen fired on a crowd of traders in the town of Korbessa on Tuesday.\n\n"
                              "The Valley Council runs the markets of the town.\n\nAfter the shooting, the two masked "
                              "gunmen kidnapped a trader in Korbessa on Tuesday, police say.")
    assert len(found) == 2 and "kidnapped" in found[1].quote and "fired" not in found[1].quote, [e.quote for e in found]


def test_a_doer_told_as_another_one_is_the_one_named_again_after(workspace) -> None:
    # "another masked gunman" introduces the gunman whom "the masked gunman" then names again
    found = events(workspace, "Another masked gunman fired on a crowd of traders in the town of Korbessa on Tuesday."
                              "\n\nThe Valley Council runs the markets of the town.\n\nPolice say the masked gunman "
                              "opened fire at a busy bus station in Korbessa on Tuesday.")
    assert len(found) == 1, [e.quote for e in found]
