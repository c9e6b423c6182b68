#!/usr/bin/env bash
# The screens row: N real screens running queue-live.js, a clerk calling next; time until every screen has
# rendered the call, and snapshots built per call. Usage: bench/screens/run.sh OUT_DIR [--quick]
# Baseline in the same run: the same bench against the server and queue-live.js of SCREENS_BASE_REF (default: the last
# commit before the per-version snapshot cache), built from a temporary git worktree that is removed afterwards.
# Server on core 0, screens on core 1. Writes OUT_DIR/screens.json, raw measurements under OUT_DIR/screens-raw/.
set -euo pipefail
OUT=${1:?usage: bench/screens/run.sh OUT_DIR [--quick]}
QUICK=${BENCH_QUICK:-0}
[[ "${2:-}" == "--quick" ]] && QUICK=1
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE_DIR="$ROOT/bench/fanout/node"
BASE_REF=${SCREENS_BASE_REF:-062afb0}
RAW="$OUT/screens-raw"
mkdir -p "$RAW"
RAW=$(cd "$RAW" && pwd)
if [[ "$QUICK" == 1 ]]; then SIZES=100:3; else SIZES=${SCREENS_SIZES:-100:10,1000:10}; fi
ulimit -n "$(ulimit -Hn)"
echo "screens: sizes $SIZES, baseline $BASE_REF"

(cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
# SCREENS_BASE_DIR: a checkout of the baseline prepared by the caller (kept); otherwise a temporary worktree.
BASE_DIR=${SCREENS_BASE_DIR:-}
OWN_BASE=0
[[ -z "$BASE_DIR" ]] && { BASE_DIR=$(mktemp -d -t rantevou-screens-base-XXXXXX); OWN_BASE=1; }
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "$OWN_BASE" == 1 ]]; then git -C "$ROOT" worktree remove --force "$BASE_DIR" 2>/dev/null || rm -rf "$BASE_DIR"; fi
}
trap cleanup EXIT
[[ "$OWN_BASE" == 1 ]] && git -C "$ROOT" worktree add --detach -q "$BASE_DIR" "$BASE_REF"
dotnet build -c Release "$ROOT/bench/fanout/FanoutHost/FanoutHost.csproj" -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build -c Release "$BASE_DIR/bench/fanout/FanoutHost/FanoutHost.csproj" -nologo -v q -clp:ErrorsOnly >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# bench NAME TREE [SCRIPT]: the tree's own server and queue-live.js (or SCRIPT), a fresh data folder.
bench() {
  local name=$1 tree=$2 script=${3:-$2/src/Hub/wwwroot/js/queue-live.js} port data log kiosk
  port=$(free_port)
  data=$(mktemp -d -t rantevou-bench-XXXXXX)
  log="$RAW/$name.log"
  taskset -c 0 dotnet "$tree/bench/fanout/FanoutHost/bin/Release/net10.0/Rantevou.Bench.FanoutHost.dll" "$port" "$data" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do grep -q '^READY' "$log" && break; sleep 0.2; done
  grep '^READY' "$log" || { cat "$log" >&2; exit 1; }
  # A server that registers a kiosk at start says its cookie (kiosk=…); an older one needs none.
  kiosk=$(grep '^READY' "$log" | sed -n 's/.* kiosk=\([^ ]*\).*/\1/p')
  taskset -c 1 node "$NODE_DIR/screens.js" --server "http://127.0.0.1:$port" --script "$script" \
    --sizes "$SIZES" --label "$name" --out "$RAW/$name.json" ${kiosk:+--kiosk "$kiosk"}
  kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  rm -rf "$data"
}

if [[ -n "${SCREENS_BASE_SCRIPT:-}" ]]; then
  # This server with another queue-live.js (the screens as they were), when an older server cannot run the bench.
  bench baseline "$ROOT" "$SCREENS_BASE_SCRIPT"
else
  bench baseline "$BASE_DIR"
fi
bench rantevou "$ROOT"
python3 "$HERE/rows.py" "$RAW" "$OUT" "$BASE_REF"
