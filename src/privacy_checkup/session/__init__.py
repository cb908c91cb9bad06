"""The application layer the screens drive, with no Qt: the app state, a checkup's flow, the catalog with the
office policy, and the overview of where the person stands. Tested without a display."""
