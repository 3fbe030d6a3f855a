-- W4: Okta's initial push of COUNT users: for each, GET the userName filter (a miss), then POST.
-- Run with as many threads as connections (-tN -cN): each thread then owns one connection and
-- its steps alternate strictly; thread t pushes users t, t+N, t+2N, ... and stops after its share.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local prefix = os.getenv("PREFIX") or "push"
local count = tonumber(os.getenv("COUNT") or "10000")
local threads = tonumber(os.getenv("THREADS") or "16")

setup = common.setup
init = function()
  common.init_counters()
  n = tid - 1
  step = "get"
end

local function name() return prefix .. "-" .. n .. "@acme.example" end

request = function()
  if step == "get" then
    return wrk.format("GET", "/scim/v2/Users?filter=userName%20eq%20%22" .. name() .. "%22&startIndex=1&count=100",
        common.headers())
  end
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. name() ..
      '","name":{"givenName":"Pushed","familyName":"User"},"emails":[{"primary":true,"value":"' .. name() ..
      '","type":"work"}],"displayName":"Pushed User","locale":"en-US","externalId":"00p' .. n ..
      '","groups":[],"password":"1mz050nq","active":true}'
  return wrk.format("POST", "/scim/v2/Users", common.headers({["Content-Type"] = "application/scim+json"}), body)
end

response = function(status, headers, body)
  if step == "get" then
    if not (status == 200 and body:find('"totalResults":0', 1, true)) then unexpected = unexpected + 1 end
    step = "post"
    return
  end
  if status == 201 then acknowledged = acknowledged + 1 else unexpected = unexpected + 1 end
  n = n + threads
  step = "get"
  if n >= count then
    -- Done: leave a marker for run-extra.sh, which measures the wall time and stops wrk.
    io.open(os.getenv("DONE_DIR") .. "/done-" .. tid, "w"):close()
    wrk.thread:stop()
  end
end

done = common.done
