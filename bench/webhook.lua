-- wrk script: WhatsApp webhook bodies as Meta sends them, each a new inbound message (a unique
-- message id, so none is a duplicate) for one of the tenant's numbers, signed as Meta signs them:
-- X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with the app secret>.
-- Counts the bodies answered 200 (acknowledged: the service promised they are stored) and prints
-- the total when the run ends, for bench/webhook-load.sh to compare with what was stored.
--
-- Environment: WEBHOOK_SECRET (the app secret), WEBHOOK_WABA, WEBHOOK_NUMBERS (comma-separated),
-- WEBHOOK_RUN (a name that keeps this run's message ids apart from other runs').

local bit = require("bit")
local band, bor, bxor, bnot = bit.band, bit.bor, bit.bxor, bit.bnot
local rshift, lshift, ror, tobit, tohex = bit.rshift, bit.lshift, bit.ror, bit.tobit, bit.tohex

-- SHA-256 (FIPS 180-4) on LuaJIT's 32-bit operations.
local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

local w = {}

local function compress(H, s, i)
  for j = 1, 16 do
    local a, b, c, d = s:byte(i, i + 3)
    w[j] = bor(lshift(a, 24), lshift(b, 16), lshift(c, 8), d)
    i = i + 4
  end
  for j = 17, 64 do
    local v = w[j - 15]
    local s0 = bxor(ror(v, 7), ror(v, 18), rshift(v, 3))
    v = w[j - 2]
    local s1 = bxor(ror(v, 17), ror(v, 19), rshift(v, 10))
    w[j] = tobit(w[j - 16] + s0 + w[j - 7] + s1)
  end
  local a, b, c, d, e, f, g, h = H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8]
  for j = 1, 64 do
    local t1 = tobit(h + bxor(ror(e, 6), ror(e, 11), ror(e, 25)) + bxor(band(e, f), band(bnot(e), g)) + K[j] + w[j])
    local t2 = tobit(bxor(ror(a, 2), ror(a, 13), ror(a, 22)) + bxor(band(a, b), band(a, c), band(b, c)))
    h, g, f, e, d, c, b, a = g, f, e, tobit(d + t1), c, b, a, tobit(t1 + t2)
  end
  H[1], H[2], H[3], H[4] = tobit(H[1] + a), tobit(H[2] + b), tobit(H[3] + c), tobit(H[4] + d)
  H[5], H[6], H[7], H[8] = tobit(H[5] + e), tobit(H[6] + f), tobit(H[7] + g), tobit(H[8] + h)
end

local function sha256(message)
  local bits = #message * 8
  local padded = message .. "\128" .. string.rep("\0", (55 - #message) % 64)
      .. string.char(0, 0, 0, 0, band(rshift(bits, 24), 255), band(rshift(bits, 16), 255),
        band(rshift(bits, 8), 255), band(bits, 255))
  local H = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }
  for i = 1, #padded, 64 do
    compress(H, padded, i)
  end
  return H
end

local function bytes(H)
  local out = {}
  for i = 1, 8 do
    local v = H[i]
    out[i] = string.char(band(rshift(v, 24), 255), band(rshift(v, 16), 255), band(rshift(v, 8), 255), band(v, 255))
  end
  return table.concat(out)
end

local function hex(H)
  local out = {}
  for i = 1, 8 do
    out[i] = tohex(H[i], 8)
  end
  return table.concat(out)
end

local function xored(key, pad)
  local out = {}
  for i = 1, 64 do
    out[i] = string.char(bxor(key:byte(i) or 0, pad))
  end
  return table.concat(out)
end

local secret = os.getenv("WEBHOOK_SECRET") or error("WEBHOOK_SECRET is not set")
if #secret > 64 then
  secret = bytes(sha256(secret))
end
local inner_pad, outer_pad = xored(secret, 0x36), xored(secret, 0x5c)

local function hmac_sha256_hex(body)
  return hex(sha256(outer_pad .. bytes(sha256(inner_pad .. body))))
end

-- The requests.

local waba = os.getenv("WEBHOOK_WABA") or error("WEBHOOK_WABA is not set")
local run = os.getenv("WEBHOOK_RUN") or "run"
local numbers = {}
for number in string.gmatch(os.getenv("WEBHOOK_NUMBERS") or "", "[^,]+") do
  numbers[#numbers + 1] = number
end
assert(#numbers > 0, "WEBHOOK_NUMBERS is not set")

local TEMPLATE = '{"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"value":'
  .. '{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100000","phone_number_id":"%s"},'
  .. '"contacts":[{"profile":{"name":"Load Test"},"wa_id":"5511999999999"}],'
  .. '"messages":[{"from":"5511999999999","id":"wamid.bench-%s-%d-%d","timestamp":"1764547200",'
  .. '"type":"text","text":{"body":"load test message %d"}}]},"field":"messages"}]}]}'

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

-- Globals, not locals: done() reads each thread's count with thread:get.
sent, acknowledged = 0, 0

function request()
  sent = sent + 1
  local body = string.format(TEMPLATE, waba, numbers[sent % #numbers + 1], run, thread_number, sent, sent)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Hub-Signature-256"] = "sha256=" .. hmac_sha256_hex(body),
  }, body)
end

function response(status, headers, body)
  if status == 200 then
    acknowledged = acknowledged + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("acknowledged")
  end
  io.write(string.format("acknowledged %d\n", total))
end
