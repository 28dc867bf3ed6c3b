#!/usr/bin/env bash
# Search latency at scale: a fresh database, N bulk-loaded tickets, Regard indexes them in the background after its
# start, then GET /api/v1/search is timed for several kinds of query (SearchLatency). Only talks to 127.0.0.1.
# usage: bench/search.sh h2|postgresql [tickets]     knobs: BENCH_SEARCH_REQUESTS=200 BENCH_WARMUP=30 BENCH_KEEP=1
#        BENCH_SKIP_BUILD=1 BENCH_PG_DB=regard_bench_search BENCH_EXTRA_MESSAGES=0 (hundredths of a message per
#        ticket on top of the usual 4: 103 gives 5 per ticket) BENCH_WAIT_SECONDS=7200 (for the background indexing)
#        BENCH_CLIENTS=8 (the last phase: every kind of query from that many clients at once; 0 skips it)
#        BENCH_REUSE=1 BENCH_TOKEN=rgd_... (a database a run with BENCH_KEEP=1 loaded, with that run's token, and
#        for H2 BENCH_WORK=the kept directory; nothing is loaded again) BENCH_REINDEX=1 (with BENCH_REUSE, PostgreSQL:
#        empty the search index first)
set -euo pipefail

DB=${1:-}
N=${2:-100000}
if [[ "$DB" != h2 && "$DB" != postgresql ]]; then
    echo "usage: $0 h2|postgresql [tickets]" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REQUESTS=${BENCH_SEARCH_REQUESTS:-200}
WARMUP=${BENCH_WARMUP:-30}
export REGARD_ADMIN_EMAIL=${REGARD_ADMIN_EMAIL:-admin@bench.example.com}
export REGARD_ADMIN_PASSWORD=${REGARD_ADMIN_PASSWORD:-bench-admin-password}

LABEL="search-$DB-$N"
source "$ROOT/bench/common.sh"
build
database "${BENCH_PG_DB:-regard_bench_search}"

if [[ "${BENCH_REUSE:-0}" == 1 ]]; then
    TOKEN=${BENCH_TOKEN:?BENCH_REUSE needs BENCH_TOKEN, the token of the loading run}
    log "reusing the loaded $DB database"
    if [[ "${BENCH_REINDEX:-0}" == 1 && "$DB" == postgresql ]]; then
        psql -h 127.0.0.1 -U postgres "$PGDB" -qc "truncate search_document; truncate search_backfill"
    fi
else
    log "first start: Regard migrates the $DB database"
    start_regard
    stop_regard

    TOKEN="rgd_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    log "bulk load: $N tickets"
    tool BulkLoad --url="$URL" --user="$DBUSER" --tickets="$N" --token-secret="$TOKEN" --extra-messages="${BENCH_EXTRA_MESSAGES:-0}" | tee "$RESULTS/bulk-load.txt"
    echo "token: $TOKEN" >>"$RESULTS/run.log"
fi

log "starting Regard: it fills the search index in the background"
start_regard
log "search latency: GET /api/v1/search, one client"
tool SearchLatency --base="http://127.0.0.1:$PORT" --token="$TOKEN" --url="$URL" --user="$DBUSER" \
    --requests="$REQUESTS" --warmup="$WARMUP" --wait-seconds="${BENCH_WAIT_SECONDS:-7200}" --clients="${BENCH_CLIENTS:-8}" | tee "$RESULTS/search-latency.txt"
grep -h "Search index filled" "$RESULTS/regard-console.log" | tail -n 1 | tee -a "$RESULTS/search-latency.txt" || true
if [[ "$DB" == postgresql ]]; then
    psql -h 127.0.0.1 -U postgres "$PGDB" -Atc "select 'search_document ' || pg_size_pretty(pg_total_relation_size('search_document')) || ', GIN ' || pg_size_pretty(pg_relation_size('search_document_tsv'))" \
        | tee -a "$RESULTS/search-latency.txt"
fi
stop_regard
echo "results: $RESULTS"
