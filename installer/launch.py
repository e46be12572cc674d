"""Entry point of the frozen UnionDesk program (PyInstaller runs this file)."""

import sys

from unionDesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
