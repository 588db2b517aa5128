"""PDF briefs built with reportlab from the store (no Qt).

`build_brief(ws, settings, scope, out_path)` is what the CLI and the GUI call;
`collect_brief` + `render_brief` split it so the GUI can lay out on a worker thread.
"""

from .build import build_brief, collect_brief, render_brief
from .data import BriefCancelled, BriefData, BriefResult
from .settings import (
    BriefError, BriefSettings, BLUF_FILE_LIMIT, GROUPINGS, PAGE_SIZES, TEMPLATES, TLP_LEVELS, load_settings, next_brief_number,
    record_brief, save_settings, tlp_level,
)

__all__ = [
    "BriefCancelled", "BriefData", "BriefResult", "build_brief", "collect_brief", "render_brief",
    "BriefError", "BriefSettings", "BLUF_FILE_LIMIT", "GROUPINGS", "PAGE_SIZES", "TEMPLATES", "TLP_LEVELS", "load_settings",
    "next_brief_number", "record_brief", "save_settings", "tlp_level",
]
