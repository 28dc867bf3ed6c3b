#!/usr/bin/env bash
# Regard benchmark, end to end, on this machine only (127.0.0.1):
#   build the app and the bench tools, create a fresh database, let Regard migrate it and create its
#   administrator, bulk-load N tickets, start Regard and wait until its search backfill of the loaded rows is done,
#   stop it, measure the plain-JDBC ceilings of the writes and the query plans, start Regard, drive the writes
#   (API ticket creation, API replies to random and to hot tickets, composer replies) with 4 and 8 clients and the
#   pages (inbox, ticket), stop Regard, print a summary with application and ceiling side by side.
#
# Usage: bench/run.sh h2 100000
#        bench/run.sh postgresql 100000
# Knobs (environment): BENCH_WRITE_CLIENTS="4 8" BENCH_WRITE_SECONDS=30 BENCH_HOT=3 BENCH_BACKFILL_SECONDS=1800
#        BENCH_REQUESTS=4000 BENCH_SECONDS=60 BENCH_LISTS=200 BENCH_TICKETS=300 BENCH_WARMUP=300
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
REQUESTS=${BENCH_REQUESTS:-4000}
SECONDS_LIMIT=${BENCH_SECONDS:-60}
LISTS=${BENCH_LISTS:-200}
TICKETS=${BENCH_TICKETS:-300}
# a fresh JVM on two cores is still compiling for its first few hundred requests: warm up before measuring
WARMUP=${BENCH_WARMUP:-300}
IDEMPOTENCY=${BENCH_IDEMPOTENCY:-true}
# the write measurements: how many clients (each count measured in turn), how long each runs, the hot tickets' number
WRITE_CLIENTS=${BENCH_WRITE_CLIENTS:-4 8}
WRITE_SECONDS=${BENCH_WRITE_SECONDS:-30}
HOT=${BENCH_HOT:-3}
# how long to wait for the search backfill of the loaded rows before measuring anyway (and saying so)
BACKFILL_SECONDS=${BENCH_BACKFILL_SECONDS:-1800}
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

# Regard indexes the loaded rows for search in the background after it starts: wait until that is done (or the time
# limit has passed), so the backfill does not compete with anything measured below
log "starting Regard: the search backfill of the loaded rows, up to $BACKFILL_SECONDS s"
start_regard
tool BackfillWait --url="$URL" --user="$DBUSER" --wait-seconds="$BACKFILL_SECONDS" | tee "$RESULTS/backfill.txt"
stop_regard

# (d) the ceilings: the rows each use case writes in the application, through plain JDBC (H2: while Regard is stopped)
: >"$RESULTS/jdbc-ceiling.txt"
for c in $WRITE_CLIENTS; do
    for mode in create reply composer; do
        log "(d) plain JDBC ceiling: the rows of '$mode', $c clients"
        tool JdbcCeiling --url="$URL" --user="$DBUSER" --mode="$mode" --clients="$c" --requests="$REQUESTS" --seconds="$WRITE_SECONDS" \
            --idempotency="$IDEMPOTENCY" --first-id="$FIRST_ID" --last-id="$LAST_ID" | tee -a "$RESULTS/jdbc-ceiling.txt"
    done
    log "(d) plain JDBC ceiling: replies to $HOT hot tickets, $c clients"
    tool JdbcCeiling --url="$URL" --user="$DBUSER" --mode=reply --hot="$HOT" --clients="$c" --requests="$REQUESTS" --seconds="$WRITE_SECONDS" \
        --idempotency="$IDEMPOTENCY" --first-id="$FIRST_ID" --last-id="$LAST_ID" | tee -a "$RESULTS/jdbc-ceiling.txt"
done

log "query plans of the inbox, ticket page and open-ticket statements"
tool Explain --url="$URL" --user="$DBUSER" > "$RESULTS/explain.txt"
grep '^RESULT' "$RESULTS/explain.txt" | cut -f3- | awk -F'\t' '{printf "  %-45s %8s ms\n", $1, $2}'

log "starting Regard on 127.0.0.1:$PORT"
start_regard
# the backfill is recorded as complete, so Regard does not start it again; if it was not, it goes on now (said below)

: >"$RESULTS/api-load.txt"
for c in $WRITE_CLIENTS; do
    log "(b) API: the HTTP floor, GET /api/v1/preference-fields (no write), $c clients"
    tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --mode=floor --clients="$c" --requests="$REQUESTS" \
        --seconds="$WRITE_SECONDS" --warmup="$WARMUP" | tee -a "$RESULTS/api-load.txt"
    log "(b) API: POST /api/v1/tickets, $c clients"
    tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --mode=create --clients="$c" --requests="$REQUESTS" \
        --seconds="$WRITE_SECONDS" --idempotency="$IDEMPOTENCY" --warmup="$WARMUP" | tee -a "$RESULTS/api-load.txt"
    log "(b) API: POST /api/v1/tickets/{id}/messages (replies to random tickets), $c clients"
    tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --mode=reply --first-id="$FIRST_ID" --last-id="$LAST_ID" --clients="$c" \
        --requests="$REQUESTS" --seconds="$WRITE_SECONDS" --idempotency="$IDEMPOTENCY" --warmup="$WARMUP" | tee -a "$RESULTS/api-load.txt"
    log "(b) API: replies to $HOT hot tickets, $c clients"
    tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --mode=reply --hot="$HOT" --first-id="$FIRST_ID" --last-id="$LAST_ID" \
        --clients="$c" --requests="$REQUESTS" --seconds="$WRITE_SECONDS" --idempotency="$IDEMPOTENCY" --warmup="$WARMUP" | tee -a "$RESULTS/api-load.txt"
    log "(b) composer: POST /tickets/{id}/replies, $c agents signed in"
    tool ComposerLoad --base="http://127.0.0.1:$PORT" --email="$REGARD_ADMIN_EMAIL" --password="$REGARD_ADMIN_PASSWORD" \
        --first-id="$FIRST_ID" --last-id="$LAST_ID" --clients="$c" --requests="$REQUESTS" --seconds="$WRITE_SECONDS" \
        --warmup="$WARMUP" | tee -a "$RESULTS/api-load.txt"
done

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
    awk -F'\t' '/^RESULT\tbackfill/ {
        if ($3 == "completed") printf "search backfill of the loaded rows: waited for it to complete, %s s (%s documents) before measuring\n", $4, $5;
        else printf "search backfill of the loaded rows: NOT complete after %s s (%s of %s documents): it went on during the measurements\n", $4, $5, $6 }' \
        "$RESULTS/backfill.txt"
    echo
    echo "Writes: the application against the plain-JDBC ceiling (the same rows; bench/README.md lists them), same run"
    echo "CPU ms per request, read from /proc around each measurement: app = Regard + PostgreSQL; ceiling = the JDBC tool + PostgreSQL"
    printf '%-34s %7s %10s %10s %7s %8s %8s %9s %9s %15s %15s\n' "use case" "clients" "app /s" "ceiling/s" "ratio" "app p50" "app p95" "errors" "ceil p50" "app CPU ms" "ceiling CPU ms"
    awk -F'\t' '
        FNR == 1 { file++ }
        /^RESULT\t(app|ceiling)\t/ { key = $3 "|" $4; rate[$2, key] = $5; err[$2, key] = $6; p50[$2, key] = $9; p95[$2, key] = $10;
                                     if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
        /^CPU\t(app|ceiling)\t/ { key = $3 "|" $4; cpu[$2, key] = ($2 == "app" ? $5 : $7) "+" $6 }
        END {
            name["create"] = "ticket creation (API)"; name["reply"] = "reply (API, random tickets)";
            name["reply-hot"] = "reply (API, hot tickets)"; name["composer"] = "reply (composer form)";
            name["floor"] = "HTTP floor (API read, no write)";
            for (i = 1; i <= n; i++) {
                split(order[i], k, "|"); key = order[i];
                a = rate["app", key]; cl = rate["ceiling", key];
                ratio = (a != "" && cl > 0) ? sprintf("%.1f%%", 100 * a / cl) : "-";
                printf "%-34s %7s %10s %10s %7s %8s %8s %9s %9s %15s %15s\n", name[k[1]], k[2], (a == "" ? "-" : a), (cl == "" ? "-" : cl), ratio,
                    (p50["app", key] == "" ? "-" : p50["app", key]), (p95["app", key] == "" ? "-" : p95["app", key]),
                    (err["app", key] == "" ? "-" : err["app", key]), (p50["ceiling", key] == "" ? "-" : p50["ceiling", key]),
                    (cpu["app", key] == "" ? "-" : cpu["app", key]), (cpu["ceiling", key] == "" ? "-" : cpu["ceiling", key])
            }
        }' "$RESULTS/jdbc-ceiling.txt" "$RESULTS/api-load.txt"
    echo
    printf '%-48s %10s %7s %9s %9s %9s %9s\n' "reads" "req/s" "n" "p50 ms" "p95 ms" "p99 ms" "max ms"
    awk -F'\t' '/^RESULT/ {printf "%-48s %10s %7s %9s %9s %9s %9s\n", $3, "-", $4, $5, $6, $7, $8}' "$RESULTS/page-latency.txt"
    grep -q 'RESULT' "$RESULTS/page-latency.txt" || echo "(no page measured)"
} | tee "$RESULTS/summary.txt"
echo "results: $RESULTS"
