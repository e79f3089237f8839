#!/usr/bin/env bash
# The authenticated request path, as a share of the machine's ceiling (bench/ratio.sh, 64 connections):
# GET spaces/ over an organization's 20 spaces, and one run's tasks/?page_size=50, each measured
# against Kestrel serving a fixed body of the same size in the same rounds.
# Usage: request-path.sh [sqlite|postgres]   Env: ROUNDS, SECONDS_PER_RUN, CONNECTIONS (see ratio.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
source bench/common.sh
bench_setup "$provider"
bench_admin agent create --org "$handle" --handle "$handle-agent" --name Sim --state published >/dev/null
bench_start
auth=(-H "Authorization: Token $key" -H "Org-Handle: $handle")
for i in $(seq 1 20); do
  curl -sf -X POST "$api/spaces/" "${auth[@]}" -H 'Content-Type: application/json' -d "{\"name\": \"Bench space $i\", \"content_type\": \"contact\"}" >"$work/space.json"
done
space=$(sed -n 's/.*"token":"\([A-Za-z0-9]*\)".*/\1/p' "$work/space.json")
curl -sf -o /dev/null -X PATCH "$api/agents/$handle-agent/" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"max_concurrency": 100, "simulation": {"latency_ms": 0}}'
awk -v agent="$handle-agent" 'BEGIN {
  printf "{\"pilot\": \"%s\", \"documents\": [", agent
  for (i = 0; i < 200; i++) printf "%s{\"name\": \"Contact %d\", \"contact_number\": \"+1415%07d\"}", (i ? "," : ""), i, i
  printf "]}" }' >"$work/body.json"
run_id=$(curl -sf -X POST "$api/spaces/$space/tasks/create/" "${auth[@]}" -H 'Content-Type: application/json' --data-binary @"$work/body.json" \
  | sed -n 's/.*"run_id":"\([A-Za-z0-9]*\)".*/\1/p')
until curl -sf "$api/spaces/$space/runs/$run_id/" "${auth[@]}" | grep -q '"status":"completed"'; do sleep 0.2; done

echo "cores: $(nproc)   provider: $provider"
echo "== GET spaces/ (20 spaces)"
spaces=$(bench/ratio.sh "$api/spaces/" "Authorization: Token $key" "Org-Handle: $handle" | tee /dev/stderr | tail -n 1)
echo "== GET spaces/{token}/runs/{run_id}/tasks/?page_size=50"
tasks=$(bench/ratio.sh "$api/spaces/$space/runs/$run_id/tasks/?page_size=50" "Authorization: Token $key" "Org-Handle: $handle" | tee /dev/stderr | tail -n 1)
echo "spaces: $spaces"
echo "tasks:  $tasks"
s=$(echo "$spaces" | awk '{print $4}' | tr -d '('); t=$(echo "$tasks" | awk '{print $4}' | tr -d '(')
awk -v s="$s" -v t="$t" 'BEGIN {printf "tasks page costs %.2fx a spaces page (req/s %s vs %s)\n", s / t, s, t}'
