"""The visual style the timeline and the brief's chart share, in one place (plain values, no Qt):
the colours lanes take in turn, and those of periods (eras)."""

from __future__ import annotations

# lanes (actors, types…) take these in turn, in the window and in the brief alike
LANE_COLOURS = ("#3b82c4", "#e07b39", "#3a9e5c", "#c2463f", "#8a63b8", "#8c6d3f", "#d160a6", "#6f7b87",
                "#b5a31f", "#2aa5b8")

# periods (eras) without a colour of their own take these in turn
PERIOD_COLOURS = ("#8a63b8", "#3a9e5c", "#e07b39", "#3b82c4", "#c2463f", "#8c6d3f")
