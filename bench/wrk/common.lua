-- Shared by the scenarios: counts responses by status across all wrk threads and prints them at the end as
-- "statuses 200=123 503=4", which bench/run.sh reads, then "no_retry_after N": the 503 answers without a
-- Retry-After header.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  no_retry_after = 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 and headers["Retry-After"] == nil and headers["retry-after"] == nil then
    no_retry_after = no_retry_after + 1
  end
end

function done(summary, latency, requests)
  local total = {}
  local missing = 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
    missing = missing + thread:get("no_retry_after")
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, status .. "=" .. count)
  end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
  io.write("no_retry_after " .. missing .. "\n")
end
