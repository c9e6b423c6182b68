#!/usr/bin/env bash
# Backend benchmarks: booking throughput, availability latency, expiry precision.
# Usage: bench/backend/run.sh OUT_DIR [--quick]   writes OUT_DIR/{booking,availability,expiry}.json
# Servers run pinned to core 0 (taskset -c 0); this load generator to core 1.
set -euo pipefail
OUT="${1:?usage: run.sh OUT_DIR [--quick]}"
shift || true
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$OUT"
dotnet build "$ROOT/src/Hub" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/bench/backend/Bench.Backend" -c Release -v q -nologo >/dev/null
taskset -c 1 dotnet "$ROOT/bench/backend/Bench.Backend/bin/Release/net10.0/Rantevou.Bench.Backend.dll" all "$OUT" "$@"
