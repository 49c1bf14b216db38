"""What the frozen RenoDesk runs: the same command line as the ``renodesk`` script."""

import sys

from renodesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
