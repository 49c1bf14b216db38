import sys

from renodesk.cli import main

sys.exit(main())
