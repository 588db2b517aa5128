"""The desk backend: the same workspace API on a PostgreSQL database (see `workspace.py`)."""
