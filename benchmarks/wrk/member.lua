-- W3: sequential PATCHes on one group (GROUP), alternately adding one user of USERS_FILE and
-- removing them again (members[value eq "…"]), as Okta sends them. Run with one connection: the
-- latencies of adds and of removes are timed here, separately, from request to response.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local now_us = common.now_us

local group = os.getenv("GROUP")
local ids = {}
for line in io.lines(os.getenv("USERS_FILE")) do table.insert(ids, line) end

-- Globals, so that done() can read them from the thread (thread:get).
adds, removes, size_of = {}, {}, {}
local step, sent_at = 0, 0

setup = common.setup
init = function()
  common.init_counters()
end

request = function()
  step = step + 1
  local id = ids[math.floor((step - 1) / 2) % #ids + 1]
  local op
  if step % 2 == 1 then
    op = '{"op":"add","path":"members","value":[{"value":"' .. id .. '","display":"member ' .. id .. '"}]}'
  else
    op = '{"op":"remove","path":"members[value eq \\"' .. id .. '\\"]"}'
  end
  sent_at = now_us()
  return wrk.format("PATCH", "/scim/v2/Groups/" .. group, common.headers({["Content-Type"] = "application/scim+json"}),
      '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[' .. op .. ']}')
end

response = function(status, headers, body)
  local took = now_us() - sent_at
  if step % 2 == 1 then table.insert(adds, took) else table.insert(removes, took) end
  size_of[#body] = true
  if status == 204 then acknowledged = acknowledged + 1 else unexpected = unexpected + 1 end
end

local function median(list)
  table.sort(list)
  if #list == 0 then return 0 end
  return list[math.floor((#list + 1) / 2)] / 1000
end

done = function(summary, latency, requests)
  -- One thread, one connection: that thread's tables are the whole run.
  local thread = common.threads[1]
  adds, removes, size_of = thread:get("adds"), thread:get("removes"), thread:get("size_of")
  local sizes = {}
  for size in pairs(size_of) do table.insert(sizes, size) end
  io.write(string.format('{"label":"%s","requests":%d,"rate":%.1f,"add_p50_ms":%.3f,"remove_p50_ms":%.3f,' ..
      '"adds":%d,"removes":%d,"body_bytes":[%s],"errors":%d}\n', common.label, summary.requests,
      summary.requests / (summary.duration / 1e6), median(adds), median(removes), #adds, #removes,
      table.concat(sizes, ","), (thread:get("unexpected") or 0) + summary.errors.status + summary.errors.read
          + summary.errors.write + summary.errors.timeout))
end
