#!/usr/bin/env bash
# The test command: builds the solution once and runs the four suites on that build, one after another, each into
# its own trx file under TestResults/. One at a time is the fastest order on two cores: each suite already keeps both
# cores busy (Hub's test classes, Resilience's server processes, the browser and its server), and side by side their
# timed waits stretch (on an idle 2-core machine Hub beside Resilience took 390 s, one after the other 315 s).
# Resilience comes first because it leaves the most room: its fixed waits (a Redis outage, the minutely jobs) are
# where CI's format check, started beside the tests, finds a core. The browser tests come last and alone: they need
# the machine to themselves for their bound of a change on the display within a second.
# Exits non-zero if the build or any suite failed. `--no-restore` skips the restore (CI has just restored).
set -uo pipefail
cd "$(dirname "$0")/.."

rm -rf TestResults
mkdir -p TestResults
if ! dotnet build Rantevou.sln "$@"; then
  echo "build failed"
  exit 1
fi
echo "build done, $SECONDS s into the tests"

status=0
# A suite on the build above (no build or restore of its own), into a trx file of its own name.
for suite in Core.Tests Resilience.Tests Hub.Tests Browser.Tests; do
  dotnet test "tests/$suite" --no-build --logger "trx;LogFileName=$suite.trx" --results-directory TestResults || status=1
  echo "=== $suite: done $SECONDS s into the tests"
done
exit $status
