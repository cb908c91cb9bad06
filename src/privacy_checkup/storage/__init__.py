"""Qt-free storage: paths, the progress store, the notes vault and backups."""
