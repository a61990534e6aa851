-- wrk script: sends each pre-signed Slack request of the pool once (Slack refuses a replayed
-- signature). Every thread takes every n-th line; wrk -s bench/slack-pool.lua URL -- POOL THREADS
local requests = {}
local next_index = 0
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local threads = tonumber(args[2])
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % threads == id then
      local timestamp, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", "/slack/events", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Slack-Request-Timestamp"] = timestamp,
        ["X-Slack-Signature"] = signature,
      }, body)
    end
    line_number = line_number + 1
  end
end

function request()
  next_index = next_index + 1
  if next_index > #requests then
    next_index = 1   -- pool used up: repeats are refused (401), counted as non-2xx by wrk
  end
  return requests[next_index]
end
