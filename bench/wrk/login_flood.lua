-- POST /api/auth/login with the right password of the flood user (FLOOD_LOGIN, FLOOD_PASSWORD) as a signed-out
-- browser, from 200 connections: every admitted attempt needs a hash, so the hasher runs at capacity and the rest
-- must be refused with 503 + Retry-After. The successful logins are the 200 answers in the "statuses" line. The
-- flood user is not the one whose session verify_auth presents meanwhile, so its session cap cannot end that one.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/api/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("CSRF_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("CSRF_TOKEN")
wrk.body = '{"login":"' .. os.getenv("FLOOD_LOGIN") .. '","password":"' .. os.getenv("FLOOD_PASSWORD") .. '"}'
