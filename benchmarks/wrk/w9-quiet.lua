-- W9, company B: Okta's Test API Credentials (a userName filter that finds nobody, count=1) and
-- single-user look-ups by id (IDS_FILE, one id a line), alternately, paced at RATE requests per
-- second over all connections so that B stays under its own rate limit: its latency is the figure.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local connections = tonumber(os.getenv("CONNECTIONS") or "2")
local rate = tonumber(os.getenv("RATE") or "20")
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do table.insert(ids, line) end

setup = common.setup
init = function()
  common.init_counters()
  math.randomseed(os.time() + tid * 7919)
  turn = 0
end

delay = function()
  return 1000 * connections / rate
end

request = function()
  turn = turn + 1
  if turn % 2 == 0 then
    return wrk.format("GET", "/scim/v2/Users/" .. ids[math.random(1, #ids)], common.headers())
  end
  return wrk.format("GET", "/scim/v2/Users?filter=userName%20eq%20%22test-credentials-" .. math.random(1, 1e9) ..
      "%40quiet.example%22&count=1", common.headers())
end

response = function(status, headers, body)
  if status == 200 then acknowledged = acknowledged + 1 else unexpected = unexpected + 1 end
end

done = common.done
