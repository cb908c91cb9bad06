"""The dialogs, and the one way every modal dialog is shown (modal.py)."""
