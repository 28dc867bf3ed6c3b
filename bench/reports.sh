#!/usr/bin/env bash
# Reports at scale: a fresh database, N bulk-loaded tickets, Regard counts them into the reports in the background after
# its start (ReportBackfill), then every report of /api/v1/reports is timed over every filter combination the Reports
# page offers, and ticket creation and replies are measured side by side with the ledger's report facts (as shipped) and
# without them (regard.reports.facts=false, a restart in between). Only talks to 127.0.0.1.
# usage: bench/reports.sh h2|postgresql [tickets]     knobs: BENCH_REPORT_REQUESTS=5 (per report and combination)
#        BENCH_SKIP_BUILD=1 BENCH_PG_DB=regard_bench_reports BENCH_WAIT_SECONDS=7200 BENCH_WRITE_REQUESTS=2000 BENCH_KEEP=1
set -euo pipefail

DB=${1:-}
N=${2:-100000}
if [[ "$DB" != h2 && "$DB" != postgresql ]]; then
    echo "usage: $0 h2|postgresql [tickets]" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REQUESTS=${BENCH_REPORT_REQUESTS:-5}
WRITES=${BENCH_WRITE_REQUESTS:-2000}
export REGARD_ADMIN_EMAIL=${REGARD_ADMIN_EMAIL:-admin@bench.example.com}
export REGARD_ADMIN_PASSWORD=${REGARD_ADMIN_PASSWORD:-bench-admin-password}

LABEL="reports-$DB-$N"
source "$ROOT/bench/common.sh"
build
database "${BENCH_PG_DB:-regard_bench_reports}"

log "first start: Regard migrates the $DB database"
start_regard
stop_regard

TOKEN="rgd_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
log "bulk load: $N tickets"
tool BulkLoad --url="$URL" --user="$DBUSER" --tickets="$N" --token-secret="$TOKEN" --report-extras=true | tee "$RESULTS/bulk-load.txt"

log "starting Regard: it counts the stored tickets into the reports in the background"
start_regard
BASE="http://127.0.0.1:$PORT"
api() { curl -sf -H "Authorization: Bearer $TOKEN" "$@"; }
FROM_ALL=$(date -u -d '-3650 days' +%F)
started=$(date +%s)
while true; do
    opened=$(api "$BASE/api/v1/reports/volume?from=$FROM_ALL" | jq '[.[].opened] | add // 0')
    if [[ "$opened" -ge "$N" ]]; then break; fi
    if (( $(date +%s) - started > ${BENCH_WAIT_SECONDS:-7200} )); then echo "backfill did not finish ($opened of $N)" >&2; exit 1; fi
    sleep 5
done
echo "backfill: $N tickets counted in $(( $(date +%s) - started )) s (as seen through the API)" | tee "$RESULTS/backfill.txt"
# the second pass (flags, purchases, ratings) runs after the first: wait until the satisfaction report has every rating
RATED=$(grep -o '[0-9]* ratings' "$RESULTS/bulk-load.txt" | grep -o '[0-9]*' || echo 0)
while true; do
    rated=$(api "$BASE/api/v1/reports/satisfaction?from=$FROM_ALL" | jq '[.[] | select(.dimension == "team") | .ratings] | add // 0')
    if [[ "$rated" -ge "$RATED" ]]; then break; fi
    if (( $(date +%s) - started > ${BENCH_WAIT_SECONDS:-7200} )); then echo "second backfill pass did not finish ($rated of $RATED)" >&2; exit 1; fi
    sleep 5
done
echo "backfill, second pass (flags, purchases, ratings): done $(( $(date +%s) - started )) s after start" | tee -a "$RESULTS/backfill.txt"
grep -h "stored tickets counted" "$RESULTS/regard-console.log" | tail -n 1 | tee -a "$RESULTS/backfill.txt" || true

TEAM=$(api "$BASE/api/v1/reports/outcomes?from=$FROM_ALL" | jq '.[0].teamId')
CATEGORY=$(api "$BASE/api/v1/reports/touches?from=$FROM_ALL" | jq '[.[] | select(.categoryId > 0)][0].categoryId // "none"')
LANGUAGE=$(api "$BASE/api/v1/reports/volume?from=$FROM_ALL" | jq -r '[.[] | select(.language != "")][0].language // "unknown"')

log "report latency: every report over every filter combination of the page, $REQUESTS requests each (ceiling 1000 ms)"
: >"$RESULTS/latencies.tsv"
for report in touches outcomes reopens backlog volume flags purchases top-purchases satisfaction; do
    for range in 30 365; do
        for team in "" "$TEAM"; do
            for category in "" "$CATEGORY" none; do
                for channel in "" EMAIL; do
                    for language in "" "$LANGUAGE"; do
                        q="from=$(date -u -d "-$range days" +%F)&team=$team&category=$category&channel=$channel&language=$language"
                        for _ in $(seq 1 "$REQUESTS"); do
                            t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
                                "$BASE/api/v1/reports/$report?$q")
                            echo -e "$report\t$q\t$t" >>"$RESULTS/latencies.tsv"
                        done
                    done
                done
            done
        done
    done
done
python3 - "$RESULTS/latencies.tsv" <<'PY' | tee "$RESULTS/report-latency.txt"
import sys, collections
by = collections.defaultdict(list); bad = 0
for line in open(sys.argv[1]):
    report, q, result = line.rstrip('\n').split('\t')
    code, seconds = result.split()
    if code != '200': bad += 1
    by[report].append(float(seconds) * 1000)
def pct(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
print(f"{'report':14} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  ceiling 1000 ms")
for r, v in by.items():
    print(f"{r:14} {len(v):8d} {pct(v, 50):8.1f} {pct(v, 95):8.1f} {max(v):8.1f}  {'ok' if pct(v, 95) < 1000 else 'OVER'}")
print(f"non-200 answers: {bad}")
PY

log "write cost with the reports' facts (as shipped): create and reply, 4 clients"
tool ApiLoad --base="$BASE" --token="$TOKEN" --mode=create --clients=4 --requests="$WRITES" --warmup=200 | tee "$RESULTS/write-create-with.txt"
tool ApiLoad --base="$BASE" --token="$TOKEN" --mode=reply --clients=4 --requests="$WRITES" --warmup=200 | tee "$RESULTS/write-reply-with.txt"
stop_regard
log "the same without them (regard.reports.facts=false: the ledger's daily counts only)"
start_regard --regard.reports.facts=false
tool ApiLoad --base="$BASE" --token="$TOKEN" --mode=create --clients=4 --requests="$WRITES" --warmup=200 | tee "$RESULTS/write-create-without.txt"
tool ApiLoad --base="$BASE" --token="$TOKEN" --mode=reply --clients=4 --requests="$WRITES" --warmup=200 | tee "$RESULTS/write-reply-without.txt"
if [[ "$DB" == postgresql ]]; then
    psql -h 127.0.0.1 -U postgres "$PGDB" -Atc "select 'report tables: ' || pg_size_pretty(pg_total_relation_size('report_ticket') + pg_total_relation_size('report_resolution_day') + pg_total_relation_size('report_opened_day') + pg_total_relation_size('report_flag_day') + pg_total_relation_size('report_purchase') + pg_total_relation_size('report_purchase_ticket') + pg_total_relation_size('report_rating') + pg_total_relation_size('report_rating_day')) || ', purchase rows ' || (select count(*) from report_purchase) || ', rating rows ' || (select count(*) from report_rating) || ', resolution rows ' || (select count(*) from report_resolution_day) || ', opened-day rows ' || (select count(*) from report_opened_day)" \
        | tee -a "$RESULTS/report-latency.txt"
fi
stop_regard
echo "results: $RESULTS"
