-- W4's Group Push, as Okta sends it: POST /Groups, then PATCH add members in batches of 100 (each
-- member with its id and display name) until every user of USERS_FILE is a member. One thread,
-- one connection, strictly sequential; the wall time from the POST to the last answer is timed
-- here. When done, it leaves a marker in DONE_DIR (run-extra.sh then stops wrk).
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local function now_ms() return common.now_us() / 1e3 end

local name = os.getenv("NAME") or "pushed-group"
local ids = {}
for line in io.lines(os.getenv("USERS_FILE")) do table.insert(ids, line) end
local batches = math.ceil(#ids / 100)

-- Globals, so that done() can read them from the thread (thread:get).
group, sent, started, wall_ms, finished = nil, 0, nil, 0, false

setup = common.setup
init = function()
  common.init_counters()
end

request = function()
  if started == nil then started = now_ms() end
  if group == nil then
    return wrk.format("POST", "/scim/v2/Groups", common.headers({["Content-Type"] = "application/scim+json"}),
        '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"' .. name .. '","members":[]}')
  end
  if finished then -- only while wrk is being stopped
    return wrk.format("GET", "/scim/v2/Groups/" .. group .. "?excludedAttributes=members", common.headers())
  end
  local values = {}
  for i = sent * 100 + 1, math.min(#ids, sent * 100 + 100) do
    table.insert(values, '{"value":"' .. ids[i] .. '","display":"member ' .. ids[i] .. '"}')
  end
  return wrk.format("PATCH", "/scim/v2/Groups/" .. group, common.headers({["Content-Type"] = "application/scim+json"}),
      '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members",' ..
      '"value":[' .. table.concat(values, ",") .. ']}]}')
end

response = function(status, headers, body)
  if finished then return end
  if group == nil then
    group = body:match('"id":"([^"]+)"')
    if status == 201 and group then acknowledged = acknowledged + 1 else unexpected = unexpected + 1 end
    return
  end
  if status == 204 then acknowledged = acknowledged + 1 else unexpected = unexpected + 1 end
  sent = sent + 1
  if sent >= batches then
    finished = true
    wall_ms = now_ms() - started
    io.open(os.getenv("DONE_DIR") .. "/done-" .. tid, "w"):close()
  end
end

done = function(summary, latency, requests)
  local thread = common.threads[1]
  io.write(string.format('{"label":"%s","group":"%s","patches":%d,"wall_s":%.3f,"errors":%d}\n', common.label,
      tostring(thread:get("group")), thread:get("sent"), thread:get("wall_ms") / 1000,
      (thread:get("unexpected") or 0) + summary.errors.status + summary.errors.read + summary.errors.write
          + summary.errors.timeout))
end
