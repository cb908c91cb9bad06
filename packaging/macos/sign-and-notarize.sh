#!/bin/sh
# Sign, notarise and staple "dist/Privacy Checkup.app", and wrap it in dist/PrivacyCheckup-<version>.dmg.
# Every step that needs the office's Apple credentials is skipped, with a message, when they are absent:
# the .dmg is then made unsigned (macOS asks people to confirm the first start).
#   Signing (a "Developer ID Application" certificate):
#     MACOS_CERTIFICATE_P12_BASE64  the certificate and its private key, exported as .p12, base64-encoded
#     MACOS_CERTIFICATE_PASSWORD    the .p12's password
#     MACOS_SIGNING_IDENTITY        e.g. "Developer ID Application: Example Office (TEAMID)"
#   Notarisation (an App Store Connect API key with the Developer role):
#     APPLE_API_KEY_P8_BASE64, APPLE_API_KEY_ID, APPLE_API_ISSUER_ID
set -eu
cd "$(dirname "$0")/../.."
APP="dist/Privacy Checkup.app"
ENTITLEMENTS=packaging/macos/entitlements.plist
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/privacy_checkup/__init__.py)
DMG="dist/PrivacyCheckup-$VERSION.dmg"
WORK=$(mktemp -d)
KEYCHAIN="$WORK/signing.keychain-db"
cleanup() {
  if [ -f "$KEYCHAIN" ]; then security delete-keychain "$KEYCHAIN" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

signing=yes
[ -n "${MACOS_CERTIFICATE_P12_BASE64:-}" ] && [ -n "${MACOS_CERTIFICATE_PASSWORD:-}" ] \
  && [ -n "${MACOS_SIGNING_IDENTITY:-}" ] || signing=no
notarising=$signing
[ -n "${APPLE_API_KEY_P8_BASE64:-}" ] && [ -n "${APPLE_API_KEY_ID:-}" ] && [ -n "${APPLE_API_ISSUER_ID:-}" ] \
  || notarising=no

import_certificate() {
  # A keychain of its own for this job, unlocked, that codesign may use without a prompt.
  password=$(openssl rand -hex 24)
  security create-keychain -p "$password" "$KEYCHAIN"
  security set-keychain-settings -lut 3600 "$KEYCHAIN"
  security unlock-keychain -p "$password" "$KEYCHAIN"
  printf '%s' "$MACOS_CERTIFICATE_P12_BASE64" | base64 --decode > "$WORK/certificate.p12"
  security import "$WORK/certificate.p12" -k "$KEYCHAIN" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
  rm -f "$WORK/certificate.p12"
  security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$password" "$KEYCHAIN" >/dev/null
  # shellcheck disable=SC2046
  security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')
}

sign() {
  codesign --force --options runtime --timestamp --entitlements "$ENTITLEMENTS" \
    --keychain "$KEYCHAIN" --sign "$MACOS_SIGNING_IDENTITY" "$@"
}

sign_app() {
  # Inside out: every Mach-O file, then each framework bundle (deepest first), then the app.
  find "$APP/Contents" -type f | while IFS= read -r file; do
    if file -b "$file" | grep -q '^Mach-O'; then sign "$file"; fi
  done
  find "$APP/Contents" -type d -name '*.framework' | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2- \
    | while IFS= read -r framework; do sign "$framework"; done
  sign "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
}

notarise() {
  # $1: a .zip or .dmg. Waits for Apple's answer; anything but Accepted fails, with Apple's log.
  printf '%s' "$APPLE_API_KEY_P8_BASE64" | base64 --decode > "$WORK/api-key.p8"
  xcrun notarytool submit "$1" --key "$WORK/api-key.p8" --key-id "$APPLE_API_KEY_ID" \
    --issuer "$APPLE_API_ISSUER_ID" --wait --output-format json > "$WORK/notary.json"
  status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("status", ""))' "$WORK/notary.json")
  if [ "$status" != Accepted ]; then
    id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("id", ""))' "$WORK/notary.json")
    echo "notarisation of $1: $status" >&2
    [ -z "$id" ] || xcrun notarytool log "$id" --key "$WORK/api-key.p8" --key-id "$APPLE_API_KEY_ID" \
      --issuer "$APPLE_API_ISSUER_ID" >&2 || true
    exit 1
  fi
  echo "notarised: $1"
}

if [ "$signing" = yes ]; then
  import_certificate
  sign_app
else
  echo "::warning::Not signed or notarised: the secrets MACOS_CERTIFICATE_P12_BASE64, MACOS_CERTIFICATE_PASSWORD and MACOS_SIGNING_IDENTITY are not set."
fi
if [ "$notarising" = yes ]; then
  # The app itself is notarised and stapled first, so it also opens on a Mac without a network.
  ditto -c -k --keepParent "$APP" "$WORK/app.zip"
  notarise "$WORK/app.zip"
  xcrun stapler staple "$APP"
elif [ "$signing" = yes ]; then
  echo "::warning::Signed but not notarised: the secrets APPLE_API_KEY_P8_BASE64, APPLE_API_KEY_ID and APPLE_API_ISSUER_ID are not set."
fi

rm -f "$DMG"
hdiutil create -volname "Privacy Checkup" -srcfolder "$APP" -ov -format UDZO "$DMG"
if [ "$signing" = yes ]; then
  codesign --force --timestamp --keychain "$KEYCHAIN" --sign "$MACOS_SIGNING_IDENTITY" "$DMG"
fi
if [ "$notarising" = yes ]; then
  notarise "$DMG"
  xcrun stapler staple "$DMG"
  xcrun stapler validate "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
echo "disk image: $DMG (signed: $signing, notarised: $notarising)"
