"""The widgets the screens are built from: plain-text labels, buttons, layouts, the platform card, links."""
