#!/usr/bin/env bash
# Streams a CSV of contacts (1% bad rows) into a space's collection, then makes a run from a label
# filter over it. For each size: import time, rows/s, and the server's peak memory (VmHWM), each in
# a fresh server, so a flat memory profile shows as the same peak for 10x the rows.
# HEAP_LIMIT_MB caps the server's managed heap (DOTNET_GCHeapHardLimit): an import that streams
# finishes under a cap far below what holding the file would need.
# Usage: import-csv.sh [sqlite|postgres]   (SIZES="50000 500000" by default)
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
sizes=${SIZES:-"50000 500000"}
source bench/common.sh
echo "cores: $(nproc)   provider: $provider   heap limit: ${HEAP_LIMIT_MB:-none} MiB"

for rows in $sizes; do
  bench_setup "$provider"
  bench_admin agent create --org "$handle" --handle "$handle-agent" --name Sim --state published >/dev/null
  space=$(bench_admin space create --org "$handle" --name Bench --content-type contact --json | sed -n 's/.*"token":"\([A-Z0-9]*\)".*/\1/p')
  awk -v n="$rows" 'BEGIN {
    print "name,phone,email,tags,city"
    for (i = 0; i < n; i++)
      printf "Person %d,%s,p%d@example.com,%s,Springfield\n", i, (i % 100 == 42 ? "555-CALL-ME-NOT" : sprintf("+1%d", 2000000000 + i * 7)), i, (i % 10 == 0 ? "vip" : "cold") }' >"$work/contacts.csv"
  if [ -n "${HEAP_LIMIT_MB:-}" ]; then export DOTNET_GCHeapHardLimit=$(printf '0x%x' $((HEAP_LIMIT_MB * 1024 * 1024))); fi
  bench_start
  auth=(-H "Authorization: Token $key" -H "Org-Handle: $handle")
  before=$(awk '/VmHWM/ {print $2}' "/proc/$(pgrep -f "Podium.Server.dll --no-demo --urls http://127.0.0.1:$port" | head -1)/status")
  out=$(curl -s -w '\n%{time_total}' -X POST "$api/spaces/$space/documents/" "${auth[@]}" -H 'Content-Type: text/csv' --data-binary @"$work/contacts.csv")
  seconds=$(echo "$out" | tail -n 1)
  [ -n "${VERBOSE:-}" ] && echo "$out" | head -c 600
  created=$(echo "$out" | head -n 1 | sed -n 's/.*"created":\([0-9]*\).*/\1/p')
  rejected=$(echo "$out" | head -n 1 | sed -n 's/.*"rejected":\([0-9]*\).*/\1/p')
  pid=$(pgrep -f "Podium.Server.dll --no-demo --urls http://127.0.0.1:$port" | head -1)
  after=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  run=$(curl -s -w '\n%{time_total}' -X POST "$api/spaces/$space/tasks/create/" "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"pilot\": \"$handle-agent\", \"filters\": {\"labels\": [\"vip\"]}, \"schedule\": {\"type\": \"at\", \"at\": \"2099-01-01T00:00:00Z\"}}")
  tasks=$(echo "$run" | head -n 1 | { grep -o '"T[0-9a-f]*"' || true; } | wc -l)
  printf 'rows %d (%d KiB): imported in %.1f s (%.0f rows/s), created %s, rejected %s; peak memory %d MiB before, %d MiB after; run from filter: %d tasks in %.1f s\n' \
    "$rows" "$(($(stat -c %s "$work/contacts.csv") / 1024))" "$seconds" "$(echo "$rows / $seconds" | bc -l)" "$created" "$rejected" \
    "$((before / 1024))" "$((after / 1024))" "$tasks" "$(echo "$run" | tail -n 1)"
  kill "$server"; wait "$server" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
  trap - EXIT
done
