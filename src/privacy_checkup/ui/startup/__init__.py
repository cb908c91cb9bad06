"""Everything that exists only to make the first paint come sooner, behind one seam.

The rules, written once:
- A launch that opens the app loads Qt's libraries on a second thread while the first imports the
  app (qt_preload.py, started by launch.py before any other import).
- The cyclic garbage collector rests from the first import of the window until its first paint
  (collector.py): building the window makes tens of thousands of objects and almost no garbage.
- The window is built, then shown with its layout already settled, so the first frame is the final
  one (first_paint.settle_layouts); work that can wait is done right after the first paint
  (first_paint.after_first_paint): the cards past the first screen, the tray, the window icon, the
  Quit keys, reading the desktop's light or dark setting.
- Screens import what they need when it is first used (dialogs, the wizard, the validator, the notes
  vault); tests/ui/test_startup_path.py keeps those off the way to the first paint.
- The widget helpers (ui/widgets/) set enum properties by name (enum_properties.py), so screen code
  can build the first screen without PySide6 building its Python enums for the Qt namespace.
- Icons drawn once are kept as PNG files (ui/look/icons.py).
The start-up guard and how it is measured: docs/performance.md.
"""
