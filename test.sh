#!/usr/bin/env bash
# Runs every test of the solution: unit, architecture, integration and browser tests (the integration tests start
# the real service on 127.0.0.1 with a real SQLite file, and several instances against a throw-away PostgreSQL
# server; the browser tests drive Debian's Chromium). Installs what
# the tests need when it is missing, builds once, then runs the test projects without rebuilding, and ends with
# the line "N passed, M failed, K skipped". Exit code: 0 only when all passed.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (see global.json) is required: https://dotnet.microsoft.com/download" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Debian packages the tests use: installed once, when missing (needs root or sudo).
ensure_package() { # <file (glob) that proves it is installed> <package>...
  local proof=$1; shift
  compgen -G "$proof" >/dev/null && return 0
  echo "Installing $* (missing $proof)..."
  local apt=(apt-get)
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then apt=(sudo apt-get); else
      echo "Cannot install $*: run as root or install them yourself." >&2; return 1
    fi
  fi
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null \
    || { DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >/dev/null && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null; }
}

# chromium: browser tests. postgresql: the multi-instance tests start their own throw-away server (no service).
if ! ensure_package /usr/bin/chromium chromium || ! ensure_package '/usr/lib/postgresql/*/bin/initdb' postgresql; then
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Local tools: smtp4dev, the real SMTP server the mail tests send to (and dotnet-ef for migrations).
if ! dotnet tool restore >/dev/null; then
  echo "dotnet tool restore failed."
  echo "0 passed, 1 failed"
  exit 1
fi

if ! dotnet build DoubleDibz.sln --nologo -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test --solution DoubleDibz.sln --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

awk '/^  succeeded: /{p=$2} /^  failed: /{f=$2} /^  skipped: /{s=$2} END{printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"
