#!/usr/bin/env bash
# All of Rantevou's benchmarks in one command: bench/run.sh [--quick] [OUT_DIR]
# Servers on core 0, load generators on core 1, Release builds, every figure against a baseline from the same run.
# Writes OUT_DIR/<part>.json per part, then OUT_DIR/results.json and a Markdown table (report.py).
# --quick: small sizes, to check the harness in a few minutes.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
QUICK=0
OUT=""
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    *) OUT=$a ;;
  esac
done
OUT=${OUT:-"$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$OUT"
export BENCH_QUICK=$QUICK
ARGS=("$OUT")
[[ "$QUICK" == 1 ]] && ARGS+=(--quick)
echo "bench: results in $OUT$([[ $QUICK == 1 ]] && echo ' (quick)')"

# Release builds after Debug ones: a fresh compiler server (see build/test.sh, dotnet/razor#13184).
dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true
start=$(date +%s)
for part in fanout screens backend; do
  if [[ -x "$HERE/$part/run.sh" || -f "$HERE/$part/run.sh" ]]; then
    echo "bench: == $part =="
    t=$(date +%s)
    if ! bash "$HERE/$part/run.sh" "${ARGS[@]}"; then
      echo "bench: !! part $part FAILED (see above); the report shows the parts that finished" >&2
      echo "{\"part\":\"$part\",\"failed\":true,\"rows\":[]}" >"$OUT/$part.failed.json"
    fi
    echo "bench: $part took $(( $(date +%s) - t )) s"
  else
    echo "bench: !! NOTE: bench/$part/run.sh is absent; part $part skipped" >&2
    echo "{\"part\":\"$part\",\"skipped\":\"bench/$part/run.sh absent\",\"rows\":[]}" >"$OUT/$part.skipped.json"
  fi
done
echo "bench: all parts took $(( $(date +%s) - start )) s"
python3 "$HERE/report.py" "$OUT"
