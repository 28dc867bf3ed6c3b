#!/usr/bin/env bash
# Regard mail-intake benchmark, on this machine only (127.0.0.1):
#   an IMAP server inside the bench tool, Regard reading it through a declared mailbox, the shared mail corpus
#   delivered into it COPIES times (new Message-IDs each time), then one 25 MB message; prints messages/s from raw
#   bytes to committed ticket and the heap Regard used for the big message.
#
# Usage: bench/mail.sh h2|postgresql
# Knobs (environment): BENCH_COPIES=3 BENCH_BIG_MB=25 BENCH_HEAP=512m BENCH_SKIP_BUILD=1 BENCH_PG_DB=regard_bench_mail
#        BENCH_CORPUS=../shared/corpus/mail JAVA=/path/to/java (21+)
set -euo pipefail

DB=${1:-}
if [[ "$DB" != h2 && "$DB" != postgresql ]]; then
    echo "usage: $0 h2|postgresql" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COPIES=${BENCH_COPIES:-3}
BIG_MB=${BENCH_BIG_MB:-25}
HEAP=${BENCH_HEAP:-512m}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpus/mail}
ADMIN=admin@bench.example.com
ADMIN_PASSWORD=bench-admin-password
ADDRESS=support@bench.example.com

LABEL="mail-$DB"
source "$ROOT/bench/common.sh"
TOOL_PID=
cleanup_more() {
    if [[ -n "$TOOL_PID" ]]; then kill "$TOOL_PID" 2>/dev/null || true; fi
}
build
database "${BENCH_PG_DB:-regard_bench_mail}"

# started directly (not through tool) so that TOOL_PID is the JVM itself
"$JAVA" -cp "$BENCH_JAR" org.regard.bench.MailIntakeLoad --url="$URL" --user="$DBUSER" --corpus="$CORPUS" \
    --copies="$COPIES" --big-mb="$BIG_MB" --base="http://127.0.0.1:$PORT" --admin="$ADMIN" --password="$ADMIN_PASSWORD" \
    --address="$ADDRESS" --port-file="$WORK/ports" --ready-file="$WORK/ready" --pid-file="$WORK/pid" \
    > >(tee "$RESULTS/mail-intake.txt") 2>&1 &
TOOL_PID=$!
for _ in $(seq 1 60); do [[ -s "$WORK/ports" ]] && break; sleep 0.5; done
read -r IMAP_PORT SMTP_PORT < "$WORK/ports" || true   # the file has no final newline

REGARD_JVM_OPTS="-Xmx$HEAP" start_regard \
    --regard.admin.email="$ADMIN" --regard.admin.password="$ADMIN_PASSWORD" --regard.mail.secret-key=bench \
    --regard.mail.poll-interval=1s \
    --regard.mail.mailboxes[0].address="$ADDRESS" --regard.mail.mailboxes[0].display-name="Bench Support" \
    --regard.mail.mailboxes[0].team=Support \
    --regard.mail.mailboxes[0].imap.host=127.0.0.1 --regard.mail.mailboxes[0].imap.port="$IMAP_PORT" \
    --regard.mail.mailboxes[0].imap.security=none --regard.mail.mailboxes[0].imap.username="$ADDRESS" \
    --regard.mail.mailboxes[0].imap.password=bench-mail-password \
    --regard.mail.mailboxes[0].smtp.host=127.0.0.1 --regard.mail.mailboxes[0].smtp.port="$SMTP_PORT" \
    --regard.mail.mailboxes[0].smtp.security=none
echo "$REGARD_PID" > "$WORK/pid"
touch "$WORK/ready"
wait "$TOOL_PID"
TOOL_PID=
{
    echo
    echo "Regard mail intake: $DB, heap $HEAP, $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"
    grep '^RESULT' "$RESULTS/mail-intake.txt" | cut -f2- | tr '\t' ' '
} | tee "$RESULTS/summary.txt"
