#!/usr/bin/env bash
# What the tests need beyond the .NET SDK: Debian's Chromium (browser tests, via Playwright)
# and fonts with Greek glyphs for screenshots. Idempotent; needs root or sudo for apt-get.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
echo "prerequisites: chromium $(chromium --version 2>/dev/null | awk '{print $2}')"
