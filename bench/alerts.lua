-- wrk script: one single-alert POST /api/v2/alerts per request, alerts spread over
-- 20 business lines and 5,000 hosts (the shape the anchor figure was taken with).
-- The same script drives Alertmanager and zgw; ZGW_KEY adds a bearer token when set.
local business_lines = {}
for i = 1, 20 do business_lines[i] = "bl" .. i end
local names = { "HighCPU", "DiskFull", "OrdersFailing", "LatencyHigh", "ReplicaDown" }
local severities = { "warning", "average", "high", "disaster" }

local headers = { ["Content-Type"] = "application/json" }
local key = os.getenv("ZGW_KEY")
if key and key ~= "" then headers["Authorization"] = "Bearer " .. key end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() + (seed or 0) * 7919)
end

request = function()
  local host = math.random(1, 5000)
  local body = string.format(
    '[{"labels":{"alertname":"%s","business_line":"%s","host":"host-%d","severity":"%s"},' ..
    '"annotations":{"summary":"bench alert on host-%d"},"generatorURL":"http://bench/%d"}]',
    names[math.random(#names)], business_lines[(host % 20) + 1], host,
    severities[math.random(#severities)], host, host)
  return wrk.format("POST", "/api/v2/alerts", headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors_status=%d errors_connect=%d errors_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect, summary.errors.timeout))
end
