"""`python -m sorot.pipeline.cli` runs the command line (what the `sorot` script does)."""

import sys

from . import main

sys.exit(main())
