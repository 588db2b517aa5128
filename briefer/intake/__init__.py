"""Intake: turning news reports and event datasets into sourced events (no Qt)."""
