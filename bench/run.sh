#!/usr/bin/env bash
# The load benchmarks of docs/performance.md, with public tools only (wrk, sqlite3, curl from Debian).
#
#   bench/run.sh [basic|flood|growth|sweeper|all]      (default: all)
#
# Builds the service in Release, starts it on a fresh SQLite file with RateLimiting__Enabled=false and the login
# back-off's FreeFailures raised out of reach on 127.0.0.1
# (plain HTTP, so with Cookies__Secure=SameAsRequest: curl and wrk keep the plain dd_session/dd_csrf names),
# creates a user, and measures side by side in one run:
#   basic   - the bare endpoint (/healthz, the floor), verify_auth with a valid session (32 connections), stock
#             ASP.NET Core Identity's GET /manage/info with its cookie (bench/IdentityHost, 32 connections), login
#             with the right password (8 connections), and the hasher's single-thread time -> ceiling cores / hash time;
#             beside each rate, the host's CPU per answer (its user + system CPU over the run / its answers)
#   flood   - 200 connections of logins (right password of a second user) for FLOOD_DURATION s while verify_auth is
#             measured alongside; successful logins, statuses, Retry-After, peak RSS from /proc
#   growth  - verify_auth and login with 1k, 100k and 1M users and as many live sessions in the database (bulk-seeded)
#   sweeper - verify_auth while the expired-row sweeper deletes SWEEP_SIZE expired sessions; then checks they are gone
# Raw wrk output goes to bench/out/results/; markdown tables of the figures and a final "Targets" table (each target
# with its figure and met / not met) to stdout and bench/out/results/summary.md.
# Environment: DURATION (seconds per basic/growth/sweeper run, default 10), FLOOD_DURATION (default 20), FLOOD_WARMUP
# (seconds of logins and verify_auth at 8 connections each before the flood is measured, default 5; 0: none), GROWTH_SIZES
# (default "1000 100000 1000000"), SESSIONS_PER_USER (live sessions per user in growth, default 1), SWEEP_SIZE
# (expired sessions for the sweeper, default the largest growth size), SWEEP_INTERVAL (the sweeper's interval in
# seconds during that scenario, default 2), FLOOD_VERIFY_CONNECTIONS (verify_auth's connections during the flood,
# default 8; each runs closed-loop, as fast as the service answers, so more of them take more of the CPU),
# ENGINE (passed to the service as PasswordHashing__Engine when set),
# PORT (default 5080), IDENTITY_PORT (default PORT + 1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=${1:-all}
DURATION=${DURATION:-10}
FLOOD_DURATION=${FLOOD_DURATION:-20}
FLOOD_WARMUP=${FLOOD_WARMUP:-5}
FLOOD_VERIFY_CONNECTIONS=${FLOOD_VERIFY_CONNECTIONS:-8}
READY_TO_RUN=${READY_TO_RUN:-1}
# Published ReadyToRun, as docs/operations.md recommends: code compiled ahead of time starts optimized, so the JIT's
# tiers have little left to do when load arrives (docs/performance.md, "Tiered compilation under a flood").
READY_TO_RUN_ARGS=()
[ "$READY_TO_RUN" = 1 ] && READY_TO_RUN_ARGS=(-r "linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')" --self-contained false -p:PublishReadyToRun=true)
GROWTH_SIZES=${GROWTH_SIZES:-"1000 100000 1000000"}
SESSIONS_PER_USER=${SESSIONS_PER_USER:-1}
SWEEP_SIZE=${SWEEP_SIZE:-$(echo "$GROWTH_SIZES" | tr ' ' '\n' | sort -n | tail -1)}
SWEEP_INTERVAL=${SWEEP_INTERVAL:-2}
ENGINE=${ENGINE:-}
PORT=${PORT:-5080}
IDENTITY_PORT=${IDENTITY_PORT:-$((PORT + 1))}
ENGINE_ENV=(); [ -n "$ENGINE" ] && ENGINE_ENV=("PasswordHashing__Engine=$ENGINE")
OUT=$ROOT/bench/out
RESULTS=$OUT/results
export BENCH_WRK_DIR=$ROOT/bench/wrk
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need() { # <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "Installing $2..." >&2
  local apt=(apt-get); [ "$(id -u)" = 0 ] || apt=(sudo apt-get)
  # A fresh machine may have no package lists yet: fetch them once and try again.
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$2" >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >/dev/null && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$2" >/dev/null; }
}
need wrk wrk; need sqlite3 sqlite3; need curl curl

mkdir -p "$RESULTS"
echo "Building (Release)..." >&2
dotnet publish src/WebApi -c Release "${READY_TO_RUN_ARGS[@]}" -o "$OUT/app" --nologo -v q >/dev/null
dotnet build bench/Benchmarks -c Release -o "$OUT/benchmarks" --nologo -v q >/dev/null
dotnet publish bench/IdentityHost -c Release -o "$OUT/identity" --nologo -v q >/dev/null

SERVICE_PID=
IDENTITY_PID=
stop_service() { [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null; SERVICE_PID=; true; }
stop_identity() { [ -n "$IDENTITY_PID" ] && kill "$IDENTITY_PID" 2>/dev/null && wait "$IDENTITY_PID" 2>/dev/null; IDENTITY_PID=; true; }
trap 'stop_service; stop_identity' EXIT

wait_up() { # <url> <log>
  for _ in $(seq 1 300); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "$1 did not come up; see $2" >&2; exit 1
}

# LoginBackoff__FreeFailures is raised because every login attempt is counted before its password is checked: 8 (or
# 200) concurrent right-password logins of one account would otherwise lock it (429) before the successes clear it.
start_service() { # <database file> [VAR=value...]: extra environment for the service
  env "${ENGINE_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production RateLimiting__Enabled=false LoginBackoff__FreeFailures=1000000 \
    Cookies__Secure=SameAsRequest \
    ConnectionStrings__Default="Data Source=$1" "${@:2}" \
    dotnet "$OUT/app/DoubleDibz.WebApi.dll" --urls "http://127.0.0.1:$PORT" >>"$RESULTS/service.log" 2>&1 &
  SERVICE_PID=$!
  wait_up "http://127.0.0.1:$PORT/healthz" "$RESULTS/service.log"
}

# The ASP.NET Core Identity comparison host on IDENTITY_PORT; registers and signs in a user, sets IDENTITY_COOKIE.
start_identity() { # <database file>
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$1" \
    dotnet "$OUT/identity/DoubleDibz.IdentityHost.dll" --urls "http://127.0.0.1:$IDENTITY_PORT" >"$RESULTS/identity.log" 2>&1 &
  IDENTITY_PID=$!
  local base=http://127.0.0.1:$IDENTITY_PORT jar=$OUT/identity-cookies.txt body='{"email":"bench@example.com","password":"Bench-pass1!"}'
  wait_up "$base/healthz" "$RESULTS/identity.log"
  rm -f "$jar"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "$base/register")" = 200 ] \
    || { echo "Identity: register failed" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' -d "$body" "$base/login?useCookies=true")" = 200 ] \
    || { echo "Identity: login failed" >&2; exit 1; }
  IDENTITY_COOKIE=".AspNetCore.Identity.Application=$(awk '$6==".AspNetCore.Identity.Application"{print $7}' "$jar")"
  export IDENTITY_COOKIE
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $IDENTITY_COOKIE" "$base/manage/info")" = 200 ] \
    || { echo "Identity: /manage/info with the cookie failed" >&2; exit 1; }
}

fresh_db() { local db=$OUT/bench-$1.db; rm -f "$db" "$db-wal" "$db-shm"; echo "$db"; }

BASE=
signup() { # <jar> <login> <password>: signs a user up with the jar's CSRF token
  curl -s -b "$1" -c "$1" -H "X-CSRF-Token: $CSRF_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"user_name\":\"$2\",\"first_name\":\"Bench\",\"last_name\":\"Mark\",\"email\":\"$2@example.com\",\"password\":\"$3\",\"confirm\":\"$3\"}" \
    "$BASE/api/auth/signup" | grep -q '"success":true' || { echo "signup failed" >&2; exit 1; }
}
# Signs up a user; sets CSRF_COOKIE, CSRF_TOKEN, SESSION_COOKIE, LOGIN, PASSWORD for the wrk scripts.
# With "flood", also signs up a second user for login_flood.lua (FLOOD_LOGIN, FLOOD_PASSWORD).
create_user() {
  BASE=http://127.0.0.1:$PORT
  local jar=$OUT/cookies.txt; rm -f "$jar"
  CSRF_TOKEN=$(curl -s -c "$jar" "$BASE/api/auth/csrf" | sed -E 's/.*"csrf_token":"([^"]+)".*/\1/')
  LOGIN=bench$RANDOM$RANDOM; PASSWORD="violet tractor sings"
  signup "$jar" "$LOGIN" "$PASSWORD"
  CSRF_COOKIE="dd_csrf=$(awk '$6=="dd_csrf"{print $7}' "$jar")"
  SESSION_COOKIE="dd_session=$(awk '$6=="dd_session"{print $7}' "$jar")"
  export CSRF_COOKIE CSRF_TOKEN SESSION_COOKIE LOGIN PASSWORD
  if [ "${1:-}" = flood ]; then
    local jar2=$OUT/cookies-flood.txt; rm -f "$jar2"
    FLOOD_LOGIN=flood$RANDOM$RANDOM; FLOOD_PASSWORD="amber canoe whistles"
    local token=$CSRF_TOKEN # a signed-in browser cannot sign up another user: a fresh jar and token
    CSRF_TOKEN=$(curl -s -c "$jar2" "$BASE/api/auth/csrf" | sed -E 's/.*"csrf_token":"([^"]+)".*/\1/')
    signup "$jar2" "$FLOOD_LOGIN" "$FLOOD_PASSWORD"
    CSRF_TOKEN=$token
    export FLOOD_LOGIN FLOOD_PASSWORD
  fi
}

# wrk_run <name> <connections> <seconds> <script or -> <path or URL>; prints
# "rps p50_ms p99_ms non2xx no_retry_after statuses..."
wrk_run() {
  local name=$1 conns=$2 secs=$3 script=$4 path=$5 args=()
  [ "$script" != - ] && args=(-s "$BENCH_WRK_DIR/$script")
  [ "$script" = - ] && args=(-s "$BENCH_WRK_DIR/common.lua")
  wrk -t2 -c"$conns" -d"${secs}s" --latency --timeout 10s "${args[@]}" "$([[ $path == http* ]] || echo "$BASE")$path" >"$RESULTS/$name.txt" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /^Requests\/sec:/ { rps = $2 }
    /^statuses/ { $1 = ""; statuses = $0 }
    /^no_retry_after/ { noretry = $2 }
    END { printf "%.0f %.2f %.2f %d %d%s\n", rps, p50, p99, non2xx, noretry, statuses }' "$RESULTS/$name.txt"
}

SUMMARY=$RESULTS/summary.md
: >"$SUMMARY"; : >"$RESULTS/service.log"
say() { echo "$*" | tee -a "$SUMMARY"; }
CORES=$(nproc)

# The "Targets" table printed at the end: target <description> <measured figure> <awk condition that is true when met>
TARGETS=()
target() {
  local verdict="not met"
  awk "BEGIN { exit !($3) }" && verdict=met
  TARGETS+=("| $1 | $2 | $verdict |")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # <pid>: user + system CPU, in clock ticks
cpu_per_answer() { # <pid> <its cpu_ticks before a run of DURATION s> <req/s of that run>: the process's CPU µs per answer
  awk -v a="$2" -v b="$(cpu_ticks "$1")" -v hz="$(getconf CLK_TCK)" -v r="$3" -v d="$DURATION" \
    'BEGIN { if (r == 0) print "n/a"; else printf "%.0f", (b - a) / hz * 1e6 / (r * d) }'
}
count_status() { # <status> <statuses as "200=12 503=40">
  local code=$1; shift
  echo "$*" | tr ' ' '\n' | awk -F= -v c="$code" '$1 == c { n += $2 } END { print n + 0 }'
}
only_statuses() { # <allowed codes, comma-separated> <statuses>: 1 when no other status was seen
  local allowed=$1; shift
  echo "$*" | tr ' ' '\n' | awk -F= -v a=",$allowed," 'NF == 2 && index(a, "," $1 ",") == 0 { bad = 1 } END { print bad ? 0 : 1 }'
}

HASH_MS= CEILING=
hash_ceiling() { # sets HASH_MS (the hasher's single-thread median) and CEILING (cores / hash time, logins/s), once
  [ -n "$HASH_MS" ] && return 0
  HASH_MS=$(env "${ENGINE_ENV[@]}" dotnet "$OUT/benchmarks/DoubleDibz.Benchmarks.dll" --hash-time 20 | sed -E 's/.*hash_ms_median=([0-9.]+).*/\1/')
  CEILING=$(awk -v c="$CORES" -v h="$HASH_MS" 'BEGIN { printf "%.1f", c * 1000 / h }')
}

basic() {
  start_service "$(fresh_db basic)"; create_user
  start_identity "$(fresh_db identity)"
  wrk_run warmup 8 3 verify_auth.lua /api/auth/verify_auth >/dev/null
  wrk_run identity_warmup 8 3 identity_info.lua "http://127.0.0.1:$IDENTITY_PORT/manage/info" >/dev/null
  # Each host's own CPU per answer beside its rate: which of them spends more per request, and on what machine.
  local ticks
  ticks=$(cpu_ticks "$SERVICE_PID")
  read -r floor_rps floor_p50 floor_p99 floor_bad _ < <(wrk_run healthz 32 "$DURATION" - /healthz)
  local floor_cpu; floor_cpu=$(cpu_per_answer "$SERVICE_PID" "$ticks" "$floor_rps")
  ticks=$(cpu_ticks "$SERVICE_PID")
  read -r ver_rps ver_p50 ver_p99 ver_bad _ < <(wrk_run verify_auth 32 "$DURATION" verify_auth.lua /api/auth/verify_auth)
  local ver_cpu; ver_cpu=$(cpu_per_answer "$SERVICE_PID" "$ticks" "$ver_rps")
  ticks=$(cpu_ticks "$IDENTITY_PID")
  read -r id_rps id_p50 id_p99 id_bad _ < <(wrk_run identity_info 32 "$DURATION" identity_info.lua "http://127.0.0.1:$IDENTITY_PORT/manage/info")
  local id_cpu; id_cpu=$(cpu_per_answer "$IDENTITY_PID" "$ticks" "$id_rps")
  stop_identity
  read -r log_rps log_p50 log_p99 log_bad _ log_statuses < <(wrk_run login 8 "$DURATION" login.lua /api/auth/login)
  stop_service
  hash_ceiling
  local floor_ratio identity_ratio login_ratio
  floor_ratio=$(ratio "$ver_rps" "$floor_rps"); identity_ratio=$(ratio "$ver_rps" "$id_rps"); login_ratio=$(ratio "$log_rps" "$CEILING")
  say "## Basic ($CORES cores, ${DURATION}s per run)"
  say ""
  say "| scenario | connections | req/s | p50 ms | p99 ms | non-2xx | host's CPU µs per answer |"
  say "|---|---|---|---|---|---|---|"
  say "| /healthz (floor) | 32 | $floor_rps | $floor_p50 | $floor_p99 | $floor_bad | $floor_cpu |"
  say "| verify_auth | 32 | $ver_rps | $ver_p50 | $ver_p99 | $ver_bad | $ver_cpu |"
  say "| ASP.NET Core Identity GET /manage/info (cookie) | 32 | $id_rps | $id_p50 | $id_p99 | $id_bad | $id_cpu |"
  say "| login (right password) | 8 | $log_rps | $log_p50 | $log_p99 | $log_bad | |"
  say ""
  say "- verify_auth / floor: $floor_ratio (target >= 0.35)"
  say "- verify_auth / Identity's /manage/info: $identity_ratio (target >= 2)"
  say "- hasher single-thread time (${ENGINE:-Konscious} engine): ${HASH_MS} ms -> ceiling cores / hash time = $CEILING logins/s"
  say "- login / ceiling: $login_ratio (target >= 0.9, with 0 non-2xx; statuses:$log_statuses)"
  say ""
  target "verify_auth >= 0.35 x /healthz of the same process" "$ver_rps / $floor_rps req/s = $floor_ratio" "$floor_ratio >= 0.35"
  target "verify_auth >= 2 x Identity's /manage/info" "$ver_rps / $id_rps req/s = $identity_ratio" "$identity_ratio >= 2"
  target "login >= 0.9 x ceiling (cores / hash time), 0 non-2xx (8 connections)" \
    "$log_rps / $CEILING logins/s = $login_ratio, non-2xx $log_bad" "$login_ratio >= 0.9 && $log_bad == 0"
}

flood() {
  hash_ceiling
  start_service "$(fresh_db flood)"; create_user flood
  if [ "$FLOOD_WARMUP" -gt 0 ]; then
    # A warm process, as a service that has been up for a while: the JIT's tiers promote the hot code (Argon2's
    # inner loop above all) only after it has run, and a cold process under a flood would measure unoptimized code.
    wrk_run flood_warmup_login 8 "$FLOOD_WARMUP" login_flood.lua /api/auth/login >/dev/null &
    local warmup_pid=$!
    wrk_run flood_warmup_verify_auth 8 "$FLOOD_WARMUP" verify_auth.lua /api/auth/verify_auth >/dev/null
    wait "$warmup_pid"
  fi
  local before; before=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVICE_PID/status")
  local cpu_before; cpu_before=$(cpu_ticks "$SERVICE_PID")
  wrk_run flood_login 200 "$FLOOD_DURATION" login_flood.lua /api/auth/login >"$RESULTS/flood_login.parsed" &
  local flood_pid=$!
  read -r ver_rps ver_p50 ver_p99 ver_bad _ ver_statuses < <(wrk_run flood_verify_auth "$FLOOD_VERIFY_CONNECTIONS" "$FLOOD_DURATION" verify_auth.lua /api/auth/verify_auth)
  wait "$flood_pid"
  read -r fl_rps _ fl_p99 _ fl_noretry fl_statuses <"$RESULTS/flood_login.parsed"
  local peak; peak=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVICE_PID/status")
  local cpu_s; cpu_s=$(awk -v a="$cpu_before" -v b="$(cpu_ticks "$SERVICE_PID")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz }')
  stop_service
  local ok; ok=$(count_status 200 "$fl_statuses")
  local refused; refused=$(count_status 503 "$fl_statuses")
  local ver_count; ver_count=$(awk -v r="$ver_rps" -v d="$FLOOD_DURATION" 'BEGIN { printf "%.0f", r * d }')
  # What is left of the CPU once the hashes of the logins that got through are taken away, per other answer: an
  # upper bound on a refusal's cost (verify_auth's answers share it and cost more each).
  local per_answer_us; per_answer_us=$(awk -v c="$cpu_s" -v n="$ok" -v h="$HASH_MS" -v r="$refused" -v v="$ver_count" \
    'BEGIN { rest = c - n * h / 1000; if (rest < 0) rest = 0; printf "%.0f", rest * 1e6 / (r + v + 1) }')
  local needed; needed=$(awk -v c="$CEILING" -v d="$FLOOD_DURATION" 'BEGIN { printf "%.0f", 0.5 * c * d }')
  local peak_mb; peak_mb=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')
  local ver_all200; ver_all200=$(only_statuses 200 "$ver_statuses")
  local only_503; only_503=$(only_statuses 200,503 "$fl_statuses")
  say "## Flood: 200 connections of logins (right password) for ${FLOOD_DURATION}s, verify_auth alongside ($FLOOD_VERIFY_CONNECTIONS connections)"
  say ""
  say "| measure | value | target |"
  say "|---|---|---|"
  say "| login statuses seen | $fl_statuses | 200, and 503 with Retry-After beyond capacity |"
  say "| 503 without Retry-After | $fl_noretry | 0 |"
  say "| successful logins (200) | $ok in ${FLOOD_DURATION}s ($(awk -v n="$ok" -v d="$FLOOD_DURATION" 'BEGIN { printf "%.1f", n / d }')/s) | >= 0.5 x $CEILING/s x ${FLOOD_DURATION}s = $needed |"
  say "| login answers/s | $fl_rps | |"
  say "| service CPU during the flood; of it, the successful logins' hashes (200 x hash time) | $cpu_s s; $(awk -v n="$ok" -v h="$HASH_MS" 'BEGIN { printf "%.1f", n * h / 1000 }') s | |"
  say "| the rest per other answer (503 or verify_auth): at most what one refusal costs | $per_answer_us µs | |"
  say "| peak RSS of the service (VmHWM) | $((peak / 1024)) MiB = $peak_mb MB (before the flood: $((before / 1024)) MiB) | <= 250 MB |"
  say "| verify_auth during the flood | $ver_rps req/s, p50 $ver_p50 ms, p99 $ver_p99 ms, statuses:$ver_statuses | p99 <= 50 ms, all 200 |"
  say ""
  target "flood: successful logins >= 0.5 x ceiling x ${FLOOD_DURATION}s" "$ok (needed $needed)" "$ok >= $needed"
  target "flood: verify_auth p99 <= 50 ms, every answer 200" "p99 $ver_p99 ms, statuses:$ver_statuses" "$ver_p99 <= 50 && $ver_all200 == 1"
  target "flood: peak RSS <= 250 MB" "$peak_mb MB" "$peak_mb <= 250"
  target "flood: only 503 (with Retry-After) beyond capacity" "statuses:$fl_statuses; 503 without Retry-After: $fl_noretry" \
    "$only_503 == 1 && $fl_noretry == 0"
}

# Sessions store their timestamps as EF Core's DateTimeOffset-to-long encoding: ((ticks / 1000) << 11) | offset
# minutes, offset 0 here (UTC) - sortable. encode_time <unix seconds> prints that number.
encode_time() { awk -v t="$1" 'BEGIN { printf "%.0f", ((t * 10000000 + 621355968000000000) / 1000) * 2048 }'; }

# seed <database> <total users> <live sessions> <expired sessions>: bulk-inserts users (copying the real user's hash)
# and sessions spread round-robin over the seeded users (never the real user, so its session cap is untouched). Live
# sessions copy the real session's timestamps; expired ones end a day ago. Only the real session's token is presented.
seed() {
  local expired_at; expired_at=$(encode_time $(( $(date +%s) - 86400 )))
  sqlite3 "$1" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < $2 - 1)
INSERT INTO Users (UserName, FirstName, LastName, Email, Role, CreatedOn, PasswordHash, NormalizedEmail, NormalizedUserName)
SELECT 'seed' || x, 'Seed', 'User', 'seed' || x || '@example.com', 2, u.CreatedOn, u.PasswordHash,
       'SEED' || x || '@EXAMPLE.COM', 'SEED' || x
FROM n, (SELECT CreatedOn, PasswordHash FROM Users LIMIT 1) AS u;
CREATE TEMP TABLE seeded AS SELECT min(Id) AS first, count(*) AS users FROM Users WHERE UserName LIKE 'seed%';
CREATE TEMP TABLE wanted(kind, cnt);
INSERT INTO wanted VALUES ('live', $3), ('expired', $4);
WITH RECURSIVE n(kind, x) AS (SELECT kind, 0 FROM wanted WHERE cnt > 0
                              UNION ALL SELECT n.kind, x + 1 FROM n JOIN wanted w ON w.kind = n.kind WHERE x + 1 < w.cnt)
INSERT INTO Sessions (Id, TokenHash, UserId, Persistent, CreatedAt, LastSeenAt, ExpiresAt)
SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)),
       randomblob(32), seeded.first + x % seeded.users, 0,
       CASE kind WHEN 'live' THEN s.CreatedAt ELSE $expired_at END,
       CASE kind WHEN 'live' THEN s.LastSeenAt ELSE $expired_at END,
       CASE kind WHEN 'live' THEN s.ExpiresAt ELSE $expired_at END
FROM (SELECT kind, x, hex(randomblob(16)) AS h FROM n), seeded,
     (SELECT CreatedAt, LastSeenAt, ExpiresAt FROM Sessions LIMIT 1) AS s;
COMMIT;
SQL
}

growth() {
  say "## Growth: cost against table size ($SESSIONS_PER_USER live session(s) per user)"
  say ""
  say "| users | live sessions | verify_auth req/s | verify_auth p50 ms | login req/s | login p50 ms |"
  say "|---|---|---|---|---|---|"
  local first_p50= first_size= size
  for size in $GROWTH_SIZES; do
    local db; db=$(fresh_db "growth-$size")
    start_service "$db"; create_user; stop_service
    local sessions=$(( size * SESSIONS_PER_USER - 1 ))
    echo "Seeding $size users and $((sessions + 1)) sessions..." >&2
    seed "$db" "$size" "$sessions" 0
    local live; live=$(sqlite3 "$db" "SELECT count(*) FROM Sessions")
    start_service "$db"; BASE=http://127.0.0.1:$PORT
    wrk_run "growth-$size-warmup" 8 3 verify_auth.lua /api/auth/verify_auth >/dev/null
    read -r ver_rps ver_p50 _ < <(wrk_run "growth-$size-verify_auth" 32 "$DURATION" verify_auth.lua /api/auth/verify_auth)
    read -r log_rps log_p50 _ < <(wrk_run "growth-$size-login" 8 "$DURATION" login.lua /api/auth/login)
    stop_service
    rm -f "$db" "$db-wal" "$db-shm"
    [ -z "$first_p50" ] && { first_p50=$ver_p50; first_size=$size; }
    say "| $size | $live | $ver_rps | $ver_p50 | $log_rps | $log_p50 |"
  done
  local growth_ratio; growth_ratio=$(ratio "$ver_p50" "$first_p50")
  say ""
  say "- verify_auth p50 at the largest size / at the smallest: $growth_ratio (target <= 1.3)"
  say ""
  target "growth: verify_auth p50 at $size users within 1.3 x its p50 at $first_size" "$ver_p50 / $first_p50 ms = $growth_ratio" "$growth_ratio <= 1.3"
}

sweeper() {
  local db; db=$(fresh_db sweeper)
  start_service "$db"; create_user; stop_service
  local users=$(( SWEEP_SIZE < 1000 ? SWEEP_SIZE : 1000 ))
  echo "Seeding $SWEEP_SIZE expired sessions over $users users..." >&2
  seed "$db" "$users" 0 "$SWEEP_SIZE"
  local now_enc; now_enc=$(encode_time "$(date +%s)")
  local expired; expired=$(sqlite3 "$db" "SELECT count(*) FROM Sessions WHERE ExpiresAt <= $now_enc")
  local live; live=$(sqlite3 "$db" "SELECT count(*) FROM Sessions WHERE ExpiresAt > $now_enc")
  [ "$live" = 1 ] || { echo "sweeper: expected the real session alone to be live, found $live" >&2; exit 1; }
  # The first sweep starts SWEEP_INTERVAL s after the service, i.e. during the 3 s warm-up (JIT, caches) below; a
  # million rows take minutes, so the measured run is inside the sweep.
  start_service "$db" "Maintenance__SweepInterval=$(printf '%02d:%02d:%02d' $((SWEEP_INTERVAL / 3600)) $((SWEEP_INTERVAL / 60 % 60)) $((SWEEP_INTERVAL % 60)))"
  local started; started=$(date +%s)
  wrk_run sweeper_warmup 8 3 verify_auth.lua /api/auth/verify_auth >/dev/null
  read -r ver_rps ver_p50 ver_p99 ver_bad _ ver_statuses < <(wrk_run sweeper_verify_auth 32 "$DURATION" verify_auth.lua /api/auth/verify_auth)
  local left_after_run; left_after_run=$(sqlite3 "$db" "SELECT count(*) FROM Sessions WHERE ExpiresAt <= $now_enc")
  local left=$left_after_run
  for _ in $(seq 1 1500); do
    [ "$left" = 0 ] && break
    sleep 1
    left=$(sqlite3 "$db" "SELECT count(*) FROM Sessions WHERE ExpiresAt <= $now_enc")
  done
  local done_after=$(( $(date +%s) - started ))
  local real_left; real_left=$(sqlite3 "$db" "SELECT count(*) FROM Sessions WHERE ExpiresAt > $now_enc")
  # The same measurement once the sweep is over, same process and table: what the sweep itself adds.
  read -r ctl_rps ctl_p50 ctl_p99 _ _ ctl_statuses < <(wrk_run sweeper_control_verify_auth 32 "$DURATION" verify_auth.lua /api/auth/verify_auth)
  stop_service
  rm -f "$db" "$db-wal" "$db-shm"
  local ver_all200; ver_all200=$(only_statuses 200 "$ver_statuses")
  say "## Sweeper: verify_auth while $expired expired sessions are deleted (sweep every ${SWEEP_INTERVAL}s)"
  say ""
  say "| measure | value |"
  say "|---|---|"
  say "| verify_auth during the sweep (32 connections, ${DURATION}s) | $ver_rps req/s, p50 $ver_p50 ms, p99 $ver_p99 ms, statuses:$ver_statuses |"
  say "| verify_auth after the sweep (control: same process, same table) | $ctl_rps req/s, p50 $ctl_p50 ms, p99 $ctl_p99 ms, statuses:$ctl_statuses |"
  say "| expired sessions left at the end of that run | $left_after_run of $expired$([ "$left_after_run" = "$expired" ] && echo ' (the sweep had not started: the figure above is not a measurement during a sweep)') |"
  say "| expired sessions left afterwards (sqlite3 count) | $left (checked ${done_after}s after the service started) |"
  say "| live sessions afterwards | $real_left (the measured session: 1) |"
  say ""
  target "sweeper: verify_auth p99 <= 50 ms while $expired expired sessions are swept" \
    "p99 $ver_p99 ms, statuses:$ver_statuses; $left_after_run left after the run" \
    "$ver_p99 <= 50 && $ver_all200 == 1 && $left_after_run < $expired"
  target "sweeper: every expired session deleted, the live one kept" "$left expired and $real_left live left" "$left == 0 && $real_left == 1"
}

say "# bench/run.sh $MODE: engine ${ENGINE:-as configured (PasswordHashing:Engine not set)}, $CORES cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
say ""
case $MODE in
  basic) basic ;;
  flood) flood ;;
  growth) growth ;;
  sweeper) sweeper ;;
  all) basic; flood; growth; sweeper ;;
  *) echo "usage: bench/run.sh [basic|flood|growth|sweeper|all]" >&2; exit 2 ;;
esac
say "## Targets"
say ""
say "| target | measured | result |"
say "|---|---|---|"
for row in "${TARGETS[@]}"; do say "$row"; done
say ""
echo "Raw output: $RESULTS" >&2
