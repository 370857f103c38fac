-- GET /api/auth/verify_auth with a signed-in session cookie (SESSION_COOKIE="dd_session=...").
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/api/auth/verify_auth"
wrk.headers["Cookie"] = os.getenv("SESSION_COOKIE")
