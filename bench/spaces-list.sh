#!/usr/bin/env bash
# GET spaces/ at page 1, at the last page and unpaged, over 2,000 spaces of one
# organization (plus two other organizations' spaces), on SQLite or PostgreSQL.
# Prints the median requests/s and p50/p99 latency of three 10-second wrk runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
spaces=${SPACES:-2000}
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
for other in 1 2; do admin org create --handle "$handle-other-$other" --name Other >/dev/null; done

(cd "$work" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  exec dotnet "$dll" --no-demo --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done

echo "seeding $spaces spaces ($provider)"
seq 1 "$spaces" | xargs -P 4 -I{} curl -sf -o /dev/null -X POST "$api/spaces/" \
  -H "Authorization: Token $key" -H "Org-Handle: $handle" -H 'Content-Type: application/json' \
  -d '{"name": "Bench space {}"}'

cat >"$work/headers.lua" <<LUA
wrk.headers["Authorization"] = "Token $key"
wrk.headers["Org-Handle"] = "$handle"
LUA

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
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
