-- W7: GET /Users?startIndex=START&count=100.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local start = os.getenv("START") or "1"

setup = common.setup
init = common.init_counters

request = function()
  return wrk.format("GET", "/scim/v2/Users?startIndex=" .. start .. "&count=100", common.headers())
end

response = function(status, headers, body)
  if status == 200 and body:find('"itemsPerPage":100', 1, true) then
    acknowledged = acknowledged + 1
  else
    unexpected = unexpected + 1
  end
end

done = common.done
