"""The `validate` and `checklists` commands: what maintainers and offices run on checklist files."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from privacy_checkup.cli.exit_codes import ExitCode
from privacy_checkup.core import emergency, glossary
from privacy_checkup.core.errors import InvalidFileError
from privacy_checkup.core.loader import checklist_files, load_files
from privacy_checkup.core.pack_names import PACK_MANIFEST_NAME, PACK_SIGNATURE_NAME
from privacy_checkup.core.policy import load_policy
from privacy_checkup.session.app_catalog import AppCatalog, load_app_catalog
from privacy_checkup.storage import paths

# The files beside the checklists that have formats of their own, each with its reader.
COMPANION_FILES = (glossary.FILE_NAME, emergency.FILE_NAME)


def _files_to_validate(targets: list[Path], checklists_dir: Path | None) -> list[Path]:
    folders = targets or [layer.folder for layer in paths.checklist_layers(checklists_dir)]
    files: list[Path] = []
    for target in folders:
        if target.is_dir():
            files.extend(checklist_files(target))
            files.extend(target / name for name in COMPANION_FILES if (target / name).is_file())
        elif targets:
            files.append(target)
    return files


def _companion_errors(path: Path) -> list[InvalidFileError]:
    try:
        if path.name == glossary.FILE_NAME:
            glossary.load_glossary(path)
        else:
            emergency.load_guide(path)
    except InvalidFileError as exc:
        return [exc]
    return []


def cmd_validate(targets: list[Path], checklists_dir: Path | None) -> int:
    files = _files_to_validate(targets, checklists_dir)
    # An office checks its policy the same way: named on the command line, or found where the app looks.
    policies = [f for f in files if f.name == paths.POLICY_FILE_NAME] if targets else (
        [paths.policy_path()] if paths.policy_path().is_file() else [])
    companions = [f for f in files if f.name in COMPANION_FILES]
    files = [f for f in files if f not in policies and f not in companions]
    result = load_files(files)
    policy_errors = [e for policy in policies for e in load_policy(policy).errors]
    companion_errors = [e for companion in companions for e in _companion_errors(companion)]
    for error in [*policy_errors, *companion_errors, *result.errors]:
        for diagnostic in error.diagnostics:
            print(diagnostic)
    missing = [t for t in targets if not t.exists()]
    print(f"{len(result.checklists)} of {len(files)} checklist file(s) valid", file=sys.stderr)
    if policies:
        print(f"{len(policies) - len(policy_errors)} of {len(policies)} policy file(s) valid", file=sys.stderr)
    if companions:
        print(f"{len(companions) - len(companion_errors)} of {len(companions)} glossary and emergency guide file(s) "
              "valid", file=sys.stderr)
    problems = (result.errors or policy_errors or companion_errors or missing
                or (targets and not files and not policies and not companions))
    return ExitCode.ATTENTION if problems else ExitCode.OK


def cmd_checklists(as_json: bool, checklists_dir: Path | None) -> int:
    loaded = load_app_catalog(checklists_dir)
    policy, catalog = loaded.policy, loaded.catalog
    today = dt.date.today()
    rows = [{
        "id": entry.checklist.id,
        "title": entry.checklist.title,
        "layer": entry.layer.value,
        "version": entry.checklist.version,
        "last_verified": entry.checklist.last_verified.isoformat(),
        "review_interval_days": entry.checklist.review_interval_days,
        "items": len(entry.checklist.items),
        "path": str(entry.path),
        "overrides": [layer.value for layer in entry.overrides],
        "signature": entry.signature or "unsigned",
        "required": entry.checklist.id in policy.required_checklists,
        "possibly_out_of_date": policy.possibly_out_of_date(entry.checklist.last_verified, today),
        # The file is bad; this is its last good copy, validated at this moment, in use until it is fixed.
        "last_good_copy_from": entry.last_good_from.isoformat() if entry.last_good_from else None,
    } for entry in catalog]
    problems = _catalog_problems(loaded)
    if as_json:
        print(json.dumps({
            "policy": {"organisation": policy.organisation, "help_link": policy.help_link,
                       "required_checklists": list(policy.required_checklists),
                       "safe_defaults": policy.safe_defaults},
            "office_pack": _office_pack_state(loaded, checklists_dir),
            "checklists": rows,
            "errors": problems,
        }, indent=2, ensure_ascii=False))
        for error in loaded.policy_result.errors:  # a broken policy is always said out loud
            for diagnostic in error.diagnostics:
                print(diagnostic, file=sys.stderr)
    else:
        if policy.organisation:
            contact = f" (help: {policy.help_link})" if policy.help_link else ""
            print(f"Office policy: {policy.organisation}{contact}")
        for row in rows:
            print(f"{row['id']:<24} {row['title']:<28} {row['layer']:<8} v{row['version']:<6} "
                  f"verified {row['last_verified']}  {row['items']} items  {row['signature']}")
        for problem in problems:
            print(problem, file=sys.stderr)
    return ExitCode.ATTENTION if problems else ExitCode.OK


def _catalog_problems(loaded: AppCatalog) -> list[str]:
    out = [str(d) for e in loaded.policy_result.errors for d in e.diagnostics]
    if loaded.policy.safe_defaults:
        out.append(f"{paths.policy_path()}: the office policy cannot be used, so the app runs with safe defaults: "
                   "only the bundled checklists are loaded until the policy is fixed")
    out += [f"office checklists not loaded: {exc}" for exc in loaded.catalog.rejected_packs]
    out += [str(d) for e in loaded.catalog.errors for d in e.diagnostics]
    out += [f"{e.path}: its last good copy, validated {e.last_good_from.isoformat(timespec='seconds')}, is used "
            "until the file is fixed" for e in loaded.catalog.errors if e.last_good_from is not None]
    out += [f"{paths.policy_path()}: the office policy requires checklist {cid!r}, which is not available"
            for cid in loaded.built.missing_required]
    return out


def _office_pack_state(loaded: AppCatalog, checklists_dir: Path | None) -> dict[str, Any] | None:
    """How the office folder fared: verified, unsigned, rejected (with why), or None when it is empty."""
    folder = paths.office_checklists_dir(checklists_dir)
    pack = loaded.built.verified_pack
    rejected = loaded.catalog.rejected_packs
    if rejected:
        return {"folder": str(folder), "signature": f"rejected: {rejected[0]}", "version": None}
    if pack is not None:
        return {"folder": str(folder), "signature": pack.signature, "version": pack.manifest.version}
    signed_parts = [name for name in (PACK_MANIFEST_NAME, PACK_SIGNATURE_NAME) if (folder / name).exists()]
    if not checklist_files(folder) and not signed_parts:
        return None
    return {"folder": str(folder), "signature": "unsigned", "version": None}
