"""PDF briefs built with reportlab from the store (no Qt)."""
