"""Briefer: an offline workbench for events, actors and sources that prints briefs."""

__version__ = "0.1.0"
