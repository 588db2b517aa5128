"""PyInstaller entry point for the desktop app."""

import sys

from briefer.app import main

sys.exit(main())
