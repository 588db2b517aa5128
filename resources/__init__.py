"""Briefer's icons, fonts and demo data; installed as the package data `briefer.data`."""
