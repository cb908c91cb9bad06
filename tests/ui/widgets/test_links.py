"""Only https: and mailto: links ever open, and only through `open_link`."""

from __future__ import annotations

import pytest

from privacy_checkup.ui.widgets import links


@pytest.mark.parametrize("url", [
    "https://support.tiktok.com/en/account-and-privacy",
    "https://help.instagram.com/116024195217477?helpref=faq",
    "HTTPS://EXAMPLE.COM/",
    "mailto:help@office.example",
    "mailto:it-help@parliament.example?subject=Privacy%20Checkup",
])
def test_https_and_mailto_links_are_openable(url: str) -> None:
    assert links.is_openable(url)


@pytest.mark.parametrize("url", [
    "", "http://example.com/", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>",
    "ftp://example.com/", "https://", "https:///path-only", "//example.com/x", "example.com",
    " https://example.com/", "https://example.com/a b", "https://exa\nmple.com/", "https://user:pw@example.com/",
    "https://example.com\\@evil.example/", "mailto:", "mailto:@example.com", "mailto:nobody",
    "qrc:/icons/x.svg", "smb://server/share",
])
def test_everything_else_is_refused(url: str) -> None:
    assert not links.is_openable(url)


def test_open_link_never_hands_a_refused_link_to_the_desktop(opened_urls: list[str]) -> None:
    assert links.open_link("file:///etc/passwd") is False
    assert links.open_link("https://help.example.com/privacy") is True
    assert opened_urls == ["https://help.example.com/privacy"]


def test_display_host_shows_what_a_person_recognises() -> None:
    assert links.display_host("https://help.instagram.com/123") == "help.instagram.com"
    assert links.display_host("mailto:help@office.example") == "help@office.example"


def test_monograms_use_the_name_not_the_aside() -> None:
    from privacy_checkup.ui.look.icons import monogram_letters

    assert monogram_letters("X (Twitter)") == "X"
    assert monogram_letters("TikTok") == "T"
    assert monogram_letters("Facebook Messenger") == "FM"
    assert monogram_letters("YouTube and your Google Account") == "Y"
    assert monogram_letters("<b>") == "?"
