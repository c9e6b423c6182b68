#!/usr/bin/env bash
# The test command: builds the solution once and runs the four suites on that build, each into its own trx file under
# TestResults/. Side by side where it is safe on two cores: Hub, and Core then Resilience (Resilience mostly waits on
# its server processes, a fixed Redis outage and a real-time minute of the job schedule). The browser tests run last
# and alone: beside the others they missed their bound of a change on the display within a second.
# The suites are bound by the CPU, so two settings of this command's own make them cheaper:
# - the build uses the compiler server even where the environment turns it off (UseSharedCompilation=false): a clean
#   build of the solution 103 s (162 core-seconds) without it, 65 s (121) with it;
# - the tests' processes run without the runtime's profile-guided recompilation (DOTNET_TieredPGO=0), as the server
#   itself does (build/ServerRuntime.props), which the test host does not inherit: Hub.Tests 290 core-seconds with
#   it, 236 without.
# Exits non-zero if the build or any suite failed. `--no-restore` skips the restore (CI has just restored).
set -uo pipefail
cd "$(dirname "$0")/.."

rm -rf TestResults
mkdir -p TestResults
# A fresh compiler server: one left by an earlier build can be in a state where its Razor generator reports RZ1021 on
# correct pages until it restarts (dotnet/razor#13184).
dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1
if ! dotnet build Rantevou.sln -p:UseSharedCompilation=true "$@"; then
  echo "build failed"
  exit 1
fi
# No process left behind: the compiler server would otherwise wait ten idle minutes.
dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1
echo "build done, $SECONDS s into the tests"

export DOTNET_TieredPGO=0

# A job in the background: its output into its own log, shown when it is waited for, its exit code kept.
declare -A pids=()
start() { # name, command...
  local name="$1"; shift
  ( "$@" >"TestResults/$name.log" 2>&1; echo $? >"TestResults/$name.status"; echo $SECONDS >"TestResults/$name.seconds" ) &
  pids[$name]=$!
}
status=0
finish() { # name
  wait "${pids[$1]}"
  echo "=== $1: done $(cat "TestResults/$1.seconds") s into the tests"
  cat "TestResults/$1.log"
  [ "$(cat "TestResults/$1.status")" = 0 ] || status=1
}
# A suite on the build above (no build or restore of its own), into a trx file of its own name: suites starting in
# the same second would otherwise write the same default name. A test still running after five minutes (the longest,
# the day in the life, takes about 75 s) is taken for hung: its suite is stopped and fails, rather than the run waiting
# for ever.
suite() { # test project folder under tests/
  dotnet test "tests/$1" --no-build --logger "trx;LogFileName=$1.trx" --results-directory TestResults \
    --blame-hang-timeout 5m --blame-hang-dump-type none
}
core_then_resilience() {
  suite Core.Tests; local core=$?
  suite Resilience.Tests || return 1
  return $core
}

start Hub.Tests suite Hub.Tests
start Core+Resilience.Tests core_then_resilience
finish Hub.Tests
finish Core+Resilience.Tests
start Browser.Tests suite Browser.Tests
finish Browser.Tests
exit $status
