-- POST /api/auth/login for ever-new unknown user names with a wrong password: every attempt needs a hash (there
-- is no per-account back-off to cut it short), the worst case for the hasher.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local counter = 0

request = function()
  counter = counter + 1
  local body = '{"login":"flood' .. math.random(1, 1000000000) .. 'x' .. counter .. '","password":"guessed password"}'
  return wrk.format("POST", "/api/auth/login", {
    ["Content-Type"] = "application/json",
    ["Cookie"] = os.getenv("CSRF_COOKIE"),
    ["X-CSRF-Token"] = os.getenv("CSRF_TOKEN"),
  }, body)
end
