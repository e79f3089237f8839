#!/usr/bin/env bash
# Server time of the console's pages for a space with 1,000 runs and a run of 10,000 tasks
# (all scheduled years ahead, so the engine stays idle), on SQLite or PostgreSQL.
# Signs in like a browser (cookie and antiforgery token), then times each page 30 times with
# curl on loopback (time to first byte: the server's time plus a loopback round trip) and prints
# the median and 90th percentile in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
source bench/common.sh
bench_setup "$provider"
bench_start
base="http://127.0.0.1:$port"
auth=(-H "Authorization: Token $key" -H "Org-Handle: $handle" -H 'Content-Type: application/json')

agent=$(curl -sf "${auth[@]}" -X POST "$api/agents/" -d '{"name": "Bench caller", "state": "published"}' | sed 's/.*"handle":"\([^"]*\)".*/\1/')
space=$(curl -sf "${auth[@]}" -X POST "$api/spaces/" -d '{"name": "Bench space", "content_type": "contact", "space_type": "contact"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
later='"schedule": {"type": "at", "at": "2031-01-01T09:00:00Z"}'

echo "seeding 999 runs of one task and one run of 10,000 tasks ($provider)"
seq -f '%04g' 1 999 | xargs -P 4 -I{} curl -sf -o /dev/null "${auth[@]}" -X POST "$api/spaces/$space/tasks/create/" \
  -d "{\"pilot\": \"$agent\", $later, \"documents\": [{\"name\": \"Person {}\", \"contact_number\": \"+1415555{}\"}]}"
python3 - "$work/big.json" "$agent" <<'PY'
import json, sys
docs = [{"name": f"Person {i}", "contact_number": f"+1628{i:07d}"} for i in range(10000)]
json.dump({"pilot": sys.argv[2], "schedule": {"type": "at", "at": "2031-01-01T09:00:00Z"}, "documents": docs}, open(sys.argv[1], "w"))
PY
big=$(curl -sf "${auth[@]}" -X POST "$api/spaces/$space/tasks/create/" --data-binary "@$work/big.json" | sed 's/.*"run_id":"\([^"]*\)".*/\1/')
task=$(curl -sf "${auth[@]}" "$api/spaces/$space/runs/$big/tasks/?page=1&page_size=1" | sed 's/.*"task_id":"\([^"]*\)".*/\1/')

jar="$work/cookies"
token=$(curl -sf -c "$jar" -b "$jar" "$base/console/sign-in" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -sf -o /dev/null -c "$jar" -b "$jar" -X POST "$base/console/sign-in" --data-urlencode "_handler=sign-in" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.ApiKey=$key"

measure() {
  local label=$1 path=$2 times
  for _ in 1 2 3; do curl -sf -o /dev/null -b "$jar" "$base$path"; done   # warm-up
  times=$(for _ in $(seq 1 30); do curl -sf -o /dev/null -b "$jar" -w '%{time_starttransfer}\n' "$base$path"; done | awk '{printf "%.1f\n", $1 * 1000}')
  printf '%-44s median %6s ms   p90 %6s ms\n' "$label" "$(echo "$times" | median)" "$(echo "$times" | sort -n | awk '{a[NR]=$1} END {print a[int(NR*0.9)]}')"
}

c="/console/$handle"
echo "cores: $(nproc)"
measure "spaces" "$c/spaces"
measure "space: runs page 1 of 40 (1,000 runs)" "$c/spaces/$space"
measure "space: runs page 40 (last)" "$c/spaces/$space?runs=40"
measure "run: tasks page 1 of 200 (10,000 tasks)" "$c/spaces/$space/runs/$big"
measure "run: tasks page 200 (last)" "$c/spaces/$space/runs/$big?page=200"
measure "run: filtered by status, page 1" "$c/spaces/$space/runs/$big?status=scheduled"
measure "run: live progress (JSON)" "$c/spaces/$space/runs/$big/progress"
measure "task" "$c/spaces/$space/tasks/$task"
measure "new run form" "$c/spaces/$space/runs/new"
measure "agents" "$c/agents"
measure "analytics" "$c/analytics"
