#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of Domain, then Application, against the unit tests. Prints each project's score as
# killed / (killed + survived + no coverage), timeouts counted as killed, e.g. "Domain: 87.3 %", and exits non-zero
# when one is below its target (Domain 85 %, Application 80 %). Slow (several minutes per project): not part of
# test.sh or .ci/run; run it before closing an issue that changes Domain or Application (docs/testing.md).
# Reports (HTML and JSON): tests/UnitTests/StrykerOutput/<project>/reports/.
#   ./mutation.sh              both projects
#   ./mutation.sh Domain       one of them (Domain or Application)
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

declare -A target=([Domain]=85 [Application]=80)
projects=("$@")
[ ${#projects[@]} -eq 0 ] && projects=(Domain Application)
for p in "${projects[@]}"; do
  [ -n "${target[$p]:-}" ] || { echo "Unknown project '$p' (Domain or Application)." >&2; exit 2; }
done

command -v python3 >/dev/null 2>&1 || { echo "python3 is required (it reads the scores from Stryker's JSON report)." >&2; exit 1; }
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed." >&2; exit 1; }

# killed / (killed + survived + no coverage) from Stryker's JSON report (mutation-testing-report schema).
score() {
  python3 - "$1" <<'PY'
import json, sys
counts = {}
for f in json.load(open(sys.argv[1]))["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
valid = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
print(f"{100.0 * killed / valid if valid else 0:.1f} {killed} {counts.get('Survived', 0)} {counts.get('NoCoverage', 0)}")
PY
}

status=0
summary=()
for p in "${projects[@]}"; do
  out="StrykerOutput/$p"
  rm -rf "tests/UnitTests/$out"
  echo "== Stryker: $p (report in tests/UnitTests/$out/reports/)"
  if ! (cd tests/UnitTests && dotnet stryker --project "DoubleDibz.$p.csproj" --output "$out" --skip-version-check); then
    summary+=("$p: Stryker failed")
    status=1
    continue
  fi
  report="tests/UnitTests/$out/reports/mutation-report.json"
  if [ ! -f "$report" ]; then
    summary+=("$p: no report at $report")
    status=1
    continue
  fi
  read -r pct killed survived nocov < <(score "$report")
  line="$p: $pct % (killed $killed, survived $survived, no coverage $nocov; target ${target[$p]} %)"
  if python3 -c "import sys; sys.exit(0 if float('$pct') >= ${target[$p]} else 1)"; then
    summary+=("$line")
  else
    summary+=("$line BELOW TARGET")
    status=1
  fi
done

echo
printf '%s\n' "${summary[@]}"
exit $status
