"""`--self-test` reports each check and fails loudly when one fails."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def self_test(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_checkup", "--self-test"], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_self_test_fails_and_names_the_keyring_when_there_is_none() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/bus"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = self_test(env)
    assert result.returncode == 1
    assert "FAIL  keyring" in result.stdout
    assert "keyring.backends.fail.Keyring" in result.stdout
    assert re.search(r"ok    checklists: \d+ bundled checklists valid", result.stdout), result.stdout
    assert "ok    store:" in result.stdout
    assert "ok    office: no office policy" in result.stdout


@pytest.mark.keyring
def test_self_test_passes_with_a_real_secret_service() -> None:
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ and not os.environ.get("PRIVACY_CHECKUP_REQUIRE_KEYRING"):
        pytest.skip("no D-Bus session here; CI runs this under dbus-run-session with gnome-keyring")
    result = self_test(dict(os.environ))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "secure keyring backend keyring.backends.SecretService.Keyring" in result.stdout
    assert result.stdout.strip().endswith("self-test passed")


def test_self_test_fails_on_a_broken_office_policy(app_home: Path) -> None:
    office = Path(os.environ["PRIVACY_CHECKUP_OFFICE_DIR"])
    office.mkdir(parents=True, exist_ok=True)
    (office / "policy.json").write_text('{"schema_version": 1,\n "organisation": NaN}')
    result = self_test(dict(os.environ))
    assert result.returncode == 1
    assert f"FAIL  office: RuntimeError: {office / 'policy.json'}:2:18: NaN is not allowed" in result.stdout
