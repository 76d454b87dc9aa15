-- wrk script of bench/write-path.mjs: sends requests prepared by the runner (one raw HTTP request
-- per record of the file named by WRK_REQUESTS, records separated by a NUL byte), each thread its
-- own share, in turn; counts answers whose status is not WRK_EXPECT, and keeps the first of them.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("WRK_REQUESTS"), "rb"))
  local all = file:read("*a")
  file:close()
  local nthreads = tonumber(os.getenv("WRK_THREADS"))
  requests = {}
  local index = 0
  for record in string.gmatch(all, "([^%z]+)") do
    if index % nthreads == id then table.insert(requests, record) end
    index = index + 1
  end
  next_request = 0
  expect = tonumber(os.getenv("WRK_EXPECT"))
  unexpected = 0
  first_unexpected = ""
end

function request()
  next_request = next_request + 1
  if next_request > #requests then next_request = 1 end
  return requests[next_request]
end

function response(status, headers, body)
  if status ~= expect then
    unexpected = unexpected + 1
    if first_unexpected == "" then first_unexpected = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local unexpected_total = 0
  local first = ""
  for _, thread in ipairs(threads) do
    unexpected_total = unexpected_total + thread:get("unexpected")
    if first == "" then first = thread:get("first_unexpected") end
  end
  local e = summary.errors
  io.write(string.format("WRK_RESULT %d %d %.1f %.1f %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, unexpected_total))
  io.write("WRK_FIRST_UNEXPECTED " .. first .. "\n")
end
