#!/usr/bin/env bash
# One URL's throughput as a share of what this machine serves at most: bench/ceiling (Kestrel with a
# fixed body of the same size), measured with wrk in the same rounds, in turn, ceiling first.
#   bench/ratio.sh URL [HEADER ...]
# Env: ROUNDS (3), SECONDS_PER_RUN (10), CONNECTIONS (64), THREADS (2).
# Prints each round, then: "ratio R (endpoint X req/s p99 Y ms, ceiling Z req/s p99 W ms; ...)".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url=$1; shift
headers=(); for h in "$@"; do headers+=(-H "$h"); done
rounds=${ROUNDS:-3} seconds=${SECONDS_PER_RUN:-10} connections=${CONNECTIONS:-64} threads=${THREADS:-2}
size=$(curl -sf "${headers[@]}" "$url" | wc -c)
[ "$size" -gt 0 ] || { echo "no answer from $url" >&2; exit 2; }
out=$(mktemp -d /tmp/podium-ceiling.XXXXXX)
dotnet publish "$here/ceiling" -c Release -o "$out" -nologo -v q >/dev/null
cport=$((20000 + RANDOM % 20000))
ASPNETCORE_URLS="http://127.0.0.1:$cport" CEILING_BYTES=$size dotnet "$out/Ceiling.dll" >/dev/null 2>&1 &
ceiling=$!
trap 'kill $ceiling 2>/dev/null; rm -rf "$out"' EXIT
until curl -sf "http://127.0.0.1:$cport/healthz" >/dev/null; do sleep 0.2; done

load() { wrk -t"$threads" -c"$connections" -d"${1}s" --latency "${@:2}" 2>/dev/null; }
rps() { awk '/^Requests\/sec/ {print $2}'; }
p99() { awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) sub(/ms/, "", v); else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; print v}'; }
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

load 3 "http://127.0.0.1:$cport/ceiling" >/dev/null; load 3 "${headers[@]}" "$url" >/dev/null   # warm both
cr=(); er=(); cp=(); ep=(); ratios=()
for i in $(seq "$rounds"); do
  c=$(load "$seconds" "http://127.0.0.1:$cport/ceiling"); e=$(load "$seconds" "${headers[@]}" "$url")
  bad=$(echo "$e" | sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p')
  [ -z "$bad" ] || echo "round $i: $bad answers were not 2xx" >&2
  cr+=("$(echo "$c" | rps)"); er+=("$(echo "$e" | rps)"); cp+=("$(echo "$c" | p99)"); ep+=("$(echo "$e" | p99)")
  ratios+=("$(awk -v a="${er[-1]}" -v b="${cr[-1]}" 'BEGIN {printf "%.3f", a / b}')")
  echo "round $i: endpoint ${er[-1]} req/s (p99 ${ep[-1]} ms), ceiling ${cr[-1]} req/s (p99 ${cp[-1]} ms), ratio ${ratios[-1]}"
done
m() { printf '%s\n' "$@" | median; }
echo "ratio $(m "${ratios[@]}") (endpoint $(m "${er[@]}") req/s p99 $(m "${ep[@]}") ms, ceiling $(m "${cr[@]}") req/s p99 $(m "${cp[@]}") ms; $size-byte body, $connections connections, $(nproc) cores)"
