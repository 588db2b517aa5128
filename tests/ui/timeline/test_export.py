"""The timeline exported as a picture (PNG, SVG): the size asked, the lanes scrolled to, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from briefer.core.when import When
from briefer.ui.timeline.frame import AXIS_H


def test_png_and_svg_exports_are_valid_files_of_the_size_asked(view, tmp_path: Path) -> None:
    view.export_png(tmp_path / "t.png", 1600, 900)
    image = QImage(str(tmp_path / "t.png"))
    assert (image.width(), image.height()) == (1600, 900)
    view.export_svg(tmp_path / "t.svg", 1280, 720)
    import xml.etree.ElementTree as ET

    root = ET.parse(tmp_path / "t.svg").getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 1280 720"
    assert "Offensive paused" in (tmp_path / "t.svg").read_text() or len(list(root.iter())) > 20


def test_export_asks_for_the_size(view, tmp_path: Path, answer, monkeypatch) -> None:
    from briefer.ui.timeline.widgets import ExportSizeDialog

    def fill(dialog) -> None:
        dialog.width_box.setValue(1024)
        dialog.height_box.setValue(600)

    answer(ExportSizeDialog, fill)
    target = tmp_path / "slide.png"
    monkeypatch.setattr("briefer.ui.timeline.view.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PNG (*.png)"))
    view.act_export_png.trigger()
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 600)
    target = tmp_path / "slide.svg"
    view.act_export_svg.trigger()
    import xml.etree.ElementTree as ET

    root = ET.parse(target).getroot()
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("1024", "600", "0 0 1024 600")


def test_export_to_a_folder_that_does_not_exist_says_so(view, tmp_path: Path) -> None:
    from briefer.core.errors import BrieferError

    with pytest.raises(BrieferError, match="cannot write"):
        view.export_png(tmp_path / "missing" / "t.png", 800, 600)
    with pytest.raises(BrieferError, match="cannot write"):
        view.export_svg(tmp_path / "missing" / "t.svg", 800, 600)


def test_export_shows_the_lanes_scrolled_to(view, qtbot, tmp_path: Path) -> None:
    view.resize(1200, 200)
    qtbot.waitUntil(lambda: view.canvas.height() < 200)
    view.set_lanes("actor")
    view.go_to(When.parse("2019-02"))
    view.vbar.setValue(view.vbar.maximum())
    assert view.vbar.value() > 0
    shown = [lane.lane.name for lane in view.lane_layouts() if lane.y + lane.height > AXIS_H]
    first_shown = shown[0]
    view.export_svg(tmp_path / "t.svg", 1200, view.canvas.height())
    text = (tmp_path / "t.svg").read_text()
    assert first_shown in text and view.lane_names()[0] != first_shown
    assert view.lane_names()[0] not in text
