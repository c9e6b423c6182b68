#!/usr/bin/env bash
# What the tests need beyond the .NET SDK: Debian's Chromium (browser tests, via Playwright),
# fonts with Greek glyphs for screenshots, redis-server and postgresql (the scale-out and database tests
# start their own on a free port; the system services are not needed, nor started). Idempotent; needs
# root or sudo for apt-get.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
command -v redis-server >/dev/null || need+=(redis-server)
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
[ -x "$(pg_bin)/postgres" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # policy-rc.d 101: install without starting the system redis and postgresql services (tests run their own).
  policy="/usr/sbin/policy-rc.d"; made_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null && $sudo_cmd chmod +x "$policy" && made_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
  if [ -n "$made_policy" ]; then $sudo_cmd rm -f "$policy"; fi
fi
echo "prerequisites: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(redis-server --version | awk '{print $1, $3}'), $("$(pg_bin)/postgres" --version)"
