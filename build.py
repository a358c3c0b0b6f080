#!/usr/bin/env python3
"""Build the Asker velferdslab showcase: `python build.py [build|check|serve] [--help]`."""

import sys
from pathlib import Path

from showcase.commands.cli import main

if __name__ == "__main__":
    sys.exit(main(Path(__file__).resolve().parent))
