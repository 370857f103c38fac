-- POST /api/auth/login with the right password, as a browser that is not signed in: the CSRF cookie and header,
-- no session cookie (so every request checks the password and starts a session).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/api/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("CSRF_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("CSRF_TOKEN")
wrk.body = '{"login":"' .. os.getenv("LOGIN") .. '","password":"' .. os.getenv("PASSWORD") .. '"}'
