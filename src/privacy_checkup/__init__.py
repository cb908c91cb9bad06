"""Privacy Checkup: a guided, offline privacy review of social-media accounts."""

__version__ = "0.1.0"
APP_NAME = "Privacy Checkup"
APP_ID = "privacy-checkup"
