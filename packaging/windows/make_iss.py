"""Fill the Inno Setup template from the package: python packaging/windows/make_iss.py.

Writes packaging/windows/privacy-checkup.iss (the version, its four-number form and the icon) and
renders the installer's icon into build/icons. Run with the build environment's Python (the icon
needs PySide6).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from version_info import numeric_version  # noqa: E402


def package_version() -> str:
    init = (ROOT / "src" / "privacy_checkup" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', init)
    if match is None:
        raise SystemExit("no __version__ in src/privacy_checkup/__init__.py")
    return match.group(1)


def render(template: str, version: str, icon: Path) -> str:
    numbers = ".".join(str(part) for part in numeric_version(version))
    return template.replace("@VERSION@", version).replace("@NUMERIC_VERSION@", numbers).replace("@ICON@", str(icon))


def main() -> None:
    icons = ROOT / "build" / "icons"
    subprocess.run([sys.executable, str(ROOT / "packaging" / "icons" / "make_icons.py"), str(icons)], check=True)
    template = (HERE / "privacy-checkup.iss.in").read_text(encoding="utf-8")
    (HERE / "privacy-checkup.iss").write_text(render(template, package_version(), icons / "privacy-checkup.ico"),
                                              encoding="utf-8")


if __name__ == "__main__":
    main()
