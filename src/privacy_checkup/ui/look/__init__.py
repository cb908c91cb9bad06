"""How the app looks: the light and dark themes, the stylesheet, and the icons it draws."""
