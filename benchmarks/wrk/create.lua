-- W1: POST /Users with unique userNames PREFIX-<thread>-<n>@acme.example, Okta's body.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local prefix = os.getenv("PREFIX") or "wrk"

setup = common.setup
init = function()
  common.init_counters()
  counter = 0
end

request = function()
  counter = counter + 1
  local name = prefix .. "-" .. tid .. "-" .. counter .. "@acme.example"
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. name ..
      '","name":{"givenName":"Bench","familyName":"User"},"emails":[{"primary":true,"value":"' .. name ..
      '","type":"work"}],"displayName":"Bench User","locale":"en-US","externalId":"00u' .. tid .. "x" .. counter ..
      '","groups":[],"password":"1mz050nq","active":true}'
  return wrk.format("POST", "/scim/v2/Users", common.headers({["Content-Type"] = "application/scim+json"}), body)
end

response = function(status)
  if status == 201 then acknowledged = acknowledged + 1 else unexpected = unexpected + 1 end
end

done = common.done
