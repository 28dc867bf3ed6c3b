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

# a JDK 21 or newer (the default java may be older)
source "$ROOT/bench/java.sh"

if [[ "${BENCH_REUSE:-0}" == 1 && "$DB" == h2 ]]; then
    WORK=${BENCH_WORK:?BENCH_REUSE on H2 needs BENCH_WORK, the directory a run with BENCH_KEEP=1 kept}
else
    WORK=$(mktemp -d /tmp/regard-search-bench.XXXXXX)
fi
RESULTS="$ROOT/bench/results/$(date -u +%Y%m%d-%H%M%S)-search-$DB-$N"
mkdir -p "$RESULTS"
BENCH_JAR="$ROOT/bench/target/regard-bench.jar"
log() { printf '\n== %s\n' "$*" | tee -a "$RESULTS/run.log"; }
tool() { "$JAVA" -cp "$BENCH_JAR" "org.regard.bench.$@"; }

REGARD_PID=
stop_regard() {
    if [[ -n "$REGARD_PID" ]] && kill -0 "$REGARD_PID" 2>/dev/null; then
        kill "$REGARD_PID"
        for _ in $(seq 1 60); do kill -0 "$REGARD_PID" 2>/dev/null || break; sleep 1; done
    fi
    REGARD_PID=
}
cleanup() {
    stop_regard
    if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
        rm -rf "$WORK"
        [[ "$DB" == postgresql ]] && dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB" 2>/dev/null || true
    else
        echo "kept: $WORK ${PGDB:-}"
    fi
}
trap cleanup EXIT

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    log "building Regard and the bench tools"
    (cd "$ROOT" && mvn -q -B -DskipTests package)
    (cd "$ROOT" && mvn -q -B -f bench/pom.xml package)
fi
APP_JAR=${BENCH_APP_JAR:-$(ls "$ROOT"/target/regard-*.jar | grep -v original | head -n 1)}

if [[ "$DB" == h2 ]]; then
    URL="jdbc:h2:file:$WORK/regard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
    DBUSER=sa
else
    PGDB=${BENCH_PG_DB:-regard_bench_search}
    if [[ "${BENCH_REUSE:-0}" != 1 ]]; then
        dropdb -h 127.0.0.1 -U postgres --if-exists "$PGDB"
        createdb -h 127.0.0.1 -U postgres "$PGDB"
    fi
    URL="jdbc:postgresql://127.0.0.1:5432/$PGDB"
    DBUSER=postgres
fi
PORT=$(tool FreePort)

start_regard() {
    "$JAVA" -Xms1g -Xmx2g -jar "$APP_JAR" --server.address=127.0.0.1 --server.port="$PORT" --regard.data-dir="$WORK" \
        --regard.demo=false --spring.datasource.url="$URL" --spring.datasource.username="$DBUSER" \
        >>"$RESULTS/regard-console.log" 2>&1 &
    REGARD_PID=$!
    for _ in $(seq 1 180); do
        if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
        kill -0 "$REGARD_PID" 2>/dev/null || { echo "Regard did not start; see $RESULTS/regard-console.log" >&2; exit 1; }
        sleep 1
    done
    echo "Regard did not answer within 180 s" >&2
    exit 1
}

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
