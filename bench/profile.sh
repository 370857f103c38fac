#!/usr/bin/env bash
# Where verify_auth's time goes, stage by stage: samples the service's CPU with dotnet-trace while wrk drives
# GET /api/auth/verify_auth, then attributes the samples of request threads to the middleware stages
# (bench/profile_stages.py). Shares of the process's own samples, so the figures hold on a busy machine too.
#
#   bench/profile.sh                (DURATION, default 20 s of sampling; PORT default 5090)
#
# Needs wrk, curl, python3; installs dotnet-trace (a served dotnet tool) under bench/out/tools when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
RESULTS=$OUT/results
DURATION=${DURATION:-20}
PORT=${PORT:-5090}
BASE=http://127.0.0.1:$PORT
export BENCH_WRK_DIR=$ROOT/bench/wrk DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$RESULTS" "$OUT/tools"
TRACE=$OUT/tools/dotnet-trace
[ -x "$TRACE" ] || dotnet tool install dotnet-trace --version 10.0.750501 --tool-path "$OUT/tools" >/dev/null

echo "Building (Release)..." >&2
dotnet publish src/WebApi -c Release -o "$OUT/profile-app" --nologo -v q >/dev/null

db=$OUT/bench-profile.db; rm -f "$db" "$db-wal" "$db-shm"
ASPNETCORE_ENVIRONMENT=Production RateLimiting__Enabled=false Cookies__Secure=SameAsRequest \
  ConnectionStrings__Default="Data Source=$db" \
  dotnet "$OUT/profile-app/DoubleDibz.WebApi.dll" --urls "$BASE" >"$RESULTS/profile-service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done

jar=$OUT/profile-cookies.txt; rm -f "$jar"
csrf=$(curl -s -c "$jar" "$BASE/api/auth/csrf" | sed -E 's/.*"csrf_token":"([^"]+)".*/\1/')
curl -s -b "$jar" -c "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"user_name":"profiled","first_name":"Pro","last_name":"Filed","email":"profiled@example.com","password":"Profile-pass1!","confirm":"Profile-pass1!"}' \
  "$BASE/api/auth/signup" | grep -q '"success":true' || { echo "signup failed" >&2; exit 1; }
export SESSION_COOKIE="dd_session=$(awk '$6=="dd_session"{print $7}' "$jar")"

wrk -t1 -c16 -d5s "$BASE/api/auth/verify_auth" -s bench/wrk/verify_auth.lua >/dev/null # warm-up (JIT, tiering)
wrk -t1 -c16 -d"$((DURATION + 4))s" --latency -s bench/wrk/verify_auth.lua "$BASE/api/auth/verify_auth" >"$RESULTS/profile-wrk.txt" 2>&1 &
WRK_PID=$!
sleep 2 # let wrk reach its steady state before sampling starts
"$TRACE" collect -p "$SERVICE_PID" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf %02d "$DURATION")" \
  --format Speedscope -o "$RESULTS/verify_auth.nettrace" >/dev/null
wait "$WRK_PID"
grep -E "Requests/sec|statuses" "$RESULTS/profile-wrk.txt" >&2
python3 bench/profile_stages.py "$RESULTS/verify_auth.speedscope.json" | tee "$RESULTS/profile-stages.md"
