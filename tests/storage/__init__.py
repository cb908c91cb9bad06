"""Tests of the Qt-free storage package: store, vault, key stores, backups."""
