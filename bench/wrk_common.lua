-- Shared by the alert wrk scripts of bench/ (loaded with require; lib.sh sets LUA_PATH):
-- label values, thread numbering, the request headers and the RESULT line the shell
-- scripts read.
local M = {}

M.names = { "HighCPU", "DiskFull", "OrdersFailing", "LatencyHigh", "ReplicaDown" }
M.severities = { "warning", "average", "high", "disaster" }

-- wrk's setup(): gives every thread a global "id" (1, 2, ...) for its random seed.
local counter = 0
function M.setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

-- JSON, plus a bearer token when ZGW_KEY is set (zgw; Alertmanager takes none).
function M.headers()
  local headers = { ["Content-Type"] = "application/json" }
  local key = os.getenv("ZGW_KEY")
  if key and key ~= "" then headers["Authorization"] = "Bearer " .. key end
  return headers
end

function M.done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors_status=%d errors_connect=%d errors_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect, summary.errors.timeout))
end

return M
