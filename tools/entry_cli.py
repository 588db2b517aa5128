"""PyInstaller entry point for briefer-cli."""

import sys

from briefer.cli import main

sys.exit(main())
