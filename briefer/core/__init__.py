"""Domain types and fuzzy dates: plain Python, no Qt and no SQL."""
