#!/usr/bin/env bash
# Cold start and idle memory on an existing database: time from launching the server to its first 200
# (an authenticated GET spaces/), and its resident memory after 10 s idle. Three starts; medians.
# Usage: startup-memory.sh [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
source bench/common.sh
bench_setup "$provider"
# The first start migrates and makes the key ring: it is not the one measured.
bench_start
kill "$server"; wait "$server" 2>/dev/null || true

first=() rss=()
for run in 1 2 3; do
  start=$(date +%s.%N)
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    exec dotnet "$dll" --no-demo --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  server=$!
  until curl -sf -o /dev/null "$api/spaces/" -H "Authorization: Token $key" -H "Org-Handle: $handle"; do sleep 0.02; done
  first+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
  sleep 10
  rss+=("$(awk '/VmRSS/ {print $2 / 1024}' "/proc/$(pgrep -P "$server" -f Podium.Server.dll || echo "$server")/status")")
  kill "$server"; wait "$server" 2>/dev/null || true
  printf 'start %d: first 200 after %.2f s, idle RSS %.0f MB\n' "$run" "${first[-1]}" "${rss[-1]}"
done
printf 'cores: %s   provider: %s   median: first 200 after %.2f s, idle RSS %.0f MB\n' "$(nproc)" "$provider" \
  "$(printf '%s\n' "${first[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
