"""`briefer`: the desktop app's front door.

    briefer [WORKSPACE] [--demo]

With no argument it reopens the last workspace; on the very first start (or with
`--demo`) it opens a fresh copy of the demo workspace in the user data folder, never
the packaged file itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import __version__


def _settings(data_folder: Path):
    from PySide6.QtCore import QSettings

    if os.environ.get("BRIEFER_DATA_DIR"):  # tests and demos keep their settings to themselves
        return QSettings(str(data_folder / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="briefer", description="Briefer: events, actors and sources on a timeline.")
    parser.add_argument("workspace", nargs="?", help="a .briefer workspace file, or a desk: postgresql://HOST/DB")
    parser.add_argument("-w", "--workspace", dest="workspace_option", metavar="PATH",
                        help="the same, as briefer-cli takes it")
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the demo workspace")
    parser.add_argument("--version", action="version", version=f"briefer {__version__}")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from .demo import fresh_demo_copy, user_data_folder
    from .ui import theme
    from .store.workspace import is_desk
    from .ui.main_window import MainWindow, install_excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Briefer")
    app.setApplicationName("Briefer")
    app.setApplicationVersion(__version__)
    app.setStyle(theme.BrieferStyle())  # Fusion
    data_folder = user_data_folder()
    install_excepthook(data_folder / "briefer.log")
    settings = _settings(data_folder)
    theme.apply_scheme(theme.current(settings))

    window = MainWindow(settings)
    last = settings.value("lastWorkspace")
    wanted = args.workspace_option or args.workspace
    if wanted:
        window.open_path(wanted if is_desk(wanted) else Path(wanted).expanduser())
    elif args.demo or not last or not (is_desk(str(last)) or Path(str(last)).exists()):
        window.open_path(fresh_demo_copy())
    else:
        window.open_path(str(last))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
