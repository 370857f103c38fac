#!/usr/bin/env bash
# The load benchmarks of docs/performance.md, with public tools only (wrk, sqlite3, curl from Debian).
#
#   bench/run.sh [basic|flood|growth|all]      (default: all)
#
# Builds the service in Release, starts it on a fresh SQLite file with RateLimiting__Enabled=false on 127.0.0.1
# (plain HTTP, so with Cookies__Secure=SameAsRequest: curl and wrk keep the plain dd_session/dd_csrf names),
# creates a user, and measures side by side in one run:
#   basic  - the bare endpoint (/healthz, the floor), verify_auth with a valid session (32 connections), login
#            with the right password (8 connections), and the hasher's single-thread time -> ceiling cores / hash time
#   flood  - 200 connections of logins for 20 s while verify_auth is measured alongside; peak RSS from /proc
#   growth - verify_auth and login with 1k, 100k and 1M users and sessions in the database (bulk-seeded)
# Raw wrk output goes to bench/out/results/; a markdown table of the figures to stdout and bench/out/results/summary.md.
# Environment: DURATION (seconds per basic/growth run, default 10), FLOOD_DURATION (default 20), GROWTH_SIZES
# (default "1000 100000 1000000"), PORT (default 5080); any service setting, e.g. PasswordHashing__Engine=Libsodium
# (the hasher timing of "basic" uses that engine too).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=${1:-all}
DURATION=${DURATION:-10}
FLOOD_DURATION=${FLOOD_DURATION:-20}
GROWTH_SIZES=${GROWTH_SIZES:-"1000 100000 1000000"}
PORT=${PORT:-5080}
OUT=$ROOT/bench/out
RESULTS=$OUT/results
export BENCH_WRK_DIR=$ROOT/bench/wrk
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need() { # <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "Installing $2..." >&2
  local apt=(apt-get); [ "$(id -u)" = 0 ] || apt=(sudo apt-get)
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$2" >/dev/null
}
need wrk wrk; need sqlite3 sqlite3; need curl curl

mkdir -p "$RESULTS"
echo "Building (Release)..." >&2
dotnet publish src/WebApi -c Release -o "$OUT/app" --nologo -v q >/dev/null
dotnet build bench/Benchmarks -c Release -o "$OUT/benchmarks" --nologo -v q >/dev/null

SERVICE_PID=
stop_service() { [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null; SERVICE_PID=; true; }
trap stop_service EXIT

start_service() { # <database file>
  ASPNETCORE_ENVIRONMENT=Production RateLimiting__Enabled=false Cookies__Secure=SameAsRequest ConnectionStrings__Default="Data Source=$1" \
    dotnet "$OUT/app/DoubleDibz.WebApi.dll" --urls "http://127.0.0.1:$PORT" >"$RESULTS/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "The service did not start; see $RESULTS/service.log" >&2; exit 1
}

fresh_db() { local db=$OUT/bench-$1.db; rm -f "$db" "$db-wal" "$db-shm"; echo "$db"; }

BASE=
# Signs up a user; sets CSRF_COOKIE, CSRF_TOKEN, SESSION_COOKIE, LOGIN, PASSWORD for the wrk scripts.
create_user() {
  BASE=http://127.0.0.1:$PORT
  local jar=$OUT/cookies.txt; rm -f "$jar"
  CSRF_TOKEN=$(curl -s -c "$jar" "$BASE/api/auth/csrf" | sed -E 's/.*"csrf_token":"([^"]+)".*/\1/')
  LOGIN=bench$RANDOM$RANDOM; PASSWORD="violet tractor sings"
  curl -s -b "$jar" -c "$jar" -H "X-CSRF-Token: $CSRF_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"user_name\":\"$LOGIN\",\"first_name\":\"Bench\",\"last_name\":\"Mark\",\"email\":\"$LOGIN@example.com\",\"password\":\"$PASSWORD\",\"confirm\":\"$PASSWORD\"}" \
    "$BASE/api/auth/signup" | grep -q '"success":true' || { echo "signup failed" >&2; exit 1; }
  CSRF_COOKIE="dd_csrf=$(awk '$6=="dd_csrf"{print $7}' "$jar")"
  SESSION_COOKIE="dd_session=$(awk '$6=="dd_session"{print $7}' "$jar")"
  export CSRF_COOKIE CSRF_TOKEN SESSION_COOKIE LOGIN PASSWORD
}

# wrk_run <name> <connections> <seconds> <script or -> <path>; prints "rps p50_ms p99_ms non2xx statuses..."
wrk_run() {
  local name=$1 conns=$2 secs=$3 script=$4 path=$5 args=()
  [ "$script" != - ] && args=(-s "$BENCH_WRK_DIR/$script")
  [ "$script" = - ] && args=(-s "$BENCH_WRK_DIR/common.lua")
  wrk -t2 -c"$conns" -d"${secs}s" --latency --timeout 10s "${args[@]}" "$BASE$path" >"$RESULTS/$name.txt" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /^Requests\/sec:/ { rps = $2 }
    /^statuses/ { $1 = ""; statuses = $0 }
    END { printf "%.0f %.2f %.2f %d%s\n", rps, p50, p99, non2xx, statuses }' "$RESULTS/$name.txt"
}

SUMMARY=$RESULTS/summary.md
: >"$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }
CORES=$(nproc)

basic() {
  start_service "$(fresh_db basic)"; create_user
  wrk_run warmup 8 3 verify_auth.lua /api/auth/verify_auth >/dev/null
  read -r floor_rps floor_p50 floor_p99 floor_bad _ < <(wrk_run healthz 32 "$DURATION" - /healthz)
  read -r ver_rps ver_p50 ver_p99 ver_bad _ < <(wrk_run verify_auth 32 "$DURATION" verify_auth.lua /api/auth/verify_auth)
  read -r log_rps log_p50 log_p99 log_bad log_statuses < <(wrk_run login 8 "$DURATION" login.lua /api/auth/login)
  stop_service
  local hash_ms; hash_ms=$(dotnet "$OUT/benchmarks/DoubleDibz.Benchmarks.dll" --hash-time 20 | sed -E 's/.*hash_ms_median=([0-9.]+).*/\1/')
  local ceiling; ceiling=$(awk -v c="$CORES" -v h="$hash_ms" 'BEGIN { printf "%.1f", c * 1000 / h }')
  say "## Basic ($CORES cores, ${DURATION}s per run)"
  say ""
  say "| scenario | connections | req/s | p50 ms | p99 ms | non-2xx |"
  say "|---|---|---|---|---|---|"
  say "| /healthz (floor) | 32 | $floor_rps | $floor_p50 | $floor_p99 | $floor_bad |"
  say "| verify_auth | 32 | $ver_rps | $ver_p50 | $ver_p99 | $ver_bad |"
  say "| login (right password) | 8 | $log_rps | $log_p50 | $log_p99 | $log_bad |"
  say ""
  say "- verify_auth / floor: $(awk -v a="$ver_rps" -v b="$floor_rps" 'BEGIN { printf "%.2f", a / b }') (target >= 0.25)"
  say "- hasher single-thread time (${PasswordHashing__Engine:-Konscious} engine): ${hash_ms} ms -> ceiling cores / hash time = $ceiling logins/s"
  say "- login / ceiling: $(awk -v a="$log_rps" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }') (target >= 0.9, with 0 non-2xx; statuses:$log_statuses)"
  say ""
}

flood() {
  start_service "$(fresh_db flood)"; create_user
  local before; before=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVICE_PID/status")
  wrk_run flood_login 200 "$FLOOD_DURATION" login_flood.lua /api/auth/login >"$RESULTS/flood_login.parsed" &
  local flood_pid=$!
  read -r ver_rps ver_p50 ver_p99 ver_bad _ < <(wrk_run flood_verify_auth 8 "$FLOOD_DURATION" verify_auth.lua /api/auth/verify_auth)
  wait "$flood_pid"
  read -r fl_rps _ fl_p99 _ fl_statuses <"$RESULTS/flood_login.parsed"
  local peak; peak=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVICE_PID/status")
  stop_service
  say "## Flood: 200 connections of logins for ${FLOOD_DURATION}s, verify_auth alongside (8 connections)"
  say ""
  say "| measure | value | target |"
  say "|---|---|---|"
  say "| login statuses seen | $fl_statuses | no 5xx other than 503 |"
  say "| login answers/s | $fl_rps | |"
  say "| peak RSS of the service (VmHWM) | $((peak / 1024)) MiB (before the flood: $((before / 1024)) MiB) | <= 250 MB |"
  say "| verify_auth during the flood | $ver_rps req/s, p50 $ver_p50 ms, p99 $ver_p99 ms, non-2xx $ver_bad | p99 <= 50 ms |"
  say ""
}

# seed <database> <total users>: bulk-inserts users and one session each, copying the real user's hash and the
# real session's timestamps (so the seeded sessions are live); only the real session's token is ever presented.
seed() {
  sqlite3 "$1" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < $2 - 1)
INSERT INTO Users (UserName, FirstName, LastName, Email, Role, CreatedOn, PasswordHash, NormalizedEmail, NormalizedUserName)
SELECT 'seed' || x, 'Seed', 'User', 'seed' || x || '@example.com', 2, u.CreatedOn, u.PasswordHash,
       'SEED' || x || '@EXAMPLE.COM', 'SEED' || x
FROM n, (SELECT CreatedOn, PasswordHash FROM Users LIMIT 1) AS u;
INSERT INTO Sessions (Id, TokenHash, UserId, Persistent, CreatedAt, LastSeenAt, ExpiresAt)
SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)),
       randomblob(32), Id, 0, s.CreatedAt, s.LastSeenAt, s.ExpiresAt
FROM (SELECT Id, hex(randomblob(16)) AS h FROM Users WHERE UserName LIKE 'seed%'),
     (SELECT CreatedAt, LastSeenAt, ExpiresAt FROM Sessions LIMIT 1) AS s;
COMMIT;
SQL
}

growth() {
  say "## Growth: cost against table size"
  say ""
  say "| users and sessions | verify_auth req/s | verify_auth p50 ms | login req/s | login p50 ms |"
  say "|---|---|---|---|---|"
  local first_p50=
  for size in $GROWTH_SIZES; do
    local db; db=$(fresh_db "growth-$size")
    start_service "$db"; create_user; stop_service
    echo "Seeding $size users and sessions..." >&2
    seed "$db" "$size"
    start_service "$db"; BASE=http://127.0.0.1:$PORT
    wrk_run "growth-$size-warmup" 8 3 verify_auth.lua /api/auth/verify_auth >/dev/null
    read -r ver_rps ver_p50 _ < <(wrk_run "growth-$size-verify_auth" 32 "$DURATION" verify_auth.lua /api/auth/verify_auth)
    read -r log_rps log_p50 _ < <(wrk_run "growth-$size-login" 8 "$DURATION" login.lua /api/auth/login)
    stop_service
    rm -f "$db" "$db-wal" "$db-shm"
    [ -z "$first_p50" ] && first_p50=$ver_p50
    say "| $size | $ver_rps | $ver_p50 | $log_rps | $log_p50 |"
  done
  say ""
  say "- verify_auth p50 at the largest size / at the smallest: $(awk -v a="$ver_p50" -v b="$first_p50" 'BEGIN { printf "%.2f", a / b }') (target <= 1.3)"
  say ""
}

case $MODE in
  basic) basic ;;
  flood) flood ;;
  growth) growth ;;
  all) basic; flood; growth ;;
  *) echo "usage: bench/run.sh [basic|flood|growth|all]" >&2; exit 2 ;;
esac
echo "Raw output: $RESULTS" >&2
