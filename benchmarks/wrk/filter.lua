-- W2: GET /Users?filter=userName eq "userN@domain" in random case (USERS, DOMAIN).
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local users = tonumber(os.getenv("USERS") or "100000")
local domain = os.getenv("DOMAIN") or "acme.example"

setup = common.setup
init = function()
  common.init_counters()
  math.randomseed(os.time() + tid * 7919)
end

local function random_case(s)
  return (s:gsub("%a", function(c) if math.random() < 0.5 then return c:upper() end return c end))
end

request = function()
  local name = random_case("user" .. math.random(1, users) .. "@" .. domain)
  return wrk.format("GET", "/scim/v2/Users?filter=userName%20eq%20%22" .. name .. "%22", common.headers())
end

response = function(status, headers, body)
  -- Every name exists: a 200 with exactly one resource.
  if status == 200 and body:find('"totalResults":1', 1, true) then
    acknowledged = acknowledged + 1
  else
    unexpected = unexpected + 1
  end
end

done = common.done
