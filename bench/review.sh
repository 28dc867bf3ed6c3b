#!/usr/bin/env bash
# What review rules cost a reply: replies through the API with no review rule, then with ten (category, customer and
# organization rules, and word lists in English, French, German and Vietnamese), in alternating rounds in one run on
# one database, side by side with the ceiling: the rules may cost at most 10 % of the throughput without them.
# The bench's replies hold none of the words, so every reply is evaluated against every rule and still sent (the
# organization rule applies to the bench's team, so its extra read is paid on every reply). Only talks to 127.0.0.1.
# usage: bench/review.sh h2|postgresql [tickets]     knobs: BENCH_CLIENTS=4 BENCH_ROUNDS=3 BENCH_REQUESTS=3000
#        BENCH_WRITE_SECONDS=30 BENCH_WARMUP=300 BENCH_KEEP=1 BENCH_SKIP_BUILD=1 BENCH_PG_DB=regard_bench_review
set -euo pipefail

DB=${1:-}
N=${2:-20000}
if [[ "$DB" != h2 && "$DB" != postgresql ]]; then
    echo "usage: $0 h2|postgresql [tickets]" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLIENTS=${BENCH_CLIENTS:-4}
ROUNDS=${BENCH_ROUNDS:-3}
REQUESTS=${BENCH_REQUESTS:-3000}
WRITE_SECONDS=${BENCH_WRITE_SECONDS:-30}
WARMUP=${BENCH_WARMUP:-300}
CEILING_PERCENT=10
export REGARD_ADMIN_EMAIL=${REGARD_ADMIN_EMAIL:-admin@bench.example.com}
export REGARD_ADMIN_PASSWORD=${REGARD_ADMIN_PASSWORD:-bench-admin-password}

LABEL="review-$DB-$N"
source "$ROOT/bench/common.sh"
build
database "${BENCH_PG_DB:-regard_bench_review}"

log "first start: Regard migrates the $DB database"
start_regard
stop_regard
TOKEN="rgd_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
log "bulk load: $N tickets"
tool BulkLoad --url="$URL" --user="$DBUSER" --tickets="$N" --token-secret="$TOKEN" | tee "$RESULTS/bulk-load.txt"
read -r FIRST_ID LAST_ID < <(awk '/^TICKET_IDS/ {print $2, $3}' "$RESULTS/bulk-load.txt")

log "starting Regard; waiting for the search backfill of the loaded rows"
start_regard
tool BackfillWait --url="$URL" --user="$DBUSER" --wait-seconds="${BENCH_BACKFILL_SECONDS:-1800}" | tee "$RESULTS/backfill.txt"

API="http://127.0.0.1:$PORT/api/v1"
auth=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")
json_id() { sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }

# what the rules point at: two categories no loaded ticket has, a customer and the organization of a loaded ticket
CAT1=$(curl -sf "${auth[@]}" -X POST "$API/categories" -d '{"name":"Bench review A"}' | json_id)
CAT2=$(curl -sf "${auth[@]}" -X POST "$API/categories" -d '{"name":"Bench review B"}' | json_id)
CUSTOMER=$(curl -sf "${auth[@]}" "$API/tickets/$FIRST_ID" | sed -n 's/.*"customer":{"id":\([0-9]*\).*/\1/p')
if [[ "$DB" == postgresql ]]; then
    ORG=$(psql -h 127.0.0.1 -U postgres "$PGDB" -Atc "select min(id) from organization")
else
    ORG=1
fi
echo "rule targets: categories $CAT1 $CAT2, customer $CUSTOMER, organization $ORG" | tee "$RESULTS/rules.txt"
[[ -n "$CAT1" && -n "$CAT2" && -n "$CUSTOMER" && -n "$ORG" ]] || { echo "could not find the rules' targets" >&2; exit 1; }

RULES=(
    "{\"kind\":\"category\",\"target\":$CAT1}"
    "{\"kind\":\"category\",\"target\":$CAT2}"
    "{\"kind\":\"customer\",\"target\":$CUSTOMER}"
    "{\"kind\":\"organization\",\"target\":$ORG}"
    '{"kind":"words","words":["lawyer","legal action","compensation","chargeback","data breach","lawsuit","court","ombudsman","press","guaranteed refund"]}'
    '{"kind":"words","words":["avocat","mise en demeure","remboursement intégral","plainte","tribunal","médiateur","fuite de données","dédommagement","résiliation immédiate","journaliste"]}'
    '{"kind":"words","words":["Rechtsanwalt","Abmahnung","Schadensersatz","Kündigung sofort","Verbraucherzentrale","Datenleck","Gericht","Rückerstattung garantiert","Presse","Beschwerde"]}'
    '{"kind":"words","words":["luật sư","bồi thường","khiếu nại","tòa án","rò rỉ dữ liệu","hoàn tiền ngay","báo chí","kiện","hủy hợp đồng","đền bù"]}'
    '{"kind":"words","words":["never again","worst service","gift card","free month","unsubscribe everything"]}'
    '{"kind":"words","words":["bon d achat","Gutschein sofort","phiếu quà tặng","geste commercial","Kulanz"]}'
)
RULE_IDS=()
add_rules() {
    RULE_IDS=()
    for r in "${RULES[@]}"; do
        id=$(curl -sf "${auth[@]}" -X POST "$API/review-rules" -d "$r" | json_id)
        [[ -n "$id" ]] || { echo "a rule was refused: $r" >&2; exit 1; }
        RULE_IDS+=("$id")
    done
    echo "  ${#RULE_IDS[@]} rules active"
}
remove_rules() {
    for id in "${RULE_IDS[@]}"; do curl -sf "${auth[@]}" -X DELETE "$API/review-rules/$id" >/dev/null; done
    RULE_IDS=()
    left=$(curl -sf "${auth[@]}" "$API/review-rules" | { grep -o '"id":' || true; } | wc -l)
    echo "  rules left: $left"
}

JCMD="$(dirname "$JAVA")/jcmd"
JFR="$(dirname "$JAVA")/jfr"
RECORDING=0
measure() { # label; each measured run is also recorded (Java Flight Recorder), its CPU samples summed per label below
    RECORDING=$((RECORDING + 1))
    "$JCMD" "$REGARD_PID" JFR.start name="run$RECORDING" settings=profile >/dev/null
    tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --mode=reply --first-id="$FIRST_ID" --last-id="$LAST_ID" \
        --clients="$CLIENTS" --requests="$REQUESTS" --seconds="$WRITE_SECONDS" --warmup="$WARMUP" \
        | sed "s/^RESULT\tapp\treply/RESULT\t$1\treply/; s/^CPU\tapp\treply/CPU\t$1\treply/" | tee -a "$RESULTS/review-load.txt"
    "$JCMD" "$REGARD_PID" JFR.stop name="run$RECORDING" filename="$RESULTS/$1-$RECORDING.jfr" >/dev/null
}

: >"$RESULTS/review-load.txt"
log "warm-up: replies with and without rules (not counted)"
tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --mode=reply --first-id="$FIRST_ID" --last-id="$LAST_ID" \
    --clients="$CLIENTS" --requests="$REQUESTS" --seconds="$WRITE_SECONDS" --warmup="$WARMUP" >/dev/null
# odd rounds measure without rules first, even rounds with rules first: replies add messages to the tickets as the run
# goes, and alternating the order keeps that slow drift from counting against either side
for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 == 1 )); then
        log "round $round: replies with no review rule, then with ten"
        measure none
        add_rules
        measure rules
        remove_rules
    else
        log "round $round: replies with ten review rules, then with none"
        add_rules
        measure rules
        remove_rules
        measure none
    fi
done
HELD=$(curl -sf "${auth[@]}" "$API/reviews?state=pending" | { grep -o '"reviewId":\|"id":' || true; } | wc -l)
stop_regard

{
    echo
    echo "Review rules' cost on replies: $DB, $N tickets, $CLIENTS clients, $ROUNDS alternating rounds, $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1)"
    echo "replies held by the rules during the run (a customer rule holds that customer's replies): $HELD"
    awk -F'\t' -v ceiling="$CEILING_PERCENT" '
        /^RESULT\t(none|rules)\treply\t/ { n[$2]++; rate[$2, n[$2]] = $5; err[$2] += $6 }
        /^CPU\t(none|rules)\treply\t/ { c[$2]++; cpu[$2, c[$2]] = $5 + $6 }
        function median(arr, count,   i, j, t, v) {
            for (i = 1; i <= count; i++) v[i] = arr[i];
            for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
            return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
        }
        END {
            # each round pairs a run without rules with the run with rules next to it; the cost is the median of
            # the rounds cost, so that a slower or faster stretch of the machine weighs on both sides of a pair
            printf "%-24s %12s %12s %10s %14s %14s %10s\n", "replies (API)", "no rule /s", "rules /s", "cost", "no rule CPU ms", "rules CPU ms", "CPU cost";
            for (i = 1; i <= n["none"] && i <= n["rules"]; i++) {
                tc[i] = 100 * (rate["none", i] - rate["rules", i]) / rate["none", i];
                cc[i] = (cpu["none", i] > 0) ? 100 * (cpu["rules", i] - cpu["none", i]) / cpu["none", i] : 0;
                printf "  round %-16d %12.1f %12.1f %9.1f%% %14.2f %14.2f %9.1f%%\n", i, rate["none", i], rate["rules", i], tc[i],
                    cpu["none", i], cpu["rules", i], cc[i];
            }
            rounds = i - 1;
            t = median(tc, rounds); u = median(cc, rounds);
            printf "median of the rounds: throughput cost %.1f%%, CPU cost per reply %.1f%%; ceiling %d%%: %s\n", t, u, ceiling,
                (t < ceiling && u < ceiling ? "within" : "OVER");
            printf "errors: %d without rules, %d with\n", err["none"], err["rules"];
        }' "$RESULTS/review-load.txt"
    # the same question asked of the CPU samples, which another load on the machine does not skew: of the samples
    # taken while a reply was being handled (a stack through TicketMessageApi), the share inside ReplyHolds.reasons
    # (the reply's holds: the rules' select, their evaluation, the organization's read)
    for label in none rules; do
        for f in "$RESULTS"/"$label"-*.jfr; do "$JFR" print --events jdk.ExecutionSample --stack-depth 96 "$f"; done \
            | python3 -c '
import sys
label = sys.argv[1]; replies = holds = 0; stack = []
def count(stack):
    global replies, holds
    if any("TicketMessageApi" in f for f in stack):
        replies += 1
        holds += any("ReplyHolds.reasons" in f for f in stack)
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        count(stack); stack = []
    elif line.strip().endswith("line:") or "(" in line:
        stack.append(line.strip())
count(stack)
print(f"CPU samples of replies, {label:5}: {replies:7d}, inside the holds {holds:6d} ({100 * holds / max(replies, 1):.2f} %)")
' "$label"
    done
} | tee "$RESULTS/summary.txt"
echo "results: $RESULTS"
