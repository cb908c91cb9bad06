"""Fill the Inno Setup template with the package version: python packaging/windows/make_iss.py."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def package_version() -> str:
    init = (ROOT / "src" / "privacy_checkup" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', init)
    if match is None:
        raise SystemExit("no __version__ in src/privacy_checkup/__init__.py")
    return match.group(1)


def render(template: str, version: str) -> str:
    return template.replace("@VERSION@", version)


def main() -> None:
    template = (HERE / "privacy-checkup.iss.in").read_text(encoding="utf-8")
    (HERE / "privacy-checkup.iss").write_text(render(template, package_version()), encoding="utf-8")


if __name__ == "__main__":
    main()
