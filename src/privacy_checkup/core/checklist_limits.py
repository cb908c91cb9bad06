"""The hard limits on a checklist file: shared by the validator and by loading that skips it."""

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 16
MAX_ITEMS = 500
MAX_TEXT = 4000
MAX_TITLE = 200
