#!/usr/bin/env bash
# Copies the two browser libraries the live pages use from npm into the source tree, so the
# server needs no npm at build or run time. Run it to update them; commit the copied files.
#   @microsoft/signalr (MIT)  -> src/Hub/wwwroot/lib/signalr/   served at /lib/signalr/signalr.min.js
#                                 (the hub serves its own client; display, kiosk, ticket and clerk pages load it)
#   jsqr (Apache-2.0)         -> src/Kiosk/wwwroot/lib/jsqr/     camera QR decoding where BarcodeDetector is missing
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
signalr_version="${SIGNALR_VERSION:-10.0.11}"
jsqr_version="${JSQR_VERSION:-1.4.0}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "@microsoft/signalr@$signalr_version" "jsqr@$jsqr_version" >/dev/null

mkdir -p "$root/src/Hub/wwwroot/lib/signalr" "$root/src/Kiosk/wwwroot/lib/jsqr"
cp node_modules/@microsoft/signalr/dist/browser/signalr.min.js "$root/src/Hub/wwwroot/lib/signalr/"
# The package ships no LICENSE file; its package.json says MIT (Copyright (c) .NET Foundation).
printf '@microsoft/signalr %s, MIT licence, Copyright (c) .NET Foundation and Contributors.\nhttps://github.com/dotnet/aspnetcore/blob/main/LICENSE.txt\n' \
  "$(node -p "require('./node_modules/@microsoft/signalr/package.json').version")" > "$root/src/Hub/wwwroot/lib/signalr/LICENSE.txt"
cp node_modules/jsqr/dist/jsQR.js "$root/src/Kiosk/wwwroot/lib/jsqr/"
cp node_modules/jsqr/LICENSE "$root/src/Kiosk/wwwroot/lib/jsqr/LICENSE.txt"
echo "vendored @microsoft/signalr $(node -p "require('./node_modules/@microsoft/signalr/package.json').version"), jsqr $(node -p "require('./node_modules/jsqr/package.json').version")"
