"""Text hard-wrapped at uneven widths (a typist's breaks, a script converted from an old
wire): a line break inside a sentence is joined even when the next line opens with a
capital, a number or a quote; a block of its own (a cue, a heading, a list, a dateline)
is never joined onto the line before it.  Sentences here are made up for the tests."""

from __future__ import annotations

from briefer.intake.assistant import analyse
from briefer.intake.reading import article_from_text
from briefer.intake.text import split_sentences, unwrap_lines


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(unwrap_lines(text)[0])]


# A correspondent's script as an old archive stores it: lines broken wherever the typist
# pressed return, some long, some short.
SCRIPT = (
    "DATE=3/9/1997\n"
    "TYPE=CORRESPONDENT REPORT\n"
    "BYLINE=LENA OSTROVA\n"
    "DATELINE=KORBA\n"
    "CONTENT=\n"
    "INTRO: Rebels in the hills above Korba shelled the town's market on\n"
    "Monday. Lena Ostrova reports the aid agencies have pulled out.\n"
    "TEXT: A spokeswoman for the\n"
    "U-N refugee agency in Korba says the shells fell on stalls that were\n"
    "full of people buying bread, and that the clinic\n"
    "run by the World Food Program was hit too.\n"
    "/// OSTROVA ACT ///\n"
    "The governor of the province, Ivo\n"
    "Karan, says twelve people\n"
    "died.\n"
)


def test_a_scripts_uneven_wraps_are_joined_and_its_cue_kept_apart() -> None:
    joined, count = unwrap_lines(SCRIPT)
    lines = joined.split("\n")
    assert "TEXT: A spokeswoman for the U-N refugee agency in Korba says the shells fell on stalls that were " \
           "full of people buying bread, and that the clinic run by the World Food Program was hit too." in lines
    assert "/// OSTROVA ACT ///" in lines  # the cue keeps its own line
    assert "The governor of the province, Ivo Karan, says twelve people died." in lines
    assert lines[:5] == SCRIPT.split("\n")[:5]  # the fields stay one a line
    assert count == 6


def test_a_name_broken_over_two_lines_stays_in_one_sentence() -> None:
    text = ("Aid workers said on Tuesday that convoys sent by the\n"
            "World Food Program had been stopped\n"
            "at a checkpoint on the road north of the town by men in uniform, and that drivers\n"
            "were held for a night.\n")
    found = sentences(text)
    assert len(found) == 1, found
    assert "by the World Food Program had been stopped" in found[0]


def test_a_quote_over_several_lines_is_one_sentence() -> None:
    text = ("The mayor told reporters\n"
            "in a hall full of people that the night had been\n"
            "\"the worst this town has seen\n"
            "since the war began,\" and that families from the\n"
            "lower streets were\n"
            "sleeping in the school.\n")
    found = sentences(text)
    assert found == ["The mayor told reporters in a hall full of people that the night had been \"the worst this "
                     "town has seen since the war began,\" and that families from the lower streets were sleeping "
                     "in the school."], found


def test_a_title_or_an_initial_at_the_end_of_a_line_does_not_end_the_sentence() -> None:
    text = ("Soldiers entered the town on Friday in a column that\n"
            "was led by Gen.\n"
            "Ivo Karan, who told the crowd that the army would\n"
            "stay, and by Col. Mira T.\n"
            "Soren, whose men came later.\n")
    found = sentences(text)
    assert len(found) == 1, found


def test_a_heading_a_headline_and_a_dateline_open_their_own_lines() -> None:
    text = ("Floods cut the valley road\n"
            "Thousands of families left their homes on Sunday as the\n"
            "river rose over its banks and cut the only\n"
            "road to the valley, officials said\n"
            "SHELTERS\n"
            "Most of them are staying in the schools of\n"
            "Korba and in the\n"
            "KORBA, March 4 -- Rescue teams reached the last\n"
            "villages on Monday.\n")
    lines = unwrap_lines(text)[0].split("\n")
    assert lines[0] == "Floods cut the valley road"  # the headline is not run into the lead
    assert lines[1] == ("Thousands of families left their homes on Sunday as the river rose over its banks and "
                        "cut the only road to the valley, officials said")
    assert lines[2] == "SHELTERS"
    assert lines[3] == "Most of them are staying in the schools of Korba and in the"
    assert lines[4] == "KORBA, March 4 -- Rescue teams reached the last villages on Monday."
    assert article_from_text(text).title == "Floods cut the valley road"


def test_a_list_keeps_its_lines() -> None:
    text = ("The agency said the convoy that left on Friday\n"
            "carried food and medicine to the\n"
            "U-N camps in the south of the country, where more families arrive every day, and that the\n"
            "following were missing\n"
            "- two trucks of flour\n"
            "- a water tanker\n"
            "1. Korba camp\n"
            "2) Tesh camp\n")
    lines = unwrap_lines(text)[0].split("\n")
    assert lines[0] == ("The agency said the convoy that left on Friday carried food and medicine to the U-N camps in "
                        "the south of the country, where more families arrive every day, and that the following "
                        "were missing")
    assert lines[1:] == ["- two trucks of flour", "- a water tanker", "1. Korba camp", "2) Tesh camp", ""]


def test_a_paragraph_a_line_and_paragraphs_apart_are_left_alone() -> None:
    web = ("Floods cut the valley road\n"
           "By Lena Ostrova\n"
           "Thousands of families left their homes on Sunday as the river rose\n"
           "Officials said the only road to the valley was cut\n"
           "Rescue teams reached the last villages on Monday.\n")
    assert unwrap_lines(web) == (web, 0)
    # blank lines part paragraphs, even in a wrapped text
    wrapped = ("Thousands of families left their homes as the\n"
               "river rose over its banks and cut the road to the\n"
               "valley, officials said\n"
               "\n"
               "Rescue teams reached the last villages on Monday and\n"
               "Tuesday.\n")
    assert unwrap_lines(wrapped)[0].split("\n") == [
        "Thousands of families left their homes as the river rose over its banks and cut the road to the valley, "
        "officials said", "", "Rescue teams reached the last villages on Monday and Tuesday.", ""]
    arabic = "قال مسؤولون إن القوات\nاستعادت البلدة يوم الاثنين\nوفر آلاف السكان من القتال\n"
    assert unwrap_lines(arabic) == (arabic, 0)


def test_a_script_set_in_capitals_is_joined_where_its_lines_go_on() -> None:
    text = ("DATE=3/9/1997\n"
            "TYPE=CORRESPONDENT REPORT\n"
            "TEXT: THE GOVERNOR OF THE PROVINCE,\n"
            "IVO KARAN, SAYS THE SHELLS FELL ON THE\n"
            "MARKET IN KORBA ON MONDAY. HE SAYS THE\n"
            "ARMY WILL STAY IN THE TOWN UNTIL THE\n"
            "U-N MONITORS ARRIVE.\n"
            "/// KARAN ACT ///\n")
    lines = unwrap_lines(text)[0].split("\n")
    assert lines[2] == ("TEXT: THE GOVERNOR OF THE PROVINCE, IVO KARAN, SAYS THE SHELLS FELL ON THE MARKET IN KORBA "
                        "ON MONDAY. HE SAYS THE ARMY WILL STAY IN THE TOWN UNTIL THE U-N MONITORS ARRIVE.")
    assert lines[3] == "/// KARAN ACT ///"


def test_an_unevenly_wrapped_lead_keeps_its_event_date_and_speaker(workspace) -> None:
    article = article_from_text(
        "Headline: Market shelled in Korba\n"
        "Date: 2019-03-05\n"
        "\n"
        "KORBA, March 5 (Wire) - Rebels of the Northern Shield Brigade shelled the\n"
        "Korba market on Monday,\n"
        "killing twelve people, the governor of the province, Ivo\n"
        "Karan, told reporters.\n"
        "\n"
        "He said the shells fell on stalls\n"
        "that were full of people buying bread.\n")
    assert any("hard-wrapped" in note for note in article.notes)
    result = analyse(workspace, article)
    shelled = [e for e in result.events if "shelled the Korba market on Monday" in e.quote]
    assert shelled and shelled[0].when.edtf == "2019-03-04", [(e.quote, e.when) for e in result.events]
    assert "Ivo Karan" in [c.speaker for c in result.citations]
