-- wrk script: one single-alert POST /api/v2/alerts per request, alerts spread over
-- 20 business lines and 5,000 hosts (the shape the anchor figure was taken with).
-- The same script drives Alertmanager and zgw; ZGW_KEY adds a bearer token when set.
local business_lines = {}
for i = 1, 20 do business_lines[i] = "bl" .. i end
local common = require("wrk_common")
local names, severities = common.names, common.severities
local headers = common.headers()

setup = common.setup

function init(args)
  math.randomseed(os.time() + id * 7919)
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

done = common.done
