#!/usr/bin/env bash
# The format check: what `dotnet format --verify-no-changes` finds that the build does not. The build already fails on
# every style and analyzer warning (EnforceCodeStyleInBuild, TreatWarningsAsErrors), so what is left is whitespace
# (`dotnet format whitespace --folder`, which reads .editorconfig without loading the projects) and the order of the
# using directives (build/usings.py). About 8 s and 15 core-seconds, against 70 s and 160 for the whole
# `dotnet format`, which loads and compiles every project once more. `dotnet format` fixes whatever this reports.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
dotnet format whitespace --folder --verify-no-changes --exclude '**/obj/**' '**/bin/**' || status=1
python3 build/usings.py || status=1
exit $status
