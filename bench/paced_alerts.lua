-- wrk script: a steady stream of alerts at a fixed rate, one alert per POST /api/v2/alerts,
-- shaped like a Prometheus fleet in a steady state: about LOAD_ACTIVE alerts fire at any
-- time; each request re-sends one of them (90 %), starts a new one (5 %) or resolves one
-- with an endsAt in the past (5 %). Firing alerts carry their original startsAt and an
-- endsAt 4 minutes ahead, as Prometheus sends them. Two alerts share each host, so the
-- routing files' host-equal inhibit rule has work.
--
-- wrk has no rate option: delay() hands out send slots 1/rate apart per thread (from a
-- wall clock through LuaJIT's FFI) and each connection waits for its slot, so the rate
-- holds as long as there are connections to spare; if the server stalls, the missed slots
-- are sent at once, up to one second's worth. The achieved rate is in the RESULT line.
--
-- Env: LOAD_RATE (requests/s of this wrk process, required), LOAD_THREADS (wrk's -t, default
-- 1), LOAD_ACTIVE (default 5000), ZGW_KEY (bearer token for zgw). The random stream is
-- seeded by thread number only, so every side gets the same mix of alerts (only which
-- alerts are old enough to resolve depends on timing).
local common = require("wrk_common")
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
int clock_gettime(int clock_id, paced_timespec *tp);
]]
local CLOCK_REALTIME = 0
local timespec = ffi.new("paced_timespec")

local function now()
  ffi.C.clock_gettime(CLOCK_REALTIME, timespec)
  return tonumber(timespec.tv_sec) + tonumber(timespec.tv_nsec) / 1e9
end

local NEW, RESOLVE = 0.05, 0.05
local MAX_BACKLOG = 1.0
local FIRING_FOR = 240

local names, severities = common.names, common.severities
local headers = common.headers()

setup = common.setup

local interval, target, next_slot
local active, created = {}, 0

function init(args)
  local rate = tonumber(os.getenv("LOAD_RATE") or "")
  if not rate or rate <= 0 then error("LOAD_RATE (requests/s) is required") end
  local threads = tonumber(os.getenv("LOAD_THREADS") or "1")
  interval = threads / rate
  target = math.floor(tonumber(os.getenv("LOAD_ACTIVE") or "5000") / threads)
  math.randomseed(id)
end

function delay()
  local t = now()
  if next_slot == nil or next_slot < t - MAX_BACKLOG then next_slot = t end
  local wait = next_slot - t
  next_slot = next_slot + interval
  if wait <= 0 then return 0 end
  return math.floor(wait * 1000)
end

local function stamp(t)
  local s = math.floor(t)
  return os.date("!%Y-%m-%dT%H:%M:%S", s) .. string.format(".%03dZ", math.floor((t - s) * 1000))
end

local function start_alert(t)
  created = created + 1
  local host = math.floor(created / 2)
  local alert = {
    started = t,
    host = string.format("t%d-host-%d", id, host),
    labels = string.format('{"alertname":"%s","business_line":"bl%d","host":"t%d-host-%d","severity":"%s"}',
      names[math.random(#names)], host % 20 + 1, id, host, severities[math.random(#severities)]),
  }
  active[#active + 1] = alert
  return alert
end

request = function()
  local t = now()
  local r = math.random()
  local alert, ends
  if #active < target or r < NEW then
    alert = start_alert(t)
  else
    local i = math.random(#active)
    alert = active[i]
    -- Resolve only alerts older than a second, so endsAt (now - 1 s) is after startsAt.
    if r < NEW + RESOLVE and t - alert.started > 1 then
      active[i] = active[#active]
      active[#active] = nil
      ends = t - 1
    end
  end
  local body = string.format(
    '[{"labels":%s,"annotations":{"summary":"bench alert on %s"},"startsAt":"%s","endsAt":"%s",' ..
    '"generatorURL":"http://bench/%s"}]',
    alert.labels, alert.host, stamp(alert.started), stamp(ends or t + FIRING_FOR), alert.host)
  return wrk.format("POST", "/api/v2/alerts", headers, body)
end

done = common.done
