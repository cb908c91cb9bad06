"""Allows `python -m privacy_checkup`."""

import sys

from privacy_checkup.launch import main

sys.exit(main())
