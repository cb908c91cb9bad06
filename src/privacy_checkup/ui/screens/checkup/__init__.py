"""The checkup of one platform: a page per setting, its note, and the summary."""
