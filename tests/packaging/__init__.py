"""Tests of the packaging scripts (packaging/), run as programs or loaded from their files."""
