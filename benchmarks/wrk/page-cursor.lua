-- W7 by cursor (RFC 9865): GET /Users?count=100&cursor=CURSOR. An empty CURSOR is the first page;
-- run.sh finds the cursor of the last full page (benchmarks/last-cursor.py) before each run.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local cursor = os.getenv("CURSOR") or ""

setup = common.setup
init = common.init_counters

request = function()
  return wrk.format("GET", "/scim/v2/Users?count=100&cursor=" .. cursor, common.headers())
end

response = function(status, headers, body)
  if status == 200 and body:find('"itemsPerPage":100', 1, true) then
    acknowledged = acknowledged + 1
  else
    unexpected = unexpected + 1
  end
end

done = common.done
