#!/usr/bin/env bash
# `make bench`: the release server on the seed-bench dataset, measured with wrk.
#
# For the estimate statement, the dashboard and the contract list, at concurrency 1 and 8:
# p50, p99 and requests per second; then the render time of a 500-concept estimate PDF and
# the import time of a 5,000-row catalog; then the server's peak resident memory. BENCH_SECONDS
# sets each run's length (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
source .data/services.env

say() { printf '==> %s\n' "$*"; }
seconds=${BENCH_SECONDS:-10}
port=${BENCH_PORT:-8099}
bin=target/release/construbot
export DATABASE_URL="${DATABASE_ADMIN_URL%/*}/construbot_bench"
export BENCH_PASSWORD=${BENCH_PASSWORD:-construbot-bench}

command -v wrk >/dev/null || {
  say "installing wrk (Debian)"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk >/dev/null
}

say "loading the bench dataset into construbot_bench (once; a minute the first time)"
RUST_LOG=warn $bin migrate
RUST_LOG=info $bin seed-bench

say "starting the release server on 127.0.0.1:$port"
PORT=$port SPA_DIR=/nonexistent RUST_LOG=warn REDIS_PREFIX="bench:$$:" $bin serve &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.2
done

base="http://127.0.0.1:$port/api/v1"
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token=$(curl -sf "$base/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"bench@bench.construbot.mx\",\"password\":\"$BENCH_PASSWORD\"}" \
  | json "['access_token']")
auth="Authorization: Bearer $token"
contract=$(curl -sf -H "$auth" "$base/contracts?limit=1&offset=40" | json "['items'][0]['id']")
estimate=$(curl -sf -H "$auth" "$base/contracts/$contract/estimates" | json "['items'][7]['id']")

printf '\n%-34s %5s %10s %10s %10s\n' endpoint conc p50 p99 req/s
for target in "statement:/estimates/$estimate/statement" "dashboard:/dashboard" \
              "contract list:/contracts?limit=50"; do
  name=${target%%:*}
  path=${target#*:}
  for concurrency in 1 8; do
    threads=$(( concurrency < 2 ? 1 : 2 ))
    out=$(wrk -t"$threads" -c"$concurrency" -d"${seconds}s" --timeout 30s --latency \
      -H "$auth" "$base$path")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
      echo "$name answered errors or timed out:"; echo "$out"; exit 1
    fi
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
    printf '%-34s %5s %10s %10s %10s\n' "$name" "$concurrency" "$p50" "$p99" "$rps"
  done
done

python3 scripts/bench_documents.py "$base" "$token"

peak=$(awk '/VmHWM/ { print $2, $3 }' "/proc/$server/status")
printf '\nserver peak resident memory: %s\n' "$peak"
