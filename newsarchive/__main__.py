"""`python -m newsarchive` is the `newsarchive` command."""

import sys

from newsarchive.entry import main

sys.exit(main())
