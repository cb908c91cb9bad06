"""Allows `python -m privacy_checkup`."""

import sys

from privacy_checkup.cli import main

sys.exit(main())
