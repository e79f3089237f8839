# Shared by the benchmark scripts: builds the server, picks the database, makes an
# organization with an admin key, starts the server and stops it on exit.
# After `bench_setup PROVIDER`: $dll, $work, $port, $api, $handle, $key, bench_admin, bench_start, median.
bench_setup() {
  local provider=$1
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
  handle="bench-$RANDOM"
  bench_admin org create --handle "$handle" --name Bench >/dev/null
  bench_admin user create --email "$handle@bench.test" --name Bench >/dev/null
  bench_admin member add --org "$handle" --email "$handle@bench.test" --role admin >/dev/null
  key=$(bench_admin key create --email "$handle@bench.test")
}

bench_admin() { (cd "$work" && dotnet "$dll" admin "$@"); }

bench_start() {
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning RateLimiting__Enabled=false \
    exec dotnet "$dll" --no-demo --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
