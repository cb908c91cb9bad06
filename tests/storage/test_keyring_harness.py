"""The real-keyring tests may only be skipped when CI has not asked for them."""

from __future__ import annotations

import pytest

from tests.storage.keyrings import REQUIRE_ENV, make_harness


def test_missing_secret_service_skips_unless_required_then_fails(tmp_path, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")  # no daemon answers here
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception):
        make_harness("secret_service", tmp_path)
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match=REQUIRE_ENV):
        make_harness("secret_service", tmp_path)
