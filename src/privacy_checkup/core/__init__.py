"""Qt-free core: the checklist model, its loader, the catalog and the schedule."""
