"""The Windows version resource and the installer's version come from the package version."""

from __future__ import annotations

import pytest

from privacy_checkup import __version__
from tests.packaging.scripts import PACKAGING, load

version_info = load("windows/version_info.py")
make_iss = load("windows/make_iss.py")


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.0rc1", (2, 0, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)),
    ("3.1.post2", (3, 1, 0, 0)),
])
def test_numeric_version_keeps_the_release_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert version_info.numeric_version(version) == numbers


def test_a_number_windows_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError, match="65535"):
        version_info.numeric_version("1.70000")


def test_each_executable_names_itself_and_the_version() -> None:
    fields = version_info.string_fields("1.4.0", "privacy-checkup-cli.exe", "Privacy Checkup (command line)")
    assert fields["OriginalFilename"] == "privacy-checkup-cli.exe"
    assert fields["InternalName"] == "privacy-checkup-cli"
    assert fields["FileVersion"] == fields["ProductVersion"] == "1.4.0"


def test_the_installer_script_is_filled_with_the_package_version(tmp_path: object) -> None:
    template = (PACKAGING / "windows" / "privacy-checkup.iss.in").read_text(encoding="utf-8")
    script = make_iss.render(template, __version__, PACKAGING / "icon.ico")
    assert "@" not in script.replace("{#AppVersion}", "")
    assert f'#define AppVersion "{__version__}"' in script
    assert "VersionInfoVersion=" + ".".join(map(str, version_info.numeric_version(__version__))) in script
    assert make_iss.package_version() == __version__


def test_the_installer_locks_the_office_folder_to_administrators_by_sid() -> None:
    template = (PACKAGING / "windows" / "privacy-checkup.iss.in").read_text(encoding="utf-8")
    assert "/inheritance:r" in template
    assert "*S-1-5-32-544:(OI)(CI)F" in template
    assert "*S-1-5-18:(OI)(CI)F" in template
    assert "*S-1-5-32-545:(OI)(CI)RX" in template
    assert "uninsneveruninstall" in template
