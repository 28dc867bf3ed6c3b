#!/usr/bin/env bash
# Regard benchmark, end to end, on this machine only (127.0.0.1):
#   build the app and the bench tools, create a fresh database, let Regard migrate it and create its
#   administrator, bulk-load N tickets, measure the plain-JDBC ceiling and the query plans, start Regard,
#   drive the API (POST /api/v1/tickets) and the pages (inbox, ticket), stop Regard, print a summary.
#
# Usage: bench/run.sh h2 100000
#        bench/run.sh postgresql 100000
# Knobs (environment): BENCH_CLIENTS=8 BENCH_REQUESTS=4000 BENCH_SECONDS=60 BENCH_LISTS=200 BENCH_TICKETS=300 BENCH_WARMUP=300
#        BENCH_PG_DB=regard_bench BENCH_KEEP=1 (keep the database and work dir) BENCH_SKIP_BUILD=1
#        BENCH_IDEMPOTENCY=true (send Idempotency-Key on API posts) JAVA=/path/to/java (21+)
set -euo pipefail

DB=${1:-}
N=${2:-100000}
if [[ "$DB" != h2 && "$DB" != postgresql ]]; then
    echo "usage: $0 h2|postgresql [tickets]" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLIENTS=${BENCH_CLIENTS:-8}
REQUESTS=${BENCH_REQUESTS:-4000}
SECONDS_LIMIT=${BENCH_SECONDS:-60}
LISTS=${BENCH_LISTS:-200}
TICKETS=${BENCH_TICKETS:-300}
# a fresh JVM on two cores is still compiling for its first few hundred requests: warm up before measuring
WARMUP=${BENCH_WARMUP:-300}
IDEMPOTENCY=${BENCH_IDEMPOTENCY:-true}
export REGARD_ADMIN_EMAIL=${REGARD_ADMIN_EMAIL:-admin@bench.example.com}
export REGARD_ADMIN_PASSWORD=${REGARD_ADMIN_PASSWORD:-bench-admin-password}

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
LABEL="$DB-$N"
source "$ROOT/bench/common.sh"
build
database "${BENCH_PG_DB:-regard_bench}"

log "first start: Regard migrates the $DB database and creates $REGARD_ADMIN_EMAIL"
start_regard
stop_regard

TOKEN="rgd_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
log "(a) bulk load: $N tickets"
tool BulkLoad --url="$URL" --user="$DBUSER" --tickets="$N" --token-secret="$TOKEN" | tee "$RESULTS/bulk-load.txt"
read -r FIRST_ID LAST_ID < <(awk '/^TICKET_IDS/ {print $2, $3}' "$RESULTS/bulk-load.txt")

log "(d) plain JDBC ceiling: the rows of 'open ticket', $CLIENTS clients"
tool JdbcCeiling --url="$URL" --user="$DBUSER" --clients="$CLIENTS" --requests="$REQUESTS" --seconds="$SECONDS_LIMIT" \
    --idempotency="$IDEMPOTENCY" | tee "$RESULTS/jdbc-ceiling.txt"

log "query plans of the inbox, ticket page and open-ticket statements"
tool Explain --url="$URL" --user="$DBUSER" > "$RESULTS/explain.txt"
grep '^RESULT' "$RESULTS/explain.txt" | cut -f3- | awk -F'\t' '{printf "  %-45s %8s ms\n", $1, $2}'

log "starting Regard on 127.0.0.1:$PORT"
start_regard

log "(b) API load: POST /api/v1/tickets, $CLIENTS clients, $REQUESTS requests"
tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --clients="$CLIENTS" --requests="$REQUESTS" \
    --seconds="$SECONDS_LIMIT" --idempotency="$IDEMPOTENCY" --warmup="$WARMUP" | tee "$RESULTS/api-load.txt"

log "(c) page latency: sign in, inbox views and later pages, ticket pages (and the same through the API)"
# the administrator sees every team (inbox ALL = the whole desk, any ticket page); a bench agent in two teams
# sees what most agents see (the TEAMS view, the inbox's default, over two teams)
tool PageLatency --base="http://127.0.0.1:$PORT" --email="$REGARD_ADMIN_EMAIL" --password="$REGARD_ADMIN_PASSWORD" \
    --first-id="$FIRST_ID" --last-id="$LAST_ID" --token="$TOKEN" --lists="$LISTS" --tickets="$TICKETS" \
    --seconds=$((SECONDS_LIMIT * 4)) --warmup="$WARMUP" --label=admin | tee "$RESULTS/page-latency.txt"
tool PageLatency --base="http://127.0.0.1:$PORT" --email=bench-agent-6@bench.example.com --password="$REGARD_ADMIN_PASSWORD" \
    --lists="$LISTS" --tickets=0 --seconds=$((SECONDS_LIMIT * 4)) --warmup="$WARMUP" --label=agent | tee -a "$RESULTS/page-latency.txt"
stop_regard

{
    echo
    echo "Regard benchmark: $DB, $N tickets, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -n 1)"
    echo "load average at the start: $LOAD_AT_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg) (above the core count, something else shared the CPU)"
    grep '^BULK LOAD' "$RESULTS/bulk-load.txt"
    printf '%-48s %10s %7s %9s %9s %9s %9s\n' "measure" "req/s" "n" "p50 ms" "p95 ms" "p99 ms" "max ms"
    for f in jdbc-ceiling api-load; do
        awk -F'\t' '/^RESULT/ {printf "%-48s %10s %7s %9s %9s %9s %9s\n", $4, $3, $5, $6, $7, $8, $9}' "$RESULTS/$f.txt"
    done
    awk -F'\t' '/^RESULT/ {printf "%-48s %10s %7s %9s %9s %9s %9s\n", $3, "-", $4, $5, $6, $7, $8}' "$RESULTS/page-latency.txt"
    grep -q 'RESULT' "$RESULTS/page-latency.txt" || echo "(no page measured)"
} | tee "$RESULTS/summary.txt"
echo "results: $RESULTS"
