-- W2, second look-up: GET /Users?filter=urn:ietf:params:scim:schemas:extension:javelo:2.0:User:employeeCode eq "E<N>"
-- on a company that declared employeeCode (string, caseExact); every code exists (USERS).
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local users = tonumber(os.getenv("USERS") or "100000")

setup = common.setup
init = function()
  common.init_counters()
  math.randomseed(os.time() + tid * 7919)
end

request = function()
  local code = "E" .. math.random(1, users)
  return wrk.format("GET", "/scim/v2/Users?filter=urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Aextension%3Ajavelo%3A2.0"
      .. "%3AUser%3AemployeeCode%20eq%20%22" .. code .. "%22", common.headers())
end

response = function(status, headers, body)
  -- Every code exists: a 200 with exactly one resource.
  if status == 200 and body:find('"totalResults":1', 1, true) then
    acknowledged = acknowledged + 1
  else
    unexpected = unexpected + 1
  end
end

done = common.done
