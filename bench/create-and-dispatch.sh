#!/usr/bin/env bash
# A 10,000-document create-task request: how long creation takes, and how fast the engine then
# runs the tasks through a simulated agent with no latency (engine overhead alone) on this machine.
# Three runs; prints each and the medians. Usage: create-and-dispatch.sh [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
documents=${DOCUMENTS:-10000}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/podium-bench.XXXXXX)
port=$((20000 + RANDOM % 20000))
api="http://127.0.0.1:$port/api/v2/platform"

dotnet build src/Podium.Server -c Release -nologo -clp:ErrorsOnly >/dev/null
dll=$(pwd)/src/Podium.Server/bin/Release/net10.0/Podium.Server.dll
if [ "$provider" = postgres ]; then
  export Database__Provider=Postgres ConnectionStrings__Podium="${PODIUM_BENCH_POSTGRES:?set PODIUM_BENCH_POSTGRES}"
else
  export Database__Provider=Sqlite ConnectionStrings__Podium="Data Source=$work/podium.db"
fi
admin() { (cd "$work" && dotnet "$dll" admin "$@"); }
handle="bench-$RANDOM"
admin org create --handle "$handle" --name Bench >/dev/null
admin user create --email "$handle@bench.test" --name Bench >/dev/null
admin member add --org "$handle" --email "$handle@bench.test" --role admin >/dev/null
key=$(admin key create --email "$handle@bench.test")
admin agent create --org "$handle" --handle "$handle-agent" --name Sim --state published >/dev/null
space=$(admin space create --org "$handle" --name Bench --content-type contact --json | sed -n 's/.*"token":"\([A-Z0-9]*\)".*/\1/p')

(cd "$work" && Logging__LogLevel__Default=Warning exec dotnet "$dll" --no-demo --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done
auth=(-H "Authorization: Token $key" -H "Org-Handle: $handle")
curl -sf -o /dev/null -X PATCH "$api/agents/$handle-agent/" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"max_concurrency": 1000, "simulation": {"latency_ms": 0}}'
curl -sf -o /dev/null -X PATCH "$api/spaces/$space/" "${auth[@]}" -H 'Content-Type: application/json' -d '{"max_concurrency": 1000}'

awk -v n="$documents" -v agent="$handle-agent" 'BEGIN {
  printf "{\"pilot\": \"%s\", \"context\": \"Benchmark\", \"documents\": [", agent
  for (i = 0; i < n; i++) printf "%s{\"name\": \"Contact %d\", \"contact_number\": \"+1415%07d\", \"labels\": [\"bench\"]}", (i ? "," : ""), i, i
  printf "]}" }' >"$work/body.json"
echo "cores: $(nproc)   provider: $provider   documents: $documents   body: $(($(stat -c %s "$work/body.json") / 1024)) KiB"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
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
