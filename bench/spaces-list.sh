#!/usr/bin/env bash
# GET spaces/ at page 1, at the last page and unpaged, over 2,000 spaces of one
# organization (plus two other organizations' spaces), on SQLite or PostgreSQL.
# Prints the median requests/s and p50/p99 latency of three 10-second wrk runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
spaces=${SPACES:-2000}
source bench/common.sh
bench_setup "$provider"
for other in 1 2; do bench_admin org create --handle "$handle-other-$other" --name Other >/dev/null; done
bench_start

echo "seeding $spaces spaces ($provider)"
seq 1 "$spaces" | xargs -P 4 -I{} curl -sf -o /dev/null -X POST "$api/spaces/" \
  -H "Authorization: Token $key" -H "Org-Handle: $handle" -H 'Content-Type: application/json' \
  -d '{"name": "Bench space {}"}'

cat >"$work/headers.lua" <<LUA
wrk.headers["Authorization"] = "Token $key"
wrk.headers["Org-Handle"] = "$handle"
LUA

measure() {
  local label=$1 url=$2 rps=() p50=() p99=()
  for run in 1 2 3; do
    out=$(wrk -t2 -c16 -d10s --latency -s "$work/headers.lua" "$url")
    rps+=("$(echo "$out" | awk '/Requests\/sec/ {print $2}')")
    p50+=("$(echo "$out" | awk '$1 == "50%" {print $2}')")
    p99+=("$(echo "$out" | awk '$1 == "99%" {print $2}')")
  done
  printf '%-28s %10s req/s   p50 %-9s p99 %s\n' "$label" \
    "$(printf '%s\n' "${rps[@]}" | median)" "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)"
}

last=$(( (spaces + 19) / 20 ))
echo "cores: $(nproc)"
measure "healthz (no database)" "http://127.0.0.1:$port/healthz"
measure "page 1 (20 rows)" "$api/spaces/?page=1&page_size=20"
measure "page $last (last, 20 rows)" "$api/spaces/?page=$last&page_size=20"
measure "unpaged (1000 rows)" "$api/spaces/"
