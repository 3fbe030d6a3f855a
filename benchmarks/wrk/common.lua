-- Shared by the wrk scripts: Okta-shaped headers, per-thread counters, and a JSON summary line
-- (rate, p50, non-2xx, acknowledged writes) that benchmarks/summarize.py reads.
local M = {}

-- A monotonic clock in microseconds (wrk's Lua has no sub-second clock of its own; LuaJIT's FFI
-- reaches clock_gettime), for the scripts that time their own requests.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock, timespec *t);
]]
local now_ts = ffi.new("timespec")
function M.now_us()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1e6 + tonumber(now_ts.tv_nsec) / 1e3
end
M.token = os.getenv("TOKEN")
M.label = os.getenv("LABEL") or "wrk"

function M.headers(extra)
  local h = {["Authorization"] = "Bearer " .. M.token, ["Accept"] = "application/scim+json",
             ["User-Agent"] = "Okta SCIM Client 1.0.0"}
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

local threads = {}
M.threads = threads
local next_id = 0
function M.setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

-- Counts of a thread's own answers: 'acknowledged' (the expected success), 'unexpected' (anything else).
function M.init_counters()
  acknowledged = 0
  unexpected = 0
end

function M.done(summary, latency, requests)
  local acked, bad = 0, 0
  for _, t in ipairs(threads) do
    acked = acked + (t:get("acknowledged") or 0)
    bad = bad + (t:get("unexpected") or 0)
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('{"label":"%s","requests":%d,"seconds":%.3f,"rate":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,' ..
      '"errors":%d,"acknowledged":%d}\n', M.label, summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad + errors + summary.errors.status, acked))
end

return M
