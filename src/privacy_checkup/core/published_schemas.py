"""Every JSON Schema the project publishes, with where it lives; `python -m privacy_checkup.core.published_schemas`
writes them all again after a format change (a test fails while any file differs)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def published() -> dict[str, Callable[[], dict[str, Any]]]:
    """Path from the repository root -> the function that renders the schema."""
    from privacy_checkup.core import attestation, checklist_format, emergency, glossary, policy_format, status_report

    return {
        f"checklists/{checklist_format.SCHEMA_FILE_NAME}": checklist_format.json_schema,
        "checklists/policy.schema.json": policy_format.json_schema,
        f"checklists/{glossary.SCHEMA_FILE_NAME}": glossary.json_schema,
        f"checklists/{emergency.SCHEMA_FILE_NAME}": emergency.json_schema,
        "resources/schemas/attestation.schema.json": attestation.json_schema,
        "resources/schemas/status.schema.json": status_report.json_schema,
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_all(root: Path) -> list[Path]:
    written = []
    for relative, make in published().items():
        path = root / relative
        text = render(make())
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()):
        print(f"wrote {path}")
