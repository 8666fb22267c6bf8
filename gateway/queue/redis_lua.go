package queue

import "github.com/redis/go-redis/v9"

// The Redis queue's steps are Lua scripts so that each one is atomic: a job
// is never in the stream and the delayed set at once, never leased twice,
// never acknowledged without its state moving.
//
// Times travel as zero-padded 20-digit nanosecond strings, compared as
// strings: Lua numbers are doubles and cannot hold nanoseconds since 1970
// exactly. Sorted-set scores are milliseconds and only pick candidates; the
// exact comparison is on the strings. All times come from Options.Now, never
// from Redis's clock, so replicas and the conformance suite agree on them.
// The one exception is the orphan sweep (XAUTOCLAIM), whose min-idle is
// Redis's own idle time of a pending entry.
//
// Fixed keys, the same for every script:
//
//	KEYS[1] stream      ready jobs, read by the consumer group
//	KEYS[2] delayed     zset id → due ms, jobs retried with a delay
//	KEYS[3] leases      zset id → lease expiry ms
//	KEYS[4] ready       zset id → seq (queue order), state ready
//	KEYS[5] leased      zset id → seq, state leased
//	KEYS[6] dead        zset id → seq, state dead
//	KEYS[7] done        zset id → done ms, for pruning
//	KEYS[8] deadstream  dead-letter stream (an entry per dead-lettering)
//	KEYS[9] seq         counter giving each job its queue order
//	KEYS[10] cursor     XAUTOCLAIM cursor of the orphan sweep
//	KEYS[11] round      zset binding → turn, the bindings with waiting jobs
//	KEYS[12] turn       counter giving the round's turns
//	KEYS[13] depth      hash binding → live (ready, delayed, leased) jobs
//
// Fair share: the lease script first takes new stream entries under one
// consumer of its own ("_intake") and files each job in its binding's
// waiting set (<prefix>bq:<binding>, id → seq). It then serves the binding
// whose turn is oldest in the round, gives that binding a new turn at the
// back, and hands the job's pending entry to the worker's consumer (XCLAIM
// JUSTID). The entry stays pending in the group from intake to Ack, so the
// group's pending list still holds every job that is neither done nor dead,
// and an entry left behind by a crash is found by the orphan sweep.
// Entries written by an older gateway (one stream, no round) are read by the
// same intake: an upgrade needs no migration.
//
// ARGV[1] job hash key prefix, ARGV[2] group, ARGV[3] now (padded ns),
// ARGV[4] now ms; the rest per script. Job hashes are addressed from ARGV[1],
// so the queue needs a standalone Redis (or Sentinel), not Redis Cluster.
const luaLib = `
local K_STREAM, K_DELAYED, K_LEASES = KEYS[1], KEYS[2], KEYS[3]
local K_READY, K_LEASED, K_DEAD, K_DONE = KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local K_DEADSTREAM, K_SEQ, K_CURSOR = KEYS[8], KEYS[9], KEYS[10]
local K_ROUND, K_TURN, K_DEPTH = KEYS[11], KEYS[12], KEYS[13]
local JOBP, GROUP, NOW, NOWMS = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local QP = string.sub(JOBP, 1, #JOBP - 4)
local INTAKE = '_intake'

local function waiting_key(binding) return QP .. 'bq:' .. binding end

local function field(fields, name)
  for i = 1, #fields, 2 do
    if fields[i] == name then return fields[i + 1] end
  end
  return ''
end

-- xadd_job queues the job in the stream. The entry names the job only: its
-- body is read from the job's hash, so it is stored once. (Entries written
-- by older gateways carry the body too; nothing reads it.)
local function xadd_job(jk, id)
  local e = redis.call('XADD', K_STREAM, '*', 'id', id)
  redis.call('HSET', jk, 'entry', e)
  return e
end

-- set_state moves the job between the per-state indexes.
local function set_state(jk, id, state)
  local seq = redis.call('HGET', jk, 'seq')
  redis.call('ZREM', K_READY, id)
  redis.call('ZREM', K_LEASED, id)
  redis.call('ZREM', K_DEAD, id)
  if state == 'ready' then redis.call('ZADD', K_READY, seq, id)
  elseif state == 'leased' then redis.call('ZADD', K_LEASED, seq, id)
  elseif state == 'dead' then redis.call('ZADD', K_DEAD, seq, id)
  end
  redis.call('HSET', jk, 'state', state)
end

-- depth_add moves the job's binding's live-job count by n.
local function depth_add(jk, n)
  redis.call('HINCRBY', K_DEPTH, redis.call('HGET', jk, 'binding') or '', n)
end
`

// enqueueScript enqueues a batch of jobs, each as if alone and in order:
// a later job of the batch sees the dedup and replay keys of the earlier
// ones. The batch is enqueued at NOW (ARGV[3]). ARGV[5] dedup key TTL ms,
// ARGV[6] replay key TTL ms, ARGV[7] dedup expiry (padded ns), ARGV[8]
// replay expiry (padded ns), then 8 per job: id, "1" when the caller chose
// the id (it is checked for a clash; a random 128-bit id is not), binding,
// dedup, type, ticket, payload, replay (empty: none). Returns per job 1
// stored, 0 duplicate (job not stored), 2 id taken (not stored).
//
// A replay key seen before refuses the job with nothing recorded (a replay
// under an invented invocation id must not take that id from a genuine
// delivery to come); a dedup key seen before refuses it after recording the
// replay key. Not SET NX EX alone: a key's value is its expiry by
// Options.Now, which decides; the key's TTL (Redis's clock) only collects it
// afterwards.
//
// Per stored job it writes the two keys, a stream entry naming the job and
// the job's hash; the keys' reads, the queue order, the ready index and the
// depth counts take one command per batch. The times shared by the batch
// come once, and each key's name is built once: arguments and strings made
// per job are most of what the script costs Redis beyond its commands.
var enqueueScript = redis.NewScript(luaLib + `
local DEDUPMS, REPLAYMS, DEDUPUNTIL, REPLAYUNTIL, PER = ARGV[5], ARGV[6], ARGV[7], ARGV[8], 8
local n = (#ARGV - 8) / PER

-- dks[i], rks[i]: the i-th job's dedup and replay key names, nil for none.
local names, dks, rks, expiry = {}, {}, {}, {}
for i = 1, n do
  local b = 8 + (i - 1) * PER
  local dedup, replay = ARGV[b + 4], ARGV[b + 8]
  if dedup ~= '' then
    dks[i] = QP .. 'dedup:' .. dedup
    names[#names + 1] = dks[i]
  end
  if replay ~= '' then
    rks[i] = QP .. 'replay:' .. replay
    names[#names + 1] = rks[i]
  end
end
if #names > 0 then
  local v = redis.call('MGET', unpack(names))
  for i, k in ipairs(names) do expiry[k] = v[i] end
end
local function live(k)
  local until_ = expiry[k]
  return until_ and until_ > NOW
end
local function record(k, until_, ms)
  redis.call('SET', k, until_, 'PX', ms)
  expiry[k] = until_
end

local out, stored, taken = {}, {}, {}
for i = 1, n do
  local id, dk, rk = ARGV[8 + (i - 1) * PER + 1], dks[i], rks[i]
  out[i] = 0
  if rk and live(rk) then
    -- refused, nothing recorded
  elseif dk and live(dk) then
    if rk then record(rk, REPLAYUNTIL, REPLAYMS) end
  elseif ARGV[8 + (i - 1) * PER + 2] == '1' and (taken[id] or redis.call('EXISTS', JOBP .. id) == 1) then
    out[i] = 2
  else
    if dk then record(dk, DEDUPUNTIL, DEDUPMS) end
    if rk then record(rk, REPLAYUNTIL, REPLAYMS) end
    stored[#stored + 1] = i
    taken[id] = true
    out[i] = 1
  end
end
if #stored == 0 then return out end

-- What set_state and xadd_job do, written out for jobs that are new: no
-- state index holds them yet and their fields are at hand.
local seq = redis.call('INCRBY', K_SEQ, #stored) - #stored
local ready, depth = {}, {}
for _, i in ipairs(stored) do
  seq = seq + 1
  local b = 8 + (i - 1) * PER
  local id, binding = ARGV[b + 1], ARGV[b + 3]
  local e = redis.call('XADD', K_STREAM, '*', 'id', id)
  redis.call('HSET', JOBP .. id, 'id', id, 'binding', binding, 'dedup', ARGV[b + 4], 'type', ARGV[b + 5],
    'ticket', ARGV[b + 6], 'payload', ARGV[b + 7], 'attempts', 0, 'enqueued_at', NOW,
    'next_at', NOW, 'seq', seq, 'state', 'ready', 'entry', e)
  ready[#ready + 1] = seq
  ready[#ready + 1] = id
  depth[binding] = (depth[binding] or 0) + 1
end
redis.call('ZADD', K_READY, unpack(ready))
for binding, d in pairs(depth) do redis.call('HINCRBY', K_DEPTH, binding, d) end
return out
`)

// leaseScript: ARGV[5..] consumer, lease until (padded ns), until ms, receipt
// nonce, orphan min-idle ms. Returns the job hash as a flat list, or nil.
var leaseScript = redis.NewScript(luaLib + `
local CONSUMER, UNTIL, UNTILMS, NONCE, ORPHANMS = ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]

-- take leases the job, whose entry the consumer now holds. The job is ready
-- (from the round or the orphan sweep) or leased (its lease expired), with
-- attempts and seq as read by the caller; no waiting set holds it.
local function take(id, entry, state, attempts, seq)
  local jk = JOBP .. id
  redis.call('HSET', jk, 'attempts', (tonumber(attempts) or 0) + 1, 'receipt', entry .. '/' .. CONSUMER .. '/' .. NONCE,
    'consumer', CONSUMER, 'next_at', UNTIL, 'entry', entry, 'state', 'leased')
  if state == 'ready' then redis.call('ZREM', K_READY, id) end
  redis.call('ZADD', K_LEASED, seq, id)
  redis.call('ZADD', K_LEASES, UNTILMS, id)
  return redis.call('HGETALL', jk)
end

-- The mover: retried jobs whose delay ran out go back into the stream.
for _, id in ipairs(redis.call('ZRANGEBYSCORE', K_DELAYED, '-inf', NOWMS, 'LIMIT', 0, 500)) do
  local jk = JOBP .. id
  local h = redis.call('HMGET', jk, 'state', 'next_at')
  if h[1] ~= 'ready' then
    redis.call('ZREM', K_DELAYED, id)
  elseif h[2] <= NOW then
    redis.call('ZREM', K_DELAYED, id)
    xadd_job(jk, id)
  end
end

-- Intake: new entries (this gateway's or an older one's) are read under
-- the intake consumer and filed by binding; stale ones are dropped. A
-- missing group fails here, before anything else is written twice.
-- Each binding's new jobs are filed with one ZADD, and the binding joins
-- the round (if not in it) at the current turn.
for _ = 1, 4 do
  local r = redis.call('XREADGROUP', 'GROUP', GROUP, INTAKE, 'COUNT', 500, 'STREAMS', K_STREAM, '>')
  if not r then break end
  local waiting = {}
  for _, m in ipairs(r[1][2]) do
    local id, entry = field(m[2], 'id'), m[1]
    local h = redis.call('HMGET', JOBP .. id, 'state', 'entry', 'seq', 'binding')
    if h[1] == 'ready' and h[2] == entry then
      local w = waiting[h[4] or '']
      if not w then
        w = {}
        waiting[h[4] or ''] = w
      end
      w[#w + 1] = h[3]
      w[#w + 1] = id
    else
      redis.call('XACK', K_STREAM, GROUP, entry)
      redis.call('XDEL', K_STREAM, entry)
    end
  end
  local turn
  for binding, w in pairs(waiting) do
    turn = turn or redis.call('GET', K_TURN) or 0
    redis.call('ZADD', waiting_key(binding), unpack(w))
    redis.call('ZADD', K_ROUND, 'NX', turn, binding)
  end
end

-- Expired leases: the holder is gone or too slow; claim its entry.
for _, id in ipairs(redis.call('ZRANGEBYSCORE', K_LEASES, '-inf', NOWMS, 'LIMIT', 0, 20)) do
  local jk = JOBP .. id
  local h = redis.call('HMGET', jk, 'state', 'next_at', 'entry', 'attempts', 'seq')
  if h[1] ~= 'leased' then
    redis.call('ZREM', K_LEASES, id)
  elseif h[2] <= NOW then
    redis.call('ZREM', K_LEASES, id)
    local claimed = {}
    if h[3] then
      claimed = redis.call('XCLAIM', K_STREAM, GROUP, CONSUMER, 0, h[3])
    end
    if #claimed == 1 then
      return take(id, h[3], 'leased', h[4], h[5])
    end
    -- The entry is no longer pending (group recreated): queue it afresh.
    redis.call('HDEL', jk, 'entry')
    set_state(jk, id, 'ready')
    xadd_job(jk, id)
  end
end

-- The round: the binding whose turn is oldest gives its oldest waiting job
-- and goes to the back.
for _ = 1, 50 do
  local top = redis.call('ZRANGE', K_ROUND, 0, 0)
  if #top == 0 then break end
  local binding = top[1]
  local wk = waiting_key(binding)
  local popped = redis.call('ZPOPMIN', wk)
  if redis.call('ZCARD', wk) == 0 then
    redis.call('ZREM', K_ROUND, binding)
  else
    redis.call('ZADD', K_ROUND, redis.call('INCR', K_TURN), binding)
  end
  if #popped > 0 then
    local id = popped[1]
    local jk = JOBP .. id
    local h = redis.call('HMGET', jk, 'state', 'entry', 'attempts', 'seq')
    if h[1] == 'ready' and h[2] then
      -- JUSTID: the hand-over from intake is not a delivery attempt.
      local claimed = redis.call('XCLAIM', K_STREAM, GROUP, CONSUMER, 0, h[2], 'JUSTID')
      if #claimed == 1 then
        return take(id, h[2], 'ready', h[3], h[4])
      end
      -- Not pending any more (the group was recreated): queue it afresh.
      redis.call('HDEL', jk, 'entry')
      xadd_job(jk, id)
    end
  end
end

-- The orphan sweep: an entry pending longer than ORPHANMS (Redis's idle
-- clock) whose job does not know it as leased or waiting was delivered but
-- never recorded — a script that failed half-way, or a reader outside
-- deskgate.
local cursor = redis.call('GET', K_CURSOR) or '0-0'
local r = redis.call('XAUTOCLAIM', K_STREAM, GROUP, CONSUMER, ORPHANMS, cursor, 'COUNT', 10, 'JUSTID')
if r[1] ~= cursor then redis.call('SET', K_CURSOR, r[1]) end
for _, entry in ipairs(r[2]) do
  local m = redis.call('XRANGE', K_STREAM, entry, entry)
  local id = ''
  if #m == 1 then id = field(m[1][2], 'id') end
  local h = redis.call('HMGET', JOBP .. id, 'state', 'entry', 'binding', 'attempts', 'seq')
  if h[1] == 'ready' and h[2] == entry then
    if not redis.call('ZSCORE', waiting_key(h[3] or ''), id) then
      return take(id, entry, 'ready', h[4], h[5])
    end
  elseif not (h[1] == 'leased' and h[2] == entry) then
    redis.call('XACK', K_STREAM, GROUP, entry)
    redis.call('XDEL', K_STREAM, entry)
  end
end
return false
`)

// settleScript applies op to a job still held under the caller's receipt
// whose lease has not expired. ARGV[5..] id, receipt, op, op arguments.
// Returns 1 done, 0 lease lost.
//
//	extend: until (padded ns), until ms
//	ack:    done ms
//	retry:  next (padded ns), next ms, last error (one more failure)
//	defer:  next (padded ns), next ms, reason (the lease is given back)
//	dead:   last error
var settleScript = redis.NewScript(luaLib + `
local id, receipt, op = ARGV[5], ARGV[6], ARGV[7]
if op ~= 'extend' and op ~= 'ack' and op ~= 'retry' and op ~= 'defer' and op ~= 'dead' then
  return redis.error_reply('ERR unknown op ' .. op)
end
local jk = JOBP .. id
local h = redis.call('HMGET', jk, 'state', 'receipt', 'next_at', 'consumer', 'entry', 'seq', 'binding', 'attempts', 'failures')
if h[1] ~= 'leased' or h[2] ~= receipt or not (h[3] > NOW) then return 0 end
if op == 'extend' then
  redis.call('HSET', jk, 'next_at', ARGV[8])
  redis.call('ZADD', K_LEASES, ARGV[9], id)
  -- Reset the entry's idle time so the orphan sweep leaves it be.
  if h[5] then redis.call('XCLAIM', K_STREAM, GROUP, h[4], 0, h[5], 'JUSTID') end
  return 1
end
-- Taking the entry out of the group's pending list and the stream, and what
-- set_state and depth_add do, written out for a job known to be leased, with its fields at hand: the writes to its hash are one
-- HSET.
redis.call('ZREM', K_LEASES, id)
redis.call('ZREM', K_LEASED, id)
if h[5] and h[5] ~= '' then
  redis.call('XACK', K_STREAM, GROUP, h[5])
  redis.call('XDEL', K_STREAM, h[5])
end
redis.call('HDEL', jk, 'entry')
local set = {'receipt', '', 'consumer', ''}
local function put(k, v)
  set[#set + 1] = k
  set[#set + 1] = v
end
if op == 'ack' then
  put('state', 'done')
  redis.call('HINCRBY', K_DEPTH, h[7] or '', -1)
  redis.call('ZADD', K_DONE, ARGV[8], id)
elseif op == 'retry' or op == 'defer' then
  if op == 'retry' then
    put('failures', (tonumber(h[9]) or 0) + 1)
  elseif tonumber(h[8]) > 0 then
    put('attempts', tonumber(h[8]) - 1)
  end
  put('next_at', ARGV[8])
  put('last_error', ARGV[10])
  put('state', 'ready')
  redis.call('ZADD', K_READY, h[6], id)
  if ARGV[8] <= NOW then
    put('entry', redis.call('XADD', K_STREAM, '*', 'id', id))
  else
    redis.call('ZADD', K_DELAYED, ARGV[9], id)
  end
else -- dead
  put('last_error', ARGV[8])
  put('state', 'dead')
  redis.call('ZADD', K_DEAD, h[6], id)
  redis.call('HINCRBY', K_DEPTH, h[7] or '', -1)
  put('dead_entry', redis.call('XADD', K_DEADSTREAM, '*', 'id', id, 'error', ARGV[8], 'at', NOW))
end
redis.call('HSET', jk, unpack(set))
return 1
`)

// replayScript puts a dead job back into the stream with attempts reset.
// ARGV[5] id. Returns 1 replayed, 0 unknown, -1 not dead.
var replayScript = redis.NewScript(luaLib + `
local id = ARGV[5]
local jk = JOBP .. id
local st = redis.call('HGET', jk, 'state')
if not st then return 0 end
if st ~= 'dead' then return -1 end
local de = redis.call('HGET', jk, 'dead_entry')
if de then redis.call('XDEL', K_DEADSTREAM, de) end
redis.call('HDEL', jk, 'dead_entry')
redis.call('HSET', jk, 'attempts', 0, 'failures', 0, 'next_at', NOW)
set_state(jk, id, 'ready')
depth_add(jk, 1)
xadd_job(jk, id)
return 1
`)

// pruneScript deletes up to 500 done jobs acknowledged before ARGV[5] (ms).
// Returns how many.
var pruneScript = redis.NewScript(luaLib + `
local ids = redis.call('ZRANGEBYSCORE', K_DONE, '-inf', '(' .. ARGV[5], 'LIMIT', 0, 500)
for _, id in ipairs(ids) do
  local jk = JOBP .. id
  if redis.call('HGET', jk, 'state') == 'done' then redis.call('DEL', jk) end
  redis.call('ZREM', K_DONE, id)
end
return #ids
`)
