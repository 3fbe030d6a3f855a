-- W7: PATCH /Users/{id} replacing active (Okta's deactivation and reactivation), ids from USERS_FILE.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")

local ids = {}
for line in io.lines(os.getenv("USERS_FILE")) do table.insert(ids, line) end

setup = common.setup
init = function()
  common.init_counters()
  math.randomseed(os.time() + tid * 7919)
end

request = function()
  local id = ids[math.random(1, #ids)]
  local active = math.random() < 0.5 and "true" or "false"
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace",' ..
      '"value":{"active":' .. active .. '}}]}'
  return wrk.format("PATCH", "/scim/v2/Users/" .. id, common.headers({["Content-Type"] = "application/scim+json"}), body)
end

response = function(status)
  if status == 200 then acknowledged = acknowledged + 1 else unexpected = unexpected + 1 end
end

done = common.done
