#!/bin/sh
# Sign, notarise and staple "dist/Privacy Checkup.app", then wrap it in a .dmg.
# Needs: a "Developer ID Application" certificate in the keychain and a notarytool
# keychain profile (xcrun notarytool store-credentials privacy-checkup-notary ...).
#   IDENTITY="Developer ID Application: Example Office (TEAMID)" sh packaging/macos/sign-and-notarize.sh
set -eu
cd "$(dirname "$0")/../.."
APP="dist/Privacy Checkup.app"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/privacy_checkup/__init__.py)
DMG="dist/PrivacyCheckup-$VERSION.dmg"
: "${IDENTITY:?set IDENTITY to your Developer ID Application identity}"
PROFILE=${NOTARY_PROFILE:-privacy-checkup-notary}

codesign --force --deep --options runtime --timestamp \
  --entitlements packaging/macos/entitlements.plist --sign "$IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"
hdiutil create -volname "Privacy Checkup" -srcfolder "$APP" -ov -format UDZO "$DMG"
codesign --sign "$IDENTITY" --timestamp "$DMG"
xcrun notarytool submit "$DMG" --keychain-profile "$PROFILE" --wait
xcrun stapler staple "$DMG"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
echo "signed and notarised: $DMG"
