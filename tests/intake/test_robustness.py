"""Whatever text is pasted, the assistant answers (maybe with nothing) and never fails;
every span it gives points into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.intake.assistant import analyse
from briefer.intake.reading import article_from_text

WORDS = st.sampled_from([
    "The", "SDF", "IS", "said", "told", "Reuters", "according", "to", "a", "report", "from", "Observatory",
    "President", "Father", "Paolo", "this", "week", "within", "on", "Saturday", "by", "April", "in", "2013",
    "from", "2014", "over", "the", "past", "two", "years", "last", "month", "killed", "attack", "Daesh", "(IS)",
    "\"", "“", "”", ",", ".", "\n", "\n\n", "Headline:", "Date:", "9/2/2019", "09 February, 2019", "al-Assad",
    "U.S.", "US-backed", "داعش", "é", "Dall’Oglio", "[Getty]", ":", ";", "—", "he", "was", "held", "by",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=80).map(" ".join), st.sampled_from([None, date(2019, 2, 9)]))
def test_any_text_gets_an_answer_with_valid_spans(demo_workspace, text: str, published) -> None:
    if not text.strip():
        return
    article = article_from_text(text)
    analysis = analyse(demo_workspace, article, published=published)
    body = analysis.document.text
    spans = [d.span for d in analysis.dates] + [c.span for c in analysis.citations] + [e.span for e in analysis.events]
    spans += [s for a in analysis.actors for s in a.spans]
    for start, end in spans:
        assert 0 <= start <= end <= len(body)
    for event in analysis.events:
        assert event.title
        assert all(analysis.actor(p.actor) for p in event.participants)
    assert analysis.to_json()["document"]["title"]


def test_a_report_in_another_language_offers_its_sentences_naming_known_actors(demo_workspace) -> None:
    from briefer.intake.assistant import analyse
    from briefer.intake.reading import article_from_text

    islamic_state = demo_workspace.find_actor("Islamic State")
    assert "داعش" in {a for a in islamic_state.aliases}
    text = ("Headline: عنوان الخبر عن القتال\nURL: https://news.example/2015/08/06/a.html\n\n"
            "قال مصدر محلي إن عناصر داعش انسحبوا من القرية.\nوكان الطقس حارا بعد الظهر.")
    analysis = analyse(demo_workspace, article_from_text(text))
    assert any("an Arabic report" in note for note in analysis.document.notes)
    assert len(analysis.events) == 1
    event = analysis.events[0]
    # a local source is not a party: it reports (a party, "قال الجيش", claims: tests/intake/test_arabic_rules.py)
    assert "داعش" in event.quote and event.status == "reported" and event.citations
    # the report gives no date of its own: not dated by publication (the rule says when it was published)
    assert event.when is None and "gives no date" in event.when_rule and "6 Aug 2015" in event.when_rule
    assert [(analysis.actor(p.actor).name, p.role.value) for p in event.participants] == [("Islamic State", "initiator")]

