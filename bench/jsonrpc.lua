-- wrk script: POST one Zabbix JSON-RPC call straight to a shard's api_jsonrpc.php.
-- ZBX_METHOD, ZBX_PARAMS (JSON) and ZBX_TOKEN come from the environment.
local method = os.getenv("ZBX_METHOD") or "apiinfo.version"
local params = os.getenv("ZBX_PARAMS") or "{}"
local token = os.getenv("ZBX_TOKEN")
local auth = ""
if token and token ~= "" and method ~= "apiinfo.version" then auth = ',"auth":"' .. token .. '"' end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json-rpc"
wrk.body = '{"jsonrpc":"2.0","method":"' .. method .. '","params":' .. params .. auth .. ',"id":1}'

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors_status=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
