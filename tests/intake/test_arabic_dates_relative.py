"""Issue 13, Arabic dates named by their relation to publication, on sentences written for these
tests (not taken from any report): a day of "this month" ("3 مايو الجاري"), this year in the
feminine ("السنة الجارية"), a month of last year ("آب من العام الماضي"), two months together, the past
two years, and a year named after a season or a farming season."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.arabic import arabic_dates

PUB = date(2024, 5, 9)  # a Thursday


@pytest.mark.parametrize("text, span, edtf", [
    ("أرسل الوزير رسالة مؤرخة في 3 مايو الجاري إلى النواب", "3 مايو الجاري", "2024-05-03"),
    ("ارتفعت أسعار الخبز في السنة الجارية", "السنة الجارية", "2024"),
    ("توفي الشاعر في آب / أغسطس من العام الماضي", "في آب / أغسطس من العام الماضي", "2023-08"),
    ("زارت البعثة المنطقة خلال شهري مارس وأبريل الماضيين", "خلال شهري مارس وأبريل الماضيين", "2024-03/2024-04"),
    ("تراجع إنتاج القمح خلال السنتين الماضيتين", "خلال السنتين الماضيتين", "2022-05/2024-05"),
    ("خسر المزارعون محصول موسم 2021 كله", "2021", "2021"),
    ("أقيم آخر حفل له في المدينة صيف 2019", "2019", "2019"),
])
def test_dates_named_by_their_relation_to_publication(text: str, span: str, edtf: str) -> None:
    found = arabic_dates(text, PUB)
    assert [(d.text, d.when.edtf) for d in found] == [(span, edtf)]
