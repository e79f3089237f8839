#!/usr/bin/env bash
# A 10,000-document create-task request: how long creation takes, and how fast the engine then
# runs the tasks through a simulated agent with no latency (engine overhead alone) on this machine.
# Three runs; prints each and the medians. Usage: create-and-dispatch.sh [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
documents=${DOCUMENTS:-10000}
runs=${RUNS:-3}
source bench/common.sh
bench_setup "$provider"
bench_admin agent create --org "$handle" --handle "$handle-agent" --name Sim --state published >/dev/null
space=$(bench_admin space create --org "$handle" --name Bench --content-type contact --json | sed -n 's/.*"token":"\([A-Z0-9]*\)".*/\1/p')
bench_start
auth=(-H "Authorization: Token $key" -H "Org-Handle: $handle")
curl -sf -o /dev/null -X PATCH "$api/agents/$handle-agent/" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"max_concurrency": 500, "simulation": {"latency_ms": 0}}'
curl -sf -o /dev/null -X PATCH "$api/spaces/$space/" "${auth[@]}" -H 'Content-Type: application/json' -d '{"max_concurrency": 500}'

awk -v n="$documents" -v agent="$handle-agent" 'BEGIN {
  printf "{\"pilot\": \"%s\", \"context\": \"Benchmark\", \"documents\": [", agent
  for (i = 0; i < n; i++) printf "%s{\"name\": \"Contact %d\", \"contact_number\": \"+1415%07d\", \"labels\": [\"bench\"]}", (i ? "," : ""), i, i
  printf "]}" }' >"$work/body.json"
echo "cores: $(nproc)   provider: $provider   documents: $documents   body: $(($(stat -c %s "$work/body.json") / 1024)) KiB"

create=() rate=()
for run in $(seq 1 "$runs"); do
  out=$(curl -s -w '\n%{time_total}' -X POST "$api/spaces/$space/tasks/create/" "${auth[@]}" -H 'Content-Type: application/json' --data-binary @"$work/body.json")
  seconds=$(echo "$out" | tail -n 1)
  run_id=$(echo "$out" | head -n 1 | sed -n 's/.*"run_id":"\(R[0-9a-f]*\)".*/\1/p')
  start=$(date +%s.%N)
  until curl -s "$api/spaces/$space/runs/$run_id/" "${auth[@]}" | grep -q '"status":"completed"'; do sleep 0.2; done
  elapsed=$(echo "$(date +%s.%N) - $start" | bc -l)
  tps=$(echo "$documents / $elapsed" | bc -l)
  printf 'run %d: created in %.2f s, dispatched in %.1f s (%.0f tasks/s)\n' "$run" "$seconds" "$elapsed" "$tps"
  create+=("$seconds") rate+=("$tps")
done
printf 'median: created in %.2f s, %.0f tasks/s\n' "$(printf '%s\n' "${create[@]}" | median)" "$(printf '%s\n' "${rate[@]}" | median)"
