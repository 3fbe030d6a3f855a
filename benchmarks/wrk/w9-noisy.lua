-- W9, company A: a full push at as many connections as given, never pausing (the worst neighbour):
-- each request creates a new user. Counts 201s ('acknowledged'), 429s ('limited', the expected
-- refusal, each with an integer Retry-After), and anything else ('unexpected', with socket errors
-- and timeouts): the rate limit must answer A with 429s, never errors or timeouts.
package.path = package.path .. ";" .. (os.getenv("WRK_DIR") or "benchmarks/wrk") .. "/?.lua"
local common = require("common")
local prefix = os.getenv("PREFIX") or "w9a"

setup = common.setup
init = function()
  common.init_counters()
  limited = 0
  n = 0
end

request = function()
  n = n + 1
  local name = prefix .. "-" .. tid .. "-" .. n .. "@noisy.example"
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. name ..
      '","name":{"givenName":"Noisy","familyName":"User"},"emails":[{"primary":true,"value":"' .. name ..
      '","type":"work"}],"active":true}'
  return wrk.format("POST", "/scim/v2/Users", common.headers({["Content-Type"] = "application/scim+json"}), body)
end

response = function(status, headers, body)
  if status == 201 then
    acknowledged = acknowledged + 1
  elseif status == 429 and headers["Retry-After"] and headers["Retry-After"]:match("^%d+$") then
    limited = limited + 1
  else
    unexpected = unexpected + 1
  end
end

done = function(summary, latency, requests)
  local acked, bad, refused = 0, 0, 0
  for _, t in ipairs(common.threads) do
    acked = acked + (t:get("acknowledged") or 0)
    bad = bad + (t:get("unexpected") or 0)
    refused = refused + (t:get("limited") or 0)
  end
  local e = summary.errors
  io.write(string.format('{"label":"%s","requests":%d,"rate":%.1f,"acknowledged":%d,"limited":%d,"unexpected":%d,' ..
      '"socket_errors":%d,"timeouts":%d}\n', common.label, summary.requests, summary.requests / (summary.duration / 1e6),
      acked, refused, bad, e.connect + e.read + e.write, e.timeout))
end
