"""Merge a Depends list: one entry per package, keeping its highest (>= version).

    python packaging/linux/depends.py "libc6 (>= 2.34), libfoo1, libc6 (>= 2.36)"  ->  libc6 (>= 2.36), libfoo1
"""

from __future__ import annotations

import re
import subprocess
import sys

ENTRY = re.compile(r"([a-z0-9][a-z0-9.+-]*)(?::any)?(?:\s*\(>=\s*([^)\s]+)\s*\))?")


def newer(a: str, b: str) -> bool:
    return subprocess.run(["dpkg", "--compare-versions", a, "gt", b], check=False).returncode == 0


def merge(depends: str) -> str:
    order: list[str] = []
    versions: dict[str, str | None] = {}
    for raw in (part.strip() for part in depends.split(",")):
        if not raw:
            continue
        match = ENTRY.fullmatch(raw)
        if match is None:  # alternatives or other relations: kept as written, once
            if raw not in order:
                order.append(raw)
            continue
        name, version = match.groups()
        if name not in versions:
            order.append(name)
            versions[name] = version
        elif version and (versions[name] is None or newer(version, versions[name] or "")):
            versions[name] = version
    return ", ".join(f"{n} (>= {versions[n]})" if versions.get(n) else n for n in order)


if __name__ == "__main__":
    print(merge(" ".join(sys.argv[1:])))
