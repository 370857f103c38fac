-- GET /manage/info on the ASP.NET Core Identity comparison host (bench/IdentityHost) with its sign-in cookie
-- (IDENTITY_COOKIE=".AspNetCore.Identity.Application=...").
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/manage/info"
wrk.headers["Cookie"] = os.getenv("IDENTITY_COOKIE")
