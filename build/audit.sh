#!/usr/bin/env bash
# NuGet's audit of every package (transitive ones too) against the advisories Rantevou carries in
# build/advisories/vulnerabilities.json, for feeds that serve no vulnerability data of their own.
# NuGet reads audit data only from an HTTP source, so the file is served on 127.0.0.1 for the run.
# First a control: a throwaway project on Newtonsoft.Json 11.0.1 must be reported (GHSA-5crp-9r3c-p9vr),
# which proves the data was served and read; then the solution must restore with no advisory at all.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
mkdir -p "$work/feed/vulnerability" "$work/control"
cp "$root/build/advisories/vulnerabilities.json" "$work/feed/vulnerability/base.json"
updated="$(date -u -r "$root/build/advisories/vulnerabilities.json" +%Y-%m-%dT%H:%M:%SZ)"
printf '{"version":"3.0.0","resources":[{"@id":"%s/vulnerability/index.json","@type":"VulnerabilityInfo/6.7.0"}]}\n' "$base" >"$work/feed/index.json"
printf '[{"@name":"base","@id":"%s/vulnerability/base.json","@updated":"%s"}]\n' "$base" "$updated" >"$work/feed/vulnerability/index.json"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/feed" >/dev/null 2>&1 &
server=$!
python3 - "$base/index.json" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1); break
    except OSError:
        time.sleep(0.1)
PY

cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <auditSources>
    <clear />
    <add key="rantevou-advisories" value="$base/index.json" allowInsecureConnections="true" />
  </auditSources>
</configuration>
EOF
audit=(-p:NuGetAudit=true -p:NuGetAuditMode=all -p:NuGetAuditLevel=low --configfile "$work/nuget.config")

cat >"$work/control/control.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="11.0.1" /></ItemGroup>
</Project>
EOF
control="$(dotnet restore "$work/control/control.csproj" "${audit[@]}" 2>&1)"
if ! grep -q "GHSA-5crp-9r3c-p9vr" <<<"$control"; then
  echo "audit: the control project on Newtonsoft.Json 11.0.1 was not reported; the advisory data was not read:"
  echo "$control"
  exit 1
fi

out="$(dotnet restore "$root/Rantevou.sln" --force "${audit[@]}" 2>&1)"
status=$?
found="$(grep -E "NU190[0-5]" <<<"$out" | sort -u)"
if [ $status -ne 0 ] || [ -n "$found" ]; then
  echo "audit: restore reported advisories or could not read them:"
  echo "${found:-$out}"
  exit 1
fi
echo "audit: no known advisory in any package ($(grep -c '"url"' "$root/build/advisories/vulnerabilities.json") advisories carried, control reported)"
