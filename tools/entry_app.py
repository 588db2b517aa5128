"""PyInstaller entry point of the one-folder app: one program, two names.

`briefer-cli` in the built folder is a link to `briefer`; started by that name it is the
command line, otherwise the window (one copy of the Python modules instead of two)."""

import os
import sys

if os.path.basename(sys.argv[0]).startswith("briefer-cli"):
    from briefer.cli import main
else:
    from briefer.app import main

sys.exit(main())
