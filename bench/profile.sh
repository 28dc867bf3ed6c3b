#!/usr/bin/env bash
# Where the time of one write goes: Regard under Java Flight Recorder while ApiLoad opens tickets, then the hottest
# frames of Regard's own code and of everything, from the recording's execution samples.
#
# Usage: bench/profile.sh h2|postgresql [requests]
# Knobs: BENCH_MODE=create (or floor: the cheapest authenticated API read) BENCH_CLIENTS=4 BENCH_TICKETS=2000 (bulk-loaded first) BENCH_PG_DB=regard_bench_profile BENCH_SKIP_BUILD=1
set -euo pipefail

DB=${1:-}
REQUESTS=${2:-3000}
if [[ "$DB" != h2 && "$DB" != postgresql ]]; then
    echo "usage: $0 h2|postgresql [requests]" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLIENTS=${BENCH_CLIENTS:-4}
MODE=${BENCH_MODE:-create}
export REGARD_ADMIN_EMAIL=${REGARD_ADMIN_EMAIL:-admin@bench.example.com}
export REGARD_ADMIN_PASSWORD=${REGARD_ADMIN_PASSWORD:-bench-admin-password}
LABEL="profile-$DB"
source "$ROOT/bench/common.sh"
build
database "${BENCH_PG_DB:-regard_bench_profile}"

log "first start: migrate and create the administrator"
start_regard
stop_regard
TOKEN="rgd_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
log "bulk load: ${BENCH_TICKETS:-2000} tickets, so the desk is not empty"
tool BulkLoad --url="$URL" --user="$DBUSER" --tickets="${BENCH_TICKETS:-2000}" --token-secret="$TOKEN" > "$RESULTS/bulk-load.txt"

log "Regard started; the search index of the loaded rows fills (a few seconds) before the recording starts"
start_regard
sleep 15
JCMD="$(dirname "$JAVA")/jcmd"
log "recording while $CLIENTS clients send $REQUESTS requests ($MODE; start-up is not in the recording)"
"$JCMD" "$REGARD_PID" JFR.start name=write settings=profile >/dev/null
tool ApiLoad --base="http://127.0.0.1:$PORT" --token="$TOKEN" --mode="$MODE" --clients="$CLIENTS" --requests="$REQUESTS" --warmup=300 \
    | tee "$RESULTS/api-load.txt"
"$JCMD" "$REGARD_PID" JFR.dump name=write filename="$RESULTS/regard.jfr" >/dev/null
stop_regard

log "hottest frames (top of stack), Regard's own code and all"
JFR="$(dirname "$JAVA")/jfr"
"$JFR" print --events jdk.ExecutionSample --stack-depth 64 "$RESULTS/regard.jfr" > "$RESULTS/samples.txt"
python3 "$ROOT/bench/profile_summary.py" "$RESULTS/samples.txt" | tee "$RESULTS/profile.txt"
echo "recording: $RESULTS/regard.jfr"
